"""``cllint diagram``: a picture of the cluster as the inventory declares it.

Admins review inventories in merge requests and hand runbooks to change
boards; a picture of the nodes, their adapters on the public and private
networks, the licensing group with its client access point and shared disk,
and the products pointing at it says at a glance what a page of YAML does not.
Findings of the normal check are drawn on the element they concern.

- ``scene.py``: the picture as data (boxes, groups, links) and its limits;
- ``builder.py``: the scene built from the model, bounded in size, with each
  finding attached to its element;
- ``dot.py`` / ``mermaid.py``: one renderer per language, each with its own
  escaper for inventory text;
- ``svg.py``: SVG through Graphviz's ``dot`` program;
- ``command.py``: the command's flow (load, check, draw, write).

:func:`mermaid_block` is the entry point for documents that embed the diagram
(the markdown runbook, a markdown report).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cllint.findings import Finding
    from cllint.model import Inventory

FORMATS = ("mermaid", "dot", "svg")


def mermaid_block(
    inventory: Inventory,
    findings: Iterable[Finding] = (),
    *,
    source: Path | None = None,
    base: Path | None = None,
) -> str:
    """The diagram of ``inventory`` as a fenced ```` ```mermaid ```` markdown block.

    ``findings`` are drawn on their elements (those of other documents, and
    suppressed ones, are left out by the caller). ``source`` is the inventory
    file's path: with it, the license files it lists are read (safely, inside
    its repository) to show the host name they are bound to; ``base`` is the
    folder their paths are shown relative to (default: the working folder).
    GitHub, GitLab and Azure DevOps render such a block in place.
    """
    from cllint.diagram.builder import build
    from cllint.diagram.mermaid import render
    from cllint.diagram.scene import license_views

    views = license_views(inventory, source, base or Path.cwd()) if source else None
    scene = build(inventory, findings, views)
    return f"```mermaid\n{render(scene)}```\n"
