"""The bundled examples: one clean inventory, and one folder where every rule fires.

``examples/cluster.yaml`` is what the documentation shows and what new users
copy, so it must stay free of findings. ``examples/everything-wrong/`` shows
every offline rule at work; when a rule is added, this test fails until the
example demonstrates it too.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cllint.registry import all_rules
from helpers import AS_OF, CLEAN_EXAMPLE, EXAMPLES, lint_file, run_cllint

EVERYTHING_WRONG = EXAMPLES / "everything-wrong"


@pytest.mark.parametrize("as_of", [AS_OF, dt.date.today()], ids=["as-of", "today"])
def test_clean_example_has_no_findings(as_of: dt.date) -> None:
    report = lint_file(CLEAN_EXAMPLE, as_of=as_of)
    assert report.skipped is None
    assert [(f.rule_id, f.line, f.message) for f in report.findings] == []


def everything_wrong_files() -> list[Path]:
    return sorted(EVERYTHING_WRONG.glob("*.yaml"))


def test_everything_wrong_fires_every_offline_rule() -> None:
    fired: set[str] = set()
    for path in everything_wrong_files():
        report = lint_file(path, as_of=AS_OF)
        assert report.skipped is None, f"{path.name}: {report.skipped}"
        assert report.findings, f"{path.name} has no findings"
        fired |= {f.rule_id for f in report.findings}
    offline = {rule.id for rule in all_rules() if not rule.online}
    assert sorted(offline - fired) == [], "rules the everything-wrong example does not show"
    assert fired <= offline


def test_everything_wrong_through_the_command() -> None:
    """The real command over the folder: exit 1, every offline rule in the JSON report."""
    run = run_cllint(
        ["check", "--as-of", AS_OF.isoformat(), "--format", "json", str(EVERYTHING_WRONG)]
    )
    assert run.code == 1, run.err
    assert "Traceback" not in run.err
    findings = json.loads(run.out)
    assert {f["rule"] for f in findings} == {r.id for r in all_rules() if not r.online}
    assert {Path(f["path"]).name for f in findings} >= {p.name for p in everything_wrong_files()}
