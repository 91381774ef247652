"""CL308 address-outside-subnet."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.cl311_unusable_address import nic_problem
from cllint.rules.nic_addressing import network_subnet, nic_network


class AddressOutsideSubnet(Rule):
    """An adapter's address must lie in its network's subnet, with the same prefix.

    What:
        Fires when an adapter's address is not inside the subnet of the
        cluster network it names (an IPv6 address on an IPv4 network is
        outside too), or when it declares a ``/prefix`` that differs from the
        network's. An address without ``/prefix`` takes the network's prefix
        and can only be outside. Silent when the network is unknown (CL004) or
        its subnet or the address is not schema-valid (CL002), and for an
        address no host can use (APIPA, loopback, a network or broadcast
        address...), which CL311 reports instead.

    Why:
        "The public and the private IP address must be on different subnets
        because the Cluster Service recognizes only one network interface per
        subnet." The Cluster Service assigns adapters to cluster networks by
        subnet: an address outside, or with another mask, puts the adapter on
        a network nobody planned.

    How to fix:
        Correct the address or its prefix, or attach the adapter to the
        network whose subnet holds it.

    Failing example:
        networks:
          - {name: Public, role: public, subnet: 10.10.1.0/24}
        nics:
          - {name: NIC1, network: Public, address: 10.10.2.11/24, addressing: static}

    Passing example:
        networks:
          - {name: Public, role: public, subnet: 10.10.1.0/24}
        nics:
          - {name: NIC1, network: Public, address: 10.10.1.11, addressing: static}
    """

    id = "CL308"
    name = "address-outside-subnet"
    severity = Severity.ERROR
    summary = (
        "an adapter's address is not inside its network's subnet, or its prefix differs "
        "from the network's"
    )
    tags = ("network",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        for node in inventory.nodes:
            for nic in node.nics:
                address = nic.address if nic.has("address") else None
                subnet = network_subnet(nic_network(inventory, nic))
                if address is None or subnet is None:
                    continue
                outside = address.version != subnet.version or address.ip not in subnet
                if not outside and not (
                    nic.prefix_declared and address.network.prefixlen != subnet.prefixlen
                ):
                    continue
                if nic_problem(inventory, nic):
                    continue  # an address no host can use is CL311's (asked only here: it costs)
                where = f"adapter {q(nic.name)} of node {q(node.name)}"
                if outside:
                    yield self.at(
                        nic.ptr("address"),
                        f"address {address.ip} of {where} is not inside subnet {subnet} of "
                        f"network {q(nic.network)} – correct the address or the adapter's "
                        "network",
                    )
                else:
                    yield self.at(
                        nic.ptr("address"),
                        f"address {address} of {where} declares prefix /{address.network.prefixlen}"
                        f" but network {q(nic.network)} is {subnet} – use "
                        f"{address.ip}/{subnet.prefixlen} (or leave the prefix out)",
                    )
