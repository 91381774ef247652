"""A stable list of findings for scripts (documented in the README)."""

from __future__ import annotations

import json

from cllint.files.terminal import json_names
from cllint.formats import Report


def render(report: Report) -> str:
    items = [
        {
            "path": f.path,
            "line": f.line,
            "column": f.column,
            "end_line": f.span.end_line if f.span else f.line,
            "end_column": f.span.end_column if f.span else f.column + 1,
            "rule": f.rule_id,
            "name": f.name,
            "severity": f.severity.label,
            "message": f.message,
            "fingerprint": f.fingerprint,
        }
        for f in report.findings()
    ]
    return json_names(json.dumps(items, indent=2, ensure_ascii=False)) + "\n"
