"""Hostile runs: attacks that need more than one file's content.

File names, links, pipes, configurations, baselines, outputs, signals and DNS
servers that a pull request (or a hostile network) controls. Each case runs
the real command in a subprocess that reports its own peak memory (the same
runner as the heavy corpus files), through every output format, and checks
the exit status, the one-line error or the finding, a time bound that
tolerates a shared machine, and a hash of the whole tree before and after:
nothing is written but the outputs the command line names.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hostile import sarif_validator
from test_hostile_files import _MEASURE
from test_writes import tree_hash

from helpers import EXAMPLES, clean_inventory, clean_inventory_with_license_files, in_bash

FORMATS = ("text", "json", "sarif", "github", "gitlab")
BAD = clean_inventory().replace("CitrixLicensing.exe", "setup.msi")  # one CL501 at 53:14


@dataclass
class Measured:
    code: int
    out: str
    err: str
    peak_mib: float
    seconds: float


def measured(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 300
) -> Measured:
    """``cllint ARGS`` in a subprocess that reports its peak RSS (stderr's last line)."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    full_env.update(env or {})
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        timeout=timeout,
    )
    seconds = time.monotonic() - started
    err = proc.stderr.decode("utf-8", "replace")
    match = re.search(r"peak-rss-kib (\d+)\n\Z", err)
    assert match, err
    return Measured(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        err[: match.start()],
        int(match.group(1)) / 1024,
        seconds,
    )


def check_output(fmt: str, out: str) -> None:
    if fmt in ("json", "gitlab"):
        json.loads(out)
    elif fmt == "sarif":
        errors = list(sarif_validator().iter_errors(json.loads(out)))
        assert not errors, errors[0].message


def one_line(err: str) -> None:
    assert err.count("\n") == 1 and err.startswith("cllint: error: "), err
    assert "Traceback" not in err and "internal error" not in err


# -- the table of attacks ------------------------------------------------------
@dataclass
class Attack:
    """Files to lay out, the command line, and what must come of it."""

    setup: Callable[[Path], None]
    args: list[str]
    code: int
    needle: str = ""
    """In the one-line error (code 2) or in the report (code 1)."""
    absent: tuple[str, ...] = ()
    """Must appear nowhere: neither in the report nor on stderr."""
    written: tuple[str, ...] = ()
    """Paths the run may create or change (the rest of the tree must stay as it was)."""


def _files(**named: str | bytes) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        import shutil

        (root / ".git").mkdir()  # the repository root
        shutil.copytree(EXAMPLES / "licenses", root / "licenses")  # clean_inventory's
        for name, content in named.items():
            path = root / name.replace("__", "/")
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                content = content.encode()
            path.write_bytes(content)

    return setup


def _with(base: Callable[[Path], None], then: Callable[[Path], None]) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        base(root)
        then(root)

    return setup


def _injected(root: Path) -> None:
    _files()(root)
    (root / "--write-baseline=z.json").write_text(BAD)


def _dangling(root: Path) -> None:
    _files()(root)
    os.symlink("nowhere.yaml", root / "dangling.yaml")


def _loop(root: Path) -> None:
    _files()(root)
    os.symlink("loop-b.yaml", root / "loop-a.yaml")
    os.symlink("loop-a.yaml", root / "loop-b.yaml")


def _walked_broken(root: Path) -> None:
    _files(**{"inv__other.yaml": "not-an-inventory: 1\n"})(root)
    os.symlink("nowhere.yaml", root / "inv" / "dangling.yaml")
    os.symlink("loop.yaml", root / "inv" / "loop.yaml")


def _fifo(root: Path) -> None:
    _files()(root)
    os.mkfifo(root / "pipe.yaml")


def _secret_outside(root: Path) -> Path:
    outside = root.parent / f"{root.name}-outside"
    outside.mkdir(exist_ok=True)
    secret = outside / "secret.yaml"
    secret.write_text("SECRET-TOKEN-0123456789: the runner's key\n")
    return secret


def _config_link_out(root: Path) -> None:
    _files(**{"inventory.yaml": clean_inventory()})(root)
    os.symlink(_secret_outside(root), root / ".cllint.yaml")


