"""The wheel, built and installed into a clean virtual environment, works on its own.

This catches what an editable install hides: schemas missing from the wheel,
folders installed under generic top-level names, a broken console script.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

from helpers import ROOT


def run(args: list[str | Path], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


def test_wheel_installs_cllint_only_and_checks_the_example(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, ROOT])
    assert built.returncode == 0, built.stderr
    wheel = next(dist.glob("cllint-*.whl"))

    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert tops == {"cllint", next(t for t in tops if t.endswith(".dist-info"))}
    assert "cllint/schemas/inventory.schema.json" in names
    assert "cllint/schemas/config.schema.json" in names
    assert "cllint/rules/cl402_cap_name_too_long.py" in names
    assert "cllint/py.typed" in names
    assert "cllint/diagram/mermaid.py" in names
    assert "cllint/runbook/steps.py" in names

    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    installed = run([env / "bin" / "python", "-m", "pip", "install", "--quiet", wheel])
    assert installed.returncode == 0, installed.stderr

    example = tmp_path / "example"
    shutil.copytree(ROOT / "examples", example)
    check = run([env / "bin" / "cllint", "check", "cluster.yaml"], cwd=example)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.strip().endswith("1 file checked")
    sarif = run(
        [env / "bin" / "python", "-m", "cllint", "check", "-f", "sarif", "cluster.yaml"],
        cwd=example,
    )
    assert sarif.returncode == 0 and '"version": "2.1.0"' in sarif.stdout
    picture = run([env / "bin" / "cllint", "diagram", "cluster.yaml"], cwd=example)
    assert picture.returncode == 0 and picture.stdout.startswith("flowchart TB"), picture.stderr
    # the runbook package is in the wheel (exit 1 would be a finding that blocks it)
    runbook = run(
        [env / "bin" / "cllint", "runbook", "--action", "install", "cluster.yaml"], cwd=example
    )
    assert runbook.returncode in (0, 1) and "internal error" not in runbook.stderr, runbook.stderr
    schema = run([env / "bin" / "cllint", "schema"])
    assert schema.returncode == 0 and "cllint inventory" in schema.stdout
