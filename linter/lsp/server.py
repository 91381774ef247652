"""``cllint server``: cllint's findings in the editor, over the Language Server Protocol.

Inventories are checked when opened, on every change and on save, with the
settings ``cllint check`` would use for them (see ``project.py``). A finding
inside a license file is published for that file. Hover on a finding shows
the rule's ``explain`` text; the quick fix writes a ``# cllint: disable``
comment. When a license file changes on disk (the client's file watcher, or
a save of it or of the inventory), the inventories listing it are checked
again.

Nothing a document holds may stop the server: a failure while checking one
document becomes a diagnostic on it and a log message, and the server goes
on serving the others. The online (DNS) rules do not run here: an editor
checks on every keystroke.
"""

from __future__ import annotations

import datetime as _dt
import functools
import logging
import os
import sys
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path, uri_scheme

from cllint import __version__
from cllint.lsp.analysis import (
    Analysis,
    analyse,
    finding_path,
    is_candidate,
    looks_like_inventory,
)
from cllint.lsp.diagnostics import (
    Entry,
    contains,
    diagnostic,
    docs_url,
    license_positions,
    overlaps,
    plain,
)
from cllint.lsp.positions import Positions
from cllint.lsp.project import Projects
from cllint.lsp.quickfix import disable_comment

WATCHED = ("**/*.lic", "**/*.LIC", "**/.cllint.yaml", "**/pyproject.toml")
"""Files whose change on disk can change an open inventory's findings."""
CONFIG_NAMES = frozenset({".cllint.yaml", "pyproject.toml", ".git"})
P = ParamSpec("P")
R = TypeVar("R")


@dataclass(slots=True)
class Checked:
    """The last check of one open inventory: diagnostics by the file they lie in."""

    targets: dict[str, list[Entry]] = field(default_factory=dict)
    depends_on: frozenset[str] = frozenset()
    """Real paths of the license files it lists."""
    inventory: bool = False


def _real(path: str | Path) -> str:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return os.path.normpath(path)


