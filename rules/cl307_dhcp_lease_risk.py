"""CL307 dhcp-lease-risk."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.nic_addressing import PUBLIC, network_role, nic_network

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any, ClassVar

OPTION = "dhcp-min-lease-days"
DEFAULT_MIN_LEASE_DAYS = 30


class DhcpLeaseRisk(Rule):
    """A DHCP address needs a reservation or a long lease.

    What:
        Fires when an adapter with ``addressing: dhcp`` has neither
        ``dhcp.reservation: true`` nor ``dhcp.lease_days`` of at least
        ``dhcp-min-lease-days`` (option, default 30; exactly 30 passes). It
        points at ``lease_days`` when that is too short, else at the ``dhcp``
        mapping, else at ``addressing``. Adapters on a private network are
        left to CL305 (they must be static, a longer lease does not fix
        them); adapters whose network is unknown (CL004) are skipped.

    Why:
        "If you must use DHCP for your public network adapter, use long lease
        periods to ensure that the dynamically assigned lease address remains
        valid even if the DHCP service is temporarily lost or perform a DHCP
        reservation."

    How to fix:
        Reserve the address on the DHCP server (``dhcp: {reservation: true}``)
        or lengthen the lease, or better, use a static address.

    Failing example:
        nics:
          - {name: NIC1, network: Public, address: 10.10.1.11/24, addressing: dhcp,
             dhcp: {lease_days: 8}}

    Passing example:
        nics:
          - {name: NIC1, network: Public, address: 10.10.1.11/24, addressing: dhcp,
             dhcp: {reservation: true}}
    """

    id = "CL307"
    name = "dhcp-lease-risk"
    severity = Severity.WARNING
    summary = (
        "a DHCP adapter has neither a reservation nor a lease of at least "
        "dhcp-min-lease-days (default 30)"
    )
    tags = ("network",)
    options: ClassVar[Mapping[str, Any]] = {OPTION: DEFAULT_MIN_LEASE_DAYS}

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        minimum = ctx.option(OPTION)
        for node in inventory.nodes:
            for nic in node.nics:
                if not nic.has("addressing") or nic.addressing != "dhcp":
                    continue
                if network_role(nic_network(inventory, nic)) != PUBLIC:
                    continue
                dhcp = nic.dhcp if nic.has("dhcp") else None
                where = nic.ptr("addressing")
                lease = None
                if dhcp is not None:
                    if dhcp.is_invalid("reservation") or dhcp.is_invalid("lease_days"):
                        continue
                    if dhcp.reservation:
                        continue
                    lease = dhcp.lease_days
                    if lease is not None and lease >= minimum:
                        continue
                    where = dhcp.ptr("lease_days") if lease is not None else dhcp.ptr()
                if lease is None:
                    state = "no reservation and no lease_days"
                else:
                    state = f"a lease of {lease:g} days and no reservation"
                yield self.at(
                    where,
                    f"DHCP adapter {q(nic.name)} of node {q(node.name)} has {state}; the "
                    f"address may change while the DHCP server is down – reserve it "
                    f"(dhcp: {{reservation: true}}), lease it for at least {minimum:g} days, "
                    "or make it static",
                )
