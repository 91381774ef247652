"""Read Citrix (FLEXlm / FlexNet Publisher) license files: pure parsing, no I/O.

:func:`parse` turns the bytes of a ``.lic`` file into a :class:`LicenseFile`:
the SERVER, VENDOR, USE_SERVER, FEATURE/INCREMENT, PACKAGE and UPGRADE lines
with the line and column of every value, so findings point into the license
file, plus the :class:`ParseError` list of what makes the file unusable.

The reader is tolerant of what files pick up on their way through e-mail and
web pages (typographic quotes, a lost space before a keyword, a ``SIGN=``
value wrapped across lines without a backslash) and strict about what
``lmgrd`` would reject (an unknown line keyword, missing fields, a bad date,
a bad port). Signatures (``SIGN=``, ``SIGN2=``) are skipped, never stored:
they are secrets of a kind and no check needs them.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Iterable, Iterator, Mapping

from cllint.findings import Span, q
from cllint.lazy_patterns import lazy_compile
from cllint.records import FrozenInstanceError, field, record

DEFAULT_SERVER_PORT = 27000
MAX_ERRORS = 10
"""Reading stops at this many problems: a garbage file is ten findings, not thousands."""

QUOTES = frozenset('"\u201c\u201d')
"""Plain and typographic double quotes (web pages turn ``"`` into ``“``/``”``)."""

LINE_KEYWORDS = frozenset(
    {"SERVER", "VENDOR", "DAEMON", "USE_SERVER", "FEATURE", "INCREMENT", "PACKAGE", "UPGRADE"}
)
SECRET_KEYS = frozenset({"SIGN", "SIGN2"})
UNBOUND_HOSTIDS = frozenset({"ANY", "DEMO"})
"""Host ids that bind to no machine: the file or line works on any host."""
# Patterns that only unusual lines need are kept as text: ``re`` compiles one
# the first time it is used, so a run over ordinary files never pays for it.
_ETHERNET = r"[0-9A-Fa-f]{12}\Z|[0-9A-Fa-f]{2}([-:])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}\Z"
"""An Ethernet (MAC) address host id: ``0015C5F2D1A3``, ``00-15-C5-F2-D1-A3``, ``00:15:…``."""
_HEX_ID = r"[0-9A-Fa-f]+(?:[-:][0-9A-Fa-f]+)*\Z"
# Keywords found glued to the previous value when a space got lost (``...2026SIGN=``).
# Short or generic ones (SN, ck) are left out: they occur inside ordinary values.
GLUED_KEYWORDS = (
    "SIGN2",
    "SIGN",
    "HOSTID",
    "VENDOR_STRING",
    "NOTICE",
    "ISSUER",
    "ISSUED",
    "START",
    "DUP_GROUP",
)
_GLUED_AFTER_VALUE = re.compile(r"(?<=[0-9a-z\"])(?:" + "|".join(GLUED_KEYWORDS) + r")=")
_HEX_LINE = r"[0-9A-Fa-f]{2,}(?:\s+[0-9A-Fa-f]{2,})*\s*\\?"
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}


def _is_key(text: str) -> bool:
    """``[A-Za-z_][A-Za-z0-9_]*``: an ASCII identifier is exactly that."""
    return text.isascii() and text.isidentifier()


def _digits(text: str, most: int) -> bool:
    """``[0-9]{1,most}``, the whole text."""
    return 0 < len(text) <= most and text.isascii() and text.isdigit()


def _is_version(text: str) -> bool:
    """``[0-9]+(?:\\.[0-9]+)*``, the whole text: ``2030.0101``, ``11``."""
    return text.isascii() and all(part.isdigit() for part in text.split("."))


