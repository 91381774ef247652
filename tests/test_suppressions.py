"""``# cllint: disable`` comments: where they apply, what they record, CL009."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_formats import sarif_validator

from cllint.filters.suppressions import parse
from cllint.formats import Report, render
from cllint.lint.engine import Linter
from helpers import EXAMPLES, clean_inventory_with_license_files, lint_text, run_cllint, settings

MSI = "  installer: setup.msi"  # CL501 at line 51, column 14 (after the 2 lines removed)
BASE = (
    "\n".join(clean_inventory_with_license_files().splitlines()[2:]).replace(
        "  installer: CitrixLicensing.exe", MSI
    )
    + "\n"
)
MSI_LINE = BASE.splitlines().index(MSI) + 1


@pytest.fixture(autouse=True)
def license_files(tmp_path: Path) -> None:
    """The example's license file beside each test inventory, so only CL501 fires."""
    shutil.copytree(EXAMPLES / "licenses", tmp_path / "licenses")


def with_line(replacement: str) -> str:
    """The inventory with the installer line replaced (may be several lines)."""
    return BASE.replace(MSI, replacement)


def visible(text: str, tmp_path: Path) -> list[tuple[str, int, int]]:
    report = lint_text(text, tmp_path)
    return [(f.rule_id, f.line, f.column) for f in report.findings if f.suppression is None]


def test_unsuppressed_baseline_finding(tmp_path: Path) -> None:
    assert visible(BASE, tmp_path) == [("CL501", MSI_LINE, 14)]


@pytest.mark.parametrize(
    "replacement",
    [
        MSI + "  # cllint: disable=CL501 -- vendor image",
        MSI + "  # cllint: disable=msi-installer",
        MSI + "  #cllint:disable=cl501,CL402",
        "  # cllint: disable=CL501 -- above\n" + MSI,
        "  # cllint: disable=CL501\n\n  # unrelated comment\n" + MSI,
    ],
    ids=["trailing", "by-name", "compact-and-list", "line-above", "above-blank-and-comment"],
)
def test_suppressed(tmp_path: Path, replacement: str) -> None:
    report = lint_text(with_line(replacement), tmp_path)
    cl501 = [f for f in report.findings if f.rule_id == "CL501"]
    assert len(cl501) == 1 and cl501[0].suppression is not None
    assert cl501[0].suppression.kind == "inSource"
    assert [f for f in report.findings if f.suppression is None and f.rule_id != "CL009"] == []


def test_reason_is_recorded(tmp_path: Path) -> None:
    report = lint_text(with_line(MSI + "  # cllint: disable=CL501 -- vendor image, v2"), tmp_path)
    (f,) = report.findings
    assert f.suppression is not None and f.suppression.justification == "vendor image, v2"


def test_file_wide(tmp_path: Path) -> None:
    text = "# cllint: disable-file=CL501 -- legacy\n" + BASE
    report = lint_text(text, tmp_path)
    assert [(f.rule_id, f.suppression is not None) for f in report.findings] == [("CL501", True)]


@pytest.mark.parametrize(
    ("replacement", "expected_cl009"),
    [
        # a comment on another line does not reach the finding: it is unused
        ("  # cllint: disable=CL501\n  x-note: y\n" + MSI, (MSI_LINE, 3)),
        # a trailing comment applies to its own line only
        (MSI + "\n  x-note: y  # cllint: disable=CL501", (MSI_LINE + 1, 14)),
        # the rule is named, but a different rule fired there
        (MSI + "  # cllint: disable=CL402", (MSI_LINE, 25)),
        # a directive that names no rule
        (MSI + "  # cllint: disable=CL999", (MSI_LINE, 25)),
    ],
    ids=["line-above-not-adjacent", "trailing-elsewhere", "other-rule", "unknown-rule"],
)
def test_unused_is_cl009_at_the_comment(
    tmp_path: Path, replacement: str, expected_cl009: tuple[int, int]
) -> None:
    report = lint_text(with_line(replacement), tmp_path)
    notes = [(f.line, f.column) for f in report.findings if f.rule_id == "CL009"]
    assert notes == [expected_cl009]
    (note,) = [f for f in report.findings if f.rule_id == "CL009"]
    assert note.severity.label == "note" and "cllint: disable" in note.source


