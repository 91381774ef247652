"""The pre-commit hook, run by the real ``pre-commit`` tool (``try-repo``).

``pre-commit try-repo`` clones this repository (with uncommitted changes) and
pip-installs it into a fresh environment, so this test takes tens of seconds
and needs the package index; it is marked ``slow``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import EXAMPLES, ROOT, clean_inventory

pytestmark = pytest.mark.slow

CONFIG = """\
repos:
  - repo: https://github.com/cllint/cllint
    rev: v0.1.0
    hooks:
      - id: cllint
"""


def pre_commit() -> list[str]:
    exe = shutil.which("pre-commit")
    if exe:
        return [exe]
    pytest.importorskip("pre_commit")
    return [sys.executable, "-m", "pre_commit"]


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hooked")
    shutil.copytree(EXAMPLES / "licenses", root / "licenses")
    (root / "clean.yaml").write_text(clean_inventory(), "utf-8")
    bad = clean_inventory().replace("CitrixLicensing.exe", "setup.msi")
    (root / "bad.yaml").write_text(bad, "utf-8")
    (root / ".pre-commit-config.yaml").write_text(CONFIG, "utf-8")
    (root / "other.json").write_text('{"name": "not an inventory"}\n', "utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    return root


def try_repo(repo: Path, home: Path, *files: str) -> subprocess.CompletedProcess[str]:
    """The hook over ``files`` (none: ``--all-files``, every file git tracks)."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    env.update(PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")
    which = ["--files", *files] if files else ["--all-files"]
    return subprocess.run(
        [*pre_commit(), "try-repo", str(ROOT), "cllint", "--verbose", *which],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_hook_fails_on_a_bad_inventory_and_ignores_other_yaml(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    home = tmp_path_factory.mktemp("pre-commit-home")
    files = ("bad.yaml", "clean.yaml", ".pre-commit-config.yaml", "other.json")
    run = try_repo(repo, home, *files)
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "bad.yaml:53:14: CL501 [error] msi-installer" in out
    assert "clean.yaml:" not in out and ".pre-commit-config.yaml:" not in out
    assert "other.json:" not in out
    # only the clean inventory and the non-inventories: the hook passes
    passing = try_repo(repo, home, "clean.yaml", ".pre-commit-config.yaml", "other.json")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout


# -- `pre-commit run` on staged files, with this working tree as the hook repository --


def _snapshot(tmp: Path) -> tuple[Path, str]:
    """This working tree (uncommitted edits included) as a one-commit hook repository."""
    hooks = tmp / "hook-repo"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8", "surrogateescape")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (hooks / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, hooks / name)
    git(hooks, "init", "-q")
    git(hooks, "add", ".")
    git(hooks, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "hook")
    rev = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=hooks, check=True, capture_output=True, text=True
    ).stdout.strip()
    return hooks, rev


RULES = ROOT / "tests" / "fixtures" / "rules"
THIRD_PARTY = ROOT / "tests" / "fixtures" / "third-party"


@pytest.fixture(scope="module")
def hooked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """(scratch repository, PRE_COMMIT_HOME, config): one hook environment for all tests."""
    tmp = tmp_path_factory.mktemp("run")
    hooks, rev = _snapshot(tmp)
    # A fixed date: license-file rules depend on the day the hook runs.
    config = (
        f"repos:\n  - repo: {hooks.as_uri()}\n    rev: {rev}\n    hooks:\n"
        # pre-commit puts args after the entry's `--`, so options go in the entry.
        "      - id: cllint\n        entry: cllint check --as-of 2026-04-01 --\n"
    )
    return tmp, tmp / "home", config


def _scratch(hooked: tuple[Path, Path, str], name: str) -> Path:
    tmp, _home, config = hooked
    repo = tmp / name
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(config, "utf-8")
    (repo / "licenses").mkdir()
    shutil.copy(RULES / "licenses" / "CTXLIC.lic", repo / "licenses" / "CTXLIC.lic")
    (repo / "cluster.yaml").write_text((RULES / "cl404-pass.yaml").read_text("utf-8"), "utf-8")
    return repo


def _commit_all(repo: Path) -> None:
    git(repo, "add", ".")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "base")


