"""CL103 mixed-os."""

from collections.abc import Iterator

from cllint.citrix.windows_os import WindowsOs, parse_os
from cllint.findings import Finding, Severity, q
from cllint.model import Inventory, Node
from cllint.rule import Context, Rule


class MixedOs(Rule):
    """All nodes should run the same OS release and edition.

    What:
        Fires once, at the first node whose ``os`` differs in release or
        edition from the first node that declares one. Spellings of one OS
        compare equal (``Microsoft`` prefix, letter case, spacing). Nodes
        without an ``os`` are CL102's.

    Why:
        "To cluster the License Server, follow these cluster requirements in
        addition to any requirements from Microsoft for hardware and clustering
        in general." and "We recommend that you use identical License Server
        hardware for each node in the cluster." Microsoft requires every node
        of a failover cluster to run the same Windows Server release; a
        different edition changes what the node can host after a failover.

    How to fix:
        Install the same Windows Server release and edition on every node.

    Failing example:
        nodes:
          - {name: CTXLIC-N1, os: Windows Server 2019 Standard}
          - {name: CTXLIC-N2, os: Windows Server 2016 Datacenter}

    Passing example:
        nodes:
          - {name: CTXLIC-N1, os: Windows Server 2019 Standard}
          - {name: CTXLIC-N2, os: Microsoft Windows Server 2019 Standard}
    """

    id = "CL103"
    name = "mixed-os"
    severity = Severity.WARNING
    summary = "nodes declare different OS versions or editions"
    tags = ("cluster",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        first: tuple[Node, WindowsOs] | None = None
        for node in inventory.nodes:
            if not node.has("os") or node.os is None:
                continue
            os = parse_os(node.os)
            if first is None:
                first = (node, os)
                continue
            ref_node, ref = first
            if os == ref:
                continue
            what = "release" if os.release != ref.release else "edition"
            yield self.at(
                node.ptr("os"),
                f"node {q(node.name)} runs {q(node.os)} but node {q(ref_node.name)} runs "
                f"{q(ref_node.os)} (different {what}) – run the same Windows Server release "
                "and edition on every node",
            )
            return
