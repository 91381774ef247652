"""CL802 product-wrong-server."""

import ipaddress
from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory, cap_hosts, host_key, node_hosts
from cllint.rule import Context, Rule
from cllint.rules.cl403_cap_name_invalid import fqdn_first_label


class ProductWrongServer(Rule):
    """Products must point at this cluster's client access point (CAP).

    What:
        Fires when a product's ``license_server`` is neither the CAP name nor
        the CAP's FQDN in a declared domain – ``cluster.domain`` or a node's
        ``domain`` (case-insensitive, a trailing dot ignored) – and not a node
        name or node FQDN (that is CL801). Silent when the CAP name is unknown
        (CL401 or CL002). An IP address, even the CAP's, is reported: products
        use the name. The message says what the value is: the CAP's address
        (use the name), another address, the cluster name (the Licensing role
        answers under the CAP name, not the cluster's), ``previous_server``
        (the License Server this cluster replaces), or another host.

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
        "cluster.domain or a node's domain, and not a node name; the message names the CAP's "
        "address, the cluster name and previous_server"
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
        cluster = inventory.cluster
        cluster_name = cluster.name if cluster is not None and cluster.has("name") else None
        previous = lic.previous_server if lic and lic.has("previous_server") else None
        address = cap.address if cap is not None and cap.has("address") else None
        # a CAP written as an FQDN is CL403's; its name is the first label
        short = fqdn_first_label(cap_name) if cap_name else None
        use = f"set it to the client access point name {q(short or cap_name)} (or its FQDN)"
        for product in inventory.products:
            if not product.has("license_server") or product.license_server is None:
                continue
            key = host_key(product.license_server)
            if key in caps or key in nodes:
                continue
            head = f"product {q(product.name)} uses License Server {q(product.license_server)}"
            ip = _ip(key)
            short = key.split(".", 1)[0]
            if ip is not None and address is not None and ip == address:
                message = (
                    f"{head}, the client access point's address: products must use the "
                    f"client access point name, not its address – {use}"
                )
            elif ip is not None:
                message = (
                    f"{head}, an IP address that is not this cluster's client access point; "
                    f"products use the client access point name, not an address – {use}"
                )
            elif cluster_name and short == host_key(cluster_name):
                message = (
                    f"{head}, the cluster name, not the client access point: the Licensing "
                    f"role answers under the CAP name – {use}"
                )
            elif previous and short == host_key(previous).split(".", 1)[0]:
                message = (
                    f"{head}, the previous License Server (previous_server) this cluster "
                    f"replaces: point the product at the new cluster – {use}"
                )
            else:
                message = f"{head}, which is not this cluster's client access point – {use}"
            yield self.at(product.ptr("license_server"), message)


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        return None
