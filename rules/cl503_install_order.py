"""CL503 install-order."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule


class InstallOrder(Rule):
    """A declared ``install_order`` must list every node exactly once.

    What:
        Only when ``licensing.install_order`` is declared (the default is the
        order of ``nodes``, which is complete). Fires at each entry that
        repeats an earlier one (names compare ignoring case), and once at the
        list when nodes are missing from it, naming them. Names that are not
        nodes are CL004's finding; while the list holds one, missing nodes are
        not reported (the unknown name may be a misspelt node).

    Why:
        "Install the License Server on the second node to the same shared
        location as the first node. You can add more than two nodes to a
        cluster." and "When installing the License Server on the last node in
        the cluster, ensure that you check the Last Node in the Cluster check
        box." Every node is installed once, in turn, and the order decides
        which one is first and which one is last.

    How to fix:
        List each node once, in the order you install them: first node first,
        last node (the one with "Last Node in the Cluster" checked) last.

    Failing example:
        licensing:
          install_order: [CTXLIC-N1, CTXLIC-N1]

    Passing example:
        licensing:
          install_order: [CTXLIC-N1, CTXLIC-N2]
    """

    id = "CL503"
    name = "install-order"
    severity = Severity.ERROR
    summary = "install_order does not list every node exactly once"
    tags = ("install",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None or not lic.has("install_order"):
            return
        seen: dict[str, int] = {}
        unknown = False
        for i, name in enumerate(lic.install_order):
            if inventory.node(name) is None:
                unknown = True
                continue
            first = seen.setdefault(name.casefold(), i)
            if first != i:
                yield self.at(
                    f"{lic.ptr('install_order')}/{i}",
                    f"install_order lists node {q(name)} again (entry {i + 1}; first at entry "
                    f"{first + 1}) – list each node exactly once",
                )
        if unknown:
            return  # an unknown name may be a misspelt node: CL004 first
        missing: dict[str, str] = {}
        for node in inventory.nodes:
            if node.has("name") and node.name is not None:
                key = node.name.casefold()
                if key not in seen:
                    missing.setdefault(key, node.name)
        if missing:
            names = ", ".join(q(n) for n in missing.values())
            plural = "s" if len(missing) > 1 else ""
            yield self.at(
                lic.ptr("install_order"),
                f"install_order does not list node{plural} {names}; every node is installed "
                "once, in turn – add it in its place in the install order",
            )
