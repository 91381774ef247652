"""The settings that apply to one document, as ``cllint check`` would build them.

``check`` discovers its configuration from the current folder upwards; an
editor has no current folder that means anything, so the server starts
from the document's own folder. It never looks above the *fence*: the
workspace folder that holds the document, or the document's root folder
(the nearest folder upwards with ``.git`` or a cllint configuration, the
same root that confines license files) when that lies higher or the
document is outside every workspace folder.

Report paths, ``per-file-ignores`` and ``exclude`` globs are relative to the
configuration file's folder (where ``cllint check`` is normally run), else
to the fence.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cllint.files.paths import find_root
from cllint.records import replace
from cllint.settings.config import Config, ConfigError, discover, load
from cllint.settings.options import CheckOptions, Settings, UsageError, build_settings


@dataclass(frozen=True, slots=True)
class Project:
    """What linting one document needs: settings, or why there are none."""

    settings: Settings | None
    error: str | None
    """A configuration problem, one line (then ``settings`` is None)."""
    config: Path | None
    fence: Path


def _inside(path: Path, folder: Path) -> bool:
    try:
        return os.path.commonpath([path, folder]) == str(folder)
    except ValueError:  # different drives
        return False


def fence_for(path: Path, workspace_folders: Sequence[Path]) -> Path:
    """The highest folder the server may read for ``path`` (see the module docstring)."""
    root = find_root(path)
    holding = [f for f in workspace_folders if _inside(path, f)]
    if holding:
        workspace = min(holding, key=lambda f: len(f.parts))
        if _inside(root, workspace):
            return workspace
    return root


def _stamp(path: Path | None) -> tuple[int, int] | None:
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class Projects:
    """Builds (and caches per configuration file version) the settings of documents."""

    def __init__(self, as_of: _dt.date | None = None) -> None:
        self.as_of = as_of
        self.workspace_folders: list[Path] = []
        self._cache: dict[tuple[Path | None, tuple[int, int] | None, Path, _dt.date], Project] = {}

    def clear(self) -> None:
        self._cache.clear()

    def for_document(self, path: Path) -> Project:
        fence = fence_for(path, self.workspace_folders)
        try:
            config_path = discover(path.parent, stop=fence)
        except ConfigError as exc:
            return Project(None, str(exc), None, fence)
        # "today" moves while the server runs: part of the key, like the file's version
        as_of = self.as_of or _dt.date.today()
        key = (config_path, _stamp(config_path), fence, as_of)
        cached = self._cache.get(key)
        if cached is None:
            if len(self._cache) > 64:
                self._cache.clear()
            cached = self._cache[key] = self._build(config_path, fence, as_of)
        return cached

    def _build(self, config_path: Path | None, fence: Path, as_of: _dt.date) -> Project:
        try:
            config = load(config_path) if config_path is not None else Config()
            settings, _fail_on = build_settings(CheckOptions(as_of=as_of), config)
        except (ConfigError, UsageError) as exc:
            return Project(None, str(exc), config_path, fence)
        base = config_path.parent if config_path is not None else fence
        return Project(replace(settings, base=base), None, config_path, fence)
