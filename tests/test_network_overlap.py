"""CL304's sorted sweep against the obvious all-pairs definition, on random networks.

The sweep reports, for every network that lies inside a network of the other
role (public/private), exactly one overlap; CIDR blocks are nested or
disjoint, so "overlaps" means "one contains the other".
"""

from __future__ import annotations

import ipaddress
import random
from pathlib import Path

import pytest

from helpers import lint_text

Net = ipaddress.IPv4Network | ipaddress.IPv6Network


def random_networks(rng: random.Random, count: int) -> list[tuple[Net, str]]:
    nets: list[tuple[Net, str]] = []
    for _ in range(count):
        role = rng.choice(["public", "private"])
        if rng.random() < 0.5:
            prefix = rng.randint(8, 28)
            base = ipaddress.IPv4Address(rng.choice([0x0A000000, 0x0A0A0000, 0xC0A80000]))
            address = int(base) + rng.randrange(0, 1 << 16)
            net: Net = ipaddress.ip_network(f"{ipaddress.IPv4Address(address)}/{prefix}", False)
        else:
            prefix = rng.randint(32, 64)
            address = (0xFD00 << 112) + (rng.randrange(0, 1 << 8) << 80)
            net = ipaddress.ip_network(f"{ipaddress.IPv6Address(address)}/{prefix}", False)
        nets.append((net, role))
    return nets


def inventory(nets: list[tuple[Net, str]]) -> str:
    lines = ["version: 1", "cluster:", "  name: C1", "  networks:"]
    for i, (net, role) in enumerate(nets):
        lines.append(f"    - {{name: N{i}, role: {role}, subnet: '{net}'}}")
    lines += ["nodes: []", "licensing: {resource_group: Citrix Licensing}"]
    return "\n".join(lines) + "\n"


def contained_in_other_role(nets: list[tuple[Net, str]]) -> int:
    count = 0
    for i, (inner, role) in enumerate(nets):
        for j, (outer, other) in enumerate(nets):
            if i == j or role == other or inner.version != outer.version:
                continue
            # equal blocks: only the later one counts as contained
            if inner == outer and i < j:
                continue
            if inner.subnet_of(outer):  # type: ignore[arg-type]
                count += 1
                break
    return count


@pytest.mark.parametrize("seed", range(12))
def test_sweep_matches_all_pairs(seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    nets = random_networks(rng, rng.randint(2, 40))
    report = lint_text(inventory(nets), tmp_path)
    found = [f for f in report.findings if f.rule_id == "CL304"]
    assert len(found) == contained_in_other_role(nets)
    subnet_lines = {i + 5 for i in range(len(nets))}
    assert {f.line for f in found} <= subnet_lines


def test_equal_subnets_report_the_later_network(tmp_path: Path) -> None:
    nets: list[tuple[Net, str]] = [
        (ipaddress.ip_network("fd00:50::/64"), "private"),
        (ipaddress.ip_network("fd00:50::/64"), "public"),
    ]
    report = lint_text(inventory(nets), tmp_path)
    assert [(f.rule_id, f.line) for f in report.findings if f.rule_id == "CL304"] == [("CL304", 6)]
