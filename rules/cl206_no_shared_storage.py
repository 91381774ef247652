"""CL206 no-shared-storage."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule


class NoSharedStorage(Rule):
    """The Licensing group needs a shared disk: ``licensing.storage`` must be set.

    What:
        Fires when ``licensing.storage`` is missing (not when it is present
        but invalid: CL002 reports that).

    Why:
        "Create a cluster resource group. Assign a client access point and
        shared storage to the resource group." and "The resource group must
        have the attached storage assigned a drive letter and a client access
        point."

    How to fix:
        Add a cluster disk (not the quorum) to the Licensing group, give it a
        drive letter and set ``licensing.storage`` to that letter.

    Failing example:
        licensing:
          resource_group: Citrix Licensing

    Passing example:
        licensing:
          resource_group: Citrix Licensing
          storage: F
    """

    id = "CL206"
    name = "no-shared-storage"
    severity = Severity.ERROR
    summary = "licensing.storage is missing"
    tags = ("storage",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None or not lic.missing("storage") or lic.is_invalid("storage"):
            return
        group = f" {q(lic.resource_group)}" if lic.has("resource_group") else ""
        yield self.at(
            lic.pointer,
            f"licensing declares no storage; the Licensing group{group} needs a shared cluster "
            "disk with a drive letter (not the quorum) – set licensing.storage",
        )
