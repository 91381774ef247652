"""JUnit XML for Jenkins, Azure DevOps' Tests tab and GitLab's test report.

Each inventory file is a ``<testsuite>``; each enabled rule is a
``<testcase>`` in it (named ``CL402 cap-name-too-long``, its class name the
file's path), which passes when the rule found nothing there. Each finding is
a ``<failure>`` of its rule's test case (``type`` its severity, ``message``
``path:line:col: message``), a suppressed or baselined one a ``<skipped>``
with the reason. Counts on ``<testsuite>`` and ``<testsuites>`` count those
elements, as junitparser and Jenkins' xUnit tooling do. Files that are not
inventories (skipped by the walk) have no test suite.

Jenkins' JUnit plugin shows only the first failure of a test case in its
page; each failure's text names its location, so none is lost in the file.

XML 1.0 cannot hold most control characters nor a lone surrogate (a
non-UTF-8 file name), so values are shown with visible escapes first.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from cllint.findings import Finding
from cllint.formats import Report
from cllint.formats.visible import visible as _visible
from cllint.lint.engine import FileReport

_NOT_XML = re.compile("[\ufffe\uffff]")  # the two non-characters XML 1.0 excludes


def visible(text: str) -> str:
    """``text`` as XML 1.0 can hold it, with visible escapes for what it cannot."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group(0)):04x}", _visible(text))


def _where(f: Finding) -> str:
    return f"{f.path}:{f.line}:{f.column}"


def _failure(case: ET.Element, f: Finding) -> None:
    text = f"{f.rule_id} {f.name} [{f.severity.label}]\n{_where(f)}\n{f.message}"
    if f.suppression is not None:
        reason = f.suppression.justification or "no reason given"
        kind = "in source" if f.suppression.kind == "inSource" else "baseline"
        element = ET.SubElement(case, "skipped", message=visible(f"suppressed ({kind}): {reason}"))
    else:
        element = ET.SubElement(
            case, "failure", type=f.severity.label, message=visible(f"{_where(f)}: {f.message}")
        )
    element.text = "\n".join(visible(line) for line in text.split("\n"))


def _suite(file: FileReport, report: Report) -> tuple[ET.Element, dict[str, int]]:
    path = visible(file.path)
    by_rule: dict[str, list[Finding]] = {r.id: [] for r in report.rules}
    names = {r.id: r.name for r in report.rules}
    for f in file.findings:
        by_rule.setdefault(f.rule_id, []).append(f)
        names.setdefault(f.rule_id, f.name)
    suite = ET.Element("testsuite", name=path, file=path)
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for rule_id, findings in by_rule.items():
        case = ET.SubElement(
            suite, "testcase", name=f"{rule_id} {names[rule_id]}", classname=path, file=path
        )
        totals["tests"] += 1
        for f in findings:
            _failure(case, f)
            totals["skipped" if f.suppression is not None else "failures"] += 1
    for key, value in totals.items():
        suite.set(key, str(value))
    return suite, totals


def render(report: Report) -> str:
    root = ET.Element("testsuites", name="cllint")
    sums = {"tests": 0, "failures": 0, "errors": 0}
    for file in report.files:
        if file.skipped is not None:
            continue
        suite, totals = _suite(file, report)
        root.append(suite)
        for key in sums:
            sums[key] += totals[key]
    for key, value in sums.items():
        root.set(key, str(value))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
