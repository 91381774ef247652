"""Safe terminal output: escape control characters, add colour when wanted.

Values in messages and source lines come from files anyone can put in a pull
request. Printed raw, an ESC sequence could recolour or rewrite a CI log, and
CR or a bidi override could hide text; so C0 (except TAB), DEL, C1 and the
Unicode bidi controls are shown as escapes. So is a byte of a file name that
is not UTF-8 (git allows any bytes; Python carries it as a lone surrogate,
which no encoder writes): ``\xff``.
"""

from __future__ import annotations

import os
import re
import sys

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import TextIO

_UNSAFE_CHARS = (
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
    "\ud800-\udfff]"
)
_unsafe: re.Pattern[str] | None = None
_SURROGATE = "[\ud800-\udfff]"  # compiled (by ``re``) for the first non-ASCII text


def _escape_char(match: re.Match[str]) -> str:
    ch = match.group(0)
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def escape(text: str) -> str:
    """Make ``text`` safe to print on a terminal or in a CI log."""
    if text.isprintable():  # every unsafe character is unprintable: nothing to escape
        return text
    global _unsafe
    if _unsafe is None:  # compiled when first needed, not at every start-up
        _unsafe = re.compile(_UNSAFE_CHARS)
    return _unsafe.sub(_escape_char, text)


def _json_byte(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    byte = code - 0xDC00 if 0xDC80 <= code <= 0xDCFF else None
    # a JSON string holding a backslash, "x" and two hex digits: every parser reads it
    return f"\\\\x{byte:02x}" if byte is not None else f"\\\\u{code:04x}"


def json_names(text: str) -> str:
    """JSON text with each undecodable byte of a file name written as ``\\xff``.

    ``json.dumps(ensure_ascii=False)`` passes a lone surrogate through, which
    then cannot be written as UTF-8 (or comes out as a raw 0xff byte that no
    consumer parses). Only strings can hold one, so the replacement, a JSON
    escaped backslash, keeps the text valid JSON.
    """
    return text if text.isascii() else re.sub(_SURROGATE, _json_byte, text)


_COLORS = {"error": "31", "warning": "33", "note": "36", "bold": "1", "dim": "2"}


def paint(text: str, style: str, enabled: bool) -> str:
    if not enabled:
        return text
    return f"\x1b[{_COLORS[style]}m{text}\x1b[0m"


def want_color(mode: str, stream: TextIO = sys.stdout) -> bool:
    """``auto`` colours a terminal unless ``NO_COLOR`` is set (https://no-color.org)."""
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()