def test_unused_is_not_judged_for_rules_that_did_not_run(tmp_path: Path) -> None:
    text = with_line(MSI + "\n  x-note: y  # cllint: disable=CL402")
    path = tmp_path / "inv.yaml"
    path.write_text(text, "utf-8")
    s = settings(base=tmp_path)
    s.rules = tuple(r for r in s.rules if r.id != "CL402")
    report = Linter(s).lint_path(path)
    assert [f.rule_id for f in report.findings] == ["CL501"]


def test_disable_file_cl009_silences_the_notes(tmp_path: Path) -> None:
    text = "# cllint: disable-file=CL009\n" + with_line(MSI + "  # cllint: disable=CL402")
    assert visible(text, tmp_path) == [("CL501", MSI_LINE + 1, 14)]


@pytest.mark.parametrize(
    "extra",
    [
        '  x-note: "# cllint: disable-file=CL501"',
        "  x-note: '# cllint: disable-file=CL501'",
        "  x-note: |\n    # cllint: disable-file=CL501",
        "  x-note: a # not a directive, cllint: disable-file=CL501",
    ],
    ids=["double-quoted", "single-quoted", "block-scalar", "not-at-comment-start"],
)
def test_comments_inside_strings_are_data(tmp_path: Path, extra: str) -> None:
    report = lint_text(with_line(MSI + "\n" + extra), tmp_path)
    assert [(f.rule_id, f.suppression) for f in report.findings] == [("CL501", None)]


def test_block_scalar_content_is_data() -> None:
    text = "a: |\n  # cllint: disable=CL501\nb: 1  # cllint: disable=CL402\n"
    assert [(d.line, d.column, d.terms) for d in parse(text)] == [(3, 7, ("CL402",))]


def test_broken_yaml_still_honours_comments_outside_quotes() -> None:
    text = (
        'a: "x # cllint: disable=CL1"\nb: [\n'
        "c: 1  # cllint: disable=CL2\nd: '# cllint: disable=CL3\n"
    )
    assert [d.terms for d in parse(text)] == [("CL2",)]


def test_json_has_no_comments(tmp_path: Path) -> None:
    data = json.dumps({"cluster": {"name": "# cllint: disable-file=CL101"}, "nodes": []})
    report = lint_text(data, tmp_path, name="inv.json")
    assert "CL009" not in {f.rule_id for f in report.findings}
    assert all(f.suppression is None for f in report.findings)


def test_formats_show_suppressed_findings_only_in_sarif(tmp_path: Path) -> None:
    text = with_line(MSI + "  # cllint: disable=CL501 -- vendor image")
    (tmp_path / "inv.yaml").write_text(text, "utf-8")
    s = settings(base=tmp_path)
    report = Report([Linter(s).lint_path(tmp_path / "inv.yaml")], rules=s.rules, base=tmp_path)
    sarif = json.loads(render("sarif", report))
    assert not list(sarif_validator().iter_errors(sarif))
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "CL501"
    assert result["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "vendor image"}
    ]
    assert json.loads(render("json", report)) == []
    assert json.loads(render("gitlab", report)) == []
    assert render("github", report) == ""
    assert render("text", report).endswith(
        "0 errors, 0 warnings in 0 files; 1 file checked; 1 suppressed\n"
    )


def test_suppressed_findings_do_not_fail_the_run(tmp_path: Path) -> None:
    (tmp_path / "inv.yaml").write_text(with_line(MSI + "  # cllint: disable=CL501"), "utf-8")
    run = run_cllint(["check", "inv.yaml"], cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    assert run.out.strip().endswith("; 1 suppressed")


def test_disable_file_reaches_findings_in_license_files(tmp_path: Path) -> None:
    renamed = BASE.replace("name: CTXLIC,", "name: CTXLICX,").replace(
        "license_server: CTXLIC,", "license_server: CTXLICX,"
    )
    report = lint_text(renamed, tmp_path)
    in_lic = [f for f in report.findings if f.file is not None]
    assert in_lic and {f.rule_id for f in in_lic} == {"CL405"}
    line_only = lint_text(renamed.replace(MSI, MSI + "  # cllint: disable=CL501,CL405"), tmp_path)
    assert all(f.suppression is None for f in line_only.findings if f.file is not None)
    report = lint_text("# cllint: disable-file=CL405 -- rehost pending\n" + renamed, tmp_path)
    hidden = [f for f in report.findings if f.file is not None]
    assert hidden and all(f.suppression is not None for f in hidden)
    assert "CL009" not in {f.rule_id for f in report.findings}
