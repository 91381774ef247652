"""The DNS phase of a ``--resolve`` run, before the files are linted.

1. Collect: read each inventory, build its model and ask every enabled
   :class:`~cllint.online.DnsRule` which questions it needs (no network).
2. Resolve: ask the distinct questions concurrently (``resolver.py``).
3. Hand the answers to the lint as ``services["dns"]`` (plain data), where the
   online rules turn them into ordinary findings.

Collecting first keeps every finding on the engine's one path (positions,
suppressions, ignores, baselines) and keeps the lint off the network. It
costs no second parse: the files parsed here are handed to the lint (up to
:data:`MAX_PREPARED` of them, which are then linted in this process).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from pathlib import Path

from cllint.files.fileio import read_stdin
from cllint.files.paths import STDIN, find_root
from cllint.inventory.loader import is_inventory
from cllint.lint.engine import Parsed, Prepared
from cllint.online import DnsAnswers, DnsRule, Question
from cllint.rule import Context
from cllint.settings.nameservers import Nameserver
from cllint.settings.options import Settings

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import TextIO

#: Show progress only when the phase takes longer than this (seconds).
PROGRESS_AFTER = 1.0


def _read(path: str, settings: Settings) -> bytes | None:
    limit = settings.limits.max_bytes + 1
    if path == STDIN:
        return read_stdin(limit)
    from cllint.files.fileio import read_regular

    try:
        # non-blocking and checked once open: a named pipe called *.yaml never hangs
        return read_regular(path, limit)
    except (OSError, ValueError):
        return None  # the lint reports it


#: Most files whose parsed form is kept for the lint (beyond it, files are parsed again).
MAX_PREPARED = 1000


def collect_questions(
    paths: Iterable[str], settings: Settings, keep: dict[str, Prepared] | None = None
) -> set[Question]:
    """Every question the enabled online rules will read an answer for.

    With ``keep``, each file's parsed form is stored there (for up to
    :data:`MAX_PREPARED` files) so that the lint does not parse it again.
    """
    from cllint import model
    from cllint.inventory.loader import load_bytes
    from cllint.inventory.schema import schema_findings

    checkers = [r() for r in settings.rules if issubclass(r, DnsRule)]
    questions: set[Question] = set()
    if not checkers:
        return questions
    for path in paths:
        data = _read(path, settings)
        if data is None:
            continue
        file = settings.stdin_path() if path == STDIN else Path(path)
        loaded = load_bytes(data, settings.limits)
        parsed: list[Parsed] = []
        if keep is not None and path != STDIN and len(keep) < MAX_PREPARED:
            keep[path] = Prepared(loaded, parsed)
        for document in loaded.documents:
            if not is_inventory(document.data):
                continue
            findings, invalid = schema_findings(document.data)
            inventory = model.build(document.data, invalid, document.raw)
            parsed.append((findings, invalid, inventory))
            ctx = Context(
                path=file,
                root=find_root(file),
                as_of=settings.as_of,
                base=settings.base,
                options=settings.options,
            )
            for checker in checkers:
                try:
                    questions.update(checker.questions(inventory, ctx))
                except Exception:  # the lint runs check() and reports a crashing rule
                    continue
    return questions


class _Progress:
    """``resolving 120/400 DNS questions`` on a terminal, once the phase is slow."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.start = time.monotonic()
        self.shown = False
        self.enabled = stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or time.monotonic() - self.start < PROGRESS_AFTER:
            return
        self.stream.write(f"\rcllint: resolving {done}/{total} DNS questions")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def resolve(
    paths: Iterable[str],
    settings: Settings,
    nameservers: tuple[Nameserver, ...],
    timeout: float,
    stream: TextIO | None = None,
    keep: dict[str, Prepared] | None = None,
) -> DnsAnswers:
    """Collect the run's questions and answer them; the table the online rules read.

    ``keep`` receives the files parsed on the way (see :func:`collect_questions`).
    """
    enabled = frozenset(r.id for r in settings.rules if r.online)
    questions = collect_questions(paths, settings, keep)
    if not questions:
        return DnsAnswers({}, enabled)
    from cllint.resolve import resolver

    setup = resolver.Setup(nameservers, timeout) if nameservers else resolver.system_setup(timeout)
    progress = _Progress(stream if stream is not None else sys.stderr)
    try:
        answers = resolver.resolve_all(questions, setup, progress)
    finally:
        progress.close()
    return DnsAnswers(answers, enabled)
