"""SVG through Graphviz's ``dot`` program, when it is installed.

``dot`` reads the DOT text on its standard input and writes SVG to its
standard output: no temporary file, nothing written anywhere. It is looked up
only in the absolute folders of ``PATH`` – never the working folder, where a
repository under review could have put a ``dot`` of its own.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

TIMEOUT = 60.0
"""Seconds; the scene is bounded, so dot takes well under one."""

HOW_TO_GET = (
    "--format svg needs Graphviz's dot program, which is not installed: install Graphviz "
    "(apt-get install graphviz, dnf install graphviz, brew install graphviz or "
    "winget install graphviz) or use --format dot or --format mermaid"
)


class SvgError(Exception):
    """dot is missing or failed: a one-line message for the user."""


def find_dot(path: str | None = None) -> str | None:
    """The ``dot`` executable on ``PATH`` (absolute folders only), or None."""
    names = ("dot.exe", "dot") if os.name == "nt" else ("dot",)
    for folder in (path if path is not None else os.environ.get("PATH", "")).split(os.pathsep):
        if not folder or not os.path.isabs(folder):
            continue
        for name in names:
            candidate = Path(folder) / name
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    return None


def to_svg(dot_text: str, program: str | None = None) -> str:
    """The SVG that ``dot -Tsvg`` draws from ``dot_text``."""
    exe = program or find_dot()
    if exe is None:
        raise SvgError(HOW_TO_GET)
    try:
        proc = subprocess.run(
            [exe, "-Tsvg"],
            input=dot_text.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise SvgError(f"dot did not finish within {TIMEOUT:.0f} seconds") from None
    except OSError as exc:
        raise SvgError(f"cannot run {exe}: {exc.strerror or exc}") from None
    if proc.returncode != 0:
        first = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = first[0] if first else f"exit status {proc.returncode}"
        raise SvgError(f"dot failed: {reason}")
    return proc.stdout.decode("utf-8", "replace")
