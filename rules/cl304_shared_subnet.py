"""CL304 shared-subnet."""

from __future__ import annotations

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory, IPInterface, IPNetwork, Network, Nic
from cllint.rule import Context, Rule
from cllint.rules.nic_addressing import (
    PRIVATE,
    PUBLIC,
    network_role,
    network_subnet,
    nic_interface,
    nic_network,
)


class SharedSubnet(Rule):
    """Public and private addresses must be on different subnets.

    What:
        Fires when two adapters of one node are in the same subnet (at the
        second adapter's address, naming the first), or when a public and a
        private cluster network overlap (at the subnet declared later, naming
        the other network). An adapter's subnet is its address with its
        declared prefix, else its network's prefix. IPv4 and IPv6 both count;
        two adapters with the *same* address are CL309's, not this rule's.

    Why:
        "The public and the private IP address must be on different subnets
        because the Cluster Service recognizes only one network interface per
        subnet." The second adapter is ignored, so the heartbeat has no
        separate path.

    How to fix:
        Put the private network on its own subnet (e.g. 192.168.50.0/24 next
        to a public 10.10.1.0/24) and readdress the adapters.

    Failing example:
        networks:
          - {name: Public, role: public, subnet: 10.10.0.0/16}
          - {name: Heartbeat, role: private, subnet: 10.10.50.0/24}

    Passing example:
        networks:
          - {name: Public, role: public, subnet: 10.10.1.0/24}
          - {name: Heartbeat, role: private, subnet: 192.168.50.0/24}
    """

    id = "CL304"
    name = "shared-subnet"
    severity = Severity.ERROR
    summary = (
        "two adapters of one node are in the same subnet, or a public and a private "
        "network overlap (one interface per subnet)"
    )
    tags = ("network",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        yield from self._overlapping_networks(inventory)
        for node in inventory.nodes:
            first_in: dict[IPNetwork, tuple[Nic, IPInterface]] = {}
            for nic in node.nics:
                iface = nic_interface(nic, nic_network(inventory, nic))
                if iface is None:
                    continue
                seen = first_in.setdefault(iface.network, (nic, iface))
                other, other_iface = seen
                if other is nic or other_iface.ip == iface.ip:
                    continue
                yield self.at(
                    nic.ptr("address"),
                    f"adapters {q(other.name)} ({other_iface}) and {q(nic.name)} ({iface}) "
                    f"of node {q(node.name)} are both in subnet {iface.network}; the Cluster "
                    "Service uses one interface per subnet – give each adapter of a node a "
                    "subnet of its own (public and private apart)",
                )

    def _overlapping_networks(self, inventory: Inventory) -> Iterator[Finding]:
        """Public/private overlaps, by one sorted sweep over nested CIDR blocks.

        Sorted by (version, first address, prefix length), a block overlaps an
        earlier one exactly when the earlier one contains it, so a stack of the
        blocks that contain the current one suffices. Each stack entry remembers
        the innermost enclosing network of each role.
        """
        cluster = inventory.cluster
        if cluster is None:
            return
        items: list[tuple[int, IPNetwork, Network, str]] = []
        for index, net in enumerate(cluster.networks):
            subnet, role = network_subnet(net), network_role(net)
            if subnet is not None and role is not None and role in (PUBLIC, PRIVATE):
                items.append((index, subnet, net, role))
        items.sort(key=lambda it: (it[1].version, int(it[1].network_address), it[1].prefixlen))
        # (subnet, innermost enclosing-or-self network per role with its index)
        stack: list[tuple[IPNetwork, dict[str, tuple[int, Network]]]] = []
        for index, subnet, net, role in items:
            while stack and not _contains(stack[-1][0], subnet):
                stack.pop()
            enclosing = dict(stack[-1][1]) if stack else {}
            opposite = PRIVATE if role == PUBLIC else PUBLIC
            if opposite in enclosing:
                other_index, other = enclosing[opposite]
                later, earlier = (net, other) if index > other_index else (other, net)
                yield self.at(
                    later.ptr("subnet"),
                    f"{later.role} network {q(later.name)} ({later.subnet}) overlaps "
                    f"{earlier.role} network {q(earlier.name)} ({earlier.subnet}); the "
                    "Cluster Service recognises one interface per subnet – give the public "
                    "and the private network separate subnets",
                )
            enclosing[role] = (index, net)
            stack.append((subnet, enclosing))


def _contains(outer: IPNetwork, inner: IPNetwork) -> bool:
    return outer.version == inner.version and inner.subnet_of(outer)  # type: ignore[arg-type]
