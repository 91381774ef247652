"""Fuzz targets shared by the atheris scripts here and the short runs in the tests.

Each target takes arbitrary bytes and must return normally: any exception is
a bug. They assert what the whole tool promises about hostile input — a
finding or a parse problem with a position inside the file, never a crash,
never a ``SIGN=`` value kept in memory.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = (ROOT / "examples" / "cluster.yaml", ROOT / "examples" / "licenses" / "CTXLIC.lic")

_BREAK = re.compile(rb"\r\n|\r|\n")


@functools.cache
def _linter() -> object:
    from cllint.inventory.loader import Limits
    from cllint.lint.engine import Linter
    from cllint.settings.options import Settings, default_options
    from cllint.settings.registry import all_rules

    rules = tuple(r for r in all_rules() if not r.online)
    # Small limits keep each run fast; the limits themselves are tested elsewhere.
    limits = Limits(max_bytes=1 << 16, max_depth=32, max_nodes=20_000, max_documents=8)
    settings = Settings(
        rules=rules, options=default_options(rules), limits=limits, base=ROOT / "examples"
    )
    return Linter(settings)


def inventory(data: bytes) -> None:
    """Loader, schema, model and every offline rule on ``data`` as an inventory."""
    from cllint.inventory.loader import Limits, load_bytes
    from cllint.lint.engine import Linter

    loaded = load_bytes(data, Limits(max_bytes=1 << 16, max_depth=32, max_nodes=20_000))
    for f in loaded.findings:
        assert f.rule_id in ("CL001", "CL003"), f
        assert f.span is not None and f.span.line >= 1 and f.span.column >= 1, f
    linter = _linter()
    assert isinstance(linter, Linter)
    report = linter.lint_bytes(data, "fuzz.yaml", ROOT / "examples" / "fuzz.yaml")
    for f in report.findings:
        assert "internal error" not in f.message, f.message
        assert f.line >= 1 and f.column >= 1, f


def license_file(data: bytes) -> None:
    """The license-file parser on ``data``: problems are values, never exceptions."""
    from cllint.licenses.parser import MAX_ERRORS, parse

    parsed = parse(data)
    assert len(parsed.errors) <= MAX_ERRORS
    lines = len(_BREAK.split(data))
    for error in parsed.errors:
        assert 1 <= error.span.line <= lines, (error, lines)
        assert error.span.column >= 1, error


TARGETS = {"inventory": inventory, "license_file": license_file}
