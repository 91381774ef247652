"""CL307's ``dhcp-min-lease-days`` comes from the configuration file, like every rule option."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import ROOT, run_cllint

FIXTURE = ROOT / "tests" / "fixtures" / "rules" / "cl307-fail-lease-29.yaml"


def check(tmp_path: Path, config: str | None) -> str:
    shutil.copy(FIXTURE, tmp_path / "cluster.yaml")
    if config is not None:
        (tmp_path / ".cllint.yaml").write_text(config, encoding="utf-8")
    # Only the network rules: the fixture's license file is not copied along.
    run = run_cllint(["check", "--select", "CL3", "cluster.yaml"], cwd=tmp_path)
    assert run.code in (0, 1), run.err
    return run.out


def test_default_minimum_is_30_days(tmp_path: Path) -> None:
    out = check(tmp_path, None)
    assert "CL307" in out and "lease it for at least 30 days" in out


def test_configured_minimum_is_used(tmp_path: Path) -> None:
    out = check(tmp_path, "dhcp-min-lease-days: 29\n")
    assert "CL307" not in out
    assert "CL306" in out


def test_configured_minimum_above_the_lease(tmp_path: Path) -> None:
    out = check(tmp_path, "dhcp-min-lease-days: 60\n")
    assert "lease it for at least 60 days" in out
