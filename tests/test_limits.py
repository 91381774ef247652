"""Input limits: each one ends in a CL001 finding that names it, and each is set in config.

Run through the real command with a ``.cllint.yaml`` holding ``limits:``, so
the wiring from the configuration to the loader is what is tested.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cllint.inventory.loader import Limits
from helpers import clean_inventory, run_cllint

DEFAULTS = Limits()


def _check(tmp_path: Path, limits: str, text: str | bytes) -> list[dict[str, object]]:
    (tmp_path / ".cllint.yaml").write_text(f"limits: {{{limits}}}\n" if limits else "")
    raw = text.encode("utf-8") if isinstance(text, str) else text
    (tmp_path / "inventory.yaml").write_bytes(raw)
    run = run_cllint(["check", "-f", "json", "inventory.yaml"], cwd=tmp_path)
    assert run.code == 1, run.err
    assert run.err == ""
    found: list[dict[str, object]] = json.loads(run.out)
    return found


def _cl001(found: list[dict[str, object]]) -> list[tuple[int, int, str]]:
    return [
        (int(str(f["line"])), int(str(f["column"])), str(f["message"]))
        for f in found
        if f["rule"] == "CL001"
    ]


def test_the_defaults() -> None:
    assert (
        Limits(
            max_bytes=10 * 1024 * 1024,
            max_depth=64,
            max_nodes=250_000,
            max_documents=100,
            max_findings=10_000,
        )
        == DEFAULTS
    )


def test_max_file_size(tmp_path: Path) -> None:
    text = clean_inventory()
    found = _check(tmp_path, "max-file-size: 1000", text)
    # Only max-file-size + 1 bytes are ever read: the size shown is that lower bound.
    assert (
        found[0]["message"] == "file is 1001 bytes, over the 1000-byte limit (limit max-file-size)"
    )
    assert _cl001(found) == [(1, 1, str(found[0]["message"]))] and len(found) == 1


def test_max_file_size_default(tmp_path: Path) -> None:
    raw = b"cluster:\n  name: " + b"A" * DEFAULTS.max_bytes + b"\n"
    found = _check(tmp_path, "", raw)
    assert len(found) == 1
    assert found[0]["rule"] == "CL001" and "(limit max-file-size)" in str(found[0]["message"])


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("cluster:\n  name: x\n  x-deep: [[[[1]]]]\n", (3, 13)),  # flow
        ("cluster:\n  x-deep:\n    - - - - 1\n", (3, 9)),  # block sequences
        ("cluster:\n  a:\n    b:\n      c:\n        d: 1\n", (5, 9)),  # block mappings
    ],
    ids=["flow", "block-list", "block-map"],
)
def test_max_depth(tmp_path: Path, text: str, where: tuple[int, int]) -> None:
    found = _check(tmp_path, "max-depth: 4", text)
    assert _cl001(found) == [(*where, "nesting deeper than 4 levels (limit max-depth)")]


@pytest.mark.parametrize(
    "text", ["[" * 100_000 + "]" * 100_000, "- " * 100_000 + "x\n"], ids=["flow", "block"]
)
def test_100000_deep_nesting_stops_at_the_default_depth(tmp_path: Path, text: str) -> None:
    found = _check(tmp_path, "", "cluster: " + text if text[0] == "[" else "nodes:\n" + text)
    assert len(found) == 1
    assert "nesting deeper than 64 levels (limit max-depth)" in str(found[0]["message"])


def test_max_nodes_counts_values(tmp_path: Path) -> None:
    found = _check(tmp_path, "max-nodes: 5", "cluster: {name: a, domain: b}\nnodes: [1, 2]\n")
    # root, cluster, 'a', 'b', the list, then 1 is the sixth value
    assert _cl001(found) == [(2, 9, "more than 5 values (limit max-nodes)")]


def test_max_nodes_counts_what_aliases_expand_to(tmp_path: Path) -> None:
    text = "cluster:\n  x-a: &a [1, 2, 3, 4]\n  x-b: [*a, *a, *a]\n"
    found = _check(tmp_path, "max-nodes: 12", text)
    # 8 values before the first *a, which adds 5
    assert _cl001(found) == [(3, 9, "aliases expand to more than 12 values (limit max-nodes)")]


def test_billion_laughs_is_stopped_by_the_default(tmp_path: Path) -> None:
    lines = ["cluster:", "  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        lines.append(f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    found = _check(tmp_path, "", "\n".join(lines) + "\n")
    # a0..a4 make 123,457 values with the root; each *a4 adds 111,111: refused at a5's second.
    assert _cl001(found) == [(7, 17, "aliases expand to more than 250000 values (limit max-nodes)")]


def test_max_documents(tmp_path: Path) -> None:
    text = "cluster: {}\n---\ncluster: {}\n---\ncluster: {}\n"
    found = _check(tmp_path, "max-documents: 2", text)
    assert _cl001(found) == [(4, 1, "more than 2 documents in one file (limit max-documents)")]


def test_max_findings(tmp_path: Path) -> None:
    text = "version: 1\ncluster: {name: a}\nlicensing: {}\nnodes: [1, 2, 3, 4, 5, 6]\n"
    found = _check(tmp_path, "max-findings: 3", text)
    assert len(found) == 4
    assert _cl001(found) == [
        (1, 1, "more than 3 findings in this file; the rest are not reported (limit max-findings)")
    ]


def test_max_findings_bounds_aliased_garbage(tmp_path: Path) -> None:
    """200 aliases of a mapping with 999 unknown keys: 200,000 CL002 findings unbounded."""
    big = ", ".join(f"k{i}: v" for i in range(999))
    text = f"version: 1\nx-big: &big {{{big}}}\nnodes:\n" + "  - *big\n" * 200
    found = _check(tmp_path, "", text)
    assert len(found) == DEFAULTS.max_findings + 1
    assert _cl001(found)[0][2].startswith(f"more than {DEFAULTS.max_findings} findings")


def test_limits_in_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.cllint.limits]\nmax-documents = 1\n")
    (tmp_path / "inventory.yaml").write_text("cluster: {}\n---\ncluster: {}\n")
    run = run_cllint(["check", "-f", "json", "inventory.yaml"], cwd=tmp_path)
    assert run.code == 1
    assert "(limit max-documents)" in json.loads(run.out)[0]["message"]


@pytest.mark.parametrize(
    "limits", ["max-depth: 0", "max-depth: 1001", "max-nodes: x", "max-findings: -1"]
)
def test_bad_limits_are_exit_2(tmp_path: Path, limits: str) -> None:
    (tmp_path / ".cllint.yaml").write_text(f"limits: {{{limits}}}\n")
    (tmp_path / "inventory.yaml").write_text(clean_inventory())
    run = run_cllint(["check", "inventory.yaml"], cwd=tmp_path)
    assert run.code == 2
    assert run.err.count("\n") == 1 and "limits." in run.err


def test_standard_input_is_read_only_up_to_the_limit(tmp_path: Path) -> None:
    (tmp_path / ".cllint.yaml").write_text("limits: {max-file-size: 1000}\n")
    run = run_cllint(["check", "-f", "json", "-"], cwd=tmp_path, stdin=b"x" * 50_000_000)
    assert run.code == 1
    found = json.loads(run.out)
    assert [(f["path"], f["rule"], f["message"]) for f in found] == [
        (
            "<stdin>",
            "CL001",
            "file is 1001 bytes, over the 1000-byte limit (limit max-file-size)",
        )
    ]
