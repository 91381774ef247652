"""Which files of a walked folder git ignores (``cllint check .`` skips them, as ruff does).

git itself answers – ``git ls-files --others --ignored --exclude-standard
--directory`` – so every rule of ``.gitignore``, ``.git/info/exclude`` and the
global excludes file holds exactly as git applies it, with no second parser
to drift from it. Names come back NUL-separated and are decoded like every
other path, so a file name with a newline or an odd byte stays one name.
Outside a git work tree, or without git, nothing is ignored.
"""

from __future__ import annotations

import os
import subprocess

#: git configuration that could run a program or slow the query, switched off.
_SAFE = ("-c", "core.fsmonitor=false", "-c", "core.untrackedCache=false")


class Ignored:
    """The ignored paths under one walked folder, relative to it (POSIX separators)."""

    def __init__(self, names: frozenset[str]) -> None:
        self.files = frozenset(n for n in names if not n.endswith("/"))
        self.folders = frozenset(n.rstrip("/") for n in names if n.endswith("/"))

    def __bool__(self) -> bool:
        return bool(self.files or self.folders)

    def folder(self, relative: str) -> bool:
        return relative in self.folders

    def file(self, relative: str) -> bool:
        return relative in self.files


NOTHING = Ignored(frozenset())


def ignored_under(folder: str) -> Ignored:
    """What git ignores under ``folder`` (nothing outside a git work tree)."""
    try:
        done = subprocess.run(
            [
                "git",
                *_SAFE,
                "ls-files",
                "-z",
                "--others",
                "--ignored",
                "--exclude-standard",
                "--directory",
                "--",
                ".",
            ],
            cwd=folder,
            capture_output=True,
            timeout=60,
            check=False,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
        )
    except (OSError, subprocess.SubprocessError):
        return NOTHING  # no git, or it hung: walk everything
    if done.returncode != 0:
        return NOTHING  # not a work tree
    names = (os.fsdecode(n) for n in done.stdout.split(b"\0") if n)
    return Ignored(frozenset(n[2:] if n.startswith("./") else n for n in names))
