"""CL106 mixed-domains."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory, Node
from cllint.rule import Context, Rule
from cllint.rules.cl107_node_not_domain_joined import is_workgroup


def domain_key(domain: str) -> str:
    """Domains compare as Windows compares them: ignoring case and a trailing dot."""
    return domain.strip().rstrip(".").casefold()


def netbios_of(short: str, dns: str) -> bool:
    """True when ``short`` is a single label equal to the first label of ``dns``.

    ``CORP`` beside ``corp.example.com``: the same domain written by its NetBIOS
    (pre-Windows 2000) name, which ``$env:USERDOMAIN`` and ``DOMAIN\\user`` show.
    """
    short_key, dns_key = domain_key(short), domain_key(dns)
    return "." not in short_key and "." in dns_key and dns_key.split(".", 1)[0] == short_key


def _differs(node: Node, domain: str, other: str, where: str) -> str:
    """The message for a node whose ``domain`` differs from ``other`` (``where``'s)."""
    if netbios_of(domain, other):
        return (
            f"node {q(node.name)} is in domain {q(domain)}, which looks like the NetBIOS "
            f"name of {q(other)} ({where}); domains compare by their DNS name – write the "
            f"node's DNS domain name {q(other)}"
        )
    if netbios_of(other, domain):
        return (
            f"node {q(node.name)} is in domain {q(domain)}, but {where} is {q(other)}, which "
            f"looks like its NetBIOS name; domains compare by their DNS name – write the DNS "
            f"domain name {q(domain)} there"
        )
    return ""


class MixedDomains(Rule):
    """Every node must be in the same domain (the cluster's).

    What:
        Fires at each node whose ``domain`` differs from ``cluster.domain``
        (case-insensitive). Without ``cluster.domain``, the nodes are compared
        with the first node that declares a domain. A node without a domain,
        or in ``WORKGROUP``, is CL107's, not this rule's. When one of the two
        is a single label equal to the other's first label (``CORP`` beside
        ``corp.example.com``) the node is most likely in that domain and the
        inventory holds its NetBIOS name: the message says so and asks for
        the DNS name (an AD domain has a DNS name and a NetBIOS name, e.g.
        ``corp.example.com`` and ``CORP``: Microsoft, "Naming conventions in
        Active Directory for computers, domains, sites, and OUs").
        That finding stands at the NetBIOS-looking value, once (at
        ``cluster.domain`` when the cluster holds it, at the first node's
        ``domain`` when that node does). A ``cluster.domain`` of ``WORKGROUP``
        beside domain-joined nodes fires at each node.

    Why:
        "Each server that forms the cluster must be in the same domain."

    How to fix:
        Join the node to the cluster's domain (or correct the inventory;
        write domains by their DNS name, ``corp.example.com``, not the
        NetBIOS name ``CORP``).

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
        "(case-insensitive); a NetBIOS-looking name (`CORP` beside `corp.example.com`) is "
        "asked to be written as the DNS name"
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
        netbios_reported = False  # one cause, one finding: the NetBIOS-looking value
        for node in inventory.nodes:
            if not node.has("domain") or node.domain is None or is_workgroup(node.domain):
                continue  # CL107's
            if expected is not None and cluster is not None:
                if domain_key(node.domain) == domain_key(expected):
                    continue
                if netbios_of(expected, node.domain):
                    # the cluster's value is the odd one: point at it, once
                    if not netbios_reported:
                        netbios_reported = True
                        yield self.at(
                            cluster.ptr("domain"),
                            f"cluster.domain is {q(expected)}, which looks like the NetBIOS "
                            f"name of the domain {q(node.domain)} of node {q(node.name)}; domains "
                            f"compare by their DNS name – write the DNS domain name "
                            f"{q(node.domain)} there",
                        )
                    continue
                if is_workgroup(expected):
                    message = (
                        f"node {q(node.name)} is in domain {q(node.domain)}, but cluster.domain "
                        f"is {q(expected)}, what Windows reports for a machine in no domain; "
                        f"every node must be in the cluster's domain – write the cluster's "
                        f"DNS domain name"
                    )
                else:
                    message = _differs(node, node.domain, expected, "the cluster's domain") or (
                        f"node {q(node.name)} is in domain {q(node.domain)} but the "
                        f"cluster is in {q(expected)}; every node must be in the same "
                        f"domain – join the node to {q(expected)}"
                    )
                yield self.at(node.ptr("domain"), message)
            elif first is None:
                first = node
            elif first.domain is not None and domain_key(node.domain) != domain_key(first.domain):
                if netbios_of(first.domain, node.domain):
                    # the first node holds the NetBIOS-looking value: point at it, once
                    if not netbios_reported:
                        netbios_reported = True
                        yield self.at(
                            first.ptr("domain"),
                            _differs(
                                first, first.domain, node.domain, f"the domain of {q(node.name)}"
                            ),
                        )
                    continue
                yield self.at(
                    node.ptr("domain"),
                    _differs(node, node.domain, first.domain, f"the domain of {q(first.name)}")
                    or (
                        f"node {q(node.name)} is in domain {q(node.domain)} but node "
                        f"{q(first.name)} is in {q(first.domain)}; every node must be in the "
                        "same domain – join them to one domain"
                    ),
                )
