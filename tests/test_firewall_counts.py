"""CL601 reports once per node and port: fixture comments cannot count findings on one spot."""

from __future__ import annotations

from collections import Counter

from helpers import ROOT, lint_file, positions

FIXTURES = ROOT / "tests" / "fixtures" / "rules"


def test_missing_firewall_block_is_one_finding_per_port() -> None:
    report = lint_file(FIXTURES / "cl601-fail-no-firewall-block.yaml")
    assert Counter(positions(report, "CL601")) == {("CL601", 35, 5): 3}
    messages = sorted(f.message for f in report.findings)
    assert [m.split("opens the ")[1].split(";")[0] for m in messages] == [
        "License Server port 27000 (ports.license_server)",
        "Web Services for Licensing port 8083 (ports.web_services)",
        "vendor daemon port 7279 (ports.vendor_daemon)",
    ]


def test_udp_and_outbound_rules_leave_their_ports_closed() -> None:
    report = lint_file(FIXTURES / "cl601-fail-udp-outbound-program.yaml")
    assert Counter(positions(report, "CL601")) == {("CL601", 32, 9): 3}


def test_non_default_ports_are_checked_per_node() -> None:
    report = lint_file(FIXTURES / "cl601-fail-non-default-ports.yaml")
    assert Counter(positions(report, "CL601")) == {("CL601", 31, 9): 1, ("CL601", 44, 9): 2}
