"""How every command ends: each failure mapped to the exit statuses of the spec.

The click-free fast path (``entry.py``) and the click command line (``cli.py``)
both run their command through :func:`guarded`, so Ctrl-C, SIGTERM, a closed
pipe, a usage error and an internal error end the same way whichever path ran.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block


def _fail(message: str) -> int:
    from cllint.files.terminal import escape

    # The message may quote a config value or an exception about a hostile file.
    print(f"cllint: error: {escape(message)}", file=sys.stderr)
    return 2


def safe_streams() -> None:
    """Never fail on output: a character the terminal's encoding lacks (our own
    messages hold an en dash; a file name may hold any byte) is written as an
    escape, not an ``UnicodeEncodeError`` that ends the run."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a closed or odd stream
                reconfigure(errors="backslashreplace")


class Terminated(BaseException):
    """SIGTERM or SIGHUP (``kill``, ``timeout``, a closed terminal), raised in the
    main thread like Ctrl-C's KeyboardInterrupt, so the same clean-up runs: the
    worker pool is stopped, a half-written output's temporary file is removed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, _frame: object) -> None:
    raise Terminated(signum)


def catch_signals() -> None:
    """Turn SIGTERM and SIGHUP into :class:`Terminated` (main thread only).

    The C module is enough to set a handler; ``signal`` wraps it in enums, whose
    creation costs every run a few milliseconds.
    """
    if TYPE_CHECKING:
        import signal
    else:
        try:
            import _signal as signal
        except ImportError:  # pragma: no cover - an interpreter without the C module
            import signal

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, _terminate)


def guarded(run: Callable[[], int], verbose: bool | None = False, broken_pipe: int = 1) -> int:
    """Run a command and map every failure to the spec's exit statuses.

    A usage problem is status 2 with one line; any other exception is an
    internal error, status 2 with one line (its traceback only with --verbose).
    ``verbose`` is None for a command without ``--verbose``: the one line then
    does not point at an option the command would reject.
    """
    catch_signals()
    try:
        return run()
    except KeyboardInterrupt:
        print("cllint: interrupted", file=sys.stderr)
        return 130
    except Terminated as exc:
        import signal

        with contextlib.suppress(OSError, ValueError):
            name = signal.Signals(exc.signum).name
            print(f"cllint: stopped by {name}", file=sys.stderr)
        return 128 + exc.signum
    except BrokenPipeError:
        # The reader went away: say nothing more, and let the interpreter's final
        # flush of stdout go nowhere instead of printing another error.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        sys.stderr.close()
        return broken_pipe
    except Exception as exc:
        # A UsageError can only come from an imported cllint.settings.options; looking it up
        # instead of importing it keeps ``--version`` and ``rules`` light.
        options = sys.modules.get("cllint.settings.options")
        if options is not None and isinstance(exc, options.UsageError):
            return _fail(str(exc))
        if verbose:
            raise
        hint = "please report this" if verbose is None else "run with --verbose for details"
        return _fail(f"internal error: {type(exc).__name__}: {exc} ({hint})")
