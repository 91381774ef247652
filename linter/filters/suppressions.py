"""In-source suppressions: ``# cllint: disable=ID[,ID] -- reason`` comments.

A directive written after a value applies to findings on its own line; a
directive standing alone on a line applies to the next line that is neither
blank nor a comment (so several stand-alone directives can stack above one
line). ``# cllint: disable-file=ID`` anywhere applies to the whole file. IDs
are rule ids (``CL306``) or names (``public-address-dhcp``); the text after
``--`` is the reason, which SARIF records as the suppression's
justification.

Suppressed findings are kept, marked with a :class:`Suppression`, so SARIF
can show them as suppressed and the text summary can count them. A directive
(or one of its IDs) that suppresses nothing becomes a CL009 finding, but only
for rules that actually ran on the file: a rule switched off by ``--select``
cannot prove a suppression of it useless.

Only real comments count. YAML comments are found from the scanner's tokens:
a ``#`` preceded by a blank (or at a line's start) that lies outside every
scalar token, so ``"# cllint: disable=CL306"`` inside a quoted or block
string is data, not a directive. JSON has no comments; a ``#`` in JSON is
always inside a string and is never taken as one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping

from cllint.findings import Finding, Span, Suppression, listing
from cllint.records import field, record
from cllint.rule import Rule

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any

UNUSED_RULE = "CL009"
MARKER = "cllint:"
_DIRECTIVE = re.compile(r"#\s*cllint\s*:\s*(?P<body>.*)$")
_BODY = re.compile(
    r"^(?P<kind>disable-file|disable)\s*=\s*"
    r"(?P<ids>[A-Za-z0-9_-]+?(?:\s*,\s*[A-Za-z0-9_-]+?)*)"
    # possessive and greedy: two adjacent \s* (or a lazy reason before \s*$) made a
    # comment of many spaces quadratic; the reason is stripped where it is read
    r"\s*+(?:--(?P<reason>.*))?$"
)


@record(slots=True)
class Directive:
    """One ``# cllint:`` comment: where it is, what it names, what it hit."""

    line: int  # 1-based line of the comment
    column: int  # 1-based column of its ``#``
    end_column: int
    kind: str  # "disable", "disable-file", or "" when it cannot be parsed
    terms: tuple[str, ...]
    reason: str
    target: int = 0  # the line a "disable" applies to
    used: set[str] = field(default_factory=set)


def comment_columns(text: str) -> dict[int, int]:
    """0-based line → 0-based column of the comment's ``#``, for lines with ``cllint:``.

    Candidates are ``#`` characters preceded by a blank or at a line's start;
    a candidate inside a scalar token (quoted, plain or block string) is data.
    When the file is not valid YAML the tokens up to the error are used and
    the rest is judged by quotes on the line alone.
    """
    lines = text.splitlines()
    candidates: dict[int, list[int]] = {}
    for number, line in enumerate(lines):
        if MARKER not in line:
            continue
        cols = [m.start() for m in re.finditer(r"(?:(?<=\s)|^)#", line)]
        if cols:
            candidates[number] = cols
    if not candidates:
        return {}
    import bisect

    scalars, complete = _scalar_ranges(text)
    last_line = scalars[-1][1][0] if scalars else -1
    # Scalar tokens come in file order and never overlap: the one that could hold
    # a position is the last to start at or before it (a bisection, not a scan of
    # every token for every candidate, which was quadratic).
    starts = [start for start, _end in scalars]
    found: dict[int, int] = {}
    for number, cols in candidates.items():
        for col in cols:
            at = bisect.bisect_right(starts, (number, col)) - 1
            inside = at >= 0 and (number, col) < scalars[at][1]
            if not inside and (complete or number <= last_line or not _quoted(lines[number], col)):
                if _DIRECTIVE.match(lines[number][col:]):
                    found[number] = col
                break
    return found


def _scalar_ranges(text: str) -> tuple[list[tuple[tuple[int, int], tuple[int, int]]], bool]:
    """(start, end) marks of every scalar token, and whether the scan completed."""
    from cllint.inventory.pyyaml import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    ranges: list[tuple[tuple[int, int], tuple[int, int]]] = []
    scanner = loader(text)
    try:
        while True:
            token = scanner.get_token()
            if token is None or isinstance(token, yaml.StreamEndToken):
                return ranges, True
            if isinstance(token, yaml.ScalarToken):
                s, e = token.start_mark, token.end_mark
                ranges.append(((s.line, s.column), (e.line, e.column)))
    except yaml.YAMLError:
        return ranges, False
    finally:
        scanner.dispose()


def _quoted(line: str, col: int) -> bool:
    """Whether ``col`` of ``line`` lies inside a quoted string (one-line judgement)."""
    quote = ""
    i = 0
    while i < col:
        ch = line[i]
        if quote == '"' and ch == "\\":
            i += 2
            continue
        if quote and ch == quote:
            quote = ""
        elif not quote and ch in "'\"":
            quote = ch
        i += 1
    return bool(quote)


