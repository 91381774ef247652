"""One runner for every rule fixture in ``tests/fixtures/rules``.

A fixture is a whole inventory whose expected findings are written next to
the offending line, so positions are checked exactly and any extra finding
fails the test:

- ``# expect: CL402@31`` on a line: a CL402 finding at this line, column 31
  (several: ``# expect: CL402@31 CL406@31``);
- ``# expect-at: 12:5 CL101`` anywhere: a finding at line 12, column 5 (for
  lines that cannot carry a comment); ``# expect-at: licenses/x.lic:3:1 CL702``
  for a finding in another file (path relative to the fixture's folder);
- ``# fixture: {"as_of": "2026-06-01", "options": {...}}`` (JSON) sets the
  check date and rule options.

Names are ``<id>-fail[-what].yaml`` / ``<id>-pass[-what].yaml``; every rule
needs at least one of each.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from cllint.settings.registry import all_rules
from helpers import AS_OF, ROOT, lint_file

FIXTURES = ROOT / "tests" / "fixtures" / "rules"
EXPECT = re.compile(r"#\s*expect:\s*(.+)$")
EXPECT_AT = re.compile(r"#\s*expect-at:\s*(?:(\S+?):)?(\d+):(\d+)\s+(CL\d{3})\s*$")
ITEM = re.compile(r"(CL\d{3})@(\d+)")
SETUP = re.compile(r"#\s*fixture:\s*(\{.*\})\s*$")

Expected = tuple[str, str, int, int]  # (file, rule, line, column)


def fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURES.glob("*.y*ml"))


def expectations(path: Path) -> tuple[set[Expected], dict[str, object]]:
    expected: set[Expected] = set()
    setup: dict[str, object] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if m := SETUP.search(line):
            setup = json.loads(m.group(1))
        if m := EXPECT_AT.search(line):
            other = m.group(1)
            file = (path.parent / other).resolve().relative_to(ROOT).as_posix() if other else ""
            expected.add((file, m.group(4), int(m.group(2)), int(m.group(3))))
        elif m := EXPECT.search(line):
            for rule, column in ITEM.findall(m.group(1)):
                expected.add(("", rule, number, int(column)))
    return expected, setup


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: p.name)
def test_fixture(path: Path) -> None:
    expected, setup = expectations(path)
    as_of = dt.date.fromisoformat(str(setup.get("as_of", AS_OF.isoformat())))
    options = setup.get("options", {})
    assert isinstance(options, dict)
    report = lint_file(path, as_of=as_of, options=options)
    assert report.skipped is None, report.skipped
    shown = path.relative_to(ROOT).as_posix()
    found = {
        ("" if f.path == shown else f.path, f.rule_id, f.line, f.column)
        for f in report.findings
        if f.suppression is None  # suppressed in the source: not reported
    }
    messages = {(f.rule_id, f.line, f.column): f.message for f in report.findings}
    assert found == expected, "\n".join(
        [f"unexpected: {x} {messages.get(x[1:], '')}" for x in sorted(found - expected)]
        + [f"missing:    {x}" for x in sorted(expected - found)]
    )
    kind = path.stem.split("-")[1]
    rule_id = path.stem.split("-")[0].upper()
    hits = {x for x in found if x[1] == rule_id}
    if kind == "fail":
        assert hits, f"{path.name} is a failing fixture but {rule_id} did not fire"
    else:
        assert not hits, f"{path.name} is a passing fixture but {rule_id} fired"


def test_every_rule_has_a_failing_and_a_passing_fixture() -> None:
    names = {p.name for p in fixture_files()}
    missing = []
    for rule in all_rules():
        if rule.online:
            # Fixtures are linted without --resolve. Each online (CL9) rule is shown
            # firing and passing at its exact line and column against a real DNS
            # server in test_online.py instead.
            continue
        for kind in ("fail", "pass"):
            if not any(n.startswith(f"{rule.id.lower()}-{kind}") for n in names):
                missing.append(f"{rule.id.lower()}-{kind}.yaml")
    assert not missing, f"missing fixtures: {missing}"
