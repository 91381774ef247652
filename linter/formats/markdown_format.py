"""A Markdown report for ``$GITHUB_STEP_SUMMARY``, merge-request comments and
Azure's ``task.uploadsummary``: a summary table per rule, then the findings.

Every value that comes from an inventory or a file name (paths, messages)
is written as an inline code span, so it cannot inject markup: no HTML, no
links or images, no ``@mention`` and no autolink is parsed inside code. The
span's backtick fence is one longer than the longest run of backticks in
the value, and ``|`` is written ``\\|`` so a value cannot end a table cell
(GitHub's and GitLab's tables read ``\\|`` inside code as ``|``). Control
characters and undecodable file-name bytes are shown as visible escapes, so
a value cannot break a line either. Rule ids, names and severities are
cllint's own and written as they are.

A report of thousands of findings would exceed what these places accept
(GitHub's step summary takes 1 MiB); the findings table stops after
:data:`MAX_FINDINGS` rows and says how many it left out.
"""

from __future__ import annotations

import re

from cllint.findings import Finding
from cllint.formats import Report
from cllint.formats.statistics import counts
from cllint.formats.text_format import summary
from cllint.formats.visible import visible

MAX_FINDINGS = 500
"""Most findings listed; the summary table always counts them all."""

_TICKS = re.compile("`+")


def code(value: str) -> str:
    """``value`` as an inline code span that is safe inside a table cell."""
    text = visible(value).replace("|", "\\|")
    fence = "`" * (max((len(m) for m in _TICKS.findall(text)), default=0) + 1)
    if not text:
        return ""
    # CommonMark strips one space from each end of a code span when both ends
    # have one (unless it is all spaces): pad so the value comes back exactly.
    spaced = text.startswith(" ") and text.endswith(" ") and text.strip(" ")
    pad = " " if text.startswith("`") or text.endswith("`") or spaced else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _where(f: Finding) -> str:
    return code(f"{f.path}:{f.line}:{f.column}")


def diagram(report: Report) -> list[str]:
    """Lines of a diagram block shown between the summary table and the findings.

    The one place a picture of the checked clusters goes (a Mermaid block);
    no diagram is drawn yet, so this returns no lines.
    """
    return []


def render(report: Report) -> str:
    out = ["## cllint", "", visible(summary(report)), ""]
    rows = counts(report)
    first: dict[str, Finding] = {}
    for f in report.findings():
        first.setdefault(f.rule_id, f)
    if rows:
        out += ["| rule | severity | count | first location |", "|---|---|---:|---|"]
        out += [
            f"| {r.rule} {r.name} | {r.severity.label} | {r.count} | {_where(first[r.rule])} |"
            for r in rows
        ]
        out.append("")
    block = diagram(report)
    if block:
        out += [*block, ""]
    findings = list(report.findings())
    if findings:
        out += ["### Findings", "", "| location | rule | severity | message |", "|---|---|---|---|"]
        out += [
            f"| {_where(f)} | {f.rule_id} {f.name} | {f.severity.label} | {code(f.message)} |"
            for f in findings[:MAX_FINDINGS]
        ]
        if len(findings) > MAX_FINDINGS:
            out += ["", f"… and {len(findings) - MAX_FINDINGS} more findings not listed here."]
        out.append("")
    return "\n".join(out)
