"""The rule registry: built-in list, third-party entry points, crashing rules."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

from cllint.findings import Finding, Severity
from cllint.formats.rule_docs import missing_sections
from cllint.lint.engine import Linter
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.settings.registry import all_rules, builtin_rules
from helpers import clean_inventory, settings, write_inventory


class Exploding(Rule):
    """A rule that always raises."""

    id = "XX001"
    name = "exploding"
    severity = Severity.WARNING
    summary = "raises"

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        raise ZeroDivisionError("boom")


def test_a_crashing_rule_is_a_finding_and_the_run_goes_on(tmp_path: Path) -> None:
    path = write_inventory(tmp_path, clean_inventory().replace("CitrixLicensing.exe", "a.msi"))
    s = settings(base=tmp_path)
    s.rules = (*s.rules, Exploding)
    report = Linter(s).lint_path(path)
    crash = [f for f in report.findings if f.rule_id == "XX001"]
    assert len(crash) == 1
    assert crash[0].message.startswith("internal error in rule XX001 (exploding): ZeroDivision")
    assert (crash[0].line, crash[0].column) == (3, 1)
    assert any(f.rule_id == "CL501" for f in report.findings)


def test_builtin_ids_and_names_are_unique_and_documented() -> None:
    rules = builtin_rules()
    assert len({r.id for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
    for rule in rules:
        assert rule.summary, rule.id
        assert missing_sections(rule) == [], rule.id
    assert [r.id for r in all_rules()] == sorted(r.id for r in rules)


def test_third_party_rules_come_from_entry_points(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "acme_rules.py").write_text(
        textwrap.dedent(
            '''
            from cllint.findings import Severity
            from cllint.rule import Rule

            class NoTest(Rule):
                """Cluster names must not contain TEST."""
                id = "ACME001"
                name = "no-test-clusters"
                severity = Severity.WARNING
                summary = "the cluster name contains TEST"

                def check(self, inventory, ctx):
                    c = inventory.cluster
                    if c is not None and c.name and "TEST" in c.name:
                        yield self.at(c.ptr("name"), "test cluster")

            class Broken:
                pass
            '''
        ),
        encoding="utf-8",
    )
    dist = site / "acme_rules-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-rules\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(
        "[cllint.rules]\nacme = acme_rules:NoTest\nbroken = acme_rules:Broken\n"
        "missing = acme_rules:Nope\n"
    )
    text = clean_inventory().replace("name: CTXCLU01", "name: CTXTEST01")
    inv = write_inventory(tmp_path, text, "a.yaml")
    env_path = f"{site}"
    proc = subprocess.run(
        [sys.executable, "-m", "cllint", "check", str(inv), "--select", "ACME"],
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr  # a warning does not fail the run
    assert "a.yaml:5:9: ACME001 [warning] no-test-clusters: test cluster" in proc.stdout
    assert "cannot load rule plugin 'missing'" in proc.stderr
    assert "rule plugin 'broken' is not a Rule subclass" in proc.stderr
    assert "Traceback" not in proc.stderr
