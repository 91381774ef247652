"""A ``.lic`` on the command line stands for the inventories that list it.

A commit that rehosts only ``licenses/CTXLIC.lic`` changes no inventory, yet
can break one (CL404: the host name no longer matches the client access
point). The pre-commit hook therefore passes ``.lic`` files too; each one is
replaced by every inventory under the current folder whose
``licensing.license_files`` names it, each inventory once per run however many
of its files changed. A license file that no inventory lists is skipped
(``-v`` says so). Only inventories that mention the file's name are parsed,
and an entry is resolved exactly as the license rules resolve it, so a path
that escapes the repository never matches.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from cllint.files.discovery import discover
from cllint.files.paths import display_path, find_root
from cllint.inventory.loader import is_inventory
from cllint.lint.engine import FileReport
from cllint.settings.options import Settings

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any

SUFFIX = ".lic"
UNLISTED = "no inventory under the current folder lists this license file"


def is_license_file(path: str) -> bool:
    return path.lower().endswith(SUFFIX)


def expand(paths: Sequence[str], settings: Settings) -> tuple[list[str], list[FileReport]]:
    """``paths`` with each ``.lic`` replaced by the inventories listing it, and
    the reports of the license files that none lists."""
    wanted = {_real(p): p for p in paths if is_license_file(p)}
    rest = [p for p in paths if not is_license_file(p)]
    if not wanted:
        return rest, []
    names = {os.path.basename(real) for real in wanted}
    listed: set[str] = set()
    found: list[str] = []
    for candidate in discover(["."], settings.exclude, None, settings.respect_gitignore):
        if _lists(candidate, wanted, names, listed, settings):
            found.append(candidate)
    unlisted = [
        FileReport(display_path(shown, settings.base), skipped=UNLISTED)
        for real, shown in wanted.items()
        if real not in listed
    ]
    return _once([*rest, *found]), unlisted


def _real(path: str) -> str:
    return os.path.realpath(path)


def _once(paths: Iterable[str]) -> list[str]:
    """Each file once, in order of first appearance (``a.yaml`` and ``./a.yaml`` are one)."""
    seen: set[str] = set()
    out: list[str] = []
    for path in paths:
        key = path if path == "-" else _real(path)
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out


def _lists(
    candidate: str, wanted: dict[str, str], names: set[str], listed: set[str], settings: Settings
) -> bool:
    """Whether the inventory at ``candidate`` lists one of the wanted license files."""
    from cllint.inventory.loader import load_bytes
    from cllint.licenses.reader import locate

    try:
        with open(candidate, "rb") as fh:
            data = fh.read(settings.limits.max_bytes + 1)
    except OSError:
        return False
    if not any(name.encode("utf-8", "surrogateescape") in data for name in names):
        return False  # cheap: the inventory cannot name a file whose name it lacks
    path = Path(candidate)
    folder, root = path.resolve().parent, find_root(path)
    hit = False
    for document in load_bytes(data, settings.limits).documents:
        for written in _license_entries(document.data):
            located, problem = locate(written, folder, root)
            if located is None or problem is not None:
                continue
            real = _real(str(located))
            if real in wanted:
                listed.add(real)
                hit = True
    return hit


def _license_entries(data: Any) -> list[str]:
    if not is_inventory(data):
        return []
    licensing = data.get("licensing")
    files = licensing.get("license_files") if isinstance(licensing, dict) else None
    return [f for f in files if isinstance(f, str)] if isinstance(files, list) else []
