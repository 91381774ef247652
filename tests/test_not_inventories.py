"""Other tools' YAML is skipped, whatever tags it uses and wherever its syntax breaks.

The decision "is this an inventory?" comes before tags and parse errors: a
file none of whose readable top-level keys is ``cluster``, ``nodes`` or
``licensing`` is skipped (``-v`` lists it); an inventory keeps its CL001.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT, clean_inventory, lint_file, positions, run_cllint

THIRD_PARTY = ROOT / "tests" / "fixtures" / "third-party"
FILES = sorted(p for p in THIRD_PARTY.rglob("*") if p.is_file())


def test_the_third_party_files_are_there() -> None:
    names = {p.relative_to(THIRD_PARTY).as_posix() for p in FILES}
    assert {".gitlab-ci.yml", "chart/templates/deployment.yaml", "ansible/vault.yml"} <= names
    assert len(names) == 8


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(THIRD_PARTY).as_posix())
def test_third_party_yaml_is_skipped_not_reported(path: Path) -> None:
    report = lint_file(path)
    assert report.skipped == "not an inventory"
    assert report.findings == []


def test_a_folder_of_third_party_yaml_checks_clean_and_verbose_lists_the_skips() -> None:
    run = run_cllint(["check", "-v", "."], cwd=THIRD_PARTY)
    assert run.code == 0, run.out + run.err
    assert "CL001" not in run.out
    assert "cloudformation/license-server.yaml: skipped (not an inventory)" in run.out + run.err


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("cluster: {name: !Sub x}\n", 1, 17),  # a tag in an inventory
        ("nodes:\n  - name: [\nlicensing: {}\n", 4, 1),  # syntax broken, key after it
        ("x: [\ncluster:\n  name: a\n", 3, 7),  # broken before the first inventory key
    ],
)
def test_an_inventory_keeps_its_cl001(text: str, line: int, column: int, tmp_path: Path) -> None:
    path = tmp_path / "inventory.yaml"
    path.write_text(text, "utf-8")
    report = lint_file(path)
    assert report.skipped is None
    assert positions(report, "CL001") == [("CL001", line, column)]


def test_a_multi_document_file_with_an_inventory_after_other_yaml_is_checked(
    tmp_path: Path,
) -> None:
    path = tmp_path / "mixed.yaml"
    path.write_text("kind: Thing\nvalue: !Ref Other\n---\n" + clean_inventory(), "utf-8")
    report = lint_file(path)
    assert [f.rule_id for f in report.findings] == ["CL001"]
    assert (report.findings[0].line, report.findings[0].column) == (2, 8)
