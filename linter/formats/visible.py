"""Text the newer report formats can always write: control characters and
undecodable file-name bytes shown as visible escapes.

A file name that is not UTF-8 reaches cllint as a str with lone surrogates
(Python's ``surrogateescape``); written as such it fails to encode, and XML
cannot hold it at all. Each such byte is shown as ``\\xNN`` (the byte itself),
any other lone surrogate as ``\\uXXXX``, after the control characters the
text format escapes.
"""

from __future__ import annotations

import re

from cllint.files.terminal import escape

_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogate(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if 0xDC80 <= code <= 0xDCFF:  # one undecodable byte, as surrogateescape keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def encodable(text: str) -> str:
    """``text`` with lone surrogates shown as escapes (control characters kept)."""
    return _SURROGATE.sub(_surrogate, text)


def visible(text: str) -> str:
    """``text`` safe to print: control characters and lone surrogates as escapes."""
    return encodable(escape(text))
