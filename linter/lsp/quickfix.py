"""The quick fix that suppresses one finding with a ``# cllint: disable`` comment.

The comment goes on a line of its own above the finding's line, indented
like it; where that would change the document (inside a multi-line string)
or would not reach the finding, at the end of the line instead. Each
candidate is checked by loading the edited text: the data must be the same
and the new directive must target the finding's line. When neither
candidate passes, no fix is offered – a fix that breaks the file is worse
than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cllint.lsp.positions import Positions

REASON = "reason"
"""Placeholder for the justification, which only the user can give."""


@dataclass(frozen=True, slots=True)
class Insertion:
    """Insert ``text`` at offset ``at`` of the document."""

    at: int
    text: str


def directive(rule_id: str) -> str:
    return f"# cllint: disable={rule_id} -- {REASON}"


def _newline(positions: Positions, line: int) -> str:
    text = positions.text
    end = positions.line_start(line) + len(positions.line(line))
    match = re.compile("\r\n|[\r\n\x85\u2028\u2029]").match(text, end)
    if match:
        return "\n" if match.group(0) in "\x85\u2028\u2029" else match.group(0)
    first = re.search("\r\n|[\r\n]", text)
    return first.group(0) if first else "\n"


def _data(text: str) -> list[object] | None:
    from cllint.inventory.loader import load_text

    loaded = load_text(text)
    if any(f.rule_id == "CL001" for f in loaded.findings):
        return None
    return [d.data for d in loaded.documents]


def _targets(text: str, line: int, rule_id: str) -> bool:
    from cllint.filters.suppressions import parse

    return any(
        d.kind == "disable" and d.terms == (rule_id,) and d.target == line for d in parse(text)
    )


def disable_comment(positions: Positions, line: int, rule_id: str) -> Insertion | None:
    """Where and what to insert to suppress ``rule_id`` on cllint's 1-based ``line``."""
    text = positions.text
    if line < 1:
        return None
    content = positions.line(line)
    indent = content[: len(content) - len(content.lstrip(" \t"))]
    start = positions.line_start(line)
    above = Insertion(start, f"{indent}{directive(rule_id)}{_newline(positions, line)}")
    after = Insertion(start + len(content.rstrip(" \t")), f"  {directive(rule_id)}")
    original = _data(text)
    if original is None:  # the file does not load: the fix cannot be checked
        return None
    for candidate, target in ((above, line + 1), (after, line)):
        edited = text[: candidate.at] + candidate.text + text[candidate.at :]
        if _data(edited) == original and _targets(edited, target, rule_id):
            return candidate
    return None
