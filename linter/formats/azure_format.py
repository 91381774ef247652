"""Azure Pipelines logging commands: one ``##vso[task.logissue …]message`` per finding.

The agent turns each line into an error or warning on the run's summary and
in its log, with the file and line. ``task.logissue`` knows only ``error``
and ``warning``; cllint's notes are sent as warnings whose message starts with
``note:`` (left out, a note that fails the run under ``--fail-on note`` would
have no annotation to explain it). The agent has no end line or column.

The agent's escaping (its ``CommandStringConvertor``, the task libraries'
``escape``): in property values ``%`` is ``%AZP25``, then ``;`` ``%3B``
(it ends a property), CR ``%0D``, LF ``%0A`` and ``]`` ``%5D`` (it ends the
property list). The message, after that ``]``, is escaped as the task
libraries' ``escapedata`` does – ``%``, CR and LF – since ``;`` and ``]``
mean nothing there and the Node task library's parser would not decode them.
Other control characters (an ESC that could rewrite the log) and
undecodable file-name bytes are first shown as visible escapes like the text
format does; those escapes use only ``\\``, ``x``, ``u`` and hex digits, so
the percent-encoding that follows never encodes anything twice.
"""

from __future__ import annotations

import re

from cllint.findings import Finding, Severity
from cllint.formats import Report, Tally, one_line_each
from cllint.formats.visible import visible
from cllint.lint.engine import FileReport

_BREAKS = re.compile("(\r|\n)")
_TYPE = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "warning"}


def escape_data(text: str) -> str:
    """Escape the message (the task libraries' ``escapedata``)."""
    return text.replace("%", "%AZP25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (the task libraries' ``escape``)."""
    return escape_data(text).replace("]", "%5D").replace(";", "%3B")


def _safe(text: str) -> str:
    """Visible escapes for control characters, except CR and LF: the agent's own
    escaping carries those (a message may span lines, a file name is kept exact)."""
    return "".join(p if p in ("\r", "\n") else visible(p) for p in _BREAKS.split(text))


def _line(f: Finding) -> str:
    props = [
        ("type", _TYPE[f.severity]),
        ("sourcepath", f.path),
        ("linenumber", str(f.line)),
        ("columnnumber", str(f.column)),
        ("code", f.rule_id),
    ]
    joined = ";".join(f"{key}={escape_property(_safe(value))}" for key, value in props)
    note = "note: " if f.severity is Severity.NOTE else ""
    message = f"{note}{f.rule_id} {f.name}: {f.message}"
    return f"##vso[task.logissue {joined}]{escape_data(_safe(message))}"


def render(report: Report) -> str:
    return "".join(stream(file, report) for file in report.files)


def stream(file: FileReport, report: Report) -> str:
    """One file's lines, written as its report comes in (see ``cllint.commands.check``)."""
    return one_line_each(file, _line)


def ending(tally: Tally) -> str:
    """Nothing follows the last line: this format has no summary."""
    return ""
