"""CL405 license-hostname-mismatch."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.licensefiles import finding_in, service
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.license_binding import cap_name


class LicenseHostnameMismatch(Rule):
    """License files must be bound to the client access point, not another host.

    What:
        Fires at a host-name binding in a listed license file – the
        ``HOSTNAME=`` host id of the SERVER line, or ``HOSTID=HOSTNAME=`` on a
        FEATURE/INCREMENT line – that names a host other than the client
        access point (CAP). The message says what the name is: a cluster node
        (compared case-insensitively), the cluster name,
        ``licensing.previous_server``, or something else. The same name in
        other letter case is CL404. Silent when the inventory gives no CAP
        name, when the CAP name must change anyway (CL402, CL403, CL406), or
        when the file cannot be read (CL701, CL702, CL705).

    Why:
        "Because you already generated license files that reference a specific
        server name, you must give the client access point the same name as
        the original License Server. If not, then rehost your license files
        with the new name of the License Server cluster." And: "When you
        generate a license file at citrix.com, use the name of the client
        access point when prompted for the Host ID." A node or the cluster
        name does not follow the Licensing role when it fails over.

    How to fix:
        Rehost the license files on citrix.com to the CAP name – or, when
        they name the License Server the cluster replaces, give the client
        access point that name instead.

    Failing example:
        licensing:
          client_access_point: {name: CTXLIC}
          previous_server: OLDLIC
          license_files: [licenses/old.lic]      # SERVER this_host HOSTNAME=OLDLIC

    Passing example:
        licensing:
          client_access_point: {name: CTXLIC}
          license_files: [licenses/CTXLIC.lic]   # SERVER this_host HOSTNAME=CTXLIC
    """

    id = "CL405"
    name = "license-hostname-mismatch"
    severity = Severity.ERROR
    summary = (
        "a license file is bound to another host: the message says whether it is a node "
        "name, the cluster name, `previous_server` (then: name the CAP after it or rehost) "
        "or something else"
    )
    tags = ("licensing",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        cap = cap_name(inventory)
        if lic is None or cap is None:
            return
        cluster = inventory.cluster.name if inventory.cluster else None
        previous = lic.previous_server if lic.has("previous_server") else None
        for listed in service(ctx).listed(inventory, ctx):
            parsed = listed.usable
            if parsed is None:
                continue
            for binding in parsed.bindings():
                name = binding.name
                if name.casefold() == cap.casefold():
                    continue  # exact: fine; other case: CL404
                head = f"{binding.where} is bound to host {q(name)}"
                rehost = f"rehost the license files to the client access point {q(cap)}"
                if inventory.node(name) is not None:
                    message = (
                        f"{head}, which is a cluster node, not the client access point "
                        f"{q(cap)}: the licenses stop working when the role fails over "
                        f"– {rehost}"
                    )
                elif cluster and name.casefold() == cluster.casefold():
                    message = (
                        f"{head}, which is the cluster name, not the client access point "
                        f"{q(cap)}: the Licensing role answers under the CAP name – "
                        f"{rehost}"
                    )
                elif previous and name.casefold() == previous.casefold():
                    message = (
                        f"{head}, the previous License Server (previous_server), not the "
                        f"client access point {q(cap)} – name the client access point "
                        f"{q(name)} after the original License Server, or {rehost}"
                    )
                else:
                    message = (
                        f"{head}, which is neither the client access point {q(cap)} nor "
                        f"a node, the cluster or the previous License Server – {rehost}"
                    )
                yield finding_in(self.id, listed, binding.span, message)
