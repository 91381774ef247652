"""cllint's source positions → the Language Server Protocol's, and back.

cllint reports 1-based lines as YAML counts them and 1-based columns in
Unicode code points (PyYAML's marks). LSP counts 0-based lines split at
``\\n``, ``\\r\\n`` and ``\\r`` only, and characters in the units of the
position encoding agreed at ``initialize`` – UTF-16 code units unless the
client offers another. The two disagree on any line with a character
outside the Basic Multilingual Plane (one code point, two UTF-16 units;
four UTF-8 bytes), and on line numbers after a NEL (U+0085) or a Unicode
line or paragraph separator, which YAML counts as line breaks and LSP does
not. Going through the absolute offset in the text gets both right.
"""

from __future__ import annotations

import bisect
import re

_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_LSP_BREAK = re.compile("\r\n|[\r\n]")

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def _starts(text: str, breaks: re.Pattern[str]) -> list[int]:
    return [0, *(m.end() for m in breaks.finditer(text))]


def units(text: str, encoding: str = UTF16) -> int:
    """Length of ``text`` in the code units of a position encoding.

    Counted per character rather than by encoding the text: text sent by a
    client can hold lone surrogates, which no codec encodes.
    """
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return sum(
            1 if c < "\x80" else 2 if c < "\u0800" else 3 if c < "\U00010000" else 4 for c in text
        )
    return len(text) + sum(1 for c in text if c > "\uffff")


class Positions:
    """Converts positions within one text (a document as the editor holds it)."""

    def __init__(self, text: str, encoding: str = UTF16, yaml: bool = True) -> None:
        """``yaml``: cllint's lines are YAML's (an inventory); else they are split
        as LSP splits them (a license file, read as editors count lines)."""
        self.text = text
        self.encoding = encoding
        self._breaks = _YAML_BREAK if yaml else _LSP_BREAK
        self._lines = _starts(text, self._breaks)
        self._lsp = _starts(text, _LSP_BREAK)

    def line_start(self, line: int) -> int:
        """Offset where cllint's 1-based line ``line`` starts (clamped to the text)."""
        index = min(max(line, 1), len(self._lines)) - 1
        return self._lines[index]

    def line(self, line: int) -> str:
        """The text of cllint's 1-based line ``line``, without its line break."""
        start = self.line_start(line)
        match = self._breaks.search(self.text, start)
        return self.text[start : match.start() if match else len(self.text)]

    def offset(self, line: int, column: int) -> int:
        """Offset of a cllint position (1-based line and code-point column), clamped
        to its line: a span may end past the last character of a line."""
        start = self.line_start(line)
        end = start + len(self.line(line))
        return min(start + max(column, 1) - 1, end)

    def lsp(self, offset: int) -> tuple[int, int]:
        """The LSP (0-based line, character) of an offset."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect.bisect_right(self._lsp, offset) - 1
        return line, units(self.text[self._lsp[line] : offset], self.encoding)

    def lsp_of(self, line: int, column: int) -> tuple[int, int]:
        """The LSP position of a cllint position."""
        return self.lsp(self.offset(line, column))
