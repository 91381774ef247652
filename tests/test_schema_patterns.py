"""The inventory schema's address formats carry a ``pattern`` too.

Editors (yaml-language-server) and check-jsonschema ignore cllint's custom
formats; the pattern lets them reject what CL002 rejects, e.g.
``address: 10.10.1.312/24``. cllint keeps the exact check (the format); the
pattern may be looser, never stricter.
"""

from __future__ import annotations

import ipaddress
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cllint.inventory.loader import is_inventory, load_text
from cllint.inventory.schema import FORMATS, load_schema, pattern_shortcuts
from helpers import EXAMPLES, ROOT, lint_file

RULES = ROOT / "tests" / "fixtures" / "rules"
SCHEMA = ROOT / "schemas" / "inventory.schema.json"
CHECKED = ("address", "subnet", "drive", "storage")


def _patterns() -> dict[str, str]:
    found: dict[str, str] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if (
                str(node.get("format", "")).startswith("cllint-ip")
                or node.get("format") == "cllint-cidr"
            ):
                found[node["format"]] = node["pattern"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(load_schema())
    return found


def test_every_address_format_has_a_pattern() -> None:
    assert set(_patterns()) == {"cllint-ip", "cllint-ip-interface", "cllint-cidr"}


def _accepts(fmt: str, value: str) -> bool:
    return re.search(_patterns()[fmt], value) is not None


@given(st.ip_addresses())
def test_pattern_accepts_every_address_the_format_accepts(address: Any) -> None:
    text = str(address)
    assert FORMATS["cllint-ip"](text) and _accepts("cllint-ip", text)
    prefix = address.max_prefixlen
    interface = f"{text}/{prefix // 2}"
    assert FORMATS["cllint-ip-interface"](interface)
    assert _accepts("cllint-ip-interface", text) and _accepts("cllint-ip-interface", interface)
    network = str(ipaddress.ip_network(interface, strict=False))
    assert FORMATS["cllint-cidr"](network) and _accepts("cllint-cidr", network)


@pytest.mark.parametrize(
    ("fmt", "value"),
    [
        ("cllint-ip-interface", "10.10.1.312/24"),
        ("cllint-ip-interface", "10.10.1.11/33"),
        ("cllint-ip-interface", "10.10.1"),
        ("cllint-ip-interface", "010.10.1.11"),
        ("cllint-ip-interface", "fd00::11/129"),
        ("cllint-ip", "10.10.1.50/24"),
        ("cllint-ip", "ctxlic.corp.example.com"),
        ("cllint-cidr", "10.10.1.0"),
        ("cllint-cidr", "10.10.256.0/24"),
        ("cllint-cidr", "10.10.1.0/40"),
    ],
)
def test_pattern_rejects_what_the_format_rejects(fmt: str, value: str) -> None:
    assert not FORMATS[fmt](value)
    assert not _accepts(fmt, value)


def _check_jsonschema(files: list[Path]) -> dict[str, set[str]]:
    """check-jsonschema's errors per file: the set of JSON paths it rejects."""
    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    if not Path(exe).exists():
        pytest.skip("check-jsonschema is not installed (it is in the test extra)")
    done = subprocess.run(
        [exe, "-o", "json", "--schemafile", str(SCHEMA), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(done.stdout)
    assert not report["parse_errors"], report["parse_errors"]
    errors: dict[str, set[str]] = {str(f): set() for f in files}
    for error in report["errors"]:
        errors[error["filename"]].add(error["path"])
    return errors


def _json_path(pointer: str) -> str:
    return "$" + "".join(f"[{p}]" if p.isdigit() else f".{p}" for p in pointer.split("/")[1:])


def test_check_jsonschema_rejects_every_value_cl002_rejects_and_no_other_file(
    tmp_path: Path,
) -> None:
    files = sorted(RULES.glob("*.yaml")) + sorted((EXAMPLES / "everything-wrong").glob("*.yaml"))
    files.append(EXAMPLES / "cluster.yaml")
    # A table of bad values, each put into an otherwise valid inventory.
    base = load_text((RULES / "cl002-pass.yaml").read_text("utf-8")).documents[0].data
    bad = {
        "/nodes/0/nics/0/address": ["10.10.1.312/24", "10.10.1.11/33", "10.10.1"],
        "/licensing/client_access_point/address": ["10.10.1.50/24", "10.10.1.500"],
        "/cluster/networks/0/subnet": ["10.10.1.0", "10.10.1.0/40", "10.10.256.0/24"],
        "/cluster/storage/0/drive": ["FF", "1"],
        "/licensing/storage": ["F:", ""],
    }
    for pointer, values in bad.items():
        for n, value in enumerate(values):
            data = json.loads(json.dumps(base))
            parent = data
            parts = pointer.split("/")[1:]
            for part in parts[:-1]:
                parent = parent[int(part)] if part.isdigit() else parent[part]
            parent[parts[-1]] = value
            path = tmp_path / f"{parts[-1]}-{len(files)}-{n}.json"
            path.write_text(json.dumps(data), "utf-8")
            files.append(path)

    # Each inventory document as JSON: check-jsonschema then sees exactly the data
    # cllint validated (one document per file, no YAML dialect in between).
    cases: list[tuple[Path, list[Any]]] = []
    for path in files:
        report = lint_file(path)
        if {f.rule_id for f in report.findings} & {"CL001", "CL003"}:
            continue  # not well-formed: for the YAML parser, not the schema
        for doc in load_text(path.read_text("utf-8")).documents:
            if not is_inventory(doc.data):
                continue
            out = tmp_path / "docs" / f"{path.stem}-{doc.index}.json"
            out.parent.mkdir(exist_ok=True)
            out.write_text(json.dumps(doc.data), "utf-8")
            cl002 = [f for f in report.findings if f.rule_id == "CL002" and f.document == doc.index]
            cases.append((out, cl002))
    rejected = _check_jsonschema([out for out, _ in cases])
    shapes = 0
    for out, cl002 in cases:
        for f in cl002:
            if (f.pointer or "").rsplit("/", 1)[-1] in CHECKED:
                shapes += 1
                assert _json_path(f.pointer or "") in rejected[str(out)], (out.name, f.message)
        if not cl002:
            assert not rejected[str(out)], (out.name, rejected[str(out)])
        else:
            assert rejected[str(out)], out.name
    assert shapes >= 14


_OCTET = st.one_of(
    st.integers(0, 255).map(str),
    st.integers(0, 400).map(lambda n: f"{n:03d}"),  # leading zeros
    st.sampled_from(["", "-1", "+1", "1 ", "٣", "0x1", "256"]),
)
_QUAD = st.lists(_OCTET, min_size=3, max_size=5).map(".".join)
_PREFIX = st.one_of(
    st.integers(-2, 40).map(str), st.sampled_from(["", "016", " 8", "8\n", "255.255.0.0"])
)
_CANDIDATES = st.one_of(
    _QUAD,
    st.tuples(_QUAD, _PREFIX).map("/".join),
    st.tuples(_QUAD, st.sampled_from(["\n", " ", "%eth0", "//8"])).map("".join),
    st.text(alphabet="0123456789./:%a \n", max_size=24),
)


def test_every_address_pattern_has_its_shortcut() -> None:
    """The shortcuts spare a one-file run compiling 700-character patterns: a schema
    edit that changes a pattern's text must not drop its shortcut unnoticed."""
    assert sorted(pattern_shortcuts(load_schema())) == sorted(
        p for p in _patterns().values() if p.startswith("^((25[0-5]")
    )
    assert len(pattern_shortcuts(load_schema())) == 3


@given(_CANDIDATES)
def test_a_shortcut_accepts_only_what_its_pattern_matches(text: str) -> None:
    for pattern, accepts in pattern_shortcuts(load_schema()).items():
        if accepts(text):
            assert re.search(pattern, text), (pattern[:40], text)


ADDRESS = ("nic", "cap")  # shortcuts of the adapter address (prefix optional), the CAP's
SUBNET = ("nic", "subnet")  # of a network's subnet (prefix required) and the adapter's


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("10.10.1.5", ADDRESS),
        ("10.10.0.0/16", SUBNET),
        ("0.0.0.0/0", SUBNET),
        ("10.010.1.5", ()),
        ("1.2.3.4/33", ()),
    ],
)
def test_the_shortcuts_take_plain_addresses(text: str, accepted: tuple[str, ...]) -> None:
    defs = load_schema()["$defs"]
    names = {
        defs["nic"]["properties"]["address"]["pattern"]: "nic",
        defs["network"]["properties"]["subnet"]["pattern"]: "subnet",
        defs["licensing"]["properties"]["client_access_point"]["properties"]["address"][
            "pattern"
        ]: "cap",
    }
    taken = {names[p] for p, test in pattern_shortcuts(load_schema()).items() if test(text)}
    assert taken == set(accepted)
