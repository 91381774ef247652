"""Reports quote at most a short excerpt of any value, and never a license signature.

Messages end up in CI logs and in SARIF uploaded where many can read it: a
hostile multi-kilobyte value (or key, or number) must not be copied whole.
Each field of the example in turn holds a 5,000-character value; each
mapping gets a 5,000-character key; each number becomes 4,000 digits. No
message may hold more than 60 characters of it, whichever path produced
the message (schema, model, rules, loader).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hostile import check_reports, clean_data, clean_pointers, dump, lint, replaced

from cllint.findings import MAX_EXCERPT
from helpers import EXAMPLES, clean_inventory_with_license_files, run_cllint

LONG = "ZQ" * 2500
TOO_MUCH = re.compile(f"[ZQ]{{{MAX_EXCERPT + 1},}}")
DIGITS = re.compile(rf"\d{{{MAX_EXCERPT + 1},}}")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("examples") / "examples"
    shutil.copytree(EXAMPLES, target)
    (target / ".git").mkdir()
    return target


def _messages(text: str, folder: Path) -> list[str]:
    report = lint(text.encode("utf-8"), folder)
    check_reports(report, folder)
    return [f.message for f in report.findings]


def _value_at(pointer: str) -> Any:
    current: Any = clean_data()
    for part in pointer[1:].split("/"):
        current = current[int(part)] if isinstance(current, list) else current[part]
    return current


@pytest.mark.parametrize("pointer", clean_pointers())
def test_a_long_value_anywhere_is_quoted_short(folder: Path, pointer: str) -> None:
    for value in (LONG, [LONG], {"name": LONG}):
        for message in _messages(dump(replaced(clean_data(), pointer, value)), folder):
            assert not TOO_MUCH.search(message), message


@pytest.mark.parametrize(
    "pointer", [p for p in clean_pointers() if isinstance(_value_at(p), dict)] + [""]
)
def test_a_long_key_in_any_mapping_is_quoted_short(folder: Path, pointer: str) -> None:
    data = clean_data()
    target = _value_at(pointer) if pointer else data
    assert isinstance(target, dict)
    for extra in ({LONG: 1}, {LONG: {"a": {"b": 1}}}, {"x-" + LONG: 1}):
        changed = replaced(data, pointer, {**target, **extra}) if pointer else {**data, **extra}
        # (the dumper writes a key this long as an explicit "? key" entry)
        for message in _messages(dump(changed), folder):
            assert not TOO_MUCH.search(message), message


@pytest.mark.parametrize(
    "pointer", [p for p in clean_pointers() if type(_value_at(p)) in (int, float)]
)
def test_a_huge_number_anywhere_is_quoted_short(folder: Path, pointer: str) -> None:
    for message in _messages(dump(replaced(clean_data(), pointer, 10**4000)), folder):
        assert not DIGITS.search(message), message


@pytest.mark.parametrize(
    "text",
    [
        f"cluster:\n  ? {LONG}\n  : 1\n  ? {LONG}\n  : 2\nnodes: []\n",  # CL003
        f"cluster:\n  name: *{'a' * 5000}\n",  # undefined alias
        f"cluster:\n  name: !{LONG} x\n",  # custom tag
        f"cluster:\n  name: !!{LONG} x\n",
        f"version: 0x{LONG}\nnodes: []\n",
        f"cluster: {{name: {LONG}\n",  # syntax error
        f"cluster:\n  name: x\n  ? [{LONG}]\n  : 1\n",  # non-scalar key
    ],
    ids=["duplicate", "alias", "tag", "tag2", "int", "syntax", "key"],
)
def test_loader_messages_are_short(folder: Path, text: str) -> None:
    messages = _messages(text, folder)
    assert messages
    for message in messages:
        assert not TOO_MUCH.search(message) and len(message) < 400, message


# -- license files ----------------------------------------------------------------
SIGNATURE = "7A3F 91C2 5E88 D04B 6C1A 2F9E 0B7D 44E1"
LIC = (
    "SERVER this_host HOSTNAME=CTXLIC 27000\n"
    "VENDOR CITRIX port=7279\n"
    "INCREMENT CVD_ENT_CCU CITRIX 2027.0601 permanent 100 \\\n"
    f'\tHOSTID=HOSTNAME=CTXLIC NOTICE="{LONG}" SIGN="{SIGNATURE}"\n'
    f"{LONG} xyzzy-7c1\n"  # an unknown line keyword, quoted in CL702
    f"FEATURE x CITRIX 1.0 {LONG} 1 SIGN={SIGNATURE.replace(' ', '')}\n"  # a bad date
    "7A3F 91C2 5E88 D04B\n"  # a stray signature line
    "INCREMENT y CITRIX 1.0 permanent uncounted SIGN2=DEADBEEFCAFE\n"
)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "gitlab"])
def test_license_files_are_never_echoed(tmp_path: Path, fmt: str) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "licenses").mkdir()
    (tmp_path / "licenses" / "CTXLIC.lic").write_text(LIC, encoding="utf-8")
    (tmp_path / "cluster.yaml").write_text(clean_inventory_with_license_files(), encoding="utf-8")
    run = run_cllint(["check", "-f", fmt, "cluster.yaml"], cwd=tmp_path)
    assert run.code == 1, run.err
    assert "CL702" in run.out
    for part in [*SIGNATURE.split(), "DEADBEEFCAFE", "xyzzy-7c1"]:
        assert part not in run.out and part not in run.err, part
    assert not TOO_MUCH.search(run.out)
