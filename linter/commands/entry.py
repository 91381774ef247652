"""The console entry point: ``cllint check FILE...`` and ``--version`` without loading click.

A pre-commit hook runs ``cllint check`` with the staged file names on every
commit, so its start-up is felt. Importing click costs about a quarter of a
one-file check; for the plain form — ``check`` followed only by paths, no
option, or ``check --`` followed by anything, which the hook runs so that a
committed file named ``--write-baseline=z.json`` stays a file name — this
module builds the same :class:`~cllint.settings.options.CheckOptions` the click command
would (every option at its default) and runs the same flow. Anything else (an
option, ``-`` for standard input, another command) goes to the click command
line in ``cli.py``, which stays the one definition of the interface.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from cllint.commands.guard import guarded, safe_streams


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


def _run_plain_check(paths: Sequence[str]) -> int:
    """What ``cli.check`` does for a plain check, minus click."""
    from cllint.commands.check import run
    from cllint.settings.options import CheckOptions

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
    from cllint.commands.cli import main as cli_main

    cli_main()
