"""The license-file reader's two shortcuts read exactly what the long way reads.

``cllint.licenses.parser`` splits a line into words with one regular
expression when no keyword is glued to a value, and works out where a value
stands only when a rule asks. These tests hold both to the long way: the
word loop (``_words_glued``) on tricky and generated lines, and the span a
value would have had if it had been placed as it was read.
"""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cllint.findings import Span
from cllint.licenses import parser
from cllint.licenses.parser import Value, parse_text
from cllint.records import FrozenInstanceError

TRICKY = [
    "",
    "SERVER this_host HOSTNAME=CTXLIC 27000",
    'INCREMENT X CITRIX 1.0 permanent 1 SIGN="00 11 22"',
    'KEY="unterminated value',
    "KEY= value",
    "KEY=",
    '"quoted" "two words"',
    '"a""b"',
    '"a"b',
    'abc"def ghi"',
    'KEY=abc"def"',
    '1A="x y"',
    "_k=v",
    "\u00e9=v",
    "\u201csmart\u201d KEY=\u201cquoted value\u201d",
    "tab\tseparated\x1cwords\u3000here\x85too",
    "  leading and trailing  ",
    "A=B=C",
    "=x",
]

WORDS = st.lists(
    st.sampled_from(
        ["a", "B", "_", "1", "=", '"', "\u201c", "\u201d", " ", "\t", "\x1c", "\u3000",
         "\x85", "-", "\\", "x=", "PORT=", "0", "\u00e9"]
    ),
    max_size=16,
).map("".join)  # fmt: skip


def _the_long_way(text: str) -> list[parser._Word]:
    glued = [m.start() for m in parser._GLUED_AFTER_VALUE.finditer(text)]
    return list(parser._words_glued(text, glued))


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_lines_split_alike(text: str) -> None:
    assert not parser._GLUED_AFTER_VALUE.search(text)
    assert parser._words(text) == _the_long_way(text)


@given(WORDS)
def test_generated_lines_split_alike(text: str) -> None:
    assert parser._words(text) == _the_long_way(text)


def test_a_line_with_a_glued_keyword_takes_the_long_way() -> None:
    text = "ISSUED=01-jun-2026SIGN=ABC START=1-jan-2026"
    words = parser._words(text)
    assert words == _the_long_way(text)
    assert [w.key for w in words] == ["ISSUED", "SIGN", "START"]


def test_the_shortcut_reads_the_usual_lines() -> None:
    """The common lines do not reach the loop (or the shortcut would be dead code)."""
    words = parser._words('INCREMENT CVD CITRIX 2030.0101 permanent 5 HOSTID=HOSTNAME=X SIGN="0 1"')
    assert [(w.key, w.value, w.quoted) for w in words[-2:]] == [
        ("HOSTID", "HOSTNAME=X", False),
        ("SIGN", "0 1", True),
    ]


LICENSE = """\
# a comment
SERVER this_host HOSTNAME=CTXLIC 27000
VENDOR CITRIX port=7279
INCREMENT CVD_ENT_CCU CITRIX 2030.0101 permanent 500 \\
\tVENDOR_STRING=;LT=Retail HOSTID=HOSTNAME=CTXLIC \\
\tSIGN="0123 4567"
"""


def test_values_are_placed_where_they_stand() -> None:
    lic = parse_text(LICENSE)
    assert lic.servers[0].host.span == Span(2, 8, 2, 17)
    assert lic.servers[0].port_value is not None
    assert lic.servers[0].port_value.span == Span(2, 34, 2, 39)
    assert lic.vendors[0].port_value is not None
    assert lic.vendors[0].port_value.span == Span(3, 20, 3, 24)
    feature = lic.features[0]
    assert feature.keywords["HOSTID"].span == Span(5, 34, 5, 49)
    assert feature.count is not None and feature.expiry_value.span == Span(4, 40, 4, 49)


def test_a_value_compares_hashes_and_pickles_by_text_and_span() -> None:
    lic = parse_text(LICENSE)
    host = lic.servers[0].host
    plain = Value("this_host", Span(2, 8, 2, 17))
    assert host == plain and hash(host) == hash(plain)
    assert host != Value("this_host", Span(2, 8, 2, 18))
    assert repr(host) == (
        "Value(text='this_host', span=Span(line=2, column=8, end_line=2, end_column=17))"
    )
    again = pickle.loads(pickle.dumps(parse_text(LICENSE)))
    assert again == parse_text(LICENSE)
    assert again.servers[0].host.span == host.span


def test_a_value_is_read_only() -> None:
    host = parse_text(LICENSE).servers[0].host
    with pytest.raises(FrozenInstanceError):
        host.text = "other"
    with pytest.raises(FrozenInstanceError):
        del host.text


def test_an_empty_value_is_placed_on_one_column() -> None:
    lic = parse_text("SERVER h HOSTNAME=X 27000\nVENDOR CITRIX OPTIONS= port=7279\n")
    options = lic.vendors[0].options
    assert options is not None and options.text == ""
    assert options.span == Span(2, 23, 2, 24)
