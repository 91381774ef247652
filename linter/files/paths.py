"""Paths as users see them and the root a file belongs to.

Below the engine, the license-file reader and the file reader alike: each of
them shows paths relative to where the run started and confines what an
inventory may reach to the inventory's root (the nearest folder upwards with
``.git`` or a cllint configuration), resolved once per folder.
"""

from __future__ import annotations

import os
from pathlib import Path

STDIN = "-"


_SHOWN_FOLDERS: dict[tuple[str, str], str] = {}


def display_path(path: Path | str, base: Path) -> str:
    """A relative POSIX path when the file is under ``base``, else absolute POSIX.

    Worked out once per folder (the inventories and license files of one
    folder share all but their names): ``relpath`` and ``normpath`` showed in
    the profile of a large run.
    """
    text = os.fspath(path)
    if text == STDIN:
        return "<stdin>"
    folder, name = os.path.split(text)
    if not name or name in (".", ".."):
        return _display_path(text, base)
    key = (folder, os.fspath(base))
    shown = _SHOWN_FOLDERS.get(key)
    if shown is None:
        if len(_SHOWN_FOLDERS) >= 1024:
            _SHOWN_FOLDERS.clear()
        # a stand-in name, cut off again: what the folder part of any name becomes
        shown = _SHOWN_FOLDERS[key] = _display_path(os.path.join(folder, "_"), base)[:-1]
    return shown + name


def _display_path(path: str, base: Path) -> str:
    absolute = os.path.normpath(os.path.join(base, path))
    rel = os.path.relpath(absolute, base)
    if rel == ".." or rel.startswith(".." + os.sep):
        return Path(absolute).as_posix()
    return Path(rel).as_posix()


_ROOT_CACHE: dict[Path, Path] = {}
_FOLDERS: dict[str, Path] = {}
ROOT_MARKERS = (".git", ".cllint.yaml")


def resolved_folder(path: Path) -> Path:
    """``path.resolve().parent``, resolved once per folder.

    ``resolve`` looks at every component of the path; the inventories of one
    folder share all but the last, so only a file that is itself a symbolic
    link (whose target's folder counts) is resolved on its own.
    """
    if os.path.islink(path):
        return path.resolve().parent
    # not abspath: it would drop ``link/..`` lexically, where resolve follows the link
    parent = os.path.join(os.getcwd(), os.path.dirname(path))
    found = _FOLDERS.get(parent)
    if found is None:
        found = _FOLDERS[parent] = Path(parent).resolve()
    return found


def forget_roots() -> None:
    """Forget every folder resolved and root found (a new ``.git`` or config moves
    a root; the language server runs for hours)."""
    _ROOT_CACHE.clear()
    _FOLDERS.clear()


def find_root(path: Path) -> Path:
    """The inventory's root folder: nearest folder upwards with ``.git`` or a cllint
    config, else the inventory's own folder. License-file paths may not leave it."""
    start = resolved_folder(path)
    cached = _ROOT_CACHE.get(start)
    if cached is not None:
        return cached
    for folder in (start, *start.parents):
        if any((folder / m).exists() for m in ROOT_MARKERS) or _has_tool_cllint(folder):
            _ROOT_CACHE[start] = folder
            return folder
    _ROOT_CACHE[start] = start
    return start


def _has_tool_cllint(folder: Path) -> bool:
    pyproject = folder / "pyproject.toml"
    if not pyproject.is_file():
        return False
    try:
        return "[tool.cllint" in pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
