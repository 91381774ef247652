"""CL904 reverse-mismatch."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.online import DnsRule, Question, answers_of
from cllint.rule import Context
from cllint.rules.dns_checks import cap_lookup, cap_of, cluster_domain, names_cap, ptr_lookup


class ReverseMismatch(DnsRule):
    """The reverse (PTR) record of the CAP's address should name the CAP.

    What:
        With ``--resolve``, fires when the PTR record of
        ``client_access_point.address`` is missing or names neither the CAP
        (bare name) nor its full name in ``cluster.domain``. Compared
        case-insensitively; a trailing dot does not matter.

    Why:
        "A name resolution method, such as DNS, WINS, HOSTS, or LMHOSTS, is
        necessary to resolve the client access point name." A reverse record
        that names another host (often the previous License Server) makes
        reverse lookups, logs and some license checks name the wrong server.

    How to fix:
        Create or correct the PTR record in the reverse lookup zone so that
        the CAP's address points back to the CAP's name.

    Failing example:
        licensing:
          client_access_point: {name: CTXLIC, address: 10.10.1.50}
          # 50.1.10.10.in-addr.arpa PTR oldlic.corp.example.com

    Passing example:
        licensing:
          client_access_point: {name: CTXLIC, address: 10.10.1.50}
          # 50.1.10.10.in-addr.arpa PTR ctxlic.corp.example.com
    """

    id = "CL904"
    name = "reverse-mismatch"
    severity = Severity.WARNING
    summary = "the PTR record of the CAP address does not name the CAP"

    def questions(self, inventory: Inventory, ctx: Context) -> Iterator[Question]:
        lookup = ptr_lookup(inventory)
        return iter(lookup.questions if lookup else ())

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        cap, lookup, host = cap_of(inventory), ptr_lookup(inventory), cap_lookup(inventory)
        if cap is None or cap.name is None or lookup is None or host is None:
            return
        answer = answers_of(ctx).get(lookup.questions[0])
        if answer.absent:
            yield self.at(
                lookup.pointer,
                f"the client access point address {q(cap.address)} has no PTR record "
                f"({answer.why_absent()}) – add {q(lookup.name)} PTR {q(host.name)} to the "
                "reverse lookup zone",
            )
        elif answer.found:
            domain = cluster_domain(inventory)
            if not any(names_cap(n, cap.name, host.name, domain) for n in answer.records):
                found = ", ".join(q(n) for n in answer.records)
                yield self.at(
                    lookup.pointer,
                    f"the PTR record of the client access point address {q(cap.address)} "
                    f"names {found}, not {q(host.name)} – correct the reverse lookup zone",
                )
