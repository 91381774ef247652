"""The ``cllint`` command line: option declarations only; the work lives elsewhere.

Imports are deferred into the commands so that ``cllint --version`` and a
plain ``check`` load only what they use (start-up time is a feature when
cllint runs on every commit).
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from cllint import __version__

if TYPE_CHECKING:
    from cllint.settings.options import CheckOptions

F = TypeVar("F", bound=Callable[..., Any])

_FORMATS = ("text", "sarif", "json", "github", "gitlab", "azure", "junit", "markdown")


def _date(_ctx: Any, _param: Any, value: str | None) -> _dt.date | None:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _seconds(_ctx: Any, _param: Any, value: float | None) -> float | None:
    """--dns-timeout: a finite number of seconds (click's range lets nan through)."""
    if value is None:
        return None
    import math

    if not math.isfinite(value) or not 0.01 <= value <= MAX_DNS_TIMEOUT:
        raise click.BadParameter(
            f"{value} is not a number of seconds from 0.01 to {MAX_DNS_TIMEOUT:g}"
        )
    return value


MAX_DNS_TIMEOUT = 600.0


# Options shared by commands that run the checks (check, runbook).
_config_option = click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Configuration file (default: discovered upwards).",
)
_as_of_option = click.option(
    "--as-of",
    callback=_date,
    metavar="YYYY-MM-DD",
    help="Date used for license expiry (default today).",
)


def _one_inventory_options(what: str) -> Callable[[F], F]:
    """The options ``runbook`` and ``diagram`` share: where the ``what`` goes, which
    document, and the check that runs first (as ``check`` takes them)."""

    def apply(command: F) -> F:
        for option in reversed(
            (
                click.option(
                    "-o",
                    "--output",
                    type=click.Path(dir_okay=False, path_type=Path),
                    help=f"Write the {what} to FILE.",
                ),
                click.option(
                    "--document",
                    type=click.IntRange(min=1),
                    metavar="N",
                    help="Which inventory document of FILE (1-based; needed when it holds "
                    "several).",
                ),
                click.option(
                    "--select", multiple=True, help="Rule ids, names or prefixes to check."
                ),
                click.option(
                    "--ignore", multiple=True, help="Rule ids, names or prefixes not to check."
                ),
                click.option("--extend-select", multiple=True, help="Rules to check in addition."),
                _config_option,
                _as_of_option,
            )
        ):
            command = option(command)
        return command

    return apply


def _check_of(
    file: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    config: Path | None,
    as_of: _dt.date | None,
) -> CheckOptions:
    """The check a one-inventory command runs first."""
    from cllint.settings.options import CheckOptions

    return CheckOptions(
        paths=(file,),
        select=select or None,
        ignore=ignore or None,
        extend_select=extend_select or None,
        config=config,
        as_of=as_of,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="cllint", message="%(prog)s %(version)s")
