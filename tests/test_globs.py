"""Globs of ``exclude`` and ``per-file-ignores``: ``/`` anchors, ``**`` spans folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from cllint.files.discovery import discover
from cllint.files.globs import excluded, matches


@pytest.mark.parametrize(
    ("path", "pattern", "expected"),
    [
        # no "/": a file or folder name at any depth, as in .gitignore
        ("drafts/a.yaml", "drafts", True),
        ("sites/drafts/a.yaml", "drafts", True),
        ("sites/drafts2/a.yaml", "drafts", False),
        ("a.yaml", "*.yaml", True),
        ("deep/er/a.yaml", "*.yaml", True),
        ("a.yml", "*.yaml", False),
        ("a.yaml", "?.yaml", True),
        ("ab.yaml", "?.yaml", False),
        # with "/": anchored at the base folder; "*" stays within one folder
        ("old/a.yaml", "old/*.yaml", True),
        ("x/old/a.yaml", "old/*.yaml", False),
        ("old/sub/a.yaml", "old/*.yaml", False),
        ("old/sub/a.yaml", "old/**", True),
        ("old/sub/a.yaml", "old/**/*.yaml", True),
        ("old/a.yaml", "old/**/*.yaml", True),
        ("x/old/sub/a.yaml", "**/old/**", True),
        ("old/a.yaml", "/old/a.yaml", True),
        ("old/a.yaml", "old/", True),
        # paths are normalised: "./" and the OS separator
        ("./old/a.yaml", "old/*.yaml", True),
        ("old/a.yaml", " old/*.yaml ", True),
        # metacharacters of regular expressions are literal
        ("a+b.yaml", "a+b.yaml", True),
        ("aab.yaml", "a+b.yaml", False),
        ("x[1].yaml", "x[1].yaml", True),
    ],
)
def test_matches(path: str, pattern: str, expected: bool) -> None:
    assert matches(path, pattern) is expected


def test_excluded_is_any_pattern() -> None:
    assert excluded("a/b.yaml", ["x", "a"])
    assert not excluded("a/b.yaml", [])
    assert not excluded("a/b.yaml", ["b/*", "c"])


def test_discover_honours_exclude_for_folders_and_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("keep.yaml", "drafts/x.yaml", "old/y.yaml", "old/keep/z.yml", "n.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}", "utf-8")
    skipped: list[str] = []
    monkeypatch.chdir(tmp_path)
    found = list(discover(["."], ["drafts", "old/*.yaml", "*.json"], skipped.append))
    explicit = list(discover(["n.json"], ["*.json"], skipped.append))
    assert [Path(p).as_posix() for p in found] == ["keep.yaml", "old/keep/z.yml"]
    assert explicit == []
    assert sorted(Path(p).as_posix() for p in skipped) == ["n.json", "n.json", "old/y.yaml"]
