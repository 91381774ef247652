"""CL310 cap-address-not-public."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, listing
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.cl311_unusable_address import cap_problem
from cllint.rules.nic_addressing import PUBLIC, network_role, network_subnet


class CapAddressNotPublic(Rule):
    """The client access point's address must be on a public network.

    What:
        Fires when ``licensing.client_access_point.address`` is not inside the
        subnet of any cluster network whose ``role`` is ``public`` (IPv4 or
        IPv6). Silent when a network's role or subnet is not schema-valid
        (CL002): that one might be the public network holding it; and for an
        address no host can use (APIPA, IPv6 link-local, loopback...), which
        CL311 reports instead.

    Why:
        "Configure your Citrix product to use the client access point name,
        not the node name of the License Server cluster." Products reach the
        License Server through the CAP over the public network; an address on
        the private (heartbeat) network or on no cluster network is not
        reachable for them.

    How to fix:
        Give the client access point an unused address in a public network's
        subnet.

    Failing example:
        networks:
          - {name: Public, role: public, subnet: 10.10.1.0/24}
          - {name: Heartbeat, role: private, subnet: 192.168.50.0/24}
        client_access_point: {name: CTXLIC, address: 192.168.50.50}

    Passing example:
        networks:
          - {name: Public, role: public, subnet: 10.10.1.0/24}
        client_access_point: {name: CTXLIC, address: 10.10.1.50}
    """

    id = "CL310"
    name = "cap-address-not-public"
    severity = Severity.ERROR
    summary = "the CAP address is not inside a public network's subnet"
    tags = ("network",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        cap = lic.client_access_point if lic else None
        if cap is None or not cap.has("address") or cap.address is None:
            return
        if cap_problem(inventory) is not None:
            return  # an address no host can use is CL311's
        cluster = inventory.cluster
        if cluster is None or cluster.is_invalid("networks"):
            return
        public = []
        for net in cluster.networks:
            role, subnet = network_role(net), network_subnet(net)
            if role is None or subnet is None:
                return
            if role == PUBLIC:
                if subnet.version == cap.address.version and cap.address in subnet:
                    return
                public.append(f"{net.name} ({subnet})")
        where = listing(public) if public else "none declared"
        yield self.at(
            cap.ptr("address"),
            f"client access point address {cap.address} is not inside a public network's "
            f"subnet (public networks: {where}) – products cannot reach it; use an unused "
            "address on the public network",
        )
