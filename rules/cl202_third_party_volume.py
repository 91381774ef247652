"""CL202 third-party-volume."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.licensing_storage import licensing_storage


class ThirdPartyVolume(Rule):
    """The Licensing group's shared disk must not come from a third-party volume manager.

    What:
        Fires when ``licensing.storage`` names a ``cluster.storage`` drive
        whose ``kind`` is ``third-party``. An unknown drive is CL004's finding.

    Why:
        "Citrix Licensing does not support Clustered Shared Volumes or third
        party Volume Management products for clusters."

    How to fix:
        Assign a regular cluster disk (``kind: disk``), managed by Windows
        Failover Clustering itself, to the Licensing resource group.

    Failing example:
        cluster:
          storage:
            - {name: VxVM Volume 1, drive: F, kind: third-party}
        licensing:
          storage: F

    Passing example:
        cluster:
          storage:
            - {name: Cluster Disk 2, drive: F, kind: disk}
        licensing:
          storage: F
    """

    id = "CL202"
    name = "third-party-volume"
    severity = Severity.ERROR
    summary = "the licensing storage is managed by a third-party volume manager"
    tags = ("storage",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        res = licensing_storage(inventory)
        lic = inventory.licensing
        if lic is None or res is None or not res.has("kind") or res.kind != "third-party":
            return
        yield self.at(
            lic.ptr("storage"),
            f"licensing storage {q(res.drive)} is {q(res.name)}, managed by a third-party "
            "volume manager; Citrix Licensing does not support those – give the group a "
            "regular cluster disk",
        )
