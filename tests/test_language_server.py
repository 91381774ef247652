"""``cllint server`` driven by a real LSP client over standard input/output.

Each test copies ``tests/fixtures/lsp`` (an inventory, its license file and a
``.cllint.yaml`` that changes a severity) into a fresh workspace, starts
the server as an editor would and talks to it. Positions are asserted
exactly, in the units the editor negotiated: line 18 of the inventory and
line 7 of the license file hold characters outside the Basic Multilingual
Plane before the finding, so code points, UTF-16 and UTF-8 all differ.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lsprotocol import types

from helpers import ROOT
from lsp_session import position, session, span, summary, uri_of

FIXTURE = ROOT / "tests" / "fixtures" / "lsp"
ERROR, WARNING = types.DiagnosticSeverity.Error, types.DiagnosticSeverity.Warning
DOCS = "https://github.com/cllint/cllint/blob/main/docs/rules.md"

pytestmark = pytest.mark.asyncio

# NIC1 of node CTXLIC-N1 (line 18): 'Öffentlich 🚀 ☁' stands before the finding.
NIC_LINE = 17
DHCP_UTF16 = (NIC_LINE, 87, NIC_LINE, 91)  # code point column 87 (1-based): 86 + 1 for 🚀
DHCP_UTF8 = (NIC_LINE, 92, NIC_LINE, 96)  # + 1 for Ö, 3 for 🚀, 2 for ☁
# HOSTID=HOSTNAME=... on line 7 of the license file, after NOTICE="Zürich 🚀 Lab"
BINDING_UTF16 = (6, 40, 6, 46)
BINDING_UTF8 = (6, 43, 6, 49)  # + 1 for ü, 3 for 🚀


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "workspace"
    shutil.copytree(FIXTURE, folder)
    return folder.resolve()


def inventory(workspace: Path) -> Path:
    return workspace / "inventory.yaml"


def license_file(workspace: Path) -> Path:
    return workspace / "licenses" / "CTXLIC.lic"


def dhcp(text: str) -> str:
    """The inventory with NIC1 of CTXLIC-N1 on DHCP (CL306, CL307)."""
    old = "address: 10.10.1.11/24, addressing: static}"
    assert old in text
    return text.replace(old, "address: 10.10.1.11/24, addressing: dhcp}")


def lowercase_binding(workspace: Path) -> None:
    """Rewrite the license file on disk with the CAP name in lower case (CL404)."""
    path = license_file(workspace)
    text = path.read_text(encoding="utf-8")
    assert "HOSTID=HOSTNAME=CTXLIC" in text
    path.write_text(text.replace("HOSTID=HOSTNAME=CTXLIC", "HOSTID=HOSTNAME=ctxlic"), "utf-8")


async def test_diagnostics_follow_open_edit_fix_and_license_changes(workspace: Path) -> None:
    async with session(workspace) as editor:
        # VS Code can watch files: the server asks it to watch license files
        await editor.until(lambda: bool(editor.registrations), "file-watcher registration")
        (registration,) = editor.registrations
        assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
        assert registration.register_options is not None
        patterns = {w["globPattern"] for w in registration.register_options["watchers"]}
        assert "**/*.lic" in patterns

        path = inventory(workspace)
        clean = path.read_text(encoding="utf-8")
        diagnostics = await editor.open(path, dhcp(clean))
        # .cllint.yaml makes public-address-dhcp an error (its default is warning)
        assert summary(diagnostics) == [
            ("CL306", ERROR, *DHCP_UTF16),
            ("CL307", WARNING, *DHCP_UTF16),
        ]
        cl306 = next(d for d in diagnostics if d.code == "CL306")
        assert cl306.source == "cllint"
        assert cl306.code_description is not None
        assert cl306.code_description.href == f"{DOCS}#cl306-public-address-dhcp"
        assert "'Öffentlich 🚀 ☁'" in cl306.message and "uses DHCP" in cl306.message

        # an incremental edit, in UTF-16 units: 'dhcp' becomes 'static' again,
        # and the second node moves to an unsupported OS
        n2_os = clean.splitlines().index("    os: Windows Server 2019 Standard", 20)
        diagnostics = await editor.change(
            path,
            [
                types.TextDocumentContentChangePartial(
                    range=types.Range(
                        start=position(*DHCP_UTF16[:2]), end=position(*DHCP_UTF16[2:])
                    ),
                    text="static",
                ),
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=position(n2_os, 8), end=position(n2_os, 36)),
                    text="Windows Server 2008",
                ),
            ],
        )
        assert summary(diagnostics) == [
            ("CL102", ERROR, n2_os, 8, n2_os, 27),
            ("CL103", WARNING, n2_os, 8, n2_os, 27),
        ]

        # fixed: no diagnostics at all
        assert await editor.replace_text(path, clean) == []

        # the license file changes on disk: the editor's watcher tells the server
        lic_uri = uri_of(license_file(workspace))
        before = editor.count(lic_uri)
        lowercase_binding(workspace)
        editor.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=lic_uri, type=types.FileChangeType.Changed)]
            )
        )
        in_license = await editor.next_diagnostics(lic_uri, before)
        assert summary(in_license) == [("CL404", ERROR, *BINDING_UTF16)]
        assert "case-sensitive" in in_license[0].message
        assert list(editor.diagnostics[uri_of(path)]) == []  # the inventory itself is clean

        # hover on the finding in the license file: the rule's explain text
        hover = await editor.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=lic_uri),
                position=position(6, 42),
            )
        )
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        assert hover.contents.value.startswith("CL404 license-hostname-case [error]\n")
        assert "How to fix:" in hover.contents.value
        assert f"{DOCS}#cl404-license-hostname-case" in hover.contents.value
        nothing = await editor.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=lic_uri), position=position(1, 0)
            )
        )
        assert nothing is None

        # closing the inventory withdraws its diagnostics, the license file's too
        before = editor.count(lic_uri)
        editor.text_document_did_close(
            types.DidCloseTextDocumentParams(
                text_document=types.TextDocumentIdentifier(uri=uri_of(path))
            )
        )
        assert await editor.next_diagnostics(lic_uri, before) == []


async def test_the_quick_fix_writes_a_disable_comment_that_suppresses(workspace: Path) -> None:
    async with session(workspace) as editor:
        path = inventory(workspace)
        text = dhcp(path.read_text(encoding="utf-8"))
        diagnostics = await editor.open(path, text)
        cl306 = next(d for d in diagnostics if d.code == "CL306")

        hover = await editor.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri_of(path)),
                position=position(NIC_LINE, 88),
            )
        )
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        # both findings on the value: both rules explained
        assert "CL306 public-address-dhcp [warning]" in hover.contents.value
        assert "CL307 dhcp-lease-risk [warning]" in hover.contents.value

        actions = await editor.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri_of(path)),
                range=cl306.range,
                context=types.CodeActionContext(diagnostics=[cl306]),
            )
        )
        assert actions is not None
        titles = sorted(a.title for a in actions if isinstance(a, types.CodeAction))
        assert titles == [
            "Disable CL306 for this line (cllint: disable comment)",
            "Disable CL307 for this line (cllint: disable comment)",
        ]
        action = next(a for a in actions if isinstance(a, types.CodeAction) and "CL306" in a.title)
        assert action.kind == types.CodeActionKind.QuickFix
        assert action.edit is not None and action.edit.changes is not None
        (edit,) = action.edit.changes[uri_of(path)]
        assert span_of(edit.range) == (NIC_LINE, 0, NIC_LINE, 0)
        assert edit.new_text == "      # cllint: disable=CL306 -- reason\n"

        # the editor applies the edit: CL306 is suppressed, CL307 stays, one line down
        lines = text.splitlines(keepends=True)
        lines.insert(NIC_LINE, edit.new_text)
        diagnostics = await editor.replace_text(path, "".join(lines))
        assert summary(diagnostics) == [("CL307", WARNING, NIC_LINE + 1, 87, NIC_LINE + 1, 91)]


def span_of(r: types.Range) -> tuple[int, int, int, int]:
    return r.start.line, r.start.character, r.end.line, r.end.character


async def test_neovim_positions_in_utf8_and_rechecks_on_save(workspace: Path) -> None:
    """Neovim 0.11 prefers UTF-8 positions and registers no file watchers: saving
    the inventory (or the license file) re-reads the license files."""
    async with session(workspace, editor="neovim@v0.11.0") as editor:
        path = inventory(workspace)
        clean = path.read_text(encoding="utf-8")
        diagnostics = await editor.open(path, dhcp(clean))
        assert summary(diagnostics) == [
            ("CL306", ERROR, *DHCP_UTF8),
            ("CL307", WARNING, *DHCP_UTF8),
        ]
        assert await editor.replace_text(path, clean) == []
        assert editor.registrations == []

        lic_uri = uri_of(license_file(workspace))
        before = editor.count(lic_uri)
        lowercase_binding(workspace)
        editor.text_document_did_save(
            types.DidSaveTextDocumentParams(
                text_document=types.TextDocumentIdentifier(uri=uri_of(path))
            )
        )
        assert summary(await editor.next_diagnostics(lic_uri, before)) == [
            ("CL404", ERROR, *BINDING_UTF8)
        ]

        # the license file fixed and saved in the editor: the finding goes away
        before = editor.count(lic_uri)
        text = license_file(workspace).read_text(encoding="utf-8")
        license_file(workspace).write_text(text.replace("=ctxlic", "=CTXLIC"), "utf-8")
        editor.text_document_did_save(
            types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=lic_uri))
        )
        assert await editor.next_diagnostics(lic_uri, before) == []


async def test_yaml_that_is_no_inventory_gets_no_diagnostics(workspace: Path) -> None:
    workflow = workspace / ".github" / "workflows" / "ci.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n", "utf-8")
    broken = workspace / "broken.yaml"
    broken.write_text("jobs: [unclosed\n  steps: {\n", "utf-8")
    data = workspace / "data.json"
    data.write_text('{"name": "not an inventory"}', "utf-8")
    async with session(workspace) as editor:
        for path in (workflow, broken, data):
            assert await editor.open(path) == [], path


async def test_a_broken_inventory_reports_its_syntax_error(workspace: Path) -> None:
    async with session(workspace) as editor:
        path = inventory(workspace)
        text = path.read_text(encoding="utf-8")
        assert await editor.open(path) == []
        # typing: an unclosed flow mapping; still an inventory, now a CL001
        broken = text.replace("{name: Public, role: public,", "{name: Public, role: public", 1)
        broken = broken.replace("10.10.1.0/24}", "10.10.1.0/24", 1)
        diagnostics = await editor.replace_text(path, broken)
        assert [d.code for d in diagnostics] == ["CL001"]
        # a file that never loaded is recognised by its top-level keys
        fresh = workspace / "new.yaml"
        diagnostics = await editor.open(fresh, "version: 1\ncluster: {name: [\n")
        assert [d.code for d in diagnostics] == ["CL001"]


async def test_a_bad_configuration_is_one_diagnostic(workspace: Path) -> None:
    (workspace / ".cllint.yaml").write_text("selct: [CL1]\n", "utf-8")
    path = inventory(workspace)
    async with session(workspace) as editor:
        (diagnostic,) = await editor.open(path, dhcp(path.read_text(encoding="utf-8")))
        assert span(diagnostic) == (0, 0, 0, 1)
        assert diagnostic.severity == ERROR and diagnostic.source == "cllint"
        assert "unknown configuration key 'selct'; did you mean 'select'?" in diagnostic.message
        # the configuration fixed on disk (the watcher reports it): it ignores the
        # network family, so the DHCP findings stay hidden
        (workspace / ".cllint.yaml").write_text("ignore: [CL3]\n", "utf-8")
        before = editor.count(uri_of(inventory(workspace)))
        editor.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[
                    types.FileEvent(
                        uri=uri_of(workspace / ".cllint.yaml"), type=types.FileChangeType.Changed
                    )
                ]
            )
        )
        assert await editor.next_diagnostics(uri_of(inventory(workspace)), before) == []


async def test_per_file_ignores_exclude_and_file_suppressions_apply(workspace: Path) -> None:
    (workspace / ".cllint.yaml").write_text(
        "per-file-ignores:\n  'sites/*.yaml': [CL306]\nexclude: [drafts]\n", "utf-8"
    )
    (workspace / "sites").mkdir()
    text = dhcp(inventory(workspace).read_text(encoding="utf-8"))
    in_sites = text.replace("licenses/CTXLIC.lic", "../licenses/CTXLIC.lic")
    unused = "# cllint: disable=CL101 -- nothing to suppress\n"
    suppressed = unused + "# cllint: disable-file=CL307 -- lab network\n" + text
    async with session(workspace) as editor:
        assert [d.code for d in await editor.open(workspace / "sites" / "a.yaml", in_sites)] == [
            "CL307"
        ]
        diagnostics = await editor.open(workspace / "b.yaml", suppressed)
        assert summary(diagnostics) == [
            ("CL009", types.DiagnosticSeverity.Information, 0, 0, 0, len(unused) - 1),
            ("CL306", WARNING, NIC_LINE + 2, 87, NIC_LINE + 2, 91),
        ]
        # a note is information; an unused suppression is greyed out as unnecessary
        assert list(diagnostics[0].tags or ()) == [types.DiagnosticTag.Unnecessary]
        assert await editor.open(workspace / "drafts" / "c.yaml", in_sites) == []


async def test_hostile_documents_never_stop_the_server(workspace: Path) -> None:
    hostile = {
        "nested.yaml": "nodes: " + "[" * 5000 + "]" * 5000 + "\n",
        "nul.yaml": "cluster:\x00 x\n",
        "surrogate.yaml": "cluster: {name: '\ud800'}\n",
        "laughs.yaml": "cluster: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"nodes{i}: &a{i} [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" for i in range(9)),
        "escape.yaml": "licensing: {license_files: [../../../../../etc/passwd, /etc/shadow]}\n",
        "separators.yaml": "cluster:\u2028  name: x\u2029nodes: \x85[]\r\n",
        "long.yaml": "cluster: {name: '" + "x" * 2_000_000 + "'}\n",
    }
    async with session(workspace) as editor:
        for name, text in hostile.items():
            diagnostics = await editor.open(workspace / name, text)
            assert all(d.source == "cllint" for d in diagnostics), name
        escape = editor.diagnostics[uri_of(workspace / "escape.yaml")]
        assert {d.code for d in escape} >= {"CL705"}
        # names no file can have, and documents that are no files
        for uri in (uri_of(workspace) + "/odd%00name.yaml", "untitled:Untitled-1"):
            before = editor.count(uri)
            editor.text_document_did_open(
                types.DidOpenTextDocumentParams(
                    text_document=types.TextDocumentItem(
                        uri=uri, language_id="yaml", version=1, text="cluster: {}\n"
                    )
                )
            )
            assert await editor.next_diagnostics(uri, before) == []
        # the server still answers: a good inventory gets its findings
        path = inventory(workspace)
        diagnostics = await editor.open(path, dhcp(path.read_text(encoding="utf-8")))
        assert [d.code for d in diagnostics] == ["CL306", "CL307"]
