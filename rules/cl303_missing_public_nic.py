"""CL303 missing-public-nic."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, listing, q
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.nic_addressing import PUBLIC, networks_with_role, nodes_without_role


class MissingPublicNic(Rule):
    """Each node needs an adapter on a public (client) network.

    What:
        Fires when a node has adapters but none of them is on a network whose
        ``role`` is ``public``. A node without any adapter gets only CL301
        (one cause, one finding); a node with a single private adapter gets
        CL301 *and* this rule, because a second adapter on another private
        network would satisfy CL301 but still leave the node unreachable for
        clients. Silent for a node when the network of one of its adapters is
        unknown (CL004) or not schema-valid: that adapter might be the public one.

    Why:
        "Ensure that each node has two network adapters. One for the connection
        to the public network and the other for the node-to-node private
        cluster network." Products reach the License Server, and the nodes
        fall back to each other, over the public network.

    How to fix:
        Add an adapter on the public network, or correct the ``network`` of the
        adapter that is meant to be public.

    Failing example:
        nics:
          - {name: NIC1, network: Heartbeat2, address: 192.168.60.11/24, addressing: static}
          - {name: NIC2, network: Heartbeat, address: 192.168.50.11/24, addressing: static}

    Passing example:
        nics:
          - {name: NIC1, network: Public, address: 10.10.1.11/24, addressing: static}
          - {name: NIC2, network: Heartbeat, address: 192.168.50.11/24, addressing: static}
    """

    id = "CL303"
    name = "missing-public-nic"
    severity = Severity.ERROR
    summary = "a node has no adapter on a public network"
    tags = ("network",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        candidates = networks_with_role(inventory, PUBLIC)
        hint = (
            f"add an adapter on a public network ({listing(candidates)})"
            if candidates
            else "declare a public network in cluster.networks and add an adapter on it"
        )
        for node, on in nodes_without_role(inventory, PUBLIC):
            yield self.at(
                node.ptr("nics"),
                f"node {q(node.name)} has no adapter on a public network (its adapters are "
                f"on {listing(on)}); {hint}",
            )
