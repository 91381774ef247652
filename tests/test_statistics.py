"""check --statistics: per-rule counts, most first, as text or as its own JSON shape."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from helpers import ROOT, run_cllint

TARGET = ["--as-of", "2026-06-01", "examples/everything-wrong"]


def _findings() -> list[dict[str, str]]:
    run = run_cllint(["check", "-f", "json", *TARGET], ROOT)
    items: list[dict[str, str]] = json.loads(run.out)
    return items


def test_text_counts_every_rule_most_first() -> None:
    run = run_cllint(["check", "--statistics", *TARGET], ROOT)
    assert run.code == 1, run.err  # the exit status still follows --fail-on
    lines = run.out.splitlines()
    assert lines[:3] == [
        "4  CL708  error    file-licensing-retired",
        "3  CL601  error    firewall-port-missing",
        "2  CL207  error    license-dir-not-default",
    ]
    rows = [line.split() for line in lines]
    counts = Counter(f["rule"] for f in _findings())
    assert {r[1]: int(r[0]) for r in rows} == counts
    assert [(-int(r[0]), r[1]) for r in rows] == sorted((-int(r[0]), r[1]) for r in rows)
    assert "CL009  note     unused-suppression" in run.out


def test_json_is_its_own_shape(tmp_path: Path) -> None:
    out = tmp_path / "stats.json"
    run = run_cllint(["check", "--statistics", "-f", "json", "-o", str(out), *TARGET], ROOT)
    assert run.code == 1, run.err
    items = json.loads(out.read_text("utf-8"))
    assert items[0] == {
        "rule": "CL708",
        "name": "file-licensing-retired",
        "severity": "error",
        "count": 4,
    }
    assert all(set(i) == {"rule", "name", "severity", "count"} for i in items)
    assert sum(i["count"] for i in items) == len(_findings())


def test_suppressed_findings_are_not_counted(tmp_path: Path) -> None:
    baseline = tmp_path / "b.json"
    run_cllint(["check", "-q", "--write-baseline", str(baseline), *TARGET], ROOT)
    run = run_cllint(["check", "--statistics", "--baseline", str(baseline), *TARGET], ROOT)
    assert (run.code, run.out) == (0, "")
    run = run_cllint(["check", "--statistics", "-f", "json", "--baseline", str(baseline), *TARGET])
    assert json.loads(run.out) == []


def test_other_formats_are_refused_and_ci_defaults_stay_text() -> None:
    run = run_cllint(["check", "--statistics", "-f", "sarif", *TARGET], ROOT)
    assert run.code == 2
    assert run.err == "cllint: error: --statistics prints text or json, not sarif\n"
    for env in ({"GITHUB_ACTIONS": "true"}, {"TF_BUILD": "True"}):
        run = run_cllint(["check", "--statistics", *TARGET], ROOT, env)
        assert run.out.startswith("4  CL708  error    file-licensing-retired\n"), env