def cli() -> None:
    """Pre-flight configuration linter for clustered Citrix License Servers."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(_FORMATS),
    help="Output format (default text; github in GitHub Actions, azure in Azure Pipelines).",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Print how many findings each rule reported (text or json) instead of the findings.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to FILE (a summary still goes to the terminal).",
)
@click.option(
    "--select", multiple=True, help="Rule ids, names or prefixes to run (comma-separated)."
)
@click.option("--ignore", multiple=True, help="Rule ids, names or prefixes not to run.")
@click.option("--extend-select", multiple=True, help="Rules to run in addition to the selection.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "note", "never"]),
    help="Lowest severity that makes the exit status 1 (default error).",
)
@_config_option
@_as_of_option
@click.option("--resolve", is_flag=True, help="Run the online CL9 checks with DNS.")
@click.option(
    "--nameserver",
    "nameservers",
    multiple=True,
    metavar="IP[:PORT]",
    help="DNS server for --resolve (repeatable; default: the system's).",
)
@click.option(
    "--dns-timeout",
    type=float,
    callback=_seconds,
    metavar="SECONDS",
    help="Per-query DNS timeout (default 3).",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Hide findings recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Record the current findings in this baseline file.",
)
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="With -: lint standard input as if it were PATH (report paths, "
    "per-file-ignores, license paths).",
)
@click.option(
    "--respect-gitignore/--no-respect-gitignore",
    default=True,
    help="Leave out of folder walks what git ignores (default: yes, inside a git work tree).",
)
@click.option(
    "--show-settings",
    is_flag=True,
    help="Print the effective settings and where each came from, then exit.",
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Parallel workers (default: CPUs).")
@click.option("-q", "--quiet", is_flag=True, help="Less output: no source lines.")
@click.option("-v", "--verbose", is_flag=True, help="More output, e.g. skipped files.")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour; NO_COLOR is honoured.",
)
def check(
    paths: tuple[str, ...],
    fmt: str | None,
    statistics: bool,
    output: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    fail_on: str | None,
    config: Path | None,
    as_of: _dt.date | None,
    resolve: bool,
    nameservers: tuple[str, ...],
    dns_timeout: float | None,
    baseline: Path | None,
    write_baseline: Path | None,
    stdin_filename: str | None,
    respect_gitignore: bool,
    show_settings: bool,
    jobs: int | None,
    quiet: bool,
    verbose: bool,
    color: str,
) -> None:
    """Lint inventory files (folders are walked; - reads standard input)."""
    from cllint.commands.check import run
    from cllint.settings.options import CheckOptions

    opts = CheckOptions(
        paths=paths,
        format=fmt,
        output=output,
        select=select or None,
        ignore=ignore or None,
        extend_select=extend_select or None,
        fail_on=fail_on,
        config=config,
        as_of=as_of,
        resolve=resolve,
        nameservers=nameservers,
        dns_timeout=dns_timeout,
        baseline=baseline,
        write_baseline=write_baseline,
        stdin_filename=stdin_filename,
        respect_gitignore=respect_gitignore,
        show_settings=show_settings,
        jobs=jobs,
        quiet=quiet,
        verbose=verbose,
        color=color,
        statistics=statistics,
    )
    sys.exit(run(opts, os.environ))


@cli.command()
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
def rules(fmt: str) -> None:
    """List the rule catalog: id, name, default severity, summary."""
    from cllint.settings.registry import all_rules, catalog

    if fmt == "json":
        import json

        items = [
            {"id": r.id, "name": r.name, "severity": r.severity.label, "summary": r.summary}
            for r in catalog()
        ]
        click.echo(json.dumps(items, indent=2))
    elif fmt == "markdown":  # the docstrings: every rule's module
        from cllint.formats.rule_docs import markdown

        click.echo(markdown(all_rules()), nl=False)
    else:
        for r in catalog():
            click.echo(f"{r.id}  {r.name:<28} {r.severity.label:<8} {r.summary}")


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Explain one rule (by id or name) in full."""
    from cllint.formats.rule_docs import explain_text
    from cllint.settings.registry import lookup

    found = lookup(rule)
    if found is None:
        from cllint.settings.registry import similar

        close = similar(rule)
        names = ", ".join(f"{r.id} {r.name}" for r in close)
        hint = f" (did you mean {names}?)" if close else ""
        _fail(f"unknown rule {rule!r}{hint}; see 'cllint rules'")
    click.echo(explain_text(found), nl=False)


@cli.command()
def schema() -> None:
    """Print the inventory JSON Schema (for editors)."""
    from importlib import resources

    text = resources.files("cllint.schemas").joinpath("inventory.schema.json").read_text("utf-8")
    click.echo(text, nl=False)


@cli.command()
@click.argument("file", type=click.Path(path_type=str))
@click.option(
    "--action",
    type=click.Choice(["install", "upgrade", "uninstall"]),
    required=True,
    help="The procedure to write.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
)
@_one_inventory_options("runbook")
def runbook(
    file: str,
    action: str,
    fmt: str,
    output: Path | None,
    document: int | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    config: Path | None,
    as_of: _dt.date | None,
) -> None:
    """Write the install, upgrade or uninstall procedure for one inventory (checked first)."""
    from cllint.commands.runbook import RunbookOptions, run

    check_opts = _check_of(file, select, ignore, extend_select, config, as_of)
    sys.exit(run(RunbookOptions(file, action, fmt, output, document, check_opts)))


