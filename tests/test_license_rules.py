"""License-file rules end to end: positions in the .lic file, output formats, path safety.

Each test builds a small repository in ``tmp_path`` (a ``.git`` folder marks
its root), so the paths, symbolic links and special files are real.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cllint.lint.engine import Linter, lint_all
from helpers import (
    LAS_ACTIVATION_LINE,
    SARIF_SCHEMA,
    clean_inventory,
    lint_text,
    run_cllint,
    settings,
)

ACTIVATION = LAS_ACTIVATION_LINE
FILES_LINE = 59  # line of license_files: after the clean example's activation line (58)
SIGNATURE = "0123 4567 89AB CDEF"


def lic_text(host: str = "CTXLIC", expiry: str = "permanent", port: str = "27000") -> str:
    return (
        "# This file is in UTF-8 format.\r\n"
        f"SERVER this_host HOSTNAME={host} {port}\r\n"
        "VENDOR CITRIX port=7279\r\n"
        "USE_SERVER\r\n"
        f"INCREMENT CVD_ENT_CCU CITRIX 2027.0601 {expiry} 100 \\\r\n"
        "\tVENDOR_STRING=;LT=Retail;GP=720;CL=ENT,ADV;SA=1;ODP=0 \\\r\n"
        f'\tHOSTID=HOSTNAME={host} SIGN="{SIGNATURE}"\r\n'
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository root holding ``licenses/`` (the inventory goes in its top folder)."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "licenses").mkdir()
    return root


def inventory(files: list[str] | None, activation: str = "las", **licensing: str) -> str:
    """The clean example with ``files`` listed.

    The example is a License Activation Service inventory, so by default this
    is a site that activates with LAS and still keeps its legacy license
    files, which the license-file rules keep checking (and CL708 does not
    report); ``activation="files"`` makes it file-licensed.
    """
    block = "" if files is None else "  license_files:\n" + "".join(f"    - {f}\n" for f in files)
    extra = "".join(f"  {k}: {v}\n" for k, v in licensing.items())
    text = clean_inventory()
    assert ACTIVATION in text
    return text.replace(ACTIVATION, f"  activation: {activation}\n" + extra + block)


def lint(repo: Path, files: list[str] | None, **kw: str) -> list[tuple[str, str, int, int]]:
    report = lint_text(inventory(files, **kw), repo)
    return [(f.path, f.rule_id, f.line, f.column) for f in report.findings]


def messages(repo: Path, files: list[str], rule: str, **kw: str) -> list[str]:
    report = lint_text(inventory(files, **kw), repo)
    return [f.message for f in report.findings if f.rule_id == rule]


# -- the rules, at their positions ---------------------------------------------
def test_clean_file_is_clean(repo: Path) -> None:
    (repo / "licenses" / "CTXLIC.lic").write_text(lic_text(), encoding="utf-8")
    assert lint(repo, ["licenses/CTXLIC.lic"]) == []


def test_cl404_points_into_the_license_file(repo: Path) -> None:
    (repo / "licenses" / "a.lic").write_text(lic_text(host="CtxLic"), encoding="utf-8")
    assert lint(repo, ["licenses/a.lic"]) == [
        ("licenses/a.lic", "CL404", 2, 27),
        ("licenses/a.lic", "CL404", 7, 18),
    ]


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("ctxlic-n2", "which is a cluster node"),
        ("ctxclu01", "which is the cluster name"),
        ("OldLic", "the previous License Server (previous_server)"),
        ("ELSEWHERE", "which is neither the client access point 'CTXLIC' nor a node"),
    ],
)
def test_cl405_says_what_the_bound_name_is(repo: Path, host: str, expected: str) -> None:
    (repo / "licenses" / "a.lic").write_text(lic_text(host=host), encoding="utf-8")
    found = lint(repo, ["licenses/a.lic"], previous_server="OLDLIC")
    assert found == [("licenses/a.lic", "CL405", 2, 27), ("licenses/a.lic", "CL405", 7, 18)]
    first = messages(repo, ["licenses/a.lic"], "CL405", previous_server="OLDLIC")[0]
    assert first.startswith(f"the SERVER line is bound to host '{host}'")
    assert expected in first
    if host == "OldLic":
        assert "name the client access point 'OldLic'" in first and "or rehost" in first


def test_cl404_cl405_silent_without_a_cap_name(repo: Path) -> None:
    (repo / "licenses" / "a.lic").write_text(lic_text(host="OTHER"), encoding="utf-8")
    text = inventory(["licenses/a.lic"]).replace(
        "  client_access_point: {name: CTXLIC, address: 10.10.1.50}\n", ""
    )
    report = lint_text(text, repo)
    assert not {f.rule_id for f in report.findings} & {"CL404", "CL405"}


def test_cl604_server_and_vendor_ports(repo: Path) -> None:
    (repo / "licenses" / "a.lic").write_text(lic_text(port="27001"), encoding="utf-8")
    found = lint(repo, ["licenses/a.lic"], ports="{vendor_daemon: 7279}")
    assert found == [("licenses/a.lic", "CL604", 2, 34)]
    startup = "SERVER this_host HOSTNAME=CTXLIC\nVENDOR CITRIX PORT=7300\n"
    (repo / "licenses" / "b.lic").write_text(startup, encoding="utf-8")
    assert lint(repo, ["licenses/b.lic"]) == [("licenses/b.lic", "CL604", 2, 20)]


@pytest.mark.parametrize(
    ("expiry", "expected"),
    [
        ("31-may-2026", [("CL703", 5, 40)]),  # the day before the check date
        ("1-jun-2026", [("CL704", 5, 40)]),  # usable through its expiry day
        ("1-JUL-2026", [("CL704", 5, 40)]),  # the last day of the 30-day window
        ("2-jul-2026", []),
        ("1-jan-0", []),
    ],
)
def test_cl703_cl704_expiry(repo: Path, expiry: str, expected: list[tuple[str, int, int]]) -> None:
    (repo / "licenses" / "a.lic").write_text(lic_text(expiry=expiry), encoding="utf-8")
    found = lint(repo, ["licenses/a.lic"])
    assert [(rule, line, column) for _, rule, line, column in found] == expected


def test_cl704_window_is_an_option(repo: Path) -> None:
    (repo / "licenses" / "a.lic").write_text(lic_text(expiry="20-jun-2026"), encoding="utf-8")
    text = inventory(["licenses/a.lic"])
    assert lint_text(text, repo, options={"expiry-warning-days": 10}).findings == []
    report = lint_text(text, repo, options={"expiry-warning-days": 19})
    assert [f.rule_id for f in report.findings] == ["CL704"]
    assert "within the 19-day warning window" in report.findings[0].message


def test_cl706_missing_and_empty(repo: Path) -> None:
    """File-based activation declared without files: CL706 (and CL708 after the cut-over)."""
    retired = ("inventory.yaml", "CL708", 58, 15)
    assert lint(repo, None, activation="files") == [("inventory.yaml", "CL706", 50, 3), retired]
    empty = inventory([], activation="files").replace("  license_files:\n", "  license_files: []\n")
    report = lint_text(empty, repo)
    found = [(f.rule_id, f.line, f.column) for f in report.findings]
    assert found == [("CL706", 50, 3), retired[1:]]


def test_cl706_is_silent_for_the_license_activation_service(repo: Path) -> None:
    assert lint(repo, None) == []
    assert lint(repo, None, activation="las-offline").count(("inventory.yaml", "CL706", 50, 3)) == 0


def test_cl701_missing_and_folder(repo: Path) -> None:
    found = lint(repo, ["licenses/none.lic", "licenses"])
    assert found == [
        ("inventory.yaml", "CL701", FILES_LINE + 1, 7),
        ("inventory.yaml", "CL701", FILES_LINE + 2, 7),
    ]
    texts = messages(repo, ["licenses/none.lic", "licenses"], "CL701")
    assert (
        texts[0]
        == "license file 'licenses/none.lic' does not exist – fix the path or remove the entry"
    )
    assert "is a folder, not a regular file" in texts[1]


def test_one_cause_one_finding(repo: Path) -> None:
    damaged = lic_text(host="other", expiry="1-jan-2020") + "BOGUS line\n"
    (repo / "licenses" / "a.lic").write_text(damaged, encoding="utf-8")
    assert lint(repo, ["licenses/a.lic", "licenses/none.lic"]) == [
        ("inventory.yaml", "CL701", FILES_LINE + 2, 7),
        ("licenses/a.lic", "CL702", 8, 1),
    ]


def test_windows_separators_are_accepted(repo: Path) -> None:
    (repo / "licenses" / "CTXLIC.lic").write_text(lic_text(), encoding="utf-8")
    assert lint(repo, ["'licenses\\CTXLIC.lic'"]) == []


# -- output formats -------------------------------------------------------------
def test_text_and_sarif_name_the_license_file(repo: Path) -> None:
    import jsonschema

    (repo / "licenses" / "a.lic").write_text(lic_text(host="ctxlic"), encoding="utf-8")
    (repo / "cluster.yaml").write_text(inventory(["licenses/a.lic"]), encoding="utf-8")
    text = run_cllint(["check", "cluster.yaml"], cwd=repo)
    assert text.code == 1
    assert "licenses/a.lic:2:27: CL404 [error] license-hostname-case:" in text.out
    assert "licenses/a.lic:7:18: CL404" in text.out
    sarif = run_cllint(["check", "-f", "sarif", "cluster.yaml"], cwd=repo)
    log = json.loads(sarif.out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    locations = [r["locations"][0]["physicalLocation"] for r in results]
    assert [(loc["artifactLocation"]["uri"], loc["region"]["startLine"]) for loc in locations] == [
        ("licenses/a.lic", 2),
        ("licenses/a.lic", 7),
    ]
    assert locations[0]["region"]["startColumn"] == 27
    assert locations[0]["region"]["endColumn"] == 33
    for out in (text.out, sarif.out):
        assert SIGNATURE not in out


def test_signatures_never_reach_any_output(repo: Path) -> None:
    wrapped = lic_text(host="ctxlic") + "0123 4567 89AB CDEF\n"  # a stray signature line
    (repo / "licenses" / "a.lic").write_text(wrapped, encoding="utf-8")
    (repo / "cluster.yaml").write_text(inventory(["licenses/a.lic"]), encoding="utf-8")
    for fmt in ("text", "json", "sarif"):
        run = run_cllint(["check", "-f", fmt, "cluster.yaml"], cwd=repo)
        assert run.code == 1, run.err
        assert "CL702" in run.out
        assert "89AB" not in run.out and "89AB" not in run.err


# -- parsed once per run --------------------------------------------------------
class OpenedPaths:
    """Paths opened while recording (a real audit hook, not a mock)."""

    installed = False
    recording: list[str] | None = None

    @classmethod
    def hook(cls, event: str, args: tuple[object, ...]) -> None:
        if cls.recording is None or event != "open" or not args:
            return
        if isinstance(args[0], (str, bytes, os.PathLike)):
            cls.recording.append(os.fsdecode(args[0]))

    @classmethod
    @contextlib.contextmanager
    def record(cls) -> Iterator[list[str]]:
        if not cls.installed:
            sys.addaudithook(cls.hook)
            cls.installed = True
        cls.recording = []
        try:
            yield cls.recording
        finally:
            cls.recording = None


def test_each_file_is_read_once_per_run(repo: Path) -> None:
    (repo / "licenses" / "a.lic").write_text(lic_text(host="ctxlic"), encoding="utf-8")
    for name in ("one.yaml", "two.yaml"):
        (repo / name).write_text(inventory(["licenses/a.lic"]), encoding="utf-8")
    paths = [str(repo / "one.yaml"), str(repo / "two.yaml")]
    with OpenedPaths.record() as opened:
        reports = list(lint_all(paths, settings(base=repo)))
    assert [len(r.findings) for r in reports] == [2, 2]
    assert sum(p.endswith("a.lic") for p in opened) == 1


# -- path safety ---------------------------------------------------------------
def outside_root(opened: list[str], repo: Path) -> list[str]:
    """Opened paths in the test's folder but outside the repository, or devices."""
    real = [os.path.realpath(p) for p in opened]
    return [
        p
        for p in real
        if p.startswith("/dev/")
        or (p.startswith(str(repo.parent)) and not p.startswith(f"{repo}{os.sep}"))
    ]


