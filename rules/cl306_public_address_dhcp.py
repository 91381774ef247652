"""CL306 public-address-dhcp."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.nic_addressing import PUBLIC, dhcp_nics


class PublicAddressDhcp(Rule):
    """Adapters on public networks should have static addresses too.

    What:
        Fires when an adapter on a network whose ``role`` is ``public`` has
        ``addressing: dhcp``. Silent when the adapter's network is unknown
        (CL004). If DHCP cannot be avoided, CL307 checks that the address is
        reserved or leased long enough.

    Why:
        "Citrix recommends setting static IP addresses for all network
        adapters in the cluster, both private and public. If using Dynamic
        Host Configuration Protocol (DHCP) to obtain IP addresses, access to
        cluster nodes might become unavailable if the DHCP server goes down."

    How to fix:
        Give the adapter a static address in the public network's subnet and
        set ``addressing: static``; if you must keep DHCP, use a reservation.

    Failing example:
        nics:
          - {name: NIC1, network: Public, address: 10.10.1.11/24, addressing: dhcp}

    Passing example:
        nics:
          - {name: NIC1, network: Public, address: 10.10.1.11/24, addressing: static}
    """

    id = "CL306"
    name = "public-address-dhcp"
    severity = Severity.WARNING
    summary = "an adapter on a public network uses DHCP (static recommended)"
    tags = ("network",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        for node, nic in dhcp_nics(inventory, PUBLIC):
            yield self.at(
                nic.ptr("addressing"),
                f"adapter {q(nic.name)} of node {q(node.name)} is on public network "
                f"{q(nic.network)} and uses DHCP; nodes become unreachable when the DHCP "
                "server is down – use a static address (addressing: static)",
            )
