"""GitHub Actions workflow commands: one ``::error …::message`` line per finding.

GitHub turns these lines into annotations on the pull request's changed
files. Its command parser treats ``%``, CR and LF specially in the message,
and additionally ``:`` and ``,`` in the ``key=value`` properties, so those are
percent-encoded as GitHub's own toolkit does. Control characters (an ESC that
could rewrite the log) are first shown as visible escapes like the text
format does; the visible escape uses only ``\\``, ``x`` and hex digits, so the
percent-encoding that follows never encodes anything twice.
"""

from __future__ import annotations

import re

from cllint.files.terminal import escape
from cllint.findings import Finding, Severity
from cllint.formats import Report, Tally, one_line_each
from cllint.lint.engine import FileReport

_BREAKS = re.compile("(\r|\n)")
_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message (GitHub's ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (GitHub's ``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _safe(text: str) -> str:
    """Visible escapes for control characters, except CR and LF: GitHub's own
    escaping carries those (a message may span lines, a file name is kept exact)."""
    return "".join(p if p in ("\r", "\n") else escape(p) for p in _BREAKS.split(text))


def _line(f: Finding) -> str:
    props = [("file", f.path), ("line", str(f.line))]
    span = f.span
    if span is None or span.end_line == span.line:
        props.append(("col", str(f.column)))
        if span is not None:
            props += [("endLine", str(span.end_line)), ("endColumn", str(span.end_column))]
    else:
        # GitHub's rule: columns belong to a one-line annotation only.
        props.append(("endLine", str(span.end_line)))
    props.append(("title", f"{f.rule_id} {f.name}"))
    joined = ",".join(f"{key}={escape_property(_safe(value))}" for key, value in props)
    return f"::{_COMMAND[f.severity]} {joined}::{escape_data(_safe(f.message))}"


def render(report: Report) -> str:
    return "".join(stream(file, report) for file in report.files)


def stream(file: FileReport, report: Report) -> str:
    """One file's lines, written as its report comes in (see ``cllint.commands.check``)."""
    return one_line_each(file, _line)


def ending(tally: Tally) -> str:
    """Nothing follows the last line: this format has no summary."""
    return ""
