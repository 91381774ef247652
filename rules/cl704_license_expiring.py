"""CL704 license-expiring."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping

from cllint.findings import Finding, Severity
from cllint.licenses.reader import dated_lines, finding_in
from cllint.model import Inventory
from cllint.rule import Context, Rule

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import ClassVar

OPTION = "expiry-warning-days"


class LicenseExpiring(Rule):
    """Renew licenses before they expire.

    What:
        Fires at the expiry date of a FEATURE or INCREMENT line in a listed
        license file that expires on the check date (``--as-of``, default
        today) or within ``expiry-warning-days`` days after it (default 30).
        Lines already expired are CL703. Silent when the file cannot be read
        (CL701, CL702, CL705).

    Why:
        A clustered License Server is built so that licenses keep being
        served; a license that expires soon after the cluster goes live
        defeats that, and rehosting or renewing takes time.

    How to fix:
        Renew the license (or its Subscription Advantage) and download the new
        license file before the date; or raise ``expiry-warning-days`` if
        the renewal is already under way.

    Failing example:
        licensing:
          license_files: [licenses/expiring.lic]   # INCREMENT ... 15-jun-2026 ...

    Passing example:
        licensing:
          license_files: [licenses/CTXLIC.lic]     # INCREMENT ... permanent ...
    """

    id = "CL704"
    name = "license-expiring"
    severity = Severity.WARNING
    summary = "a FEATURE/INCREMENT line expires within `expiry-warning-days` (default 30)"
    tags = ("licensing",)
    options: ClassVar[Mapping[str, int]] = {OPTION: 30}

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        days = int(ctx.option(OPTION))
        try:
            last = ctx.as_of + _dt.timedelta(days=days)
        except OverflowError:  # --as-of 9999-12-31: the window ends with the calendar
            last = _dt.date.max
        for listed, feature, expiry in dated_lines(inventory, ctx):
            if ctx.as_of <= expiry <= last:
                yield finding_in(
                    self.id,
                    listed,
                    feature.expiry_value.span,
                    f"{feature.kind} {feature.name.text} expires on "
                    f"{expiry.isoformat()}, within the {days}-day warning window "
                    f"({OPTION}) – renew it and download the new license file in time",
                )
