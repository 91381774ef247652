"""``cllint check --show-settings``: the effective settings and where each came from.

A setting comes from the command line, the configuration file, the
environment (``GITHUB_ACTIONS`` picks the format) or cllint's default. When a
run does not do what its author expects, this answers "which value won?"
without reading the merge code.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from pathlib import Path

from cllint.files.paths import display_path
from cllint.formats.rule_docs import default_text
from cllint.settings.config import Config
from cllint.settings.options import CheckOptions, Settings, choose_format, default_options

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any

DEFAULT = "default"
COMMAND_LINE = "command line"


def config_name(config: Config, base: Path) -> str:
    """The configuration file as the user knows it (``none`` when none applies)."""
    if config.path is None:
        return "none (defaults)"
    shown = display_path(config.path, base)
    return f"{shown} [tool.cllint]" if config.path.name == "pyproject.toml" else shown


def _text(value: Any) -> str:
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items()) or "(none)"
    return default_text(value)


def lines(
    opts: CheckOptions, config: Config, settings: Settings, environ: Mapping[str, str]
) -> list[str]:
    """One line per setting: ``key = value  (source)``."""
    from cllint.settings.registry import all_rules

    cfg = config_name(config, settings.base)
    rows: list[tuple[str, str, str]] = []

    def add(key: str, cli: Any, default: Any, cli_given: bool | None = None) -> None:
        given = cli is not None if cli_given is None else cli_given
        if given:
            rows.append((key, _text(cli), COMMAND_LINE))
        elif key in config.values:
            rows.append((key, _text(config.values[key]), cfg))
        else:
            rows.append((key, _text(default), DEFAULT))

    add("select", opts.select, "(every rule enabled by default)")
    add("ignore", opts.ignore, ())
    add("extend-select", opts.extend_select, ())
    add("fail-on", opts.fail_on, "error")
    add("severity", None, {})
    add("exclude", None, ())
    add("per-file-ignores", None, {})
    for key, value in default_options(all_rules()).items():
        add(key, None, value)
    add("nameservers", opts.nameservers or None, "(the system's)")
    rows.append(
        ("dns-timeout", _text(settings.options["dns-timeout"]))
        + ((COMMAND_LINE,) if opts.dns_timeout is not None else (DEFAULT,))
    )
    limits = config.values.get("limits", {})
    for key, value in zip(
        ("max-file-size", "max-depth", "max-nodes", "max-documents", "max-findings"),
        (
            settings.limits.max_bytes,
            settings.limits.max_depth,
            settings.limits.max_nodes,
            settings.limits.max_documents,
            settings.limits.max_findings,
        ),
        strict=True,
    ):
        rows.append((f"limits.{key}", str(value), cfg if key in limits else DEFAULT))
    today = _dt.date.today().isoformat()
    rows.append(
        ("as-of", settings.as_of.isoformat(), COMMAND_LINE)
        if opts.as_of is not None
        else ("as-of", today, "default (today)")
    )
    fmt = choose_format(opts, environ)
    source = COMMAND_LINE if opts.format else "GITHUB_ACTIONS" if fmt == "github" else DEFAULT
    rows.append(("format", fmt, source))
    rows.append(
        (
            "respect-gitignore",
            "true" if settings.respect_gitignore else "false",
            DEFAULT if settings.respect_gitignore else COMMAND_LINE,
        )
    )
    rows.append(("rules enabled", str(len(settings.rules)), "from select, ignore, --resolve"))
    width = max(len(k) for k, _, _ in rows)
    out = [f"configuration: {cfg}"]
    out += [f"{k:<{width}} = {v}  ({s})" for k, v, s in rows]
    return out
