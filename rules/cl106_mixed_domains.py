"""CL106 mixed-domains."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory, Node
from cllint.rule import Context, Rule


def domain_key(domain: str) -> str:
    """Domains compare as Windows compares them: ignoring case and a trailing dot."""
    return domain.strip().rstrip(".").casefold()


class MixedDomains(Rule):
    """Every node must be in the same domain (the cluster's).

    What:
        Fires at each node whose ``domain`` differs from ``cluster.domain``
        (case-insensitive). Without ``cluster.domain``, the nodes are compared
        with the first node that declares a domain. A node without a domain is
        CL107's, not this rule's.

    Why:
        "Each server that forms the cluster must be in the same domain."

    How to fix:
        Join the node to the cluster's domain (or correct the inventory).

    Failing example:
        cluster: {name: CTXCLU01, domain: corp.example.com}
        nodes:
          - {name: CTXLIC-N1, domain: corp.example.com}
          - {name: CTXLIC-N2, domain: lab.example.com}

    Passing example:
        cluster: {name: CTXCLU01, domain: corp.example.com}
        nodes:
          - {name: CTXLIC-N1, domain: corp.example.com}
          - {name: CTXLIC-N2, domain: CORP.example.com}
    """

    id = "CL106"
    name = "mixed-domains"
    severity = Severity.ERROR
    summary = (
        "nodes are in different domains, or a node's domain differs from cluster.domain "
        "(case-insensitive)"
    )
    tags = ("cluster",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        cluster = inventory.cluster
        expected = (
            cluster.domain
            if cluster is not None and cluster.has("domain") and cluster.domain is not None
            else None
        )
        first: Node | None = None
        for node in inventory.nodes:
            if not node.has("domain") or node.domain is None:
                continue
            if expected is not None:
                if domain_key(node.domain) != domain_key(expected):
                    yield self.at(
                        node.ptr("domain"),
                        f"node {q(node.name)} is in domain {q(node.domain)} but the cluster is "
                        f"in {q(expected)}; every node must be in the same domain – join the "
                        f"node to {q(expected)}",
                    )
            elif first is None:
                first = node
            elif first.domain is not None and domain_key(node.domain) != domain_key(first.domain):
                yield self.at(
                    node.ptr("domain"),
                    f"node {q(node.name)} is in domain {q(node.domain)} but node "
                    f"{q(first.name)} is in {q(first.domain)}; every node must be in the same "
                    "domain – join them to one domain",
                )