def _run(hooked: tuple[Path, Path, str], repo: Path) -> subprocess.CompletedProcess[str]:
    """``pre-commit run`` on what is staged, as ``git commit`` would run it."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    env.update(PRE_COMMIT_HOME=str(hooked[1]), PRE_COMMIT_COLOR="never")
    return subprocess.run(
        [*pre_commit(), "run", "--verbose"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_run_passes_a_clean_inventory_and_blocks_a_bad_one(hooked: tuple[Path, Path, str]) -> None:
    repo = _scratch(hooked, "inventories")
    git(repo, "add", ".")
    clean = _run(hooked, repo)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "cllint" in clean.stdout and "Passed" in clean.stdout
    _commit_all(repo)
    text = (repo / "cluster.yaml").read_text("utf-8")
    (repo / "cluster.yaml").write_text(text.replace("CitrixLicensing.exe", "setup.msi"), "utf-8")
    git(repo, "add", "cluster.yaml")
    bad = _run(hooked, repo)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "cluster.yaml:" in bad.stdout and "CL501 [error] msi-installer" in bad.stdout


def test_run_blocks_a_license_file_only_commit_that_breaks_the_binding(
    hooked: tuple[Path, Path, str],
) -> None:
    repo = _scratch(hooked, "rehost")
    _commit_all(repo)
    lic = repo / "licenses" / "CTXLIC.lic"
    lic.write_text(lic.read_text("utf-8").replace("HOSTNAME=CTXLIC", "HOSTNAME=ctxlic"), "utf-8")
    git(repo, "add", "licenses/CTXLIC.lic")
    run = _run(hooked, repo)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "licenses/CTXLIC.lic:2:27: CL404 [error] license-hostname-case" in run.stdout


def test_run_passes_other_tools_yaml_beside_the_inventories(
    hooked: tuple[Path, Path, str],
) -> None:
    repo = _scratch(hooked, "mixed")
    shutil.copytree(THIRD_PARTY, repo, dirs_exist_ok=True)
    git(repo, "add", ".")
    staged = subprocess.run(
        ["git", "diff", "--cached", "--name-only"], cwd=repo, capture_output=True, text=True
    ).stdout.split()
    assert {".gitlab-ci.yml", "chart/templates/deployment.yaml", "openapi.yaml"} <= set(staged)
    run = _run(hooked, repo)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "CL001" not in run.stdout


def test_a_file_named_like_an_option_is_checked_as_a_file(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A committed ``--write-baseline=z.json`` (selected: it ends in .json) must not
    turn into an option that baselines every finding and writes ``z.json``."""
    import json

    from cllint.inventory.loader import load_text

    root = tmp_path_factory.mktemp("injected")
    shutil.copytree(EXAMPLES / "licenses", root / "licenses")
    bad = clean_inventory().replace("CitrixLicensing.exe", "setup.msi")
    (root / "bad.yaml").write_text(bad, "utf-8")
    as_json = json.dumps(load_text(bad).documents[0].data)
    (root / "--write-baseline=z.json").write_text(as_json, "utf-8")
    (root / ".pre-commit-config.yaml").write_text(CONFIG, "utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    before = sorted(p.name for p in root.iterdir())
    home = tmp_path_factory.mktemp("pre-commit-home")
    run = try_repo(root, home)  # pre-commit's own parser takes no such name after --files
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "bad.yaml:53:14: CL501 [error] msi-installer" in out
    assert "--write-baseline=z.json:1:" in out and "CL501" in out
    assert not (root / "z.json").exists()
    assert sorted(p.name for p in root.iterdir()) == before
