"""Property tests: broken inventories end in findings, never in a crash.

Every generated input must lint without an exception escaping the Linter and
without a rule crashing (``internal error`` findings), every finding must sit
inside the file, and the SARIF must validate against the OASIS schema. See
``hostile.py`` for the strategies and for how to run longer.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hostile import (
    FUZZ,
    check_invariants,
    clean_data,
    clean_pointers,
    deleted,
    dump,
    lint,
    mutated_inventories,
    replaced,
    yaml_values,
)
from hypothesis import given
from hypothesis import strategies as st

from helpers import EXAMPLES, run_cllint


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the examples (license files included) to lint the inventories in."""
    target = tmp_path_factory.mktemp("examples") / "examples"
    shutil.copytree(EXAMPLES, target)
    (target / ".git").mkdir()  # the root folder for license paths
    return target


def _check(text: str, folder: Path, reports: bool = True) -> None:
    raw = text.encode("utf-8")
    check_invariants(lint(raw, folder), raw, folder, reports)


def test_the_clean_example_meets_the_invariants(folder: Path) -> None:
    raw = dump(clean_data()).encode("utf-8")
    report = lint(raw, folder)
    assert report.findings == []
    check_invariants(report, raw, folder)


@FUZZ
@given(text=mutated_inventories())
def test_mutated_inventories(folder: Path, text: str) -> None:
    _check(text, folder)


@FUZZ
@given(pointer=st.sampled_from(clean_pointers()), value=yaml_values)
def test_any_value_at_any_pointer(folder: Path, pointer: str, value: Any) -> None:
    _check(dump(replaced(clean_data(), pointer, value)), folder)


@FUZZ
@given(value=yaml_values, key=st.sampled_from(["cluster", "nodes", "licensing", "products"]))
def test_any_value_as_a_top_level_section(folder: Path, value: Any, key: str) -> None:
    _check(dump(replaced(clean_data(), f"/{key}", value)), folder)
    _check(dump({key: value}), folder)


@FUZZ
@given(value=yaml_values)
def test_any_document(folder: Path, value: Any) -> None:
    _check(dump(value), folder)


# Every field, one at a time, with a value of each wrong kind: the model builder
# must survive whatever the schema rejects (a node that is a string, nics that is
# a mapping, ports that is a list, hardware with nested values...).
WRONG: list[Any] = [
    None,
    True,
    -1,
    2**70,
    1.5,
    float("nan"),
    "",
    "text",
    "\x1b[31mred",
    [],
    [1, "a", None],
    [[[]]],
    {},
    {"a": {"b": [1, {"c": None}]}},
]


@pytest.mark.parametrize("pointer", clean_pointers())
def test_every_field_with_every_wrong_type(folder: Path, pointer: str) -> None:
    for value in WRONG:
        _check(dump(replaced(clean_data(), pointer, value)), folder, reports=False)
    _check(dump(deleted(clean_data(), pointer)), folder)


@FUZZ.__class__(FUZZ, max_examples=min(FUZZ.max_examples, 6))
@given(text=mutated_inventories(), fmt=st.sampled_from(["text", "json", "sarif", "github"]))
def test_the_command_exits_0_1_or_2_without_a_traceback(folder: Path, text: str, fmt: str) -> None:
    run = run_cllint(["check", "-f", fmt, "-"], cwd=folder, stdin=text.encode("utf-8"))
    assert run.code in (0, 1, 2)
    assert "Traceback" not in run.err


@FUZZ
@given(pointer=st.sampled_from(clean_pointers()), value=yaml_values)
def test_the_model_builder_survives_without_the_schema(pointer: str, value: Any) -> None:
    """Even told nothing is invalid, the builder type-checks every field itself."""
    from cllint import model

    data = replaced(clean_data(), pointer, value)
    inventory = model.build(data)
    assert inventory.pointer == ""
