"""Shared test helpers: run the linter in-process or the real command in a subprocess."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from cllint.lint.engine import FileReport, Linter
from cllint.settings.options import Settings
from cllint.settings.registry import all_rules

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
EXAMPLES = ROOT / "examples"
CLEAN_EXAMPLE = EXAMPLES / "cluster.yaml"
FILE_LICENSED_EXAMPLE = EXAMPLES / "file-licensed.yaml"
AS_OF = dt.date(2026, 6, 1)
"""The suite's check date: after the 2026-04-15 cut-over to the License Activation Service."""
LAS_ACTIVATION_LINE = (
    "  activation: las                # License Activation Service, online (register with "
    "Citrix Cloud)\n"
)
"""The clean example's activation line (line 58): tests put license files after it."""


def settings(
    *,
    options: Mapping[str, Any] | None = None,
    as_of: dt.date = AS_OF,
    online: bool = False,
    services: Mapping[str, Any] | None = None,
    base: Path | None = None,
) -> Settings:
    from cllint.settings.options import default_options

    rules = tuple(r for r in all_rules() if online or not r.online)
    opts = default_options(rules)
    opts.update(options or {})
    return Settings(
        rules=rules,
        options=opts,
        as_of=as_of,
        services=services or {},
        base=base or ROOT,
    )


def lint_file(path: Path, **kwargs: Any) -> FileReport:
    return Linter(settings(**kwargs)).lint_path(path)


def write_inventory(folder: Path, text: str, name: str = "inventory.yaml") -> Path:
    """Write an inventory into ``folder`` with the example's license files beside it,
    so a copy of the clean example stays clean wherever a test puts it."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    licenses = path.parent / "licenses"
    if not licenses.exists():
        shutil.copytree(EXAMPLES / "licenses", licenses)
    return path


def lint_text(text: str, tmp_path: Path, name: str = "inventory.yaml", **kwargs: Any) -> FileReport:
    path = write_inventory(tmp_path, text, name)
    return Linter(settings(base=tmp_path, **kwargs)).lint_path(path)


def positions(report: FileReport, rule: str | None = None) -> list[tuple[str, int, int]]:
    """(rule, line, column) of each finding, optionally of one rule only."""
    return [
        (f.rule_id, f.line, f.column) for f in report.findings if rule is None or f.rule_id == rule
    ]


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cllint(
    args: Sequence[str],
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    stdin: bytes | None = None,
    timeout: float = 120,
) -> Run:
    """Run the real ``cllint`` command (``python -m cllint``) in a subprocess."""
    full_env = {
        k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "TF_BUILD", "NO_COLOR")
    }
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "cllint", *args],
        cwd=cwd or ROOT,
        env=full_env,
        input=stdin,
        capture_output=True,
        timeout=timeout,
    )
    return Run(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


def in_bash(script: str, cwd: Path | None = None, timeout: float = 120) -> Run:
    """Run ``script`` with bash (pipelines, ``PIPESTATUS``), e.g. ``cllint ... | head -1``."""
    proc = subprocess.run(
        script,
        shell=True,
        executable="/bin/bash",
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def clean_inventory() -> str:
    """The bundled clean example, as text (a starting point for test inventories)."""
    return CLEAN_EXAMPLE.read_text(encoding="utf-8")


LICENSE_FILES_LINE = "  license_files: [licenses/CTXLIC.lic]\n"


def clean_inventory_with_license_files() -> str:
    """The clean example still listing the example's license file (line 59) beside LAS.

    A site that activates with the License Activation Service and keeps its
    legacy files during the move: clean, and the license-file rules read the
    file (``write_inventory`` puts it beside the inventory).
    """
    text = clean_inventory()
    assert LAS_ACTIVATION_LINE in text
    return text.replace(LAS_ACTIVATION_LINE, LAS_ACTIVATION_LINE + LICENSE_FILES_LINE)


def load_script(name: str) -> ModuleType:
    """``scripts/<name>.py`` as a module (the generators' ``render`` and ``COMMAND``)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
