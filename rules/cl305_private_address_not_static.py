"""CL305 private-address-not-static."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.nic_addressing import PRIVATE, dhcp_nics


class PrivateAddressNotStatic(Rule):
    """Adapters on the private cluster network must have static addresses.

    What:
        Fires when an adapter on a network whose ``role`` is ``private`` has
        ``addressing: dhcp``. Silent when the adapter's network is unknown
        (CL004). CL307 (lease risk) stays silent for these adapters: the fix
        is a static address, not a longer lease.

    Why:
        "Set static IP addresses for the private network connector." If the
        DHCP server goes down, the heartbeat network loses its addresses and
        the nodes can no longer see each other.

    How to fix:
        Give the adapter a static address in the private network's subnet and
        set ``addressing: static``.

    Failing example:
        nics:
          - {name: NIC2, network: Heartbeat, address: 192.168.50.11/24, addressing: dhcp}

    Passing example:
        nics:
          - {name: NIC2, network: Heartbeat, address: 192.168.50.11/24, addressing: static}
    """

    id = "CL305"
    name = "private-address-not-static"
    severity = Severity.ERROR
    summary = "an adapter on a private network uses DHCP"
    tags = ("network",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        for node, nic in dhcp_nics(inventory, PRIVATE):
            yield self.at(
                nic.ptr("addressing"),
                f"adapter {q(nic.name)} of node {q(node.name)} is on private network "
                f"{q(nic.network)} and uses DHCP; the private network connector needs a "
                "static address – set addressing: static",
            )
