"""The vocabulary of the online (DNS) checks: questions, answers, and the rule base.

The online rules never touch the network while files are linted. A run with
``--resolve`` first collects the questions every enabled online rule will ask
(:meth:`DnsRule.questions`), asks them all at once, concurrently and each
distinct question once (``cllint.resolve.resolver``), and only then lints: the rules read
the answers from ``ctx.services["dns"]``, a :class:`DnsAnswers` table of plain,
picklable data. So lint workers (threads or processes) stay network-free, and
an online finding goes through the same engine path as any other (positions,
suppressions, per-file ignores, baselines, fingerprints).

This module imports nothing from dnspython: a run without ``--resolve`` must
not load ``dns`` at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from cllint.model import Inventory
from cllint.records import field, record
from cllint.rule import Context, Rule

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any, ClassVar

FOUND = "found"
NXDOMAIN = "nxdomain"
NODATA = "nodata"
UNAVAILABLE = "unavailable"


def normalize(name: str) -> str:
    """A DNS name for comparing: case-insensitive, trailing dot ignored."""
    return name.strip().rstrip(".").lower()


def same_name(a: str, b: str) -> bool:
    return normalize(a) == normalize(b)


@record(frozen=True, slots=True, order=True)
class Question:
    """One DNS question: a name (normalized) and a record type (A, AAAA, PTR)."""

    name: str
    rdtype: str

    @classmethod
    def of(cls, name: str, rdtype: str) -> Question:
        return cls(normalize(name), rdtype.upper())

    def __str__(self) -> str:
        return f"{self.name} {self.rdtype}"


@record(frozen=True, slots=True)
class Answer:
    """What DNS said about one question.

    ``status`` is one of ``found`` (``records`` holds the addresses or names,
    normalized), ``nxdomain`` (the name does not exist), ``nodata`` (the name
    exists but has no record of this type) or ``unavailable`` (the question
    could not be answered: timeout, refused, server failure, no servers;
    ``reason`` says which server and why). ``server`` is the server that gave
    a definite answer.
    """

    status: str
    records: tuple[str, ...] = ()
    server: str = ""
    reason: str = ""

    @property
    def found(self) -> bool:
        return self.status == FOUND

    @property
    def absent(self) -> bool:
        """A definite "no such record": the name does not exist or has no record."""
        return self.status in (NXDOMAIN, NODATA)

    @property
    def unavailable(self) -> bool:
        return self.status == UNAVAILABLE

    def why_absent(self) -> str:
        where = f" on {self.server}" if self.server else ""
        if self.status == NXDOMAIN:
            return f"the name does not exist{where}"
        return f"the name has no record of this type{where}"


NOT_ASKED = Answer(UNAVAILABLE, reason="the question was not asked")


@record(frozen=True, slots=True)
class DnsAnswers:
    """The answers of one run, as the online rules read them from ``ctx.services``.

    ``rules`` holds the ids of the enabled online rules, so CL905 reports
    exactly the checks that an enabled rule could not make.
    """

    answers: Mapping[Question, Answer] = field(default_factory=dict)
    rules: frozenset[str] = frozenset()

    def get(self, question: Question) -> Answer:
        """The answer to ``question``; one never asked counts as unavailable, not as a pass."""
        return self.answers.get(question, NOT_ASKED)


def answers_of(ctx: Context) -> DnsAnswers:
    """The run's DNS answers (an empty table when the engine was given none)."""
    found: Any = ctx.services.get("dns")
    return found if isinstance(found, DnsAnswers) else DnsAnswers()


class DnsRule(Rule):
    """Base class of a rule that checks DNS: it declares its questions up front."""

    online: ClassVar[bool] = True
    tags: ClassVar[tuple[str, ...]] = ("dns",)

    def questions(self, inventory: Inventory, ctx: Context) -> Iterator[Question]:
        """The questions :meth:`check` will read answers for (asked before linting)."""
        return iter(())