def _baseline_zero(root: Path) -> None:
    _files(**{"inventory.yaml": clean_inventory()})(root)
    os.symlink("/dev/zero", root / "baseline.json")


def _baseline_link_out(root: Path) -> None:
    _files(**{"inventory.yaml": clean_inventory()})(root)
    os.symlink(_secret_outside(root), root / "baseline.json")


def _long_key_config(root: Path) -> None:
    _files(**{"inventory.yaml": clean_inventory()})(root)
    (root / ".cllint.yaml").write_text("SECRET" + "K" * 500 + ": 1\n")


def _output_to_null(root: Path) -> None:
    _files(**{"inventory.yaml": BAD})(root)
    os.symlink(os.devnull, root / "null")


def _output_link(root: Path) -> None:
    _files(**{"inventory.yaml": BAD})(root)
    os.symlink(_secret_outside(root), root / "report.json")


_GLOB = "*a*a*a*a*a*a*a*a*a*a*a*ab"
_LONG_NAME = "a" * 60 + ".yaml"

ATTACKS: dict[str, Attack] = {
    # 2: a file named like an option stays a file name after --
    "option-named-file": Attack(_injected, ["--", "--write-baseline=z.json"], 1, "CL501"),
    # 3: a named path that cannot be read fails the gate
    "named-dangling-link": Attack(
        _dangling, ["dangling.yaml"], 2, "dangling.yaml: cannot read: no such file"
    ),
    "named-link-loop": Attack(
        _loop, ["loop-a.yaml"], 2, "loop-a.yaml: cannot read: a loop of symbolic links"
    ),
    "walked-broken-links": Attack(_walked_broken, ["inv"], 0, ""),
    # 4: a named pipe never blocks, with --resolve (the DNS phase) or without
    "named-pipe": Attack(_fifo, ["pipe.yaml"], 0),
    "named-pipe-resolve": Attack(
        _fifo, ["--resolve", "--nameserver", "127.0.0.1:9", "--dns-timeout", "1", "pipe.yaml"], 0
    ),
    "walked-pipe-resolve": Attack(
        _fifo, ["--resolve", "--nameserver", "127.0.0.1:9", "--dns-timeout", "1", "."], 0
    ),
    # 5: globs in linear time
    "exponential-exclude": Attack(
        _files(**{".cllint.yaml": f"exclude: ['{_GLOB}']\n", _LONG_NAME: BAD}), ["."], 1, "CL501"
    ),
    "exponential-per-file-ignores": Attack(
        _files(**{".cllint.yaml": f"per-file-ignores: {{'{_GLOB}': [CL1]}}\n", _LONG_NAME: BAD}),
        ["."],
        1,
        "CL501",
    ),
    # 7: CL009 notes quote short excerpts and honour max-findings
    "cl009-long-id": Attack(
        _files(**{"inv.yaml": "version: 1\ncluster: {}  # cllint: disable=X" + "Y" * 100_000}),
        ["inv.yaml"],
        1,
        "suppression names no rule: XYYYY",
        absent=("Y" * 100,),
    ),
    "cl009-past-max-findings": Attack(
        _files(
            **{
                ".cllint.yaml": "limits: {max-findings: 100}\n",
                "inv.yaml": "version: 1\ncluster: {}\n" + "x: 1  # cllint: disable=CL305\n" * 5000,
            }
        ),
        ["inv.yaml"],
        1,
        "limit max-findings",
    ),
    # 8: configuration and baseline: confined, bounded, short excerpts
    "config-link-out": Attack(
        _config_link_out,
        ["inventory.yaml"],
        2,
        "a symbolic link to outside the repository",
        absent=("SECRET-TOKEN",),
    ),
    "config-long-key": Attack(
        _long_key_config, ["inventory.yaml"], 2, "unknown configuration key", absent=("K" * 100,)
    ),
    "baseline-dev-zero": Attack(
        _baseline_zero, ["--baseline", "baseline.json", "inventory.yaml"], 2, "baseline.json"
    ),
    "baseline-link-out": Attack(
        _baseline_link_out,
        ["--baseline", "baseline.json", "inventory.yaml"],
        2,
        "a symbolic link to outside the repository",
        absent=("SECRET-TOKEN",),
    ),
    # 9: an output is written through to a device, and never replaces a link
    "output-to-dev-null": Attack(_output_to_null, ["-o", "null", "inventory.yaml"], 1),
    "output-over-a-link": Attack(
        _output_link,
        ["-o", "report.json", "inventory.yaml"],
        2,
        "report.json: cannot write the report: a symbolic link",
    ),
    # 15: absurd settings are one-line errors naming them
    "float-limit": Attack(
        _files(**{".cllint.yaml": "limits: {max-file-size: 100000.0}\n", "i.yaml": BAD}),
        ["i.yaml"],
        2,
        "limits.max-file-size",
    ),
    "huge-limit": Attack(
        _files(**{".cllint.yaml": "limits: {max-file-size: " + "9" * 40 + "}\n", "i.yaml": BAD}),
        ["i.yaml"],
        2,
        "limits.max-file-size",
    ),
    "nan-lease": Attack(
        _files(**{".cllint.yaml": "dhcp-min-lease-days: .nan\n", "i.yaml": BAD}),
        ["i.yaml"],
        2,
        "dhcp-min-lease-days",
    ),
    "huge-expiry-window": Attack(
        _files(**{".cllint.yaml": "expiry-warning-days: 9999999999\n", "i.yaml": BAD}),
        ["i.yaml"],
        2,
        "expiry-warning-days",
    ),
    "tool-is-a-string": Attack(
        _files(**{"pyproject.toml": 'tool = "cllint"\n', "i.yaml": BAD}),
        ["i.yaml"],
        2,
        "pyproject.toml",
    ),
    "deep-toml": Attack(
        _files(
            **{"pyproject.toml": "[tool.cllint]\nx = " + "[" * 3000 + "]" * 3000, "i.yaml": BAD}
        ),
        ["i.yaml"],
        2,
        "pyproject.toml",
    ),
    "dns-timeout-nan": Attack(_files(), ["--dns-timeout", "nan", "."], 2, "--dns-timeout"),
    "dns-timeout-inf": Attack(_files(), ["--dns-timeout", "inf", "."], 2, "--dns-timeout"),
    "dns-timeout-1e308": Attack(_files(), ["--dns-timeout", "1e308", "."], 2, "--dns-timeout"),
    "unknown-option": Attack(_files(), ["--bogus"], 2, "--bogus"),
    "as-of-end-of-calendar": Attack(
        _files(
            **{
                "i.yaml": BAD,
                "licenses__CTXLIC.lic": (EXAMPLES / "licenses/CTXLIC.lic").read_text(),
            }
        ),
        ["--as-of", "9999-12-31", "i.yaml"],
        1,
        "CL501",
    ),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", ATTACKS)
def test_attack(tmp_path: Path, name: str, fmt: str) -> None:
    attack = ATTACKS[name]
    root = tmp_path / "repo"
    root.mkdir()
    attack.setup(root)
    before = tree_hash(root)
    run = measured(["check", "-f", fmt, *attack.args], cwd=root)
    assert run.code == attack.code, (run.code, run.err)
    assert "Traceback" not in run.err and "internal error" not in run.err + run.out
    if attack.code == 2:
        one_line(run.err)
        assert attack.needle in run.err, run.err
    else:
        assert run.err == "", run.err
        if "-o" not in attack.args:
            check_output(fmt, run.out)
        assert attack.needle in run.out
    for secret in attack.absent:
        assert secret not in run.out and secret not in run.err
    assert run.peak_mib < 400, f"peak RSS {run.peak_mib:.0f} MiB"
    assert run.seconds < 240  # a shared machine; a hang or exponential work is hours
    after = tree_hash(root)
    changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    assert changed <= set(attack.written), changed


def test_walked_folder_lists_unreadable_entries_with_verbose(tmp_path: Path) -> None:
    _walked_broken(tmp_path)
    run = measured(["check", "-v", "inv"], cwd=tmp_path)
    assert run.code == 0, run.err
    assert "inv/dangling.yaml: skipped (cannot read" in run.out
    assert "inv/loop.yaml: skipped (cannot read: a loop of symbolic links)" in run.out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file of mode 000")
def test_a_named_file_without_permission_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "locked.yaml").write_text(BAD)
    (tmp_path / "locked.yaml").chmod(0)
    run = measured(["check", "locked.yaml"], cwd=tmp_path)
    assert run.code == 2
    one_line(run.err)
    assert "locked.yaml: cannot read: permission denied" in run.err


