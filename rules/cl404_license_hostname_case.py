"""CL404 license-hostname-case."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.licenses.reader import finding_in, service
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.license_binding import cap_name


class LicenseHostnameCase(Rule):
    """License files must name the client access point in the same letter case.

    What:
        Fires at a host-name binding in a listed license file – the
        ``HOSTNAME=`` host id of the SERVER line, or ``HOSTID=HOSTNAME=`` on a
        FEATURE/INCREMENT line – that names the client access point in
        different letter case (``ctxlic`` for the CAP ``CTXLIC``). Silent when
        the inventory gives no CAP name, when the CAP name must change anyway
        (CL402, CL403, CL406), or when the file cannot be read (CL701, CL702,
        CL705).

    Why:
        "Host names in license files are case-sensitive; therefore, the client
        access point names must be the same case as the host names in the
        license file. If they are not, you must rehost your license files with
        the correct capitalization of the names."

    How to fix:
        Rehost the license files on citrix.com with the CAP name in its exact
        capitalization (downloading them with Studio or the Citrix Licensing
        Manager on the License Server gets the case right).

    Failing example:
        licensing:
          client_access_point: {name: CTXLIC}
          license_files: [licenses/lowercase.lic]   # SERVER this_host HOSTNAME=ctxlic

    Passing example:
        licensing:
          client_access_point: {name: CTXLIC}
          license_files: [licenses/CTXLIC.lic]      # SERVER this_host HOSTNAME=CTXLIC
    """

    id = "CL404"
    name = "license-hostname-case"
    severity = Severity.ERROR
    summary = (
        "a license file is bound to the CAP name in different letter case (host names in "
        "license files are case-sensitive)"
    )
    tags = ("licensing",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        cap = cap_name(inventory)
        if cap is None:
            return
        for listed in service(ctx).listed(inventory, ctx):
            parsed = listed.usable
            if parsed is None:
                continue
            for binding in parsed.bindings():
                if binding.name != cap and binding.name.casefold() == cap.casefold():
                    yield finding_in(
                        self.id,
                        listed,
                        binding.span,
                        f"{binding.where} is bound to host {q(binding.name)}, but the client "
                        f"access point is {q(cap)}: host names in license files are "
                        f"case-sensitive – rehost the license files as {q(cap)}",
                    )
