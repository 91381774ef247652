"""Findings, severities and source spans: the vocabulary every part of cllint shares.

Rules create findings at JSON pointers and never deal with positions; the
engine later resolves each pointer to a :class:`Span` (see ``cllint.lint.engine``), so
one place owns the mapping from data to source.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from cllint.records import field, record


class Severity(enum.IntEnum):
    """Ordered severities, so ``--fail-on`` is a simple comparison."""

    NOTE = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (use error, warning or note)") from None


@record(frozen=True, slots=True)
class Span:
    """A region of a source file: 1-based lines and columns, end column exclusive.

    Columns count Unicode code points, as PyYAML's marks do (SARIF's
    ``columnKind`` is set to match).
    """

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> Span:
        return cls(line, column, line, column + 1)


@record(slots=True)
class Finding:
    """One problem found in one file.

    A rule fills ``rule_id``, ``message`` and either ``pointer`` (a JSON
    pointer into the inventory document) or, for findings in another file such
    as a license file, ``file`` and ``span``. The engine fills the rest.
    """

    rule_id: str
    message: str
    pointer: str | None = None
    span: Span | None = None
    file: str | None = None
    # Filled in by the engine.
    document: int = 0
    severity: Severity = Severity.ERROR
    name: str = ""
    path: str = ""
    fingerprint: str = ""
    suppression: Suppression | None = None
    source: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def line(self) -> int:
        return self.span.line if self.span else 1

    @property
    def column(self) -> int:
        return self.span.column if self.span else 1


@record(frozen=True, slots=True)
class Suppression:
    """Why a finding is hidden: an in-source comment or a baseline entry."""

    kind: str  # "inSource" or "external"
    justification: str = ""


MAX_EXCERPT = 60


def excerpt(value: object) -> str:
    """``value`` as text, shortened to :data:`MAX_EXCERPT` characters (unquoted)."""
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= MAX_EXCERPT else text[: MAX_EXCERPT - 1] + "…"


def listing(values: Iterable[object], most: int = 10) -> str:
    """``a, b, c`` for a message: each value an excerpt, at most ``most`` of them.

    A hostile inventory can declare thousands of names of any length.
    """
    items = [excerpt(v) for v in values]
    shown = ", ".join(items[:most])
    return shown + (f" and {len(items) - most} more" if len(items) > most else "")


def q(value: object) -> str:
    """Quote a value for a message: ``'value'``, shortened to a short excerpt.

    Messages end up in CI logs and uploaded SARIF; quoting at most a short
    excerpt keeps a hostile multi-megabyte value from flooding them.
    """
    return f"'{excerpt(value)}'"
