"""A run's settings: the command line as parsed, merged with the configuration.

:class:`CheckOptions` is the ``check`` command line (None = not given);
:func:`build_settings` merges rule defaults, the configuration file and the
command line (the command line wins) into :class:`Settings`, everything the
engine, the online phase and the language server read. Bad values end here as
a :class:`UsageError`: exit status 2 with one line, before any file is read.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping, Sequence
from pathlib import Path

from cllint.findings import Severity, q
from cllint.inventory.loader import Limits
from cllint.records import field, record
from cllint.rule import Rule

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any

    from cllint.settings.config import Config
    from cllint.settings.registry import RuleEntry


class UsageError(Exception):
    """Bad options or configuration: exit status 2 with a one-line message."""


@record(slots=True)
class CheckOptions:
    """The ``check`` command line, as parsed (None = not given)."""

    paths: tuple[str, ...] = ()
    format: str | None = None
    output: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    fail_on: str | None = None
    config: Path | None = None
    as_of: _dt.date | None = None
    resolve: bool = False
    nameservers: tuple[str, ...] = ()
    dns_timeout: float | None = None
    baseline: Path | None = None
    write_baseline: Path | None = None
    jobs: int | None = None
    quiet: bool = False
    verbose: bool = False
    color: str = "auto"
    statistics: bool = False
    stdin_filename: str | None = None
    respect_gitignore: bool = True
    show_settings: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@record(slots=True)
class Settings:
    """Everything a run needs to know, after config and command line are merged."""

    rules: tuple[type[Rule], ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Any] = field(default_factory=dict)
    as_of: _dt.date = field(default_factory=_dt.date.today)
    limits: Limits = field(default_factory=Limits)
    exclude: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    services: Mapping[str, Any] = field(default_factory=dict)
    base: Path = field(default_factory=Path.cwd)
    verbose: bool = False
    stdin_filename: str | None = None
    """``--stdin-filename``: standard input is linted as if it were this file."""
    respect_gitignore: bool = True
    """Folder walks leave out what git ignores (``--no-respect-gitignore``: they do not)."""

    def stdin_path(self) -> Path:
        """Where standard input's text stands: license paths resolve from its folder."""
        return Path.cwd() / (self.stdin_filename or "stdin.yaml")


def default_options(rules: Sequence[type[Rule] | RuleEntry]) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for rule in rules:
        options.update(rule.options)
    return options


def build_settings(opts: CheckOptions, config: Config) -> tuple[Settings, Severity | None]:
    """Merge defaults, config file and command line (command line wins)."""
    from cllint.settings.registry import catalog, lookup_entry
    from cllint.settings.selection import Selection, SelectionError, split_terms, validate_terms

    # The table, not the rule classes: only the rules that run are imported.
    rules = catalog()

    def pick(cli: tuple[str, ...] | None, key: str) -> tuple[str, ...]:
        return split_terms(cli) if cli is not None else split_terms(config.get(key, []))

    try:
        for key in ("select", "ignore", "extend-select"):  # name the config key, not the option
            validate_terms(split_terms(config.get(key, [])), rules, key)
        selection = Selection(
            rules,
            select=pick(opts.select, "select"),
            ignore=pick(opts.ignore, "ignore"),
            extend_select=pick(opts.extend_select, "extend-select"),
        )
        per_file: dict[str, tuple[str, ...]] = {
            glob: split_terms(ids) for glob, ids in config.get("per-file-ignores", {}).items()
        }
        for glob, ids in per_file.items():
            validate_terms(ids, rules, f"per-file-ignores: {glob}")
    except SelectionError as exc:
        raise UsageError(str(exc)) from None

    severity: dict[str, Severity] = {}
    for key, level in config.get("severity", {}).items():
        rule = lookup_entry(key)
        if rule is None:
            try:  # a prefix is not enough here: one rule, one level
                validate_terms([key], rules, "severity")
            except SelectionError as exc:
                raise UsageError(str(exc)) from None
            raise UsageError(f"severity: {key!r} is not one rule; give a rule id or name")
        severity[rule.id] = Severity.parse(level)

    fail_text = opts.fail_on or config.get("fail-on", "error")
    fail_on = None if fail_text == "never" else Severity.parse(fail_text)

    options = default_options(rules)
    for key in options:
        if key in config.values:
            options[key] = config.values[key]
    nameservers = opts.nameservers or tuple(config.get("nameservers", ()))
    _check_nameservers(nameservers, "--nameserver" if opts.nameservers else "nameservers")
    options["nameservers"] = nameservers
    options["dns-timeout"] = opts.dns_timeout if opts.dns_timeout is not None else 3.0

    limits_cfg: Mapping[str, int] = config.get("limits", {})
    for key, value in limits_cfg.items():
        # JSON Schema calls 100000.0 an integer; a limit must be a whole number
        if type(value) is not int:
            raise UsageError(f"limits.{key}: {q(value)} is not a whole number")
    for key, value in config.values.items():
        if isinstance(value, float) and not math.isfinite(value):
            raise UsageError(f"{key}: {value} is not a finite number")
    defaults = Limits()
    limits = Limits(
        max_bytes=limits_cfg.get("max-file-size", defaults.max_bytes),
        max_depth=limits_cfg.get("max-depth", defaults.max_depth),
        max_nodes=limits_cfg.get("max-nodes", defaults.max_nodes),
        max_documents=limits_cfg.get("max-documents", defaults.max_documents),
        max_findings=limits_cfg.get("max-findings", defaults.max_findings),
        max_findings_per_run=limits_cfg.get("max-findings-per-run", defaults.max_findings_per_run),
    )
    enabled = selection.enabled_rules()
    if not opts.resolve:
        enabled = tuple(r for r in enabled if not r.online)
    settings = Settings(
        rules=tuple(entry.load() for entry in enabled),
        severity=severity,
        options=options,
        as_of=opts.as_of or _dt.date.today(),
        limits=limits,
        exclude=tuple(config.get("exclude", ())),
        per_file_ignores=per_file,
        base=Path.cwd(),
        verbose=opts.verbose,
        stdin_filename=opts.stdin_filename,
        respect_gitignore=opts.respect_gitignore,
    )
    return settings, fail_on


def _check_nameservers(values: tuple[str, ...], where: str) -> None:
    """Reject a bad ``IP[:PORT]`` before anything runs (exit 2, one line)."""
    if not values:
        return
    from cllint.settings.nameservers import NameserverError, parse_nameservers

    try:
        parse_nameservers(values)
    except NameserverError as exc:
        raise UsageError(f"{where}: {exc}") from None


def choose_format(opts: CheckOptions, environ: Mapping[str, str]) -> str:
    if opts.format:
        return opts.format
    if environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    if environ.get("TF_BUILD") == "True":  # Azure Pipelines sets it on every agent
        return "azure"
    return "text"
