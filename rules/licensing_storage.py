"""Where Citrix Licensing lives: the group's shared disk and the drives of its paths.

Shared by the CL2 rules so they agree on what "the licensing storage" is: the
``cluster.storage`` resource whose drive ``licensing.storage`` names. An
unknown drive is CL004's finding, and then these helpers answer None so the
storage rules stay silent (one cause, one finding).
"""

from __future__ import annotations

import re

from cllint.model import Inventory, StorageResource

_CSV_PATH = r"[A-Za-z]:[\\/]+ClusterStorage(?:[\\/]|\Z)"
"""Compiled (by ``re``) the first time a path names ClusterStorage at all."""


def is_csv_path(path: str | None) -> bool:
    """True for a path in the Cluster Shared Volume namespace, ``C:\\ClusterStorage\\...``.

    Windows mounts every CSV under ``%SystemDrive%\\ClusterStorage`` on each
    node, so such a path reads as "drive C:" although it is a CSV – which
    Citrix Licensing does not support.
    """
    if path is None or (path.isascii() and "clusterstorage" not in path.lower()):
        return False
    return re.match(_CSV_PATH, path.strip(), re.IGNORECASE) is not None


def drive_of(path: str | None) -> str | None:
    """The upper-case drive letter of a Windows path such as ``f:\\Licensing``."""
    if path is None or len(path) < 2 or path[1] != ":" or not path[0].isalpha():
        return None
    return path[0].upper()


def licensing_storage(inventory: Inventory) -> StorageResource | None:
    """The cluster storage resource the Licensing group uses, when declared and known."""
    lic = inventory.licensing
    if lic is None or not lic.has("storage"):
        return None
    return inventory.storage_for(lic.storage)


def is_quorum(resource: StorageResource | None) -> bool:
    """True when ``resource`` is declared as the quorum disk."""
    return resource is not None and resource.has("quorum") and resource.quorum


def usable_shared_drive(inventory: Inventory) -> str | None:
    """The drive that install_path and license_dir must be on.

    None when there is none to compare with: storage missing (CL206), unknown
    (CL004), or itself unsuitable (quorum, CSV, third-party: CL201–CL203),
    since the group's disk has to change first.
    """
    res = licensing_storage(inventory)
    if res is None or res.drive is None or is_quorum(res) or res.kind != "disk":
        return None
    return res.drive
