"""SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.

Built from plain dicts (no SARIF library needed) and validated against the
OASIS schema in the tests. Locations are relative POSIX URIs under
``%SRCROOT%`` so the report is portable; fingerprints never include line
numbers, so moving unrelated lines does not reopen alerts.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from urllib.parse import quote

from cllint import __version__
from cllint.files.terminal import json_names
from cllint.findings import Finding, Severity
from cllint.formats import Report
from cllint.formats.rule_docs import explain_text, parse
from cllint.rule import Rule

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any

INFORMATION_URI = "https://github.com/cllint/cllint"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}


def _descriptor(rule: type[Rule]) -> dict[str, Any]:
    doc = parse(rule)
    help_md = [f"**{rule.id} {rule.name}** – {doc.title}", ""]
    for section in ("What", "Why", "How to fix"):
        if doc.get(section):
            help_md += [f"**{section}.** {doc.get(section)}", ""]
    for section in ("Failing example", "Passing example"):
        if doc.get(section):
            help_md += [f"**{section}**", "", "```yaml", doc.get(section), "```", ""]
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": doc.title},
        "fullDescription": {"text": rule.summary},
        "help": {"text": explain_text(rule), "markdown": "\n".join(help_md).strip()},
        "helpUri": f"{INFORMATION_URI}/blob/main/docs/rules.md#{rule.id.lower()}-{rule.name}",
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": [*rule.tags, rule.id[:3]]},
    }


def _uri(path: str) -> dict[str, str]:
    # the name's own bytes, percent-encoded: a name that is not UTF-8 stays exact
    raw = path.encode("utf-8", "surrogateescape")
    if path.startswith("/"):
        return {"uri": "file://" + quote(raw)}
    return {"uri": quote(raw), "uriBaseId": "%SRCROOT%"}


def _result(f: Finding, index: int) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": max(f.line, 1), "startColumn": max(f.column, 1)}
    if f.span is not None:
        end_line = max(f.span.end_line, region["startLine"])
        end_col = f.span.end_column
        if end_line > region["startLine"] or end_col > region["startColumn"]:
            region["endLine"] = end_line
            region["endColumn"] = max(end_col, 1)
    result: dict[str, Any] = {
        "ruleId": f.rule_id,
        "ruleIndex": index,
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": _uri(f.path), "region": region}}],
        "partialFingerprints": {"cllint/v1": f.fingerprint},
    }
    if f.suppression is not None:
        sup: dict[str, Any] = {"kind": f.suppression.kind, "status": "accepted"}
        if f.suppression.justification:
            sup["justification"] = f.suppression.justification
        result["suppressions"] = [sup]
    return result


_ADO_PREFIX = "azuredevops/pipeline/build/"


def _ado_properties(environ: Mapping[str, str]) -> dict[str, str] | None:
    """The pipeline facts GitHub Advanced Security for Azure DevOps files a run under.

    Read from Azure Pipelines' predefined variables; None outside a pipeline or
    when one of the four it requires is not set (a job falls back to its job id
    and name, as a deployment job has no phase variables).
    """
    if environ.get("TF_BUILD") != "True":
        return None
    values = {
        "buildDefinitionId": environ.get("SYSTEM_DEFINITIONID", ""),
        "buildDefinitionName": environ.get("BUILD_DEFINITIONNAME", ""),
        "phaseId": environ.get("SYSTEM_PHASEID") or environ.get("SYSTEM_JOBID", ""),
        "phaseName": environ.get("SYSTEM_PHASENAME") or environ.get("SYSTEM_JOBNAME", ""),
    }
    if not all(values.values()):
        return None
    return {_ADO_PREFIX + key: value for key, value in values.items()}


def _automation(environ: Mapping[str, str]) -> dict[str, Any]:
    """``cllint/`` (GitHub's category), or in Azure Pipelines the pipeline's identity.

    The Azure form is ``azuredevops/pipeline/build/<organization>/<project>/
    <definition id>/<phase id>/<branch>/<build id>`` with the four properties
    Advanced Security requires.
    """
    properties = _ado_properties(environ)
    if properties is None:
        return {"id": "cllint/"}
    organization = environ.get("SYSTEM_COLLECTIONURI", "").rstrip("/").rsplit("/", 1)[-1]
    parts = [
        organization,
        environ.get("SYSTEM_TEAMPROJECT", ""),
        properties[_ADO_PREFIX + "buildDefinitionId"],
        properties[_ADO_PREFIX + "phaseId"],
        environ.get("BUILD_SOURCEBRANCH", ""),
        environ.get("BUILD_BUILDID", ""),
    ]
    return {"id": _ADO_PREFIX + "/".join(parts), "properties": properties}


def build(report: Report) -> dict[str, Any]:
    rules = list(report.rules)
    index = {r.id: i for i, r in enumerate(rules)}
    results = [
        _result(f, index[f.rule_id])
        for f in report.findings(include_suppressed=True)
        if f.rule_id in index
    ]
    base = report.base.resolve().as_uri().rstrip("/") + "/"
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cllint",
                        "fullName": f"cllint {__version__}",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_descriptor(r) for r in rules],
                    }
                },
                "automationDetails": _automation(report.environ),
                "originalUriBaseIds": {"%SRCROOT%": {"uri": base}},
                "columnKind": "unicodeCodePoints",
                "results": results,
                "invocations": [{"executionSuccessful": True}],
            }
        ],
    }


def render(report: Report) -> str:
    return json_names(json.dumps(build(report), indent=2, ensure_ascii=False)) + "\n"
