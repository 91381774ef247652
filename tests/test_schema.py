"""CL002: every schema violation is one finding at the offending node, worded for people."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import clean_inventory, lint_text


def replace(old: str, new: str) -> str:
    text = clean_inventory()
    assert old in text
    return text.replace(old, new, 1)


# (edit, expected (line, column), words in the message)
CASES = [
    (("  validation: passed ", "  validaton: passed "), (7, 3), "did you mean 'validation'?"),
    (("  validation: passed ", "  Validation: passed "), (7, 3), "did you mean 'validation'?"),
    (("  validation: passed ", "  validation: ok "), (7, 15), "expected one of passed, warnings"),
    (("version: 1", "version: 2"), (3, 10), "version '2' is not supported"),
    (("version: 1", "version: '1'"), (3, 10), "version '1' is not supported"),
    (("subnet: 10.10.1.0/24", "subnet: 10.10.1.1/24"), (11, 15), "host bits zero"),
    (("subnet: 10.10.1.0/24", "subnet: 2001:db8::/64"), None, ""),
    (("drive: F\n", "drive: FF\n"), (20, 14), "a drive is one letter"),
    (("{port: 7279}", "{port: 72790}"), (47, 18), "a port is 1-65535"),
    (("{port: 7279}", "{port: 7279, program: lmgrd.exe}"), (47, 11), "both 'port' and 'program'"),
    (("{port: 7279}", "{name: x}"), (47, 11), "needs a 'port' or a 'program'"),
    (("target_version: 11.17.2", "target_version: eleven"), (55, 19), "not a dotted version"),
    (("target_version: 11.17.2", "target_version: 11.16"), None, ""),
    (("  storage: F\n", "  storage: 6\n"), (52, 12), "must be a string, not integer"),
    (("cpus: 8, memory_gb: 32}", "cpus: [8], memory_gb: 32}"), (26, 64), "must be a string"),
    (
        (
            "      - {name: NIC1, network: Public, address: 10.10.1.11/24, addressing: static}\n",
            "      - {name: NIC1, network: Public, address: 10.10.1.11/24}\n",
        ),
        (28, 9),
        "missing the required key 'addressing'",
    ),
    (
        ("install_path: 'F:\\Program Files\\Citrix\\Licensing'", "install_path: 'Program Files'"),
        (54, 17),
        "expected a Windows path",
    ),
    (
        (
            "  resource_group: Citrix Licensing\n",
            "  x-owner: ops\n  resource_group: Citrix Licensing\n",
        ),
        None,
        "",
    ),
    (("nodes:\n", "nodes: 5\nx-nodes:\n"), (22, 8), "must be a list, not integer 5"),
]


@pytest.mark.parametrize(("edit", "where", "words"), CASES, ids=[c[0][1].strip() for c in CASES])
def test_schema_violation_is_one_cl002_at_the_node(
    tmp_path: Path, edit: tuple[str, str], where: tuple[int, int] | None, words: str
) -> None:
    report = lint_text(replace(*edit), tmp_path)
    cl002 = [f for f in report.findings if f.rule_id == "CL002"]
    if where is None:
        assert cl002 == []
        return
    assert [(f.line, f.column) for f in cl002] == [where], [f.message for f in cl002]
    assert words in cl002[0].message


def test_several_violations_give_several_findings(tmp_path: Path) -> None:
    text = replace("  validation: passed ", "  validation: maybe\n  nmae: x\n  #")
    report = lint_text(text, tmp_path)
    assert [(f.rule_id, f.line, f.column) for f in report.findings] == [
        ("CL002", 7, 15),
        ("CL002", 8, 3),
    ]


def test_schema_invalid_values_silence_dependent_rules(tmp_path: Path) -> None:
    # An invalid install_order item is CL002 only: no CL004 for the same entry.
    report = lint_text(replace("[CTXLIC-N1, CTXLIC-N2]", "[CTXLIC-N1, 7]"), tmp_path)
    assert [f.rule_id for f in report.findings] == ["CL002"]


def test_each_missing_required_key_is_a_finding(tmp_path: Path) -> None:
    text = replace(
        "      - {name: NIC1, network: Public, address: 10.10.1.11/24, addressing: static}\n",
        "      - {name: NIC1}\n",
    )
    report = lint_text(text, tmp_path)
    messages = sorted(f.message for f in report.findings if f.rule_id == "CL002")
    assert [(f.line, f.column) for f in report.findings if f.rule_id == "CL002"] == [(28, 9)] * 3
    assert [m.rsplit(" ", 1)[-1] for m in messages] == ["'address'", "'addressing'", "'network'"]
