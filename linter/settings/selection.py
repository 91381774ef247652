"""``--select`` / ``--ignore`` / ``--extend-select``: which rules run.

Terms are rule ids (``CL402``), names (``cap-name-too-long``) or id prefixes
(``CL4``, ``CL``). As in flake8's decision engine, when a rule matches both a
selecting and an ignoring term the more specific term wins (a name counts as
an exact id); on a tie, ignore wins. No ``select`` means every rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:  # for the type checker only: creating a protocol costs start-up time
    from typing import Generic, Protocol, TypeVar

    class Named(Protocol):
        """What selection reads of a rule: a rule class or its table entry."""

        @property
        def id(self) -> str: ...
        @property
        def name(self) -> str: ...

    R = TypeVar("R", bound=Named)

    class _Generic(Generic[R]):
        """``Selection[R]`` for the type checker."""

else:
    R = None

    class _Generic:
        """At run time ``Selection[R]`` is plain ``Selection``."""

        def __class_getitem__(cls, _item: object) -> type:
            return cls


def _is_prefix(term: str) -> bool:
    """``CL`` followed by up to three digits: a family, even one with no rule yet."""
    return term.startswith("CL") and len(term) <= 5 and (term == "CL" or term[2:].isdecimal())


class SelectionError(ValueError):
    """A term names no rule and no family."""


def split_terms(text: str | Iterable[str] | None) -> tuple[str, ...]:
    """Accept ``"CL1,CL2"`` or a list of such strings."""
    if text is None:
        return ()
    parts = [text] if isinstance(text, str) else list(text)
    return tuple(t.strip() for p in parts for t in p.split(",") if t.strip())


def _specificity(term: str, rule: Named) -> int:
    """How specifically ``term`` names ``rule``: 0 = not at all.

    ``ALL`` (and no ``select``) names every rule, a third-party rule whose id
    does not start with ``CL`` too, exactly as specifically as ``CL`` names a
    built-in one.
    """
    if term.upper() == "ALL":
        return 2
    if term.lower() == rule.name:
        return len(rule.id) + 1
    upper = term.upper()
    if rule.id.upper().startswith(upper):
        return len(upper) + (1 if upper == rule.id.upper() else 0)
    return 0


def validate_terms(terms: Sequence[str], rules: Sequence[Named], option: str) -> None:
    for term in terms:
        if term.upper() == "ALL":
            continue
        if not any(_specificity(term, r) for r in rules) and not _is_prefix(term.upper()):
            import difflib

            known = [r.id for r in rules] + [r.name for r in rules]
            close = difflib.get_close_matches(term, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else "; see 'cllint rules'"
            raise SelectionError(f"{option}: unknown rule, name or prefix {term!r}{hint}")


class Selection(_Generic[R]):
    """Decides, once per rule, whether it is enabled."""

    def __init__(
        self,
        rules: Sequence[R],
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        extend_select: Sequence[str] = (),
    ) -> None:
        validate_terms(select, rules, "--select")
        validate_terms(ignore, rules, "--ignore")
        validate_terms(extend_select, rules, "--extend-select")
        self.select = (*(select or ("ALL",)), *extend_select)
        self.ignore = tuple(ignore)
        self.rules = tuple(rules)

    def enabled(self, rule: R) -> bool:
        selected = max((_specificity(t, rule) for t in self.select), default=0)
        if selected == 0:
            return False
        ignored = max((_specificity(t, rule) for t in self.ignore), default=0)
        return selected > ignored

    def enabled_rules(self) -> tuple[R, ...]:
        return tuple(r for r in self.rules if self.enabled(r))
