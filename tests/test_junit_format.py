"""JUnit XML: valid against the JUnit schema of Jenkins' xUnit plugin (vendored in
tests/schemas/) and read back by junitparser with the right counts."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

import pytest
import xmlschema
from junitparser import Failure, JUnitXml, Skipped

from cllint.findings import Finding, Severity, Span, Suppression
from cllint.formats import Report, render
from cllint.lint.engine import FileReport
from cllint.settings.registry import all_rules
from helpers import EXAMPLES, ROOT, run_cllint

SCHEMA = ROOT / "tests" / "schemas" / "junit-10.xsd"
AS_OF = ["--as-of", "2026-06-01"]


@functools.cache
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMA))


def _run(fmt: str, target: str, extra: tuple[str, ...] = ()) -> str:
    run = run_cllint(["check", "-q", "-f", fmt, *AS_OF, *extra, target], ROOT)
    assert run.code in (0, 1), run.err
    return run.out


def _expected(target: str) -> dict[str, dict[str, int]]:
    """Per file: findings reported and suppressed, from the SARIF of the same run."""
    sarif = json.loads(_run("sarif", target))
    counts: dict[str, dict[str, int]] = {}
    for r in sarif["runs"][0]["results"]:
        kind = "skipped" if r.get("suppressions") else "failures"
        counts.setdefault(r["ruleId"], {"failures": 0, "skipped": 0})[kind] += 1
    return counts


@pytest.mark.parametrize("target", ["tests/fixtures/rules", "examples/everything-wrong"])
def test_validates_and_round_trips_through_junitparser(tmp_path: Path, target: str) -> None:
    text = _run("junit", target)
    schema().validate(text)
    path = tmp_path / "report.xml"
    path.write_text(text, "utf-8")
    xml = JUnitXml.fromfile(str(path))
    enabled = len([r for r in all_rules() if not r.online])
    by_rule: dict[str, dict[str, int]] = {}
    suites = list(xml)
    assert suites and len({s.name for s in suites}) == len(suites)
    listed = json.loads(_run("json", target))
    for suite in suites:
        recorded = (suite.tests, suite.failures, suite.errors, suite.skipped)
        suite.update_statistics()  # type: ignore[no-untyped-call]  # junitparser counts
        assert recorded == (suite.tests, suite.failures, suite.errors, suite.skipped)
        assert suite.tests == enabled, suite.name
        for case in suite:
            rule = case.name.split(" ", 1)[0]
            assert case.classname == suite.name
            entry = by_rule.setdefault(rule, {"failures": 0, "skipped": 0})
            for result in case.result:
                if isinstance(result, Failure):
                    entry["failures"] += 1
                    assert result.type in ("error", "warning", "note")
                    assert result.message and result.text.startswith(case.name)
                else:
                    assert isinstance(result, Skipped)
                    entry["skipped"] += 1
    assert xml.failures == sum(s.failures for s in suites) == len(listed)
    expected = _expected(target)
    assert {k: v for k, v in by_rule.items() if any(v.values())} == expected
    assert sum(v["skipped"] for v in expected.values()) > 0 or target.startswith("examples")


def test_a_failure_names_rule_severity_location_and_message() -> None:
    text = _run("junit", str(EXAMPLES / "everything-wrong"))
    xml: Any = schema().to_dict(text)
    suite = next(
        s for s in xml["testsuite"] if s["@name"].endswith("everything-wrong/cluster.yaml")
    )
    case = next(c for c in suite["testcase"] if c["@name"] == "CL104 cluster-not-validated")
    (failure,) = case["failure"]
    assert failure["@type"] == "error"
    assert failure["@message"].startswith(
        "examples/everything-wrong/cluster.yaml:13:15: cluster validation is 'not-run'"
    )
    assert failure["$"].splitlines()[:2] == [
        "CL104 cluster-not-validated [error]",
        "examples/everything-wrong/cluster.yaml:13:15",
    ]
    passing = next(c for c in suite["testcase"] if c["@name"] == "CL001 yaml-syntax")
    assert set(passing) == {"@name", "@classname", "@file"}  # no finding: the case passes


def test_hostile_values_and_undecodable_names_stay_valid_xml(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9\x1b]]>&<x>.yaml")
    f = Finding("CL402", "a\x00b\x1b[31m\ufffe\udcff ]]> </failure> &amp;", span=Span(1, 2, 1, 3))
    f.name, f.severity, f.path = "cap-name-too-long", Severity.ERROR, name
    hidden = Finding("CL501", "hidden", span=Span(2, 1, 2, 2))
    hidden.name, hidden.path = "msi-installer", name
    hidden.suppression = Suppression("inSource", "policy \x07 <b>")
    report = Report(files=[FileReport(name, findings=[f, hidden])], rules=all_rules())
    text = render("junit", report)
    text.encode("utf-8")
    data: Any = schema().to_dict(text)
    (suite,) = data["testsuite"]
    assert suite["@name"] == "caf\\xe9\\x1b]]>&<x>.yaml"
    assert (suite["@tests"], suite["@failures"], suite["@skipped"]) == (
        str(len(all_rules())),
        "1",
        "1",
    )
    cases = {c["@name"]: c for c in suite["testcase"]}
    failure = cases["CL402 cap-name-too-long"]["failure"][0]
    assert failure["@message"].endswith("a\\x00b\\x1b[31m\\ufffe\\xff ]]> </failure> &amp;")
    skipped = cases["CL501 msi-installer"]["skipped"][0]
    assert skipped["@message"] == "suppressed (in source): policy \\x07 <b>"
