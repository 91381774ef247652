"""CL502 core-cluster-group."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule

CORE_GROUPS = ("cluster group", "available storage")


class CoreClusterGroup(Rule):
    """Citrix Licensing needs its own, non-core cluster resource group.

    What:
        Fires when ``licensing.resource_group`` is one of the core groups
        every failover cluster has, ``Cluster Group`` or ``Available
        Storage`` (ignoring case and surrounding spaces).

    Why:
        "Create a separate, noncore cluster resource group." and "On non-English
        platforms, when starting a License Service installation on a cluster
        node, the Cluster Group list on the Configure screen might contain the
        system default Cluster Group. Select one of the non-default Cluster
        Groups and the installation continues normally."

    How to fix:
        In Failover Cluster Manager, use Roles > Configure Role > Other Server
        to create a group of its own with a client access point and a shared
        disk, and name it in ``resource_group``.

    Failing example:
        licensing:
          resource_group: Cluster Group

    Passing example:
        licensing:
          resource_group: Citrix Licensing
    """

    id = "CL502"
    name = "core-cluster-group"
    severity = Severity.ERROR
    summary = (
        "resource_group is the core Cluster Group or Available Storage (case-insensitive): "
        "Licensing needs its own non-core group"
    )
    tags = ("install",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None or not lic.has("resource_group") or lic.resource_group is None:
            return
        if lic.resource_group.strip().casefold() in CORE_GROUPS:
            yield self.at(
                lic.ptr("resource_group"),
                f"resource_group {q(lic.resource_group)} is a core cluster group; Citrix "
                "Licensing needs a separate, non-core resource group – create one with its "
                "own client access point and shared disk",
            )
