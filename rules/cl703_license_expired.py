"""CL703 license-expired."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity
from cllint.licenses.reader import dated_lines, finding_in
from cllint.model import Inventory
from cllint.rule import Context, Rule


class LicenseExpired(Rule):
    """License lines must not have expired.

    What:
        Fires at the expiry date of a FEATURE or INCREMENT line in a listed
        license file when that date is before the check date (``--as-of``,
        default today). A line is usable through its expiry day; ``permanent``
        and a year of 0 never expire. Silent when the file cannot be read
        (CL701, CL702, CL705).

    Why:
        The cluster is built to serve licenses; an expired line serves
        nothing, and the failover test after the installation would only
        show it as missing licenses.

    How to fix:
        Renew the license (or its Subscription Advantage) and download a new
        license file, or remove the expired file from the list.

    Failing example:
        licensing:
          license_files: [licenses/expired.lic]   # INCREMENT ... 31-may-2026 ...

    Passing example:
        licensing:
          license_files: [licenses/CTXLIC.lic]    # INCREMENT ... permanent ...
    """

    id = "CL703"
    name = "license-expired"
    severity = Severity.ERROR
    summary = "a FEATURE/INCREMENT line expired before the check date (`--as-of`, default today)"
    tags = ("licensing",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        for listed, feature, expiry in dated_lines(inventory, ctx):
            if expiry < ctx.as_of:
                yield finding_in(
                    self.id,
                    listed,
                    feature.expiry_value.span,
                    f"{feature.kind} {feature.name.text} expired on "
                    f"{expiry.isoformat()} – renew it and download a new license "
                    "file, or remove the expired file",
                )
