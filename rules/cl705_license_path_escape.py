"""CL705 license-path-escape."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity
from cllint.licenses.reader import service
from cllint.model import Inventory
from cllint.rule import Context, Rule


class LicensePathEscape(Rule):
    """A license file path must stay inside the inventory's root folder.

    What:
        Fires at an entry of ``licensing.license_files`` that is absolute
        (``/etc/x.lic``, ``C:\\x.lic``, ``\\\\server\\share\\x.lic``), climbs above
        the root folder with ``..``, or resolves through a symbolic link to a
        place outside it. The root is the nearest folder upwards holding
        ``.git`` or a cllint configuration, else the inventory's own folder.
        Such a file is never opened.

    Why:
        Inventories travel through pull requests and pipelines; a linter that
        opens whatever path an inventory names could be made to read (and
        quote in its reports) files the author of the inventory should not
        see, or to hang on a device. License files belong next to the
        inventory that describes the License Server using them.

    How to fix:
        Copy the license file into the repository and list it relative to the
        inventory's folder.

    Failing example:
        licensing:
          license_files: [/etc/flexlm/CTXLIC.lic, ../../../other/CTXLIC.lic]

    Passing example:
        licensing:
          license_files: [licenses/CTXLIC.lic]
    """

    id = "CL705"
    name = "license-path-escape"
    severity = Severity.ERROR
    summary = (
        "a license file path leaves the inventory's root folder (absolute, `..` past the "
        "root, or through a symlink); the file is not read"
    )
    tags = ("licensing",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        for listed in service(ctx).listed(inventory, ctx):
            if listed.problem is not None and listed.problem.rule_id == self.id:
                yield self.at(listed.pointer, listed.problem.message)
