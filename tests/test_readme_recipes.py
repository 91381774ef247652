"""The README's configuration, pre-commit and CI snippets are real: they load and run."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml

from cllint.settings.config import load
from helpers import EXAMPLES, ROOT, clean_inventory, run_cllint

README = (ROOT / "README.md").read_text("utf-8")


def block(lang: str, first_line: str) -> str:
    """The fenced ``lang`` block of the README whose first line is ``first_line``."""
    for body in re.findall(rf"```{lang}\n(.*?)```", README, re.S):
        if body.startswith(first_line):
            return str(body)
    raise AssertionError(f"no {lang} block starting with {first_line!r}")


def test_config_examples_are_valid(tmp_path: Path) -> None:
    (tmp_path / ".cllint.yaml").write_text(block("yaml", "# .cllint.yaml"), "utf-8")
    assert load(start=tmp_path).values["fail-on"] == "warning"
    (tmp_path / ".cllint.yaml").unlink()
    (tmp_path / "pyproject.toml").write_text(block("toml", "# pyproject.toml"), "utf-8")
    assert load(start=tmp_path).values["per-file-ignores"] == {"labs/**": ["CL1"]}


def test_every_config_key_is_in_the_reference_table() -> None:
    schema = json.loads((ROOT / "schemas" / "config.schema.json").read_text("utf-8"))
    keys = [k for k in schema["properties"] if k != "limits"]
    keys += [f"limits.{k}" for k in schema["properties"]["limits"]["properties"]]
    for key in keys:
        assert f"| `{key}` |" in README, key


def test_pre_commit_snippet_names_the_shipped_hook() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert [(h["id"], h["entry"], h["language"], h["types_or"], h["files"]) for h in hooks] == [
        (
            "cllint",
            "cllint check --",
            "python",
            ["yaml", "json", "text"],
            r"(?i)\.(ya?ml|json|lic)$",
        )
    ]
    config = yaml.safe_load(block("yaml", "repos:"))
    (repo,) = config["repos"]
    assert repo["repo"] == "https://github.com/cllint/cllint" and repo["rev"] == "v0.1.0"
    assert repo["hooks"][0]["id"] == "cllint"


def test_ci_recipes_use_real_options() -> None:
    github = yaml.safe_load(block("yaml", "# .github/workflows/cllint.yml"))
    steps = github["jobs"]["cllint"]["steps"]
    assert "github/codeql-action/upload-sarif@v3" in [s.get("uses") for s in steps]
    gitlab = yaml.safe_load(block("yaml", "# .gitlab-ci.yml"))
    assert gitlab["cllint"]["artifacts"]["reports"]["codequality"] == "gl-code-quality.json"
    assert "--output gl-code-quality.json" in " ".join(gitlab["cllint"]["script"])
    # file arguments are never read as options: every recipe ends its options with --
    runs = [s["run"] for s in steps if "run" in s and "cllint check" in s["run"]]
    runs += [line for line in gitlab["cllint"]["script"] if "cllint check" in line]
    assert runs and all(" -- " in run for run in runs), runs


def test_suppression_example_suppresses(tmp_path: Path) -> None:
    snippet = block("yaml", "licensing:\n  # cllint: disable=CL402")
    shutil.copytree(EXAMPLES / "licenses", tmp_path / "licenses")
    lines = clean_inventory().splitlines()
    start = lines.index("licensing:")
    body = [ln for ln in snippet.splitlines()[1:] if "client_access_point" not in ln]
    cap = next(ln for ln in snippet.splitlines() if "client_access_point" in ln)
    text = "\n".join(
        [*lines[: start + 1], *body[:1], cap, *body[1:]]
        + [
            ln
            for ln in lines[start + 1 :]
            if not ln.startswith(("  client_access_point", "  installer"))
        ]
    ).replace("license_server: CTXLIC,", "license_server: CTXLICENSESRV01,")
    (tmp_path / "inv.yaml").write_text(text + "\n", "utf-8")
    run = run_cllint(["check", "-f", "sarif", "inv.yaml"], cwd=tmp_path)
    results = json.loads(run.out)["runs"][0]["results"]
    suppressed = {r["ruleId"] for r in results if r.get("suppressions")}
    assert {"CL402", "CL501"} <= suppressed
    assert {r["ruleId"] for r in results if not r.get("suppressions")} <= {"CL405"}


def test_azure_pipelines_recipe_runs(tmp_path: Path) -> None:
    """The azure-pipelines.yml recipe: both agents, the artifact the SARIF viewers
    read, and every cllint step run for real with the agent's variables filled in."""
    pipeline = yaml.safe_load(block("yaml", "# azure-pipelines.yml"))
    images = {job["image"] for job in pipeline["strategy"]["matrix"].values()}
    assert images == {"ubuntu-latest", "windows-latest"}
    steps = pipeline["steps"]
    tasks = {s.get("task"): s.get("inputs", {}) for s in steps}
    assert tasks["PublishBuildArtifacts@1"]["ArtifactName"] == "CodeAnalysisLogs"
    assert tasks["PublishTestResults@2"]["testResultsFormat"] == "JUnit"
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLES / "licenses", repo / "licenses")
    (repo / "inv.yaml").write_text(
        clean_inventory().replace("CitrixLicensing.exe", "setup.msi"), "utf-8"
    )
    macros = {
        "$(Build.ArtifactStagingDirectory)": str(tmp_path / "staging"),
        "$(Common.TestResultsDirectory)": str(tmp_path / "results"),
        "$(Agent.TempDirectory)": str(tmp_path / "temp"),
        "$(Agent.OS)": "Linux",
    }
    for folder in ("staging", "results", "temp"):
        (tmp_path / folder).mkdir()
    commands = [s["script"] for s in steps if str(s.get("script", "")).startswith("cllint ")]
    assert len(commands) == 4
    runs = []
    for command in commands:
        for macro, value in macros.items():
            command = command.replace(macro, value)
        runs.append(run_cllint(command.split()[1:], cwd=repo, env={"TF_BUILD": "True"}))
    assert [r.code for r in runs] == [0, 0, 0, 1], [r.err for r in runs]
    sarif = json.loads((tmp_path / "staging" / "cllint-Linux.sarif").read_text("utf-8"))
    assert sarif["runs"][0]["results"][0]["ruleId"] == "CL501"
    assert "<failure" in (tmp_path / "results" / "cllint.xml").read_text("utf-8")
    assert (tmp_path / "temp" / "cllint.md").read_text("utf-8").startswith("## cllint")
    assert runs[-1].out.startswith("##vso[task.logissue type=error;sourcepath=inv.yaml;")
    summary = next(s["pwsh"] for s in steps if "pwsh" in s)
    assert summary == 'Write-Host "##vso[task.uploadsummary]$(Agent.TempDirectory)/cllint.md"'
