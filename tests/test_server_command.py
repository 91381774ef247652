"""The ``cllint server`` command: without its extra, and from the installed wheel."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest
from lsprotocol import types

from helpers import ROOT
from lsp_session import session

MISSING = (
    "cllint: error: 'cllint server' needs pygls, an optional extra: pip install 'cllint[server]'\n"
)


def run(args: list[str | Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        timeout=600,
        stdin=subprocess.DEVNULL,
    )


def _block(lang: str, first_line: str) -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    for body in re.findall(rf"```{lang}\n(.*?)```", readme, re.S):
        if body.startswith(first_line):
            return str(body)
    raise AssertionError(f"no {lang} block starting with {first_line!r}")


def test_the_readme_editor_recipes_start_cllint_server() -> None:
    vscode = json.loads(_block("json", '{\n  "glspc.server.command"'))
    assert (vscode["glspc.server.command"], vscode["glspc.server.commandArguments"]) == (
        "cllint",
        ["server"],
    )
    assert vscode["glspc.server.languageId"] == ["yaml", "json"]
    helix = tomllib.loads(_block("toml", "[language-server.cllint]"))
    assert helix["language-server"]["cllint"] == {"command": "cllint", "args": ["server"]}
    assert "cllint" in helix["language"][0]["language-servers"]
    neovim = _block("lua", 'vim.lsp.config("cllint"')
    assert 'cmd = { "cllint", "server" }' in neovim


def test_without_pygls_the_command_says_which_extra_to_install() -> None:
    # the import of pygls fails as it does where the extra is not installed
    code = (
        "import sys; sys.modules['pygls'] = None; sys.argv = ['cllint', 'server'];"
        "from cllint.commands.cli import main; main()"
    )
    proc = run([sys.executable, "-c", code])
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", MISSING)


def _message(body: dict[str, object]) -> bytes:
    data = json.dumps(body).encode()
    return b"Content-Length: %d\r\n\r\n" % len(data) + data


def test_malformed_messages_do_not_stop_the_server(tmp_path: Path) -> None:
    """Raw bytes on standard input: a body that is no JSON, parameters of the wrong
    type; the server answers the next requests and exits 0 after shutdown."""
    stream = b"".join(
        [
            b"Content-Length: 5\r\n\r\n{abc}",
            _message(
                {"jsonrpc": "2.0", "id": 2, "method": "initialize", "params": {"capabilities": {}}}
            ),
            _message(
                {
                    "jsonrpc": "2.0",
                    "method": "textDocument/didOpen",
                    "params": {"textDocument": {"uri": 42}},
                }
            ),
            _message(
                {
                    "jsonrpc": "2.0",
                    "id": 3,
                    "method": "textDocument/hover",
                    "params": {
                        "textDocument": {"uri": (tmp_path / "a.yaml").as_uri()},
                        "position": {"line": 0, "character": 0},
                    },
                }
            ),
            _message({"jsonrpc": "2.0", "id": 4, "method": "shutdown"}),
            _message({"jsonrpc": "2.0", "method": "exit"}),
        ]
    )
    proc = subprocess.run(
        [sys.executable, "-m", "cllint", "server"],
        input=stream,
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    answers = [
        json.loads(part)
        for part in re.split(rb"Content-Length: \d+\r\n(?:[^\r\n]+\r\n)*\r\n", proc.stdout)
        if part
    ]
    by_id = {a["id"]: a for a in answers if "id" in a}
    assert by_id[2]["result"]["serverInfo"]["name"] == "cllint"
    assert by_id[3]["result"] is None and by_id[4]["result"] is None


@pytest.mark.slow
@pytest.mark.asyncio
async def test_the_server_runs_from_the_installed_wheel(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, ROOT])
    assert built.returncode == 0, built.stderr
    wheel = next(dist.glob("cllint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "cllint/lsp/server.py" in names

    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    pip: list[str | Path] = [
        env / "bin" / "python",
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ]
    installed = run([*pip, wheel])
    assert installed.returncode == 0, installed.stderr
    plain = run([env / "bin" / "cllint", "server"])
    assert (plain.returncode, plain.stderr) == (2, MISSING)

    installed = run([*pip, f"{wheel}[server]"])
    assert installed.returncode == 0, installed.stderr
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    path = workspace / "inventory.yaml"
    path.write_text("version: 1\nnodes: []\n", "utf-8")
    async with session(workspace, command=[str(env / "bin" / "cllint"), "server"]) as editor:
        diagnostics = await editor.open(path)
        too_few = [d for d in diagnostics if d.code == "CL101"]
        assert [(d.range.start.line, d.range.start.character) for d in too_few] == [(1, 7)]
        assert too_few[0].severity == types.DiagnosticSeverity.Error
