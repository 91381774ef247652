"""The human format: ``path:line:col: ID [severity] name: message`` plus context."""

from __future__ import annotations

from cllint.files.terminal import escape, paint
from cllint.findings import Severity
from cllint.formats import Report, Tally
from cllint.lint.engine import FileReport


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(report: Report) -> str:
    """``2 errors, 1 warning in 2 files; 1 file checked`` – or one short line when
    nothing was checked (a pre-commit batch of other files prints it per batch)."""
    return summary_of(report.tally())


def summary_of(tally: Tally) -> str:
    """The summary line of what ``tally`` counted."""
    counts = tally.counts
    # A finding in an inventory's license file is in that file: count paths, not reports.
    files_with = len(tally.paths)
    if tally.checked == 0 and not files_with and not tally.suppressed:
        return "no inventories to check"
    parts = [
        _plural(counts[Severity.ERROR], "error"),
        _plural(counts[Severity.WARNING], "warning"),
    ]
    if counts[Severity.NOTE]:
        parts.append(_plural(counts[Severity.NOTE], "note"))
    checked = _plural(tally.checked, "file")
    text = f"{', '.join(parts)} in {_plural(files_with, 'file')}; {checked} checked"
    if tally.suppressed:
        text += f"; {tally.suppressed} suppressed"
    if tally.omitted:
        text += f"; {omitted_note(tally.omitted)}"
    return text


def omitted_note(count: int) -> str:
    return f"{count} more findings not shown (limit max-findings-per-run)"


SOURCE_WIDTH = 120
"""Most characters of a source line shown: one line of a hostile file can be megabytes."""


def _window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut ``line`` to :data:`SOURCE_WIDTH` around ``[start, end)``; shift the range."""
    if len(line) <= SOURCE_WIDTH:
        return line, start, end
    begin = max(0, min(start - SOURCE_WIDTH // 3, len(line) - SOURCE_WIDTH))
    text = line[begin : begin + SOURCE_WIDTH]
    if begin > 0:
        text = "…" + text[1:]
    if begin + SOURCE_WIDTH < len(line):
        text = text[:-1] + "…"
    return text, start - begin, min(end - begin, SOURCE_WIDTH)


def stream(file: FileReport, report: Report) -> str:
    """One file's part of the report, written as it comes (see ``cllint.commands.check``)."""
    lines = file_lines(file, report.color, report.verbose, report.quiet)
    return "\n".join(lines) + "\n" if lines else ""


def ending(tally: Tally) -> str:
    """What a streamed report ends with: the summary line."""
    return summary_of(tally) + "\n"


def render(report: Report) -> str:
    return "".join(stream(file, report) for file in report.files) + ending(report.tally())


def file_lines(file: FileReport, color: bool, verbose: bool, quiet: bool) -> list[str]:
    """One file's lines of the report: each shown finding with its source line."""
    out: list[str] = []
    if file.skipped and verbose:
        out.append(f"{escape(file.path)}: skipped ({file.skipped})")
    for f in file.findings:
        if f.suppression is not None:
            continue
        sev = f.severity.label
        head = (
            f"{paint(escape(f.path), 'bold', color)}:{f.line}:{f.column}: "
            f"{f.rule_id} [{paint(sev, sev, color)}] {f.name}: {escape(f.message)}"
        )
        out.append(head)
        if quiet or not f.source:
            continue
        line = f.source.rstrip("\r\n").replace("\t", " ")
        start = f.column - 1
        end = start + 1
        if f.span and f.span.end_line == f.span.line and f.span.end_column > f.column:
            end = f.span.end_column - 1
        line, start, end = _window(line, start, end)
        prefix = escape(line[: max(start, 0)])
        shown = escape(line)
        width = len(escape(line[start:end])) or 1
        gutter = f"{f.line:>5} | "
        out.append(paint(gutter, "dim", color) + shown)
        out.append(
            paint(" " * (len(gutter) - 2) + "| ", "dim", color)
            + " " * len(prefix)
            + paint("^" * min(width, max(len(shown) - len(prefix), 1)), sev, color)
        )
    return out
