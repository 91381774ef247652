"""CL107 node-not-domain-joined."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule

WORKGROUP = "workgroup"
"""What Windows reports as the domain of a machine that is in no domain."""


def is_workgroup(domain: str | None) -> bool:
    """True for ``WORKGROUP`` in any case: the node (or cluster) is in no domain."""
    return domain is not None and domain.strip().casefold() == WORKGROUP


class NodeNotDomainJoined(Rule):
    """Every node must be joined to the cluster's domain.

    What:
        Fires at each node that declares no ``domain`` (the inventory format
        reads a missing domain as "not domain-joined"), and at each node whose
        ``domain`` is ``WORKGROUP`` (any case): that is what Windows reports
        (``(Get-CimInstance Win32_ComputerSystem).Domain``) for a machine in
        no domain, so an inventory generated from the nodes writes it for a
        workgroup node. Such a node is not reported again as CL106.

    Why:
        "Each server that forms the cluster must be in the same domain." A
        workgroup node cannot be in that domain.

    How to fix:
        Join the node to the cluster's Active Directory domain and record it
        in the node's ``domain``.

    Failing example:
        nodes:
          - name: CTXLIC-N1
            domain: WORKGROUP
          - name: CTXLIC-N2
            os: Windows Server 2019 Standard

    Passing example:
        nodes:
          - name: CTXLIC-N2
            domain: corp.example.com
            os: Windows Server 2019 Standard
    """

    id = "CL107"
    name = "node-not-domain-joined"
    severity = Severity.ERROR
    summary = "a node declares no domain, or declares `WORKGROUP` (a machine in no domain)"
    tags = ("cluster",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        cluster = inventory.cluster
        domain = cluster.domain if cluster is not None and cluster.has("domain") else None
        if is_workgroup(domain):
            domain = None
        target = f"the cluster's domain {q(domain)}" if domain else "the cluster's domain"
        for node in inventory.nodes:
            if node.missing("domain") and not node.is_invalid("domain"):
                yield self.at(
                    node.pointer,
                    f"node {q(node.name)} declares no domain, so it is not domain-joined; every "
                    f"node must be in the same domain – join it to {target}",
                )
            elif node.has("domain") and is_workgroup(node.domain):
                yield self.at(
                    node.ptr("domain"),
                    f"node {q(node.name)} is in workgroup {q(node.domain)}, not in a domain "
                    f"(Windows reports WORKGROUP for a machine in no domain); every node must "
                    f"be in the same domain – join it to {target}",
                )
