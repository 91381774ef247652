"""cllint findings as LSP diagnostics, and what the server keeps about each one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types

from cllint.filters.suppressions import UNUSED_RULE
from cllint.findings import Finding, Severity
from cllint.lsp.analysis import Analysis
from cllint.lsp.positions import Positions

SOURCE = "cllint"
DOCS = "https://github.com/cllint/cllint/blob/main/docs/rules.md"
SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.NOTE: types.DiagnosticSeverity.Information,
}


@dataclass(slots=True)
class Entry:
    """One published diagnostic and what the server needs to act on it."""

    diagnostic: types.Diagnostic
    rule_id: str
    line: int | None
    """cllint's 1-based line of the finding in the inventory (None in another file)."""


def docs_url(rule_id: str) -> str:
    from cllint.settings.registry import by_id

    rule = by_id().get(rule_id)
    return f"{DOCS}#{rule_id.lower()}-{rule.name}" if rule is not None else DOCS


def plain(line: int, character: int, end_line: int, end_character: int, message: str) -> Entry:
    """A diagnostic that is not a rule's finding (configuration, internal error)."""
    from cllint.files.terminal import escape

    diagnostic = types.Diagnostic(
        range=types.Range(
            start=types.Position(line=line, character=character),
            end=types.Position(line=end_line, character=end_character),
        ),
        message=escape(message),
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )
    return Entry(diagnostic, "", None)


def diagnostic(finding: Finding, positions: Positions) -> types.Diagnostic:
    from cllint.files.terminal import escape

    span = finding.span
    start = positions.lsp_of(finding.line, finding.column)
    end = positions.lsp_of(span.end_line, span.end_column) if span else start
    if end < start:
        end = start
    return types.Diagnostic(
        range=types.Range(
            start=types.Position(line=start[0], character=start[1]),
            end=types.Position(line=end[0], character=end[1]),
        ),
        severity=SEVERITY[finding.severity],
        code=finding.rule_id,
        code_description=types.CodeDescription(href=docs_url(finding.rule_id)),
        source=SOURCE,
        message=escape(finding.message),
        # an unused suppression is dead text: editors grey it out
        tags=[types.DiagnosticTag.Unnecessary] if finding.rule_id == UNUSED_RULE else None,
    )


def license_positions(analysis: Analysis, path: Path, encoding: str) -> Positions:
    """Positions in a license file, decoded as the license-file parser decodes it."""
    data = analysis.contents.get(path, b"")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return Positions(data.decode("utf-8", "replace"), encoding, yaml=False)


def key(p: types.Position) -> tuple[int, int]:
    return p.line, p.character


def contains(r: types.Range, p: types.Position) -> bool:
    return key(r.start) <= key(p) <= key(r.end)


def overlaps(a: types.Range, b: types.Range) -> bool:
    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)
