"""``--write-baseline`` / ``--baseline``: adopt cllint gradually."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_formats import sarif_validator

from helpers import EXAMPLES, clean_inventory, run_cllint

BAD = clean_inventory().replace("CitrixLicensing.exe", "setup.msi")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES / "licenses", tmp_path / "licenses")
    (tmp_path / "inv.yaml").write_text(BAD, "utf-8")
    return tmp_path


def test_written_baseline_is_small_sorted_documented_json(repo: Path) -> None:
    (repo / "other.yaml").write_text(BAD, "utf-8")
    run = run_cllint(["check", ".", "--write-baseline", "base.json"], cwd=repo)
    assert run.code == 0, run.out + run.err  # every current finding is now recorded
    data = json.loads((repo / "base.json").read_text("utf-8"))
    assert set(data) == {"version", "tool", "findings"}
    assert data["version"] == 1 and data["tool"] == "cllint"
    entries = data["findings"]
    assert [(e["path"], e["rule"]) for e in entries] == [
        ("inv.yaml", "CL501"),
        ("other.yaml", "CL501"),
    ]
    assert entries == sorted(entries, key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    assert all(set(e) == {"fingerprint", "rule", "path"} for e in entries)
    again = run_cllint(["check", ".", "--write-baseline", "again.json"], cwd=repo)
    assert again.code == 0
    assert (repo / "again.json").read_bytes() == (repo / "base.json").read_bytes()


def test_baseline_hides_recorded_and_survives_inserted_lines(repo: Path) -> None:
    run_cllint(["check", "inv.yaml", "--write-baseline", "base.json"], cwd=repo)
    before = (repo / "base.json").read_text("utf-8")
    # lines inserted above the finding move it, but it stays recorded
    (repo / "inv.yaml").write_text("# a note\n# another\n" + BAD, "utf-8")
    run = run_cllint(["check", "inv.yaml", "--baseline", "base.json"], cwd=repo)
    assert run.code == 0, run.out
    assert run.out == "0 errors, 0 warnings in 0 files; 1 file checked; 1 suppressed\n"
    run_cllint(["check", "inv.yaml", "--write-baseline", "base2.json"], cwd=repo)
    assert (repo / "base2.json").read_text("utf-8") == before


def test_new_finding_is_reported(repo: Path) -> None:
    run_cllint(["check", "inv.yaml", "--write-baseline", "base.json"], cwd=repo)
    text = BAD.replace("name: CTXLIC,", "name: CTXLICENSESRV01,").replace(
        "license_server: CTXLIC,", "license_server: CTXLICENSESRV01,"
    )
    (repo / "inv.yaml").write_text(text, "utf-8")
    run = run_cllint(["check", "-f", "json", "inv.yaml", "--baseline", "base.json"], cwd=repo)
    assert run.code == 1
    assert {i["rule"] for i in json.loads(run.out)} >= {"CL402"}
    assert "CL501" not in {i["rule"] for i in json.loads(run.out)}


def test_changed_value_is_a_new_finding(repo: Path) -> None:
    run_cllint(["check", "inv.yaml", "--write-baseline", "base.json"], cwd=repo)
    (repo / "inv.yaml").write_text(BAD.replace("setup.msi", "other.msi"), "utf-8")
    run = run_cllint(["check", "-f", "json", "inv.yaml", "--baseline", "base.json"], cwd=repo)
    assert [i["rule"] for i in json.loads(run.out)] == ["CL501"]


def test_sarif_shows_baselined_findings_as_external_suppressions(repo: Path) -> None:
    run_cllint(["check", "inv.yaml", "--write-baseline", "base.json"], cwd=repo)
    run = run_cllint(["check", "-f", "sarif", "inv.yaml", "--baseline", "base.json"], cwd=repo)
    assert run.code == 0
    sarif = json.loads(run.out)
    assert not list(sarif_validator().iter_errors(sarif))
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "CL501"
    assert result["suppressions"][0]["kind"] == "external"
    for fmt in ("json", "gitlab"):
        out = run_cllint(["check", "-f", fmt, "inv.yaml", "--baseline", "base.json"], cwd=repo)
        assert json.loads(out.out) == []
    github = run_cllint(["check", "-f", "github", "inv.yaml", "--baseline", "base.json"], cwd=repo)
    assert github.out == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such baseline file"),
        ("{", "the baseline is not JSON"),
        ('{"version": 1, "findings": []}', "not a cllint baseline"),
        ('{"version": 9, "tool": "cllint", "findings": []}', "unsupported baseline version 9"),
        ('{"version": 1, "tool": "cllint", "findings": [1]}', '"findings" must be a list'),
    ],
)
def test_bad_baseline_is_exit_2(repo: Path, content: str | None, message: str) -> None:
    if content is not None:
        (repo / "base.json").write_text(content, "utf-8")
    run = run_cllint(["check", "inv.yaml", "--baseline", "base.json"], cwd=repo)
    assert run.code == 2
    assert len(run.err.strip().splitlines()) == 1 and message in run.err, run.err
    assert "Traceback" not in run.err


def test_unwritable_baseline_is_exit_2(repo: Path) -> None:
    run = run_cllint(["check", "inv.yaml", "--write-baseline", "no/such/dir/b.json"], cwd=repo)
    assert run.code == 2 and "cannot write the baseline" in run.err
