"""CL311 unusable-address."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory, Nic
from cllint.rule import Context, Rule
from cllint.rules.nic_addressing import network_subnet, nic_interface, nic_network

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def kind_of(ip: IPAddress, *, cap: bool) -> str | None:
    """Why ``ip`` cannot serve the cluster whatever its subnet, or None.

    ``cap`` adds the IPv6 link-local range: a client access point on
    ``fe80::/10`` is unreachable from any other link (every IPv6 adapter has
    such an address besides its real one, so adapters are not judged by it).

    An IPv4 address is judged by its number, against the ranges ``ipaddress``
    tests with (``is_unspecified`` 0.0.0.0, ``is_loopback`` 127.0.0.0/8,
    ``is_multicast`` 224.0.0.0/4): each of its properties is a network
    containment test in Python, and every adapter of every node is asked.
    """
    if ip.version == 4:
        number = int(ip)
        # 169.254.0.0/16, IPv4 link-local (RFC 3927): APIPA
        apipa, unspecified = number >> 16 == 0xA9FE, number == 0
        loopback, multicast, link_local = number >> 24 == 127, number >> 28 == 0xE, False
    else:
        apipa, unspecified = False, ip.is_unspecified
        loopback, multicast, link_local = ip.is_loopback, ip.is_multicast, ip.is_link_local
    if apipa:
        return (
            "an APIPA (IPv4 link-local 169.254.0.0/16) address, which Windows assigns when "
            "an adapter gets no address; the Cluster Service does not use such adapters"
        )
    if unspecified:
        return "the unspecified address"
    if loopback:
        return "a loopback address"
    if multicast:
        return "a multicast address"
    if cap and link_local:
        return "an IPv6 link-local (fe80::/10) address, unreachable from other networks"
    return None


def edge_of(ip: IPAddress, subnets: Iterable[IPNetwork]) -> str | None:
    """``the network address of 10.10.1.0/24`` (or broadcast), for IPv4 up to /30, else None."""
    for subnet in subnets:
        if ip.version != 4 or subnet.version != 4 or subnet.prefixlen > 30 or ip not in subnet:
            continue
        if ip == subnet.network_address:
            return f"the network address of subnet {subnet}"
        if ip == subnet.broadcast_address:
            return f"the broadcast address of subnet {subnet}"
    return None


def nic_problem(inventory: Inventory, nic: Nic) -> str | None:
    """Why the adapter's address cannot serve, or None (also when it is unknown)."""
    if not nic.has("address") or nic.address is None:
        return None
    ip = nic.address.ip
    problem = kind_of(ip, cap=False)
    if problem is not None:
        return problem
    network = nic_network(inventory, nic)
    interface = nic_interface(nic, network)
    subnets = [s for s in (network_subnet(network),) if s is not None]
    if interface is not None:
        subnets.insert(0, interface.network)
    return edge_of(ip, subnets)


def cap_problem(inventory: Inventory) -> tuple[str, str] | None:
    """(pointer, why) when the CAP address cannot serve, else None."""
    lic = inventory.licensing
    cap = lic.client_access_point if lic else None
    if cap is None or not cap.has("address") or cap.address is None:
        return None
    problem = kind_of(cap.address, cap=True)
    if problem is None:
        cluster = inventory.cluster
        networks = cluster.networks if cluster is not None else ()
        subnets = [s for s in (network_subnet(n) for n in networks) if s is not None]
        problem = edge_of(cap.address, subnets)
    return (cap.ptr("address"), problem) if problem is not None else None


class UnusableAddress(Rule):
    """Adapter and client access point addresses must be addresses a host can serve on.

    What:
        Fires at an adapter's ``address`` or at
        ``licensing.client_access_point.address`` that cannot serve the
        cluster: an IPv4 link-local (APIPA) address in ``169.254.0.0/16``; the
        network or broadcast address of its subnet (IPv4, prefixes up to /30;
        /31 and /32 have no such addresses); a loopback, multicast or
        unspecified address; and, for the CAP, an IPv6 link-local
        ``fe80::/10`` address. An adapter's subnet is its declared
        ``/prefix``, else its network's; the CAP's is the cluster network that
        holds it. Such an address is reported here instead of CL308
        (address outside its subnet) or CL310 (CAP not on a public network):
        one cause, one finding.

    Why:
        "The public and the private IP address must be on different subnets
        because the Cluster Service recognizes only one network interface per
        subnet." The Cluster Service builds its networks from the adapters'
        addresses; an address that no host can use gives it none. An APIPA
        address means the adapter got no address at all (RFC 3927), and
        Microsoft's failover-cluster networking guidance ("Windows Server
        2008 Failover Clusters: Networking", Microsoft Ask the Core Team; and
        "Failover Clustering Networking Basics and Fundamentals", Microsoft
        Tech Community, 2020) describes 169.254.x.x as the cluster's own
        internal (NetFT) addressing: the Cluster Service does not use
        adapters with such addresses for cluster networks. A subnet's network
        and broadcast addresses are not host addresses (RFC 919, RFC 950).

    How to fix:
        Give the adapter (or the client access point) a static host address
        inside its network's subnet, e.g. ``192.168.50.11/24`` on
        ``192.168.50.0/24``; an APIPA address usually means a DHCP adapter
        found no server.

    Failing example:
        networks:
          - {name: Heartbeat, role: private, subnet: 192.168.50.0/24}
        nics:
          - {name: NIC2, network: Heartbeat, address: 169.254.50.11/16, addressing: static}

    Passing example:
        networks:
          - {name: Heartbeat, role: private, subnet: 192.168.50.0/24}
        nics:
          - {name: NIC2, network: Heartbeat, address: 192.168.50.11/24, addressing: static}
    """

    id = "CL311"
    name = "unusable-address"
    severity = Severity.ERROR
    summary = (
        "an adapter or CAP address cannot serve the cluster: APIPA 169.254.0.0/16, the "
        "network or broadcast address of its subnet, loopback, multicast, unspecified, or an "
        "IPv6 link-local CAP address"
    )
    tags = ("network",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        for node in inventory.nodes:
            for nic in node.nics:
                problem = nic_problem(inventory, nic)
                if problem is None:
                    continue
                assert nic.address is not None
                yield self.at(
                    nic.ptr("address"),
                    f"address {nic.address.ip} of adapter {q(nic.name)} of node "
                    f"{q(node.name)} is {problem} – give the adapter a static host address "
                    f"in the subnet of network {q(nic.network)}",
                )
        found = cap_problem(inventory)
        if found is not None:
            pointer, problem = found
            lic = inventory.licensing
            assert lic is not None and lic.client_access_point is not None
            yield self.at(
                pointer,
                f"client access point address {lic.client_access_point.address} is {problem} "
                "– products cannot reach the License Server there; use an unused host address "
                "on the public network",
            )
