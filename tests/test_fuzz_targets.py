"""A short run of the fuzz targets in ``fuzz/targets.py`` (atheris runs them long).

Inputs are random bytes and byte-level mutations of the example inventory and
license file: flipped, inserted and deleted bytes, truncation, and splices of
the tokens that break parsers (anchors, aliases, tags, brackets, NUL, invalid
UTF-8, continuation backslashes, ``SIGN=``).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from types import ModuleType

import pytest
from hostile import FUZZ
from hypothesis import given
from hypothesis import strategies as st

from helpers import ROOT


def _targets() -> ModuleType:
    path = ROOT / "fuzz" / "targets.py"
    spec = importlib.util.spec_from_file_location("cllint_fuzz_targets", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


targets = _targets()
SEEDS = [seed.read_bytes() for seed in targets.SEEDS]

TOKENS = [
    b"&a ",
    b"*a",
    b"<<: ",
    b"!!python/object/apply:os.system ",
    b"!Ref ",
    b"!!binary ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"- ",
    b": ",
    b"? ",
    b"---\n",
    b"...\n",
    b"%YAML 1.1\n",
    b"'",
    b'"',
    b'"\\e[31m\\x9b\\u202e"',
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xef\xbb\xbf",
    b"\t",
    b"\r",
    b"\\\n",
    b"SIGN=",
    b"HOSTID=",
    b"INCREMENT ",
    b"SERVER ",
    b"# cllint: disable=CL402\n",
    b"9" * 5000,
]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        at = draw(st.integers(min_value=0, max_value=len(data)))
        op = draw(st.integers(min_value=0, max_value=4))
        if op == 0 and at < len(data):
            data[at] ^= 1 << draw(st.integers(min_value=0, max_value=7))
        elif op == 1:
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif op == 2:
            del data[at : at + draw(st.integers(min_value=1, max_value=64))]
        elif op == 3:
            del data[at:]
        else:
            data[at:at] = draw(st.binary(max_size=8))
    return bytes(data)


TARGETS: list[Callable[[bytes], None]] = [targets.inventory, targets.license_file]


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.__name__)
@FUZZ
@given(data=mutated())
def test_mutated_seeds(target: Callable[[bytes], None], data: bytes) -> None:
    target(data)


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.__name__)
@FUZZ
@given(data=st.binary(max_size=512))
def test_random_bytes(target: Callable[[bytes], None], data: bytes) -> None:
    target(data)


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.__name__)
@pytest.mark.parametrize("seed", range(len(SEEDS)))
def test_every_truncation(target: Callable[[bytes], None], seed: int) -> None:
    """A file cut short anywhere (an interrupted upload, a disk that filled up)."""
    data = SEEDS[seed]
    for end in range(0, len(data), 3):
        target(data[:end])


def test_the_seeds_pass() -> None:
    for target in TARGETS:
        for seed in SEEDS:
            target(seed)