# --------------------------------------------------------------------------
# What a license file holds
# --------------------------------------------------------------------------
class Value:
    """One value as read, with where it stands in the file.

    Read-only, compared and hashed by ``text`` and ``span``, like a frozen
    record. Where it stands is worked out when first asked for: the rules
    read a file's values, but place only those of a finding, and placing
    every value as it was read cost a fifth of parsing a license file.
    """

    __slots__ = ("_span", "text")
    text: str
    _span: Span | tuple[_Logical, int, int]

    def __init__(self, text: str, span: Span) -> None:
        _set_text(self, text)
        _set_span(self, span)

    @property
    def span(self) -> Span:
        where = self._span
        if type(where) is tuple:
            logical, start, end = where
            where = logical.span(start, end)
            _set_span(self, where)
        assert isinstance(where, Span)
        return where

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is Value:
            assert isinstance(other, Value)
            return self.text == other.text and self.span == other.span
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.text, self.span))

    def __repr__(self) -> str:
        return f"Value(text={self.text!r}, span={self.span!r})"

    def __reduce__(self) -> tuple[type[Value], tuple[str, Span]]:
        return (Value, (self.text, self.span))


# The slots' own setters: __setattr__ refuses every assignment.
_set_text = vars(Value)["text"].__set__
_set_span = vars(Value)["_span"].__set__
_new_value = object.__new__


def _value_at(text: str, logical: _Logical, start: int, end: int) -> Value:
    """A value whose span is ``logical.span(start, end)``, worked out on first use."""
    value: Value = _new_value(Value)
    _set_text(value, text)
    _set_span(value, (logical, start, end))
    return value


@record(frozen=True, slots=True)
class ParseError:
    """Something that makes the file unusable (reported as CL702)."""

    message: str
    span: Span


@record(frozen=True, slots=True)
class HostBinding:
    """A host id that binds the file (SERVER) or one line to one machine.

    ``HOSTNAME=name`` binds to a host name (``kind`` is ``HOSTNAME``); every
    other host id except ``ANY`` and ``DEMO`` binds to one machine by
    something else: an Ethernet address, ``ID=``, ``INTERNET=``, a hex or a
    vendor-defined id (see :data:`MACHINE_KINDS`).
    """

    name: str
    """The host name, or the machine id's value (``0015C5F2D1A3``, ``10.10.1.*``)."""
    span: Span
    """Where the host name (or id value) itself stands."""
    line_keyword: str
    """``SERVER``, ``FEATURE`` or ``INCREMENT``."""
    where: str
    """The binding's line for messages: ``the SERVER line``, ``INCREMENT CVD_ENT_CCU``."""
    kind: str = "HOSTNAME"
    """``HOSTNAME``; ``ETHERNET`` (an Ethernet address, bare or ``ETHER=``), ``HEX``
    (another bare hexadecimal id), ``OTHER`` (another bare word); or the key in upper
    case: ``ID``, ``INTERNET``, or a vendor-defined one (``PTC_HOSTID``, ``VDH``)."""
    key: str = ""
    """The key as written (``ID``, ``ptc_hostid``); empty for a bare id."""

    @property
    def by_host_name(self) -> bool:
        return self.kind == "HOSTNAME"


@record(frozen=True, slots=True)
class ServerLine:
    keyword: Value
    host: Value
    hostid: Value
    port: int
    port_value: Value | None
    """The written port; None when absent (then ``port`` is the default 27000)."""
    bindings: tuple[HostBinding, ...]


@record(frozen=True, slots=True)
class VendorLine:
    keyword: Value
    name: Value
    daemon_path: Value | None
    options: Value | None
    port: int | None
    port_value: Value | None


@record(frozen=True, slots=True)
class FeatureLine:
    """A FEATURE, INCREMENT or UPGRADE line."""

    keyword: Value
    name: Value
    vendor: Value
    version: Value
    expiry: _dt.date | None
    """None means permanent."""
    expiry_value: Value
    count: int | None
    """None means uncounted."""
    from_version: Value | None = None
    """UPGRADE lines only."""
    keywords: Mapping[str, Value] = field(default_factory=dict)
    """Keyword arguments by upper-case key (signatures left out)."""
    bindings: tuple[HostBinding, ...] = ()

    @property
    def kind(self) -> str:
        return self.keyword.text.upper()


