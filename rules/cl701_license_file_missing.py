"""CL701 license-file-missing."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity
from cllint.licenses.reader import service
from cllint.model import Inventory
from cllint.rule import Context, Rule


class LicenseFileMissing(Rule):
    """A listed license file must exist and be readable.

    What:
        Fires at an entry of ``licensing.license_files`` when the file does
        not exist, cannot be read, is not a regular file (a folder, a named
        pipe, a socket or a device is never read) or is larger than a license
        file can be (1 MiB). Paths are relative to the inventory's folder.

    Why:
        cllint checks the host name license files are bound to ("Because you
        already generated license files that reference a specific server name,
        you must give the client access point the same name as the original
        License Server"); a file it cannot read cannot be checked, and the
        file the License Server needs is probably missing as well.

    How to fix:
        Correct the path, add the file to the repository, or remove the entry.

    Failing example:
        licensing:
          license_files: [licenses/missing.lic]

    Passing example:
        licensing:
          license_files: [licenses/CTXLIC.lic]
    """

    id = "CL701"
    name = "license-file-missing"
    severity = Severity.ERROR
    summary = "a listed license file does not exist or cannot be read"
    tags = ("licensing",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        for listed in service(ctx).listed(inventory, ctx):
            if listed.problem is not None and listed.problem.rule_id == self.id:
                yield self.at(listed.pointer, listed.problem.message)
