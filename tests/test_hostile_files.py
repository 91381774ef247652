"""A corpus of hostile and broken files: each ends in findings, never a crash or a hang.

Every file is linted in-process (positions inside the file, valid SARIF) and
the whole corpus goes through the real command once per output format. The
heavy ones (alias bomb, 100,000-deep nesting, huge strings, a million
aliased findings) run in a subprocess that reports its own peak memory.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile import check_invariants, clean_text, lint, sarif_validator

from helpers import run_cllint

MiB = 1024 * 1024


def _bomb() -> bytes:
    lines = [
        "version: 1",
        "cluster:",
        "  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]",
    ]
    for i in range(1, 10):
        lines.append(f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    return ("\n".join(lines) + "\n").encode()


def _aliased_findings() -> bytes:
    big = ", ".join(f"k{i}: v" for i in range(999))
    # 200,000 unknown keys: twenty times the default max-findings
    return (f"version: 1\nx-big: &big {{{big}}}\nnodes:\n" + "  - *big\n" * 200).encode()


SMALL = "version: 1\ncluster:\n  name: CTXCLU01\nnodes: []\n"

# name -> (content, substring of the expected CL001 message, or None for "no CL001")
CORPUS: dict[str, tuple[bytes, str | None]] = {
    "empty": (b"", None),
    "only-bom": (codecs.BOM_UTF8, None),
    "binary": (bytes(range(256)) * 4, "invalid UTF-8 byte 0x80"),
    "nul": (b"cluster:\n  name: a\x00b\n", "NUL bytes"),
    "utf16-no-bom": (SMALL.encode("utf-16-le"), "UTF-16 without a byte-order mark"),
    "utf16-bom-odd": (codecs.BOM_UTF16_LE + b"c\x00l\x00u", "cannot decode as UTF-16"),
    "invalid-utf8": (b"cluster:\n  name: CT\xc3\x28X\n", "invalid UTF-8 byte 0xc3"),
    "truncated": (clean_text().encode()[:700], None),
    "truncated-in-flow": (clean_text().encode().split(b"ProLiant")[0], "YAML syntax error"),
    "scalar": (b"42\n", None),
    "list": (b"- cluster: x\n- nodes: []\n", None),
    "python-tag": (
        b"cluster: !!python/object/apply:os.system ['echo pwned']\n",
        "tag '!!python/object/apply:os.system' is not allowed",
    ),
    "python-name": (b"cluster: !!python/name:os.system\n", "!!python/name:os.system"),
    "custom-tag": (b"cluster:\n  name: !Ref CAP\n", "tag '!Ref' is not allowed"),
    "binary-tag": (b"cluster:\n  name: !!binary aGk=\n", "tag '!!binary' is not allowed"),
    "set-tag": (b"cluster: !!set {a, b}\n", "tag '!!set' is not allowed"),
    "raw-esc": (b"cluster:\n  name: \x1b[31mred\n", "U+001B"),
    "escaped-controls": (
        b'version: 1\ncluster:\n  name: "\\e[31mRED\\e[0m\\x9b\\u202e\\x7f\\r\\a"\nnodes: []\n',
        None,
    ),
    "control-key": (b'cluster:\n  "\\e]0;title\\a": 1\nnodes: []\n', None),
    "deep-flow": (b"cluster: " + b"[" * 100_000 + b"]" * 100_000, "limit max-depth"),
    "deep-block": (b"nodes:\n" + b"- " * 100_000 + b"x\n", "limit max-depth"),
    "deep-map": (
        b"cluster:\n" + b"".join(b"  " * i + b"k%d:\n" % i for i in range(1, 200)),
        "limit max-depth",
    ),
    "bomb": (_bomb(), "limit max-nodes"),
    "recursive-alias": (b"cluster: &a\n  self: *a\n", "recursive"),
    "many-documents": (b"cluster: {}\n---\n" * 200, "limit max-documents"),
    "huge-int": (b"version: " + b"9" * 5000 + b"\nnodes: []\n", "is not a valid int"),
    # a simple key is at most 1024 characters in YAML
    "long-key": (b"cluster:\n  " + b"k" * 5000 + b": 1\nnodes: []\n", "YAML syntax error"),
    "long-value": (b"version: 1\ncluster:\n  name: " + b"k" * 50_000 + b"\nnodes: []\n", None),
    "cr-only": (SMALL.replace("\n", "\r").encode(), None),
    "wrong-types": (
        b"version: 1\nnodes: hello\ncluster: 5\nlicensing: [1, 2]\nproducts: {a: 1}\n",
        None,
    ),
    "wrong-nested-types": (
        b"nodes:\n - name: a\n   nics: {a: 1}\n   hardware: {a: {b: [1, {c: 2}]}}\n"
        b"   firewall: [1]\n - hello\n - [1]\nlicensing:\n  ports: [1, 2]\n"
        b"  install_order: {a: 1}\n  license_files: {x: 1}\n  client_access_point: x\n",
        None,
    ),
    "merge-of-scalar": (b"cluster:\n  <<: 5\n", "merge key"),
    "duplicate-keys": (b"cluster: {}\ncluster: {}\nnodes: []\nnodes: 1\n", None),
    # one hostile value is a CL001 for its file alone, never an internal error of the run
    "alias-as-key": (b"x-a: &n name\ncluster:\n  *n : value\n", "cannot be a mapping key"),
    "bool-maybe": (b"cluster:\n  name: !!bool maybe\n", "'maybe' is not a valid bool"),
    "float-empty": (b'cluster:\n  name: !!float ""\n', "'' is not a valid float"),
    "int-underscore": (b"cluster:\n  name: !!int _\n", "'_' is not a valid int"),
    "huge-hex": (b"version: 0x" + b"f" * 5000 + b"\nnodes: []\n", "is too large"),
    "huge-sexagesimal": (b"version: " + b":".join([b"1"] * 3000) + b"\nnodes: []\n", "too large"),
    # !!map / !!seq on a scalar built a Python generator (unstable fingerprints)
    "map-on-scalar": (b"cluster: !!map x\nnodes: []\n", "tag '!!map' needs a mapping"),
    "seq-on-scalar": (b"nodes: !!seq x\n", "tag '!!seq' needs a list"),
    "utf32-bom": (SMALL.encode("utf-32"), "file looks like UTF-32"),
    "utf32-no-bom": (SMALL.encode("utf-32-le"), "file looks like UTF-32"),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for name, (raw, _) in CORPUS.items():
        (folder / f"{name}.yaml").write_bytes(raw)
    return folder


@pytest.mark.parametrize("name", CORPUS)
def test_each_file_ends_in_findings(folder: Path, name: str) -> None:
    raw, needle = CORPUS[name]
    report = lint(raw, folder, f"{name}.yaml")
    again = lint(raw, folder, f"{name}.yaml")
    # only plain data is built, so a finding's identity is the same in every run
    assert [f.fingerprint for f in report.findings] == [f.fingerprint for f in again.findings]
    cl001 = [f.message for f in report.findings if f.rule_id == "CL001"]
    if needle is None:
        assert cl001 == []
    else:
        assert len(cl001) == 1 and needle in cl001[0], cl001
    check_invariants(report, raw, folder)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "gitlab"])
def test_the_whole_corpus_through_the_command(folder: Path, fmt: str) -> None:
    light = sorted(n + ".yaml" for n in CORPUS if n not in HEAVY)
    run = run_cllint(["check", "-f", fmt, *light], cwd=folder)
    assert run.code == 1
    assert run.err == ""
    if fmt in ("json", "sarif", "gitlab"):
        data = json.loads(run.out)
        if fmt == "sarif":
            errors = list(sarif_validator().iter_errors(data))
            assert not errors, errors[0].message
    else:
        assert "\x1b" not in run.out and "\u202e" not in run.out and "\x9b" not in run.out


def test_a_missing_file_and_a_folder_named_yaml_are_one_line_each(tmp_path: Path) -> None:
    (tmp_path / "dir.yaml").mkdir()
    run = run_cllint(["check", "missing.yaml", "dir.yaml/"], cwd=tmp_path)
    assert run.code in (0, 1, 2)
    assert "Traceback" not in run.err


# name -> generator; each runs in its own process so its peak memory is its own.
HEAVY: dict[str, Callable[[], bytes]] = {
    "bomb": _bomb,
    "huge-string": lambda: b"version: 1\ncluster:\n  name: " + b"A" * (9 * MiB) + b"\n",
    "too-big": lambda: b"cluster:\n  name: " + b"A" * (11 * MiB) + b"\n",
    "deep-flow": lambda: b"cluster: " + b"[" * 100_000 + b"]" * 100_000,
    "deep-block": lambda: b"nodes:\n" + b"- " * 100_000 + b"x\n",
    "aliased-findings": _aliased_findings,
    # one mapping with many unknown keys, then one with more than max-nodes
    "many-keys": lambda: (
        b"version: 1\nnodes:\n- name: x\n" + b"".join(b"  k%d: 1\n" % i for i in range(120_000))
    ),
    "too-many-keys": lambda: (
        b"version: 1\nnodes:\n- name: x\n" + b"".join(b"  k%d: 1\n" % i for i in range(700_000))
    ),
    # 20 documents each under max-nodes cost 1.2 GiB when the limit was per document
    # (each an inventory: a file without cluster/nodes/licensing keys is skipped unread)
    "many-full-documents": lambda: (b"nodes: []\nx-v: [" + b"1," * 240_000 + b"]\n---\n") * 20,
}

_MEASURE = """
import resource, runpy, sys
sys.argv = ["cllint", *sys.argv[1:]]
try:
    runpy.run_module("cllint", run_name="__main__", alter_sys=True)
