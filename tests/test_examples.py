"""The bundled examples: a clean one, a file-licensed one, and a folder where every rule fires.

``examples/cluster.yaml`` is what the documentation shows and what new users
copy (a License Activation Service inventory), so it must stay free of
findings. ``examples/file-licensed.yaml`` is a site still on license files:
clean before the 2026-04-15 cut-over, CL708 from then on. ``examples/everything-wrong/`` shows
every offline rule at work; when a rule is added, this test fails until the
example demonstrates it too.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cllint.settings.registry import all_rules
from helpers import AS_OF, CLEAN_EXAMPLE, EXAMPLES, lint_file, run_cllint

EVERYTHING_WRONG = EXAMPLES / "everything-wrong"


@pytest.mark.parametrize("as_of", [AS_OF, dt.date.today()], ids=["as-of", "today"])
def test_clean_example_has_no_findings(as_of: dt.date) -> None:
    report = lint_file(CLEAN_EXAMPLE, as_of=as_of)
    assert report.skipped is None
    assert [(f.rule_id, f.line, f.message) for f in report.findings] == []


FILE_LICENSED = EXAMPLES / "file-licensed.yaml"


def test_clean_example_through_the_command() -> None:
    """``cllint check examples/cluster.yaml`` exits 0 today (no --as-of)."""
    run = run_cllint(["check", str(CLEAN_EXAMPLE.relative_to(EXAMPLES.parent))])
    assert run.code == 0, run.out + run.err
    assert "0 errors, 0 warnings" in run.out


def test_clean_example_is_a_las_inventory() -> None:
    report = lint_file(CLEAN_EXAMPLE, as_of=AS_OF)
    text = CLEAN_EXAMPLE.read_text(encoding="utf-8")
    assert "activation: las" in text and "license_files" not in text
    assert report.findings == []


@pytest.mark.parametrize("as_of", [dt.date(2026, 4, 15), AS_OF, dt.date.today()])
def test_file_licensed_example_reports_cl708_from_the_cut_over(as_of: dt.date) -> None:
    report = lint_file(FILE_LICENSED, as_of=as_of)
    lines = FILE_LICENSED.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, start=1) if text.startswith("  license_files:"))
    assert [(f.rule_id, f.line, f.column) for f in report.findings] == [("CL708", line, 18)]


@pytest.mark.parametrize("as_of", [dt.date(2026, 4, 1), dt.date(2026, 4, 14)])
def test_file_licensed_example_is_clean_before_the_cut_over(as_of: dt.date) -> None:
    assert lint_file(FILE_LICENSED, as_of=as_of).findings == []


def test_file_licensed_example_through_the_command() -> None:
    path = str(FILE_LICENSED.relative_to(EXAMPLES.parent))
    today = run_cllint(["check", "--format", "json", path])
    assert today.code == 1
    assert [f["rule"] for f in json.loads(today.out)] == ["CL708"]
    past = run_cllint(["check", "--as-of", "2026-04-01", "--format", "json", path])
    assert (past.code, json.loads(past.out)) == (0, [])


def test_file_licensed_example_shows_the_case_binding(tmp_path: Path) -> None:
    """The CAP written in other case than the license file's host name is CL404."""
    import shutil

    shutil.copytree(EXAMPLES / "licenses", tmp_path / "licenses")
    text = FILE_LICENSED.read_text(encoding="utf-8")
    assert "{name: CTXLIC, address" in text
    path = tmp_path / "file-licensed.yaml"
    path.write_text(text.replace("{name: CTXLIC, address", "{name: ctxlic, address"), "utf-8")
    report = lint_file(path, as_of=dt.date(2026, 4, 1), base=tmp_path)
    assert {f.rule_id for f in report.findings} == {"CL404"}


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
