"""``cllint runbook``: the vendor's install, upgrade and uninstall procedure for one cluster.

Admins copy the procedure into change tickets and get the node order and the
"Last Node in the Cluster" box wrong. The runbook is generated from the same
inventory that ``check`` verifies, so the order, the last node, the ports and
the names are the inventory's own.

- ``plan.py``: the facts a runbook needs, resolved from the model, and the
  reasons a runbook cannot be written;
- ``steps.py``: the procedure as data (sections of steps) for each action;
- ``render_text.py`` / ``render_markdown.py``: one renderer per format.

The command's flow (check first, then write) is ``cllint.commands.runbook``.
"""

from __future__ import annotations

ACTIONS = ("install", "upgrade", "uninstall")
FORMATS = ("text", "markdown")