@record(frozen=True, slots=True)
class PackageLine:
    keyword: Value
    name: Value
    vendor: Value
    version: Value | None
    keywords: Mapping[str, Value] = field(default_factory=dict)


@record(frozen=True, slots=True)
class LicenseFile:
    servers: tuple[ServerLine, ...] = ()
    vendors: tuple[VendorLine, ...] = ()
    use_server: bool = False
    features: tuple[FeatureLine, ...] = ()
    """FEATURE, INCREMENT and UPGRADE lines, in file order."""
    packages: tuple[PackageLine, ...] = ()
    errors: tuple[ParseError, ...] = ()

    @property
    def usable(self) -> bool:
        return not self.errors

    def bindings(self) -> Iterator[HostBinding]:
        """Every host-name binding: SERVER host ids, then FEATURE/INCREMENT ``HOSTID=``."""
        for binding in self.all_bindings():
            if binding.by_host_name:
                yield binding

    def all_bindings(self) -> Iterator[HostBinding]:
        """Every binding to one machine, by host name or otherwise, in file order of kind:
        SERVER host ids, then FEATURE/INCREMENT ``HOSTID=``."""
        for server in self.servers:
            yield from server.bindings
        for feature in self.features:
            if feature.kind in ("FEATURE", "INCREMENT"):
                yield from feature.bindings


# --------------------------------------------------------------------------
# Physical lines -> logical lines (comments, continuations, wrapped values)
# --------------------------------------------------------------------------
@record(slots=True)
class _Logical:
    """A logical line: text joined from physical lines, and a map back to them.

    Built piece by piece in linear time (a hostile file may continue one line
    for a megabyte); the quote state is tracked as pieces arrive.
    """

    parts: list[str] = field(default_factory=list)
    length: int = 0
    # (offset in text, physical line, column of that offset), ascending offsets
    pieces: list[tuple[int, int, int]] = field(default_factory=list)
    in_quote: bool = False
    ends_in_signature: bool = False
    _text: str | None = None

    def add(self, line: int, column: int, text: str) -> None:
        if self.parts:
            self.parts.append(" ")
            self.length += 1
        self.pieces.append((self.length, line, column))
        self.parts.append(text)
        self.length += len(text)
        self._text = None
        # each quote character toggles the state: an odd count of them flips it
        if (text.count('"') + text.count("\u201c") + text.count("\u201d")) % 2:
            self.in_quote = not self.in_quote

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self.parts)
        return self._text

    def position(self, offset: int) -> tuple[int, int]:
        pieces = self.pieces
        if len(pieces) == 1:  # most lines are not continued
            start, line, column = pieces[0]
        else:
            i = bisect.bisect_right(pieces, (offset, 1 << 62, 0)) - 1
            start, line, column = pieces[max(i, 0)]
        return line, column + max(offset - start, 0)

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(max(end - 1, start))
        return Span(line, column, end_line, end_column + 1)


def _starts_line(text: str) -> bool:
    stripped = text.strip()
    if not stripped or stripped.startswith("#"):
        return True
    word = stripped.split(None, 1)[0].upper()
    return word in LINE_KEYWORDS


_HOST_IDS = lazy_compile(r"[^\s\"\u201c\u201d]+")
"""The host ids of a list (``HOSTID="a b"``): words between white space and quotes."""

_UNQUOTED_SIGN_AT_END = re.compile(r"(?:^|\s)SIGN2?=[^\s\"\u201c\u201d]*(?:\s+[0-9A-Fa-f]+)*\s*\Z")


