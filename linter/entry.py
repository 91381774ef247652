"""The console entry point: ``cllint check FILE...`` and ``--version`` without loading click.

A pre-commit hook runs ``cllint check`` with the staged file names on every
commit, so its start-up is felt. Importing click costs about a quarter of a
one-file check; for the plain form — ``check`` followed only by paths, no
option — this module builds the same :class:`~cllint.check.CheckOptions` the
click command would (every option at its default) and runs the same flow.
Anything else (an option, ``-`` for standard input, ``--``, another command)
goes to the click command line in ``cli.py``, which stays the one definition
of the interface.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence


def plain_check(args: Sequence[str]) -> bool:
    """``check`` and one or more paths, none of which could be an option."""
    return (
        len(args) >= 2 and args[0] == "check" and all(a and not a.startswith("-") for a in args[1:])
    )


def _fail(message: str) -> int:
    from cllint.terminal import escape

    # The message may quote a config value or an exception about a hostile file.
    print(f"cllint: error: {escape(message)}", file=sys.stderr)
    return 2


def guarded(run: Callable[[], int], verbose: bool = False) -> int:
    """Run a command and map every failure to the spec's exit statuses.

    A usage problem is status 2 with one line; any other exception is an
    internal error, status 2 with one line (its traceback only with --verbose).
    """
    try:
        return run()
    except KeyboardInterrupt:
        print("cllint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1
    except Exception as exc:
        # A UsageError can only come from an imported cllint.check; looking it up
        # instead of importing it keeps ``--version`` and ``rules`` light.
        check = sys.modules.get("cllint.check")
        if check is not None and isinstance(exc, check.UsageError):
            return _fail(str(exc))
        if verbose:
            raise
        return _fail(
            f"internal error: {type(exc).__name__}: {exc} (run with --verbose for details)"
        )


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
    if plain_check(args):
        sys.exit(guarded(lambda: _run_plain_check(args[1:])))
    from cllint.cli import main as cli_main

    cli_main()
