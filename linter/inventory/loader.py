"""Read an inventory file into plain data plus a pointer → span index.

Why not ``yaml.safe_load``: it loses positions, silently keeps the last of
duplicate keys, and PyYAML's C composer recurses in C, so a deeply nested file
crashes the interpreter. Here the (C, where available) *parser* produces
events and a small iterative composer builds plain Python data directly,
recording where every value (and every mapping key) sits, checking duplicate
keys, tags, nesting depth, alias expansion and document count as it goes.
Nothing but plain data types is ever constructed.
"""

from __future__ import annotations

import codecs

from cllint.findings import Finding, Span, q
from cllint.inventory.pyyaml import not_printable, yaml
from cllint.records import field, record

ev = yaml.events

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@record(frozen=True, slots=True)
class Limits:
    """Input limits; each ends in a CL001 finding naming the limit, not a crash."""

    max_bytes: int = 10 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 250_000
    max_documents: int = 100
    max_findings: int = 10_000
    """Most findings reported for one file (the engine stops collecting past it)."""
    max_findings_per_run: int = 20_000
    """Most findings reported for a whole run; the rest are counted, not kept."""


DEFAULT_LIMITS = Limits()


Position = tuple[int, int, int, int]
"""A span as plain numbers: (line, column, end line, end column), 1-based."""


def _event_position(event: Any) -> Position:
    sm = event.start_mark
    em = event.end_mark
    return (sm.line + 1, sm.column + 1, em.line + 1, em.column + 1)


def _position(node: Any) -> Position:
    """Where a scalar, an alias or a collection (a :class:`_Frame`) sits in the text.

    A block collection's end mark is the next token, on a later line; the
    collection ends where its last value does, so that is looked up (walking
    down while that value is itself a block collection).
    """
    if type(node) is not _Frame:
        return _event_position(node)
    sm = node.start.start_mark
    last: Any = node
    while type(last) is _Frame and not last.flow and last.last is not None:
        last = last.last
    em = last.end_event.end_mark if type(last) is _Frame else last.end_mark
    return (sm.line + 1, sm.column + 1, em.line + 1, em.column + 1)


@record(slots=True)
class Document:
    """One YAML document: its data and where each part of it came from.

    Positions are kept as the parser's events, in a tree beside the data (see
    :class:`_Frame`), and turned into line and column only for the pointers a
    finding names: most values of a file are never pointed at.
    """

    index: int
    data: Any
    raw: dict[str, str] = field(default_factory=dict)
    """Source text of non-string scalars (``11.10`` stays ``11.10``, not 11.1)."""
    root: Any = None
    """The root value's place: a scalar's event or a collection's :class:`_Frame`."""

    def _walk(self, pointer: str) -> tuple[Any, Any, str | None, bool]:
        """(deepest node on ``pointer``, its parent frame, its key there, whole pointer found)."""
        node = self.root
        parent: Any = None
        key: str | None = None
        if not pointer or node is None:
            return node, None, None, not pointer
        for part in pointer[1:].split("/"):
            if type(node) is not _Frame:
                return node, parent, key, False
            kids = node.kids
            if type(kids) is list:
                if not (part.isascii() and part.isdigit()) or str(int(part)) != part:
                    return node, parent, key, False
                index = int(part)
                if index >= len(kids):
                    return node, parent, key, False
                parent, key, node = node, None, kids[index]
            else:
                name = part.replace("~1", "/").replace("~0", "~")
                child = kids.get(name)
                if child is None or _escape(name) != part:
                    return node, parent, key, False
                parent, key, node = node, name, child
        return node, parent, key, True

    def span(self, pointer: str) -> Span:
        """The span of the value at ``pointer``, else of its nearest ancestor."""
        node = self._walk(pointer)[0]
        return Span.point(1, 1) if node is None else Span(*_position(node))

    def key_span(self, pointer: str) -> Span:
        """The span of the mapping key whose value is at ``pointer``."""
        node, parent, key, found = self._walk(pointer)
        if found and key is not None:
            return Span(*_event_position(parent.keys[key]))
        return Span.point(1, 1) if node is None else Span(*_position(node))


