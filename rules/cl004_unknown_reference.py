"""CL004 unknown-reference."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, listing, q
from cllint.model import Inventory
from cllint.rule import Context, Rule


class UnknownReference(Rule):
    """Names that refer to something in the inventory must refer to something declared.

    What:
        Fires when a NIC's ``network`` names no ``cluster.networks`` entry,
        ``licensing.storage`` names no ``cluster.storage`` drive, or a name in
        ``install_order``, ``owner_node`` or ``last_node`` names no node. Names
        compare case-insensitively, as Windows does. Rules that depend on the
        reference stay silent for that object.

    Why:
        A dangling reference is usually a typo; every check that follows it
        (subnets, shared drive, install order) would otherwise be wrong.

    How to fix:
        Correct the name, or declare the network, disk or node it refers to.

    Failing example:
        nics:
          - {name: NIC1, network: Pubic, address: 10.10.1.11/24, addressing: static}

    Passing example:
        nics:
          - {name: NIC1, network: Public, address: 10.10.1.11/24, addressing: static}
    """

    id = "CL004"
    name = "unknown-reference"
    severity = Severity.ERROR
    summary = (
        "a nic's network, licensing.storage, or a name in install_order, owner_node or "
        "last_node refers to nothing declared"
    )
    tags = ("input",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        networks = sorted(n.name for n in inventory.networks_by_name.values() if n.name)
        for node in inventory.nodes:
            for nic in node.nics:
                if nic.has("network") and inventory.network(nic.network) is None:
                    known = listing(networks) or "none declared"
                    yield self.at(
                        nic.ptr("network"),
                        f"network {q(nic.network)} of adapter {q(nic.name)} on node "
                        f"{q(node.name)} is not a cluster network (known: {known})",
                    )
        lic = inventory.licensing
        if lic is None:
            return
        if lic.has("storage") and inventory.storage_for(lic.storage) is None:
            drives = sorted(inventory.storage_by_drive)
            yield self.at(
                lic.ptr("storage"),
                f"licensing storage drive {q(lic.storage)} is not a cluster storage drive "
                f"(known: {listing(drives) or 'none declared'})",
            )
        nodes = listing(n.name for n in inventory.nodes if n.name) or "none declared"
        if lic.has("install_order"):
            for i, name in enumerate(lic.install_order):
                if inventory.node(name) is None:
                    yield self.at(
                        f"{lic.ptr('install_order')}/{i}",
                        f"install_order names {q(name)}, which is not a node (nodes: {nodes})",
                    )
        for key in ("owner_node", "last_node"):
            name = getattr(lic, key)
            if lic.has(key) and inventory.node(name) is None:
                yield self.at(lic.ptr(key), f"{key} {q(name)} is not a node (nodes: {nodes})")
