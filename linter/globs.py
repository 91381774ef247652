"""Glob matching for ``exclude`` and ``per-file-ignores``.

Patterns use ``/`` on every platform; ``**`` spans folders, ``*`` does not.
A pattern without a ``/`` matches a file or folder name at any depth (as in
``.gitignore``), so ``exclude: [drafts]`` skips every ``drafts`` folder.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Sequence


@functools.cache
def _compile(pattern: str) -> re.Pattern[str]:
    pattern = pattern.strip().rstrip("/")
    anchored = "/" in pattern
    pattern = pattern.lstrip("/") if pattern.startswith("/") else pattern
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        else:
            out.append(re.escape(c))
        i += 1
    body = "".join(out)
    prefix = "(?:^|.*/)" if not anchored else "^(?:\\./)?"
    return re.compile(f"{prefix}{body}(?:/.*)?$")


def _normal(path: str) -> str:
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def matches(path: str, pattern: str) -> bool:
    """True when ``path`` (relative, any separator) matches the glob ``pattern``."""
    return bool(_compile(pattern).match(_normal(path)))


def excluded(path: str, patterns: Sequence[str]) -> bool:
    return any(matches(path, p) for p in patterns)
