"""Lint files: load → schema → model → rules → spans → filters.

This is the one place that turns rule findings at JSON pointers into source
positions and fingerprints, applies the enabled-rule selection and severity
overrides, and decides what a file's report holds. Formatters only render.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from cllint.files.fileio import read_stdin
from cllint.files.paths import STDIN, display_path, find_root
from cllint.findings import Finding, Span
from cllint.inventory.loader import Document, LoadedFile, is_inventory, load_bytes
from cllint.model import Inventory
from cllint.records import field, record
from cllint.rule import Context
from cllint.settings.options import Settings

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any


@record(slots=True)
class FileReport:
    """The outcome for one file: findings (with positions), or why it was skipped."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    documents: int = 0
    skipped: str | None = None


def value_at(data: Any, pointer: str) -> Any:
    """The value at a JSON pointer, or None when the path does not exist."""
    if not pointer:
        return data
    current = data
    for part in pointer[1:].split("/"):
        key = part.replace("~1", "/").replace("~0", "~")
        if isinstance(current, dict):
            current = current.get(key)
        elif isinstance(current, list) and key.isdigit() and int(key) < len(current):
            current = current[int(key)]
        else:
            return None
    return current


def _sha256() -> Any:
    """A SHA-256 hasher without importing hashlib, which loads OpenSSL (~15 ms at start-up)."""
    import importlib

    for name in ("_sha256", "_sha2"):  # CPython's own implementation (3.11, 3.12+)
        try:
            return importlib.import_module(name).sha256()
        except (ImportError, AttributeError):
            continue
    import hashlib

    return hashlib.sha256()


def fingerprint(path: str, rule_id: str, document: int, where: str, content: str) -> str:
    """Stable identity of a finding: never includes a line number."""
    h = _sha256()
    for part in (path, rule_id, str(document), where, content):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    digest: str = h.hexdigest()
    return digest[:32]


def _content(value: Any, size: int = 4096) -> str:
    """The first ``size`` characters of ``value`` as canonical JSON.

    Encoded chunk by chunk and cut early: a value reached through aliases can
    expand to a million nodes, and every finding on it needs a fingerprint.
    """
    plain = _plain_json(value)
    if plain is not None:
        return plain[:size]
    import json

    parts: list[str] = []
    length = 0
    try:
        for chunk in json.JSONEncoder(sort_keys=True, default=str).iterencode(value):
            parts.append(chunk)
            length += len(chunk)
            if length >= size:
                break
    except RecursionError:  # nesting near a raised max-depth: what was encoded will do
        pass
    except (TypeError, ValueError):  # pragma: no cover - plain data always encodes
        return repr(value)[:size]
    return "".join(parts)[:size]


