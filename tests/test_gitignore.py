"""Folder walks leave out what git ignores, as git decides it; ``--no-respect-gitignore``
walks everything."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from cllint.files.discovery import discover
from helpers import run_cllint

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

ODD = "odd\nname -x.yaml"  # a newline and a leading-dash-like part: one name, never split
#: Every inventory the test tree holds (what a walk finds when it ignores nothing).
TREE = (
    "site.yaml",
    "build/out.yaml",
    "a.draft.yaml",
    "keep.draft.yaml",
    "sub/inner.yaml",
    "sub/local.yaml",
    ".venv-test/lib/x.yaml",
    ODD,
)


def _tree(root: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    (root / ".gitignore").write_text("build/\n*.draft.yaml\n!keep.draft.yaml\nodd*\n", "utf-8")
    for name in TREE:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("cluster: {}\n", "utf-8")
    (root / "sub" / ".gitignore").write_text("local.yaml\n", "utf-8")
    (root / ".git" / "info" / "exclude").write_text(".venv-test/\n", "utf-8")


def _found(root: Path, sub: str = ".", respect: bool = True) -> set[str]:
    import os

    here = os.getcwd()
    os.chdir(root)
    try:
        return {
            p.replace(os.sep, "/").removeprefix("./")
            for p in discover([sub], respect_gitignore=respect)
        }
    finally:
        os.chdir(here)


def test_walks_follow_every_git_ignore_source(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert _found(tmp_path) == {"site.yaml", "keep.draft.yaml", "sub/inner.yaml"}
    assert _found(tmp_path, "sub") == {"sub/inner.yaml"}


def test_no_respect_gitignore_walks_everything(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert _found(tmp_path, respect=False) == set(TREE)


def test_outside_a_git_work_tree_nothing_is_ignored(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.yaml\n", "utf-8")
    (tmp_path / "a.yaml").write_text("cluster: {}\n", "utf-8")
    assert _found(tmp_path) == {"a.yaml"}


def test_a_named_file_is_checked_even_when_ignored(tmp_path: Path) -> None:
    _tree(tmp_path)
    run = run_cllint(["check", "-f", "json", "build/out.yaml"], cwd=tmp_path)
    assert '"path": "build/out.yaml"' in run.out
    walked = run_cllint(["check", "-f", "json", "."], cwd=tmp_path)
    assert "build/out.yaml" not in walked.out and '"path": "site.yaml"' in walked.out
    everything = run_cllint(["check", "-f", "json", "--no-respect-gitignore", "."], cwd=tmp_path)
    assert '"path": "build/out.yaml"' in everything.out
