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


def declared_domains(inventory: Inventory) -> list[str]:
    """``cluster.domain`` and every node's domain, each once, in order."""
    cluster = inventory.cluster
    found = [cluster.domain if cluster is not None and cluster.has("domain") else None]
    found += [node.domain if node.has("domain") else None for node in inventory.nodes]
    domains: dict[str, str] = {}
    for domain in found:
        if domain and domain.strip():
            domains.setdefault(host_key(domain), domain.strip())
    return list(domains.values())


def cap_hosts(inventory: Inventory) -> set[str] | None:
    """The CAP name and its FQDN in every declared domain; None when the CAP name is unknown.

    The declared domains are ``cluster.domain`` and the nodes' domains: with
    ``cluster.domain`` left out and the nodes in ``corp.example.com``,
    ``ctxlic.corp.example.com`` is still the CAP. A CAP name written as an
    FQDN (CL403) also admits its first label.
    """
    lic = inventory.licensing
    cap = lic.client_access_point if lic else None
    if cap is None or not cap.has("name") or cap.name is None:
        return None
    name = cap.name.strip().rstrip(".")
    names = {name}
    if "." in name:
        names.add(name.split(".", 1)[0])
    hosts = {host_key(n) for n in names}
    for domain in declared_domains(inventory):
        hosts |= {host_key(f"{n}.{domain}") for n in names}
    return hosts