def test_a_pipe_swapped_in_is_never_read(tmp_path: Path) -> None:
    """The lint phase's race: whatever is at the path when it is opened is checked."""
    from cllint.files.fileio import NotRegular, read_regular

    os.mkfifo(tmp_path / "x.yaml")
    started = time.monotonic()
    with pytest.raises(NotRegular):
        read_regular(tmp_path / "x.yaml", 100)
    assert time.monotonic() - started < 60


def test_a_run_from_a_deleted_folder_is_one_line(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    command = [sys.executable, "-m", "cllint", "check"]
    script = f"import os; os.rmdir({str(gone)!r}); os.execv({sys.executable!r}, {command!r})"
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=gone,
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 2, err
    one_line(err)
    assert "the current folder no longer exists" in err


# -- 10: file names that are not UTF-8 ------------------------------------------
BAD_NAME = os.fsdecode(b"bad\xffname.yaml")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_name_that_is_not_utf8(tmp_path: Path, fmt: str) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / BAD_NAME).write_text(BAD)
    run = measured(["check", "-f", fmt, "."], cwd=tmp_path)
    assert run.code == 1, run.err
    assert run.err == ""
    check_output(fmt, run.out)
    assert "\ufffd" not in run.out  # no raw byte reached the output
    if fmt == "sarif":
        uris = {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(run.out)["runs"][0]["results"]
        }
        assert uris == {"bad%FFname.yaml"}
    elif fmt in ("json", "gitlab"):
        assert "bad\\\\xffname.yaml" in run.out
    else:
        assert "bad\\xffname.yaml" in run.out
    # as -o and --write-baseline: written, and valid
    out = measured(
        ["check", "-f", fmt, "-o", "report", "--write-baseline", "base.json", "."], cwd=tmp_path
    )
    assert out.code == 0, out.err
    check_output(fmt, (tmp_path / "report").read_text("utf-8"))
    entries = json.loads((tmp_path / "base.json").read_text("utf-8"))["findings"]
    assert {e["path"] for e in entries} == {"bad\\xffname.yaml"}


