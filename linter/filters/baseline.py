"""Baselines: adopt cllint gradually by recording today's findings.

``--write-baseline FILE`` records each current finding; ``--baseline FILE``
hides the findings recorded there, so a run reports only new ones. The file
is small, sorted JSON meant to be committed::

    {
      "version": 1,
      "tool": "cllint",
      "findings": [
        {"fingerprint": "3f0c…", "rule": "CL402", "path": "sites/a.yaml"}
      ]
    }

A finding is matched by its fingerprint alone (path + rule + document + the
object's pointer + what the finding is about, never a line number; see
``engine._identity``), so inserting lines above a recorded finding, or editing
another value of the same object, does not resurrect it, while changing the
offending value does, and a second missing port of one node is a new finding.
Hidden findings stay in the report as ``external`` suppressions: SARIF
shows them as suppressed, every other format leaves them out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from cllint.findings import Finding, Suppression, excerpt

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any

VERSION = 1
MAX_BYTES = 64 << 20
"""About 500,000 findings; a larger file is not a baseline cllint wrote."""
JUSTIFICATION = "recorded in the baseline"


class BaselineError(Exception):
    """The baseline cannot be read; the message is one line for the user."""


Key = tuple[str, str, str]
"""What a baseline records of a finding: (path, rule, fingerprint)."""


def keys(findings: Iterable[Finding]) -> set[Key]:
    """The baseline keys of ``findings`` (suppressed in source ones are left out)."""
    return {
        (f.path, f.rule_id, f.fingerprint)
        for f in findings
        if f.suppression is None or f.suppression.kind == "external"
    }


def entries(findings: Iterable[Finding] | set[Key]) -> list[dict[str, str]]:
    """Baseline entries for ``findings`` (or their keys), sorted."""
    unique = findings if isinstance(findings, set) else keys(findings)
    return [{"fingerprint": fp, "rule": rule, "path": path} for path, rule, fp in sorted(unique)]


def dumps(findings: Iterable[Finding] | set[Key]) -> str:
    from cllint.files.terminal import json_names

    data = {"version": VERSION, "tool": "cllint", "findings": entries(findings)}
    return json_names(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def write(path: Path, findings: Iterable[Finding] | set[Key]) -> None:
    """Write the baseline atomically (a crash never leaves half a file)."""
    from cllint.files.fileio import write_atomic

    try:
        write_atomic(path, dumps(findings))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None


def load(path: Path) -> frozenset[str]:
    """The fingerprints recorded in the baseline at ``path``."""
    from cllint.files.fileio import read_confined, reason

    try:
        # A committed baseline may be a link to /dev/zero or out of the repository.
        data: Any = json.loads(read_confined(path, MAX_BYTES, "baseline").decode("utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {reason(exc)}") from None
    except UnicodeDecodeError as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc.reason}") from None
    except RecursionError:
        raise BaselineError(f"{path}: the baseline is not JSON: nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}:{exc.lineno}: the baseline is not JSON: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("tool") != "cllint":
        raise BaselineError(f'{path}: not a cllint baseline (no "tool": "cllint")')
    if data.get("version") != VERSION:
        raise BaselineError(
            f"{path}: unsupported baseline version {excerpt(str(data.get('version')))}"
        )
    items = data.get("findings")
    if not isinstance(items, list) or not all(
        isinstance(i, dict) and isinstance(i.get("fingerprint"), str) for i in items
    ):
        raise BaselineError(f'{path}: "findings" must be a list of {{"fingerprint": ...}}')
    return frozenset(i["fingerprint"] for i in items)


def apply(known: frozenset[str], findings: Iterable[Finding]) -> int:
    """Mark findings recorded in the baseline as external suppressions; return how many."""
    hidden = 0
    for f in findings:
        if f.suppression is None and f.fingerprint in known:
            f.suppression = Suppression("external", JUSTIFICATION)
            hidden += 1
    return hidden
