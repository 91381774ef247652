"""CL401 missing-client-access-point."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity
from cllint.model import Inventory
from cllint.rule import Context, Rule


class MissingClientAccessPoint(Rule):
    """The Licensing role needs a client access point (CAP).

    What:
        Fires when ``licensing.client_access_point`` is missing. Reported at
        the ``licensing`` mapping, which should hold it. A CAP that is present
        but not schema-valid is CL002's.

    Why:
        "When you install Citrix Licensing on a cluster, specify the name of
        the client access point." License files are bound to the CAP name and
        products connect to it; without a CAP the License Server has no name
        that survives a failover.

    How to fix:
        Create a client access point in the Licensing resource group and
        declare its name and address.

    Failing example:
        licensing:
          resource_group: Citrix Licensing
          storage: F

    Passing example:
        licensing:
          resource_group: Citrix Licensing
          client_access_point: {name: CTXLIC, address: 10.10.1.50}
          storage: F
    """

    id = "CL401"
    name = "missing-client-access-point"
    severity = Severity.ERROR
    summary = "licensing.client_access_point is missing"
    tags = ("naming",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None or not lic.missing("client_access_point"):
            return
        yield self.at(
            lic.ptr(),
            "licensing has no client_access_point; create a client access point in the "
            "Licensing resource group and declare it (client_access_point: {name: ..., "
            "address: ...}) – products and license files use its name",
        )