def test_absolute_and_climbing_paths_are_never_opened(repo: Path) -> None:
    outside = repo.parent / "outside.lic"
    outside.write_text(lic_text(host="LEAKED"), encoding="utf-8")
    files = [
        str(outside),
        "../outside.lic",
        "licenses/../../outside.lic",
        "'C:\\x.lic'",
        "/dev/zero",
    ]
    with OpenedPaths.record() as opened:
        found = lint(repo, files)
    assert found == [("inventory.yaml", "CL705", FILES_LINE + i, 7) for i in range(1, 6)]
    assert any(p.endswith("inventory.yaml") for p in opened)  # the hook does see opens
    assert outside_root(opened, repo) == []


def test_dotdot_inside_the_root_is_fine(repo: Path) -> None:
    (repo / "licenses" / "CTXLIC.lic").write_text(lic_text(), encoding="utf-8")
    sub = repo / "inventories"
    sub.mkdir()
    report = Linter(settings(base=repo)).lint_path(
        write(sub / "c.yaml", ["../licenses/CTXLIC.lic"])
    )
    assert report.findings == []


def write(path: Path, files: list[str]) -> Path:
    path.write_text(inventory(files), encoding="utf-8")
    return path


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlinks_out_of_the_root_are_never_followed(repo: Path) -> None:
    outside = repo.parent / "secret"
    outside.mkdir()
    (outside / "x.lic").write_text(lic_text(host="LEAKED"), encoding="utf-8")
    os.symlink(outside / "x.lic", repo / "licenses" / "link.lic")
    os.symlink(outside, repo / "licenses" / "dir")
    os.symlink("/dev/zero", repo / "licenses" / "zero.lic")
    (repo / "licenses" / "CTXLIC.lic").write_text(lic_text(), encoding="utf-8")
    os.symlink("CTXLIC.lic", repo / "licenses" / "inside.lic")
    files = ["licenses/link.lic", "licenses/dir/x.lic", "licenses/zero.lic", "licenses/inside.lic"]
    with OpenedPaths.record() as opened:
        found = lint(repo, files)
    assert found == [("inventory.yaml", "CL705", FILES_LINE + i, 7) for i in range(1, 4)]
    assert any(p.endswith("inside.lic") or p.endswith("CTXLIC.lic") for p in opened)
    assert outside_root(opened, repo) == []
    message = messages(repo, ["licenses/link.lic"], "CL705")[0]
    assert "symbolic link" in message and "LEAKED" not in message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_not_read_and_nothing_hangs(repo: Path) -> None:
    os.mkfifo(repo / "licenses" / "pipe.lic")
    (repo / "cluster.yaml").write_text(inventory(["licenses/pipe.lic"]), encoding="utf-8")
    run = run_cllint(["check", "cluster.yaml"], cwd=repo, timeout=60)
    assert run.code == 1
    assert f"cluster.yaml:{FILES_LINE + 1}:7: CL701" in run.out
    assert "is a named pipe, not a regular file" in run.out