def _plain_json(value: Any) -> str | None:
    """JSON of the common scalars, as ``json`` writes it, without importing ``json``
    (a few milliseconds of a one-file run); None for anything else."""
    if value is None:
        return "null"
    kind = type(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    plain = kind is str and value.isascii() and value.isprintable()
    if plain and '"' not in value and "\\" not in value:
        return f'"{value}"'
    return None


SUBJECT = "subject"
"""``Finding.extra`` key: what one of several findings at one pointer is about (a port)."""


def _identity(f: Finding, doc: Document | None, shown: str) -> tuple[str, str]:
    """Where a finding is and what it is about, without a line number.

    The pointer names the object; the subject is what the rule says the finding
    is about (``extra["subject"]``, e.g. the missing port), else the offending
    value when the pointer reaches a scalar. A container's other values are
    left out, so editing an unrelated value of the same node keeps the
    fingerprint. A finding in another file (a license file) is about its
    message there, and belongs to the inventory it was reported for.
    """
    subject = f.extra.get(SUBJECT)
    if f.pointer is not None and doc is not None:
        if subject is None:
            value = value_at(doc.data, f.pointer)
            subject = "" if isinstance(value, (dict, list)) else _content(value)
        return f.pointer, subject
    where = shown if f.file is not None else ""
    return where, subject if subject is not None else f.message


def _distinguish(findings: list[Finding]) -> None:
    """Keep fingerprints unique in a file when a rule names no subject for its twins."""
    seen: dict[str, int] = {}
    for f in findings:
        seen[f.fingerprint] = seen.get(f.fingerprint, 0) + 1
    if len(seen) == len(findings):
        return
    for f in findings:
        if seen[f.fingerprint] > 1:
            f.fingerprint = fingerprint(f.path, f.rule_id, f.document, f.fingerprint, f.message)


Parsed = tuple[list[Finding], set[str], Inventory]
"""One inventory document as schema and model made it: CL002 findings, invalid pointers, model."""


@record(slots=True)
class Prepared:
    """A file that was already read and parsed (by the ``--resolve`` phase), for the lint.

    ``parsed`` holds one entry per inventory document of ``loaded``, in order.
    """

    loaded: LoadedFile
    parsed: list[Parsed]


class Linter:
    """Lints files with one fixed set of settings.

    ``prepared`` maps paths to files already parsed (see :class:`Prepared`):
    each is used once, instead of reading and parsing the file again.
    """

    def __init__(self, settings: Settings, prepared: dict[str, Prepared] | None = None) -> None:
        self.settings = settings
        self.prepared = prepared if prepared is not None else {}
        self.rule_classes = {r.id: r for r in settings.rules}
        self.checkers = [r() for r in settings.rules if not r.engine]
        from cllint.licenses.reader import SERVICE, LicenseFiles

        # per-run helpers rules reach through ctx.services (a caller's own win)
        self.license_files = LicenseFiles()
        self.services: dict[str, Any] = {SERVICE: self.license_files, **settings.services}

    # -- entry points -----------------------------------------------------
    def lint_path(self, path: Path | str) -> FileReport:
        named = self.settings.stdin_filename
        if str(path) == STDIN:
            # With --stdin-filename, report paths, per-file-ignores and license paths
            # behave as if the text were that file (editors lint unsaved buffers).
            shown = display_path(named or path, self.settings.base)
            data = read_stdin(self.settings.limits.max_bytes + 1)
            return self.lint_bytes(data, shown, self.settings.stdin_path())
        shown = display_path(path, self.settings.base)
        p = Path(path)
        prepared = self.prepared.pop(str(path), None)
        if prepared is not None:
            return self.lint_bytes(b"", shown, p, prepared)
        from cllint.files.fileio import NotRegular, read_regular, reason

        try:
            # Opened non-blocking and checked once open: a pipe swapped in after a
            # stat() could otherwise hang the run.
            data = read_regular(p, self.settings.limits.max_bytes + 1)
        except NotRegular:
            return FileReport(shown, skipped="not a regular file")
        except (OSError, ValueError) as exc:  # ValueError: a name with a NUL byte
            detail = reason(exc) if isinstance(exc, OSError) else "a name the system refuses"
            return FileReport(shown, skipped=f"cannot read: {detail}")
        return self.lint_bytes(data, shown, p)

    def lint_bytes(
        self, data: bytes, shown: str, path: Path, prepared: Prepared | None = None
    ) -> FileReport:
        loaded = prepared.loaded if prepared is not None else load_bytes(data, self.settings.limits)
        parsed = iter(prepared.parsed if prepared is not None else ())
        report = FileReport(shown)
        lines = loaded.text.splitlines() if loaded.text is not None else []
        ignored = self._ignored_for(shown)
        wanted = self.rule_classes.keys() - ignored
        # A hostile file (or aliases of one bad node) can yield millions of findings;
        # collecting stops one past the limit, so memory and output stay bounded.
        limit = self.settings.limits.max_findings
        raw_findings: list[tuple[Finding, Document | None]] = [
            (f, None) for f in loaded.findings if f.rule_id in wanted
        ]
        inventories = 0
        for document in loaded.documents:
            if not is_inventory(document.data):
                continue
            inventories += 1
            before = next(parsed, None)
            if len(raw_findings) > limit:
                continue
            for f in self._lint_document(document, path, limit + 1 - len(raw_findings), before):
                if f.rule_id in wanted:
                    raw_findings.append((f, document))
                    if len(raw_findings) > limit:
                        break
        report.documents = inventories
        if inventories == 0 and (not loaded.findings or not self._inventory_like(loaded, path)):
            report.skipped = "not an inventory"
            return report
        if len(raw_findings) > limit:
            del raw_findings[limit:]
            if "CL001" in wanted:
                stop = f"more than {limit} findings in this file; the rest are not reported"
                raw_findings.append(
                    (Finding("CL001", stop + " (limit max-findings)", span=Span.point(1, 1)), None)
                )
        for finding, doc in raw_findings:
            self._finish(finding, doc, shown, lines)
            report.findings.append(finding)
        if loaded.text and "cllint:" in loaded.text and path.suffix.lower() != ".json":
            self._suppress(report, loaded.text, shown, lines, ignored)
        report.findings.sort(key=lambda f: (f.file or "", f.line, f.column, f.rule_id))
        _distinguish(report.findings)
        return report

    # -- internals ----------------------------------------------------------
    @staticmethod
    def _inventory_like(loaded: LoadedFile, path: Path) -> bool:
        """Whether a file the loader rejected (a tag, a syntax error) is an inventory.

        Other tools' YAML (``!Sub``, ``!reference``, Helm's ``{{ }}``) is skipped
        instead of reported; see ``cllint.inventory.sniff``.
        """
        from cllint.inventory.sniff import looks_like_inventory

        return looks_like_inventory(loaded.text, json=path.suffix.lower() == ".json")

    def _suppress(
        self, report: FileReport, text: str, shown: str, lines: list[str], ignored: frozenset[str]
    ) -> None:
        """Apply ``# cllint: disable`` comments; report unused ones as CL009."""
        from cllint.filters import suppressions

        dns = "dns" in self.settings.services
        ran = {
            rid: rule
            for rid, rule in self.rule_classes.items()
            if rid not in ignored and (dns or not rule.online)
        }
        # CL009 notes count against max-findings like every other finding.
        room = self.settings.limits.max_findings - len(report.findings)
        dropped = 0
        for note in suppressions.apply(text, report.findings, ran):
            if note.rule_id not in ran:
                continue
            if room <= 0:
                dropped += 1
                continue
            room -= 1
            self._finish(note, None, shown, lines)
            report.findings.append(note)
        stopped = any(f.message.endswith("(limit max-findings)") for f in report.findings)
        if dropped and "CL001" in ran and not stopped:
            limit = self.settings.limits.max_findings
            stop = Finding(
                "CL001",
                f"more than {limit} findings in this file; the rest are not reported "
                "(limit max-findings)",
                span=Span.point(1, 1),
            )
            self._finish(stop, None, shown, lines)
            report.findings.append(stop)

    def _ignored_for(self, shown: str) -> frozenset[str]:
        """Rule ids that ``per-file-ignores`` switches off for this path."""
        if not self.settings.per_file_ignores:
            return frozenset()
        from cllint.files.globs import matches
        from cllint.settings.selection import Selection

        terms = [
            t
            for glob, ids in self.settings.per_file_ignores.items()
            if matches(shown, glob)
            for t in ids
        ]
        if not terms:
            return frozenset()
        selection = Selection(self.settings.rules, select=terms)
        return frozenset(r.id for r in selection.enabled_rules())

    def _lint_document(
        self, doc: Document, path: Path, limit: int | None = None, before: Parsed | None = None
    ) -> Iterator[Finding]:
        from cllint import model
        from cllint.inventory import addresses
        from cllint.inventory.schema import schema_findings

        if before is not None and (limit is None or len(before[0]) < limit):
            # parsed already, and not cut short by a limit this lint would apply
            findings, invalid, inventory = before
        else:
            findings, invalid = schema_findings(doc.data, limit)
            inventory = model.build(doc.data, invalid, doc.raw)
        for f in findings:
            f.document = doc.index
            yield f
        ctx = Context(
            path=path,
            root=find_root(path),
            as_of=self.settings.as_of,
            base=self.settings.base,
            options=self.settings.options,
            services={**self.services, "document": doc},
        )
        for checker in self.checkers:
            if checker.online and "dns" not in self.settings.services:
                continue
            try:
                for f in checker.check(inventory, ctx):
                    f.document = doc.index
                    yield f
            except Exception as exc:  # a crashing rule is a finding, not a crashed run
                import traceback

                detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
                yield Finding(
                    checker.id,
                    f"internal error in rule {checker.id} ({checker.name}): {detail[:200]}; "
                    "please report this",
                    pointer="",
                    document=doc.index,
                )
        # What was remembered for this document goes with it, freed while still warm.
        self.license_files.end_document()
        addresses.forget()

    def _finish(self, f: Finding, doc: Document | None, shown: str, lines: list[str]) -> None:
        rule = self.rule_classes.get(f.rule_id)
        if rule is not None:
            f.name = rule.name
            f.severity = self.settings.severity.get(rule.id, rule.severity)
        f.path = f.file or shown
        if f.span is None:
            if doc is not None and f.pointer is not None:
                at_key = f.extra.get("at") == "key"
                f.span = doc.key_span(f.pointer) if at_key else doc.span(f.pointer)
            else:
                f.span = Span.point(1, 1)
        if f.file is None and 0 < f.span.line <= len(lines):
            f.source = lines[f.span.line - 1]
        f.fingerprint = fingerprint(f.path, f.rule_id, f.document, *_identity(f, doc, shown))


def lint_all(paths: Iterable[str], settings: Settings) -> Iterator[FileReport]:
    """Lint each path in turn (the parallel runner lives in ``runner.py``)."""
    linter = Linter(settings)
    for path in paths:
        yield linter.lint_path(path)
