"""GitHub workflow commands and GitLab Code Quality: golden outputs and escaping."""

from __future__ import annotations

import json
from pathlib import Path

from cllint.findings import Finding, Severity, Span, Suppression
from cllint.formats import Report, render
from cllint.formats.github_format import escape_data, escape_property
from cllint.lint.engine import FileReport
from cllint.settings.registry import all_rules
from helpers import ROOT, clean_inventory, run_cllint

GOLDEN = ROOT / "tests" / "golden" / "formats"


def finding(
    rule: str,
    name: str,
    severity: Severity,
    message: str,
    span: Span | None,
    path: str = "sites/a.yaml",
) -> Finding:
    f = Finding(rule, message, span=span)
    f.name, f.severity, f.path, f.fingerprint = name, severity, path, f"{rule.lower()}-fp"
    return f


def sample_report() -> Report:
    """One finding per severity, a hostile message and path, and a suppressed one."""
    hostile = finding(
        "CL402",
        "cap-name-too-long",
        Severity.ERROR,
        "100% sure\r\nsecond line: a, b \x1b[31mred\u202e",
        Span(3, 5, 3, 20),
        path="odd,dir/x:y.yaml",
    )
    warning = finding("CL103", "mixed-os", Severity.WARNING, "nodes differ", Span(7, 9, 8, 2))
    note = finding("CL706", "no-license-files", Severity.NOTE, "none listed", None)
    hidden = finding("CL501", "msi-installer", Severity.ERROR, "hidden", Span(9, 1, 9, 4))
    hidden.suppression = Suppression("inSource", "policy")
    files = [
        FileReport("odd,dir/x:y.yaml", findings=[hostile]),
        FileReport("sites/a.yaml", findings=[warning, note, hidden]),
    ]
    return Report(files=files, rules=all_rules())


def test_github_escape_data_and_property() -> None:
    assert escape_data("50% a:b,c\r\n") == "50%25 a:b,c%0D%0A"
    assert escape_property("50% a:b,c\r\n") == "50%25 a%3Ab%2Cc%0D%0A"
    # already-escaped looking text is escaped once more, never decoded
    assert escape_data("%0A") == "%250A"


def test_github_golden() -> None:
    out = render("github", sample_report())
    assert out == (GOLDEN / "github.txt").read_text(encoding="utf-8")
    lines = out.splitlines()
    assert len(lines) == 3  # the suppressed finding is left out
    assert lines[0].startswith("::error file=odd%2Cdir/x%3Ay.yaml,line=3,col=5,")
    assert lines[1].startswith("::warning ") and lines[2].startswith("::notice ")
    # control characters are shown as visible escapes, never emitted raw
    assert "\x1b" not in out and "\u202e" not in out and "\r" not in out
    assert "\\x1b[31mred\\u202e" in lines[0]


def test_gitlab_golden() -> None:
    out = render("gitlab", sample_report())
    assert out == (GOLDEN / "gitlab.json").read_text(encoding="utf-8")
    issues = json.loads(out)
    assert [i["severity"] for i in issues] == ["major", "minor", "info"]
    first = issues[0]
    assert set(first) >= {"description", "check_name", "fingerprint", "severity", "location"}
    assert first["location"] == {"path": "odd,dir/x:y.yaml", "lines": {"begin": 3, "end": 3}}
    assert first["fingerprint"] == "cl402-fp"
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def _bad(tmp_path: Path) -> Path:
    path = tmp_path / "inv.yaml"
    path.write_text(clean_inventory().replace("CitrixLicensing.exe", "setup.msi"), "utf-8")
    return path


def test_github_is_chosen_on_github_actions(tmp_path: Path) -> None:
    _bad(tmp_path)
    run = run_cllint(["check", "inv.yaml"], cwd=tmp_path, env={"GITHUB_ACTIONS": "true"})
    assert run.code == 1, run.err
    assert run.out.startswith(
        "::error file=inv.yaml,line=53,col=14,endLine=53,endColumn=23,"
        "title=CL501 msi-installer::installer 'setup.msi'"
    ), run.out
    explicit = run_cllint(
        ["check", "-f", "text", "inv.yaml"], cwd=tmp_path, env={"GITHUB_ACTIONS": "true"}
    )
    assert explicit.out.startswith("inv.yaml:53:14: CL501")


def test_fingerprint_is_shared_by_formats_and_the_baseline(tmp_path: Path) -> None:
    """JSON, GitLab, SARIF and the baseline carry the same line-independent fingerprint."""
    _bad(tmp_path)
    prints: dict[str, list[str]] = {}
    for fmt in ("json", "gitlab", "sarif"):
        data = json.loads(run_cllint(["check", "-f", fmt, "inv.yaml"], cwd=tmp_path).out)
        if fmt == "sarif":
            data = [r["partialFingerprints"] for r in data["runs"][0]["results"]]
            prints[fmt] = [p["cllint/v1"] for p in data]
        else:
            prints[fmt] = [i["fingerprint"] for i in data]
    run_cllint(["check", "-q", "inv.yaml", "--write-baseline", "b.json"], cwd=tmp_path)
    baseline = json.loads((tmp_path / "b.json").read_text("utf-8"))
    prints["baseline"] = [e["fingerprint"] for e in baseline["findings"]]
    assert prints["json"]
    assert prints["json"] == prints["gitlab"] == prints["sarif"] == prints["baseline"]