def _logical_lines(lines: list[str]) -> Iterator[_Logical]:
    """Join continuations; drop comments and blank lines.

    Besides ``\\`` continuations, two wraps that web pages and mail clients
    produce are joined: a quoted value broken without a backslash, and a line
    of bare hexadecimal groups following an unquoted ``SIGN=`` value.
    """
    current: _Logical | None = None
    previous: _Logical | None = None  # closed, but may still take a wrapped signature
    for number, raw in enumerate(lines, start=1):
        if current is None:
            stripped = raw.strip()
            if not stripped or stripped.startswith("#"):
                if previous is not None:
                    yield previous
                    previous = None
                continue
            if (
                previous is not None
                and previous.ends_in_signature
                and re.fullmatch(_HEX_LINE, stripped)
            ):
                current = previous  # an unquoted SIGN= value wrapped without a backslash
            else:
                if previous is not None:
                    yield previous
                current = _Logical()
            previous = None
        elif not raw.strip():  # a blank line ends a continuation
            yield current
            current = None
            continue
        body = raw.lstrip()
        column = len(raw) - len(body) + 1
        body = body.rstrip()
        continued = body.endswith("\\")
        if continued:
            body = body[:-1].rstrip()
        current.add(number, column, body)
        next_line = lines[number] if number < len(lines) else None
        if next_line is None:
            break
        if continued:
            continue
        if current.in_quote and not _starts_line(next_line):
            continue  # a quoted value wrapped without a backslash
        if not current.ends_in_signature:
            tail = current.text[-4096:]
            current.ends_in_signature = bool(_UNQUOTED_SIGN_AT_END.search(tail))
        previous, current = current, None
    if current is not None:
        yield current
    elif previous is not None:
        yield previous


# --------------------------------------------------------------------------
# Words of a logical line
# --------------------------------------------------------------------------
@record(frozen=True, slots=True)
class _Word:
    key: str | None
    """The keyword as written (``port``), or None for a positional word."""
    value: str
    quoted: bool
    start: int
    end: int
    value_start: int
    """Offset of the value (after ``KEY=`` and the opening quote)."""
    unterminated: bool = False


# Only lines with a glued keyword need these (see _words_glued).
_STOP = lazy_compile(r"[\s\"\u201c\u201d]")
_SPACE = lazy_compile(r"\s")
_QUOTE = lazy_compile(r"[\"\u201c\u201d]")


_FAST_WORD = re.compile(
    r"(?=\S)"  # a word starts where white space ends
    r"([A-Za-z_][A-Za-z0-9_]*=)?"  # KEY= (an ASCII identifier)
    r"(?:[\"\u201c\u201d]([^\"\u201c\u201d]*)([\"\u201c\u201d])?"  # "quoted value"
    r"|(\S*))"  # or a bare value, up to white space
)
"""One word as :func:`_words_glued` reads it on a line where no keyword is glued."""


def _words(text: str) -> list[_Word]:
    """Split a logical line into words, in linear time whatever the input.

    A word is ``KEY=value``, ``KEY="quoted value"``, a bare word or a quoted
    one. Nearly every line has no keyword glued to a value: one regular
    expression reads those (a third of the cost of the loop, measured),
    and the loop of :func:`_words_glued` reads the rest.
    """
    glued = [m.start() for m in _GLUED_AFTER_VALUE.finditer(text)]
    if glued:
        return list(_words_glued(text, glued))
    words: list[_Word] = []
    for m in _FAST_WORD.finditer(text):
        key_eq, quoted, close, bare = m.groups()
        start = m.start()
        key = key_eq[:-1] if key_eq else None
        value_start = start + len(key_eq) if key_eq else start
        if bare is None:
            words.append(_Word(key, quoted, True, start, m.end(), value_start + 1, close is None))
        else:
            words.append(_Word(key, bare, False, start, m.end(), value_start))
    return words


