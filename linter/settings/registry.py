"""Which rules exist: the built-in table plus third-party entry points.

Built-in rules are one module each under ``cllint.rules``. Their id, name,
severity, summary, options and flags are listed in ``cllint.rules.catalog``,
a table generated from the rule modules (``python scripts/rule_table.py``;
``tests/test_rule_table.py`` fails while it is stale), so ``cllint rules``,
rule selection and configuration checks know every rule without importing
its module, and a run imports only the rules it runs: no online rule (nor
``dns_checks``) without ``--resolve``. A rule module that the table does not
list yet is still found (its module is imported and searched), so a new rule
works before the table is regenerated.

Third-party rules come from the ``cllint.rules`` entry-point group; an entry
point may name a Rule subclass or a sequence of them. A third-party rule that
fails to load, or reuses an id, is skipped with a one-line warning rather than
breaking the run. No global mutable registry, no import side effects.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable, Mapping

from cllint.findings import Severity
from cllint.rule import Rule

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any

ENTRY_POINT_GROUP = "cllint.rules"


class RuleEntry:
    """What the table knows of one rule; :meth:`load` imports the rule's class."""

    __slots__ = (
        "_rule",
        "attr",
        "engine",
        "id",
        "module",
        "name",
        "online",
        "options",
        "severity",
        "summary",
        "tags",
    )

    def __init__(
        self,
        id: str,
        name: str,
        severity: Severity,
        summary: str,
        module: str,
        attr: str,
        online: bool = False,
        engine: bool = False,
        options: Mapping[str, Any] | None = None,
        tags: tuple[str, ...] = (),
        rule: type[Rule] | None = None,
    ) -> None:
        self.id = id
        self.name = name
        self.severity = severity
        self.summary = summary
        self.module = module
        self.attr = attr
        self.online = online
        self.engine = engine
        self.options: Mapping[str, Any] = options or {}
        self.tags = tags
        self._rule = rule

    @classmethod
    def of(cls, rule: type[Rule]) -> RuleEntry:
        """The entry of an imported rule class (a plugin, or a module the table lacks)."""
        return cls(
            rule.id,
            rule.name,
            rule.severity,
            rule.summary,
            rule.__module__,
            rule.__qualname__,
            online=rule.online,
            engine=rule.engine,
            options=dict(rule.options),
            tags=tuple(rule.tags),
            rule=rule,
        )

    def load(self) -> type[Rule]:
        """The rule class (its module is imported on first use)."""
        if self._rule is None:
            # __import__, not importlib.import_module: the import statement's own
            # path, which ``python -X importtime`` (and tests/test_startup.py) sees.
            module = __import__(self.module, fromlist=[self.attr])
            rule: type[Rule] = getattr(module, self.attr)
            self._rule = rule
        return self._rule

    def __repr__(self) -> str:
        return f"<RuleEntry {self.id} {self.name}>"


RULES_PACKAGE = "cllint.rules"


def rule_modules() -> list[str]:
    """The names of the rule modules in the package folder (``cl101_too_few_nodes``...)."""
    import cllint.rules

    folder = os.path.dirname(cllint.rules.__file__ or "")
    try:
        names = os.listdir(folder)
    except OSError:  # pragma: no cover - e.g. a zip import: the table is all there is
        return []
    return sorted(
        n[:-3]
        for n in names
        if n.endswith(".py") and n.startswith("cl") and n[2:5].isdigit() and n[5:6] == "_"
    )


def rules_in(module: Any) -> list[type[Rule]]:
    """The rule classes a rule module defines (not the ones it imports)."""
    return [
        obj
        for obj in vars(module).values()
        if isinstance(obj, type)
        and issubclass(obj, Rule)
        and obj.__module__ == module.__name__
        and isinstance(getattr(obj, "id", None), str)
    ]


