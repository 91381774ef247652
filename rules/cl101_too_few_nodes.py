"""CL101 too-few-nodes."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity
from cllint.model import Inventory
from cllint.rule import Context, Rule


class TooFewNodes(Rule):
    """A clustered License Server needs at least two nodes.

    What:
        Fires when ``nodes`` lists fewer than two nodes.

    Why:
        "A typical cluster configuration has, at a minimum, one active and one
        passive (backup) server." With one node there is nothing to fail over to.

    How to fix:
        Add the passive node(s) to the cluster and to the inventory.

    Failing example:
        nodes:
          - name: CTXLIC-N1

    Passing example:
        nodes:
          - name: CTXLIC-N1
          - name: CTXLIC-N2
    """

    id = "CL101"
    name = "too-few-nodes"
    severity = Severity.ERROR
    summary = "fewer than two nodes (one active, one passive at minimum)"
    tags = ("cluster",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        if "nodes" not in inventory.declared or "nodes" in inventory.invalid:
            return
        count = len(inventory.nodes)
        if count < 2:
            yield self.at(
                "/nodes",
                f"the cluster declares {count} node{'s' if count != 1 else ''}; a clustered "
                "License Server needs at least two (one active, one passive) – add a node",
            )
