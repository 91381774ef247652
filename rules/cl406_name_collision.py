"""CL406 name-collision."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule


class NameCollision(Rule):
    """The client access point (CAP) name must differ from the cluster and node names.

    What:
        Fires when ``licensing.client_access_point.name`` equals
        ``cluster.name`` or the name of a node, compared case-insensitively
        as Windows compares computer names (``ctxclu01`` collides with
        ``CTXCLU01``).

    Why:
        "Configure your Citrix product to use the client access point name,
        not the node name of the License Server cluster." The CAP is a
        computer object of its own that moves with the Licensing group; a name
        already taken by the cluster or a node cannot be created in Active
        Directory, or points products at one fixed machine.

    How to fix:
        Give the client access point a name of its own (and rehost the
        license files to it).

    Failing example:
        cluster: {name: CTXCLU01}
        licensing:
          client_access_point: {name: ctxclu01}

    Passing example:
        cluster: {name: CTXCLU01}
        licensing:
          client_access_point: {name: CTXLIC}
    """

    id = "CL406"
    name = "name-collision"
    severity = Severity.ERROR
    summary = "the CAP name equals the cluster name or a node name (case-insensitive)"
    tags = ("naming",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        cap = lic.client_access_point if lic else None
        if cap is None or not cap.has("name") or cap.name is None:
            return
        cluster = inventory.cluster
        taken_by = None
        cluster_name = cluster.name if cluster is not None and cluster.has("name") else None
        if cluster_name is not None and cluster_name.casefold() == cap.name.casefold():
            taken_by = f"the cluster name {q(cluster_name)}"
        node = inventory.node(cap.name)
        if taken_by is None and node is not None and node.has("name"):
            taken_by = f"the name of node {q(node.name)}"
        if taken_by is not None:
            yield self.at(
                cap.ptr("name"),
                f"client access point name {q(cap.name)} is {taken_by} (names compare "
                "case-insensitively); give the CAP a name of its own and rehost the license "
                "files to it",
            )
