"""Fingerprints: one per finding, stable across edits that do not touch it.

A baseline, GitLab and SARIF all take a fingerprint as one violation's
identity: two findings must never share one, and moving lines or changing an
unrelated value of the same object must not change it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cllint.lint.engine import _content
from helpers import EXAMPLES, ROOT, lint_file

FIXTURES = ROOT / "tests" / "fixtures" / "rules"
FIREWALL = FIXTURES / "cl601-fail-udp-outbound-program.yaml"


def _all_files() -> list[Path]:
    files = sorted((EXAMPLES / "everything-wrong").glob("*.yaml"))
    return files + sorted(p for p in FIXTURES.iterdir() if p.suffix in (".yaml", ".json"))


def test_no_two_findings_share_a_fingerprint() -> None:
    counts: Counter[str] = Counter()
    where: dict[str, list[str]] = {}
    for path in _all_files():
        for f in lint_file(path).findings:
            counts[f.fingerprint] += 1
            where.setdefault(f.fingerprint, []).append(f"{path.name}:{f.line} {f.rule_id}")
    assert len(counts) > 200
    shared = {fp: where[fp] for fp, n in counts.items() if n > 1}
    assert not shared


def test_firewall_findings_of_one_node_have_one_fingerprint_each() -> None:
    report = lint_file(EXAMPLES / "everything-wrong" / "cluster.yaml")
    cl601 = [f for f in report.findings if f.rule_id == "CL601"]
    assert len(cl601) >= 3  # per node and port (one port shared by two keys is one)
    assert len({f.fingerprint for f in cl601}) == len(cl601)
    assert all(f.extra["subject"].startswith("port ") for f in cl601)


def _fingerprints(text: str, tmp_path: Path) -> dict[str, str]:
    path = tmp_path / FIREWALL.name
    path.write_text(text, "utf-8")
    report = lint_file(path)
    return {f.fingerprint: f"{f.rule_id} {f.message[:70]}" for f in report.findings}


def _above_first_node(text: str) -> str:
    return text.replace("nodes:\n", "nodes:\n  # the first node\n\n", 1)


EDITS: list[tuple[str, Callable[[str], str], int, int]] = [
    # (edit, how, findings that disappear, findings that appear)
    ("insert lines at the top", lambda t: "# owner: infra\n\n# reviewed\n" + t, 0, 0),
    ("insert a comment above the node", _above_first_node, 0, 0),
    (
        "change an unrelated value of the same object (a firewall rule's name)",
        lambda t: t.replace("name: Citrix Vendor Daemon,", "name: Vendor daemon (outbound),"),
        0,
        0,
    ),
    (
        "change an unrelated value of the same node (a NIC's name)",
        lambda t: t.replace(
            "{name: NIC1, network: Public, address: 10.10.1.11",
            "{name: LAN1, network: Public, address: 10.10.1.11",
            1,
        ),
        0,
        0,
    ),
    ("add another missing port", lambda t: t.replace("        - {port: 7279}\n", ""), 0, 1),
    (
        "open a missing port",
        lambda t: t.replace("port: 27000, protocol: udp}", "port: 27000}"),
        1,
        0,
    ),
]


@pytest.mark.parametrize(("edit", "how", "gone", "new"), EDITS, ids=[e[0] for e in EDITS])
def test_which_fingerprints_stay_and_which_appear(
    edit: str, how: Callable[[str], str], gone: int, new: int, tmp_path: Path
) -> None:
    text = FIREWALL.read_text("utf-8")
    before = _fingerprints(text, tmp_path)
    changed = how(text)
    assert changed != text, edit
    after = _fingerprints(changed, tmp_path)
    assert len(before.keys() - after.keys()) == gone, (edit, before, after)
    assert len(after.keys() - before.keys()) == new, (edit, before, after)
    if new:
        assert all(after[fp].startswith("CL601") for fp in after.keys() - before.keys())


@given(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True),
        st.text(max_size=40),
        st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=40),
    )
)
@settings(max_examples=500, deadline=None)
def test_a_scalar_is_fingerprinted_as_json_writes_it(value: object) -> None:
    """Scalars skip ``json`` (a start-up import): their text must be what it writes,
    or every baseline written before would stop matching."""
    expected = "".join(json.JSONEncoder(sort_keys=True, default=str).iterencode(value))
    assert _content(value) == expected[:4096]