@functools.cache
def builtin_entries() -> tuple[RuleEntry, ...]:
    """Every built-in rule, from the table; modules the table misses are imported."""
    from cllint.rules.catalog import TABLE

    entries = [
        RuleEntry(
            id,
            name,
            severity,
            summary,
            f"{RULES_PACKAGE}.{module}",
            attr,
            online=online,
            engine=engine,
            options=options,
            tags=tags,
        )
        for id, name, severity, summary, module, attr, online, engine, options, tags in TABLE
    ]
    listed = {row[4] for row in TABLE}
    missing = [m for m in rule_modules() if m not in listed]
    if missing:
        for name in missing:
            module = __import__(f"{RULES_PACKAGE}.{name}", fromlist=["__name__"])
            entries.extend(RuleEntry.of(rule) for rule in rules_in(module))
    return tuple(entries)


@functools.cache
def builtin_rules() -> tuple[type[Rule], ...]:
    """Every built-in rule class (imports every rule module)."""
    return tuple(entry.load() for entry in builtin_entries())


def _may_have_plugins() -> bool:
    """Whether any installed distribution declares the ``cllint.rules`` group.

    A quick look at the ``entry_points.txt`` files on ``sys.path``: importing
    ``importlib.metadata`` costs more than the rest of a one-file check's
    start-up, and almost no installation has a cllint plugin. When a file
    mentions the group, the exact lookup below decides.
    """
    for folder in sys.path:
        try:
            entries = list(os.scandir(folder or "."))
        except OSError:
            continue
        for entry in entries:
            if not entry.name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(entry.path, "entry_points.txt"), "rb") as fh:
                    if ENTRY_POINT_GROUP.encode() in fh.read():
                        return True
            except OSError:
                continue
    return False


@functools.cache
def plugin_rules() -> tuple[type[Rule], ...]:
    if not _may_have_plugins():
        return ()
    from importlib.metadata import entry_points

    found: list[type[Rule]] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin must not break the run
            print(f"cllint: warning: cannot load rule plugin {ep.name!r}: {exc}", file=sys.stderr)
            continue
        items: Iterable[object] = obj if isinstance(obj, list | tuple) else [obj]
        for item in items:
            if isinstance(item, type) and issubclass(item, Rule):
                found.append(item)
            else:
                print(
                    f"cllint: warning: rule plugin {ep.name!r} is not a Rule subclass",
                    file=sys.stderr,
                )
    return tuple(found)


@functools.cache
def catalog() -> tuple[RuleEntry, ...]:
    """Built-in rules first, then plugins whose id is new, sorted by id (nothing imported
    for a built-in rule)."""
    entries = list(builtin_entries())
    seen = {e.id for e in entries}
    for plugin in plugin_rules():
        if plugin.id in seen:
            print(
                f"cllint: warning: rule plugin {plugin.id} reuses an existing id; skipped",
                file=sys.stderr,
            )
            continue
        seen.add(plugin.id)
        entries.append(RuleEntry.of(plugin))
    return tuple(sorted(entries, key=lambda e: e.id))


@functools.cache
def all_rules() -> tuple[type[Rule], ...]:
    """Built-in rules first, then plugins whose id is new, sorted by id."""
    return tuple(entry.load() for entry in catalog())


def by_id() -> dict[str, type[Rule]]:
    return {r.id: r for r in all_rules()}


def similar(term: str, most: int = 5) -> list[RuleEntry]:
    """Rules a mistyped id or name may mean: names containing it, then close spellings."""
    import difflib

    wanted = term.strip().lower()
    rules = catalog()  # the table: no rule module is imported
    if not wanted:
        return []
    found = [r for r in rules if wanted in r.name or r.id.lower().startswith(wanted)]
    names = {r.name: r for r in rules}  # ids are numbers: a near miss means nothing
    for close in difflib.get_close_matches(wanted, list(names), n=most, cutoff=0.6):
        if names[close] not in found:
            found.append(names[close])
    return found[:most]


def lookup_entry(id_or_name: str) -> RuleEntry | None:
    """A rule's table entry by id (any case) or by name."""
    wanted = id_or_name.strip()
    for entry in catalog():
        if entry.id.upper() == wanted.upper() or entry.name == wanted.lower():
            return entry
    return None


def lookup(id_or_name: str) -> type[Rule] | None:
    """A rule by id (any case) or by name (only its own module is imported)."""
    entry = lookup_entry(id_or_name)
    return entry.load() if entry is not None else None
