"""CL602 firewall-program-rule."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule

PROGRAMS = frozenset({"citrix.exe", "lmgrd.exe"})


class FirewallProgramRule(Rule):
    """Program exceptions for CITRIX.exe or lmgrd.exe do not survive a failover.

    What:
        Fires when a node's firewall has a program rule for ``CITRIX.exe`` or
        ``lmgrd.exe``, whatever its folder (Windows or POSIX separators) and
        letter case, at the ``program`` value. Port rules are what works
        (CL601).

    Why:
        "Exception rules for CITRIX.exe and lmgrd.exe are created during the
        installation of Licensing, but do not work after a cluster failover.
        To work around this issue, create exceptions for Licensing components
        on the Exceptions tab of the Windows Firewall panel."

    How to fix:
        Replace the program rule with inbound TCP port rules for the
        licensing ports (27000, 7279, 8083 by default).

    Failing example:
        rules:
          - {program: 'F:\\Program Files\\Citrix\\Licensing\\LS\\lmgrd.exe'}

    Passing example:
        rules:
          - {port: 27000}
    """

    id = "CL602"
    name = "firewall-program-rule"
    severity = Severity.WARNING
    summary = "a node has a program rule for CITRIX.exe or lmgrd.exe (stops working after failover)"
    tags = ("firewall",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        for node in inventory.nodes:
            for rule in node.firewall.rules:
                if not rule.has("program") or rule.program is None:
                    continue
                base = rule.program.strip().replace("\\", "/").rsplit("/", 1)[-1]
                if base.casefold() not in PROGRAMS:
                    continue
                yield self.at(
                    rule.ptr("program"),
                    f"node {q(node.name)} has a firewall program rule for {q(base)}; program "
                    "rules stop working after a cluster failover – replace it with inbound "
                    "TCP port rules for the licensing ports",
                )
