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
- ``svg.py``: SVG through Graphviz's ``dot`` program.

The command's flow (load, check, draw, write) is ``cllint.commands.diagram``;
``mermaid.mermaid_block`` is the entry point for documents that embed the
diagram (the markdown runbook, a markdown report).
"""

from __future__ import annotations

FORMATS = ("mermaid", "dot", "svg")
