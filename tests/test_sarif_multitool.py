"""cllint's SARIF passes Microsoft's SARIF multitool (``validate``) with the rules
of the SARIF spec and GitHub code scanning, and in Azure Pipelines with those of
GitHub Advanced Security for Azure DevOps: 0 errors, 0 warnings.

The reports come from the real command over the inputs whose SARIF differs:
every rule fixture (findings in inventories and in license files, CL001-CL003 on
broken files), examples/everything-wrong/, in-source suppressions with and
without a reason, baselined findings, file names with spaces, ``%``, ``#``,
``;``, ``[]`` and non-ASCII letters, and a clean run with no results.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any

import node_tools
import pytest

from helpers import EXAMPLES, ROOT, SARIF_SCHEMA, clean_inventory, run_cllint

AS_OF = ["--as-of", "2026-06-01"]
ODD_NAMES = ["odd dir/a b;c]#%[1].yaml", "ünïcødé.yaml"]

# Azure Pipelines' predefined variables, as an agent sets them.
PIPELINE = {
    "TF_BUILD": "True",
    "SYSTEM_COLLECTIONURI": "https://dev.azure.com/contoso/",
    "SYSTEM_TEAMPROJECT": "Infrastructure",
    "SYSTEM_DEFINITIONID": "42",
    "BUILD_DEFINITIONNAME": "cllint CI",
    "SYSTEM_PHASEID": "c041ccde-92b7-5163-1d93-b1c06077f4b4",
    "SYSTEM_PHASENAME": "Linux",
    "BUILD_SOURCEBRANCH": "refs/heads/main",
    "BUILD_BUILDID": "1234",
}


def _sarif(args: list[str], cwd: Path, out: Path, env: dict[str, str] | None = None) -> Path:
    run = run_cllint(["check", "-q", "-f", "sarif", "-o", str(out), *AS_OF, *args], cwd, env)
    assert run.code in (0, 1), run.err
    return out


def _reports(tmp_path: Path) -> dict[str, Path]:
    """One SARIF file per kind of input; name → path."""
    out = tmp_path / "sarif"
    out.mkdir()
    reports = {
        "fixtures": _sarif(["tests/fixtures/rules"], ROOT, out / "fixtures.sarif"),
        "everything-wrong": _sarif([str(EXAMPLES / "everything-wrong")], ROOT, out / "ew.sarif"),
    }
    work = tmp_path / "repo"
    shutil.copytree(EXAMPLES / "licenses", work / "licenses")
    bad = clean_inventory().replace("installer: CitrixLicensing.exe", "installer: setup.msi")
    suppressed = bad.replace(
        "installer: setup.msi", "installer: setup.msi  # cllint: disable=CL501 -- MSI by policy"
    )
    (work / "suppressed.yaml").write_text(suppressed, "utf-8")
    for name in ODD_NAMES:
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(bad, "utf-8")
    reports["suppressions-and-odd-names"] = _sarif(["."], work, out / "odd.sarif")
    run_cllint(["check", "-q", *AS_OF, "--write-baseline", "b.json", "."], work)
    (work / "suppressed.yaml").write_text(bad.replace("CTXLIC-N1", "CTXLIC-N9"), "utf-8")
    reports["baseline"] = _sarif(["--baseline", "b.json", "."], work, out / "baseline.sarif")
    clean = tmp_path / "clean"
    shutil.copytree(EXAMPLES / "licenses", clean / "licenses")
    (clean / "inv.yaml").write_text(clean_inventory(), "utf-8")
    reports["clean"] = _sarif(["inv.yaml"], clean, out / "clean.sarif")
    return reports


def _validate(files: list[Path], rule_kind: str, tmp_path: Path) -> dict[str, set[str]]:
    """Run ``Sarif.Multitool validate``; return file name → {"RULE level", ...}."""
    result = tmp_path / f"validation-{rule_kind.replace(';', '-')}.sarif"
    env = {
        "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1",  # no ICU needed on a slim machine
        "DOTNET_CLI_TELEMETRY_OPTOUT": "1",
        "DOTNET_BUNDLE_EXTRACT_BASE_DIR": str(tmp_path / "dotnet"),
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    tool = node_tools.sarif_multitool()
    args = ["validate", "--rule-kind", rule_kind, "-o", str(result), *map(str, files)]
    proc = subprocess.run(
        [str(tool), *args],
        capture_output=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()
    log: dict[str, Any] = json.loads(result.read_text("utf-8-sig"))
    (run,) = log["runs"]
    assert all(i["executionSuccessful"] for i in run["invocations"])
    found: dict[str, set[str]] = defaultdict(set)
    for r in run.get("results", []):
        level = r.get("level", "warning")  # SARIF's default level
        if level in ("error", "warning"):
            uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            found[uri.rsplit("/", 1)[-1]].add(f"{r['ruleId']} {level}")
    return found


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _reports(tmp_path_factory.mktemp("multitool"))


def test_the_reports_cover_what_they_claim(reports: dict[str, Path]) -> None:
    """The inputs really produce the SARIF features the validation is about."""
    from jsonschema import Draft4Validator

    schema = Draft4Validator(json.loads(SARIF_SCHEMA.read_text("utf-8")))
    runs = {k: json.loads(p.read_text("utf-8"))["runs"][0] for k, p in reports.items()}
    for key, run in runs.items():
        assert not list(schema.iter_errors({"version": "2.1.0", "runs": [run]})), key
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for run in runs.values()
        for r in run["results"]
    }
    assert any(u.endswith(".lic") for u in uris)  # findings in license files
    assert "odd%20dir/a%20b%3Bc%5D%23%25%5B1%5D.yaml" in uris
    assert "%C3%BCn%C3%AFc%C3%B8d%C3%A9.yaml" in uris
    kinds = {
        (key, s["kind"], bool(s.get("justification")))
        for key, run in runs.items()
        for r in run["results"]
        for s in r.get("suppressions", [])
    }
    assert ("suppressions-and-odd-names", "inSource", True) in kinds
    assert ("fixtures", "inSource", False) in kinds  # a suppression without a reason
    assert ("baseline", "external", True) in kinds
    assert any("suppressions" not in r for r in runs["baseline"]["results"])  # a new finding
    assert runs["clean"]["results"] == []


def test_sarif_and_github_rules_pass(reports: dict[str, Path], tmp_path: Path) -> None:
    broken = tmp_path / "broken-control.sarif"  # proves the validator reads our files
    data = json.loads(reports["everything-wrong"].read_text("utf-8"))
    del data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"]
    broken.write_text(json.dumps(data), "utf-8")
    found = _validate([*reports.values(), broken], "Sarif;Gh", tmp_path)
    assert "SARIF1007 error" in found.pop(broken.name)
    assert dict(found) == {}


def test_azure_devops_rules_pass_in_a_pipeline(tmp_path: Path) -> None:
    inside = _sarif(
        [str(EXAMPLES / "everything-wrong")], ROOT, tmp_path / "pipeline.sarif", PIPELINE
    )
    outside = _sarif([str(EXAMPLES / "everything-wrong")], ROOT, tmp_path / "laptop.sarif")
    run = json.loads(inside.read_text("utf-8"))["runs"][0]
    assert run["tool"]["driver"]["fullName"].startswith("cllint ")
    assert run["automationDetails"] == {
        "id": "azuredevops/pipeline/build/contoso/Infrastructure/42/"
        "c041ccde-92b7-5163-1d93-b1c06077f4b4/refs/heads/main/1234",
        "properties": {
            "azuredevops/pipeline/build/buildDefinitionId": "42",
            "azuredevops/pipeline/build/buildDefinitionName": "cllint CI",
            "azuredevops/pipeline/build/phaseId": "c041ccde-92b7-5163-1d93-b1c06077f4b4",
            "azuredevops/pipeline/build/phaseName": "Linux",
        },
    }
    found = _validate([inside, outside], "Sarif;Gh;Ado", tmp_path)
    assert "pipeline.sarif" not in found
    # Outside a pipeline the build definition and phase are unknown (README: SARIF)
    assert found["laptop.sarif"] == {"GHAzDO1019 error", "GHAzDO1020 error"}
