"""CL309 duplicate-address."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory, IPAddress
from cllint.rule import Context, Rule


class DuplicateAddress(Rule):
    """Every adapter and the client access point need their own IP address.

    What:
        Fires when one IP address is used twice among all adapters of all
        nodes and the client access point (CAP). Addresses are compared, not
        prefixes: ``10.10.1.11/24`` and ``10.10.1.11/16`` are the same
        address; IPv6 addresses compare in any spelling. Reported at the
        second use (adapters in node order, then the CAP), naming the first.

    Why:
        "Assign a client access point and shared storage to the resource
        group." The CAP is an address of its own that moves with the group on
        failover; an address already held by an adapter (or two adapters
        sharing one) makes the cluster network or the CAP unreachable.

    How to fix:
        Give each adapter, and the client access point, an unused address.

    Failing example:
        nics:
          - {name: NIC1, network: Public, address: 10.10.1.50/24, addressing: static}
        client_access_point: {name: CTXLIC, address: 10.10.1.50}

    Passing example:
        nics:
          - {name: NIC1, network: Public, address: 10.10.1.11/24, addressing: static}
        client_access_point: {name: CTXLIC, address: 10.10.1.50}
    """

    id = "CL309"
    name = "duplicate-address"
    severity = Severity.ERROR
    summary = "one IP address is used twice (adapters, CAP)"
    tags = ("network",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        first_use: dict[IPAddress, tuple[str, str]] = {}
        for node in inventory.nodes:
            for nic in node.nics:
                if nic.has("address") and nic.address is not None:
                    user = f"adapter {q(nic.name)} of node {q(node.name)}"
                    yield from self._use(first_use, nic.address.ip, user, nic.ptr("address"))
        lic = inventory.licensing
        cap = lic.client_access_point if lic else None
        if cap is not None and cap.has("address") and cap.address is not None:
            user = f"client access point {q(cap.name)}"
            yield from self._use(first_use, cap.address, user, cap.ptr("address"))

    def _use(
        self,
        first_use: dict[IPAddress, tuple[str, str]],
        address: IPAddress,
        user: str,
        pointer: str,
    ) -> Iterator[Finding]:
        first, first_pointer = first_use.setdefault(address, (user, pointer))
        if first_pointer != pointer:
            yield self.at(
                pointer,
                f"address {address} of {user} is already used by {first} – give each "
                "adapter and the client access point its own address",
            )
