"""CL903 node-unresolvable."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.online import DnsRule, Question, answers_of
from cllint.rule import Context
from cllint.rules.dns_checks import describe_absent, node_lookups, resolution


class NodeUnresolvable(DnsRule):
    """Every node name should resolve.

    What:
        With ``--resolve``, fires for a node whose name has no A or AAAA
        record: its full name in the node's ``domain`` (else
        ``cluster.domain``; the bare name when neither is declared). A
        question that could not be answered is CL905, never this finding.

    Why:
        "A name resolution method, such as DNS, WINS, HOSTS, or LMHOSTS, is
        necessary to resolve the client access point name." The same holds
        for the nodes: the installation, cluster management and failover of
        the licensing role reach each node by name.

    How to fix:
        Register the node in DNS (check that dynamic registration works on
        its public adapter), or correct the node's name or domain in the
        inventory.

    Failing example:
        nodes:
          - {name: CTXLIC-N3, domain: corp.example.com}   # not in DNS

    Passing example:
        nodes:
          - {name: CTXLIC-N1, domain: corp.example.com}   # ctxlic-n1.corp.example.com A 10.10.1.11
    """

    id = "CL903"
    name = "node-unresolvable"
    severity = Severity.WARNING
    summary = "a node name does not resolve"

    def questions(self, inventory: Inventory, ctx: Context) -> Iterator[Question]:
        for _node, lookup in node_lookups(inventory):
            yield from lookup.questions

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        dns = answers_of(ctx)
        for node, lookup in node_lookups(inventory):
            found = resolution(dns, lookup)
            if found.missing:
                yield self.at(
                    lookup.pointer,
                    f"node {q(node.name)} does not resolve: {q(lookup.name)} has no A or AAAA "
                    f"record ({describe_absent(found.absent)}) – register the node in DNS or "
                    "correct its name or domain",
                )