# -- 12: a bound per run -----------------------------------------------------------
def _amplifier() -> str:
    big = ", ".join(f"k{i}: v" for i in range(999))
    return f"version: 1\nx-big: &big {{{big}}}\nnodes:\n" + "  - *big\n" * 10


def test_findings_are_bounded_per_run(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    for i in range(8):  # 8 x 10,001 findings from 72 KB; the run keeps 20,000
        (tmp_path / f"a{i}.yaml").write_text(_amplifier())
    before = tree_hash(tmp_path)
    run = measured(["check", "-j", "1", "-f", "sarif", "-o", "out.sarif", "."], cwd=tmp_path)
    assert run.code == 1, run.err
    assert "60008 more findings not shown (limit max-findings-per-run)" in run.out
    assert run.peak_mib < 400, f"peak RSS {run.peak_mib:.0f} MiB"
    results = json.loads((tmp_path / "out.sarif").read_text("utf-8"))["runs"][0]["results"]
    assert len(results) == 20_000
    changed = {k for k, v in tree_hash(tmp_path).items() if before.get(k) != v}
    assert changed == {"out.sarif"}
    for fmt in ("json", "gitlab"):
        run = measured(
            ["check", "-j", "1", "-f", fmt, "a0.yaml", "a1.yaml", "a2.yaml"], cwd=tmp_path
        )
        assert run.code == 1
        assert len(json.loads(run.out)) == 20_000
        assert run.err == "cllint: 10003 more findings not shown (limit max-findings-per-run)\n"


# -- 11: SIGTERM and SIGHUP with a pool ----------------------------------------------
def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _many_nodes(text: str, count: int) -> str:
    """The inventory with ``count`` nodes, copies of its first one under new names."""
    data = yaml.safe_load(text)
    first = data["nodes"][0]
    data["nodes"] = [{**first, "name": f"CTXLIC-N{i:03d}"} for i in range(count)]
    data["licensing"].pop("install_order", None)
    return str(yaml.safe_dump(data, sort_keys=False))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_ends_the_pool_and_the_pipe(tmp_path: Path, signum: int) -> None:
    (tmp_path / ".git").mkdir()
    # Files of 300 nodes each, so that the run lasts many seconds however fast
    # cllint gets: the signal must come while the workers are busy (3,000 small
    # files once took three seconds, and later less than the wait below).
    text = _many_nodes(clean_inventory(), 300)
    for i in range(600):
        (tmp_path / f"f{i:04d}.yaml").write_text(text)
    before = tree_hash(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "cllint", "check", "-j", "2", "-f", "sarif", "-o", "out.sarif", "."],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        time.sleep(0.2)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "the pool never started"
    time.sleep(1)
    proc.send_signal(signum)
    _out, err = proc.communicate(timeout=120)  # EOF on both pipes: no worker holds them
    assert proc.returncode == 128 + signum, err
    assert err.decode().endswith(f"cllint: stopped by {signal.Signals(signum).name}\n")
    gone_by = time.monotonic() + 60
    while time.monotonic() < gone_by and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.2)
    assert not any(Path(f"/proc/{w}").exists() for w in workers)
    assert tree_hash(tmp_path) == before  # no output file, no temporary file


