"""CL603 port-conflict."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.licensing_ports import LABELS, ConfiguredPort, configured_ports


class PortConflict(Rule):
    """The three licensing ports must differ.

    What:
        Fires when two of ``licensing.ports`` (``license_server``,
        ``vendor_daemon``, ``web_services``, defaults 27000, 7279, 8083) are
        equal, counting defaults. Reported at the declared one of the two; when
        both are declared, at the later one in the order ``license_server``,
        ``vendor_daemon``, ``web_services``, naming the other.

    Why:
        "When installing the License Server on the last node in the cluster,
        ensure that the Last node in the cluster check box is checked. The last
        node is where the ports are configured." The License Server, the
        vendor daemon and Web Services for Licensing each listen on their own
        port; two on one port cannot both start.

    How to fix:
        Give each licensing port its own number (defaults: 27000, 7279, 8083).

    Failing example:
        ports: {license_server: 27000, vendor_daemon: 27000}

    Passing example:
        ports: {license_server: 27001, vendor_daemon: 7279}
    """

    id = "CL603"
    name = "port-conflict"
    severity = Severity.ERROR
    summary = "two of the licensing ports are equal"
    tags = ("firewall",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        first: dict[int, ConfiguredPort] = {}
        ports = configured_ports(inventory)
        # Declared ports come after defaulted ones, so the finding lands on a written value.
        for port in sorted(ports, key=lambda p: p.declared):
            earlier = first.setdefault(port.port, port)
            if earlier is port:
                continue
            default = "" if earlier.declared else " (its default)"
            yield self.at(
                port.pointer,
                f"ports.{port.key} is {port.port}, the same as ports.{earlier.key}{default}; "
                f"the {LABELS[port.key]} and the {LABELS[earlier.key]} each need their own "
                "port – change one of them",
            )
