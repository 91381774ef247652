"""Start-up stays lean: a command imports only what it needs.

cllint runs on every commit, so ``cllint --version`` and a plain one-file
check must not pay for DNS, SARIF, jsonschema or the click command line.
Each case runs the real command under ``python -X importtime`` and reads the
modules it imported from standard error.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cllint.commands.entry import plain_check
from helpers import CLEAN_EXAMPLE, EXAMPLES, FILE_LICENSED_EXAMPLE, ROOT, run_cllint


def imported(args: list[str], cwd: Path = ROOT, codes: tuple[int, ...] = (0, 1)) -> set[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cllint", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode in codes, proc.stderr[-2000:]
    modules = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1].strip()
            if name != "package":  # the header line
                modules.add(name)
    assert "cllint" in modules  # the parsing works
    return modules


def tops(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_version_imports_neither_click_jsonschema_yaml_nor_dns() -> None:
    modules = imported(["--version"])
    assert not {"click", "jsonschema", "yaml", "dns"} & tops(modules)
    assert "cllint.commands.check" not in modules


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (".cllint.yaml", "fail-on: warning\nignore: [CL108]\n"),
        ("pyproject.toml", '[tool.cllint]\nfail-on = "warning"\nignore = ["CL108"]\n'),
    ],
)
def test_a_plain_check_with_a_configuration_file_imports_no_jsonschema_dns_nor_click(
    tmp_path: Path, name: str, text: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    inventory = tmp_path / "cluster.yaml"
    inventory.write_text(CLEAN_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    modules = imported(["check", str(inventory)], cwd=tmp_path)
    assert "cllint.settings.config" in modules  # the configuration was read ...
    assert (
        "cllint.inventory.schema_compiler" in modules
    )  # ... and validated by the compiled closures
    assert not {"jsonschema", "dns", "click"} & tops(modules)


def test_a_bad_configuration_is_reported_without_jsonschema(tmp_path: Path) -> None:
    (tmp_path / ".cllint.yaml").write_text("fail_on: warning\n", encoding="utf-8")
    inventory = tmp_path / "cluster.yaml"
    inventory.write_text(CLEAN_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cllint(["check", str(inventory)], cwd=tmp_path)
    assert result.code == 2
    assert "unknown configuration key 'fail_on'; did you mean 'fail-on'?" in result.err
    assert "jsonschema" not in tops(imported(["check", str(inventory)], cwd=tmp_path, codes=(2,)))


def test_a_check_without_resolve_imports_no_online_rule() -> None:
    modules = imported(["check", str(CLEAN_EXAMPLE)])
    assert "cllint.rules.cl101_too_few_nodes" in modules  # the offline rules run
    assert not {m for m in modules if m.startswith(("cllint.rules.cl9", "cllint.online"))}
    assert "cllint.rules.dns_checks" not in modules


@pytest.mark.parametrize("args", [["rules"], ["rules", "--format", "json"], ["explain", "CL901"]])
def test_rules_and_explain_work_without_dns(args: list[str]) -> None:
    modules = imported(args)
    assert "dns" not in tops(modules)
    assert "cllint.rules.cl101_too_few_nodes" not in modules  # the table, not the modules
    result = run_cllint(args)
    assert result.code == 0
    assert "CL901" in result.out or "cap-unresolvable" in result.out


def test_a_plain_text_check_of_one_file_imports_no_dns_nor_sarif() -> None:
    modules = imported(["check", str(CLEAN_EXAMPLE)])
    assert "dns" not in tops(modules)
    assert "cllint.formats.sarif_format" not in modules
    # the inventory schema is checked by compiled closures, the command line
    # is parsed without click
    assert "jsonschema" not in tops(modules)
    assert "click" not in tops(modules)
    # the sniffer only runs for a file that yields no inventory
    assert "cllint.inventory.sniff" not in modules


@pytest.mark.parametrize(
    "inventory", [CLEAN_EXAMPLE, EXAMPLES / "everything-wrong" / "cluster.yaml"]
)
def test_a_plain_check_imports_no_typing_tempfile_nor_signal(
    inventory: Path, tmp_path: Path
) -> None:
    """Each of these costs a one-file run milliseconds: annotations need no typing,
    only a written report needs tempfile, and the C module sets signal handlers.
    (From a folder without a pyproject.toml: ``tomllib`` imports typing.)"""
    modules = imported(["check", str(inventory)], cwd=tmp_path)
    assert not {"typing", "tempfile", "shutil", "signal"} & modules


def test_check_never_imports_the_language_server() -> None:
    for args in (["check", str(CLEAN_EXAMPLE)], ["check", "-f", "text", str(CLEAN_EXAMPLE)]):
        modules = imported(args)
        assert not {"pygls", "lsprotocol", "cattrs"} & tops(modules), args
        assert not any(m.startswith("cllint.lsp") for m in modules), args


def test_options_go_through_the_click_command_line() -> None:
    modules = imported(["check", "--format", "text", str(CLEAN_EXAMPLE)])
    assert "click" in tops(modules)
    assert "dns" not in tops(modules)


@pytest.mark.parametrize(
    ("args", "plain"),
    [
        (["check", "a.yaml"], True),
        (["check", "a.yaml", "sites/"], True),
        (["check"], False),  # the current folder, by click's rules
        (["check", "-"], False),
        (["check", "--", "a.yaml"], True),
        (["check", "--", "--write-baseline=z.json", "-q"], True),  # after --: file names
        (["check", "a.yaml", "--", "b.yaml"], True),
        (["check", "--"], False),  # the current folder, by click's rules
        (["check", "--", "-"], False),
        (["check", "-q", "a.yaml"], False),
        (["check", "a.yaml", "--select=CL4"], False),
        (["check", ""], False),
        (["rules"], False),
        (["--version"], False),
    ],
)
def test_which_command_lines_take_the_fast_path(args: list[str], plain: bool) -> None:
    assert plain_check(args) is plain


def test_the_fast_path_prints_what_the_click_command_prints(tmp_path: Path) -> None:
    folder = ROOT / "tests" / "fixtures" / "rules"
    fast = run_cllint(["check", str(folder), str(CLEAN_EXAMPLE)])
    full = run_cllint(["check", "--color", "auto", str(folder), str(CLEAN_EXAMPLE)])
    assert fast.code == full.code == 1
    assert fast.out == full.out
    assert "CL002" in fast.out

    missing = run_cllint(["check", str(tmp_path / "nope.yaml")])
    via_click = run_cllint(["check", "-q", str(tmp_path / "nope.yaml")])
    assert missing.code == via_click.code == 2
    assert missing.err == via_click.err
    assert missing.err.startswith("cllint: error: no such file or folder:")


def test_the_license_file_parser_loads_only_for_listed_license_files(tmp_path: Path) -> None:
    text = CLEAN_EXAMPLE.read_text(encoding="utf-8")
    without = "\n".join(line for line in text.splitlines() if "license_files" not in line)
    path = tmp_path / "inventory.yaml"
    path.write_text(without + "\n", encoding="utf-8")
    assert "cllint.licenses.parser" not in imported(["check", str(path)], cwd=tmp_path)
    assert "cllint.licenses.parser" in imported(["check", str(FILE_LICENSED_EXAMPLE)])
