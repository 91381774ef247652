"""The loader's shortcut for plain strings types every scalar as PyYAML does.

Plain scalars whose first character starts no implicit type skip the
resolver; every other one still goes through it. Both must give what
``yaml.safe_load`` gives (timestamps excepted: the loader keeps them as text).
"""

from __future__ import annotations

import string

import pytest
import yaml

from cllint.inventory.loader import load_text

SCALARS = [
    *string.ascii_letters,
    *string.digits,
    "~",
    "null",
    "Null",
    "NULL",
    "true",
    "True",
    "yes",
    "No",
    "on",
    "OFF",
    "y",
    "n",
    "0x1F",
    "0o17",
    "017",
    "1_000",
    "-5",
    "+5",
    "1.5",
    ".5",
    "-.inf",
    ".NaN",
    "1e3",
    "190:20:30",
    "<<x",
    "CTXLIC-N1",
    "corp.example.com",
    "Windows Server 2019",
    "F:\\Program Files",
    "11.17.2",
    "10.10.1.0/24",
    "äöü",
    "€5",
]


@pytest.mark.parametrize("scalar", SCALARS)
def test_plain_scalars_resolve_as_pyyaml_resolves_them(scalar: str) -> None:
    text = f"value: {scalar}\nlisted: [{scalar}]\n"
    expected = yaml.safe_load(text)
    got = load_text(text).documents[0].data
    assert got == expected
    assert [type(v) for v in got.values()] == [type(v) for v in expected.values()]
