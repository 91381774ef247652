"""A ``.lic`` given on the command line checks the inventories that list it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import ROOT, run_cllint

RULES = ROOT / "tests" / "fixtures" / "rules"
AS_OF = ["--as-of", "2026-04-01"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the repository root: license paths stay inside it
    (tmp_path / "licenses").mkdir()
    shutil.copy(RULES / "licenses" / "CTXLIC.lic", tmp_path / "licenses" / "CTXLIC.lic")
    shutil.copy(RULES / "licenses" / "CTXLIC.lic", tmp_path / "licenses" / "spare.lic")
    inventory = (RULES / "cl404-pass.yaml").read_text("utf-8")
    (tmp_path / "sites").mkdir()
    (tmp_path / "sites" / "a.yaml").write_text(
        inventory.replace("[licenses/CTXLIC.lic]", "[../licenses/CTXLIC.lic]"), "utf-8"
    )
    (tmp_path / "b.yaml").write_text(inventory, "utf-8")
    (tmp_path / "other.yaml").write_text(
        inventory.replace("[licenses/CTXLIC.lic]", "[licenses/spare.lic]"), "utf-8"
    )
    return tmp_path


def _rehost(repo: Path) -> None:
    lic = repo / "licenses" / "CTXLIC.lic"
    lic.write_text(lic.read_text("utf-8").replace("HOSTNAME=CTXLIC", "HOSTNAME=ctxlic"), "utf-8")


def test_a_clean_license_file_checks_the_inventories_listing_it(repo: Path) -> None:
    run = run_cllint(["check", *AS_OF, "licenses/CTXLIC.lic"], cwd=repo)
    assert run.code == 0, run.out + run.err
    assert run.out.splitlines()[-1] == "0 errors, 0 warnings in 0 files; 2 files checked"


def test_a_rehosted_license_file_is_blocked(repo: Path) -> None:
    _rehost(repo)
    run = run_cllint(["check", *AS_OF, "licenses/CTXLIC.lic"], cwd=repo)
    assert run.code == 1
    assert "licenses/CTXLIC.lic:2:27: CL404 [error] license-hostname-case" in run.out
    assert run.out.splitlines()[-1].endswith("in 1 file; 2 files checked")


def test_each_inventory_is_checked_once_however_many_of_its_files_changed(repo: Path) -> None:
    _rehost(repo)
    args = ["check", *AS_OF, "-f", "json", "b.yaml", "licenses/CTXLIC.lic", "./b.yaml"]
    run = run_cllint(args, cwd=repo)
    assert run.code == 1
    import json

    findings = json.loads(run.out)
    # one CL404 per bound line, per inventory: a.yaml and b.yaml, each once
    per_line = [(f["path"], f["line"]) for f in findings if f["rule"] == "CL404"]
    assert len(per_line) == 2 * len(set(per_line))


def test_a_license_file_no_inventory_lists_is_skipped(repo: Path) -> None:
    (repo / "licenses" / "orphan.lic").write_text("SERVER this_host HOSTNAME=x 27000\n", "utf-8")
    run = run_cllint(["check", "licenses/orphan.lic"], cwd=repo)
    assert (run.code, run.out) == (0, "no inventories to check\n")
    verbose = run_cllint(["check", "-v", "licenses/orphan.lic"], cwd=repo)
    assert verbose.out.splitlines()[0] == (
        "licenses/orphan.lic: skipped (no inventory under the current folder lists this "
        "license file)"
    )
