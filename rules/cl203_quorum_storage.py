"""CL203 quorum-storage."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.licensing_storage import drive_of, is_quorum, licensing_storage


class QuorumStorage(Rule):
    """Licensing must not be installed on the quorum drive.

    What:
        Fires when ``licensing.storage`` names the quorum disk, or when a
        declared ``install_path`` or ``license_dir`` is on a quorum drive
        (another drive than ``licensing.storage``; a path on the storage drive
        follows it and is not reported twice). Defaulted paths are never
        reported.

    Why:
        "Install it on the first node to the shared cluster drive (not the
        quorum drive)." The quorum disk belongs to the core cluster group and
        fails over with it, not with the Licensing group.

    How to fix:
        Give the Licensing group its own shared disk (not the quorum) and
        install to that drive, e.g. ``F:\\Program Files\\Citrix\\Licensing``.

    Failing example:
        cluster:
          storage:
            - {name: Cluster Disk 1, drive: Q, quorum: true}
        licensing:
          storage: Q

    Passing example:
        cluster:
          storage:
            - {name: Cluster Disk 1, drive: Q, quorum: true}
            - {name: Cluster Disk 2, drive: F}
        licensing:
          storage: F
    """

    id = "CL203"
    name = "quorum-storage"
    severity = Severity.ERROR
    summary = (
        "licensing.storage is a quorum disk, or a declared install_path or license_dir is "
        "on a quorum drive"
    )
    tags = ("storage",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None:
            return
        res = licensing_storage(inventory)
        if is_quorum(res) and res is not None:
            yield self.at(
                lic.ptr("storage"),
                f"licensing storage {q(res.drive)} is {q(res.name)}, the quorum disk; install "
                "Licensing to a shared cluster disk of its own, not the quorum drive",
            )
        for key in ("install_path", "license_dir"):
            path = getattr(lic, key)
            drive = drive_of(path)
            if not lic.has(key) or drive is None:
                continue
            if res is not None and is_quorum(res) and drive == res.drive:
                continue
            other = inventory.storage_for(drive)
            if is_quorum(other) and other is not None:
                yield self.at(
                    lic.ptr(key),
                    f"{key} {q(path)} is on drive {drive}:, the quorum disk {q(other.name)}; "
                    "use the Licensing group's shared drive, not the quorum drive",
                )
