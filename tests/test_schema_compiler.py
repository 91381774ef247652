"""The compiled inventory validator reports exactly what jsonschema reports.

jsonschema is the reference: thousands of documents made by mutating the clean
example (wrong types, bad formats, missing and unknown keys, odd numbers) are
validated by both, and every error must agree in validator, path, instance,
message and the schema it came from, and so in the CL002 findings made of it.
"""

from __future__ import annotations

import copy
import json
import math
import random
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from cllint.inventory import schema
from cllint.inventory.schema_compiler import (
    MAX_ERRORS,
    CompiledValidator,
    TooManyErrors,
    Unsupported,
    compile_schema,
)
from helpers import CLEAN_EXAMPLE

VALUES: list[Any] = [
    "",
    "x",
    "F",
    "f",
    "FF",
    "Public",
    "10.10.1.0/24",
    "10.10.1.5/24",
    "10.10.1.5",
    "::1",
    "fe80::/10",
    "300.1.1.1",
    "11.17.2",
    "11.17.2.0 build 40000",
    "11.x",
    "F:\\Licensing",
    "Program Files",
    "static",
    "dhcp",
    "public",
    "inbound",
    "udp",
    "csv",
    "dns",
    "x" * 80,
    -1,
    0,
    1,
    2,
    8083,
    65535,
    65536,
    1.5,
    0.0,
    1.0,
    27000.0,
    -0.5,
    math.inf,
    True,
    False,
    None,
    [],
    {},
    ["dns", "wins"],
    ["nis"],
    [1, "a"],
    {"port": 27000},
    {"program": "lmgrd.exe"},
    {"port": 1, "program": "a"},
    {"name": "only"},
    {"x-note": 1},
]
KEYS = ["nmae", "Name", "x-owner", "name", "port", "program", "drive", "extra key", "a/b~c"]


def clean() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(CLEAN_EXAMPLE.read_text(encoding="utf-8"))
    return data


def containers(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from containers(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from containers(v, (*path, i))


def mutate(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    doc = copy.deepcopy(data)
    for _ in range(rng.randint(1, 4)):
        places = list(containers(doc))
        path, value = rng.choice(places)
        action = rng.random()
        if isinstance(value, dict) and action < 0.25:
            value[rng.choice(KEYS)] = copy.deepcopy(rng.choice(VALUES))
        elif isinstance(value, dict) and value and action < 0.45:
            del value[rng.choice(list(value))]
        elif isinstance(value, list) and action < 0.4:
            value.append(copy.deepcopy(rng.choice([*VALUES, *(v for _, v in places[:5])])))
        elif path:
            parent: Any = doc
            for part in path[:-1]:
                parent = parent[part]
            parent[path[-1]] = copy.deepcopy(rng.choice(VALUES))
    return doc


def described(errors: Iterator[Any]) -> list[tuple[Any, ...]]:
    """Errors in the order CL002 uses (by path; ties keep the validator's order)."""
    rows = [
        (
            list(e.absolute_path),
            e.validator,
            e.message,
            json.dumps(e.instance, sort_keys=True, default=str),
            json.dumps(e.validator_value, sort_keys=True, default=str),
            json.dumps(e.schema, sort_keys=True),
        )
        for e in errors
    ]
    rows.sort(key=lambda r: schema.pointer_of(r[0]))
    return rows


def cl002(errors: Iterator[Any]) -> list[tuple[str, str, bool]]:
    found = [m for e in errors for m in schema._messages(e)]
    return sorted(found, key=lambda m: m[0])


def test_the_inventory_schema_is_compiled_not_delegated() -> None:
    assert isinstance(schema.compiled(), CompiledValidator)
    assert schema.compiled() is schema.compiled()  # built once per process


def test_the_clean_example_is_valid_for_both() -> None:
    data = clean()
    assert list(schema.compiled().iter_errors(data)) == []
    assert list(schema.validator().iter_errors(data)) == []


@pytest.mark.parametrize("seed", range(4))
def test_both_validators_report_the_same_errors(seed: int) -> None:
    rng = random.Random(seed)
    base = clean()
    reference, compiled = schema.validator(), schema.compiled()
    with_errors = 0
    for _ in range(250):
        doc = mutate(base, rng)
        expected = list(reference.iter_errors(doc))
        got = list(compiled.iter_errors(doc))
        assert described(iter(got)) == described(iter(expected)), json.dumps(doc, default=str)
        assert cl002(iter(got)) == cl002(iter(expected))
        with_errors += bool(expected)
    assert with_errors > 150  # the mutations do make invalid documents


@pytest.mark.parametrize(
    "value",
    [None, True, 1, 1.0, "text", [], {}, [{}], {"version": True}, {"nodes": [None, 3]}],
    ids=repr,
)
def test_both_agree_on_odd_whole_documents(value: Any) -> None:
    expected = list(schema.validator().iter_errors(value))
    got = list(schema.compiled().iter_errors(value))
    assert described(iter(got)) == described(iter(expected))


def test_a_keyword_outside_the_subset_is_refused() -> None:
    with pytest.raises(Unsupported):
        compile_schema({"type": "array", "uniqueItems": True})
    with pytest.raises(Unsupported):
        compile_schema({"$ref": "https://example.com/other.json"})
    with pytest.raises(Unsupported):
        compile_schema({"properties": {"a": {"$id": "other", "type": "string"}}})


def test_annotations_are_ignored_as_jsonschema_ignores_them() -> None:
    validator = compile_schema(
        {"$id": "x", "markdownDescription": "**a**", "x-editor": 1, "type": "object"}
    )
    assert validator.is_valid({}) and not validator.is_valid([])


def test_very_many_errors_stop_the_compiled_walk() -> None:
    validator = compile_schema({"type": "array", "items": {"type": "string"}})
    with pytest.raises(TooManyErrors):
        validator.iter_errors(list(range(MAX_ERRORS + 2)))
    # schema_findings falls back to the lazy reference and honours its limit.
    data = clean()
    data["nodes"] = [{"name": 1}] * (MAX_ERRORS + 2)
    findings, _ = schema.schema_findings(data, limit=50)
    assert 0 < len(findings) <= 51
