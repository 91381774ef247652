"""Which rules exist: the built-in list plus third-party entry points.

Built-in rules are listed explicitly in ``cllint.rules.BUILTIN`` (no import
side effects, no global mutable registry). Third-party rules come from the
``cllint.rules`` entry-point group; an entry point may name a Rule subclass or
a sequence of them. A third-party rule that fails to load, or reuses an id,
is skipped with a one-line warning rather than breaking the run.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable

from cllint.rule import Rule

ENTRY_POINT_GROUP = "cllint.rules"


@functools.cache
def builtin_rules() -> tuple[type[Rule], ...]:
    from cllint.rules import BUILTIN

    return tuple(BUILTIN)


def _may_have_plugins() -> bool:
    """Whether any installed distribution declares the ``cllint.rules`` group.

    A quick look at the ``entry_points.txt`` files on ``sys.path``: importing
    ``importlib.metadata`` costs more than the rest of a one-file check's
    start-up, and almost no installation has a cllint plugin. When a file
    mentions the group, the exact lookup below decides.
    """
    import os

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
def all_rules() -> tuple[type[Rule], ...]:
    """Built-in rules first, then plugins whose id is new, sorted by id."""
    rules = list(builtin_rules())
    seen = {r.id for r in rules}
    for plugin in plugin_rules():
        if plugin.id in seen:
            print(
                f"cllint: warning: rule plugin {plugin.id} reuses an existing id; skipped",
                file=sys.stderr,
            )
            continue
        seen.add(plugin.id)
        rules.append(plugin)
    return tuple(sorted(rules, key=lambda r: r.id))


def by_id() -> dict[str, type[Rule]]:
    return {r.id: r for r in all_rules()}


def similar(term: str, most: int = 5) -> list[type[Rule]]:
    """Rules a mistyped id or name may mean: names containing it, then close spellings."""
    import difflib

    wanted = term.strip().lower()
    rules = all_rules()
    if not wanted:
        return []
    found = [r for r in rules if wanted in r.name or r.id.lower().startswith(wanted)]
    names = {r.name: r for r in rules}  # ids are numbers: a near miss means nothing
    for close in difflib.get_close_matches(wanted, list(names), n=most, cutoff=0.6):
        if names[close] not in found:
            found.append(names[close])
    return found[:most]


def lookup(id_or_name: str) -> type[Rule] | None:
    """A rule by id (any case) or by name."""
    wanted = id_or_name.strip()
    for rule in all_rules():
        if rule.id.upper() == wanted.upper() or rule.name == wanted.lower():
            return rule
    return None