def _words_glued(text: str, glued: list[int]) -> Iterator[_Word]:
    """:func:`_words` for any line, glued keywords included.

    A known keyword glued to the end of the previous value (a lost space,
    ``ISSUED=01-jun-2026SIGN=``) starts a new word; those places are found
    once for the whole line (``glued``: where each starts), so no word is
    scanned twice.
    """
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start = i
        if glued:
            k = bisect.bisect_right(glued, start)
            limit = glued[k] if k < len(glued) else n
        else:
            limit = n
        stop = _STOP.search(text, start, limit)
        j = stop.start() if stop else limit
        bare = text[start:j]
        key: str | None = None
        value_start = start
        eq = bare.find("=")
        if eq > 0 and _is_key(bare[:eq]):
            key = bare[:eq]
            value_start = start + eq + 1
        if j < n and text[j] in QUOTES and j in (value_start, start):
            # a quoted value: up to the closing quote
            close_match = _QUOTE.search(text, j + 1)
            close = close_match.start() if close_match else n
            end = min(close + 1, n)
            yield _Word(key, text[j + 1 : close], True, start, end, j + 1, close_match is None)
            i = end  # a keyword glued to the closing quote starts a new word
            continue
        if j < limit and not text[j].isspace():
            # a quote inside an unquoted value is kept: go on to white space
            space = _SPACE.search(text, j, limit)
            j = space.start() if space else limit
        yield _Word(key, text[value_start:j], False, start, j, value_start)
        i = j


# --------------------------------------------------------------------------
# Lines
# --------------------------------------------------------------------------
class _Problem(Exception):
    def __init__(self, message: str, span: Span) -> None:
        super().__init__(message)
        self.message = message
        self.span = span


