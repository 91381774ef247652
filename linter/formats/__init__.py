"""Report formats: one module per format, each with ``render(report) -> str``.

A format module is imported only when chosen, so a text run never pays for
building SARIF.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from cllint.findings import Finding, Severity
from cllint.lint.engine import FileReport
from cllint.records import field, record
from cllint.rule import Rule

FORMATS = ("text", "sarif", "json", "github", "gitlab", "azure", "junit", "markdown")


@record(slots=True)
class Report:
    """Everything a formatter may show: per-file results plus run facts."""

    files: list[FileReport]
    rules: tuple[type[Rule], ...]
    base: Path = field(default_factory=Path.cwd)
    color: bool = False
    verbose: bool = False
    quiet: bool = False
    environ: Mapping[str, str] = field(default_factory=dict)
    """The process environment, for formats that describe the CI run (SARIF on Azure)."""
    omitted: int = 0
    """Findings past the run's ``max-findings-per-run``: counted, not kept."""

    def tally(self) -> Tally:
        """The summary's counts of these files."""
        tally = Tally()
        for file in self.files:
            tally.add(file)
        tally.omitted = self.omitted
        return tally

    def findings(self, include_suppressed: bool = False) -> Iterator[Finding]:
        for file in self.files:
            for finding in file.findings:
                if include_suppressed or finding.suppression is None:
                    yield finding


class Tally:
    """What the summary line counts, kept as files go by.

    A run that streams its report to standard output prints each file's
    findings as its report comes in and keeps only this, so its memory does
    not grow with the number of files or findings (see ``cllint.commands.check``).
    """

    __slots__ = ("checked", "counts", "omitted", "paths", "suppressed")

    def __init__(self) -> None:
        self.counts = dict.fromkeys(Severity, 0)
        self.paths: set[str] = set()
        """Paths with a shown finding: an inventory and its license file are two."""
        self.checked = 0
        self.suppressed = 0
        self.omitted = 0

    def add(self, file: FileReport) -> None:
        if file.skipped is None:
            self.checked += 1
        for finding in file.findings:
            if finding.suppression is None:
                self.counts[finding.severity] += 1
                self.paths.add(finding.path)
            else:
                self.suppressed += 1

    def reaches(self, severity: Severity) -> bool:
        """Whether a shown finding is at least ``severity``."""
        return any(n for s, n in self.counts.items() if s >= severity)


def one_line_each(file: FileReport, line: Callable[[Finding], str]) -> str:
    """``line`` of each shown (not suppressed) finding of ``file``, one per line.

    What a CI log format (``github``, ``azure``) writes for a file, whole or
    streamed; such a format has no summary, so its ``ending`` is empty.
    """
    return "".join(line(f) + "\n" for f in file.findings if f.suppression is None)


def render(name: str, report: Report) -> str:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    module = importlib.import_module(f"cllint.formats.{name}_format")
    text: str = module.render(report)
    return text
