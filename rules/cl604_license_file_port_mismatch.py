"""CL604 license-file-port-mismatch."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity
from cllint.licenses.reader import finding_in, service
from cllint.model import Inventory
from cllint.rule import Context, Rule

CITRIX_VENDOR = "CITRIX"


class LicenseFilePortMismatch(Rule):
    """License file ports must match the configured licensing ports.

    What:
        Fires in a listed license file when the SERVER line's port (27000
        when the line gives none) differs from ``licensing.ports.license_server``,
        or the CITRIX VENDOR line's ``port=`` differs from
        ``licensing.ports.vendor_daemon`` (both default to the Citrix
        defaults 27000 and 7279). A VENDOR line without a port is not
        checked. Silent when the file cannot be read (CL701, CL702, CL705).

    Why:
        "Create an exception for each of the following ports: License Server
        port number is 27000, Vendor daemon port number is 7279" – and "The
        last node is where the ports are configured." The License Server
        listens on the ports its license file names, while the firewall
        exceptions on every node and the products use the configured ports;
        when they differ, license checkouts fail.

    How to fix:
        Make the two agree: edit the port on the SERVER or VENDOR line (ports
        are not covered by the signature) or change ``licensing.ports`` and
        the firewall rules.

    Failing example:
        licensing:
          ports: {license_server: 27000}
          license_files: [licenses/port27001.lic]   # SERVER this_host HOSTNAME=CTXLIC 27001

    Passing example:
        licensing:
          ports: {license_server: 27000}
          license_files: [licenses/CTXLIC.lic]      # SERVER this_host HOSTNAME=CTXLIC 27000
    """

    id = "CL604"
    name = "license-file-port-mismatch"
    severity = Severity.ERROR
    summary = (
        "a license file's SERVER port or CITRIX VENDOR `port=` differs from the configured port"
    )
    tags = ("licensing",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None:
            return
        server_port, vendor_port = lic.ports.license_server, lic.ports.vendor_daemon
        # a port the schema rejected (CL002) is not compared: its default would mislead
        ports_invalid = lic.is_invalid("ports")
        check_server = not (ports_invalid or lic.ports.is_invalid("license_server"))
        check_vendor = not (ports_invalid or lic.ports.is_invalid("vendor_daemon"))
        for listed in service(ctx).listed(inventory, ctx):
            parsed = listed.usable
            if parsed is None:
                continue
            # imported here: the .lic parser loads only when a license file was read
            from cllint.licenses.parser import DEFAULT_SERVER_PORT

            for server in parsed.servers:
                if not check_server or server.port == server_port:
                    continue
                if server.port_value is None:
                    yield finding_in(
                        self.id,
                        listed,
                        server.keyword.span,
                        f"the SERVER line gives no port, so the license server uses "
                        f"{DEFAULT_SERVER_PORT}, but ports.license_server is {server_port} – add "
                        f"{server_port} after the host id or set ports.license_server to "
                        f"{DEFAULT_SERVER_PORT}",
                    )
                else:
                    yield finding_in(
                        self.id,
                        listed,
                        server.port_value.span,
                        f"the SERVER line's port {server.port} differs from "
                        f"ports.license_server {server_port} – make them the same (edit the "
                        "SERVER line or ports.license_server and the firewall rules)",
                    )
            for vendor in parsed.vendors:
                if vendor.name.text.upper() != CITRIX_VENDOR or vendor.port_value is None:
                    continue
                if check_vendor and vendor.port != vendor_port:
                    yield finding_in(
                        self.id,
                        listed,
                        vendor.port_value.span,
                        f"the CITRIX vendor daemon port {vendor.port} differs from "
                        f"ports.vendor_daemon {vendor_port} – make them the same (edit port= "
                        "on the VENDOR line or ports.vendor_daemon and the firewall rules)",
                    )