class _LineReader:
    """Parses one logical line; raises :class:`_Problem` for what makes it unusable."""

    def __init__(self, logical: _Logical) -> None:
        self.logical = logical
        self.words = _words(logical.text)
        for w in self.words:
            if w.unterminated:
                raise _Problem(
                    "a quoted value has no closing quote", self.logical.span(w.start, w.end)
                )

    def value(self, w: _Word) -> Value:
        start = w.value_start
        return _value_at(w.value, self.logical, start, start + (len(w.value) or 1))

    def whole(self, w: _Word) -> Value:
        return _value_at(self.logical.text[w.start : w.end], self.logical, w.start, w.end)

    def keywords(self, words: list[_Word]) -> dict[str, Value]:
        """Keyword arguments by upper-case key; signatures are skipped, bare flags kept."""
        result: dict[str, Value] = {}
        in_sign = False
        for w in words:
            if w.key is not None:
                upper = w.key.upper()
                in_sign = upper in SECRET_KEYS and not w.quoted
                if upper not in SECRET_KEYS:
                    result.setdefault(upper, self.value(w))
            elif in_sign and w.value and _HEX_DIGITS.issuperset(w.value):
                continue  # an unquoted signature written with spaces
            else:
                in_sign = False
                result.setdefault(w.value.upper(), self.value(w))
        return result

    def bindings(self, w: _Word, keyword: str, where: str) -> tuple[HostBinding, ...]:
        """The host ids of a host-id value: ``HOSTNAME=name`` and every machine id.

        ``w`` is the SERVER line's positional host id (``HOSTNAME=CTXLIC``,
        ``0015C5F2D1A3``, ``PTC_HOSTID=08-00-76-32-E4-22``) or a ``HOSTID=``
        keyword, whose value may be a quoted list (``HOSTID="a b"``). ``ANY``
        and ``DEMO`` bind to nothing. Signature keys are never read.
        """
        if w.key is not None and w.key.upper() != "HOSTID":  # SERVER's positional KEY=value
            return self._binding(w.key, w.value, w.value_start, keyword, where)
        found: list[HostBinding] = []
        parts: Iterable[tuple[int, str]]
        if w.value.split() == [w.value] and not QUOTES.intersection(w.value):
            parts = ((0, w.value),)  # one host id, as nearly every line has
        else:
            parts = ((m.start(), m.group()) for m in _HOST_IDS.finditer(w.value))
        for offset, part in parts:
            key, sep, value = part.partition("=")
            start = w.value_start + offset
            if sep and _is_key(key):
                found.extend(self._binding(key, value, start + len(key) + 1, keyword, where))
            else:
                found.extend(self._binding(None, part, start, keyword, where))
        return tuple(found)

    def _binding(
        self, key: str | None, value: str, start: int, keyword: str, where: str
    ) -> tuple[HostBinding, ...]:
        """One host id as a binding, or none (``ANY``, ``DEMO``, empty, a signature key)."""
        if not value or (key is None and value.upper() in UNBOUND_HOSTIDS):
            return ()
        upper = key.upper() if key is not None else None
        if upper in SECRET_KEYS:
            return ()  # never read a signature, whatever wraps it
        if upper is None:
            kind = (
                "ETHERNET"
                if re.match(_ETHERNET, value)
                else "HEX"
                if re.match(_HEX_ID, value)
                else "OTHER"
            )
        elif upper in ("ETHER", "ETHERNET"):
            kind = "ETHERNET"
        else:
            kind = upper
        span = self.logical.span(start, start + len(value))
        return (HostBinding(value, span, keyword, where, kind, key or ""),)

    def need(self, count: int, what: str) -> None:
        args = self.words[1:]
        if len(args) < count:
            first = self.words[0]
            raise _Problem(
                f"{first.value.upper()} line needs {what}; found {len(args)} "
                f"field{'s' if len(args) != 1 else ''}",
                self.logical.span(first.start, self.words[-1].end),
            )

    def positional(self, w: _Word, what: str) -> _Word:
        if w.key is not None:
            raise _Problem(
                f"expected the {what} here, found keyword {q(w.key + '=')}",
                self.logical.span(w.start, w.end),
            )
        return w

    def port(self, w: _Word) -> int:
        text = w.value.strip()
        if not _digits(text, 5) or not 1 <= int(text) <= 65535:
            raise _Problem(f"port {q(text)} is not a port number (1–65535)", self.value(w).span)
        return int(text)

    # -- line kinds -------------------------------------------------------
    def server(self) -> ServerLine:
        self.need(2, "a host and a host id")
        kw, host, hostid, *rest = self.words
        port, port_value = DEFAULT_SERVER_PORT, None
        if rest and rest[0].key is None and any(c.isdigit() for c in rest[0].value):
            port, port_value = self.port(rest[0]), self.value(rest[0])
            rest = rest[1:]
        self.keywords(rest)
        return ServerLine(
            keyword=self.value(kw),
            host=self.value(self.positional(host, "host name")),
            hostid=self.whole(hostid),
            port=port,
            port_value=port_value,
            bindings=self.bindings(hostid, "SERVER", "the SERVER line"),
        )

    def vendor(self) -> VendorLine:
        self.need(1, "a vendor name")
        kw, name, *rest = self.words
        self.positional(name, "vendor name")
        daemon = options = None
        port: int | None = None
        port_value: Value | None = None
        positional: list[_Word] = []
        for w in rest:
            key = w.key.upper() if w.key is not None else None
            if key == "PORT":
                port, port_value = self.port(w), self.value(w)
            elif key == "OPTIONS":
                options = self.value(w)
            elif key is None or _looks_like_path(w):
                positional.append(w)
        for index, w in enumerate(positional):
            if index == 0 and _digits(w.value, 5) and len(positional) == 1 and port is None:
                # ``VENDOR CITRIX 7279`` is read as a daemon path by lmgrd: say so
                raise _Problem(
                    f"{q(w.value)} stands where the daemon path goes; write the port as "
                    f"PORT={w.value}",
                    self.value(w).span,
                )
            if index == 0:
                daemon = self.value(w)
            elif index == 1 and options is None:
                options = self.value(w)
            elif index == 2 and port is None:
                port, port_value = self.port(w), self.value(w)
        return VendorLine(
            keyword=self.value(kw),
            name=self.value(name),
            daemon_path=daemon,
            options=options,
            port=port,
            port_value=port_value,
        )

    def feature(self) -> FeatureLine:
        kw = self.words[0]
        upgrade = kw.value.upper() == "UPGRADE"
        if upgrade:
            self.need(6, "name, vendor, from-version, to-version, expiry date and count")
            _, name, vendor, from_v, version, exp, count, *rest = self.words
        else:
            self.need(5, "name, vendor, version, expiry date and count")
            _, name, vendor, version, exp, count, *rest = self.words
            from_v = None
        for w, what in ((name, "feature name"), (vendor, "vendor name")):
            self.positional(w, what)
        for w in (from_v, version) if from_v is not None else (version,):
            self.positional(w, "version")
            if not _is_version(w.value):
                raise _Problem(
                    f"version {q(w.value)} is not a version (digits and dots, e.g. 2027.0601)",
                    self.value(w).span,
                )
        self.positional(exp, "expiry date")
        try:
            expiry = parse_expiry(exp.value)
        except ValueError:
            raise _Problem(
                f"expiry date {q(exp.value)} is not a date d-mmm-yyyy (e.g. 6-feb-2027) "
                "or 'permanent'",
                self.value(exp).span,
            ) from None
        self.positional(count, "count")
        counted: int | None
        if count.value.lower() == "uncounted":
            counted = None
        elif _digits(count.value, 12):
            counted = int(count.value)
        else:
            raise _Problem(
                f"count {q(count.value)} is not a number or 'uncounted'", self.value(count).span
            )
        keywords = self.keywords(rest)
        bindings: list[HostBinding] = []
        for w in rest:
            if w.key is not None and w.key.upper() == "HOSTID":
                kind = kw.value.upper()
                bindings.extend(self.bindings(w, kind, f"{kind} {name.value}"))
        if counted is None and "HOSTID" not in keywords:
            raise _Problem(
                f"{kw.value.upper()} {name.value} is uncounted but has no HOSTID=; "
                "an uncounted license must name its host",
                self.value(count).span,
            )
        return FeatureLine(
            keyword=self.value(kw),
            name=self.value(name),
            vendor=self.value(vendor),
            version=self.value(version),
            expiry=expiry,
            expiry_value=self.value(exp),
            count=counted,
            from_version=self.value(from_v) if from_v is not None else None,
            keywords=keywords,
            bindings=tuple(bindings),
        )

    def package(self) -> PackageLine:
        self.need(2, "a package name and a vendor")
        kw, name, vendor, *rest = self.words
        self.positional(name, "package name")
        self.positional(vendor, "vendor name")
        version = None
        if rest and rest[0].key is None and _is_version(rest[0].value):
            version = self.value(rest[0])
            rest = rest[1:]
        return PackageLine(
            keyword=self.value(kw),
            name=self.value(name),
            vendor=self.value(vendor),
            version=version,
            keywords=self.keywords(rest),
        )


