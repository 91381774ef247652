"""``check --statistics``: how many findings each rule reported, as ruff prints it.

One row per rule with at least one reported (not suppressed, not baselined)
finding, sorted by count, most first, then by rule id. As text, aligned
columns ``count  id  severity  name``; as JSON, a list of objects with
``rule``, ``name``, ``severity`` and ``count`` – its own document, never
mixed into the findings list that ``-f json`` prints without the option.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from cllint.findings import Severity
from cllint.formats import Report

FORMATS = ("text", "json")


@dataclass(frozen=True, slots=True)
class RuleCount:
    rule: str
    name: str
    severity: Severity
    count: int


def counts(report: Report) -> list[RuleCount]:
    """Per-rule counts of reported findings, most first (ties by rule id)."""
    seen: dict[str, tuple[str, Severity, int]] = {}
    for f in report.findings():
        name, severity, n = seen.get(f.rule_id, (f.name, f.severity, 0))
        seen[f.rule_id] = (name, max(severity, f.severity), n + 1)
    rows = [RuleCount(rule, name, sev, n) for rule, (name, sev, n) in seen.items()]
    return sorted(rows, key=lambda r: (-r.count, r.rule))


def render(fmt: str, report: Report) -> str:
    rows = counts(report)
    if fmt == "json":
        items = [
            {"rule": r.rule, "name": r.name, "severity": r.severity.label, "count": r.count}
            for r in rows
        ]
        return json.dumps(items, indent=2) + "\n"
    if not rows:
        return ""
    width = len(str(rows[0].count))
    return "".join(f"{r.count:>{width}}  {r.rule}  {r.severity.label:<7}  {r.name}\n" for r in rows)