except SystemExit as exc:
    code = exc.code
print("peak-rss-kib", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


@pytest.mark.parametrize("name", HEAVY)
def test_heavy_inputs_stay_small_and_fast(tmp_path: Path, name: str) -> None:
    import subprocess
    import time

    (tmp_path / "inventory.yaml").write_bytes(HEAVY[name]())
    started = time.monotonic()
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            _MEASURE,
            "check",
            "-fsarif",
            "-oout.sarif",
            "inventory.yaml",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    elapsed = time.monotonic() - started
    assert proc.returncode == 1, proc.stderr
    match = re.search(r"peak-rss-kib (\d+)", proc.stderr)
    assert match, proc.stderr
    peak_mib = int(match.group(1)) / 1024
    assert peak_mib < 400, f"{name}: peak RSS {peak_mib:.0f} MiB"
    assert elapsed < 90, f"{name}: {elapsed:.1f} s"  # generous: CI machines are shared
    assert "Traceback" not in proc.stderr
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert not list(sarif_validator().iter_errors(sarif))
    assert (tmp_path / "out.sarif").stat().st_size < 20 * MiB


PAYLOADS = [
    '!!python/object/apply:os.system ["touch {marker}"]',
    '!!python/object/apply:subprocess.call [["touch", "{marker}"]]',
    '!!python/object/new:os.system ["touch {marker}"]',
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object:__main__.X {{a: 1}}",
    '!<tag:yaml.org,2002:python/object/apply:os.system> ["touch {marker}"]',
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_code_runs_from_an_inventory_or_a_config(tmp_path: Path, payload: str) -> None:
    marker = tmp_path / "pwned"
    tagged = payload.format(marker=marker)
    (tmp_path / "inventory.yaml").write_text(f"cluster:\n  name: {tagged}\nnodes: []\n")
    run = run_cllint(["check", "-f", "json", "inventory.yaml"], cwd=tmp_path)
    assert run.code == 1 and not marker.exists()
    found = json.loads(run.out)
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [("CL001", 2, 9)]
    assert "is not allowed: inventories hold plain data only" in found[0]["message"]
    (tmp_path / ".cllint.yaml").write_text(f"select: {tagged}\n")
    run = run_cllint(["check", "inventory.yaml"], cwd=tmp_path)
    assert run.code == 2 and not marker.exists()
    assert run.err.count("\n") == 1 and "is not allowed" in run.err


def test_a_hostile_config_is_one_line(tmp_path: Path) -> None:
    (tmp_path / ".cllint.yaml").write_bytes(_bomb().replace(b"version: 1\ncluster:", b"x:"))
    (tmp_path / "inventory.yaml").write_text("cluster: {}\n")
    run = run_cllint(["check", "inventory.yaml"], cwd=tmp_path)
    assert run.code == 2
    assert run.err.endswith(":7: aliases expand to more than 250000 values (limit max-nodes)\n")


def test_nesting_just_under_the_highest_max_depth(tmp_path: Path) -> None:
    """max-depth may be raised to 1000: even then nothing recurses past Python's limit."""
    (tmp_path / ".cllint.yaml").write_text("limits: {max-depth: 1000}\n")
    deep = "[" * 990 + "]" * 990
    (tmp_path / "inventory.yaml").write_text(f"cluster:\n  name: x\n  x-deep: {deep}\n")
    run = run_cllint(["check", "-f", "sarif", "inventory.yaml"], cwd=tmp_path)
    assert run.code == 1, run.err
    assert run.err == ""
    results = json.loads(run.out)["runs"][0]["results"]
    assert results and all("internal error" not in r["message"]["text"] for r in results)


SPACES = " " * 200_000
SLOW_BEFORE = {
    # the version pattern had [ \t]+.* : quadratic in the spaces before a line break
    "version-pattern": clean_text().replace(
        "target_version: 11.17.2", f'target_version: "1{SPACES}\\nx"'
    ),
    # the suppression comment had \s* next to \s*$ (and a lazy reason before it)
    "suppression-spaces": f"cluster: {{}}  # cllint: disable=CL002{SPACES}!\nnodes: []\n",
    "suppression-reason": f"cluster: {{}}  # cllint: disable=CL002 --{SPACES}x !\nnodes: []\n",
    # every directive looked for its target line and every token: quadratic
    "stacked-suppressions": "version: 1\ncluster: {}\n"
    + "# cllint: disable=CL305\n" * 40_000
    + "nodes: []\n",
    "trailing-suppressions": "version: 1\nnodes:\n"
    + "".join(f"  - x{i}  # cllint: disable=CL305\n" for i in range(10_000)),
    "quoted-suppressions": "version: 1\ncluster:\n"
    + "".join(f'  x-k{i}: "a # cllint: disable=CL305"\n' for i in range(10_000)),
}


@pytest.mark.parametrize("name", SLOW_BEFORE)
def test_no_pattern_is_quadratic(folder: Path, name: str) -> None:
    import time

    raw = SLOW_BEFORE[name].encode()
    started = time.monotonic()
    report = lint(raw, folder, f"{name}.yaml")
    assert time.monotonic() - started < 120  # linear: seconds; quadratic was many minutes
    assert report.findings
    check_invariants(report, raw, folder)
