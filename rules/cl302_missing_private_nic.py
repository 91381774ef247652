"""CL302 missing-private-nic."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, listing, q
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.nic_addressing import PRIVATE, networks_with_role, nodes_without_role


class MissingPrivateNic(Rule):
    """Each node needs an adapter on the private (node-to-node) cluster network.

    What:
        Fires when a node has adapters but none of them is on a network whose
        ``role`` is ``private``. A node without any adapter gets only CL301
        (one cause, one finding); a node with a single public adapter gets
        CL301 *and* this rule, because a second adapter on another public
        network would satisfy CL301 but still leave the node without a private
        one. Silent for a node when the network of one of its adapters is
        unknown (CL004) or not schema-valid: that adapter might be the private one.

    Why:
        "Ensure that each node has two network adapters. One for the connection
        to the public network and the other for the node-to-node private
        cluster network." Heartbeats, commands and state information travel
        over the private network first.

    How to fix:
        Add an adapter with a static address on the private cluster network,
        or correct the ``network`` of the adapter that is meant to be private.

    Failing example:
        nics:
          - {name: NIC1, network: Public, address: 10.10.1.11/24, addressing: static}
          - {name: NIC2, network: Public2, address: 10.10.2.11/24, addressing: static}

    Passing example:
        nics:
          - {name: NIC1, network: Public, address: 10.10.1.11/24, addressing: static}
          - {name: NIC2, network: Heartbeat, address: 192.168.50.11/24, addressing: static}
    """

    id = "CL302"
    name = "missing-private-nic"
    severity = Severity.ERROR
    summary = "a node has no adapter on a private network"
    tags = ("network",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        candidates = networks_with_role(inventory, PRIVATE)
        hint = (
            f"add an adapter with a static address on a private network ({listing(candidates)})"
            if candidates
            else "declare a private network in cluster.networks and add an adapter on it"
        )
        for node, on in nodes_without_role(inventory, PRIVATE):
            yield self.at(
                node.ptr("nics"),
                f"node {q(node.name)} has no adapter on a private cluster network (its "
                f"adapters are on {listing(on)}); {hint}",
            )
