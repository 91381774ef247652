"""CL708 file-licensing-retired."""

from collections.abc import Iterator

from cllint.citrix.activation import (
    FILE_LICENSING_ENDS,
    FILES,
    LAS_MINIMUM,
    file_licensing_retired,
)
from cllint.findings import Finding, Severity
from cllint.model import Inventory
from cllint.rule import Context, Rule


class FileLicensingRetired(Rule):
    """License files no longer activate Citrix: use the License Activation Service.

    What:
        Fires once per inventory when the activation is ``files`` – declared
        as ``licensing.activation: files``, or implied because
        ``licensing.license_files`` lists files and no activation is declared
        – and the check date (``--as-of``, default today) is on or after
        2026-04-15. The finding points at ``licensing.activation`` when it
        is declared, else at ``licensing.license_files``. The rules that read
        license files (CL404, CL405, CL604, CL701-CL705) keep checking the
        files that are listed: a site may still be migrating, and a wrongly
        bound file is still wrong.

    Why:
        The source document describes file-based licensing ("Obtain license
        files that specify the client access point name of the License
        Server as the host name. After obtaining license files, you must add
        them to the License Server and then reread them."). Citrix has
        retired it: CTX695107, "License Activation Service: Replacing Our
        End-of-Life File-Based Licensing", announced on 8 September 2025 that
        customers must move to the License Activation Service before
        15 April 2026, after which LAS is the exclusive way to activate and
        license Citrix on-premises components. A cluster rolled out with
        license files today licenses no session.

    How to fix:
        Move to the License Activation Service: upgrade to License Server
        11.17.2 build 51000 or later, register it with Citrix Cloud, set
        ``licensing.activation: las`` (or ``las-offline``) and keep the
        license files only as long as the migration needs them. An inventory
        that documents a cluster as it was before the cut-over can be
        checked with ``--as-of 2026-04-14``, or the finding silenced with
        ``# cllint: disable=CL708 -- documents the file-licensed past`` on
        the line it points at.

    Failing example:
        licensing:
          license_files: [licenses/CTXLIC.lic]

    Passing example:
        licensing:
          activation: las
          target_version: 11.17.2.0 build 51000
    """

    id = "CL708"
    name = "file-licensing-retired"
    severity = Severity.ERROR
    summary = "file-based activation on or after 2026-04-15: move to the License Activation Service"
    tags = ("licensing",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None or lic.activation != FILES or not file_licensing_retired(ctx.as_of):
            return
        where = lic.ptr("activation") if lic.has("activation") else lic.ptr("license_files")
        yield self.at(
            where,
            f"file-based licensing ended on {FILE_LICENSING_ENDS.isoformat()} (CTX695107); move "
            "to the License Activation Service (License Server 11.17.2 build "
            f"{LAS_MINIMUM.build} or later, registered with Citrix Cloud) and set "
            "licensing.activation: las",
        )
