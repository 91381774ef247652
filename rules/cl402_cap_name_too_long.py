"""CL402 cap-name-too-long."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.cl403_cap_name_invalid import fqdn_first_label

NETBIOS_LIMIT = 15


class CapNameTooLong(Rule):
    """The client access point (CAP) name must be fewer than 15 characters.

    What:
        Fires when ``licensing.client_access_point.name`` has 15 characters or
        more. Exactly 15 is too long: the source says *fewer than* 15. A name
        written as an FQDN (``ctxlic.corp.example.com``) is CL403's alone: the
        CAP name is its first label.

    Why:
        "Because of a NetBios restriction, ensure that the client access point
        name is fewer than 15 characters." The installer and the products use
        the CAP name as the License Server name.

    How to fix:
        Choose a shorter CAP name, recreate the client access point, and rehost
        the license files to the new name.

    Failing example:
        licensing:
          client_access_point: {name: CTXLICENSESRV01}

    Passing example:
        licensing:
          client_access_point: {name: CTXLIC}
    """

    id = "CL402"
    name = "cap-name-too-long"
    severity = Severity.ERROR
    summary = "the CAP name has 15 characters or more (it must be fewer than 15: NetBIOS)"
    tags = ("naming",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        cap = lic.client_access_point if lic else None
        if cap is None or not cap.has("name") or cap.name is None:
            return
        length = len(cap.name)
        if length >= NETBIOS_LIMIT and fqdn_first_label(cap.name) is None:
            yield self.at(
                cap.ptr("name"),
                f"client access point name {q(cap.name)} has {length} characters; NetBIOS "
                f"allows fewer than {NETBIOS_LIMIT} – shorten it and rehost the license files",
            )
