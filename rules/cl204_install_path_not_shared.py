"""CL204 install-path-not-shared."""

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


class InstallPathNotShared(Rule):
    """Licensing must be installed on the Licensing group's shared drive.

    What:
        Fires when a declared ``install_path`` is on another drive than
        ``licensing.storage`` (drive letters compare ignoring case). A path on
        a quorum drive is CL203's; when the storage itself is missing, unknown
        or unsuitable, other rules report that and this one stays silent. The
        default install path is on the shared drive by construction. A path
        under ``C:\\ClusterStorage`` is a Cluster Shared Volume (Windows mounts
        every CSV there on each node: Microsoft, "Use Cluster Shared Volumes
        in a failover cluster"), and the message says so rather than "drive
        C:": "Citrix Licensing does not support Clustered Shared Volumes".

    Why:
        "On the Install Location page, set the drive letter to correspond with
        the cluster shared drive." and "Install the License Server on the
        second node to the same shared location as the first node." A path on
        a local disk is not there after a failover.

    How to fix:
        Install to the shared drive, e.g. ``F:\\Program Files\\Citrix\\Licensing``,
        or remove ``install_path`` to use that default.

    Failing example:
        licensing:
          storage: F
          install_path: 'C:\\Program Files\\Citrix\\Licensing'

    Passing example:
        licensing:
          storage: F
          install_path: 'F:\\Program Files\\Citrix\\Licensing'
    """

    id = "CL204"
    name = "install-path-not-shared"
    severity = Severity.ERROR
    summary = (
        "a declared install_path is not on the licensing group's shared drive (and not on "
        "a quorum drive, which is CL203)"
    )
    tags = ("storage",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        shared = usable_shared_drive(inventory)
        if lic is None or shared is None or not lic.has("install_path"):
            return
        if is_csv_path(lic.install_path):
            yield self.at(
                lic.ptr("install_path"),
                f"install_path {q(lic.install_path)} is on a Cluster Shared Volume "
                "(C:\\ClusterStorage), which Citrix Licensing does not support – "
                f"install to {shared}:\\Program Files\\Citrix\\Licensing on the group's "
                "shared disk",
            )
            return
        drive = drive_of(lic.install_path)
        if drive is None or drive == shared or is_quorum(inventory.storage_for(drive)):
            return
        yield self.at(
            lic.ptr("install_path"),
            f"install_path {q(lic.install_path)} is on drive {drive}:, not on the Licensing "
            f"group's shared drive {shared}: – install to {shared}:\\Program Files\\Citrix\\"
            "Licensing so every node uses the same shared location",
        )
