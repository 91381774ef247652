"""Azure Pipelines logging commands: golden output, escaping, Microsoft's own
parser reading them back, and TF_BUILD choosing the format."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import node_tools
import pytest

from cllint.findings import Finding, Severity, Span, Suppression
from cllint.formats import Report, render
from cllint.formats.azure_format import escape_data, escape_property
from cllint.lint.engine import FileReport
from cllint.settings.registry import all_rules
from helpers import ROOT, clean_inventory, run_cllint

GOLDEN = ROOT / "tests" / "golden" / "formats" / "azure.txt"
READER = ROOT / "tests" / "node" / "read_azure_commands.js"

# Every class of character the escaping treats differently, in a message and in a path.
CONTROLS = "nul\x00 bel\x07 esc\x1b[31m tab\t del\x7f nel\x85 csi\x9b rlo\u202e ls\u2028"
HOSTILE_MESSAGE = (
    f"{CONTROLS} cr\r lf\n 100% ;semi ]bracket %AZP25 ##vso[task.complete result=Failed]"
)
HOSTILE_PATH = "odd;dir]/x%y=z\x1b.yaml"
UNDECODABLE_PATH = os.fsdecode(b"caf\xe9.yaml")


def finding(
    rule: str, name: str, severity: Severity, message: str, span: Span | None, path: str
) -> Finding:
    f = Finding(rule, message, span=span)
    f.name, f.severity, f.path, f.fingerprint = name, severity, path, f"{rule.lower()}-fp"
    return f


def sample_report() -> Report:
    hostile = finding(
        "CL402",
        "cap-name-too-long",
        Severity.ERROR,
        HOSTILE_MESSAGE,
        Span(3, 5, 3, 20),
        HOSTILE_PATH,
    )
    undecodable = finding(
        "CL501",
        "msi-installer",
        Severity.ERROR,
        "installer 'a\udce9.msi'",
        Span(2, 1, 2, 4),
        UNDECODABLE_PATH,
    )
    warning = finding(
        "CL103", "mixed-os", Severity.WARNING, "nodes differ", Span(7, 9, 8, 2), "a.yaml"
    )
    note = finding("CL706", "no-license-files", Severity.NOTE, "none listed", None, "a.yaml")
    hidden = finding("CL501", "msi-installer", Severity.ERROR, "hidden", Span(9, 1, 9, 4), "a.yaml")
    hidden.suppression = Suppression("inSource", "policy")
    files = [
        FileReport(HOSTILE_PATH, findings=[hostile]),
        FileReport(UNDECODABLE_PATH, findings=[undecodable]),
        FileReport("a.yaml", findings=[warning, note, hidden]),
    ]
    return Report(files=files, rules=all_rules())


def test_escape_data_and_property() -> None:
    assert escape_data("50% a;b]c\r\n") == "50%AZP25 a;b]c%0D%0A"
    assert escape_property("50% a;b]c\r\n") == "50%AZP25 a%3Bb%5Dc%0D%0A"
    # already-escaped looking text is escaped once more, never decoded
    assert escape_property("%3B%AZP25") == "%AZP253B%AZP25AZP25"


def test_golden() -> None:
    out = render("azure", sample_report())
    assert out == GOLDEN.read_text(encoding="utf-8")
    lines = out.splitlines()
    assert len(lines) == 4  # the suppressed finding is left out
    assert lines[0].startswith(
        "##vso[task.logissue type=error;sourcepath=odd%3Bdir%5D/x%AZP25y=z\\x1b.yaml;"
        "linenumber=3;columnnumber=5;code=CL402]CL402 cap-name-too-long: "
    )
    assert lines[1].startswith("##vso[task.logissue type=error;sourcepath=caf\\xe9.yaml;")
    assert lines[2].startswith("##vso[task.logissue type=warning;sourcepath=a.yaml;linenumber=7;")
    assert lines[3] == (
        "##vso[task.logissue type=warning;sourcepath=a.yaml;linenumber=1;columnnumber=1;"
        "code=CL706]note: CL706 no-license-files: none listed"
    )
    # every control character is shown as a visible escape, never emitted raw
    for ch in "\x00\x07\x1b\x7f\x85\x9b\u202e\u2028\r":
        assert ch not in out
    assert "\t" in lines[0]  # TAB is harmless in a log line, as in the text format
    body = lines[0].split("]", 1)[1]
    assert (
        "nul\\x00 bel\\x07 esc\\x1b[31m tab\t del\\x7f nel\\x85 csi\\x9b rlo\\u202e ls\\u2028"
        in body
    )
    assert "cr%0D lf%0A 100%AZP25 ;semi ]bracket %AZP25AZP25 ##vso[task.complete" in body
    out.encode("utf-8")  # no lone surrogate from the undecodable file name


def test_microsofts_task_lib_reads_the_commands_back() -> None:
    """azure-pipelines-task-lib's own parser gets back exactly what was meant."""
    node_tools.azure_task_lib()
    out = render("azure", sample_report())
    proc = subprocess.run(
        [str(node_tools.node()), str(READER)],
        input=out.encode("utf-8"),
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    commands = json.loads(proc.stdout)
    assert [c["command"] for c in commands] == ["task.logissue"] * 4
    first = commands[0]
    assert first["properties"] == {
        "type": "error",
        "sourcepath": "odd;dir]/x%y=z\\x1b.yaml",
        "linenumber": "3",
        "columnnumber": "5",
        "code": "CL402",
    }
    assert first["message"] == (
        "CL402 cap-name-too-long: nul\\x00 bel\\x07 esc\\x1b[31m tab\t del\\x7f nel\\x85 "
        "csi\\x9b rlo\\u202e ls\\u2028 cr\r lf\n 100% ;semi ]bracket %AZP25 "
        "##vso[task.complete result=Failed]"
    )
    assert commands[1]["properties"]["sourcepath"] == "caf\\xe9.yaml"
    assert commands[1]["message"] == "CL501 msi-installer: installer 'a\\xe9.msi'"
    assert [c["properties"]["type"] for c in commands] == ["error", "error", "warning", "warning"]


def _bad(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "examples" / "licenses", tmp_path / "licenses")
    path = tmp_path / "inv.yaml"
    path.write_text(clean_inventory().replace("CitrixLicensing.exe", "setup.msi"), "utf-8")
    return path


EXPECTED = (
    "##vso[task.logissue type=error;sourcepath=inv.yaml;linenumber=53;columnnumber=14;"
    "code=CL501]CL501 msi-installer: installer 'setup.msi'"
)


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["check", "inv.yaml"], id="fast-path"),
        pytest.param(["check", "--fail-on", "error", "inv.yaml"], id="click"),
    ],
)
def test_azure_is_chosen_on_azure_pipelines(tmp_path: Path, args: list[str]) -> None:
    _bad(tmp_path)
    run = run_cllint(args, cwd=tmp_path, env={"TF_BUILD": "True"})
    assert run.code == 1, run.err
    assert run.out.startswith(EXPECTED), run.out
    assert len(run.out.splitlines()) == 1


def test_an_explicit_format_or_another_ci_wins_over_tf_build(tmp_path: Path) -> None:
    _bad(tmp_path)
    explicit = run_cllint(
        ["check", "-f", "text", "inv.yaml"], cwd=tmp_path, env={"TF_BUILD": "True"}
    )
    assert explicit.out.startswith("inv.yaml:53:14: CL501")
    # Azure Pipelines sets exactly "True"; anything else is not Azure Pipelines
    other = run_cllint(["check", "inv.yaml"], cwd=tmp_path, env={"TF_BUILD": "1"})
    assert other.out.startswith("inv.yaml:53:14: CL501")
    both = run_cllint(
        ["check", "inv.yaml"], cwd=tmp_path, env={"TF_BUILD": "True", "GITHUB_ACTIONS": "true"}
    )
    assert both.out.startswith("::error file=inv.yaml,line=53,col=14,")
