"""The client access point name that license-file bindings are checked against.

Shared by CL404 and CL405. One cause, one finding: when the CAP name itself
must change – too long (CL402), not a host name (CL403), or the same as the
cluster or a node (CL406) – comparing the license files with it would only
repeat that finding, and the fix (rename the CAP, rehost the files) is the
same, so the binding checks wait for a usable name.
"""

from cllint.model import Inventory
from cllint.rules.cl402_cap_name_too_long import NETBIOS_LIMIT
from cllint.rules.cl403_cap_name_invalid import problems_of


def cap_name(inventory: Inventory) -> str | None:
    """The CAP name when it is declared and usable as a host name, else None."""
    lic = inventory.licensing
    cap = lic.client_access_point if lic else None
    if cap is None or not cap.has("name") or not cap.name:
        return None
    name = cap.name
    if len(name) >= NETBIOS_LIMIT or problems_of(name):
        return None
    cluster = inventory.cluster.name if inventory.cluster else None
    if inventory.node(name) is not None or (cluster and cluster.casefold() == name.casefold()):
        return None
    return name
