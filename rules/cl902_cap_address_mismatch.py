"""CL902 cap-address-mismatch."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.online import DnsRule, Question, answers_of
from cllint.rule import Context
from cllint.rules.dns_checks import MISMATCH, address_match, cap_lookup, cap_of


class CapAddressMismatch(DnsRule):
    """The client access point (CAP) name must resolve to the CAP's address.

    What:
        With ``--resolve``, fires when the CAP name resolves, but none of its
        addresses is the declared ``client_access_point.address``. Silent when
        no address is declared, and when the name does not resolve at all
        (that is CL901).

    Why:
        "A name resolution method, such as DNS, WINS, HOSTS, or LMHOSTS, is
        necessary to resolve the client access point name." A name that
        resolves to another address sends products to a server that does not
        hold the licensing role (often a stale record of a previous server).

    How to fix:
        Correct or delete the stale DNS record so that the CAP name resolves
        to the CAP's address, or correct the address in the inventory.

    Failing example:
        licensing:
          client_access_point: {name: CTXLIC, address: 10.10.1.50}
          # ctxlic.corp.example.com A 10.10.1.99

    Passing example:
        licensing:
          client_access_point: {name: CTXLIC, address: 10.10.1.50}
          # ctxlic.corp.example.com A 10.10.1.50
    """

    id = "CL902"
    name = "cap-address-mismatch"
    severity = Severity.ERROR
    summary = "the CAP resolves, but not to `client_access_point.address`"

    def questions(self, inventory: Inventory, ctx: Context) -> Iterator[Question]:
        cap, lookup = cap_of(inventory), cap_lookup(inventory)
        if cap is None or lookup is None or not cap.has("address"):
            return iter(())
        return iter(lookup.questions)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        cap, lookup = cap_of(inventory), cap_lookup(inventory)
        if cap is None or lookup is None or not cap.has("address") or cap.address is None:
            return
        verdict, addresses, _unknown = address_match(answers_of(ctx), lookup, cap.address)
        if verdict == MISMATCH:
            found = ", ".join(q(a) for a in addresses)
            yield self.at(
                cap.ptr("address"),
                f"client access point {q(lookup.name)} resolves to {found}, not to its declared "
                f"address {q(cap.address)} – correct the DNS record (or the inventory)",
            )
