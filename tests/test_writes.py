"""cllint writes only the files it is told to, and those atomically.

A copy of ``examples/`` and the rule fixtures is hashed (content, mode, mtime,
the listing, link targets) before and after every command in every format;
reports, baselines, runbooks and starter files go to a separate folder that
must end up holding exactly those files. ``write_atomic`` is made to fail
for real — a file-size limit (``RLIMIT_FSIZE``) cuts a write off half way,
an unencodable character stops it — and the old file must stay whole with no
temporary file left behind.
"""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cllint.files.fileio import write_atomic
from helpers import EXAMPLES, ROOT, clean_inventory, run_cllint


def tree_hash(root: Path) -> dict[str, tuple[object, ...]]:
    """Everything about every entry under ``root`` that a write would change."""
    state: dict[str, tuple[object, ...]] = {}
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted([*dirs, *files]):
            path = Path(folder, name)
            st = path.lstat()
            rel = path.relative_to(root).as_posix()
            if stat.S_ISLNK(st.st_mode):
                state[rel] = ("link", os.readlink(path))
            elif stat.S_ISREG(st.st_mode):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                state[rel] = ("file", st.st_mode, st.st_size, st.st_mtime_ns, digest)
            else:
                state[rel] = ("other", st.st_mode, st.st_mtime_ns)
    return state


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    shutil.copytree(EXAMPLES, tree / "examples", symlinks=True)
    shutil.copytree(ROOT / "tests" / "fixtures", tree / "fixtures", symlinks=True)
    (tree / ".git").mkdir()
    (tree / "broken.yaml").write_text(
        clean_inventory().replace("installer: CitrixLicensing.exe", "installer: x.msi")
    )
    return tree


COMMANDS: list[list[str]] = [
    *[["check", "-f", fmt, "."] for fmt in ("text", "json", "sarif", "github", "gitlab")],
    ["check", "-q", "-v", "--color", "always", "examples"],
    ["check", "-j", "2", "."],
    ["check", "--fail-on", "note", "--select", "CL0,CL4", "examples"],
    ["check", "-f", "sarif", "-o", "{out}/report.sarif", "."],
    ["check", "--write-baseline", "{out}/baseline.json", "."],
    ["check", "--baseline", "{out}/baseline.json", "."],
    ["check", "--resolve", "--nameserver", "127.0.0.1:9", "--dns-timeout", "0.05", "broken.yaml"],
    ["check", "-"],
    ["rules"],
    ["rules", "--format", "json"],
    ["rules", "--format", "markdown"],
    ["explain", "CL402"],
    ["schema"],
    ["--version"],
    ["init", "{out}/starter.yaml"],
    [
        "runbook",
        "--action",
        "install",
        "-o",
        "{out}/runbook.md",
        "-f",
        "markdown",
        "examples/cluster.yaml",
    ],
    ["diagram", "examples/cluster.yaml"],
    ["diagram", "-"],
    ["diagram", "-f", "dot", "-o", "{out}/cluster.dot", "examples/cluster.yaml"],
    [
        "diagram",
        "-f",
        "svg",
        "-o",
        "{out}/wrong.svg",
        "--document",
        "1",
        "examples/everything-wrong/cluster.yaml",
    ],
]


def test_nothing_but_the_named_outputs_is_written(tree: Path) -> None:
    out = tree.parent / "out"
    out.mkdir()
    before = tree_hash(tree)
    for command in COMMANDS:
        args = [a.format(out=out) for a in command]
        run = run_cllint(args, cwd=tree, stdin=clean_inventory().encode())
        assert run.code in (0, 1, 2), (args, run.err)
        assert "Traceback" not in run.err, (args, run.err)
        assert tree_hash(tree) == before, args
    assert sorted(p.name for p in out.iterdir()) == [
        "baseline.json",
        "cluster.dot",
        "report.sarif",
        "runbook.md",
        "starter.yaml",
        "wrong.svg",
    ]


def test_an_output_symlink_is_refused_neither_replaced_nor_written_through(
    tmp_path: Path,
) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me\n")
    (tmp_path / "inventory.yaml").write_text(clean_inventory())
    os.symlink(target, tmp_path / "report.json")
    run = run_cllint(["check", "-f", "json", "-o", "report.json", "inventory.yaml"], cwd=tmp_path)
    assert run.code == 2 and run.err.count("\n") == 1, run.err
    assert "a symbolic link; only a regular file is replaced" in run.err
    assert target.read_text() == "keep me\n"
    assert (tmp_path / "report.json").is_symlink()


# -- write_atomic ---------------------------------------------------------------
def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_atomic_replaces_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    target.write_text("old\n")
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert leftovers(tmp_path) == []


def test_a_lone_surrogate_is_written_as_an_escape_not_an_error(tmp_path: Path) -> None:
    """A file name that is not UTF-8 reaches the text as a lone surrogate; the
    write never fails on it (a failed write is tested with a file-size limit)."""
    target = tmp_path / "report.sarif"
    target.write_text("old\n")
    write_atomic(target, "x" * 100_000 + "\udcff")
    assert target.read_text().endswith("x\\udcff")
    assert leftovers(tmp_path) == []


def test_no_overwrite_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "cllint.yaml"
    target.write_text("mine\n")
    with pytest.raises(FileExistsError):
        write_atomic(target, "starter\n", overwrite=False)
    assert target.read_text() == "mine\n"
    assert leftovers(tmp_path) == []


def _limit_file_size() -> None:
    """In the child: writes past 4 KiB fail with EFBIG instead of killing it."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


_WRITE = """
import sys
from pathlib import Path
from cllint.files.fileio import write_atomic
try:
    write_atomic(Path(sys.argv[1]), "y" * 1_000_000)
except OSError as exc:
    print(type(exc).__name__, exc.errno)
"""


def test_a_write_cut_off_half_way_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    target.write_text("old\n")
    proc = subprocess.run(
        [sys.executable, "-c", _WRITE, str(target)],
        preexec_fn=_limit_file_size,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.stdout.split() == ["OSError", "27"], proc.stderr  # EFBIG
    assert target.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_the_command_reports_a_failed_write_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "inventory.yaml").write_text(clean_inventory())
    (tmp_path / "report.sarif").write_text("old\n")
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    proc = subprocess.run(
        [sys.executable, "-m", "cllint", "check", "-f", "sarif", "-o", "report.sarif", "."],
        cwd=tmp_path,
        env=env,
        preexec_fn=_limit_file_size,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("cllint: error: report.sarif: cannot write the report: ")
    assert proc.stderr.count("\n") == 1
    assert (tmp_path / "report.sarif").read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_an_output_folder_that_does_not_exist_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "inventory.yaml").write_text(clean_inventory())
    run = run_cllint(["check", "-o", "missing/report.txt", "inventory.yaml"], cwd=tmp_path)
    assert run.code == 2
    assert run.err == (
        "cllint: error: missing/report.txt: cannot write the report: No such file or directory\n"
    )
