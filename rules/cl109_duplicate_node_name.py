"""CL109 duplicate-node-name."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory, Node
from cllint.rule import Context, Rule


class DuplicateNodeName(Rule):
    """Node names must be unique (Windows compares them case-insensitively).

    What:
        Fires at the second (and any later) node whose ``name`` equals an
        earlier node's name, ignoring case.

    Why:
        "A typical cluster configuration has, at a minimum, one active and one
        passive (backup) server." Two entries with one computer name are one
        server (a domain holds a name once): usually a copy-paste slip that
        hides the real second node from every other check.

    How to fix:
        Give the node its real computer name, or remove the duplicate entry.

    Failing example:
        nodes:
          - name: CTXLIC-N1
          - name: ctxlic-n1

    Passing example:
        nodes:
          - name: CTXLIC-N1
          - name: CTXLIC-N2
    """

    id = "CL109"
    name = "duplicate-node-name"
    severity = Severity.ERROR
    summary = "two nodes share a name (case-insensitive)"
    tags = ("cluster",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        seen: dict[str, Node] = {}
        for node in inventory.nodes:
            if not node.has("name") or node.name is None:
                continue
            first = seen.setdefault(node.name.casefold(), node)
            if first is not node:
                yield self.at(
                    node.ptr("name"),
                    f"node name {q(node.name)} is already used by node {q(first.name)} (names "
                    "are case-insensitive) – give each node its own computer name",
                )
