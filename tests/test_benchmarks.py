"""Micro-benchmarks of the hot functions (pytest-benchmark).

``pyproject.toml`` passes ``--benchmark-disable``, so in the normal test run
each of these runs once as a plain test (and checks its result); run
``python3 -m pytest tests/test_benchmarks.py --benchmark-enable`` to time
them. ``bench/bench.py`` measures whole runs against yamllint.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

from cllint import model
from cllint.formats import Report, render
from cllint.inventory.loader import load_bytes
from cllint.inventory.schema import schema_findings
from cllint.lint.engine import FileReport, Linter
from cllint.rule import Context, Rule
from cllint.settings.registry import all_rules
from helpers import AS_OF, CLEAN_EXAMPLE, ROOT, clean_inventory, settings

T = TypeVar("T")
Bench = Callable[..., Any]


def many_nodes(count: int) -> str:
    """The clean example with ``count`` nodes (each a copy of the first, renamed)."""
    text = clean_inventory()
    start = text.index("  - name: CTXLIC-N1")
    end = text.index("  - name: CTXLIC-N2")
    node = text[start:end]
    nodes = "".join(
        node.replace("CTXLIC-N1", f"CTXLIC-N{i}").replace(
            "10.10.1.11/", f"10.10.{i // 250}.{i % 250 + 1}/"
        )
        for i in range(1, count + 1)
    )
    body = text[:start] + nodes + text[text.index("licensing:") :]
    return body.replace("10.10.1.0/24", "10.10.0.0/16")


@pytest.fixture(scope="module")
def big() -> bytes:
    return many_nodes(200).encode()


def run(benchmark: Bench, fn: Callable[..., T], *args: Any) -> T:
    result: T = benchmark(fn, *args)
    return result


def test_load(benchmark: Bench, big: bytes) -> None:
    loaded = run(benchmark, load_bytes, big)
    assert loaded.findings == []
    assert len(loaded.documents[0].data["nodes"]) == 200


def test_schema_validation(benchmark: Bench, big: bytes) -> None:
    data = load_bytes(big).documents[0].data
    findings, invalid = run(benchmark, schema_findings, data)
    assert findings == [] and invalid == set()


def test_schema_validation_of_a_broken_document(benchmark: Bench, big: bytes) -> None:
    data = load_bytes(big.replace(b"addressing: static", b"addressing: fixed")).documents[0].data
    findings, _ = run(benchmark, schema_findings, data)
    assert len(findings) == 400 and {f.rule_id for f in findings} == {"CL002"}


def test_model_build(benchmark: Bench, big: bytes) -> None:
    doc = load_bytes(big).documents[0]
    inventory = run(benchmark, model.build, doc.data, (), doc.raw)
    assert len(inventory.nodes) == 200
    assert inventory.node("ctxlic-n200") is inventory.nodes[-1]


RULES = [r for r in all_rules() if not r.engine and not r.online]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule(benchmark: Bench, rule: type[Rule], big: bytes) -> None:
    doc = load_bytes(big).documents[0]
    inventory = model.build(doc.data, (), doc.raw)
    linter = Linter(settings(base=ROOT))
    ctx = Context(
        path=CLEAN_EXAMPLE,
        root=ROOT,
        as_of=AS_OF,
        base=ROOT,
        options=linter.settings.options,
        services={**linter.services, "document": doc},
    )
    checker = rule()
    findings = run(benchmark, lambda: list(checker.check(inventory, ctx)))
    assert all(f.rule_id == rule.id for f in findings)


def test_lint_one_file(benchmark: Bench) -> None:
    linter = Linter(settings(base=ROOT))
    report = run(benchmark, linter.lint_path, CLEAN_EXAMPLE)
    assert report.findings == [] and report.skipped is None


@pytest.fixture(scope="module")
def report() -> Report:
    linter = Linter(settings(base=ROOT))
    files: list[FileReport] = [
        linter.lint_path(path) for path in sorted((ROOT / "tests/fixtures/rules").glob("*.yaml"))
    ]
    return Report(files=files, rules=all_rules(), base=ROOT)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_formatter(benchmark: Bench, report: Report, fmt: str) -> None:
    text = run(benchmark, render, fmt, report)
    assert "CL002" in text


def test_the_corpus_builder_makes_valid_inventories(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(many_nodes(3), encoding="utf-8")
    report = Linter(settings(base=tmp_path)).lint_path(path)
    assert [f.rule_id for f in report.findings if f.rule_id == "CL002"] == []
