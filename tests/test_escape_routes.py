"""Nothing outside the repository is read through an inventory, end to end.

The real command runs in a subprocess with an audit hook (Python's own
``open`` event, no mock) that reports every file opened outside the
repository root. The repository holds license-file entries and inventory
files that try every way out: absolute paths (POSIX, Windows, UNC), ``..``
with either separator, symbolic links (direct, chained, through a folder),
a named pipe and ``/dev/zero``. A secret sits outside the root; it must
never be opened, and its content never appears in any output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import LICENSE_FILES_LINE, clean_inventory_with_license_files

SECRET = "SECRET-3f9a1c"
LISTED = LICENSE_FILES_LINE

_AUDITED = """
import os, runpy, sys
fence = sys.argv.pop(1)
def hook(event, args):
    if event != "open" or not args or not isinstance(args[0], (str, bytes, os.PathLike)):
        return
    path = os.path.realpath(os.fsdecode(args[0]))
    if path.startswith(fence) or path.startswith(("/dev/zero", "/dev/urandom", "/proc/")):
        os.write(2, ("opened-outside " + path + "\\n").encode())
sys.addaudithook(hook)
sys.argv = ["cllint", *sys.argv[1:]]
runpy.run_module("cllint", run_name="__main__", alter_sys=True)
"""


def audited(args: list[str], cwd: Path, fence: Path) -> subprocess.CompletedProcess[str]:
    """Run cllint; stderr gets one ``opened-outside PATH`` line per forbidden open."""
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.run(
        [sys.executable, "-c", _AUDITED, str(fence), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path]:
    """``repo/`` (a root with .git) and ``outside/`` holding the secrets."""
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (repo / ".git").mkdir(parents=True)
    (repo / "licenses").mkdir()
    outside.mkdir()
    lic = (Path(__file__).parent.parent / "examples" / "licenses" / "CTXLIC.lic").read_text()
    (repo / "licenses" / "CTXLIC.lic").write_text(lic)
    (outside / "secret.lic").write_text(f"SERVER {SECRET} ANY 27000\nVENDOR CITRIX\n")
    (outside / "secret.yaml").write_text(f"cluster: {{name: {SECRET}}}\nnodes: []\n")
    (outside / "dir").mkdir()
    (outside / "dir" / "x.lic").write_text(f"FEATURE {SECRET}\n")
    if hasattr(os, "mkfifo"):
        os.mkfifo(outside / "pipe.lic")
        os.mkfifo(repo / "licenses" / "pipe.lic")
    links = repo / "licenses"
    os.symlink(outside / "secret.lic", links / "direct.lic")
    os.symlink("direct.lic", links / "chained.lic")  # inside -> inside -> outside
    os.symlink(outside / "dir", links / "dir")
    os.symlink(outside / "pipe.lic", links / "outside-pipe.lic")
    os.symlink("/dev/zero", links / "zero.lic")
    os.symlink("../../outside/secret.lic", links / "relative.lic")
    return repo, outside


ENTRIES = [
    "{outside}/secret.lic",
    "/dev/zero",
    "/proc/self/environ",
    "'C:\\\\secret.lic'",
    "'\\\\\\\\server\\\\share\\\\secret.lic'",
    "../outside/secret.lic",
    "licenses/../../outside/secret.lic",
    "'licenses\\\\..\\\\..\\\\outside\\\\secret.lic'",
    "licenses/direct.lic",
    "licenses/chained.lic",
    "licenses/relative.lic",
    "licenses/dir/x.lic",
    "licenses/zero.lic",
    "licenses/outside-pipe.lic",
    "licenses/pipe.lic",
]


def test_license_paths_never_leave_the_root(layout: tuple[Path, Path]) -> None:
    repo, outside = layout
    entries = "".join(f"    - {e.format(outside=outside)}\n" for e in ENTRIES)
    text = clean_inventory_with_license_files().replace(LISTED, "  license_files:\n" + entries)
    (repo / "cluster.yaml").write_text(text)
    for fmt in ("text", "json", "sarif", "github", "gitlab"):
        run = audited(["check", "-f", fmt, "cluster.yaml"], repo, outside)
        assert run.returncode == 1, run.stderr
        assert "opened-outside" not in run.stderr, run.stderr
        assert "/dev/zero" not in run.stderr and "/proc/" not in run.stderr
        assert SECRET not in run.stdout + run.stderr
    run = audited(["check", "-f", "json", "cluster.yaml"], repo, outside)
    found = [(f["rule"], f["line"]) for f in json.loads(run.stdout)]
    first = text.splitlines().index("  license_files:") + 2
    escapes = [i for i, e in enumerate(ENTRIES) if e.rsplit("/", 1)[-1] != "pipe.lic"]
    # every entry but the in-repository pipe is CL705; that pipe is CL701 (not a file)
    assert [f for f in found if f[0] == "CL705"] == [("CL705", first + i) for i in escapes]
    assert ("CL701", first + ENTRIES.index("licenses/pipe.lic")) in found


def test_a_symlinked_inventory_out_of_the_repository_is_not_read(
    layout: tuple[Path, Path],
) -> None:
    repo, outside = layout
    (repo / "inventories").mkdir()
    os.symlink(outside / "secret.yaml", repo / "inventories" / "leak.yaml")
    os.symlink(outside / "pipe.lic", repo / "inventories" / "pipe.yaml")
    (repo / "inventories" / "ok.yaml").write_text("cluster: {}\n")
    os.symlink("ok.yaml", repo / "inventories" / "inside.yaml")
    run = audited(["check", "-v", "-f", "json", "."], repo, outside)
    assert "opened-outside" not in run.stderr, run.stderr
    assert SECRET not in run.stdout + run.stderr
    paths = sorted({f["path"] for f in json.loads(run.stdout)})
    assert paths == ["inventories/inside.yaml", "inventories/ok.yaml"]
    assert "inventories/leak.yaml: excluded" in run.stderr


def test_a_symlink_named_on_the_command_line_is_the_user_s_choice(
    layout: tuple[Path, Path],
) -> None:
    """Only a folder walk skips links out of the root: a path typed by the user
    (or a pipe, via ``-``) is read as asked, and a device or pipe is refused."""
    repo, outside = layout
    os.symlink("/dev/zero", repo / "zero.yaml")
    run = audited(["check", "-v", "zero.yaml", str(outside / "pipe.lic")], repo, outside)
    assert run.returncode in (0, 1), run.stderr
    assert "opened-outside" not in run.stderr, run.stderr


def test_the_audit_hook_does_see_an_open_outside(layout: tuple[Path, Path]) -> None:
    """The control: a file named on the command line outside the root is opened."""
    repo, outside = layout
    run = audited(["check", str(outside / "secret.yaml")], repo, outside)
    assert f"opened-outside {outside / 'secret.yaml'}" in run.stderr