def parse(text: str) -> list[Directive]:
    """Every ``# cllint:`` comment of ``text``, with the line each one targets."""
    if MARKER not in text:
        return []
    lines = text.splitlines()
    directives: list[Directive] = []
    following = _NextContent(lines)
    for number, col in sorted(comment_columns(text).items()):
        comment = lines[number][col:].rstrip()
        m = _DIRECTIVE.match(comment)
        body = _BODY.match(m.group("body")) if m else None
        kind, reason = "", ""
        terms: tuple[str, ...] = ()
        if body is not None:
            kind = body.group("kind")
            terms = tuple(t.strip() for t in body.group("ids").split(","))
            reason = (body.group("reason") or "").strip()
        d = Directive(number + 1, col + 1, col + 1 + len(comment), kind, terms, reason)
        standalone = not lines[number][:col].strip()
        d.target = following(number) if standalone else number + 1
        directives.append(d)
    return directives


class _NextContent:
    """1-based number of the first line after a given one that is not blank or a
    comment (0: none). Answers are remembered, so a stack of 40,000 stand-alone
    directives costs one pass over the lines, not one pass per directive."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.known: dict[int, int] = {}

    def __call__(self, number: int) -> int:
        lines, known = self.lines, self.known
        walked: list[int] = []
        later = number + 1
        target = 0
        while later < len(lines):
            if later in known:
                target = known[later]
                break
            stripped = lines[later].strip()
            if stripped and not stripped.startswith("#"):
                target = later + 1
                break
            walked.append(later)
            later += 1
        for line in walked:  # each of these lines leads to the same target
            known[line] = target
        return target


def apply(
    text: str | None, findings: Iterable[Finding], ran: Mapping[str, type[Rule]]
) -> list[Finding]:
    """Mark suppressed ``findings``; return CL009 findings for useless directives.

    ``ran`` holds the rules that ran on this file (only they can prove a
    suppression unused). A finding located in another file (a license file
    the inventory lists) has no line here: only ``disable-file`` reaches it.
    """
    if text is None:
        return []
    directives = parse(text)
    if not directives:
        return []
    resolve = _resolver(ran)
    file_wide = [d for d in directives if d.kind == "disable-file"]
    by_line: dict[int, list[Directive]] = {}
    for d in directives:
        if d.kind == "disable":
            by_line.setdefault(d.target, []).append(d)
    for finding in findings:
        if finding.suppression is not None:
            continue
        here = finding.file is None  # else in a license file: only disable-file reaches it
        line_wide = by_line.get(finding.line, []) if here else []
        for d in sorted((*file_wide, *line_wide), key=lambda d: d.line):
            hit = next((t for t in d.terms if resolve(t) == finding.rule_id), None)
            if hit is not None:
                d.used.add(hit)
                finding.suppression = Suppression("inSource", d.reason)
                break
    return list(_unused(directives, resolve, lambda rule_id: rule_id in ran))


def _resolver(ran: Mapping[str, type[Rule]]) -> Callable[[str], str | None]:
    """ID or name → rule id, among the rules that ran and then every known rule."""
    from cllint.settings.registry import lookup

    by_name = {r.name: r.id for r in ran.values()}
    by_id = {r.id.upper(): r.id for r in ran.values()}

    def resolve(term: str) -> str | None:
        found = by_id.get(term.upper()) or by_name.get(term.lower())
        if found is None:
            rule = lookup(term)
            found = rule.id if rule is not None else None
        return found

    return resolve


def _unused(
    directives: list[Directive], resolve: Callable[[str], str | None], ran: Callable[[str], bool]
) -> Iterator[Finding]:
    file_wide = {resolve(t) for d in directives if d.kind == "disable-file" for t in d.terms}
    if UNUSED_RULE in file_wide:  # "disable-file=CL009" silences these notes
        return
    for d in directives:
        message = _problem(d, resolve, ran)
        if message:
            yield Finding(UNUSED_RULE, message, span=Span(d.line, d.column, d.line, d.end_column))


def _problem(
    d: Directive, resolve: Callable[[str], str | None], ran: Callable[[str], bool]
) -> str | None:
    """Why directive ``d`` is useless, or None when it did its job."""
    if not d.kind:
        return (
            "this 'cllint:' comment is not a directive; write "
            "'# cllint: disable=ID[,ID] -- reason' or '# cllint: disable-file=ID'"
        )
    unknown = [t for t in d.terms if resolve(t) is None]
    if unknown:
        return f"suppression names no rule: {listing(unknown)}; see 'cllint rules'"
    unused = [t for t in d.terms if t not in d.used and ran(resolve(t) or "")]
    if not unused:
        return None
    names = listing(unused)
    if d.kind == "disable-file":
        return f"unused suppression of {names}: no such finding in this file; remove it"
    if not d.target:
        return f"unused suppression of {names}: no line follows it; remove it"
    return f"unused suppression of {names}: no such finding on line {d.target}; remove it"
