"""The ``check`` command's flow: options + config → settings → lint → report → exit status.

Kept apart from ``cli.py`` so the command line stays a thin layer of option
declarations and the flow can be read (and tested) top to bottom.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from cllint.findings import Finding, Severity
from cllint.lint.engine import FileReport, Prepared
from cllint.settings.config import ConfigError
from cllint.settings.options import (
    CheckOptions,
    Settings,
    UsageError,
    build_settings,
    choose_format,
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: Formats written file by file as reports come in (to standard output): each
#: such format module has ``stream(file, report)`` and ``ending(tally)``.
STREAMED = frozenset({"text", "github", "azure"})
#: First-generation garbage-collection threshold while linting (see ``_collect_from_here``).
GC_THRESHOLD = 50_000


def _resolve(
    opts: CheckOptions, paths: list[str], settings: Settings
) -> dict[str, Prepared] | None:
    """With ``--resolve``: ask DNS everything the online rules need, before linting.

    Returns the files parsed on the way, for the lint to use instead of
    parsing them again.
    """
    if not opts.resolve or not any(r.online for r in settings.rules):
        return None
    from cllint.resolve.phase import resolve
    from cllint.settings.nameservers import parse_nameservers

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
    from cllint.filters.baseline import BaselineError, load

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

    Every report is counted in ``tally`` (the summary line and the exit
    status read it). With ``stream`` (a line-based report to standard output)
    each file's lines are written as its report comes in and the report is
    not kept: a CI log shows findings while the run goes on, and ten
    thousand files take no more memory than a thousand.
    """

    def __init__(
        self,
        opts: CheckOptions,
        known: frozenset[str],
        settings: Settings,
        stream: Callable[[FileReport], None] | None = None,
    ) -> None:
        from cllint.formats import Tally

        self.stream = stream
        self.tally = Tally()
        self.known = known
        self.baselining = opts.baseline is not None or opts.write_baseline is not None
        self.recording = opts.write_baseline is not None
        self.recorded: set[tuple[str, str, str]] = set()
        self.room = settings.limits.max_findings_per_run
        self.omitted = 0
        self.omitted_severities: set[Severity] = set()
        self.files: list[FileReport] = []

    def add(self, file: FileReport) -> None:
        from cllint.filters import baseline
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
        self.tally.add(file)
        if self.stream is None:
            self.files.append(file)
        else:
            self.stream(file)

    def write_baseline(self, path: Path) -> None:
        from cllint.filters import baseline

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

    from cllint.files.fileio import reason
    from cllint.files.terminal import escape

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
    from cllint.files.discovery import discover
    from cllint.files.terminal import escape, want_color
    from cllint.formats import Report, render
    from cllint.lint.runner import run_files
    from cllint.settings import config as config_mod

    _check_cwd()
    try:
        config = config_mod.load(opts.config)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    settings, fail_on = build_settings(opts, config)
    if opts.show_settings or opts.verbose:
        from cllint.commands import show_settings

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
        from cllint.commands.license_targets import expand

        paths, unlisted = expand(paths, settings)
    known = _read_baseline(opts.baseline)
    _collect_from_here()
    prepared = _resolve(opts, paths, settings)
    color = want_color(opts.color) and fmt == "text" and opts.output is None
    report = Report(  # the files are added once they are all in
        files=[],
        rules=settings.rules,
        base=settings.base,
        color=color,
        verbose=opts.verbose,
        quiet=opts.quiet,
        environ=environ,
    )
    stream: Callable[[FileReport], None] | None = None
    streamed = None
    if fmt in STREAMED and not opts.statistics and opts.output is None:
        import importlib

        streamed = importlib.import_module(f"cllint.formats.{fmt}_format")

        def write(file: FileReport) -> None:
            text = streamed.stream(file, report)
            if text:
                sys.stdout.write(text)

        stream = write

    collector = _Collector(opts, known, settings, stream)
    for file in run_files(paths, settings, opts.jobs, prepared):
        collector.add(file)
    for file in unlisted:
        collector.add(file)
    if opts.write_baseline is not None:
        collector.write_baseline(opts.write_baseline)
    report.files = collector.files
    report.omitted = collector.tally.omitted = collector.omitted
    if streamed is not None:
        text = streamed.ending(collector.tally)
    elif opts.statistics:
        from cllint.formats import statistics

        text = statistics.render(fmt, report)
    else:
        text = render(fmt, report)
    if opts.output is not None:
        from cllint.files.fileio import write_atomic

        try:
            write_atomic(opts.output, text)
        except OSError as exc:
            raise UsageError(
                f"{opts.output}: cannot write the report: {exc.strerror or exc}"
            ) from None
        if not opts.quiet:
            from cllint.formats.text_format import summary_of

            print(summary_of(collector.tally))
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
    failing = collector.tally.reaches(fail_on) or any(
        severity >= fail_on for severity in collector.omitted_severities
    )
    return EXIT_FINDINGS if failing else EXIT_OK
