"""CL504 last-node."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.install_sequence import known_order, where


class LastNode(Rule):
    """The node installed with "Last Node in the Cluster" checked must be installed last.

    What:
        Only when ``licensing.last_node`` is declared (the default is the last
        entry of ``install_order``). Fires when it is not the final node of
        ``install_order`` (declared, or the order of ``nodes``), ignoring
        case. Stays silent when a name is unknown (CL004) or the final entry
        repeats an earlier one (CL503).

    Why:
        "When installing the License Server on the last node in the cluster,
        ensure that the Last node in the cluster check box is checked. The
        last node is where the ports are configured." Checking the box on an
        earlier node configures the ports before every node is installed.

    How to fix:
        Set ``last_node`` to the final node of ``install_order``, or move that
        node to the end of the order.

    Failing example:
        licensing:
          install_order: [CTXLIC-N1, CTXLIC-N2]
          last_node: CTXLIC-N1

    Passing example:
        licensing:
          install_order: [CTXLIC-N1, CTXLIC-N2]
          last_node: CTXLIC-N2
    """

    id = "CL504"
    name = "last-node"
    severity = Severity.ERROR
    summary = "last_node is not the final node of install_order"
    tags = ("install",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None or not lic.has("last_node") or lic.last_node is None:
            return
        order = known_order(inventory, lic)
        if order is None or inventory.node(lic.last_node) is None:
            return
        final = order[-1]
        if any(name.casefold() == final.casefold() for name in order[:-1]):
            return
        if final.casefold() != lic.last_node.casefold():
            yield self.at(
                lic.ptr("last_node"),
                f"last_node {q(lic.last_node)} is not the final node of {where(lic)}, "
                f"{q(final)}; 'Last Node in the Cluster' is checked on the node installed "
                f"last – set last_node to {q(final)} or install {q(lic.last_node)} last",
            )
