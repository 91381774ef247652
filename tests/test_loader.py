"""Loader edges: encodings, line ends, documents, JSON, spans, CL001/CL003 positions."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from cllint.findings import Span
from cllint.inventory.loader import Limits, load_bytes, load_text
from helpers import clean_inventory, lint_text, positions

SMALL = "version: 1\ncluster:\n  name: CTXCLU01\nnodes: []\n"


def data_of(raw: bytes) -> object:
    loaded = load_bytes(raw)
    assert loaded.findings == []
    assert len(loaded.documents) == 1
    return loaded.documents[0].data


@pytest.mark.parametrize(
    "raw",
    [
        SMALL.encode("utf-8"),
        codecs.BOM_UTF8 + SMALL.encode("utf-8"),
        codecs.BOM_UTF16_LE + SMALL.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SMALL.encode("utf-16-be"),
        SMALL.replace("\n", "\r\n").encode("utf-8"),
        codecs.BOM_UTF16_LE + SMALL.replace("\n", "\r\n").encode("utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le", "utf16-be", "crlf", "powershell-utf16-crlf"],
)
def test_encodings_and_line_ends_give_the_same_data(raw: bytes) -> None:
    assert data_of(raw) == {"version": 1, "cluster": {"name": "CTXCLU01"}, "nodes": []}


def test_spans_are_one_based_with_exclusive_end_and_survive_crlf() -> None:
    loaded = load_bytes(SMALL.replace("\n", "\r\n").encode())
    doc = loaded.documents[0]
    assert doc.span("/cluster/name") == Span(3, 9, 3, 17)
    assert doc.key_span("/cluster/name") == Span(3, 3, 3, 7)
    # A pointer that does not exist falls back to its nearest ancestor.
    assert doc.span("/cluster/domain") == doc.span("/cluster")


def test_utf16_inventory_positions_match_utf8(tmp_path: Path) -> None:
    text = clean_inventory().replace("name: CTXLIC,", "name: CTXLICENSESRV01,")
    (tmp_path / "a.yaml").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    from helpers import lint_file

    utf16 = lint_file(tmp_path / "a.yaml", base=tmp_path)
    utf8 = lint_text(text, tmp_path, "b.yaml")
    assert positions(utf16, "CL402") == positions(utf8, "CL402") == [("CL402", 51, 31)]


def test_several_documents_each_an_inventory(tmp_path: Path) -> None:
    bad = clean_inventory().replace("installer: CitrixLicensing.exe", "installer: x.msi")
    report = lint_text(clean_inventory() + "---\n" + bad, tmp_path)
    assert report.documents == 2
    offset = clean_inventory().count("\n") + 1
    assert positions(report) == [("CL501", offset + 53, 14)]
    assert report.findings[0].document == 1


def test_json_inventory(tmp_path: Path) -> None:
    text = (
        '{"version": 1,\n "cluster": {"name": "CTXCLU01"},\n "nodes": [{"name":"N1"}],\n'
        ' "licensing": {"resource_group": "Citrix Licensing", "installer": "a.msi"}}\n'
    )
    report = lint_text(text, tmp_path, "inv.json")
    assert ("CL501", 4, 67) in positions(report)
    assert ("CL101", 3, 11) in positions(report)


@pytest.mark.parametrize(
    "text",
    [
        "repos:\n  - repo: local\n",  # a .pre-commit-config.yaml
        "- a\n- b\n",  # a list
        "just a scalar\n",
        "",  # empty
        "# only a comment\n",
        '{"name": "package.json"}',
    ],
)
def test_files_that_are_not_inventories_are_skipped(tmp_path: Path, text: str) -> None:
    report = lint_text(text, tmp_path)
    assert report.skipped == "not an inventory"
    assert report.findings == []


def test_only_inventory_documents_are_checked(tmp_path: Path) -> None:
    report = lint_text("other: 1\n---\n" + clean_inventory(), tmp_path)
    assert report.skipped is None
    assert report.documents == 1
    assert report.findings == []


@pytest.mark.parametrize(
    ("text", "where", "needle"),
    [
        ("cluster:\n  name: [CTXCLU01\nnodes: []\n", (3, 6), "YAML syntax error"),
        ("cluster: {name: CTXCLU01\n", (2, 1), "YAML syntax error"),
        ("cluster:\n  name: !!python/object:os.system x\n", (2, 9), "!!python/object:os.system"),
        ("cluster:\n  name: !Ref x\n", (2, 9), "tag '!Ref' is not allowed"),
        ("cluster:\n  name: \x1b[31mred\n", (2, 9), "U+001B"),
        ("cluster:\n  name: *nothing\n", (2, 9), "alias *nothing"),
        ("cluster: &a\n  self: *a\n", (2, 9), "recursive"),
        ("cluster:\n  ? [a, b]\n  : x\n", (2, 5), "plain value"),
    ],
)
def test_cl001_positions(tmp_path: Path, text: str, where: tuple[int, int], needle: str) -> None:
    report = lint_text(text, tmp_path)
    assert positions(report) == [("CL001", *where)]
    assert needle in report.findings[0].message


def test_invalid_utf8_is_cl001_at_the_byte(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"cluster:\n  name: CT\xffX\n")
    from helpers import lint_file

    report = lint_file(tmp_path / "a.yaml", base=tmp_path)
    assert positions(report) == [("CL001", 2, 11)]
    assert "0xff" in report.findings[0].message


def test_utf16_without_bom_is_cl001(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(SMALL.encode("utf-16-le"))
    from helpers import lint_file

    report = lint_file(tmp_path / "a.yaml", base=tmp_path)
    assert positions(report) == [("CL001", 1, 1)]
    assert "UTF-16 without a byte-order mark" in report.findings[0].message


def test_duplicate_keys_are_cl003_at_each_repeat(tmp_path: Path) -> None:
    text = "cluster:\n  name: A\n  name: B\n  name: C\nnodes: []\n"
    report = lint_text(text, tmp_path)
    assert positions(report, "CL003") == [("CL003", 3, 3), ("CL003", 4, 3)]
    first = next(f for f in report.findings if f.rule_id == "CL003")
    assert "first at line 2" in first.message
    loaded = load_text(text)
    assert loaded.documents[0].data["cluster"]["name"] == "A"


def test_duplicate_key_inside_a_duplicate_is_reported_once() -> None:
    loaded = load_text("a:\n  x: 1\na:\n  x: 1\n  x: 2\n")
    assert [(f.rule_id, f.span.line if f.span else 0) for f in loaded.findings] == [("CL003", 3)]


def test_scalars_keep_plain_data_types_and_raw_text() -> None:
    doc = load_text("a: 11.10\nb: yes\nc: 2026-01-01\nd: '7'\ne: null\n").documents[0]
    assert doc.data == {"a": 11.1, "b": True, "c": "2026-01-01", "d": "7", "e": None}
    assert doc.raw["/a"] == "11.10"


def test_aliases_and_merge_keys() -> None:
    doc = load_text("base: &b {os: W, domain: d}\nnode:\n  <<: *b\n  os: X\n").documents[0]
    assert doc.data["node"] == {"os": "X", "domain": "d"}


@pytest.mark.parametrize(
    ("text", "limits", "needle"),
    [
        ("[" * 200 + "]" * 200, Limits(), "max-depth"),
        ("- " * 100_000 + "x", Limits(), "max-depth"),
        ("a: [1, 2, 3, 4]", Limits(max_nodes=3), "max-nodes"),
        ("---\na: 1\n---\nb: 2\n---\nc: 3\n", Limits(max_documents=2), "max-documents"),
    ],
)
def test_limits_are_cl001(text: str, limits: Limits, needle: str) -> None:
    loaded = load_text(text, limits)
    assert [f.rule_id for f in loaded.findings] == ["CL001"]
    assert needle in loaded.findings[0].message


def test_alias_bomb_is_stopped_without_expanding() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    loaded = load_text("\n".join(lines) + "\n")
    assert [f.rule_id for f in loaded.findings] == ["CL001"]
    assert "aliases expand" in loaded.findings[0].message


def test_file_size_limit() -> None:
    loaded = load_bytes(b"a: " + b"x" * 100, Limits(max_bytes=50))
    assert "max-file-size" in loaded.findings[0].message
