"""Host names a product may be configured with, shared by CL801 and CL802.

Host names compare case-insensitively and a trailing dot (a fully qualified
``name.domain.``) is ignored, as DNS does.
"""

from __future__ import annotations

from cllint.model import Inventory


def host_key(name: str) -> str:
    """The comparable form of a host name or FQDN."""
    return name.strip().rstrip(".").casefold()


def node_hosts(inventory: Inventory) -> dict[str, str]:
    """Every node name and node FQDN (in ``cluster.domain`` or the node's own domain).

    Maps the comparable form to the node's name.
    """
    cluster = inventory.cluster
    cluster_domain = cluster.domain if cluster is not None and cluster.has("domain") else None
    hosts: dict[str, str] = {}
    for node in inventory.nodes:
        if not node.has("name") or node.name is None:
            continue
        domains = {cluster_domain, node.domain if node.has("domain") else None} - {None}
        hosts.setdefault(host_key(node.name), node.name)
        for domain in domains:
            hosts.setdefault(host_key(f"{node.name}.{domain}"), node.name)
    return hosts


def cap_hosts(inventory: Inventory) -> set[str] | None:
    """The CAP name and its FQDN in ``cluster.domain``; None when the CAP name is unknown."""
    lic = inventory.licensing
    cap = lic.client_access_point if lic else None
    if cap is None or not cap.has("name") or cap.name is None:
        return None
    hosts = {host_key(cap.name)}
    cluster = inventory.cluster
    if cluster is not None and cluster.has("domain") and cluster.domain:
        hosts.add(host_key(f"{cap.name}.{cluster.domain}"))
    return hosts
