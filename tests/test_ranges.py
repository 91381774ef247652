"""Exact ranges of findings on flow and block collections, in every format.

A block collection's YAML end mark is the next token, on a later line; a
range ends where the collection's last value does, so a finding on a
one-line ``- {name: NIC1, ...}`` ends on that line (text, SARIF, GitLab
``lines.end``, GitHub ``endLine``). GitHub annotations carry columns only
when they span one line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import EXAMPLES, ROOT, run_cllint

FIXTURES = ROOT / "tests" / "fixtures" / "rules"

# (file, rule, pointer, (line, column, end line, end column))
CASES = [
    # a block sequence holding one flow mapping on one line
    (FIXTURES / "cl301-fail-one-nic.yaml", "CL301", (39, 7, 39, 82)),
    # a block sequence of two one-line flow mappings
    (FIXTURES / "cl302-fail.yaml", "CL302", (42, 7, 43, 82)),
    # a block mapping (a node), ending at its last value, not at the next node
    (FIXTURES / "cl102-fail-missing-os.yaml", "CL102", (34, 5, 45, 23)),
    # a flow mapping value on one line
    (EXAMPLES / "everything-wrong" / "cluster.yaml", "CL108", (43, 15, 43, 38)),
]


def _one(items: list[dict[str, object]], rule: str, key: str) -> dict[str, object]:
    found = [i for i in items if i[key] == rule]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("path", "rule", "span"), CASES, ids=[c[1] for c in CASES])
def test_ranges_in_json_sarif_gitlab_and_github(
    path: Path, rule: str, span: tuple[int, int, int, int]
) -> None:
    line, column, end_line, end_column = span
    args = ["check", "--as-of", "2026-04-01", "--select", rule, path.name]

    found = _one(json.loads(run_cllint([*args, "-f", "json"], cwd=path.parent).out), rule, "rule")
    assert (found["line"], found["column"], found["end_line"], found["end_column"]) == span

    sarif = json.loads(run_cllint([*args, "-f", "sarif"], cwd=path.parent).out)
    results = sarif["runs"][0]["results"]
    result = _one(results, rule, "ruleId")
    region = result["locations"][0]["physicalLocation"]["region"]  # type: ignore[index]
    assert region == {
        "startLine": line,
        "startColumn": column,
        "endLine": end_line,
        "endColumn": end_column,
    }

    gitlab = json.loads(run_cllint([*args, "-f", "gitlab"], cwd=path.parent).out)
    issue = _one(gitlab, f"{rule} {found['name']}", "check_name")
    assert issue["location"]["lines"] == {"begin": line, "end": end_line}  # type: ignore[index]

    github = run_cllint([*args, "-f", "github"], cwd=path.parent).out.splitlines()
    (annotation,) = [a for a in github if f"title={rule}" in a]
    where = f"file={path.name},line={line},"
    if end_line == line:
        where += f"col={column},endLine={end_line},endColumn={end_column},"
    else:
        where += f"endLine={end_line},"  # no columns on a multi-line annotation
    assert where + "title=" in annotation


def test_text_underlines_a_one_line_flow_mapping_whole() -> None:
    path = FIXTURES / "cl301-fail-one-nic.yaml"
    run = run_cllint(["check", "--select", "CL301", path.name], cwd=path.parent)
    lines = run.out.splitlines()
    at = next(i for i, t in enumerate(lines) if t.startswith(f"{path.name}:39:7: CL301"))
    source, marks = lines[at + 1], lines[at + 2]
    assert source.startswith("   39 | ")
    assert marks.index("^") == source.index("- {")
    assert marks.count("^") == 82 - 7
