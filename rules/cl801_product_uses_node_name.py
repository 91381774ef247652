"""CL801 product-uses-node-name."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory, cap_hosts, host_key, node_hosts
from cllint.rule import Context, Rule


class ProductUsesNodeName(Rule):
    """Products must use the client access point (CAP), not a node name.

    What:
        Fires when a product's ``license_server`` is the name of a node, or
        that node's FQDN (``<node>.<cluster.domain>`` or in the node's own
        domain), compared case-insensitively and ignoring a trailing dot. A
        name that is also the CAP name is left to CL406.

    Why:
        "Configure your Citrix product to use the client access point name,
        not the node name of the License Server cluster." After a failover
        the Licensing services run on another node and the product loses its
        License Server.

    How to fix:
        Set the product's License Server to the client access point name (or
        its FQDN).

    Failing example:
        products:
          - {name: CVAD Production Site, license_server: ctxlic-n1.corp.example.com}

    Passing example:
        products:
          - {name: CVAD Production Site, license_server: CTXLIC}
    """

    id = "CL801"
    name = "product-uses-node-name"
    severity = Severity.ERROR
    summary = "a product's license_server is a node name (or its FQDN) instead of the CAP"
    tags = ("products",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        nodes = node_hosts(inventory)
        caps = cap_hosts(inventory) or set()
        lic = inventory.licensing
        cap = lic.client_access_point if lic else None
        use = f"the client access point {q(cap.name)}" if cap and cap.has("name") else "the CAP"
        for product in inventory.products:
            if not product.has("license_server") or product.license_server is None:
                continue
            key = host_key(product.license_server)
            node = nodes.get(key)
            if node is None or key in caps:
                continue
            yield self.at(
                product.ptr("license_server"),
                f"product {q(product.name)} uses node {q(node)} "
                f"({q(product.license_server)}) as its License Server; after a failover the "
                f"licensing services run on another node – use {use}",
            )
