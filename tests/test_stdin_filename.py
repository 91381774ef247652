"""``check - --stdin-filename PATH``: standard input behaves as if it were PATH."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from helpers import ROOT, run_cllint

RULES = ROOT / "tests" / "fixtures" / "rules"


def _site(tmp_path: Path) -> bytes:
    (tmp_path / ".git").mkdir()
    (tmp_path / "sites" / "licenses").mkdir(parents=True)
    shutil.copy(RULES / "licenses" / "CTXLIC.lic", tmp_path / "sites" / "licenses")
    text = (RULES / "cl404-pass.yaml").read_text("utf-8")
    return text.replace("CitrixLicensing.exe", "setup.msi").encode()


def test_report_paths_and_license_paths_follow_the_stdin_filename(tmp_path: Path) -> None:
    data = _site(tmp_path)
    args = ["check", "--as-of", "2026-04-01", "-", "--stdin-filename", "sites/berlin.yaml"]
    run = run_cllint([*args, "-f", "sarif"], cwd=tmp_path, stdin=data)
    assert run.code == 1, run.err
    results = json.loads(run.out)["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"sites/berlin.yaml"}  # no CL701: licenses/ resolved from sites/
    assert [r["ruleId"] for r in results] == ["CL501"]
    text = run_cllint(args, cwd=tmp_path, stdin=data)
    assert text.out.startswith("sites/berlin.yaml:52:14: CL501 [error] msi-installer")


def test_without_a_name_license_paths_resolve_from_the_current_folder(tmp_path: Path) -> None:
    data = _site(tmp_path)
    args = ["check", "--as-of", "2026-04-01", "-f", "json", "-"]
    run = run_cllint(args, cwd=tmp_path, stdin=data)
    found = json.loads(run.out)
    assert {f["path"] for f in found} == {"<stdin>"}
    assert "CL701" in {f["rule"] for f in found}


def test_per_file_ignores_match_the_stdin_filename(tmp_path: Path) -> None:
    data = _site(tmp_path)
    (tmp_path / ".cllint.yaml").write_text("per-file-ignores:\n  sites/*.yaml: [CL501]\n")
    args = ["check", "--as-of", "2026-04-01", "-", "--stdin-filename", "sites/berlin.yaml"]
    run = run_cllint(args, cwd=tmp_path, stdin=data)
    assert run.code == 0, run.out + run.err
    other = run_cllint([*args[:-1], "elsewhere/x.yaml"], cwd=tmp_path, stdin=data)
    assert "elsewhere/x.yaml:52:14: CL501" in other.out


def test_stdin_filename_without_stdin_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("cluster: {}\n")
    run = run_cllint(["check", "a.yaml", "--stdin-filename", "b.yaml"], cwd=tmp_path)
    assert run.code == 2
    assert run.err == "cllint: error: --stdin-filename names standard input: give - as the path\n"