# -- 12.6: written files get the umask's mode ----------------------------------------
@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_written_files_follow_the_umask(tmp_path: Path, umask: int) -> None:
    import shutil

    (tmp_path / ".git").mkdir()
    shutil.copytree(EXAMPLES / "licenses", tmp_path / "licenses")
    (tmp_path / "cluster.yaml").write_text(clean_inventory())
    commands = [
        (["init", "starter.yaml"], "starter.yaml"),
        (["check", "-o", "report.txt", "cluster.yaml"], "report.txt"),
        (["check", "--write-baseline", "base.json", "cluster.yaml"], "base.json"),
        (["runbook", "--action", "install", "-o", "runbook.txt", "cluster.yaml"], "runbook.txt"),
    ]
    for args, name in commands:
        proc = subprocess.run(
            [sys.executable, "-m", "cllint", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=lambda: os.umask(umask),
        )
        assert proc.returncode in (0, 1), proc.stderr
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o666 & ~umask, name
    # a file that exists keeps its mode
    (tmp_path / "report.txt").chmod(0o640)
    subprocess.run(
        [sys.executable, "-m", "cllint", "check", "-o", "report.txt", "cluster.yaml"],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        preexec_fn=lambda: os.umask(umask),
    )
    assert stat.S_IMODE((tmp_path / "report.txt").stat().st_mode) == 0o640


# -- 15: output streams -------------------------------------------------------------
def test_a_listing_piped_into_head_exits_0(tmp_path: Path) -> None:
    run = in_bash(f"set -o pipefail; {sys.executable} -m cllint rules | head -1")
    assert run.code == 0, run.err
    assert run.out.startswith("CL001") and run.err == ""


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_ascii_stdout_still_gets_the_report(tmp_path: Path, fmt: str) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "i.yaml").write_text(BAD)
    (tmp_path / "licenses").mkdir()  # CL701 messages hold an en dash
    run = measured(["check", "-f", fmt, "i.yaml"], cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert run.code == 1, run.err
    assert run.err == ""
    check_output(fmt, run.out)
    assert "CL501" in run.out


# -- 16: a signature pushed onto its own line ---------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_signature_on_its_own_line_is_never_printed(tmp_path: Path, fmt: str) -> None:
    import shutil

    (tmp_path / ".git").mkdir()
    shutil.copytree(EXAMPLES / "licenses", tmp_path / "licenses")
    lic = tmp_path / "licenses" / "CTXLIC.lic"
    signature = "0A1B2C3D4E5F60718293A4B5C6D7E8F9" * 4
    text = lic.read_text()
    lic.write_text(text + f'INCREMENT CTX_X CITRIX 2026.0601 permanent 1\nSIGN="{signature}"\n')
    (tmp_path / "i.yaml").write_text(clean_inventory_with_license_files())
    run = measured(["check", "-f", fmt, "i.yaml"], cwd=tmp_path)
    assert run.code == 1, run.err
    assert "CL702" in run.out
    assert "signature (SIGN=) pushed onto a line of its own" in run.out
    for piece in (signature[:8], signature[8:16], signature[-8:]):
        assert piece not in run.out


# -- 14: a DNS server that hangs up over TCP ---------------------------------------
class TruncatingServer:
    """Answers every UDP query with TC set and nothing else; over TCP it accepts
    and then closes (``mode="close"``) or says nothing (``mode="silent"``)."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.port = self.udp.getsockname()[1]
        self.tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.tcp.bind(("127.0.0.1", self.port))
        self.tcp.listen(64)
        self.held: list[socket.socket] = []
        self.stopped = False
        for target in (self._serve_udp, self._serve_tcp):
            threading.Thread(target=target, daemon=True).start()

    def _serve_udp(self) -> None:
        while not self.stopped:
            try:
                data, peer = self.udp.recvfrom(4096)
            except OSError:
                return
            if len(data) < 12:
                continue
            # header: same id, QR + TC + RD set, one question, no answers
            flags = 0x8000 | 0x0200 | 0x0100
            reply = data[:2] + flags.to_bytes(2, "big") + data[4:6] + b"\0\0\0\0\0\0" + data[12:]
            try:
                self.udp.sendto(reply, peer)
            except OSError:  # closed by stop() between the question and the reply
                return

    def _serve_tcp(self) -> None:
        while not self.stopped:
            try:
                conn, _ = self.tcp.accept()
            except OSError:
                return
            if self.mode == "close":
                conn.close()
            else:
                self.held.append(conn)

    def close(self) -> None:
        self.stopped = True
        for s in (self.udp, self.tcp, *self.held):
            s.close()


@pytest.fixture(params=["close", "silent"])
def truncating(request: pytest.FixtureRequest) -> Iterator[TruncatingServer]:
    server = TruncatingServer(request.param)
    yield server
    server.close()


def test_a_server_that_hangs_up_over_tcp_is_cl905(
    tmp_path: Path, truncating: TruncatingServer
) -> None:
    import shutil

    (tmp_path / ".git").mkdir()
    shutil.copytree(EXAMPLES / "licenses", tmp_path / "licenses")
    (tmp_path / "i.yaml").write_text(clean_inventory())
    timeout = 2.0
    run = measured(
        [
            "check",
            "-f",
            "json",
            "--resolve",
            "--nameserver",
            f"127.0.0.1:{truncating.port}",
            "--dns-timeout",
            str(timeout),
            "i.yaml",
        ],
        cwd=tmp_path,
    )
    assert run.code == 0, run.err  # CL905 is a warning; it was "interrupted" (130)
    assert run.err == ""
    found = json.loads(run.out)
    assert {f["rule"] for f in found if f["rule"].startswith("CL9")} == {"CL905"}
    reason = "closed the TCP connection" if truncating.mode == "close" else "did not answer"
    assert all(reason in f["message"] for f in found if f["rule"] == "CL905"), found


def test_the_tcp_fallback_stays_inside_the_timeout() -> None:
    """One question against a server whose TCP says nothing: one timeout, not two."""
    from cllint.online import Question
    from cllint.resolve.resolver import Setup, _ask_server
    from cllint.settings.nameservers import Nameserver

    server = TruncatingServer("silent")
    try:
        timeout = 30.0  # long, so that a shared machine's delays cannot blur 1x from 2x
        started = time.monotonic()
        question = Question("ctxlic.example.test", "A")
        answer = _ask_server(
            question, question.name, Nameserver("127.0.0.1", server.port), Setup((), timeout)
        )
        elapsed = time.monotonic() - started
    finally:
        server.close()
    assert answer.unavailable and answer.reason == "timeout"
    assert elapsed < 1.8 * timeout  # dnspython's fallback waited the timeout twice
