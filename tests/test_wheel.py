"""The wheel, built and installed into a clean virtual environment, works on its own.

This catches what an editable install hides: schemas missing from the wheel,
folders installed under generic top-level names, a broken console script.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from helpers import ROOT, clean_inventory


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


def _package_files(folder: Path) -> dict[str, bytes]:
    """What a folder ships: every file setuptools packages (modules, schemas, py.typed)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and p.suffix in (".py", ".json", ".typed") and "__pycache__" not in p.parts
    }


def test_the_suite_imports_the_installed_wheel_not_the_source_tree() -> None:
    # scripts/test installs the wheel non-editable; an editable install (or a
    # sys.path hack) would test the source folders and hide what the wheel lacks.
    import sysconfig

    import cllint

    installed = Path(cllint.__file__).resolve().parent
    site = Path(sysconfig.get_paths()["purelib"]).resolve()
    assert installed == site / "cllint", f"cllint imported from {installed}, not {site}"
    assert not (site / "__editable__.cllint-0.1.0.pth").exists()


def test_installed_package_holds_exactly_the_source_tree() -> None:
    # Every module and data file of linter/, rules/ and schemas/ is installed, with
    # the same content (a stale install fails too); and nothing else is.
    import cllint

    installed = Path(cllint.__file__).resolve().parent
    expected: dict[str, bytes] = {}
    for prefix, folder in (("", "linter"), ("rules/", "rules"), ("schemas/", "schemas")):
        for name, data in _package_files(ROOT / folder).items():
            expected[prefix + name] = data
    actual = _package_files(installed)
    assert sorted(actual) == sorted(expected)
    changed = [name for name in expected if actual[name] != expected[name]]
    assert not changed, f"installed files differ from the source (rerun scripts/test): {changed}"


def test_wheel_modules_match_the_source_tree(tmp_path: Path) -> None:
    built = run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", tmp_path, ROOT]
    )
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("cllint-*.whl"))
    names = {
        n.removeprefix("cllint/")
        for n in zipfile.ZipFile(wheel).namelist()
        if n.startswith("cllint/") and not n.endswith("/")
    }
    expected = set(_package_files(ROOT / "linter"))
    expected |= {"rules/" + n for n in _package_files(ROOT / "rules")}
    expected |= {"schemas/" + n for n in _package_files(ROOT / "schemas")}
    assert names == expected
    assert {"runbook/steps.py", "commands/runbook.py", "lint/engine.py"} <= names


def _console(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed ``cllint`` console script (the entry point users run)."""
    exe = Path(sys.executable).parent / "cllint"
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    return subprocess.run(
        [str(exe), *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env
    )


@pytest.mark.parametrize("fmt", ["text", "sarif", "json", "github", "gitlab"])
def test_installed_console_script_checks_in_every_format(fmt: str, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    bad = tmp_path / "examples" / "bad.yaml"
    bad.write_text(clean_inventory().replace("CitrixLicensing.exe", "setup.msi"), "utf-8")
    args = ["check", "--as-of", "2026-04-01", "-f", fmt, "bad.yaml"]
    done = _console(args, tmp_path / "examples")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "CL501" in done.stdout
    assert "Traceback" not in done.stderr


def test_installed_console_script_runs_every_command(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    here = tmp_path / "examples"
    version = _console(["--version"], here)
    assert version.returncode == 0 and version.stdout.startswith("cllint ")
    rules = _console(["rules"], here)
    assert rules.returncode == 0 and "CL402" in rules.stdout
    explain = _console(["explain", "CL402"], here)
    assert explain.returncode == 0 and "cap-name-too-long" in explain.stdout
    schema = _console(["schema"], here)
    assert schema.returncode == 0 and '"$schema"' in schema.stdout
    init = _console(["init", "new.yaml"], here)
    assert init.returncode == 0 and (here / "new.yaml").is_file(), init.stderr
    plain = _console(["check", "cluster.yaml"], here)  # entry.py's fast path, without click
    assert plain.returncode == 0, plain.stdout + plain.stderr
    book = _console(["runbook", "--as-of=2026-04-01", "--action=install", "cluster.yaml"], here)
    assert book.returncode == 0, book.stdout + book.stderr
    assert "Traceback" not in book.stderr and len(book.stdout.splitlines()) > 10
