"""The real renderers the diagram tests use: Graphviz's dot and mermaid in headless Chromium.

Both are installed by ``scripts/install-test-tools`` (Debian's graphviz and
chromium, mermaid and playwright-core from npm into ``tests/browser``). Under
CI a missing tool fails the test instead of skipping it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from cllint.commands.diagram import NotDrawn, picture
from cllint.files.paths import display_path
from helpers import ROOT, settings

BROWSER = ROOT / "tests" / "browser"
SVG = "{http://www.w3.org/2000/svg}"


def need(tool: str, ready: bool) -> None:
    if ready:
        return
    message = f"{tool} is not installed: run scripts/install-test-tools"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def diagram(
    path: Path, fmt: str = "dot", document: int | None = None, as_of: dt.date | None = None
) -> str:
    """The diagram of an inventory file, drawn in-process with the test settings."""
    data = path.read_bytes()
    base = path.parent
    run = settings(base=base) if as_of is None else settings(base=base, as_of=as_of)
    return picture(data, path, display_path(path, base), run, fmt, document)


def diagrams(path: Path, fmt: str = "dot") -> list[str]:
    """One diagram per inventory document of ``path`` (none when it does not load)."""
    from cllint.settings.options import UsageError

    try:
        return [diagram(path, fmt)]
    except NotDrawn:
        return []
    except UsageError as exc:
        if "is not an inventory" in str(exc):
            return []
        if "choose one with --document" not in str(exc):
            raise
        count = int(str(exc).split(" holds ")[1].split()[0])
        return [diagram(path, fmt, n) for n in range(1, count + 1)]


def dot_svg(text: str) -> str:
    """``dot -Tsvg`` of ``text``; fails the test unless dot exits 0."""
    exe = shutil.which("dot")
    need("Graphviz's dot", exe is not None)
    assert exe is not None
    proc = subprocess.run([exe, "-Tsvg"], input=text.encode(), capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    return proc.stdout.decode()


def svg_elements(svg: str) -> dict[str, dict[str, str]]:
    """Per drawn node or cluster (by its DOT id): its text, fill and stroke colours."""
    root = ET.fromstring(svg)
    found: dict[str, dict[str, str]] = {}
    for g in root.iter(f"{SVG}g"):
        kind = g.get("class")
        if kind not in ("node", "cluster", "edge"):
            continue
        title = g.find(f"{SVG}title")
        if title is None or title.text is None:
            continue
        shape = next(
            (e for e in g if e.tag in (f"{SVG}polygon", f"{SVG}path", f"{SVG}ellipse")), None
        )
        name = title.text.removeprefix("cluster_")
        found[name] = {
            "kind": kind,
            "text": "\n".join(t.text or "" for t in g.iter(f"{SVG}text")),
            "fill": shape.get("fill", "") if shape is not None else "",
            "stroke": shape.get("stroke", "") if shape is not None else "",
        }
    return found


def mermaid_ready() -> bool:
    return (BROWSER / "node_modules" / "mermaid").is_dir() and (
        shutil.which("chromium") is not None or "CLLINT_CHROMIUM" in os.environ
    )


def render_mermaid(
    diagrams: dict[str, str], tmp_path: Path, screenshot: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Each Mermaid text drawn by the real mermaid library in headless Chromium."""
    need("mermaid and chromium", mermaid_ready() and shutil.which("node") is not None)
    job = tmp_path / "job.json"
    job.write_text(
        json.dumps(
            {
                "diagrams": [{"name": k, "text": v} for k, v in diagrams.items()],
                "screenshot": screenshot,
            }
        ),
        encoding="utf-8",
    )
    proc = subprocess.run(
        ["node", str(BROWSER / "render.mjs"), str(job)],
        capture_output=True,
        timeout=300,
        cwd=BROWSER,
    )
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def by_id(drawn: list[dict[str, Any]], svg_id: str, kind: str) -> dict[str, dict[str, Any]]:
    """Mermaid's drawn nodes (``d1-flowchart-N0A1-2``) or subgraphs (``d1-N0``) by our id."""
    out: dict[str, dict[str, Any]] = {}
    for item in drawn:
        ident = item["id"].removeprefix(f"{svg_id}-")
        if kind == "node":
            ident = ident.removeprefix("flowchart-").rsplit("-", 1)[0]
        out[ident] = item
    return out
