"""CL601 firewall-port-missing."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.rules.licensing_ports import configured_ports


class FirewallPortMissing(Rule):
    """Every licensing port needs an inbound TCP port rule on every node.

    What:
        Fires, once per node and port, when a node's Windows Firewall is
        enabled and one of the licensing ports (``licensing.ports``:
        ``license_server``, ``vendor_daemon``, ``web_services``; default
        27000, 7279, 8083) has no inbound TCP port rule. A node without a
        ``firewall`` block counts as enabled with no rules, the Windows
        default. UDP, outbound and program rules do not open a port. Reported
        at the node's ``firewall.rules`` list, else its ``firewall`` mapping,
        else the node. Silent for a node whose firewall is disabled or whose
        firewall block is not schema-valid. When two licensing ports are equal
        (CL603's finding) the port is reported once per node, under the first
        key that names it: one missing rule is one finding.

    Why:
        "If Citrix Licensing is installed in a clustered environment and
        Windows Firewall is enabled, connections can fail. [...] Create an
        exception for each of the following ports: License Server port
        number is 27000, Vendor daemon port number is 7279, Web Services for
        Licensing port number is 8083."

    How to fix:
        On every node, add an inbound TCP port rule for each configured
        licensing port (``New-NetFirewallRule -Direction Inbound -Protocol TCP
        -LocalPort 27000,7279,8083 -Action Allow``) and declare it.

    Failing example:
        firewall:
          enabled: true
          rules:
            - {port: 27000}
            - {port: 7279, protocol: udp}

    Passing example:
        firewall:
          enabled: true
          rules:
            - {port: 27000}
            - {port: 7279}
            - {port: 8083}
    """

    id = "CL601"
    name = "firewall-port-missing"
    severity = Severity.ERROR
    summary = (
        "a node's firewall is enabled (or undeclared) and a licensing port has no inbound "
        "TCP port rule; one finding per node and port"
    )
    tags = ("firewall",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        ports = configured_ports(inventory)
        for node in inventory.nodes:
            firewall = node.firewall
            if node.is_invalid("firewall") or firewall.is_invalid("enabled"):
                continue
            if firewall.is_invalid("rules") or not firewall.enabled:
                continue
            if firewall.has("rules"):
                where, state = firewall.ptr("rules"), "is enabled"
            elif node.has("firewall"):
                where, state = firewall.ptr(), "is enabled and declares no rules"
            else:
                where = node.ptr()
                state = "is not declared, which means enabled with no rules (the Windows default)"
            opened = {rule.opens_port for rule in firewall.rules}
            reported: set[int] = set()
            for port in ports:
                if port.port in opened or port.port in reported:
                    continue  # two keys with one port: one rule opens both (CL603 the conflict)
                reported.add(port.port)
                finding = self.at(
                    where,
                    f"the firewall of node {q(node.name)} {state}, and no inbound TCP rule "
                    f"opens the {port.label}; connections fail after a failover – add an "
                    f"inbound TCP port rule for {port.port}",
                )
                finding.extra["subject"] = f"port {port.port}"  # one fingerprint per port
                yield finding