class CllintServer(LanguageServer):
    """The language server; its state is the last check of each open document."""

    def __init__(self) -> None:
        super().__init__("cllint", __version__)
        self.projects = Projects()
        self.checked: dict[str, Checked] = {}

    # -- helpers ------------------------------------------------------------
    @property
    def encoding(self) -> str:
        kind = self.workspace.position_encoding
        return str(getattr(kind, "value", kind) or "utf-16")

    def log(self, message: str, kind: types.MessageType = types.MessageType.Log) -> None:
        from cllint.files.terminal import escape

        try:
            self.window_log_message(types.LogMessageParams(type=kind, message=escape(message)))
        except Exception:  # no client to tell (yet, or any more): stderr will do
            print(f"cllint server: {escape(message)}", file=sys.stderr)

    def workspace_paths(self) -> list[Path]:
        folders = []
        for folder in self.workspace.folders.values():
            path = to_fs_path(folder.uri) if uri_scheme(folder.uri) == "file" else None
            if path:
                folders.append(Path(_real(path)))
        if self.workspace.root_path:
            folders.append(Path(_real(self.workspace.root_path)))
        return folders

    def publish(self, uri: str, entries: Iterable[Entry], version: int | None = None) -> None:
        seen: set[tuple[Any, ...]] = set()
        diagnostics = []
        for entry in entries:
            d = entry.diagnostic
            key = (d.range.start.line, d.range.start.character, d.code, d.message)
            if key not in seen:
                seen.add(key)
                diagnostics.append(d)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def entries_for(self, uri: str) -> list[Entry]:
        """Every diagnostic published for ``uri``, from every open inventory."""
        return [e for c in self.checked.values() for e in c.targets.get(uri, [])]

    # -- checking -----------------------------------------------------------
    def check(self, uri: str) -> None:
        """Check one open document and publish what changed."""
        old = self.checked.get(uri)
        try:
            new = self._check(uri, old)
        except Exception as exc:  # one document must not take the server down
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            self.log(f"cannot check {uri}: {detail[:500]}", types.MessageType.Error)
            new = Checked(
                {uri: [plain(0, 0, 0, 1, "internal error in cllint: " + detail[:200])]},
                inventory=bool(old and old.inventory),
            )
        self.checked[uri] = new
        self._publish_changed(uri, old, new)

    def _publish_changed(self, uri: str, old: Checked | None, new: Checked | None) -> None:
        document = self.workspace.text_documents.get(uri)
        self.publish(uri, new.targets.get(uri, []) if new else [], document and document.version)
        others = set(old.targets if old else ()) | set(new.targets if new else ())
        for target in sorted(others - {uri}):
            self.publish(target, self.entries_for(target))

    def _check(self, uri: str, old: Checked | None) -> Checked:
        if uri_scheme(uri) != "file":
            return Checked()
        fs_path = to_fs_path(uri)
        if not fs_path or "\x00" in fs_path:  # no file can have that name
            return Checked()
        path = Path(fs_path)
        if not is_candidate(path):
            return Checked()
        document = self.workspace.get_text_document(uri)
        text = document.source
        known = bool(old and old.inventory)
        self.projects.workspace_folders = self.workspace_paths()
        project = self.projects.for_document(path)
        if project.settings is None:
            if not (known or looks_like_inventory(text)):
                return Checked()
            message = f"cllint cannot use its configuration: {project.error}"
            self.log(message, types.MessageType.Warning)
            return Checked({uri: [plain(0, 0, 0, 1, message)]}, inventory=True)
        analysis = analyse(text, path, project.settings, known)
        if not analysis.inventory:
            return Checked()
        return self._entries(uri, text, path, project.settings.base, analysis)

    def _entries(self, uri: str, text: str, path: Path, base: Path, analysis: Analysis) -> Checked:
        encoding = self.encoding
        inventory = Positions(text, encoding)
        others: dict[Path, Positions] = {}
        targets: dict[str, list[Entry]] = {uri: []}
        for finding in analysis.findings:
            where = finding_path(finding, path, base)
            if finding.file is None:
                positions, target = inventory, uri
            else:
                positions = others.get(where) or license_positions(analysis, where, encoding)
                others[where] = positions
                target = from_fs_path(str(where)) or uri
            entry = Entry(
                diagnostic(finding, positions),
                finding.rule_id,
                finding.line if finding.file is None else None,
            )
            targets.setdefault(target, []).append(entry)
        depends = frozenset(_real(p) for p in analysis.depends_on)
        return Checked(targets, depends, inventory=True)

    def forget(self, uri: str) -> None:
        old = self.checked.pop(uri, None)
        if old is not None:
            self._publish_changed(uri, old, None)

    def files_changed(self, paths: Iterable[str]) -> None:
        """Re-check the open inventories that ``paths`` (changed on disk) can affect."""
        changed = {_real(p) for p in paths}
        if any(os.path.basename(p) in CONFIG_NAMES for p in changed):
            from cllint.files.paths import forget_roots

            self.projects.clear()
            forget_roots()  # a new .git or config moves a document's root
            affected = list(self.checked)
        else:
            affected = [uri for uri, c in self.checked.items() if c.depends_on & changed]
        for uri in affected:
            if uri in self.workspace.text_documents:
                self.check(uri)

    # -- requests -----------------------------------------------------------
    def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        from cllint.formats.rule_docs import explain_text
        from cllint.settings.registry import by_id

        rules = by_id()
        found: list[str] = []
        for entry in self.entries_for(uri):
            if contains(entry.diagnostic.range, position) and entry.rule_id not in found:
                found.append(entry.rule_id)
        texts = [
            explain_text(rules[rule_id]).rstrip() + f"\n\nDocumentation: {docs_url(rule_id)}"
            for rule_id in found
            if rule_id in rules
        ]
        if not texts:
            return None
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.PlainText, value="\n\n----\n\n".join(texts)
            )
        )

    def code_actions(self, uri: str, wanted: types.Range) -> list[types.CodeAction]:
        checked = self.checked.get(uri)
        document = self.workspace.text_documents.get(uri)
        if checked is None or document is None or uri.lower().endswith(".json"):
            return []
        positions = Positions(document.source, self.encoding)
        actions: list[types.CodeAction] = []
        done: set[tuple[int, str]] = set()
        for entry in checked.targets.get(uri, []):
            if entry.line is None or entry.rule_id == "CL009":
                continue
            if not overlaps(entry.diagnostic.range, wanted) or (entry.line, entry.rule_id) in done:
                continue
            done.add((entry.line, entry.rule_id))
            insertion = disable_comment(positions, entry.line, entry.rule_id)
            if insertion is None:
                continue
            line, character = positions.lsp(insertion.at)
            at = types.Position(line=line, character=character)
            edit = types.TextEdit(range=types.Range(start=at, end=at), new_text=insertion.text)
            actions.append(
                types.CodeAction(
                    title=f"Disable {entry.rule_id} for this line (cllint: disable comment)",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[entry.diagnostic],
                    edit=types.WorkspaceEdit(changes={uri: [edit]}),
                )
            )
        return actions


