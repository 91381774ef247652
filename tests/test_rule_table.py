"""The generated rule table matches the rule modules, and a run imports only what it runs."""

from __future__ import annotations

import sys
from pathlib import Path

from cllint.settings.registry import builtin_entries, builtin_rules, catalog, lookup_entry
from helpers import ROOT, load_script


def test_the_rule_table_is_up_to_date() -> None:
    script = load_script("rule_table")
    current = (ROOT / "rules" / "catalog.py").read_text(encoding="utf-8")
    assert current == script.render(), (
        f"rules/catalog.py is stale; regenerate it with: {script.COMMAND}"
    )


def test_the_table_says_what_the_rule_classes_say() -> None:
    entries = {e.id: e for e in builtin_entries()}
    rules = {r.id: r for r in builtin_rules()}
    assert entries.keys() == rules.keys()
    for rule_id, rule in rules.items():
        entry = entries[rule_id]
        assert (entry.name, entry.severity, entry.summary) == (
            rule.name,
            rule.severity,
            rule.summary,
        )
        assert (entry.online, entry.engine, dict(entry.options), entry.tags) == (
            rule.online,
            rule.engine,
            dict(rule.options),
            tuple(rule.tags),
        )
        assert entry.load() is rule


def test_a_rule_module_missing_from_the_table_still_runs(tmp_path: Path) -> None:
    """A new rule works before the table is regenerated (its module is imported)."""
    import subprocess

    code = (
        "import sys, cllint.rules.catalog as c\n"
        "c.TABLE = tuple(r for r in c.TABLE if r[0] != 'CL101')\n"
        "from cllint.settings.registry import catalog, lookup_entry\n"
        "assert 'cllint.rules.cl101_too_few_nodes' not in sys.modules\n"
        "e = lookup_entry('CL101')\n"
        "assert e is not None and e.name == 'too-few-nodes', e\n"
        "assert len(catalog()) == len(c.TABLE) + 1\n"
        "print('ok')\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert proc.stdout.strip() == "ok", proc.stderr


def test_listing_and_looking_up_import_no_rule_module() -> None:
    import subprocess

    code = (
        "import sys\n"
        "from cllint.settings.registry import catalog, lookup_entry\n"
        "assert len(catalog()) > 50 and lookup_entry('cap-unresolvable').id == 'CL901'\n"
        "print(sorted(m for m in sys.modules if m.startswith('cllint.rules.cl')))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "[]", proc.stderr
    assert lookup_entry("CL901") is not None and catalog()
