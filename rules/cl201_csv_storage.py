"""CL201 csv-storage."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.licensing_storage import licensing_storage


class CsvStorage(Rule):
    """The Licensing group's shared disk must not be a Cluster Shared Volume.

    What:
        Fires when ``licensing.storage`` names a ``cluster.storage`` drive
        whose ``kind`` is ``csv``. An unknown drive is CL004's finding.

    Why:
        "Citrix Licensing does not support Clustered Shared Volumes or third
        party Volume Management products for clusters."

    How to fix:
        Assign a regular cluster disk (``kind: disk``) with a drive letter to
        the Licensing resource group and point ``licensing.storage`` at it.

    Failing example:
        cluster:
          storage:
            - {name: Cluster Disk 2, drive: F, kind: csv}
        licensing:
          storage: F

    Passing example:
        cluster:
          storage:
            - {name: Cluster Disk 2, drive: F, kind: disk}
        licensing:
          storage: F
    """

    id = "CL201"
    name = "csv-storage"
    severity = Severity.ERROR
    summary = "the licensing storage is a Cluster Shared Volume"
    tags = ("storage",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        res = licensing_storage(inventory)
        if inventory.licensing is None or res is None or not res.has("kind") or res.kind != "csv":
            return
        yield self.at(
            inventory.licensing.ptr("storage"),
            f"licensing storage {q(res.drive)} is {q(res.name)}, a Cluster Shared Volume; "
            "Citrix Licensing does not support CSVs – give the group a regular cluster disk",
        )
