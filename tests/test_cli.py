"""The real ``cllint`` command: exit statuses, one-line errors, formats, stdin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import CLEAN_EXAMPLE, ROOT, clean_inventory, run_cllint, write_inventory

MSI = clean_inventory().replace("installer: CitrixLicensing.exe", "installer: setup.msi")


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    return write_inventory(tmp_path, MSI, "bad.yaml")


def test_clean_example_exits_0() -> None:
    run = run_cllint(["check", str(CLEAN_EXAMPLE)], cwd=ROOT / "examples")
    assert run.code == 0, run.out + run.err
    assert run.out.strip().endswith("1 file checked")


def test_finding_exits_1_with_the_spec_line_format(bad: Path) -> None:
    run = run_cllint(["check", "bad.yaml"], cwd=bad.parent)
    assert run.code == 1
    first = run.out.splitlines()[0]
    assert first == (
        "bad.yaml:53:14: CL501 [error] msi-installer: installer 'setup.msi' is an .msi, which "
        "does not support clustering; use CitrixLicensing.exe"
    )
    assert run.out.splitlines()[1:3] == [
        "   53 |   installer: setup.msi",
        "      |              ^^^^^^^^^",
    ]
    assert run.out.splitlines()[-1] == "1 error, 0 warnings in 1 file; 1 file checked"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--fail-on", "never"], 0),
        (["--fail-on", "error"], 1),
        (["--ignore", "CL501"], 0),
        (["--ignore", "msi-installer"], 0),
        (["--select", "CL4"], 0),
        (["--select", "CL5"], 1),
        (["--select", "CL9999"], 2),
        (["--format", "nope"], 2),
        (["--as-of", "yesterday"], 2),
        (["--no-such-option"], 2),
    ],
)
def test_exit_status(bad: Path, args: list[str], code: int) -> None:
    run = run_cllint(["check", str(bad), *args])
    assert run.code == code, run.out + run.err
    assert "Traceback" not in run.err


def test_usage_errors_are_one_line(bad: Path) -> None:
    run = run_cllint(["check", str(bad), "--select", "CL9999"])
    assert run.err.strip() == (
        "cllint: error: --select: unknown rule, name or prefix 'CL9999'; see 'cllint rules'"
    )


def test_bad_config_is_exit_2_naming_the_key(tmp_path: Path) -> None:
    (tmp_path / ".cllint.yaml").write_text("selct: [CL1]\n", encoding="utf-8")
    write_inventory(tmp_path, clean_inventory(), "a.yaml")
    run = run_cllint(["check", "a.yaml"], cwd=tmp_path)
    assert run.code == 2
    assert "unknown configuration key 'selct'; did you mean 'select'?" in run.err
    assert len(run.err.strip().splitlines()) == 1


def test_broken_inventory_is_a_finding_not_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("cluster: [\n", encoding="utf-8")
    run = run_cllint(["check", "a.yaml"], cwd=tmp_path)
    assert run.code == 1
    assert run.out.startswith("a.yaml:2:1: CL001 [error] yaml-syntax:")


def test_stdin(bad: Path) -> None:
    # License-file paths of an inventory read from stdin are relative to the cwd.
    run = run_cllint(["check", "-", "-f", "json"], stdin=bad.read_bytes(), cwd=bad.parent)
    assert run.code == 1
    items = json.loads(run.out)
    assert [(i["path"], i["line"], i["column"], i["rule"]) for i in items] == [
        ("<stdin>", 53, 14, "CL501")
    ]


def test_folder_is_walked_and_non_inventories_skipped(tmp_path: Path) -> None:
    write_inventory(tmp_path, MSI, "a.yaml")
    write_inventory(tmp_path, MSI, "sub/b.yml")
    (tmp_path / "sub" / "c.json").write_text('{"name": "not an inventory"}', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("cluster: x", encoding="utf-8")
    write_inventory(tmp_path, MSI, ".git/d.yaml")
    run = run_cllint(["check", "-v"], cwd=tmp_path)
    assert run.code == 1
    paths = [line.split(":")[0] for line in run.out.splitlines() if "CL501" in line]
    assert paths == ["a.yaml", "sub/b.yml"]
    assert "sub/c.json: skipped (not an inventory)" in run.out
    assert run.out.splitlines()[-1] == "2 errors, 0 warnings in 2 files; 2 files checked"


def test_output_file_gets_the_report_and_terminal_the_summary(bad: Path) -> None:
    out = bad.parent / "report.sarif"
    run = run_cllint(["check", str(bad), "-f", "sarif", "-o", str(out)])
    assert run.code == 1
    assert run.out.strip() == "1 error, 0 warnings in 1 file; 1 file checked"
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_color(bad: Path) -> None:
    assert "\x1b[31m" in run_cllint(["check", str(bad), "--color", "always"]).out
    assert "\x1b[" not in run_cllint(["check", str(bad), "--color", "never"]).out
    assert "\x1b[" not in run_cllint(["check", str(bad)]).out  # not a terminal


def test_no_color_is_honoured_only_in_auto(bad: Path) -> None:
    run = run_cllint(["check", str(bad)], env={"NO_COLOR": "1"})
    assert "\x1b[" not in run.out


def test_version_and_module_entry() -> None:
    from cllint import __version__

    run = run_cllint(["--version"])
    assert run.code == 0
    assert run.out.strip() == f"cllint {__version__}"


def test_rules_json_lists_ids_names_severities() -> None:
    run = run_cllint(["rules", "--format", "json"])
    items = json.loads(run.out)
    assert {"id": "CL402", "name": "cap-name-too-long", "severity": "error"}.items() <= next(
        i for i in items if i["id"] == "CL402"
    ).items()


def test_explain_by_id_and_name() -> None:
    by_id = run_cllint(["explain", "CL402"])
    by_name = run_cllint(["explain", "cap-name-too-long"])
    assert by_id.code == by_name.code == 0
    assert by_id.out == by_name.out
    assert by_id.out.startswith("CL402 cap-name-too-long [error]\n")
    for section in ("What:", "Why:", "How to fix:", "Failing example:", "Passing example:"):
        assert section in by_id.out
    unknown = run_cllint(["explain", "CL999"])
    assert unknown.code == 2
    assert unknown.err.strip() == "cllint: error: unknown rule 'CL999'; see 'cllint rules'"


def test_schema_command_prints_the_inventory_schema() -> None:
    run = run_cllint(["schema"])
    schema = json.loads(run.out)
    assert schema["title"].startswith("cllint inventory")
    assert schema == json.loads((ROOT / "schemas" / "inventory.schema.json").read_text("utf-8"))


def test_missing_path_is_exit_2_with_one_line(tmp_path: Path) -> None:
    run = run_cllint(["check", str(tmp_path / "nope.yaml")])
    assert run.code == 2
    assert run.err == f"cllint: error: no such file or folder: {tmp_path / 'nope.yaml'}\n"


def test_internal_error_hint_names_verbose_only_where_the_command_has_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from cllint.commands.guard import guarded

    def crash() -> int:
        raise ZeroDivisionError("boom")

    assert guarded(crash, verbose=None) == 2  # runbook, init, ...: no --verbose
    err = capsys.readouterr().err
    assert err == "cllint: error: internal error: ZeroDivisionError: boom (please report this)\n"
    assert guarded(crash, verbose=False) == 2  # check
    assert "(run with --verbose for details)" in capsys.readouterr().err


def test_explain_suggests_rules_for_a_partial_or_misspelt_name() -> None:
    partial = run_cllint(["explain", "cap-name"])
    assert partial.code == 2
    assert partial.err == (
        "cllint: error: unknown rule 'cap-name' (did you mean CL402 cap-name-too-long, "
        "CL403 cap-name-invalid?); see 'cllint rules'\n"
    )
    misspelt = run_cllint(["explain", "msi-instaler"])
    assert "(did you mean CL501 msi-installer" in misspelt.err


def test_explain_prints_plain_text_and_defaults_as_configuration_values() -> None:
    out = run_cllint(["explain", "CL102"]).out
    assert "``" not in out and "('Windows Server 2012 R2', " not in out
    assert "add it to the 'supported-os'" in out
    assert out.rstrip().endswith(
        "supported-os (default: Windows Server 2012 R2, Windows Server 2016, Windows Server 2019)"
    )
    for rule in ("CL307", "CL704", "CL501"):
        text = run_cllint(["explain", rule]).out
        assert "``" not in text.split("Failing example:")[0]


def test_rules_lists_option_names_as_configuration_keys() -> None:
    out = run_cllint(["rules"]).out
    assert "expiry-warning-days" in out and "expiry_warning_days" not in out
