"""A real LSP client (pytest-lsp's, built on pygls) driving ``cllint server`` over stdio.

The client records every ``textDocument/publishDiagnostics`` notification and
``client/registerCapability`` request, so a test can wait for the next
diagnostics of one file and see what the server asked the editor to watch.
Capabilities come from the recordings of real editors that pytest-lsp ships
(VS Code, Neovim), so the server is tested against what those editors send.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pygls.uris import from_fs_path
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES

SERVER = [sys.executable, "-m", "cllint", "server"]
TIMEOUT = 30.0
AS_OF = "2026-03-01"
"""The date the tests check at: before 15 April 2026, so file licensing is still current."""


class Editor(LanguageClient):
    """The test client: pytest-lsp's, plus a record of what the server sent."""

    def __init__(self) -> None:
        super().__init__(converter_factory=default_converter)
        self.published: list[types.PublishDiagnosticsParams] = []
        self.registrations: list[types.Registration] = []
        self.versions: dict[str, int] = {}
        for method, handler in DEFAULT_CLIENT_FEATURES.items():
            if method != types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS:
                self.feature(method)(handler)

        def published(params: types.PublishDiagnosticsParams) -> None:
            self.diagnostics[params.uri] = params.diagnostics
            self.published.append(params)

        def register(params: types.RegistrationParams) -> None:
            self.registrations.extend(params.registrations)

        # pygls' decorators are unannotated: register through Any
        on_publish: Any = self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        on_publish(published)
        on_register: Any = self.feature(types.CLIENT_REGISTER_CAPABILITY)
        on_register(register)

    # -- waiting --------------------------------------------------------------
    def count(self, uri: str) -> int:
        return sum(1 for p in self.published if p.uri == uri)

    async def until(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not condition():
            if self.error is not None:
                raise AssertionError(f"the client failed: {self.error}")
            if time.monotonic() > deadline:
                raise AssertionError(f"no {what} within {TIMEOUT} s")
            await asyncio.sleep(0.01)

    async def next_diagnostics(self, uri: str, after: int) -> list[types.Diagnostic]:
        """The diagnostics of the first publication for ``uri`` after ``after`` of them."""
        await self.until(lambda: self.count(uri) > after, f"diagnostics for {uri}")
        return list([p for p in self.published if p.uri == uri][after].diagnostics)

    # -- documents ------------------------------------------------------------
    async def open(self, path: Path, text: str | None = None) -> list[types.Diagnostic]:
        uri = uri_of(path)
        before = self.count(uri)
        self.versions[uri] = 1
        self.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri,
                    language_id="json" if path.suffix == ".json" else "yaml",
                    version=1,
                    text=path.read_text(encoding="utf-8") if text is None else text,
                )
            )
        )
        return await self.next_diagnostics(uri, before)

    async def change(
        self, path: Path, changes: Sequence[types.TextDocumentContentChangeEvent]
    ) -> list[types.Diagnostic]:
        uri = uri_of(path)
        before = self.count(uri)
        self.versions[uri] += 1
        self.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    uri=uri, version=self.versions[uri]
                ),
                content_changes=list(changes),
            )
        )
        return await self.next_diagnostics(uri, before)

    async def replace_text(self, path: Path, text: str) -> list[types.Diagnostic]:
        return await self.change(path, [types.TextDocumentContentChangeWholeDocument(text=text)])


def uri_of(path: Path) -> str:
    uri = from_fs_path(str(path))
    assert uri is not None
    return str(uri)


def position(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


def span(d: types.Diagnostic) -> tuple[int, int, int, int]:
    r = d.range
    return r.start.line, r.start.character, r.end.line, r.end.character


def summary(diagnostics: Sequence[types.Diagnostic]) -> list[tuple[Any, ...]]:
    """(code, severity, start line, start char, end line, end char), sorted."""
    return sorted((d.code, d.severity, *span(d)) for d in diagnostics)


@contextlib.asynccontextmanager
async def session(
    workspace: Path,
    editor: str = "visual-studio-code",
    command: Sequence[str] = SERVER,
    options: dict[str, Any] | None = None,
) -> AsyncIterator[Editor]:
    """Start the server, initialize it for ``workspace`` as ``editor`` would, and
    shut it down cleanly at the end (the test fails when it does not exit 0)."""
    client = Editor()
    # the server's working folder is not the workspace: nothing may depend on it
    await client.start_io(command[0], *command[1:], cwd=str(workspace.parent))
    try:
        await client.initialize_session(
            types.InitializeParams(
                capabilities=client_capabilities(editor),
                root_uri=uri_of(workspace),
                workspace_folders=[
                    types.WorkspaceFolder(uri=uri_of(workspace), name=workspace.name)
                ],
                initialization_options={"asOf": AS_OF} if options is None else options,
            )
        )
        yield client
        await asyncio.wait_for(client.shutdown_session(), TIMEOUT)
        assert client._server is not None
        assert client._server.returncode == 0
    finally:
        server = client._server
        if server is not None and server.returncode is None:
            server.kill()
        stop: Any = client.stop  # pytest-lsp leaves it unannotated
        await asyncio.wait_for(stop(), TIMEOUT)