def test_oversized_file_is_not_read(repo: Path) -> None:
    big = repo / "licenses" / "big.lic"
    big.write_bytes(b"# padding\n" * 110_000)
    found = messages(repo, ["licenses/big.lic"], "CL701")
    assert len(found) == 1 and "larger than a license file can be (1024 KiB at most)" in found[0]


def test_a_file_listed_twice_is_reported_once(repo: Path) -> None:
    (repo / "licenses" / "a.lic").write_text(lic_text(host="ctxlic") + "BOGUS\n", encoding="utf-8")
    (repo / "licenses" / "b.lic").write_text(lic_text(host="ctxlic"), encoding="utf-8")
    files = ["licenses/a.lic", "./licenses/a.lic", "licenses/b.lic", "licenses/../licenses/b.lic"]
    assert lint(repo, files) == [
        ("licenses/a.lic", "CL702", 8, 1),
        ("licenses/b.lic", "CL404", 2, 27),
        ("licenses/b.lic", "CL404", 7, 18),
    ]


def test_as_of_and_the_warning_window_from_the_command_line_and_config(repo: Path) -> None:
    (repo / "licenses" / "a.lic").write_text(lic_text(expiry="15-aug-2026"), encoding="utf-8")
    (repo / "cluster.yaml").write_text(inventory(["licenses/a.lic"]), encoding="utf-8")
    args = ["check", "cluster.yaml", "--as-of"]
    assert run_cllint([*args, "2026-06-01"], cwd=repo).code == 0
    expired = run_cllint([*args, "2026-08-16"], cwd=repo)
    assert "licenses/a.lic:5:40: CL703 [error] license-expired: INCREMENT CVD_ENT" in expired.out
    (repo / ".cllint.yaml").write_text("expiry-warning-days: 90\n", encoding="utf-8")
    warned = run_cllint([*args, "2026-06-01"], cwd=repo)
    assert "licenses/a.lic:5:40: CL704 [warning] license-expiring:" in warned.out
    assert "within the 90-day warning window" in warned.out


def test_cl604_does_not_compare_a_port_the_schema_rejected(repo: Path) -> None:
    (repo / "licenses" / "a.lic").write_text(lic_text(port="27001"), encoding="utf-8")
    found = lint(repo, ["licenses/a.lic"], ports="{license_server: many}")
    assert [rule for _, rule, _, _ in found] == ["CL002"]
