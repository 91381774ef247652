"""cllint positions → LSP positions, and the disable-comment quick fix, in-process."""

from __future__ import annotations

import pytest

from cllint.lsp.positions import UTF8, UTF16, UTF32, Positions, units
from cllint.lsp.quickfix import disable_comment


@pytest.mark.parametrize(
    ("text", "utf16", "utf8", "utf32"),
    [("abc", 3, 3, 3), ("Ö", 1, 2, 1), ("☁", 1, 3, 1), ("🚀", 2, 4, 1), ("\ud800", 1, 3, 1)],
)
def test_units_per_encoding(text: str, utf16: int, utf8: int, utf32: int) -> None:
    assert (units(text, UTF16), units(text, UTF8), units(text, UTF32)) == (utf16, utf8, utf32)


def test_columns_after_astral_characters() -> None:
    text = "a: x\nb: '🚀🚀' # Öl\n"
    # column 12 (1-based, code points) of line 2 is the Ö
    assert Positions(text).lsp_of(2, 12) == (1, 13)
    assert Positions(text, UTF8).lsp_of(2, 12) == (1, 18)
    assert Positions(text, UTF32).lsp_of(2, 12) == (1, 11)


def test_yaml_line_breaks_that_lsp_does_not_count() -> None:
    # YAML breaks lines at NEL, LS and PS; LSP only at CR, LF and CRLF
    text = "a: 1\u2028b: 2\r\nc: 3\x85d: 🚀x\rz"
    positions = Positions(text)
    assert positions.lsp_of(2, 1) == (0, 5)  # b, after the line separator
    assert positions.lsp_of(3, 1) == (1, 0)  # c, after CRLF
    assert positions.lsp_of(4, 5) == (1, 10)  # x, after NEL and 🚀
    assert positions.lsp_of(5, 1) == (2, 0)  # z, after CR


def test_license_files_count_lines_as_editors_do() -> None:
    text = "A\u2028B\nC"
    assert Positions(text, yaml=False).lsp_of(2, 1) == (1, 0)


def test_positions_past_the_end_are_clamped() -> None:
    positions = Positions("ab\ncd")
    assert positions.lsp_of(1, 40) == (0, 2)
    assert positions.lsp_of(9, 1) == (1, 0)
    assert positions.lsp_of(0, 0) == (0, 0)


INVENTORY = """\
nodes:
  - name: N1
    nics:
      - {name: NIC1, addressing: dhcp}
    notes: |
      a block
      of text
"""


def test_the_disable_comment_goes_above_the_line_indented_like_it() -> None:
    fix = disable_comment(Positions(INVENTORY), 4, "CL306")
    assert fix is not None
    assert (fix.at, fix.text) == (
        INVENTORY.index("      - {name: NIC1"),
        "      # cllint: disable=CL306 -- reason\n",
    )


def test_a_crlf_file_gets_a_crlf_line() -> None:
    text = INVENTORY.replace("\n", "\r\n")
    fix = disable_comment(Positions(text), 4, "CL306")
    assert fix is not None and fix.text.endswith(" -- reason\r\n")


def test_no_fix_inside_a_block_scalar_and_the_line_end_inside_a_string() -> None:
    # a comment line above "a block" would become part of the text
    text = "cluster:\n  name: x\nnotes: |\n  a block\n"
    assert disable_comment(Positions(text), 4, "CL002") is None
    # the line starts inside a quoted string: above would change it; the end works
    text = 'cluster: {name: "x\n  y", domain: z}\n'
    fix = disable_comment(Positions(text), 2, "CL106")
    assert fix is not None
    assert (fix.at, fix.text) == (len(text) - 1, "  # cllint: disable=CL106 -- reason")


def test_no_fix_where_the_line_ends_in_a_comment_already_or_the_file_is_broken() -> None:
    text = "cluster: {name: x}  # the name\nnodes: []\n"
    fix = disable_comment(Positions(text), 1, "CL101")
    assert fix is not None and fix.at == 0  # above works
    assert disable_comment(Positions("cluster: [\n"), 1, "CL001") is None
    assert disable_comment(Positions("a: 1\n"), 0, "CL001") is None
