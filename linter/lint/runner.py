"""Lint many files on every core, one file's report at a time, in input order.

A pre-commit run over one or two files stays in this process: starting
workers would cost more than it saves. A large input (a repository of
inventories in CI) goes to a pool of worker processes, each of which builds
its :class:`~cllint.lint.engine.Linter` once, in the pool's initializer, and then
receives paths in chunks. The parent compiles the schema validator and
imports the license-file parser before it forks, so workers start warm. Only
paths go out and only :class:`~cllint.lint.engine.FileReport` objects (findings,
no parsed documents) come back, so memory stays flat however many files
there are.

Settings cross the process boundary by pickling (rule classes pickle by
reference). Services that cannot be pickled (a DNS resolver, an open
license-file cache) keep the run in this process, where they live.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Sequence

from cllint.files.paths import STDIN
from cllint.lint.engine import FileReport, Linter, Prepared
from cllint.settings.options import Settings

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any

#: Below this many files one process is faster than starting a pool. Measured
#: on two shared CPUs: at 50 and 100 files the pool took 1.20x and 1.07x the
#: wall time of one process (and 1.4x its CPU); at 200 it broke even.
MIN_FILES_PER_POOL = 200
#: Most paths sent to a worker at once (fewer when there are few files).
MAX_CHUNK = 32

_linter: Linter | None = None


def available_cpus() -> int:
    """CPUs this process may run on (the affinity mask, not the machine's count)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(os.cpu_count() or 1, 1)


def worker_count(paths: Sequence[str], jobs: int | None) -> int:
    """How many worker processes to use: 1 means lint in this process."""
    wanted = jobs if jobs is not None else available_cpus()
    if wanted <= 1 or len(paths) < MIN_FILES_PER_POOL or STDIN in paths:
        return 1
    return min(wanted, len(paths) // (MIN_FILES_PER_POOL // 2) or 1)


def _picklable(settings: Settings) -> bool:
    import pickle

    try:
        pickle.dumps(settings)
    except Exception:  # any pickling failure means: keep the run here
        return False
    return True


def _init_worker(settings: Settings) -> None:
    """Pool initializer: one Linter per worker, its schema validator built up front.

    Ctrl-C is the parent's to handle: it stops the pool and exits with one
    line, instead of every worker printing a traceback. SIGTERM and SIGHUP get
    their default action back (a forked worker inherits the parent's handlers),
    so the parent can end its workers at once.
    """
    global _linter
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, signal.SIG_DFL)
    from cllint.inventory.schema import compiled

    compiled()
    _linter = Linter(settings)


def _warm_up() -> None:
    """What every worker needs, done once here: forked workers inherit it.

    Without this each worker compiled the schema and imported the
    license-file parser itself. Freezing afterwards (when start-up froze its
    objects too, see ``cllint.commands.check``) keeps the collector off those pages, so the
    workers share them with this process instead of copying them.
    """
    import gc

    from cllint.inventory.schema import compiled
    from cllint.licenses import parser as licensefile  # noqa: F401 - imported for the workers

    compiled()
    if gc.get_freeze_count():
        gc.freeze()


def _lint_one(path: str) -> FileReport:
    assert _linter is not None, "worker not initialised"
    return _linter.lint_path(path)


def run_files(
    paths: Sequence[str],
    settings: Settings,
    jobs: int | None,
    prepared: dict[str, Prepared] | None = None,
) -> Iterator[FileReport]:
    """Lint ``paths`` with ``jobs`` processes (None: every CPU); reports in input order.

    Files already parsed (``prepared``, by the ``--resolve`` phase) are linted
    in this process, where their parsed form is: parsing again in a worker
    would cost more than the pool saves.
    """
    paths = list(paths)
    workers = worker_count(paths, jobs)
    if prepared or workers <= 1 or not _picklable(settings):
        linter = Linter(settings, prepared)
        for path in paths:
            yield linter.lint_path(path)
        return
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    _warm_up()

    # fork starts workers at no cost (the parent's imports are reused); it is
    # only safe while this process runs no other thread.
    method = "fork" if sys.platform == "linux" and threading.active_count() == 1 else "spawn"
    chunk = max(1, min(MAX_CHUNK, len(paths) // (workers * 4)))
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_init_worker,
        initargs=(settings,),
    ) as pool:
        try:
            yield from pool.map(_lint_one, paths, chunksize=chunk)
        except BaseException:
            _stop(pool)
            raise


def _stop(pool: Any) -> None:
    """End the workers now (Ctrl-C, SIGTERM, SIGHUP, a failure in this process).

    ``shutdown`` alone lets each worker finish its chunk, and a worker that
    outlives its parent keeps the parent's stdout and stderr open, so a CI log
    or a pipe would never see end-of-file.
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(5)
            if process.is_alive():
                process.kill()
                process.join(5)
