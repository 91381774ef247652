"""The plain-text runbook: numbered steps, commands on their own indented lines.

Meant to be pasted into any ticket system or terminal: no markup, each
command alone on its line so it can be copied as it is. Inventory values are
printed with control characters escaped.
"""

from __future__ import annotations

from cllint.files.terminal import escape
from cllint.runbook.steps import Line, Runbook

COMMAND_INDENT = " " * 8


def line(parts: Line) -> str:
    return "".join(p if isinstance(p, str) else escape(p.text) for p in parts)


def render(book: Runbook) -> str:
    out: list[str] = []
    title = line(book.title)
    out += [title, "=" * len(title), ""]
    out += [line(s) for s in book.summary]
    out.append("")
    if book.findings:
        out.append("Findings from cllint check (they do not block this runbook):")
        out += [f"  - {line(f)}" for f in book.findings]
    else:
        out.append("Findings from cllint check: none.")
    number = 0
    for section in book.sections:
        heading = line(section.title)
        out += ["", heading, "-" * len(heading)]
        if section.intro:
            out.append(line(section.intro))
        for step in section.steps:
            if section.checklist:
                out.append(f"  - {line(step.text)}")
            else:
                number += 1
                out.append(f"{number:>3}. {line(step.text)}")
            out += [COMMAND_INDENT + line(cmd) for cmd in step.commands]
    return "\n".join(out) + "\n"
