"""Versions: Citrix License Server builds and Citrix product releases.

A License Server version is dotted numbers and, optionally, a build number:
``11.17.2.0 build 45000``. Citrix ships distinct releases that differ only in
their build (11.17.2 builds 39000, 40000, 44000, 45000, 51000 ...), and the
License Activation Service needs build 51000 or later, so versions compare by
their numbers (``11.9`` < ``11.12.1``: numeric, not string, comparison;
trailing zeros do not count) and then by their build number. A version
without a build sorts before every build of the same numbers: ``11.17.2`` is
read as the earliest build of 11.17.2. Every version rule (CL506, CL507,
CL508, CL509) and the runbook use this one type.

A product release (``products[].version``) is how Citrix names Citrix Virtual
Apps and Desktops releases: ``2411``, ``2203 LTSR CU7``, ``2402 CU3``,
``7.15 LTSR CU9``. :func:`parse_product_version` reads those.
"""

from __future__ import annotations

import re

from cllint.lazy_patterns import lazy_compile
from cllint.records import field, record

# A number of a version has at most nine digits: anything longer is not a
# version, and int() of thousands of digits would fail (or take long).
_VERSION = re.compile(r"^\s*(\d{1,9}(?:\.\d{1,9})*)(?:\s+(.*?))?\s*$", re.S)
_BUILD = lazy_compile(r"\bbuild\s*:?\s*(\d+)\b", re.I)  # only for text after the numbers


@record(frozen=True, slots=True)
class Version:
    """A parsed License Server version: numbers (trailing zeros dropped), then build."""

    key: tuple[int, ...]
    text: str = field(compare=False)
    build: int | None = None

    def _rank(self) -> tuple[tuple[int, ...], int]:
        return self.key, -1 if self.build is None else self.build

    def __lt__(self, other: Version) -> bool:
        return self._rank() < other._rank()

    def __le__(self, other: Version) -> bool:
        return self._rank() <= other._rank()

    def __gt__(self, other: Version) -> bool:
        return self._rank() > other._rank()

    def __ge__(self, other: Version) -> bool:
        return self._rank() >= other._rank()

    def __str__(self) -> str:
        return self.text

    def same_release(self, other: Version) -> bool:
        """True when both have the same numbers (whatever their builds)."""
        return self.key == other.key


def parse_version(text: str) -> Version | None:
    """Parse ``11.17.2.0 build 40000``; None when the text is not a version.

    Text after the numbers other than ``build N`` (``11.17.2 (current)``) is
    kept in the text but does not take part in the comparison.
    """
    match = _VERSION.match(text)
    if match is None:
        return None
    parts = [int(p) for p in match.group(1).split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    build = None
    if match.group(2):
        found = _BUILD.search(match.group(2))
        if found is not None:
            if len(found.group(1)) > 9:
                return None
            build = int(found.group(1))
    return Version(tuple(parts), text.strip(), build)


MINIMUM_IN_PLACE_UPGRADE = Version((11, 12, 1), "11.12.1")
CLEAN_INSTALL_VERSION = Version((11, 16, 6), "11.16.6")


# --------------------------------------------------------------------------
# Product releases
# --------------------------------------------------------------------------

_PRODUCT = lazy_compile(  # only for inventories that give a product's version
    r"^\s*(?P<release>\d{1,9}(?:\.\d{1,9})*)"
    r"(?:\s+(?P<ltsr>LTSR))?"
    r"(?:\s+CU\s*(?P<cu>\d{1,9}))?\s*$",
    re.I,
)


@record(frozen=True, slots=True)
class ProductVersion:
    """A Citrix product release: ``2203 LTSR CU7`` is release 2203, LTSR, CU 7.

    ``release`` holds the release's numbers (``(2203,)``, ``(7, 15)``);
    ``cumulative_update`` is 0 for a release without a CU. A cumulative
    update exists only for a Long Term Service Release, so ``2402 CU3`` is
    LTSR even when the word is left out.
    """

    release: tuple[int, ...]
    ltsr: bool
    cumulative_update: int
    text: str = field(compare=False)

    def __str__(self) -> str:
        return self.text


PRODUCT_VERSION_EXAMPLES = "2411, 2203 LTSR CU7, 2402 CU3 or 7.15 LTSR CU9"


def parse_product_version(text: str) -> ProductVersion | None:
    """Parse ``2411``, ``2203 CU7``, ``2402 LTSR CU3``, ``7.15 LTSR CU9``; None otherwise."""
    match = _PRODUCT.match(text)
    if match is None:
        return None
    cu = match.group("cu")
    return ProductVersion(
        release=tuple(int(p) for p in match.group("release").split(".")),
        ltsr=match.group("ltsr") is not None or cu is not None,
        cumulative_update=int(cu) if cu is not None else 0,
        text=text.strip(),
    )