#: The top-level keys that make a document an inventory (any of them).
INVENTORY_KEYS = frozenset({"cluster", "nodes", "licensing"})


def is_inventory(data: Any) -> bool:
    return isinstance(data, dict) and any(k in data for k in INVENTORY_KEYS)


@record(slots=True)
class LoadedFile:
    """What the loader made of one file."""

    text: str | None
    documents: list[Document]
    findings: list[Finding]


class _LoadError(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.span = Span.point(max(line, 1), max(column, 1))


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with a BOM, as Windows writes.

    Raises :class:`_LoadError` with the position of the first bad byte.
    """
    if _looks_like_utf32(data):
        raise _LoadError(_UTF32, 1, 1)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise _LoadError(
                    f"cannot decode as {encoding.upper()}: {exc.reason}", 1, 1
                ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _looks_like_bomless_utf16(data):
            raise _LoadError(_BOMLESS_UTF16, 1, 1) from None
        good = data[: exc.start].decode("utf-8")
        line = good.count("\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1)
        column = len(data[exc.start - column : exc.start].decode("utf-8")) + 1
        raise _LoadError(
            f"invalid UTF-8 byte 0x{data[exc.start]:02x}; save the file as UTF-8",
            line,
            column,
        ) from None


_BOMLESS_UTF16 = (
    "file looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with BOM)"
)


_UTF32 = "file looks like UTF-32; save it as UTF-8 (or UTF-16 with BOM)"


def _looks_like_utf32(data: bytes) -> bool:
    """A UTF-32 byte-order mark, or text whose every 4-byte unit is mostly NULs.

    Checked before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one.
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return True
    head = data[:200]
    units = len(head) // 4
    if units == 0:
        return False
    zeros = sum(head[i * 4 : i * 4 + 4].count(0) >= 3 for i in range(units))
    return zeros * 4 >= units * 3


def _looks_like_bomless_utf16(data: bytes) -> bool:
    head = data[:200]
    return len(head) >= 4 and head.count(0) * 3 >= len(head)


_PLAIN_TAGS = frozenset(
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge")
)
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE_KEY = "\x00merge"  # stands for a pending ``<<`` key; no YAML key can equal it


def _start(event: Any) -> tuple[int, int]:
    """Where an event starts, 1-based (for a CL001 finding there)."""
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


class _Frame:
    """A mapping or list being composed, and afterwards its place in the text.

    ``kids`` mirrors ``container``: for each value kept there, its event (a
    scalar or an alias) or its own frame; ``keys`` holds each kept key's
    event. A frame whose values are not kept where they stand (the value of a
    duplicate or merge key) records no kids, so a pointer into it ends at it.
    """

    __slots__ = (
        "anchor",
        "container",
        "end_event",
        "flow",
        "height",
        "key",
        "key_event",
        "keys",
        "kids",
        "last",
        "merged",
        "nodes",
        "pointer",
        "skip",
        "start",
    )

    def __init__(self, start: Any, mapping: bool, pointer: str, skip: bool) -> None:
        self.start = start
        self.container: Any = {} if mapping else []
        self.kids: Any = {} if mapping else []
        self.keys: dict[str, Any] | None = {} if mapping else None
        self.pointer = pointer
        self.skip = skip
        self.key: str | None = None
        self.key_event: Any = None
        self.nodes = 1
        self.height = 1
        self.anchor: str | None = start.anchor
        self.merged: set[str] | None = None  # keys that came from a << merge
        self.flow = bool(start.flow_style)
        self.last: Any = None  # the last value attached: where a block collection ends
        self.end_event: Any = None


_PLAIN_VALUES: dict[str, Any] = {}
"""Plain scalars typed as numbers, booleans or null (``27000``, ``true``), by text.

Texts that stay strings (addresses, versions) are not kept: they differ
from one inventory to the next, and would only fill the cache.
"""
_PLAIN_CACHE_SIZE = 4096

_SCALAR_TOOLS: list[tuple[Any, frozenset[str] | None, frozenset[str], Any]] = []

_DIGITS = frozenset("0123456789")
#: What PyYAML's resolver may make of a plain scalar that starts with a digit.
_DIGIT_TYPES = frozenset("tag:yaml.org,2002:" + t for t in ("float", "int", "timestamp"))


def _scalar_tools() -> tuple[Any, frozenset[str] | None, frozenset[str], Any]:
    """PyYAML's resolver and constructor, made once per process (both keep no state here)."""
    if not _SCALAR_TOOLS:
        resolver = yaml.resolver.Resolver()
        # First characters for which some implicit type (int, bool, null, ...) may
        # apply; any other plain scalar is a string without asking the resolver.
        implicit = resolver.yaml_implicit_resolvers
        typed = (
            frozenset(k for k in implicit if k)
            if None not in implicit and not resolver.yaml_path_resolvers
            else None
        )
        # A text that starts with a digit and holds a "/" or two dots (an address,
        # a subnet, a version) is a string: YAML 1.1's integers hold no dot, and
        # its floats and timestamps one at most. Asking the resolver would compile
        # the timestamp pattern (0.4-0.7 ms) for nothing. Trusted only while the
        # digits resolve to those three types alone.
        stock = typed is not None and all(
            {tag for tag, _regexp in implicit.get(d, ())} <= _DIGIT_TYPES for d in _DIGITS
        )
        digit_first = _DIGITS if stock else frozenset()
        constructor = yaml.constructor.SafeConstructor()
        _SCALAR_TOOLS.append((resolver.resolve, typed, digit_first, constructor))
    return _SCALAR_TOOLS[0]


class _Composer:
    """Builds plain data from parser events; see the module docstring."""

    def __init__(self, text: str, limits: Limits) -> None:
        self.text = text
        self.limits = limits
        self.findings: list[Finding] = []
        self.total = 0  # values composed so far in this file, aliases expanded
        self.resolve, self.may_be_typed, self.digit_first, self.constructor = _scalar_tools()

    # -- public -----------------------------------------------------------
    def documents(self) -> list[Document]:
        parser = _Loader(self.text)
        docs: list[Document] = []
        try:
            while True:
                event: Any = parser.get_event()
                if isinstance(event, ev.StreamEndEvent):
                    break
                if isinstance(event, ev.DocumentStartEvent):
                    start: Any = event.start_mark
                    if len(docs) >= self.limits.max_documents:
                        raise _LoadError(
                            f"more than {self.limits.max_documents} documents in one file "
                            "(limit max-documents)",
                            start.line + 1,
                            start.column + 1,
                        )
                    docs.append(self._document(parser, len(docs)))
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or exc.context or "invalid YAML"
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            if "nesting depth" in problem:
                # libyaml >= 0.2.6 has its own (larger) nesting limit and may trip it
                # while scanning ahead, before our own depth check sees the events.
                raise _LoadError(
                    f"nesting deeper than {self.limits.max_depth} levels (limit max-depth)",
                    line,
                    col,
                ) from None
            raise _LoadError(f"YAML syntax error: {problem}", line, col) from None
        except yaml.reader.ReaderError as exc:
            match = not_printable().search(self.text)
            pos = match.start() if match else 0
            line = self.text.count("\n", 0, pos) + 1
            col = pos - (self.text.rfind("\n", 0, pos) + 1) + 1
            raise _LoadError(
                f"character U+{exc.character:04X} is not allowed in YAML; "
                "write it as an escape in a double-quoted string",
                line,
                col,
            ) from None
        finally:
            parser.dispose()
        return docs

    # -- internals --------------------------------------------------------
    def _document(self, parser: Any, index: int) -> Document:
        doc = Document(index, None)
        raw = doc.raw
        anchors: dict[str, tuple[Any, int, int]] = {}
        stack: list[_Frame] = []
        # max-nodes bounds the file, not each document: twenty documents just under
        # the limit would otherwise cost twenty times the memory.
        total = self.total
        max_depth = self.limits.max_depth
        max_nodes = self.limits.max_nodes
        typed = self.may_be_typed
        digit_first = self.digit_first
        get_event = parser.get_event
        attach = self._attach
        plain = _PLAIN_VALUES
        top: _Frame | None = None
        result: Any = None
        root: Any = None
        done = False

        while True:
            event: Any = get_event()
            cls = type(event)
            if cls is ev.ScalarEvent:
                tag = event.tag
                if top is not None and top.keys is not None and top.key is None:
                    # A mapping key.
                    if tag is not None:
                        self._check_tag(tag, event.start_mark)
                    key = event.value
                    top.key = key
                    top.key_event = event
                    if (
                        key == "<<"
                        and tag is None
                        and event.implicit[0]
                        and self.resolve(yaml.ScalarNode, key, (True, False)) == _MERGE
                    ):
                        top.key = _MERGE_KEY
                    continue
                text = event.value
                value: Any
                if tag is None and event.implicit[0]:
                    if typed is not None and text and text[0] not in typed:
                        value = text  # the common case: a plain string
                    elif text[:1] in digit_first and ("/" in text or text.count(".") > 1):
                        value = text  # an address, a subnet, a version
                    else:
                        # Ports, addresses, versions, booleans: the same few texts in
                        # every file of a run, each typed once by the resolver.
                        value = plain.get(text, plain)
                        if value is plain:
                            value = self._scalar(event, tag, event.start_mark)
                            if type(value) is not str and len(plain) < _PLAIN_CACHE_SIZE:
                                plain[text] = value
                else:
                    value = self._scalar(event, tag, event.start_mark)
                total += 1
                if total > max_nodes:
                    self._too_many(max_nodes, event)
                if event.anchor is not None:
                    anchors[event.anchor] = (value, 1, 0)
                if top is None:
                    result, root, done = value, event, True
                    if type(value) is not str:
                        raw[""] = text
                    continue
                attach(top, value, event, 1, text if type(value) is not str else None, raw)
            elif cls is ev.MappingStartEvent or cls is ev.SequenceStartEvent:
                if event.tag is not None:
                    self._check_tag(event.tag, event.start_mark)
                if top is None:
                    pointer = ""
                    skip = False
                elif top.keys is None:
                    pointer = f"{top.pointer}/{len(top.container)}"
                    skip = top.skip
                else:
                    key = top.key
                    if key is None:
                        raise _LoadError(
                            "a mapping key must be a plain value, not a mapping or list",
                            *_start(event),
                        )
                    pointer = f"{top.pointer}/{_escape(key)}"
                    skip = top.skip or key == _MERGE_KEY or key in top.container
                if len(stack) >= max_depth:
                    raise _LoadError(
                        f"nesting deeper than {max_depth} levels (limit max-depth)",
                        *_start(event),
                    )
                top = _Frame(event, cls is ev.MappingStartEvent, pointer, skip)
                stack.append(top)
                total += 1
                if total > max_nodes:
                    self._too_many(max_nodes, event)
            elif cls is ev.MappingEndEvent or cls is ev.SequenceEndEvent:
                frame = stack.pop()
                frame.end_event = event
                value = frame.container
                if frame.anchor is not None:
                    anchors[frame.anchor] = (value, frame.nodes, frame.height)
                if not stack:
                    result, root, done = value, frame, True
                    top = None
                    continue
                top = stack[-1]
                attach(top, value, frame, frame.nodes, None, raw)
                if top.height <= frame.height:
                    top.height = frame.height + 1
            elif cls is ev.AliasEvent:
                if top is not None and top.keys is not None and top.key is None:
                    raise _LoadError(
                        f"alias *{q(event.anchor)[1:-1]} cannot be a mapping key; "
                        "write the key itself",
                        *_start(event),
                    )
                target = anchors.get(event.anchor)
                if target is None:
                    raise _LoadError(
                        f"alias *{q(event.anchor)[1:-1]} refers to no complete anchor "
                        "(undefined or recursive)",
                        *_start(event),
                    )
                value, nodes, depth_below = target
                total += nodes
                if total > max_nodes:
                    raise _LoadError(
                        f"aliases expand to more than {max_nodes} values (limit max-nodes)",
                        *_start(event),
                    )
                if len(stack) + depth_below > max_depth:
                    raise _LoadError(
                        f"alias *{q(event.anchor)[1:-1]} nests deeper than {max_depth} levels "
                        "(limit max-depth)",
                        *_start(event),
                    )
                if top is None:
                    result, root, done = value, event, True
                    continue
                attach(top, value, event, nodes, None, raw)
                if top.height <= depth_below:
                    top.height = depth_below + 1
            elif cls is ev.DocumentEndEvent:
                break

        self.total = total
        doc.data = result if done else None
        doc.root = root if done else None
        return doc

    @staticmethod
    def _too_many(max_nodes: int, event: Any) -> None:
        raise _LoadError(f"more than {max_nodes} values (limit max-nodes)", *_start(event))

    def _attach(
        self,
        top: _Frame,
        value: Any,
        node: Any,
        nodes: int,
        rawtext: str | None,
        raw: dict[str, str],
    ) -> None:
        """Put ``value`` (placed at ``node``) into the collection being composed."""
        top.nodes += nodes
        top.last = node
        c = top.container
        keys = top.keys
        if keys is None:
            if not top.skip:
                if rawtext is not None:
                    raw[f"{top.pointer}/{len(c)}"] = rawtext
                top.kids.append(node)
            c.append(value)
            return
        key = top.key
        key_event = top.key_event
        top.key = None
        assert key is not None
        if key == _MERGE_KEY:
            self._merge(top, value, key_event)
            return
        if top.merged is not None and key in top.merged:
            top.merged.discard(key)  # an explicit key overrides a merged one
            del c[key]
        if key in c:
            if not top.skip and len(self.findings) < self.limits.max_findings:
                first = keys.get(key)
                where = f" (first at line {first.start_mark.line + 1})" if first else ""
                self.findings.append(
                    Finding(
                        "CL003",
                        f"duplicate key {q(key)}{where}; the first one is used",
                        span=Span(*_event_position(key_event)),
                    )
                )
            return
        c[key] = value
        if not top.skip:
            top.kids[key] = node
            keys[key] = key_event
            if rawtext is not None:
                raw[f"{top.pointer}/{_escape(key)}"] = rawtext

    def _merge(self, frame: _Frame, value: Any, key_event: Any) -> None:
        target: dict[str, Any] = frame.container
        merged = frame.merged if frame.merged is not None else set()
        frame.merged = merged
        sources = value if isinstance(value, list) else [value]
        for source in sources:
            if not isinstance(source, dict):
                raise _LoadError(
                    "a merge key (<<) needs a mapping or a list of mappings",
                    *_start(key_event),
                )
            for k, v in source.items():
                if k not in target:
                    target[k] = v
                    merged.add(k)

    def _check_tag(self, tag: str | None, mark: Any) -> None:
        if tag is None or tag == "!" or tag in _PLAIN_TAGS:
            return
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        shown = shown if len(shown) <= 60 else shown[:59] + "…"
        raise _LoadError(
            f"tag '{shown}' is not allowed: inventories hold plain data only",
            mark.line + 1,
            mark.column + 1,
        )

    def _scalar(self, event: Any, tag: str | None, mark: Any) -> Any:
        text: str = event.value
        if tag is None:
            if not event.implicit[0]:
                return text
            typed = self.may_be_typed
            if typed is not None and text and text[0] not in typed:
                return text
            tag = self.resolve(yaml.ScalarNode, text, (True, False))
            if tag == _STR:
                return text
        elif tag == "!" or tag == _STR:
            return text
        else:
            self._check_tag(tag, mark)
        if tag == _TIMESTAMP:
            return text
        kind = tag.rsplit(":", 1)[-1]
        if kind not in _SCALAR_KINDS:
            # !!map / !!seq / !!merge on a scalar: PyYAML would build a generator.
            raise _LoadError(
                f"tag '!!{kind}' needs a {_NEEDS.get(kind, 'mapping')}, not a scalar",
                mark.line + 1,
                mark.column + 1,
            )
        node = yaml.ScalarNode(tag, text, event.start_mark, event.end_mark, event.style)
        build = self.constructor.yaml_constructors.get(tag)
        if build is None:  # pragma: no cover - every scalar kind has a constructor
            return text
        try:
            value = build(self.constructor, node)
        except Exception:  # KeyError for !!bool maybe, IndexError for !!int _, ...
            raise _LoadError(
                f"value {q(text)} is not a valid {kind}", mark.line + 1, mark.column + 1
            ) from None
        if type(value) is int and value.bit_length() > _MAX_INT_BITS:
            # 0xfff… or 1:1:1:… of thousands of digits: no setting is such a number,
            # and printing one is slow (Python refuses past 4300 digits).
            raise _LoadError(
                f"number {q(text)} is too large (more than {_MAX_INT_DIGITS} digits)",
                mark.line + 1,
                mark.column + 1,
            )
        return value


_SCALAR_KINDS = frozenset(("int", "float", "bool", "null"))
_NEEDS = {"seq": "list", "map": "mapping", "merge": "mapping key"}
_MAX_INT_DIGITS = 1000
_MAX_INT_BITS = 3322  # 10**1000 has 3322 bits


def load_text(text: str, limits: Limits = DEFAULT_LIMITS) -> LoadedFile:
    """Compose every document of ``text``; problems become CL001/CL003 findings."""
    composer = _Composer(text, limits)
    try:
        docs = composer.documents()
    except _LoadError as exc:
        return LoadedFile(
            text, [], [*composer.findings, Finding("CL001", exc.message, span=exc.span)]
        )
    except RecursionError:  # pragma: no cover - the composer is iterative
        return LoadedFile(
            text, [], [Finding("CL001", "input nests too deeply", span=Span.point(1, 1))]
        )
    return LoadedFile(text, docs, composer.findings)


def load_bytes(data: bytes, limits: Limits = DEFAULT_LIMITS) -> LoadedFile:
    """Decode and load raw file content."""
    if len(data) > limits.max_bytes:
        return LoadedFile(
            None,
            [],
            [
                Finding(
                    "CL001",
                    f"file is {len(data)} bytes, over the {limits.max_bytes}-byte limit "
                    "(limit max-file-size)",
                    span=Span.point(1, 1),
                )
            ],
        )
    try:
        text = decode(data)
    except _LoadError as exc:
        return LoadedFile(None, [], [Finding("CL001", exc.message, span=exc.span)])
    if "\x00" in text:
        if _looks_like_utf32(data):
            return LoadedFile(None, [], [Finding("CL001", _UTF32, span=Span.point(1, 1))])
        if _looks_like_bomless_utf16(data):
            return LoadedFile(None, [], [Finding("CL001", _BOMLESS_UTF16, span=Span.point(1, 1))])
        pos = text.index("\x00")
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        return LoadedFile(
            text,
            [],
            [
                Finding(
                    "CL001",
                    "file holds NUL bytes: it is binary, not YAML or JSON",
                    span=Span.point(line, col),
                )
            ],
        )
    return load_text(text, limits)
