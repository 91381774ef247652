"""Configuration: discovery, validation, every key, and command line over file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from cllint.findings import Severity
from cllint.settings.config import Config, ConfigError, discover, load
from cllint.settings.options import CheckOptions, Settings, UsageError, build_settings
from helpers import EXAMPLES, clean_inventory, run_cllint

TOOL = '[tool.cllint]\nfail-on = "note"\n'
OTHER_TOOL = "[tool.black]\nline-length = 90\n"


def make(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")


@pytest.mark.parametrize(
    ("files", "found"),
    [
        ({}, None),
        ({"work/.cllint.yaml": "{}"}, "work/.cllint.yaml"),
        ({"work/pyproject.toml": TOOL}, "work/pyproject.toml"),
        # in one folder, .cllint.yaml comes first
        ({"work/.cllint.yaml": "{}", "work/pyproject.toml": TOOL}, "work/.cllint.yaml"),
        # a pyproject.toml without [tool.cllint] is passed over
        ({"work/pyproject.toml": OTHER_TOOL, ".cllint.yaml": "{}"}, ".cllint.yaml"),
        # the nearest folder wins, whichever kind of file it holds
        ({"work/pyproject.toml": TOOL, ".cllint.yaml": "{}"}, "work/pyproject.toml"),
        ({"work/sub/.cllint.yaml": "{}", ".cllint.yaml": "{}"}, ".cllint.yaml"),
        ({".cllint.yaml": "{}", "work/x.yaml": "{}"}, ".cllint.yaml"),
    ],
)
def test_discovery_upwards_first_found_wins(
    tmp_path: Path, files: dict[str, str], found: str | None
) -> None:
    make(tmp_path, files)
    (tmp_path / "work").mkdir(exist_ok=True)
    result = discover(tmp_path / "work")
    assert result == (tmp_path / found if found else None)


def test_explicit_config_overrides_discovery(tmp_path: Path) -> None:
    make(tmp_path, {".cllint.yaml": "fail-on: note\n", "other.yaml": "fail-on: warning\n"})
    assert load(tmp_path / "other.yaml", start=tmp_path).values == {"fail-on": "warning"}
    assert load(None, start=tmp_path).values == {"fail-on": "note"}


def test_pyproject_section_is_read(tmp_path: Path) -> None:
    make(
        tmp_path,
        {"pyproject.toml": TOOL + 'select = ["CL3"]\n[tool.cllint.limits]\nmax-depth = 9\n'},
    )
    config = load(start=tmp_path)
    assert config.values == {"fail-on": "note", "select": ["CL3"], "limits": {"max-depth": 9}}


EVERY_KEY: dict[str, Any] = {
    "select": ["CL1", "CL3"],
    "ignore": ["CL301"],
    "extend-select": ["cap-name-too-long"],
    "severity": {"CL101": "warning", "mixed-os": "error"},
    "fail-on": "warning",
    "exclude": ["drafts", "old/*.yaml"],
    "per-file-ignores": {"legacy/**": ["CL3", "CL402"]},
    "supported-os": ["Windows Server 2022"],
    "dhcp-min-lease-days": 10,
    "expiry-warning-days": 60,
    "nameservers": ["127.0.0.1:5353"],
    "limits": {"max-file-size": 1000, "max-depth": 10, "max-nodes": 500, "max-documents": 3},
}


def test_every_key_reaches_the_settings(tmp_path: Path) -> None:
    make(tmp_path, {".cllint.yaml": json.dumps(EVERY_KEY)})
    settings, fail_on = build_settings(CheckOptions(), load(start=tmp_path))
    ids = {r.id for r in settings.rules}
    assert "CL101" in ids and "CL302" in ids and "CL402" in ids
    assert "CL301" not in ids and "CL501" not in ids
    assert settings.severity == {"CL101": Severity.WARNING, "CL103": Severity.ERROR}
    assert fail_on == Severity.WARNING
    assert settings.exclude == ("drafts", "old/*.yaml")
    assert settings.per_file_ignores == {"legacy/**": ("CL3", "CL402")}
    assert settings.options["supported-os"] == ["Windows Server 2022"]
    assert settings.options["dhcp-min-lease-days"] == 10
    assert settings.options["expiry-warning-days"] == 60
    assert tuple(settings.options["nameservers"]) == ("127.0.0.1:5353",)
    limits = settings.limits
    assert (limits.max_bytes, limits.max_depth, limits.max_nodes, limits.max_documents) == (
        1000,
        10,
        500,
        3,
    )


def ids(settings: Settings) -> set[str]:
    return {r.id for r in settings.rules}


def families(settings: Settings) -> set[str]:
    return {r.id[:3] for r in settings.rules}


@pytest.mark.parametrize(
    ("config", "opts", "check"),
    [
        ({"fail-on": "note"}, {"fail_on": "never"}, lambda s, f: f is None),
        ({"fail-on": "never"}, {}, lambda s, f: f is None),
        ({}, {}, lambda s, f: f == Severity.ERROR),
        (
            {"select": ["CL1"]},
            {"select": ("CL4",)},
            lambda s, f: {r.id[:3] for r in s.rules} == {"CL4"},
        ),
        ({"select": ["CL4"]}, {}, lambda s, f: {r.id[:3] for r in s.rules} == {"CL4"}),
        (
            {"ignore": ["CL4"]},
            {"ignore": ("CL1",)},
            lambda s, f: "CL402" in {r.id for r in s.rules},
        ),
        (
            {"select": ["CL4"], "extend-select": ["CL501"]},
            {"extend_select": ("CL101",)},
            lambda s, f: (
                {r.id for r in s.rules} >= {"CL101", "CL402"}
                and "CL501" not in {r.id for r in s.rules}
            ),
        ),
        (
            {"nameservers": ["127.0.0.1"]},
            {"nameservers": ("127.0.0.2",)},
            lambda s, f: tuple(s.options["nameservers"]) == ("127.0.0.2",),
        ),
    ],
    ids=["fail-on", "fail-on-never", "default", "select", "select-file", "ignore", "extend", "ns"],
)
def test_command_line_wins(config: dict[str, Any], opts: dict[str, Any], check: Any) -> None:
    settings, fail_on = build_settings(CheckOptions(**opts), Config(config))
    assert check(settings, fail_on)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("selct: [CL1]\n", "unknown configuration key 'selct'; did you mean 'select'?"),
        (
            "limits: {max-deepth: 3}\n",
            "unknown configuration key 'limits.max-deepth'; did you mean 'max-depth'?",
        ),
        ("fail-on: sometimes\n", "bad value for 'fail-on'"),
        ("severity: {CL101: fatal}\n", "bad value for 'severity.CL101'"),
        ("select: CL1\n", "bad value for 'select'"),
        ("dhcp-min-lease-days: 0\n", "bad value for 'dhcp-min-lease-days'"),
        ("expiry-warning-days: 1.5\n", "bad value for 'expiry-warning-days'"),
        ('supported-os: [""]\n', "bad value for 'supported-os.0'"),
        ("exclude: [1]\n", "bad value for 'exclude.0'"),
        ("per-file-ignores: {a: CL1}\n", "bad value for 'per-file-ignores.a'"),
        ("nameservers: 127.0.0.1\n", "bad value for 'nameservers'"),
        ("select: [CL40x]\n", "select: unknown rule, name or prefix 'CL40x'"),
        ("ignore: [cap-name-to-long]\n", "did you mean 'cap-name-too-long'?"),
        ("extend-select: [XX]\n", "extend-select: unknown rule, name or prefix 'XX'"),
        ("per-file-ignores: {'a/*': [CL40x]}\n", "per-file-ignores: a/*: unknown rule"),
        ("severity: {CL99x: note}\n", "severity: unknown rule, name or prefix 'CL99x'"),
        ("severity: {CL4: note}\n", "severity: 'CL4' is not one rule"),
        ("- a list\n", "must be a mapping"),
        ("a: [\n", ".cllint.yaml:2:"),
    ],
)
def test_bad_config_is_exit_2_with_one_line_naming_the_key(
    tmp_path: Path, text: str, message: str
) -> None:
    make(tmp_path, {".cllint.yaml": text, "inv.yaml": clean_inventory()})
    shutil.copytree(EXAMPLES / "licenses", tmp_path / "licenses")
    run = run_cllint(["check", "inv.yaml"], cwd=tmp_path)
    assert run.code == 2, run.out
    assert len(run.err.strip().splitlines()) == 1, run.err
    assert message in run.err and "Traceback" not in run.err


def test_broken_pyproject_is_exit_2(tmp_path: Path) -> None:
    make(tmp_path, {"pyproject.toml": "[tool.cllint\n", "inv.yaml": clean_inventory()})
    run = run_cllint(["check", "inv.yaml"], cwd=tmp_path)
    assert run.code == 2 and "pyproject.toml: cannot read" in run.err


def test_config_error_type() -> None:
    with pytest.raises(ConfigError, match="no such configuration file"):
        load(Path("/nonexistent/.cllint.yaml"))


def test_usage_error_for_unknown_severity_rule() -> None:
    with pytest.raises(UsageError, match="severity"):
        build_settings(CheckOptions(), Config({"severity": {"nope": "note"}}))


def test_config_is_honoured_by_the_command(tmp_path: Path) -> None:
    """fail-on and per-file-ignores from .cllint.yaml, through the real command."""
    shutil.copytree(EXAMPLES / "licenses", tmp_path / "licenses")
    bad = clean_inventory().replace("CitrixLicensing.exe", "setup.msi")
    make(tmp_path, {"a.yaml": bad, "legacy/b.yaml": bad.replace("licenses/", "../licenses/")})
    assert run_cllint(["check", "."], cwd=tmp_path).code == 1
    make(tmp_path, {".cllint.yaml": "per-file-ignores: {'legacy/**': [msi-installer]}\n"})
    run = run_cllint(["check", "-f", "json", "."], cwd=tmp_path)
    assert [i["path"] for i in json.loads(run.out)] == ["a.yaml"]
    make(tmp_path, {".cllint.yaml": "severity: {CL501: warning}\n"})
    assert run_cllint(["check", "."], cwd=tmp_path).code == 0
    assert run_cllint(["check", "--fail-on", "warning", "."], cwd=tmp_path).code == 1
    make(tmp_path, {".cllint.yaml": "severity: {CL501: warning}\nfail-on: warning\n"})
    assert run_cllint(["check", "."], cwd=tmp_path).code == 1
    assert run_cllint(["check", "--fail-on", "error", "."], cwd=tmp_path).code == 0
