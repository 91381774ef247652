"""``check --show-settings`` and ``-v``: which configuration, which values, from where."""

from __future__ import annotations

from pathlib import Path

from helpers import run_cllint


def _settings(out: str) -> dict[str, tuple[str, str]]:
    rows: dict[str, tuple[str, str]] = {}
    for line in out.splitlines()[1:]:
        key, _, rest = line.partition(" = ")
        value, _, source = rest.rpartition("  (")
        rows[key.strip()] = (value, source[:-1])
    return rows


def test_show_settings_names_each_source(tmp_path: Path) -> None:
    (tmp_path / ".cllint.yaml").write_text(
        "fail-on: warning\nexpiry-warning-days: 60\nlimits:\n  max-depth: 20\n", "utf-8"
    )
    run = run_cllint(
        ["check", "--show-settings", "--select", "CL1", "--as-of", "2026-04-01"], cwd=tmp_path
    )
    assert run.code == 0 and run.err == ""
    assert run.out.splitlines()[0] == "configuration: .cllint.yaml"
    rows = _settings(run.out)
    assert rows["select"] == ("CL1", "command line")
    assert rows["fail-on"] == ("warning", ".cllint.yaml")
    assert rows["expiry-warning-days"] == ("60", ".cllint.yaml")
    assert rows["dhcp-min-lease-days"] == ("30", "default")
    assert rows["limits.max-depth"] == ("20", ".cllint.yaml")
    assert rows["limits.max-nodes"] == ("250000", "default")
    assert rows["as-of"] == ("2026-04-01", "command line")
    assert rows["supported-os"][0] == (
        "Windows Server 2012 R2, Windows Server 2016, Windows Server 2019"
    )
    assert rows["format"] == ("text", "default")
    github = run_cllint(["check", "--show-settings"], cwd=tmp_path, env={"GITHUB_ACTIONS": "true"})
    assert _settings(github.out)["format"] == ("github", "GITHUB_ACTIONS")


def test_show_settings_from_pyproject_and_without_configuration(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.cllint]\nignore = ['CL8']\n", "utf-8")
    run = run_cllint(["check", "--show-settings"], cwd=tmp_path)
    assert run.out.splitlines()[0] == "configuration: pyproject.toml [tool.cllint]"
    assert _settings(run.out)["ignore"] == ("CL8", "pyproject.toml [tool.cllint]")


def test_show_settings_without_configuration(tmp_path: Path) -> None:
    none = run_cllint(["check", "--show-settings"], cwd=tmp_path)
    assert none.out.splitlines()[0] == "configuration: none (defaults)"
    assert {source for _value, source in _settings(none.out).values()} <= {
        "default",
        "default (today)",
        "from select, ignore, --resolve",
    }


def test_verbose_says_which_configuration_file_was_used(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # stop the upward search here
    (tmp_path / ".cllint.yaml").write_text("fail-on: warning\n", "utf-8")
    run = run_cllint(["check", "-v", "."], cwd=tmp_path)
    assert "cllint: configuration: .cllint.yaml\n" in run.err
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "x.yaml").write_text("a: 1\n", "utf-8")
    (tmp_path / ".cllint.yaml").unlink()
    quiet = run_cllint(["check", "x.yaml"], cwd=sub)
    assert "configuration" not in quiet.err
