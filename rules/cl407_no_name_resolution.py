"""CL407 no-name-resolution."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity
from cllint.model import Inventory
from cllint.rule import Context, Rule


class NoNameResolution(Rule):
    """Clients need a way to resolve the client access point (CAP) name.

    What:
        Fires when ``licensing.name_resolution`` is missing (at the
        ``licensing`` mapping) or an empty list (at the list).

    Why:
        "A name resolution method, such as DNS, WINS, HOSTS, or LMHOSTS, is
        necessary to resolve the client access point name." Products find the
        License Server by the CAP name only.

    How to fix:
        Register the CAP name in DNS (or WINS, HOSTS, LMHOSTS) and list the
        method(s) in ``name_resolution``.

    Failing example:
        licensing:
          name_resolution: []

    Passing example:
        licensing:
          name_resolution: [dns]
    """

    id = "CL407"
    name = "no-name-resolution"
    severity = Severity.ERROR
    summary = "name_resolution is missing or empty"
    tags = ("naming",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None:
            return
        fix = (
            "register the client access point name in DNS, WINS, HOSTS or LMHOSTS and list "
            "the method, e.g. name_resolution: [dns]"
        )
        if lic.missing("name_resolution"):
            yield self.at(lic.ptr(), f"licensing declares no name_resolution; {fix}")
        elif lic.has("name_resolution") and not lic.name_resolution:
            yield self.at(lic.ptr("name_resolution"), f"licensing.name_resolution is empty; {fix}")
