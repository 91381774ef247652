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


def test_a_file_named_like_an_option_is_checked_as_a_file(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A committed ``--write-baseline=z.json`` (selected: it ends in .json) must not
    turn into an option that baselines every finding and writes ``z.json``."""
    import json

    from cllint.loader import load_text

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
