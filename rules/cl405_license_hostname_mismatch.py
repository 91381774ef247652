"""CL405 license-hostname-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from cllint.findings import Finding, Severity, excerpt, q
from cllint.licenses.reader import finding_in, service
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.license_binding import cap_name

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from cllint.licenses.parser import HostBinding


class LicenseHostnameMismatch(Rule):
    """License files must be bound to the client access point, not another host.

    What:
        Fires at each host id in a listed license file – the SERVER line's
        host id, or ``HOSTID=`` on a FEATURE/INCREMENT line (each item of a
        quoted list ``HOSTID="a b"``) – that binds the file or the line to a
        machine other than by the client access point's (CAP) host name:

        - ``HOSTNAME=`` naming another host. The message says what the name
          is: a cluster node (compared case-insensitively, also as an FQDN),
          the cluster name, ``licensing.previous_server``, the CAP's own FQDN
          (``HOSTNAME=CTXLIC.corp.example.com``: host-name ids hold the short
          name), or something else. The CAP name in other letter case is
          CL404.
        - any other machine id: an Ethernet address (``0015C5F2D1A3``, with or
          without ``-``/``:`` separators), another hex id (``17007ea8``),
          ``ID=``, ``INTERNET=``, or a vendor-defined ``NAME=value``
          (``PTC_HOSTID=…``, ``VDH=…``). The message names the kind.

        ``ANY`` and ``DEMO`` bind to no machine and are not findings. Silent
        when the inventory gives no CAP name, when the CAP name must change
        anyway (CL402, CL403, CL406), or when the file cannot be read (CL701,
        CL702, CL705).

    Why:
        "Because you already generated license files that reference a specific
        server name, you must give the client access point the same name as
        the original License Server. If not, then rehost your license files
        with the new name of the License Server cluster." And: "When you
        generate a license file at citrix.com, use the name of the client
        access point when prompted for the Host ID." A node or the cluster
        name does not follow the Licensing role when it fails over, and
        neither does a machine id: an Ethernet address or a disk serial
        belongs to one node, so a file bound to it is valid on that node only
        and dead after the first failover. The FlexNet Publisher license
        administration guide (host ids: ``HOSTNAME=``, Ethernet address,
        ``ID=``, ``INTERNET=``, vendor-defined, ``ANY``, ``DEMO``) defines the
        forms read.

    How to fix:
        Rehost the license files on citrix.com to the CAP name – or, when
        they name the License Server the cluster replaces, give the client
        access point that name instead.

    Failing example:
        licensing:
          client_access_point: {name: CTXLIC}
          previous_server: OLDLIC
          license_files:
            - licenses/old.lic    # SERVER this_host HOSTNAME=OLDLIC
            - licenses/node.lic   # SERVER this_host 0015C5F2D1A3 27000

    Passing example:
        licensing:
          client_access_point: {name: CTXLIC}
          license_files: [licenses/CTXLIC.lic]   # SERVER this_host HOSTNAME=CTXLIC
    """

    id = "CL405"
    name = "license-hostname-mismatch"
    severity = Severity.ERROR
    summary = (
        "a license file (or one of its lines) is bound to another host: the message says "
        "whether it is a node name, the cluster name, `previous_server` (then: name the CAP "
        "after it or rehost), the CAP's FQDN (host-name ids hold the short name), an Ethernet "
        "address or other machine id (stops working after a failover), or something else"
    )
    tags = ("licensing",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        cap = lic.client_access_point.name if lic and lic.client_access_point else None
        if lic is None or cap is None or cap_name(inventory) is None:
            return
        cluster = inventory.cluster.name if inventory.cluster else None
        previous = lic.previous_server if lic.has("previous_server") else None
        for listed in service(ctx).listed(inventory, ctx):
            parsed = listed.usable
            if parsed is None:
                continue
            for binding in parsed.all_bindings():
                message = _mismatch(binding, cap, inventory, cluster, previous)
                if message:
                    yield finding_in(self.id, listed, binding.span, message)


def _mismatch(
    binding: HostBinding, cap: str, inventory: Inventory, cluster: str | None, previous: str | None
) -> str:
    """The message for a binding to another host than the CAP, or "" when it is the CAP."""
    rehost = f"rehost the license files to the client access point {q(cap)}"
    if not binding.by_host_name:
        return (
            f"{binding.where} is bound to {_machine(binding)}, not to the client access "
            f"point's host name {q(cap)}: that ties the licenses to one machine, and they "
            f"stop working after a failover – {rehost} (HOSTNAME={cap})"
        )
    name = binding.name
    if name.casefold() == cap.casefold():
        return ""  # exact: fine; other case: CL404
    head = f"{binding.where} is bound to host {q(name)}"
    short = name.rstrip(".").split(".", 1)[0] if "." in name.rstrip(".") else None
    if short is not None and short.casefold() == cap.casefold():
        return (
            f"{head}, the client access point's FQDN: host-name host ids hold the short "
            f"name, so the license server does not match it – rehost the license files to "
            f"HOSTNAME={cap}"
        )
    host = short if short is not None else name
    if inventory.node(host) is not None:
        return (
            f"{head}, which is a cluster node, not the client access point {q(cap)}: the "
            f"licenses stop working when the role fails over – {rehost}"
        )
    if cluster and host.casefold() == cluster.casefold():
        return (
            f"{head}, which is the cluster name, not the client access point {q(cap)}: the "
            f"Licensing role answers under the CAP name – {rehost}"
        )
    if previous and host.casefold() == previous.casefold():
        return (
            f"{head}, the previous License Server (previous_server), not the client access "
            f"point {q(cap)} – name the client access point {q(name)} after the original "
            f"License Server, or {rehost}"
        )
    return (
        f"{head}, which is neither the client access point {q(cap)} nor a node, the "
        f"cluster or the previous License Server – {rehost}"
    )


_KNOWN_IDS = {
    "DISK_SERIAL_NUM": "disk serial number",
    "FLEXID": "FLEXid dongle",
    "COMPOSITE": "composite",
    "VM_UUID": "virtual machine UUID",
    "UUID": "machine UUID",
}
"""FlexNet host-id keys with a name of their own; other keys are vendor-defined."""


def _machine(binding: HostBinding) -> str:
    """``Ethernet address '0015C5F2D1A3'``: what kind of machine id the binding is."""
    value = q(binding.name)
    if binding.kind == "ETHERNET":
        return f"the Ethernet (MAC) address {value} of one machine"
    if binding.kind == "HEX":
        return f"the hexadecimal host id {value} of one machine"
    if binding.kind == "ID":
        return f"the ID= host id {value} (a dongle or machine id)"
    if binding.kind == "INTERNET":
        return f"the IP address host id INTERNET={excerpt(binding.name)}"
    if binding.kind == "OTHER":
        return f"the host id {value}"
    known = _KNOWN_IDS.get(binding.kind)
    if known is not None:
        return f"the {known} host id {excerpt(binding.key)}={excerpt(binding.name)}"
    return f"the vendor-defined host id {excerpt(binding.key)}={excerpt(binding.name)}"
