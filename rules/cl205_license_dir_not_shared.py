"""CL205 license-dir-not-shared."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.licensing_storage import (
    drive_of,
    is_csv_path,
    is_quorum,
    usable_shared_drive,
)


class LicenseDirNotShared(Rule):
    """License files must be kept on the Licensing group's shared drive.

    What:
        Fires when a declared ``license_dir`` is on another drive than
        ``licensing.storage`` (drive letters compare ignoring case). A folder
        on a quorum drive is CL203's. A defaulted ``license_dir`` is never
        reported: it follows ``install_path``, which CL204 checks. A folder
        under ``C:\\ClusterStorage`` is reported as a Cluster Shared Volume,
        which Citrix Licensing does not support (as in CL204). Whether the
        folder is ``MyFiles`` is CL207's.

    Why:
        "After you download a license file, copy it to the F:\\Program
        Files\\Citrix\\Licensing\\MyFiles folder (where F: is the shared drive
        for the cluster) on the License Server and reread it."

    How to fix:
        Keep license files in ``MyFiles`` under the install path on the shared
        drive, or remove ``license_dir`` to use that default.

    Failing example:
        licensing:
          storage: F
          license_dir: 'C:\\Licenses'

    Passing example:
        licensing:
          storage: F
          license_dir: 'F:\\Program Files\\Citrix\\Licensing\\MyFiles'
    """

    id = "CL205"
    name = "license-dir-not-shared"
    severity = Severity.ERROR
    summary = (
        "a declared license_dir is not on the licensing group's shared drive (and not on a "
        "quorum drive); a defaulted value is never reported"
    )
    tags = ("storage",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        shared = usable_shared_drive(inventory)
        if lic is None or shared is None or not lic.has("license_dir"):
            return
        if is_csv_path(lic.license_dir):
            yield self.at(
                lic.ptr("license_dir"),
                f"license_dir {q(lic.license_dir)} is on a Cluster Shared Volume "
                "(C:\\ClusterStorage), which Citrix Licensing does not support – "
                f"keep license files in {shared}:\\Program Files\\Citrix\\Licensing\\MyFiles "
                "on the group's shared disk",
            )
            return
        drive = drive_of(lic.license_dir)
        if drive is None or drive == shared or is_quorum(inventory.storage_for(drive)):
            return
        yield self.at(
            lic.ptr("license_dir"),
            f"license_dir {q(lic.license_dir)} is on drive {drive}:, not on the Licensing "
            f"group's shared drive {shared}: – keep license files on {shared}:, e.g. "
            f"{shared}:\\Program Files\\Citrix\\Licensing\\MyFiles",
        )
