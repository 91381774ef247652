"""CL312 node-without-internet."""

from collections.abc import Iterator

from cllint.citrix.activation import LAS, LAS_OFFLINE_MINIMUM
from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule


class NodeWithoutInternet(Rule):
    """With online LAS activation, every node needs outbound HTTPS to Citrix Cloud.

    What:
        Fires at ``nodes[].internet`` for every node that declares
        ``internet: none`` when the activation is ``las`` (online):
        ``licensing.activation: las``, or no activation declared and no
        license files listed. ``direct`` and ``proxy`` pass; a node that does
        not declare ``internet`` is unknown and not reported. Silent for
        ``las-offline`` (the activation is exchanged by hand) and ``files``.

    Why:
        Citrix Licensing docs, "License Activation Service": the License
        Server needs "a reliable and continuous internet connection"; it
        verifies and renews its activation with Citrix Cloud daily, and when
        it cannot, products fall back to license caching mode. That is a
        fact about one License Server. cllint applies the cluster's failover
        model to it: "Only one node can use the resources in a cluster at any
        given time", and a failover moves Citrix Licensing to another node,
        so every node that can own the licensing group needs the connection,
        not just the node that owns it today.

    How to fix:
        Give the node outbound HTTPS to Citrix Cloud (directly or through a
        proxy) and record it as ``internet: direct`` or ``internet: proxy``;
        or, where a node cannot have a connection, use offline activation
        (``licensing.activation: las-offline``, License Server 11.17.2 build
        53100 or later).

    Failing example:
        nodes:
          - name: CTXLIC-N2
            internet: none

    Passing example:
        nodes:
          - name: CTXLIC-N2
            internet: proxy
    """

    id = "CL312"
    name = "node-without-internet"
    severity = Severity.ERROR
    summary = "a node has no internet access, but online LAS activation needs it on every node"
    tags = ("network",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None or lic.activation != LAS:
            return
        for node in inventory.nodes:
            if node.has("internet") and node.internet == "none":
                yield self.at(
                    node.ptr("internet"),
                    f"node {q(node.name)} has no internet access (internet: none); after a "
                    "failover to it the License Server cannot renew its activation with "
                    "Citrix Cloud – give every node outbound HTTPS (direct or proxy), or use "
                    f"offline activation (activation: las-offline, License Server "
                    f"{LAS_OFFLINE_MINIMUM} or later)",
                )
