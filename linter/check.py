"""The ``check`` command's flow: options + config → settings → lint → report → exit status.

Kept apart from ``cli.py`` so the command line stays a thin layer of option
declarations and the flow can be read (and tested) top to bottom.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cllint.config import Config, ConfigError
from cllint.engine import FileReport, Prepared, Settings
from cllint.findings import Finding, Severity, q
from cllint.loader import Limits
from cllint.records import field, record
from cllint.rule import Rule

if TYPE_CHECKING:
    from cllint.registry import RuleEntry

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: First-generation garbage-collection threshold while linting (see ``_collect_from_here``).
GC_THRESHOLD = 50_000


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


def default_options(rules: Sequence[type[Rule] | RuleEntry]) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for rule in rules:
        options.update(rule.options)
    return options


def build_settings(opts: CheckOptions, config: Config) -> tuple[Settings, Severity | None]:
    """Merge defaults, config file and command line (command line wins)."""
    from cllint.registry import catalog, lookup_entry
    from cllint.selection import Selection, SelectionError, split_terms, validate_terms

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
    from cllint.nameservers import NameserverError, parse_nameservers

    try:
        parse_nameservers(values)
    except NameserverError as exc:
        raise UsageError(f"{where}: {exc}") from None


def _resolve(
    opts: CheckOptions, paths: list[str], settings: Settings
) -> dict[str, Prepared] | None:
    """With ``--resolve``: ask DNS everything the online rules need, before linting.

    Returns the files parsed on the way, for the lint to use instead of
    parsing them again.
    """
    if not opts.resolve or not any(r.online for r in settings.rules):
        return None
    from cllint.nameservers import parse_nameservers
    from cllint.online_phase import resolve

    options = settings.options
    prepared: dict[str, Prepared] = {}
    answers = resolve(
        paths,
        settings,
        parse_nameservers(tuple(options["nameservers"])),
        float(options["dns-timeout"]),
        keep=prepared,
    )
    settings.services = {**settings.services, "dns": answers}
    return prepared


def _collect_from_here() -> None:
    """Start-up is over: keep its objects out of every later collection, collect the rest.

    ``gc.freeze`` moves what exists now (modules, rule classes, the compiled
    schema) to a generation the collector never walks, so collections while
    linting stay cheap, and forked workers do not touch (and so copy) those pages.
    """
    import gc

    if gc.isenabled():  # called in-process (tests, an embedding program): leave GC alone
        return
    gc.freeze()
    # Linting allocates by the hundred thousand and frees by reference counting;
    # the default first-generation threshold (700) collects thousands of times
    # for nothing. Measured over 200 files: 6% less CPU at 50,000.
    gc.set_threshold(GC_THRESHOLD, 10, 10)
    gc.enable()


def choose_format(opts: CheckOptions, environ: Mapping[str, str]) -> str:
    if opts.format:
        return opts.format
    if environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    if environ.get("TF_BUILD") == "True":  # Azure Pipelines sets it on every agent
        return "azure"
    return "text"


def _statistics_format(opts: CheckOptions) -> str:
    """``--statistics`` prints text or JSON: the given format, else text."""
    from cllint.formats.statistics import FORMATS

    if opts.format is None:
        return "text"
    if opts.format not in FORMATS:
        raise UsageError(f"--statistics prints text or json, not {opts.format}")
    return opts.format


def _read_baseline(path: Path | None) -> frozenset[str]:
    """The fingerprints of ``--baseline FILE``, read before linting so a bad file fails fast."""
    if path is None:
        return frozenset()
    from cllint.baseline import BaselineError, load

    try:
        return load(path)
    except BaselineError as exc:
        raise UsageError(str(exc)) from None


class _Collector:
    """Takes each file's report as it comes: hides baselined findings, records
    the baseline to write, and keeps at most ``max-findings-per-run`` findings.

    A per-file limit alone lets aliases turn forty 24 KB files into 400,000
    findings; past the run's limit findings are only counted (and whether one
    of them fails the run), so memory stays proportional to what is reported.
    """

    def __init__(self, opts: CheckOptions, known: frozenset[str], settings: Settings) -> None:
        self.known = known
        self.baselining = opts.baseline is not None or opts.write_baseline is not None
        self.recording = opts.write_baseline is not None
        self.recorded: set[tuple[str, str, str]] = set()
        self.room = settings.limits.max_findings_per_run
        self.omitted = 0
        self.omitted_severities: set[Severity] = set()
        self.files: list[FileReport] = []

    def add(self, file: FileReport) -> None:
        from cllint import baseline
        from cllint.findings import Suppression

        if self.recording:
            self.recorded |= baseline.keys(file.findings)
            for f in file.findings:  # a new baseline records, and so hides, every one
                if f.suppression is None:
                    f.suppression = Suppression("external", baseline.JUSTIFICATION)
        elif self.baselining:
            baseline.apply(self.known, file.findings)
        shown = sum(1 for f in file.findings if f.suppression is None)
        if shown > self.room:
            kept: list[Finding] = []
            for f in file.findings:
                if self.room > 0:
                    kept.append(f)
                    self.room -= f.suppression is None
                elif f.suppression is None:
                    self.omitted += 1
                    self.omitted_severities.add(f.severity)
            file.findings = kept
        else:
            self.room -= shown
        self.files.append(file)

    def write_baseline(self, path: Path) -> None:
        from cllint import baseline

        try:
            baseline.write(path, self.recorded)
        except baseline.BaselineError as exc:
            raise UsageError(str(exc)) from None


def _check_cwd() -> None:
    """A run from a folder deleted under it is a one-line error, not an internal one."""
    try:
        os.getcwd()
    except OSError:
        raise UsageError("the current folder no longer exists; cd to a folder first") from None


def check_named(path: str) -> None:
    """A path named on the command line must be readable: a gate never passes on
    a file it could not read (permission denied, a dangling link, a loop of links).

    A walked folder may skip such entries (``-v`` lists them); a named one may not.
    A named pipe or a device is left to the lint, which skips it unread.
    """
    import stat

    from cllint.fileio import reason
    from cllint.terminal import escape

    if path == "-":
        return
    try:
        st = os.stat(path)
        if stat.S_ISREG(st.st_mode):
            os.close(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)))
        elif stat.S_ISDIR(st.st_mode):
            os.close(os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)))
    except OSError as exc:
        if not os.path.lexists(path):
            raise UsageError(f"no such file or folder: {escape(path)}") from None
        raise UsageError(f"{escape(path)}: cannot read: {reason(exc)}") from None
    except ValueError:  # a NUL byte in the name
        raise UsageError(f"{escape(path)}: cannot read: a name the system refuses") from None


def run(opts: CheckOptions, environ: Mapping[str, str]) -> int:
    """Run ``cllint check``; return the exit status."""
    from cllint import config as config_mod
    from cllint.engine import discover
    from cllint.formats import Report, render
    from cllint.runner import run_files
    from cllint.terminal import escape, want_color

    _check_cwd()
    try:
        config = config_mod.load(opts.config)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    settings, fail_on = build_settings(opts, config)
    if opts.show_settings or opts.verbose:
        from cllint import show_settings

        if opts.show_settings:
            print("\n".join(show_settings.lines(opts, config, settings, environ)))
            return EXIT_OK
        name = show_settings.config_name(config, settings.base)
        print(f"cllint: configuration: {escape(name)}", file=sys.stderr)
    fmt = _statistics_format(opts) if opts.statistics else choose_format(opts, environ)

    for path in opts.paths:
        check_named(path)
    if opts.stdin_filename is not None and "-" not in opts.paths:
        raise UsageError("--stdin-filename names standard input: give - as the path")
    skipped_paths: list[str] = []
    paths = list(
        discover(opts.paths, settings.exclude, skipped_paths.append, settings.respect_gitignore)
    )
    unlisted: list[FileReport] = []
    if any(p.lower().endswith(".lic") for p in paths):
        from cllint.license_targets import expand

        paths, unlisted = expand(paths, settings)
    known = _read_baseline(opts.baseline)
    _collect_from_here()
    prepared = _resolve(opts, paths, settings)
    collector = _Collector(opts, known, settings)
    for file in run_files(paths, settings, opts.jobs, prepared):
        collector.add(file)
    for file in unlisted:
        collector.add(file)
    if opts.write_baseline is not None:
        collector.write_baseline(opts.write_baseline)

    report = Report(
        files=collector.files,
        omitted=collector.omitted,
        rules=settings.rules,
        base=settings.base,
        color=want_color(opts.color) and fmt == "text" and opts.output is None,
        verbose=opts.verbose,
        quiet=opts.quiet,
        environ=environ,
    )
    if opts.statistics:
        from cllint.formats import statistics

        text = statistics.render(fmt, report)
    else:
        text = render(fmt, report)
    if opts.output is not None:
        from cllint.fileio import write_atomic

        try:
            write_atomic(opts.output, text)
        except OSError as exc:
            raise UsageError(
                f"{opts.output}: cannot write the report: {exc.strerror or exc}"
            ) from None
        if not opts.quiet:
            from cllint.formats.text_format import summary

            print(summary(report))
    else:
        sys.stdout.write(text)
    summarised = opts.output is not None and not opts.quiet  # the summary says it
    if collector.omitted and not summarised and (fmt != "text" or opts.output is not None):
        from cllint.formats.text_format import omitted_note

        print(f"cllint: {omitted_note(collector.omitted)}", file=sys.stderr)
    if opts.verbose:
        for path in skipped_paths:
            print(f"{escape(path)}: excluded", file=sys.stderr)

    if fail_on is None:
        return EXIT_OK
    failing = any(f.severity >= fail_on for f in report.findings()) or any(
        severity >= fail_on for severity in collector.omitted_severities
    )
    return EXIT_FINDINGS if failing else EXIT_OK
