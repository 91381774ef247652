"""CL501 msi-installer."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule


class MsiInstaller(Rule):
    """Install clustered Licensing with CitrixLicensing.exe, never the .msi.

    What:
        Fires when ``licensing.installer`` is an ``.msi`` file (any case, any
        path).

    Why:
        "The .msi does not support clustering. To install or upgrade for
        clustering, use CitrixLicensing.exe."

    How to fix:
        Use ``CitrixLicensing.exe`` from the product media, run as an
        administrator on each node in turn.

    Failing example:
        licensing:
          installer: CTX_Licensing.msi

    Passing example:
        licensing:
          installer: CitrixLicensing.exe
    """

    id = "CL501"
    name = "msi-installer"
    severity = Severity.ERROR
    summary = "installer is an .msi (the .msi does not support clustering; use CitrixLicensing.exe)"
    tags = ("install",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None or not lic.has("installer") or lic.installer is None:
            return
        if lic.installer.strip().lower().endswith(".msi"):
            yield self.at(
                lic.ptr("installer"),
                f"installer {q(lic.installer)} is an .msi, which does not support clustering; "
                "use CitrixLicensing.exe",
            )
