"""CL802 product-wrong-server."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.product_servers import cap_hosts, host_key, node_hosts


class ProductWrongServer(Rule):
    """Products must point at this cluster's client access point (CAP).

    What:
        Fires when a product's ``license_server`` is neither the CAP name nor
        the CAP's FQDN in ``cluster.domain`` (case-insensitive, a trailing dot
        ignored) and not a node name or node FQDN (that is CL801). Silent when
        the CAP name is unknown (CL401 or CL002). An IP address, even the
        CAP's, is reported: products use the name.

    Why:
        "Point all product installations (for example, servers running Citrix
        Virtual Apps and Desktops) serviced by the old License Server to the
        new License Server cluster. Change product communication settings so
        that they use the name of the client access point as the License
        Server name."

    How to fix:
        Change the product's License Server setting to the client access point
        name (or its FQDN).

    Failing example:
        products:
          - {name: CVAD Production Site, license_server: OLDLIC01}

    Passing example:
        products:
          - {name: CVAD Production Site, license_server: ctxlic.corp.example.com.}
    """

    id = "CL802"
    name = "product-wrong-server"
    severity = Severity.ERROR
    summary = (
        "a product's license_server is neither the CAP name nor the CAP's FQDN in "
        "cluster.domain, and not a node name"
    )
    tags = ("products",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        caps = cap_hosts(inventory)
        if caps is None:
            return
        nodes = node_hosts(inventory)
        lic = inventory.licensing
        cap = lic.client_access_point if lic else None
        cap_name = cap.name if cap else None
        for product in inventory.products:
            if not product.has("license_server") or product.license_server is None:
                continue
            key = host_key(product.license_server)
            if key in caps or key in nodes:
                continue
            yield self.at(
                product.ptr("license_server"),
                f"product {q(product.name)} uses License Server "
                f"{q(product.license_server)}, which is not this cluster's client access "
                f"point – set it to {q(cap_name)} (or its FQDN)",
            )