@cli.command()
@click.option(
    "--stdio",
    is_flag=True,
    help="Accepted for clients that pass it; standard input/output is the only transport.",
)
def server(stdio: bool) -> None:
    """Run the language server for editors on standard input/output (needs cllint[server])."""
    try:
        from cllint.lsp.server import main as serve
    except ModuleNotFoundError as exc:
        missing = (exc.name or "").split(".")[0]
        if missing not in _SERVER_NEEDS:
            raise
        _fail("'cllint server' needs pygls, an optional extra: pip install 'cllint[server]'")
    sys.exit(serve())


_SERVER_NEEDS = frozenset({"pygls", "lsprotocol", "cattrs", "attrs"})


@cli.command()
@click.argument("file", type=click.Path(path_type=str))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["mermaid", "dot", "svg"]),
    default="mermaid",
    show_default=True,
    help="Mermaid (for markdown), Graphviz DOT, or SVG drawn by Graphviz's dot.",
)
@_one_inventory_options("diagram")
def diagram(
    file: str,
    fmt: str,
    output: Path | None,
    document: int | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    config: Path | None,
    as_of: _dt.date | None,
) -> None:
    """Draw the cluster one inventory declares, with its findings on the elements."""
    from cllint.commands.diagram import DiagramOptions, run

    check_opts = _check_of(file, select, ignore, extend_select, config, as_of)
    sys.exit(run(DiagramOptions(file, fmt, output, document, check_opts)))


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), default="cllint.yaml")
def init(file: Path) -> None:
    """Write a commented starter inventory to FILE (default cllint.yaml)."""
    from cllint.commands.starter import InitError, write

    try:
        write(file)
    except InitError as exc:
        _fail(str(exc))
    click.echo(f"wrote {file}; edit it, then run: cllint check {file}")


def _fail(message: str) -> NoReturn:
    from cllint.files.terminal import escape

    # The message may quote a config value or an exception about a hostile file.
    click.echo(f"cllint: error: {escape(message)}", err=True)
    sys.exit(2)


def _usage_line(message: str) -> int:
    from cllint.files.terminal import escape

    click.echo(f"cllint: error: {escape(' '.join(message.split()))}", err=True)
    return 2


def main() -> None:
    """Entry point: exit 0/1/2, a one-line error instead of a traceback."""
    from cllint.commands.guard import guarded, safe_streams

    safe_streams()

    def run() -> int:
        try:
            result = cli.main(prog_name="cllint", standalone_mode=False)
        except click.exceptions.Abort:
            raise KeyboardInterrupt from None  # Ctrl-C: one line and 130, not "Aborted!"
        except SystemExit:
            # click met EPIPE when it swapped stdout for its PacifyFlushWrapper
            if "PacifyFlushWrapper" in type(sys.stdout).__name__:
                # (the reader went away) and exits 1 itself
                raise BrokenPipeError from None
            raise
        except click.UsageError as exc:
            # one line, like every other error (click's own is usage, hint, blank, error)
            where = exc.ctx.command_path if exc.ctx is not None else "cllint"
            return _usage_line(f"{exc.format_message()} (see '{where} --help')")
        except click.ClickException as exc:
            exc.show()
            return exc.exit_code
        return result if isinstance(result, int) else 0

    args = sys.argv[1:]
    command = next((a for a in args if not a.startswith("-")), None)
    # Only `check` has --verbose; for the others the error must not suggest it.
    verbose = any(a in ("-v", "--verbose") for a in args) if command == "check" else None
    # A reader that stops early (``cllint rules | head -1``) is no failure of a
    # listing; for ``check`` and ``runbook`` the status is the gate's, so it stays 1.
    gate = command in ("check", "runbook") or not args
    sys.exit(guarded(run, verbose=verbose, broken_pipe=1 if gate else 0))
