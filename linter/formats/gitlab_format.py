"""GitLab Code Quality report: a JSON array GitLab shows in merge requests.

Each issue has ``description``, ``check_name``, ``fingerprint``, ``severity``
and ``location.path`` / ``location.lines.begin``. GitLab's severities are
``info``, ``minor``, ``major``, ``critical`` and ``blocker``; cllint maps its
three onto the middle of that scale and keeps ``critical``/``blocker`` free
for tools that judge security impact:

======== ========
cllint   GitLab
======== ========
error    major
warning  minor
note     info
======== ========

Control characters in messages are shown as visible escapes (as in the text
format): GitLab renders descriptions in merge requests, where a bidi override
could hide text. The fingerprint is the same line-independent one SARIF, JSON and the baseline
use, so GitLab tracks an issue across edits that move it.
"""

from __future__ import annotations

import json

from cllint.files.terminal import escape, json_names
from cllint.findings import Finding, Severity
from cllint.formats import Report

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.NOTE: "info"}


def _issue(f: Finding) -> dict[str, Any]:
    end = max(f.span.end_line, f.line) if f.span is not None else f.line
    return {
        "type": "issue",
        "description": f"{f.rule_id} {f.name}: {escape(f.message)}",
        "check_name": f"{f.rule_id} {f.name}",
        "fingerprint": f.fingerprint,
        "severity": SEVERITY[f.severity],
        "location": {"path": f.path, "lines": {"begin": f.line, "end": end}},
    }


def render(report: Report) -> str:
    issues = [_issue(f) for f in report.findings()]
    return json_names(json.dumps(issues, indent=2, ensure_ascii=False)) + "\n"
