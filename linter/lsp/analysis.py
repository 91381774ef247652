"""Lint one editor document with the engine ``cllint check`` uses.

The text comes from the editor (unsaved edits included); license files
come from disk, read by the engine with the same confinement as ``check``.
Besides the findings, the result says which files the document depends on,
so the server can re-check it when one of them changes.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from cllint.files.discovery import EXTENSIONS
from cllint.findings import Finding
from cllint.licenses.reader import SERVICE, LicenseFiles, locate
from cllint.lint.engine import Linter
from cllint.records import replace
from cllint.settings.options import Settings

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from cllint.licenses.reader import Problem, _Opened
    from cllint.rule import Context

# An inventory with a syntax error has no documents to recognise it by: a
# top-level inventory key at the start of a line will do.
_LOOKS_LIKE_INVENTORY = re.compile(r'^["\']?(?:cluster|nodes|licensing)["\']?\s*:', re.MULTILINE)


class _RecordingLicenseFiles(LicenseFiles):
    """The engine's license-file reader, noting every file an inventory lists
    (present or not: a missing file that appears later changes the findings)."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: set[Path] = set()
        self.contents: dict[Path, bytes] = {}
        self._seen: set[tuple[Path, str]] = set()

    def open(self, written: str, ctx: Context) -> _Opened:
        if (ctx.path, written) not in self._seen:
            self._seen.add((ctx.path, written))
            path, _problem = locate(written, ctx.path.resolve().parent, ctx.root)
            if path is not None:
                self.paths.add(Path(os.path.normpath(path)))
        return super().open(written, ctx)

    def _read(
        self, real: str, written: str
    ) -> tuple[bytes | None, Problem | None, tuple[int, int, int, int] | None]:
        # the bytes the findings were made from, to place them in the editor's units
        data, problem, identity = super()._read(real, written)
        if data is not None:
            self.contents[Path(os.path.normpath(real))] = data
        return data, problem, identity


@dataclass(slots=True)
class Analysis:
    """The outcome of linting one document."""

    inventory: bool
    """Whether the document is an inventory (else it gets no diagnostics)."""
    findings: list[Finding] = field(default_factory=list)
    """Unsuppressed findings; those with ``file`` set lie in another file."""
    depends_on: set[Path] = field(default_factory=set)
    """License files the inventory lists (absolute, as written, not resolved)."""
    contents: dict[Path, bytes] = field(default_factory=dict)
    """The bytes of each license file that was read, by the same paths."""


def looks_like_inventory(text: str) -> bool:
    """A top-level inventory key at the start of a line (for text that may not load)."""
    return _LOOKS_LIKE_INVENTORY.search(text) is not None


def is_candidate(path: Path) -> bool:
    """Whether a document could be an inventory at all (``check`` walks these)."""
    return path.name.lower().endswith(EXTENSIONS)


def analyse(text: str, path: Path, settings: Settings, known_inventory: bool) -> Analysis:
    """Lint ``text`` as the content of ``path``.

    ``known_inventory``: the document was an inventory when last checked, so
    a syntax error while typing shows as CL001 instead of clearing everything.
    """
    from cllint.files.globs import excluded

    linter_settings = replace(settings)
    shown = _display(path, settings.base)
    if settings.exclude and excluded(shown, settings.exclude):
        return Analysis(False)
    recorder = _RecordingLicenseFiles()
    linter_settings.services = {**settings.services, SERVICE: recorder}
    # A fresh linter per run: its license-file cache must not outlive an edit on disk.
    linter = Linter(linter_settings)
    data = text.encode("utf-8", "surrogatepass")
    report = linter.lint_bytes(data, shown, path)
    inventory = report.documents > 0 or (
        bool(report.findings) and (known_inventory or looks_like_inventory(text))
    )
    if not inventory:
        return Analysis(False)
    findings = [f for f in report.findings if f.suppression is None]
    return Analysis(True, findings, recorder.paths, recorder.contents)


def _display(path: Path, base: Path) -> str:
    from cllint.files.paths import display_path

    return display_path(path, base)


def finding_path(finding: Finding, document: Path, base: Path) -> Path:
    """The file a finding lies in: the document, or a license file it lists."""
    if finding.file is None:
        return document
    return Path(os.path.normpath(os.path.join(base, finding.file)))
