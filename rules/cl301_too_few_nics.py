"""CL301 too-few-nics."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule


class TooFewNics(Rule):
    """Each node needs two network adapters: one public, one private.

    What:
        Fires when a node declares fewer than two network adapters (``nics``),
        including a node with no ``nics`` at all.

    Why:
        "Ensure that each node has two network adapters. One for the connection
        to the public network and the other for the node-to-node private
        cluster network. We do not support using one network adapter for both
        connections."

    How to fix:
        Add a second adapter so that one is on the public and one on the private
        cluster network.

    Failing example:
        nics:
          - {name: NIC1, network: Public, address: 10.10.1.11/24, addressing: static}

    Passing example:
        nics:
          - {name: NIC1, network: Public, address: 10.10.1.11/24, addressing: static}
          - {name: NIC2, network: Heartbeat, address: 192.168.50.11/24, addressing: static}
    """

    id = "CL301"
    name = "too-few-nics"
    severity = Severity.ERROR
    summary = "a node has fewer than two network adapters (one adapter for both is not supported)"
    tags = ("network",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        for node in inventory.nodes:
            if node.is_invalid("nics"):
                continue
            count = len(node.nics)
            if count < 2:
                where = node.ptr("nics") if node.has("nics") else node.ptr()
                yield self.at(
                    where,
                    f"node {q(node.name)} has {count} network adapter{'s' if count != 1 else ''};"
                    " it needs two: one on the public and one on the private network",
                )
