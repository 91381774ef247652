"""What the rules say, read as a Citrix and failover-cluster expert would.

The rule fixtures pin where findings are; these tests pin what they say for
the cases where the finding was right but the advice misled, and the host-id
reading of license files that CL405 relies on.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from cllint.licenses.parser import parse_text
from helpers import ROOT, lint_file, lint_text

FIXTURES = ROOT / "tests" / "fixtures" / "rules"
AS_OF = dt.date(2026, 4, 1)


def messages(name: str, rule: str) -> list[str]:
    report = lint_file(FIXTURES / name, as_of=AS_OF)
    return [f.message for f in report.findings if f.rule_id == rule]


def rules_fired(name: str) -> set[str]:
    return {f.rule_id for f in lint_file(FIXTURES / name, as_of=AS_OF).findings}


# -- license-file host ids -----------------------------------------------------------------
def test_every_host_id_form_is_read_and_any_demo_bind_to_nothing() -> None:
    text = (FIXTURES / "licenses" / "cl405-machine-ids.lic").read_text(encoding="utf-8")
    parsed = parse_text(text)
    assert parsed.usable
    found = [(b.kind, b.name) for b in parsed.all_bindings()]
    assert found == [
        ("ETHERNET", "0015C5F2D1A3"),
        ("ETHERNET", "00-15-C5-F2-D1-A4"),
        ("ETHERNET", "00:15:c5:f2:d1:a5"),
        ("ID", "12345678"),
        ("INTERNET", "10.10.1.11"),
        ("VDH", "ABCDEF0123"),
        ("ETHERNET", "0015C5F2D1A3"),
        ("ETHERNET", "0015C5F2D1A6"),
        ("HOSTNAME", "CTXLIC"),
        ("DISK_SERIAL_NUM", "3e2e17fd"),
    ]
    # CL404 compares host names only: a machine id is never a "case" problem
    assert [b.name for b in parsed.bindings()] == ["CTXLIC"]


@pytest.mark.parametrize(
    ("hostid", "kind"),
    [
        ("17007ea8", "HEX"),
        ("PTC_HOSTID=08-00-76-32-E4-22", "PTC_HOSTID"),
        ("ETHER=0015C5F2D1A3", "ETHERNET"),
        ("HOSTNAME=CTXLIC", "HOSTNAME"),
    ],
)
def test_server_line_host_ids(hostid: str, kind: str) -> None:
    parsed = parse_text(f"SERVER this_host {hostid} 27000\nVENDOR CITRIX\n")
    assert [b.kind for b in parsed.all_bindings()] == [kind]


@pytest.mark.parametrize("hostid", ["ANY", "any", "DEMO", '"ANY DEMO"'])
def test_any_and_demo_are_no_binding(hostid: str) -> None:
    parsed = parse_text(
        f"SERVER this_host {hostid}\nVENDOR CITRIX\n"
        f'INCREMENT X CITRIX 2027.0601 permanent 1 HOSTID={hostid} SIGN="00 11"\n'
    )
    assert parsed.usable
    assert list(parsed.all_bindings()) == []


def test_a_signature_inside_a_host_id_list_is_never_kept() -> None:
    parsed = parse_text(
        "INCREMENT X CITRIX 2027.0601 permanent 1 "
        'HOSTID="SIGN=ABCDEF0123456789 0015C5F2D1A3" SIGN="00 11"\n'
    )
    assert [b.name for b in parsed.all_bindings()] == ["0015C5F2D1A3"]
    assert all("ABCDEF0123456789" not in b.name for b in parsed.all_bindings())


def test_cl405_names_the_kind_of_machine_id_and_never_a_signature() -> None:
    found = messages("cl405-fail-machine-ids.yaml", "CL405")
    assert len(found) == 9
    text = "\n".join(found)
    kinds = ("Ethernet (MAC) address", "ID= host id", "INTERNET=10.10.1.11", "VDH=")
    for kind in (*kinds, "disk serial number host id DISK_SERIAL_NUM=3e2e17fd"):
        assert kind in text, kind
    assert all("failover" in m for m in found)
    assert "0000 1111" not in text and "SIGN" not in text


def test_cl405_fqdn_binding_says_host_name_ids_hold_the_short_name() -> None:
    (message,) = messages("cl405-fail-fqdn.yaml", "CL405")
    assert "short name" in message and "HOSTNAME=CTXLIC" in message
    assert "neither" not in message


# -- messages that said the wrong thing ----------------------------------------------------
def test_cl106_netbios_name_asks_for_the_dns_name() -> None:
    (message,) = messages("cl106-fail-netbios-name.yaml", "CL106")
    assert "NetBIOS" in message and "'corp.example.com'" in message
    assert "join the node" not in message


def test_cl107_workgroup_is_reported_once_per_node_and_not_as_mixed_domains() -> None:
    found = messages("cl107-fail-workgroup.yaml", "CL107")
    assert len(found) == 2 and all("workgroup" in m.lower() for m in found)
    assert "CL106" not in rules_fired("cl107-fail-workgroup.yaml")
    assert "CL106" not in rules_fired("cl107-fail-one-workgroup-node.yaml")


def test_cl403_fqdn_cap_is_one_finding_naming_the_first_label() -> None:
    (message,) = messages("cl403-fail-fqdn-long-label.yaml", "CL403")
    assert "FQDN" in message and "'ctxlicense'" in message
    assert "CL402" not in rules_fired("cl403-fail-fqdn-long-label.yaml")
    assert "CL402" not in rules_fired("cl403-fail-dot.yaml")


def test_cl802_says_what_the_wrong_server_is() -> None:
    address, cluster, previous = messages("cl802-fail-address-cluster-previous.yaml", "CL802")
    assert "address" in address and "name, not its address" in address
    assert "the cluster name" in cluster
    assert "previous_server" in previous


def test_cl204_cluster_storage_path_is_a_cluster_shared_volume() -> None:
    (message,) = messages("cl204-fail-cluster-shared-volume.yaml", "CL204")
    assert "Cluster Shared Volume" in message
    assert "drive C:" not in message


def test_cl108_shows_the_difference() -> None:
    (message,) = messages("cl108-fail-text-and-number.yaml", "CL108")
    assert "('8 cores' vs 8)" in message


def test_cl108_values_that_differ_only_invisibly_are_shown_escaped(tmp_path: Path) -> None:
    text = (FIXTURES / "cl108-pass-quoted-number.yaml").read_text(encoding="utf-8")
    text = text.replace("model: ProLiant DL360 Gen10, cpus: '8'", 'model: "ProLiant\\tDL360"', 1)
    shutil.copytree(FIXTURES / "licenses", tmp_path / "licenses")
    report = lint_text(text, tmp_path, as_of=AS_OF)
    (message,) = [f.message for f in report.findings if f.rule_id == "CL108"]
    assert "'ProLiant\\tDL360'" in message


def test_cl102_says_which_reason_applies() -> None:
    essentials, foundation = messages("cl102-fail-editions-without-clustering.yaml", "CL102")
    assert "Essentials edition has no Failover Clustering" in essentials
    assert "Foundation edition has no Failover Clustering" in foundation
    newer = messages("cl102-fail-newer-release.yaml", "CL102")
    assert newer and all("supported-os" in m and "upgrade" not in m for m in newer)
    older = messages("cl102-fail-2008-r2.yaml", "CL102")
    assert older and all("upgrade the node" in m for m in older)


def test_cl002_host_bits_suggest_the_network_of_the_value(tmp_path: Path) -> None:
    text = (FIXTURES / "cl207-pass.yaml").read_text(encoding="utf-8")
    text = text.replace("subnet: 192.168.50.0/24", "subnet: 192.168.50.7/24", 1)
    shutil.copytree(FIXTURES / "licenses", tmp_path / "licenses")
    report = lint_text(text, tmp_path, as_of=AS_OF)
    (message,) = [f.message for f in report.findings if f.rule_id == "CL002"]
    assert "'192.168.50.0/24'" in message and "10.10.1.0/24" not in message


def test_cl311_replaces_cl308_and_cl310_for_the_address() -> None:
    assert "CL308" not in rules_fired("cl311-fail.yaml")
    fired = rules_fired("cl311-fail-cap-ipv6-link-local.yaml")
    assert "CL311" in fired and "CL310" not in fired
    (apipa, _) = messages("cl311-fail.yaml", "CL311")
    assert "APIPA" in apipa
