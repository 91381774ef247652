"""Report formats: SARIF against the OASIS schema, JSON fields, stable fingerprints."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from cllint.formats import Report, render
from cllint.lint.engine import Linter
from helpers import SARIF_SCHEMA, clean_inventory, settings, write_inventory

BAD = (
    clean_inventory()
    .replace("installer: CitrixLicensing.exe", "installer: setup.msi")
    .replace("validation: passed", "validation: failed")
)


@functools.cache
def sarif_validator() -> Any:
    from jsonschema import Draft4Validator

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return Draft4Validator(schema)


def report_for(tmp_path: Path, text: str, name: str = "inv.yaml") -> Report:
    write_inventory(tmp_path, text, name)
    s = settings(base=tmp_path)
    files = [Linter(s).lint_path(tmp_path / name)]
    return Report(files=files, rules=s.rules, base=tmp_path)


def test_sarif_validates_and_has_what_code_scanning_needs(tmp_path: Path) -> None:
    sarif = json.loads(render("sarif", report_for(tmp_path, BAD)))
    errors = sorted(sarif_validator().iter_errors(sarif), key=str)
    assert not errors, errors[0].message
    run = sarif["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "cllint" and driver["version"] and driver["informationUri"]
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(ids) and "CL104" in ids
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert rule["properties"]["tags"]
    assert run["automationDetails"]["id"] == "cllint/"
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [("CL104", "error"), ("CL501", "error")]
    for result in results:
        assert ids[result["ruleIndex"]] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "inv.yaml", "uriBaseId": "%SRCROOT%"}
        assert result["partialFingerprints"]["cllint/v1"]
    region = results[1]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 53, "startColumn": 14, "endLine": 53, "endColumn": 23}


def test_sarif_uri_is_percent_encoded_relative_posix(tmp_path: Path) -> None:
    (tmp_path / "my folder").mkdir()
    sarif = json.loads(render("sarif", report_for(tmp_path, BAD, "my folder/a b.yaml")))
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri == {"uri": "my%20folder/a%20b.yaml", "uriBaseId": "%SRCROOT%"}


def test_sarif_with_no_findings_still_validates(tmp_path: Path) -> None:
    sarif = json.loads(render("sarif", report_for(tmp_path, clean_inventory())))
    assert not list(sarif_validator().iter_errors(sarif))
    assert sarif["runs"][0]["results"] == []


def test_json_is_a_documented_list_of_findings(tmp_path: Path) -> None:
    items = json.loads(render("json", report_for(tmp_path, BAD)))
    assert isinstance(items, list)
    assert items[1] == {
        "path": "inv.yaml",
        "line": 53,
        "column": 14,
        "end_line": 53,
        "end_column": 23,
        "rule": "CL501",
        "name": "msi-installer",
        "severity": "error",
        "message": "installer 'setup.msi' is an .msi, which does not support clustering; "
        "use CitrixLicensing.exe",
        "fingerprint": items[1]["fingerprint"],
    }
    assert len(items[1]["fingerprint"]) == 32


@pytest.mark.parametrize("fmt", ["sarif", "json"])
def test_fingerprints_survive_moved_lines(tmp_path: Path, fmt: str) -> None:
    def fingerprints(text: str) -> list[str]:
        data = json.loads(render(fmt, report_for(tmp_path, text)))
        if fmt == "json":
            return [i["fingerprint"] for i in data]
        return [r["partialFingerprints"]["cllint/v1"] for r in data["runs"][0]["results"]]

    before = fingerprints(BAD)
    after = fingerprints("# a new comment\n# and another\n" + BAD)
    assert before == after
    changed = fingerprints(BAD.replace("setup.msi", "other.msi"))
    assert changed[0] == before[0] and changed[1] != before[1]


def test_text_escapes_control_characters(tmp_path: Path) -> None:
    text = BAD.replace("installer: setup.msi", 'installer: "\\e[31mred\\r.msi"')
    out = render("text", report_for(tmp_path, text))
    assert "\x1b" not in out and "\r" not in out
    assert "installer '\\x1b[31mred\\x0d.msi'" in out


def test_long_values_are_quoted_as_short_excerpts(tmp_path: Path) -> None:
    text = BAD.replace("installer: setup.msi", "installer: " + "a" * 5000 + ".msi")
    report = report_for(tmp_path, text)
    message = next(f.message for f in report.findings() if f.rule_id == "CL501")
    assert len(message) < 200
