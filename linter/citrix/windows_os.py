"""Windows OS captions, normalised so that spellings of one OS compare equal.

Inventories copy the OS name from wherever the author found it: ``Get-CimInstance
Win32_OperatingSystem`` says ``Microsoft Windows Server 2016 Datacenter``, Server
Manager says ``Windows Server 2016 Datacenter``, people type extra spaces or
another letter case. A caption is split into a *release* (``windows server
2012 r2``) and an *edition* (``standard``), by whole words: ``Windows Server 2012
Standard`` is release ``windows server 2012``, a different release from ``2012
R2``, which a prefix comparison of the text would wrongly call equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cllint.records import record

_NOISE = r"[®™]|\((?:r|tm)\)"


def _is_year(word: str) -> bool:
    """Four decimal digits (as ``^\\d{4}$`` matches a word, without compiling it)."""
    return len(word) == 4 and word.isdecimal()


def _without_marks(caption: str) -> str:
    """``caption`` with ®, ™, (R) and (TM) turned into spaces.

    The pattern is compiled (by ``re``) only for a caption that may hold one:
    most are plain ASCII without parentheses.
    """
    if caption.isascii() and "(" not in caption:
        return caption
    return re.sub(_NOISE, " ", caption, flags=re.IGNORECASE)


_PREFIX = "Windows Server "


@record(frozen=True, slots=True)
class WindowsOs:
    """A normalised OS caption: lower-case words, ``Microsoft`` dropped."""

    release: str
    edition: str

    def matches(self, supported: WindowsOs) -> bool:
        """True when this OS is the ``supported`` release (and edition, if it names one)."""
        if self.release != supported.release:
            return False
        return not supported.edition or self.edition == supported.edition


_PARSED: dict[str, WindowsOs] = {}
_MAX_PARSED = 256


def parse_os(caption: str) -> WindowsOs:
    """Split ``caption`` into release and edition, word by word, ignoring case.

    ``Windows Server <year> [R2]`` is the release and the remaining words are the
    edition. A caption of another shape (``Windows 10 Pro``) is all release, so
    it only ever equals the same text.

    A run sees a handful of captions, each on many nodes and compared with each
    supported name: each is split once (the result is read-only).
    """
    found = _PARSED.get(caption)
    if found is None:
        found = _parse_os(caption)
        if len(_PARSED) < _MAX_PARSED:
            _PARSED[caption] = found
    return found


def _parse_os(caption: str) -> WindowsOs:
    words = _without_marks(caption).casefold().split()
    if words and words[0] == "microsoft":
        words = words[1:]
    if len(words) >= 3 and words[:2] == ["windows", "server"] and _is_year(words[2]):
        cut = 4 if len(words) > 3 and words[3] == "r2" else 3
        return WindowsOs(" ".join(words[:cut]), " ".join(words[cut:]))
    return WindowsOs(" ".join(words), "")


NO_CLUSTERING_EDITIONS = frozenset({"foundation", "essentials", "web"})
"""Editions that have no Failover Clustering feature, whatever the release.

Microsoft's edition comparisons ("Windows Server 2012 R2 products and
editions comparison"; "Comparison of Standard, Datacenter, and Essentials
editions of Windows Server 2016 / 2019") list Failover Clustering for
Standard and Datacenter only; Foundation, Essentials and the Web editions
cannot form a cluster.
"""


def edition_without_clustering(caption: str) -> str | None:
    """The edition word (``Essentials``) of a caption whose edition cannot cluster, else None.

    Looked for among the words after ``Windows`` (``Windows Server 2016
    Essentials``, ``Windows Web Server 2008 R2``, ``Windows Server Essentials``).
    """
    words = _without_marks(caption).split()
    if words and words[0].casefold() == "microsoft":
        words = words[1:]
    if not words or words[0].casefold() != "windows":
        return None
    for word in words[1:]:
        if word.casefold() in NO_CLUSTERING_EDITIONS:
            return word
    return None


def release_year(caption: str) -> int | None:
    """The year of a ``Windows Server <year>`` caption (2012 R2 counts as 2012), else None."""
    words = parse_os(caption).release.split()
    if len(words) >= 3 and words[:2] == ["windows", "server"] and _is_year(words[2]):
        return int(words[2])
    return None


def is_supported(caption: str, supported: Iterable[str]) -> bool:
    """True when ``caption`` is one of the ``supported`` OS names."""
    os = parse_os(caption)
    return any(os.matches(parse_os(name)) for name in supported)


def describe_supported(supported: Iterable[str]) -> str:
    """``Windows Server 2012 R2, 2016, 2019``: the list, short, for messages."""
    names = [" ".join(name.split()) for name in supported]
    if not names:
        return "none configured"
    if len(names) > 1 and all(n.startswith(_PREFIX) for n in names):
        return ", ".join([names[0], *(n[len(_PREFIX) :] for n in names[1:])])
    return ", ".join(names)