def _looks_like_path(w: _Word) -> bool:
    """A Windows daemon path such as ``C:\\x=y\\CITRIX.exe`` is not ``KEY=value``."""
    return w.key is not None and ("\\" in w.value or "/" in w.value) and len(w.key) == 1


def parse_expiry(text: str) -> _dt.date | None:
    """An expiry date, or None for permanent; ValueError when it cannot be read.

    ``permanent`` (any case) and a year of 0, 00, 000 or 0000 mean "never expires".
    """
    if text.lower() == "permanent":
        return None
    parts = text.split("-")  # d-mmm-yyyy: [0-9]{1,2}-[A-Za-z]{3}-[0-9]{1,4}
    if len(parts) != 3:
        raise ValueError(text)
    day, month, year = parts
    number = _MONTHS.get(month.lower()) if month.isascii() else None
    if number is None or not (_digits(day, 2) and _digits(year, 4)):
        raise ValueError(text)
    if int(year) == 0:
        return None
    if len(year) != 4:
        raise ValueError(text)
    return _dt.date(int(year), number, int(day))


# --------------------------------------------------------------------------
# The file
# --------------------------------------------------------------------------
def split_lines(text: str) -> list[str]:
    """Physical lines as editors count them (LF, CRLF or CR)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def decode(data: bytes) -> tuple[str | None, ParseError | None]:
    """UTF-8 text (a BOM is dropped), or the problem that stops decoding it."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, ParseError(
            "the file is UTF-16; license servers read UTF-8 – save it as UTF-8",
            Span.point(1, 1),
        )
    if b"\x00" in data:
        return None, ParseError(
            "the file holds NUL bytes: it is binary, not a license file", Span.point(1, 1)
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        return None, ParseError(
            f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8",
            Span.point(line, column),
        )


def parse(data: bytes) -> LicenseFile:
    """Parse a license file's bytes; problems are in ``errors``, never raised."""
    text, problem = decode(data)
    if text is None:
        assert problem is not None
        return LicenseFile(errors=(problem,))
    return parse_text(text)


def parse_text(text: str) -> LicenseFile:
    if text.startswith("\ufeff"):
        text = text[1:]
    servers: list[ServerLine] = []
    vendors: list[VendorLine] = []
    features: list[FeatureLine] = []
    packages: list[PackageLine] = []
    errors: list[ParseError] = []
    use_server = False
    for logical in _logical_lines(split_lines(text)):
        if not logical.text.strip():
            continue  # only backslashes: nothing to read
        try:
            reader = _LineReader(logical)
            first = reader.words[0]
            keyword = first.value.upper() if first.key is None and not first.quoted else ""
            if keyword == "SERVER":
                servers.append(reader.server())
            elif keyword in ("VENDOR", "DAEMON"):
                vendors.append(reader.vendor())
            elif keyword == "USE_SERVER":
                use_server = True
            elif keyword in ("FEATURE", "INCREMENT", "UPGRADE"):
                features.append(reader.feature())
            elif keyword == "PACKAGE":
                packages.append(reader.package())
            else:
                raise _Problem(_unknown_start(logical.text), logical.span(first.start, first.end))
        except _Problem as exc:
            errors.append(ParseError(exc.message, exc.span))
            if len(errors) >= MAX_ERRORS:
                # the file is unusable anyway: stop reading it (a hostile file
                # of garbage lines would otherwise cost a parse per line)
                last = errors.pop()
                note = f"{last.message} (the rest of the file was not read)"
                errors.append(ParseError(note, last.span))
                break
    if len(servers) not in (0, 1, 3) and len(errors) < MAX_ERRORS:
        errors.append(
            ParseError(
                f"the file has {len(servers)} SERVER lines; a license file has none, one, "
                "or three (a three-server redundant set)",
                servers[-1].keyword.span,
            )
        )
    if not (errors or servers or vendors or features or packages or use_server):
        errors.append(
            ParseError(
                "the file holds no license lines (nothing, or only comments) – is it the "
                "right file?",
                Span.point(1, 1),
            )
        )
    errors.sort(key=lambda e: (e.span.line, e.span.column))
    return LicenseFile(
        servers=tuple(servers),
        vendors=tuple(vendors),
        use_server=use_server,
        features=tuple(features),
        packages=tuple(packages),
        errors=tuple(errors),
    )


def _unknown_start(text: str) -> str:
    word = text.split(None, 1)[0] if text.strip() else ""
    if re.fullmatch(_HEX_LINE, text.strip()):
        # likely a wrapped signature: never quote it
        return (
            "the line holds only hexadecimal groups (a SIGN= value wrapped away from its "
            "line?); join it to the line it belongs to with a trailing backslash"
        )
    if re.match(_SIGNATURE_START, word, re.IGNORECASE):
        # a SIGN= value pushed onto its own line (mail and web pages break lines
        # without a backslash): the word is the signature itself, never quote it
        return (
            "a line starts with a signature (SIGN=) pushed onto a line of its own; "
            "join it to the line it belongs to with a trailing backslash"
        )
    known = ", ".join(sorted(LINE_KEYWORDS - {"DAEMON"}))
    return f"a line starts with unknown word {q(word)}; license file lines start with {known}"


_SIGNATURE_START = "[\"'\u201c\u201d]?SIGN2?[\"'\u201c\u201d]?\\s*="
