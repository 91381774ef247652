"""Editors show the schema's titles and descriptions: every property must have both."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

from helpers import run_cllint


def load(name: str) -> dict[str, Any]:
    text = resources.files("cllint.schemas").joinpath(name).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref``; keywords beside it win (as in JSON Schema 2020-12)."""
    ref = node.get("$ref")
    if not isinstance(ref, str):
        return node
    target: Any = schema
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    return {**resolve(schema, target), **{k: v for k, v in node.items() if k != "$ref"}}


def properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of every object in the schema, with its path."""

    def walk(node: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
        if isinstance(node, dict):
            for key, sub in node.get("properties", {}).items():
                yield f"{path}/{key}", sub
            for key, sub in node.items():
                yield from walk(sub, f"{path}/{key}")
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                yield from walk(sub, f"{path}/{i}")

    return walk(schema, "")


def test_walker_sees_the_whole_inventory_schema() -> None:
    paths = [p for p, _ in properties(load("inventory.schema.json"))]
    assert "/cluster" in paths
    assert any(p.endswith("/client_access_point") for p in paths)
    assert len(paths) > 40


@pytest.mark.parametrize("name", ["inventory.schema.json", "config.schema.json"])
def test_every_property_has_a_title_and_a_description(name: str) -> None:
    schema = load(name)
    # the configuration's keys are documented in the README's table; descriptions suffice
    wanted = ("title", "description") if name.startswith("inventory") else ("description",)
    missing = []
    for path, node in properties(schema):
        full = resolve(schema, node)
        for keyword in wanted:
            if not str(full.get(keyword, "")).strip():
                missing.append(f"{path}: {keyword}")
    assert not missing, missing


def test_schema_command_prints_the_shipped_schema() -> None:
    run = run_cllint(["schema"])
    assert run.code == 0
    assert json.loads(run.out) == load("inventory.schema.json")
