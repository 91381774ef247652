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
from cllint.lint.engine import FileReport

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


MAX_DIAGRAMS = 3
"""Most inventories drawn: a report over a whole repository stays readable (and
within what a step summary or a comment accepts); the findings table lists all."""


def diagram(report: Report) -> list[str]:
    """Mermaid pictures of the checked clusters, between the summary table and the
    findings: GitHub, GitLab and Azure DevOps draw such a block in place.

    The formatter holds findings, not models, so each inventory file is read
    again (the same non-blocking, size-limited read as the lint; a file that
    changed or cannot be read is simply not drawn) and each of its inventory
    documents drawn with its own unsuppressed findings, at most
    :data:`MAX_DIAGRAMS` in all.
    """
    out: list[str] = []
    drawn = 0
    for file in report.files:
        if drawn >= MAX_DIAGRAMS:
            break
        if file.skipped is not None or not file.documents or file.path == "<stdin>":
            continue
        for block in _blocks(report, file):
            out += [f"### The cluster in {code(file.path)}", ""]
            out += [block.rstrip("\n"), ""]
            drawn += 1
            if drawn >= MAX_DIAGRAMS:
                break
    return out[:-1] if out else out


def _blocks(report: Report, file: FileReport) -> list[str]:
    """The Mermaid blocks of the inventory documents of one checked file."""
    from cllint import model
    from cllint.diagram.mermaid import mermaid_block
    from cllint.files.fileio import read_regular
    from cllint.inventory.loader import Limits, is_inventory, load_bytes
    from cllint.inventory.schema import schema_findings

    path = report.base / file.path
    limits = Limits()
    try:
        data = read_regular(path, limits.max_bytes + 1)
    except (OSError, ValueError):
        return []
    loaded = load_bytes(data, limits)
    blocks: list[str] = []
    for doc in loaded.documents:
        if not is_inventory(doc.data):
            continue
        _schema, invalid = schema_findings(doc.data)
        inventory = model.build(doc.data, invalid, doc.raw)
        mine = [f for f in file.findings if f.suppression is None and f.document == doc.index]
        blocks.append(mermaid_block(inventory, mine, source=path, base=report.base))
    return blocks


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
