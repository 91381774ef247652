"""CL901 cap-unresolvable."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.online import DnsRule, Question, answers_of
from cllint.rule import Context
from cllint.rules.dns_checks import cap_lookup, cap_of, describe_absent, resolution


class CapUnresolvable(DnsRule):
    """The client access point (CAP) name must resolve.

    What:
        With ``--resolve``, fires when the CAP name has no A or AAAA record:
        its full name in ``cluster.domain`` (the bare name when no domain is
        declared) does not exist, or exists without an address. A question
        that could not be answered is CL905, never this finding.

    Why:
        "A name resolution method, such as DNS, WINS, HOSTS, or LMHOSTS, is
        necessary to resolve the client access point name." Products and
        license files reach the License Server by this name; if it does not
        resolve, nothing can check out a license.

    How to fix:
        Register the CAP in DNS (the cluster registers it when the client
        access point comes online and may do so in the AD-integrated zone), or
        set up the name resolution method the clients use, then run the check
        again.

    Failing example:
        cluster: {name: CTXCLU01, domain: corp.example.com}
        licensing:
          client_access_point: {name: CTXLIC}   # no ctxlic.corp.example.com in DNS

    Passing example:
        cluster: {name: CTXCLU01, domain: corp.example.com}
        licensing:
          client_access_point: {name: CTXLIC}   # ctxlic.corp.example.com A 10.10.1.50
    """

    id = "CL901"
    name = "cap-unresolvable"
    severity = Severity.ERROR
    summary = "the CAP name (its FQDN in `cluster.domain`, else the bare name) has no A/AAAA record"

    def questions(self, inventory: Inventory, ctx: Context) -> Iterator[Question]:
        lookup = cap_lookup(inventory)
        return iter(lookup.questions if lookup else ())

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        cap, lookup = cap_of(inventory), cap_lookup(inventory)
        if cap is None or lookup is None:
            return
        found = resolution(answers_of(ctx), lookup)
        if found.missing:
            yield self.at(
                lookup.pointer,
                f"client access point {q(cap.name)} does not resolve: {q(lookup.name)} has no "
                f"A or AAAA record ({describe_absent(found.absent)}) – register it in DNS or "
                "the name resolution method the clients use",
            )
