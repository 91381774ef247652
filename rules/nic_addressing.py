"""What the network rules (CL3) share: a NIC's network and its effective interface.

A NIC names its cluster network; when that name is unknown (CL004) or not
schema-valid, every check that needs the network stays silent for that NIC.
A NIC address without ``/prefix`` takes its network's prefix, as the
inventory format says, so ``10.10.1.11`` on ``10.10.1.0/24`` is
``10.10.1.11/24``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

from cllint.model import Inventory, IPInterface, Network, Nic, Node

PUBLIC = "public"
PRIVATE = "private"


def nic_network(inventory: Inventory, nic: Nic) -> Network | None:
    """The cluster network the NIC is on, or None when unknown or invalid."""
    if not nic.has("network"):
        return None
    return inventory.network(nic.network)


def network_role(network: Network | None) -> str | None:
    """``public``/``private`` when declared and valid, else None."""
    if network is None or not network.has("role"):
        return None
    return network.role


def network_subnet(network: Network | None) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    """The network's subnet when declared and valid, else None."""
    if network is None or not network.has("subnet"):
        return None
    return network.subnet


def nic_interface(nic: Nic, network: Network | None) -> IPInterface | None:
    """The NIC's address with its effective prefix.

    A declared ``/prefix`` wins; otherwise the network's prefix applies. None
    when the address is missing or invalid, or when it has no prefix and its
    network is unknown or of the other IP version.
    """
    if not nic.has("address") or nic.address is None:
        return None
    if nic.prefix_declared:
        return nic.address
    subnet = network_subnet(network)
    if subnet is None or subnet.version != nic.address.version:
        return None
    # (address, prefix) tuples skip re-parsing text: this runs once per adapter.
    return type(nic.address)((nic.address.ip, subnet.prefixlen))


def node_roles(inventory: Inventory, node: Node) -> set[str] | None:
    """The network roles the node has adapters on, or None when that cannot be known.

    Unknown when the ``nics`` list is not schema-valid or some adapter's network
    (or that network's role) is unknown: the unknown one might be the missing
    role, and CL002/CL004 already report it.
    """
    if node.is_invalid("nics"):
        return None
    roles: set[str] = set()
    for nic in node.nics:
        role = network_role(nic_network(inventory, nic))
        if role is None:
            return None
        roles.add(role)
    return roles


def networks_with_role(inventory: Inventory, role: str) -> list[str]:
    """Names of the cluster networks whose role is ``role``."""
    cluster = inventory.cluster
    networks = cluster.networks if cluster is not None else ()
    return [n.name for n in networks if n.name and network_role(n) == role]


def nodes_without_role(inventory: Inventory, role: str) -> Iterator[tuple[Node, list[str]]]:
    """Each node with adapters, none of them on a ``role`` network, and its adapters'
    network names. Silent for a node with no adapters (that is CL301 alone) or with
    an adapter whose network is unknown or invalid (it might be the missing one)."""
    for node in inventory.nodes:
        roles = node_roles(inventory, node)
        if not node.nics or roles is None or role in roles:
            continue
        yield node, [n for n in dict.fromkeys(nic.network for nic in node.nics) if n]


def dhcp_nics(inventory: Inventory, role: str) -> Iterator[tuple[Node, Nic]]:
    """Each declared DHCP adapter on a network of ``role``, with its node."""
    for node in inventory.nodes:
        for nic in node.nics:
            dhcp = nic.has("addressing") and nic.addressing == "dhcp"
            if dhcp and network_role(nic_network(inventory, nic)) == role:
                yield node, nic
