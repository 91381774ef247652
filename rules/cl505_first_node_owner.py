"""CL505 first-node-owner."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.install_sequence import known_order, where


class FirstNodeOwner(Rule):
    """The first node installed must own the Licensing group when installation starts.

    What:
        Only when ``licensing.owner_node`` is declared (the default is the
        first entry of ``install_order``). Fires when it is not the first node
        of ``install_order`` (declared, or the order of ``nodes``), ignoring
        case. Stays silent when a name is unknown (CL004).

    Why:
        "Ensure that the first node has control of the cluster resources and
        the resource group you created points to the first node." and "Ensure
        that the first node of the cluster owns all cluster resources."

    How to fix:
        Move the Licensing group to the first node of ``install_order`` before
        installing, and set ``owner_node`` to it (or reorder the install).

    Failing example:
        licensing:
          install_order: [CTXLIC-N1, CTXLIC-N2]
          owner_node: CTXLIC-N2

    Passing example:
        licensing:
          install_order: [CTXLIC-N1, CTXLIC-N2]
          owner_node: CTXLIC-N1
    """

    id = "CL505"
    name = "first-node-owner"
    severity = Severity.ERROR
    summary = "owner_node is not the first node of install_order"
    tags = ("install",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None or not lic.has("owner_node") or lic.owner_node is None:
            return
        order = known_order(inventory, lic)
        if order is None or inventory.node(lic.owner_node) is None:
            return
        first = order[0]
        if first.casefold() != lic.owner_node.casefold():
            yield self.at(
                lic.ptr("owner_node"),
                f"owner_node {q(lic.owner_node)} is not the first node of {where(lic)}, "
                f"{q(first)}; the first node must own the Licensing group when installation "
                f"starts – move the group to {q(first)} and set owner_node to it",
            )