def _guarded(default: Any) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """A handler that logs its failure and answers ``default`` instead of failing."""

    def wrap(handler: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(handler)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return handler(*args, **kwargs)
            except Exception as exc:
                detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
                server = args[0] if args and isinstance(args[0], CllintServer) else None
                if server is not None:
                    server.log(
                        f"{handler.__name__} failed: {detail[:500]}", types.MessageType.Error
                    )
                result: R = default
                return result

        return run

    return wrap


def build() -> CllintServer:
    """The server with its features registered."""
    server = CllintServer()

    @server.feature(types.INITIALIZE)
    @_guarded(None)
    def initialize(ls: CllintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        as_of = options.get("asOf") if isinstance(options, dict) else None
        if as_of is not None:
            try:
                ls.projects.as_of = _dt.date.fromisoformat(str(as_of))
            except ValueError:
                ls.log(
                    f"initializationOptions.asOf {as_of!r} is not a date (YYYY-MM-DD); using today",
                    types.MessageType.Warning,
                )

    @server.feature(types.INITIALIZED)
    async def initialized(ls: CllintServer, params: types.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps else None
        if not (watched and watched.dynamic_registration):
            return  # saving the inventory or the license file re-reads it instead
        watchers = [types.FileSystemWatcher(glob_pattern=p) for p in WATCHED]
        registration = types.Registration(
            id="cllint-watched-files",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
        )
        try:
            await ls.client_register_capability_async(
                types.RegistrationParams(registrations=[registration])
            )
        except Exception as exc:
            ls.log(f"the client did not take the file watchers: {exc}", types.MessageType.Warning)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @_guarded(None)
    def did_open(ls: CllintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @_guarded(None)
    def did_change(ls: CllintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    @_guarded(None)
    def did_save(ls: CllintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in ls.checked:
            ls.check(uri)
        path = to_fs_path(uri) if uri_scheme(uri) == "file" else None
        if path:
            ls.files_changed([path])

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @_guarded(None)
    def did_close(ls: CllintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @_guarded(None)
    def did_change_watched_files(
        ls: CllintServer, params: types.DidChangeWatchedFilesParams
    ) -> None:
        paths = [
            p
            for change in params.changes
            if uri_scheme(change.uri) == "file" and (p := to_fs_path(change.uri))
        ]
        ls.files_changed(paths)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @_guarded(None)
    def hover(ls: CllintServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params.text_document.uri, params.position)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    @_guarded([])
    def code_action(ls: CllintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params.text_document.uri, params.range)

    return server


def main() -> int:
    """Serve on standard input/output until the client says ``exit``."""
    # The protocol owns standard output: anything else printed would corrupt it.
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="cllint server: %(message)s"
    )
    logging.getLogger("pygls").setLevel(logging.ERROR)  # not "shutting down" on every exit
    server = build()
    server.start_io(stdin, stdout)
    # LSP: exit status 0 when ``shutdown`` came before ``exit``, else 1
    return 0 if getattr(server.protocol, "_shutdown", False) else 1
