"""The npm-installed test tools (scripts/install-test-tools puts them in .test-tools/).

Skipped when missing on a developer's machine, a failure under CI=true, where
the install script must have installed them.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from helpers import ROOT

NODE_MODULES = ROOT / ".test-tools" / "node_modules"


def _require(path: Path | None, what: str) -> Path:
    if path is None or not path.exists():
        message = f"{what} is not installed (scripts/install-test-tools installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def sarif_multitool() -> Path:
    """The SARIF multitool's platform binary (run directly, not through node's wrapper)."""
    platform = {"win32": "win32", "darwin": "darwin"}.get(sys.platform, "linux")
    binary = "Sarif.Multitool.exe" if platform == "win32" else "Sarif.Multitool"
    return _require(
        NODE_MODULES / "@microsoft" / f"sarif-multitool-{platform}" / binary,
        "the SARIF multitool (npm @microsoft/sarif-multitool)",
    )


def node() -> Path:
    found = shutil.which("node")
    return _require(Path(found) if found else None, "node")


def azure_task_lib() -> Path:
    """azure-pipelines-task-lib's logging-command parser."""
    return _require(
        NODE_MODULES / "azure-pipelines-task-lib" / "taskcommand.js",
        "azure-pipelines-task-lib (npm)",
    )
