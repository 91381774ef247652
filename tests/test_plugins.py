"""A third-party rule, as the README's "Writing a rule" shows it, installed and run.

The plugin is built from the README's own two code blocks by pip (no
isolation, no dependencies: the installed cllint is the one under test) into
a folder on ``PYTHONPATH``, so the real entry-point machinery finds it, and
the installed ``cllint`` console script runs it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, clean_inventory

SECTION = "## Writing a rule"


def _blocks(language: str) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(SECTION) :]
    end = section.find("\n## ", len(SECTION))
    section = section if end < 0 else section[:end]
    return re.findall(rf"```{language}\n(.*?)```", section, re.S)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The README's plugin, installed by pip into a folder of its own."""
    (code,) = _blocks("python")
    (project,) = _blocks("toml")
    source = tmp_path_factory.mktemp("plugin-source")
    package = source / "acme_cllint"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "cap_prefix.py").write_text(code, encoding="utf-8")
    (source / "pyproject.toml").write_text(project, encoding="utf-8")
    target = tmp_path_factory.mktemp("plugin-site")
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    pip += ["--no-deps", "--no-build-isolation", "--target", str(target), str(source)]
    run = subprocess.run(pip, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert list(target.glob("acme_cllint-*.dist-info/entry_points.txt"))
    return target


def cllint(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "cllint"
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "TF_BUILD")}
    env["PYTHONPATH"] = str(site)
    return subprocess.run(
        [str(exe), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def _inventory(tmp_path: Path) -> tuple[Path, int, int]:
    """The clean example, and the line and column of its CAP name's value."""
    text = clean_inventory()
    path = tmp_path / "cluster.yaml"
    path.write_text(text, encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if "client_access_point:" in line:
            return path, number, line.index("CTXLIC") + 1
    raise AssertionError("the example has no client access point")


def test_the_plugin_is_listed_and_explained(site: Path, tmp_path: Path) -> None:
    listed = cllint(site, tmp_path, "rules")
    assert listed.returncode == 0, listed.stderr
    assert re.search(r"^ACME001\s+cap-prefix\s+warning", listed.stdout, re.M), listed.stdout
    explained = cllint(site, tmp_path, "explain", "ACME001")
    assert explained.returncode == 0, explained.stderr
    assert "Our DNS and monitoring find License Servers by that prefix." in explained.stdout
    assert "warning" not in listed.stderr + explained.stderr


def test_the_plugin_reports_at_the_pointer_it_names(site: Path, tmp_path: Path) -> None:
    path, line, column = _inventory(tmp_path)
    # the plain form (the pre-commit path, without click) and the click path
    for args in (("check", path.name), ("check", "--format", "json", path.name)):
        run = cllint(site, tmp_path, *args)
        assert run.returncode == 0, run.stdout + run.stderr  # a warning fails nothing
        if "json" in args:
            found = [f for f in json.loads(run.stdout) if f["rule"] == "ACME001"]
            assert [(f["line"], f["column"], f["path"]) for f in found] == [
                (line, column, "cluster.yaml")
            ]
        else:
            expected = (
                f"cluster.yaml:{line}:{column}: ACME001 [warning] cap-prefix: "
                "'CTXLIC' does not start with 'ctxlic-'"
            )
            assert expected in run.stdout, run.stdout


def test_the_plugin_reads_its_option_and_obeys_selection(site: Path, tmp_path: Path) -> None:
    path, _line, _column = _inventory(tmp_path)
    ignored = cllint(site, tmp_path, "check", "--ignore", "ACME001", path.name)
    assert ignored.returncode == 0 and "ACME001" not in ignored.stdout, ignored.stdout
    (tmp_path / ".cllint.yaml").write_text("prefix: ctx\n", encoding="utf-8")
    configured = cllint(site, tmp_path, "check", path.name)
    assert configured.returncode == 0, configured.stdout + configured.stderr
    assert "ACME001" not in configured.stdout


def test_without_the_plugin_there_is_no_such_rule(tmp_path: Path) -> None:
    """The guard of the tests above: the rule comes from the plugin alone."""
    run = cllint(tmp_path / "empty", tmp_path, "explain", "ACME001")
    assert run.returncode == 2 and "ACME001" in run.stderr
