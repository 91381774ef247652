"""CL706 no-license-files."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity
from cllint.model import Inventory
from cllint.rule import Context, Rule


class NoLicenseFiles(Rule):
    """List the license files, so their host name binding can be checked.

    What:
        Fires at ``licensing`` when the activation is declared
        ``licensing.activation: files`` and ``license_files`` is missing or
        empty. With the License Activation Service (``las``, ``las-offline``,
        or no activation declared and no files listed) there are no license
        files to list, so nothing is reported.

    Why:
        "Because you already generated license files that reference a specific
        server name, you must give the client access point the same name as
        the original License Server. If not, then rehost your license files
        with the new name of the License Server cluster." Without the files,
        cllint cannot check that name, its letter case, the ports or the
        expiry dates.

    How to fix:
        Add the ``.lic`` files to the repository and list them in
        ``licensing.license_files``, relative to the inventory's folder.

    Failing example:
        licensing:
          resource_group: Citrix Licensing
          activation: files

    Passing example:
        licensing:
          resource_group: Citrix Licensing
          activation: files
          license_files: [licenses/CTXLIC.lic]
    """

    id = "CL706"
    name = "no-license-files"
    severity = Severity.NOTE
    summary = (
        "the activation is declared files and no license files are listed, so host-name "
        "binding cannot be checked"
    )
    tags = ("licensing",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None or lic.is_invalid("license_files"):
            return
        if not lic.has("activation") or lic.activation != "files":
            return  # the License Activation Service has no license files
        if lic.missing("license_files") or not lic.license_files:
            yield self.at(
                lic.pointer,
                "no license files are listed (licensing.license_files), so the host name they "
                "are bound to cannot be checked against the client access point – list the "
                ".lic files relative to this inventory",
            )
