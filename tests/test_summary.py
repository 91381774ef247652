"""The summary line counts what the report shows."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from helpers import ROOT, run_cllint

RULES = ROOT / "tests" / "fixtures" / "rules"


def _copy(name: str, tmp_path: Path, broken: bool = True) -> Path:
    shutil.copytree(RULES / "licenses", tmp_path / "licenses")
    text = (RULES / name).read_text("utf-8")
    if broken:
        text = text.replace("installer: CitrixLicensing.exe", "installer: setup.msi")
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_findings_in_an_inventory_and_its_license_file_are_in_two_files(tmp_path: Path) -> None:
    _copy("cl404-fail.yaml", tmp_path)
    run = run_cllint(["check", "--as-of", "2026-04-01", "cl404-fail.yaml"], cwd=tmp_path)
    assert run.code == 1
    paths = {line.split(":")[0] for line in run.out.splitlines() if ": CL" in line}
    assert paths == {"cl404-fail.yaml", "licenses/cl404-lowercase.lic"}
    assert run.out.splitlines()[-1] == "3 errors, 0 warnings in 2 files; 1 file checked"


def test_a_refused_runbook_counts_its_warnings(tmp_path: Path) -> None:
    _copy("cl108-fail.yaml", tmp_path)
    run = run_cllint(
        ["runbook", "--as-of", "2026-04-01", "--action", "install", "cl108-fail.yaml"],
        cwd=tmp_path,
    )
    assert run.code == 1 and run.out == ""
    errors = len(re.findall(r": CL\d+ \[error\]", run.err))
    warnings = len(re.findall(r": CL\d+ \[warning\]", run.err))
    assert errors >= 1 and warnings >= 1
    assert "CL108 [warning] hardware-differs" in run.err
    s = "s" if warnings != 1 else ""
    assert f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{s} in 1 file" in run.err


def test_nothing_to_check_is_one_short_line(tmp_path: Path) -> None:
    (tmp_path / "compose.yaml").write_text("services: {web: {image: nginx}}\n", "utf-8")
    run = run_cllint(["check", "compose.yaml"], cwd=tmp_path)
    assert (run.code, run.out, run.err) == (0, "no inventories to check\n", "")
    verbose = run_cllint(["check", "-v", "compose.yaml"], cwd=tmp_path)
    assert verbose.out.splitlines() == [
        "compose.yaml: skipped (not an inventory)",
        "no inventories to check",
    ]
