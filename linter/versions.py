"""Citrix License Server versions: dotted numbers, compared part by part.

``11.9`` < ``11.12.1`` (numeric, not string, comparison) and trailing text such
as ``build 40000`` is ignored for ordering, as the inventory format specifies.
"""

from __future__ import annotations

import re

from cllint.records import field, record

_VERSION = re.compile(r"^\s*(\d+(?:\.\d+)*)(?:\s+.*)?$", re.S)


@record(frozen=True, slots=True, order=True)
class Version:
    """A parsed version; ordering uses the numbers with trailing zeros dropped."""

    key: tuple[int, ...]
    text: str = field(compare=False)

    def __str__(self) -> str:
        return self.text


def parse_version(text: str) -> Version | None:
    """Parse ``11.17.2.0 build 40000``; None when the text is not a version."""
    match = _VERSION.match(text)
    if match is None:
        return None
    parts = [int(p) for p in match.group(1).split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return Version(tuple(parts), text.strip())


MINIMUM_IN_PLACE_UPGRADE = Version((11, 12, 1), "11.12.1")
CLEAN_INSTALL_VERSION = Version((11, 16, 6), "11.16.6")
