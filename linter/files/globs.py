"""Glob matching for ``exclude`` and ``per-file-ignores``.

Patterns use ``/`` on every platform; ``**`` spans folders, ``*`` does not.
A pattern without a ``/`` matches a file or folder name at any depth (as in
``.gitignore``), so ``exclude: [drafts]`` skips every ``drafts`` folder.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence

# Pattern steps; matching walks the set of steps reachable so far, one character
# of the path at a time, so it costs len(path) × len(pattern) at worst. (A
# regular expression with ``[^/]*`` for every ``*`` backtracks: a pattern of
# ten ``*a`` against a 60-character name ran for hours.)
_LITERAL, _ONE, _STAR, _ANY, _FOLDERS = range(5)
# _ONE: one character but "/"; _STAR: any run without "/"; _ANY: any run;
# _FOLDERS: nothing, or any run that ends in "/" (``**/`` and the unanchored start)

Step = tuple[int, str]
_INSIDE = 1 << 30  # flag on a state: inside a _FOLDERS run, past its empty choice


@functools.cache
def _compile(pattern: str) -> tuple[Step, ...]:
    pattern = pattern.strip().rstrip("/")
    anchored = "/" in pattern
    pattern = pattern.lstrip("/") if pattern.startswith("/") else pattern
    steps: list[Step] = [] if anchored else [(_FOLDERS, "")]
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            steps.append((_FOLDERS, ""))
            i += 3
            continue
        if pattern.startswith("**", i):
            steps.append((_ANY, ""))
            i += 2
            continue
        if c == "*":
            steps.append((_STAR, ""))
        elif c == "?":
            steps.append((_ONE, ""))
        else:
            steps.append((_LITERAL, c))
        i += 1
    return tuple(steps)


def _closure(steps: tuple[Step, ...], states: set[int]) -> set[int]:
    """Add the steps reachable without consuming a character (the runs may be empty)."""
    todo = list(states)
    while todo:
        s = todo.pop()
        if s < len(steps) and steps[s][0] in (_STAR, _ANY, _FOLDERS) and s + 1 not in states:
            states.add(s + 1)
            todo.append(s + 1)
    return states


def _match(steps: tuple[Step, ...], path: str) -> bool:
    end = len(steps)
    rest = end + 1  # the pattern matched a folder: anything below it matches too
    states = _closure(steps, {0})
    for ch in path:
        following: set[int] = set()
        for s in states:
            if s & _INSIDE:  # inside a _FOLDERS run: any character, "/" may end it
                following.add(s)
                if ch == "/":
                    following.add((s ^ _INSIDE) + 1)
                continue
            if s == rest:
                following.add(rest)
                continue
            if s == end:
                if ch == "/":
                    following.add(rest)
                continue
            kind, literal = steps[s]
            if kind == _LITERAL:
                if ch == literal:
                    following.add(s + 1)
            elif kind == _ONE:
                if ch != "/":
                    following.add(s + 1)
            elif kind == _STAR:
                if ch != "/":
                    following.add(s)
            elif kind == _ANY:
                following.add(s)
            else:  # _FOLDERS: inside the run (INSIDE) until a "/" may end it
                following.add(s | _INSIDE)
                if ch == "/":
                    following.add(s + 1)
        if not following:
            return False
        states = _closure(steps, following)
    return end in states or rest in states


def _normal(path: str) -> str:
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def matches(path: str, pattern: str) -> bool:
    """True when ``path`` (relative, any separator) matches the glob ``pattern``."""
    return _match(_compile(pattern), _normal(path))


def excluded(path: str, patterns: Sequence[str]) -> bool:
    return any(matches(path, p) for p in patterns)
