"""CL702 license-file-invalid."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity
from cllint.licenses.reader import finding_in, service
from cllint.model import Inventory
from cllint.rule import Context, Rule


class LicenseFileInvalid(Rule):
    """A license file must be readable as a FlexNet license file.

    What:
        Fires at the line of a listed license file that cannot be used: a
        line starting with an unknown word, a FEATURE/INCREMENT/UPGRADE line
        with too few fields, a bad version, expiry date, count or port, an
        uncounted line without ``HOSTID=``, an unclosed quote, two SERVER
        lines (a file has none, one or three), a file that is not UTF-8
        text, or a file without any license line. Unknown keywords inside a
        line are kept, not reported. Reading stops at the tenth problem.
        While a file has such a problem, the checks of its content (CL404,
        CL405, CL604, CL703, CL704) stay silent.

    Why:
        "Because you already generated license files that reference a specific
        server name, you must give the client access point the same name as
        the original License Server." cllint can only check that name, the
        ports and the expiry dates in a file it can read, and a line the
        license server cannot read is a license it will not serve.

    How to fix:
        Download the license file again from citrix.com, or repair the line
        named in the finding (a line continues on the next only when it ends
        with a backslash). Never edit what the signature covers.

    Failing example:
        licensing:
          license_files: [licenses/damaged.lic]   # holds "INCREMENT CVD_ENT_CCU CITRIX"

    Passing example:
        licensing:
          license_files: [licenses/CTXLIC.lic]
    """

    id = "CL702"
    name = "license-file-invalid"
    severity = Severity.ERROR
    summary = "a license file cannot be parsed (point at its line)"
    tags = ("licensing",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        for listed in service(ctx).listed(inventory, ctx):
            parsed = listed.content
            if parsed is None:
                continue
            for error in parsed.errors:
                yield finding_in(self.id, listed, error.span, error.message)
