"""CL803 product-port-mismatch."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.licensing_ports import configured_ports


class ProductPortMismatch(Rule):
    """Products must use the License Server port the cluster is configured with.

    What:
        Fires when a product declares a ``port`` that differs from
        ``licensing.ports.license_server`` (default 27000). A product without
        ``port`` is not reported: it uses the product's default.

    Why:
        "When installing the License Server on the last node in the cluster,
        ensure that the Last node in the cluster check box is checked. The last
        node is where the ports are configured." Products check out licenses
        from the License Server port configured there; any other port finds
        no License Server.

    How to fix:
        Set the product's port to ``ports.license_server``, or change the
        configured port on the cluster if the product's is the intended one.

    Failing example:
        products:
          - {name: CVAD Production Site, license_server: CTXLIC, port: 27001}

    Passing example:
        products:
          - {name: CVAD Production Site, license_server: CTXLIC, port: 27000}
    """

    id = "CL803"
    name = "product-port-mismatch"
    severity = Severity.ERROR
    summary = "a product's port differs from ports.license_server"
    tags = ("products",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        server = next((p for p in configured_ports(inventory) if p.key == "license_server"), None)
        if server is None:
            return
        for product in inventory.products:
            if not product.has("port") or product.port is None or product.port == server.port:
                continue
            yield self.at(
                product.ptr("port"),
                f"product {q(product.name)} uses port {product.port}, but the "
                f"{server.label} is configured – set the product's port to {server.port}",
            )
