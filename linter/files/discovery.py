"""Which files a run checks: folders expanded into their inventory-looking files.

A walked folder leaves out version-control and tool folders, what the
configuration's ``exclude`` names, what git ignores there, and symbolic links
that leave the repository root; a file named on the command line is always
checked.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from cllint.files.paths import STDIN, find_root

EXTENSIONS = (".yaml", ".yml", ".json")
SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".tox",
        ".nox",
        ".venv",
        "venv",
        "node_modules",
        "__pycache__",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
    }
)


def discover(
    paths: Sequence[str],
    exclude: Sequence[str] = (),
    on_skip: Callable[[str], None] | None = None,
    respect_gitignore: bool = True,
) -> Iterator[str]:
    """Expand folders into their inventory-looking files, in a stable order.

    A walked folder leaves out what git ignores there (``respect_gitignore``);
    a file named on the command line is always checked.
    """
    from cllint.files.globs import excluded

    for raw in paths or (".",):
        if raw == STDIN:
            yield raw
            continue
        if os.path.isdir(raw):
            # A pull request can add ``x.yaml -> ~/.ssh/...``: in a walked folder, a
            # symbolic link is followed only when it stays inside the repository root.
            fence = os.path.realpath(find_root(Path(raw).resolve() / "_"))
            from cllint.files.gitignore import NOTHING, ignored_under

            ignored = ignored_under(raw) if respect_gitignore else NOTHING
            for folder, dirs, files in os.walk(raw):
                here = os.path.relpath(folder, raw).replace(os.sep, "/")
                prefix = "" if here == "." else here + "/"
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if d not in SKIP_DIRS
                    and not excluded(os.path.join(folder, d), exclude)
                    and not (ignored and ignored.folder(prefix + d))
                )
                for name in sorted(files):
                    if name.lower().endswith(EXTENSIONS):
                        full = os.path.join(folder, name)
                        if ignored and ignored.file(prefix + name):
                            continue
                        if excluded(full, exclude) or _leaves(full, fence):
                            if on_skip:
                                on_skip(full)
                            continue
                        yield full
        elif excluded(raw, exclude):
            if on_skip:
                on_skip(raw)
        else:
            yield raw


def _leaves(path: str, fence: str) -> bool:
    """True for a symbolic link whose target lies outside ``fence``."""
    if not os.path.islink(path):
        return False
    target = os.path.realpath(path)
    return os.path.commonpath([target, fence]) != fence
