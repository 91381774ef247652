"""Shared pieces of the hostile-input tests: hypothesis settings, strategies, invariants.

The property tests start from the clean example inventory and break it in
every way a pull request could: any value at any JSON pointer replaced by an
arbitrary YAML value, keys deleted, keys duplicated, the text truncated or
its bytes flipped. Whatever comes in, the invariants below must hold.

Run length: the default run is short (CI). ``CLLINT_FUZZ_EXAMPLES=5000
python3 -m pytest tests/test_property_inventories.py tests/test_fuzz_targets.py``
runs a long one.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from cllint.findings import Finding
from cllint.formats import Report, render
from cllint.inventory.loader import load_text
from cllint.lint.engine import FileReport, Linter
from helpers import CLEAN_EXAMPLE, SARIF_SCHEMA
from helpers import settings as lint_settings

EXAMPLES = int(os.environ.get("CLLINT_FUZZ_EXAMPLES", "100"))
"""Examples per property test; raise it for a long local run."""

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # a test run writes nothing into the working tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def clean_text() -> str:
    return CLEAN_EXAMPLE.read_text(encoding="utf-8")


@functools.cache
def clean_data() -> Any:
    return load_text(clean_text()).documents[0].data


def pointers(data: Any, prefix: str = "") -> Iterator[str]:
    """Every JSON pointer in ``data`` (the root excluded)."""
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return
    for key, value in items:
        here = f"{prefix}/{str(key).replace('~', '~0').replace('/', '~1')}"
        yield here
        yield from pointers(value, here)


@functools.cache
def clean_pointers() -> tuple[str, ...]:
    return tuple(pointers(clean_data()))


def _parent(data: Any, pointer: str) -> tuple[Any, str | int]:
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer[1:].split("/")]
    current = data
    for part in parts[:-1]:
        current = current[int(part)] if isinstance(current, list) else current[part]
    last = parts[-1]
    return current, (int(last) if isinstance(current, list) else last)


def replaced(data: Any, pointer: str, value: Any) -> Any:
    """A deep copy of ``data`` with the value at ``pointer`` replaced."""
    data = copy.deepcopy(data)
    parent, key = _parent(data, pointer)
    parent[key] = value
    return data


def deleted(data: Any, pointer: str) -> Any:
    """A deep copy of ``data`` without the value at ``pointer``."""
    data = copy.deepcopy(data)
    parent, key = _parent(data, pointer)
    del parent[key]
    return data


_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(data: Any) -> str:
    """YAML text for ``data``; non-printable characters come out as escapes."""
    text: str = yaml.dump(
        data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=1_000_000
    )
    return text


# Text with the characters a hostile file would carry: controls, bidi, NEL, NUL.
hostile_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
        st.sampled_from(["\x1b", "\x00", "\x07", "\x7f", "\x85", "\x9b", "\u202e", "\u2066"]),
        st.sampled_from(["\r", "\n", "\t", ":", "-", "#", "&", "*", "!", "%", "'", '"']),
    ),
    max_size=40,
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**80), max_value=10**80),
    st.floats(allow_nan=True, allow_infinity=True),
    hostile_text,
    st.sampled_from(
        ["10.10.1.50", "10.10.1.0/24", "::1", "F", "F:\\x", "11.17.2", "CTXLIC", "x" * 300]
    ),
)

yaml_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(hostile_text, inner, max_size=4),
    ),
    max_leaves=12,
)


@st.composite
def mutated_inventories(draw: st.DrawFn) -> str:
    """The clean example with a few values replaced, keys deleted or duplicated."""
    data = clean_data()
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        available = list(pointers(data))
        if not available:
            break
        pointer = draw(st.sampled_from(available))
        if draw(st.integers(0, 3)) == 0:
            data = deleted(data, pointer)
        else:
            data = replaced(data, pointer, draw(yaml_values))
    text = dump(data)
    if draw(st.booleans()):
        # Duplicate one block-style line: the same key twice in one mapping.
        lines = text.splitlines(keepends=True)
        keyed = [i for i, line in enumerate(lines) if ":" in line]
        if keyed:
            i = draw(st.sampled_from(keyed))
            lines.insert(i + 1, lines[i])
            text = "".join(lines)
    return text


@functools.cache
def sarif_validator() -> Any:
    """The OASIS SARIF 2.1.0 schema, compiled once."""
    from jsonschema import Draft4Validator

    return Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


@functools.cache
def linter(base: Path) -> Linter:
    return Linter(lint_settings(base=base))


def lint(raw: bytes, folder: Path, name: str = "inventory.yaml") -> FileReport:
    """Lint ``raw`` as if it were ``folder/name`` (nothing is written)."""
    return linter(folder).lint_bytes(raw, name, folder / name)


_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def check_invariants(report: FileReport, raw: bytes, folder: Path, reports: bool = True) -> None:
    """What must hold for any input: no crashed rule, positions inside the file,
    and (with ``reports``) valid SARIF and JSON and no raw control characters in
    the text and github output."""
    text = raw.decode("utf-8", "replace")
    # Line breaks as YAML counts them; a file that cannot be decoded (or holds a
    # character YAML refuses) is placed by LF alone.
    splits = (_YAML_BREAK.split(text), text.split("\n"))
    for f in report.findings:
        assert "internal error" not in f.message, f.message
        if f.file is not None:
            continue  # a license file's position; checked by the license tests
        assert any(_inside(f, lines) for lines in splits), (f, [len(s) for s in splits])
    if reports:
        check_reports(report, folder)


def _inside(f: Finding, lines: list[str]) -> bool:
    if f.span is None or not 1 <= f.line <= len(lines) + 1:
        return False
    width = len(lines[f.line - 1]) if f.line <= len(lines) else 0
    return (
        1 <= f.column <= width + 1
        and (f.span.end_line, f.span.end_column) >= (f.line, f.column)
        and f.span.end_line <= len(lines) + 1
    )


def check_reports(report: FileReport, folder: Path) -> None:
    """The SARIF carries descriptors of the rules that fired only (the full
    catalog is validated elsewhere), which keeps each check fast."""
    fired = {f.rule_id for f in report.findings}
    rules = tuple(r for r in linter(folder).settings.rules if r.id in fired)
    full = Report(files=[report], rules=rules, base=folder)
    sarif = json.loads(render("sarif", full))
    errors = list(sarif_validator().iter_errors(sarif))
    assert not errors, errors[0].message
    items = json.loads(render("json", full))
    assert len(items) == sum(1 for f in report.findings if f.suppression is None)
    for name in ("text", "github"):
        out = render(name, full)
        assert "\x1b" not in out and "\x9b" not in out and "\u202e" not in out
