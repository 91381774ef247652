"""The console entry point: ``cllint check FILE...`` and ``--version`` without loading click.

A pre-commit hook runs ``cllint check`` with the staged file names on every
commit, so its start-up is felt. Importing click costs about a quarter of a
one-file check; for the plain form — ``check`` followed only by paths, no
option, or ``check --`` followed by anything, which the hook runs so that a
committed file named ``--write-baseline=z.json`` stays a file name — this
module builds the same :class:`~cllint.check.CheckOptions` the click command
would (every option at its default) and runs the same flow. Anything else (an
option, ``-`` for standard input, another command) goes to the click command
line in ``cli.py``, which stays the one definition of the interface.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence


def plain_paths(args: Sequence[str]) -> list[str] | None:
    """The paths of ``check PATH...`` (none of which could be an option) or of
    ``check [PATH...] -- PATH...`` (after ``--`` everything is a path); else None."""
    if len(args) < 2 or args[0] != "check":
        return None
    rest = list(args[1:])
    after: list[str] = []
    if "--" in rest:
        cut = rest.index("--")
        rest, after = rest[:cut], rest[cut + 1 :]
    if not all(a and not a.startswith("-") for a in rest):
        return None
    if not all(after) or "-" in after:  # standard input takes the full command line
        return None
    paths = rest + after
    return paths or None


def plain_check(args: Sequence[str]) -> bool:
    """Whether ``args`` is a plain check (see :func:`plain_paths`)."""
    return plain_paths(args) is not None


def _fail(message: str) -> int:
    from cllint.terminal import escape

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
    """Turn SIGTERM and SIGHUP into :class:`Terminated` (main thread only)."""
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
        # A UsageError can only come from an imported cllint.check; looking it up
        # instead of importing it keeps ``--version`` and ``rules`` light.
        check = sys.modules.get("cllint.check")
        if check is not None and isinstance(exc, check.UsageError):
            return _fail(str(exc))
        if verbose:
            raise
        hint = "please report this" if verbose is None else "run with --verbose for details"
        return _fail(f"internal error: {type(exc).__name__}: {exc} ({hint})")


def _run_plain_check(paths: Sequence[str]) -> int:
    """What ``cli.check`` does for a plain check, minus click."""
    from cllint.check import CheckOptions, run

    return run(CheckOptions(paths=tuple(paths)), os.environ)


def main() -> None:
    """``cllint``: the fast path for a plain check, else the click command line."""
    # Start-up creates objects by the ten thousand (modules, classes, the compiled
    # schema) and none of them is garbage: collecting while importing only costs
    # time. ``check.run`` freezes what start-up made and turns collection back on.
    import gc

    gc.disable()
    args = sys.argv[1:]
    if args == ["--version"]:  # what click's version option prints, without click
        from cllint import __version__

        print(f"cllint {__version__}")
        sys.exit(0)
    paths = plain_paths(args)
    if paths is not None:
        safe_streams()
        sys.exit(guarded(lambda: _run_plain_check(paths)))
    from cllint.cli import main as cli_main

    cli_main()
