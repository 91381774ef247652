"""The markdown runbook: headings, checkbox steps (``1. [ ] ...``) for a change ticket.

Numbering runs on across sections (a list starts at its first number), so a
ticket comment can say "done up to step 12". Inventory values are escaped
twice over: control characters (as on a terminal) and the characters markdown
would read as markup, so a resource group called ``*prod*`` stays literal.
Paths, addresses and URLs are code spans; commands are fenced blocks. The
cluster's Mermaid diagram (``cllint diagram``), which GitHub, GitLab and Azure
DevOps render in place, follows the findings.
"""

from __future__ import annotations

import re

from cllint.files.terminal import escape
from cllint.runbook.steps import Line, Runbook, Value

_MARKUP = re.compile(r"([\\`*_\[\]<>|~&#!])")
_TICKS = re.compile(r"`+")


def text(value: str) -> str:
    """``value`` as literal markdown text."""
    return _MARKUP.sub(r"\\\1", escape(value))


def code_span(value: str) -> str:
    """``value`` as an inline code span, whatever backticks it holds."""
    safe = escape(value)
    longest = max((len(m) for m in _TICKS.findall(safe)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if safe.startswith("`") or safe.endswith("`") or not safe.strip() else ""
    return f"{ticks}{pad}{safe}{pad}{ticks}"


def _part(part: str | Value) -> str:
    if isinstance(part, str):
        return part
    return code_span(part.text) if part.code else text(part.text)


def line(parts: Line) -> str:
    return "".join(_part(p) for p in parts)


def command(parts: Line) -> str:
    """A command line inside a fenced block: control characters escaped, nothing else."""
    return "".join(p if isinstance(p, str) else escape(p.text) for p in parts)


def _fence(lines: list[str]) -> str:
    longest = max((len(m) for ln in lines for m in _TICKS.findall(ln)), default=0)
    return "`" * max(3, longest + 1)


def render(book: Runbook, diagram: str | None = None) -> str:
    """The runbook; ``diagram`` (a fenced Mermaid block) is shown under "The cluster"."""
    out: list[str] = [f"# {line(book.title)}", ""]
    for s in book.summary:
        out += [line(s), ""]
    out.append("## Findings from cllint check")
    out.append("")
    if book.findings:
        out.append("These findings do not block this runbook; review them first.")
        out.append("")
        out += [f"- {line(f)}" for f in book.findings]
    else:
        out.append("None.")
    if diagram:
        out += ["", "## The cluster", "", diagram.rstrip("\n")]
    number = 0
    for section in book.sections:
        out += ["", f"## {line(section.title)}", ""]
        if section.intro:
            out += [line(section.intro), ""]
        for step in section.steps:
            if section.checklist:
                marker = "- "
            else:
                number += 1
                marker = f"{number}. "
            out.append(f"{marker}[ ] {line(step.text)}")
            if step.commands:
                indent = " " * len(marker)
                cmds = [command(c) for c in step.commands]
                fence = _fence(cmds)
                out.append(f"{indent}{fence}powershell")
                out += [indent + c for c in cmds]
                out.append(indent + fence)
    return "\n".join(out) + "\n"
