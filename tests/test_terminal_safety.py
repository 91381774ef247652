"""A pull request cannot recolour or rewrite a CI log through cllint's output.

Each class of control character reaches a value through a YAML escape in a
double-quoted string (raw, most of them are CL001 already). The value then
appears in a message, in the source line under it, in a key, and in a file
name; the text and github output must show it as a visible escape.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cllint.files.terminal import escape
from helpers import clean_inventory, run_cllint

# class -> (YAML escape inside double quotes, the character, how it is shown)
CONTROLS = {
    "C0-BEL": ("\\a", "\x07", "\\x07"),
    "C0-BS": ("\\b", "\x08", "\\x08"),
    "C0-CR": ("\\r", "\r", "\\x0d"),
    "C0-LF": ("\\n", "\n", "\\x0a"),
    "C0-VT": ("\\v", "\x0b", "\\x0b"),
    "C0-NUL": ("\\0", "\x00", "\\x00"),
    "ESC": ("\\e", "\x1b", "\\x1b"),
    "DEL": ("\\x7f", "\x7f", "\\x7f"),
    "C1-NEL": ("\\N", "\x85", "\\x85"),
    "C1-CSI": ("\\x9b", "\x9b", "\\x9b"),
    "C1-OSC": ("\\x9d", "\x9d", "\\x9d"),
    "bidi-RLO": ("\\u202e", "\u202e", "\\u202e"),
    "bidi-LRE": ("\\u202a", "\u202a", "\\u202a"),
    "bidi-RLI": ("\\u2067", "\u2067", "\\u2067"),
    "bidi-PDI": ("\\u2069", "\u2069", "\\u2069"),
    "bidi-RLM": ("\\u200f", "\u200f", "\\u200f"),
    "bidi-ALM": ("\\u061c", "\u061c", "\\u061c"),
    "LINE-SEP": ("\\L", "\u2028", "\\u2028"),
    "PARA-SEP": ("\\P", "\u2029", "\\u2029"),
}


def _inventory(escaped: str) -> str:
    """The clean example with the control in the CAP name (CL402 quotes it) and in
    an unknown key (CL002 quotes it)."""
    name = f"CTX{escaped}LICENSE-SERVER"
    text = clean_inventory().replace("name: CTXLIC,", f'name: "{name}",')
    return text.replace("cluster:\n", f'cluster:\n  "x{escaped}y": 1\n', 1)


@pytest.mark.parametrize("kind", CONTROLS)
def test_escape_shows_every_class(kind: str) -> None:
    _, char, shown = CONTROLS[kind]
    assert escape(f"a{char}b") == f"a{shown}b"


def test_escape_keeps_tab_and_ordinary_text() -> None:
    text = "tab\there – ünïcödé 名前 😀 \u00a0"
    assert escape(text) == text


@pytest.mark.parametrize("kind", CONTROLS)
@pytest.mark.parametrize("fmt", ["text", "github"])
def test_values_are_escaped_in_log_output(tmp_path: Path, kind: str, fmt: str) -> None:
    escaped, char, shown = CONTROLS[kind]
    (tmp_path / "inventory.yaml").write_text(_inventory(escaped), encoding="utf-8")
    run = run_cllint(["check", "-f", fmt, "inventory.yaml"], cwd=tmp_path)
    assert run.code == 1, run.err
    body = run.out
    if fmt == "github":
        # GitHub's own escaping carries CR and LF (%0D, %0A); every other control is
        # shown; the annotation text is one line per finding.
        assert all(line.startswith("::") for line in body.splitlines()), body
    assert char not in body.replace("\n", "") if char == "\n" else char not in body
    rules = [line for line in body.splitlines() if "CL402" in line or "unknown key" in line]
    assert len(rules) == 2, body
    expect = shown if fmt == "text" or char not in "\r\n" else ""
    for line in rules:
        assert expect in line, line


@pytest.mark.parametrize("kind", ["ESC", "bidi-RLO", "C1-CSI"])
def test_source_lines_are_escaped(tmp_path: Path, kind: str) -> None:
    """The source line is the file's own text: there the control must be raw to be
    seen at all, so it is CL001; what is shown of it is escaped."""
    _, char, shown = CONTROLS[kind]
    text = clean_inventory().replace("name: CTXLIC,", f"name: CTX{char}LIC,")
    (tmp_path / "inventory.yaml").write_text(text, encoding="utf-8")
    run = run_cllint(["check", "inventory.yaml"], cwd=tmp_path)
    assert run.code == 1
    assert char not in run.out
    assert shown in run.out


@pytest.mark.parametrize("kind", ["ESC", "bidi-RLO", "C1-CSI", "DEL", "C0-CR"])
@pytest.mark.parametrize("fmt", ["text", "github"])
def test_file_names_are_escaped(tmp_path: Path, kind: str, fmt: str) -> None:
    _, char, shown = CONTROLS[kind]
    name = f"inv{char}entory.yaml"
    (tmp_path / name).write_text("cluster: {}\n", encoding="utf-8")
    run = run_cllint(["check", "-v", "-f", fmt, "."], cwd=tmp_path)
    assert run.code == 1, run.err
    assert char not in run.out and char not in run.err
    if fmt == "text" or char != "\r":
        assert shown in run.out


def test_json_and_sarif_keep_the_exact_value(tmp_path: Path) -> None:
    """Machine formats are JSON: the control is a JSON escape there, exact and harmless."""
    (tmp_path / "inventory.yaml").write_text(_inventory("\\e[31m"), encoding="utf-8")
    run = run_cllint(["check", "-f", "json", "inventory.yaml"], cwd=tmp_path)
    assert "\x1b" not in run.out  # json.dumps writes \u001b
    messages = [f["message"] for f in json.loads(run.out)]
    assert any("\x1b[31m" in m for m in messages)


def test_one_line_errors_are_escaped(tmp_path: Path) -> None:
    """A config value quoted in an exit-2 message (the config may come from the PR)."""
    (tmp_path / ".cllint.yaml").write_text('"\\e[31mred": 1\n', encoding="utf-8")
    (tmp_path / "inventory.yaml").write_text(clean_inventory(), encoding="utf-8")
    run = run_cllint(["check", "inventory.yaml"], cwd=tmp_path)
    assert run.code == 2
    assert "\x1b" not in run.err
    assert "unknown configuration key '\\x1b[31mred'" in run.err
    assert run.err.count("\n") == 1
