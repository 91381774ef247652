"""A text (or GitHub, or Azure) report to standard output is written file by file.

Streaming must not change a byte of what is printed: each run below is made
twice, once to standard output (streamed) and once with ``--output`` (the
whole report rendered at the end), and the two texts must be equal. The run
keeps only the summary's counts, not the reports, so memory stays flat over
ten thousand files (``bench/bench.py`` measures it).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from cllint.commands.check import _Collector
from cllint.findings import Finding, Severity
from cllint.lint.engine import FileReport
from cllint.settings.options import CheckOptions, Settings
from helpers import ROOT, in_bash, run_cllint

RULES = ROOT / "tests" / "fixtures" / "rules"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every rule fixture (findings in inventories and license files, files that are
    not inventories, CL001 files), so every kind of report line is in the run."""
    folder = tmp_path_factory.mktemp("streaming") / "fixtures"
    shutil.copytree(RULES, folder)
    return folder


VARIANTS = {
    "plain": [],
    "verbose": ["-v"],
    "quiet": ["-q"],
    "ignored": ["--ignore", "CL7,CL3"],
    "limited": ["--config", "limit.yaml"],
    "one process": ["-j1"],
    "pool": ["-j2"],
    "github": ["-f", "github"],
    "azure": ["-f", "azure", "-j2"],
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_streamed_text_equals_the_rendered_report(corpus: Path, variant: str) -> None:
    (corpus / "limit.yaml").write_text("limits: {max-findings-per-run: 25}\n", "utf-8")
    args = ["check", "--as-of", "2026-06-01", *VARIANTS[variant]]
    streamed = run_cllint([*args, "."], cwd=corpus)
    report = corpus.parent / f"report-{variant}.txt"
    written = run_cllint([*args, "--output", str(report), "."], cwd=corpus)
    assert streamed.code == written.code == 1
    text = report.read_text("utf-8")
    assert streamed.out == text
    assert text.count("\n") > 50, "the corpus should report many findings"
    # --output prints the summary line to standard output (not with -q); a streamed
    # text report ends with it (the CI formats have none).
    if variant == "quiet":
        assert written.out == ""
    else:
        assert written.out.count("\n") == 1 and " files checked" in written.out
    if variant not in ("quiet", "github", "azure"):
        assert written.out.splitlines() == [text.splitlines()[-1]]


def test_a_streamed_run_fails_on_what_it_showed(corpus: Path) -> None:
    run = run_cllint(["check", "--as-of", "2026-06-01", "cl501-fail.yaml"], cwd=corpus)
    assert run.code == 1 and ": CL501 [" in run.out
    run = run_cllint(
        ["check", "--as-of", "2026-06-01", "--fail-on", "error", "cl108-fail.yaml"], cwd=corpus
    )
    assert " [warning] " in run.out and " [error] " not in run.out
    assert run.code == 0


def test_a_streaming_collector_keeps_no_reports() -> None:
    written: list[str] = []
    collector = _Collector(
        CheckOptions(), frozenset(), Settings(), lambda f: written.append(f.path)
    )
    for n in range(3):
        finding = Finding("CL501", "m", "/x", severity=Severity.WARNING, path=f"f{n}.yaml")
        collector.add(FileReport(f"f{n}.yaml", [finding], 1))
    assert written == ["f0.yaml", "f1.yaml", "f2.yaml"]
    assert collector.files == []
    assert collector.tally.counts[Severity.WARNING] == 3 and collector.tally.checked == 3
    assert collector.tally.reaches(Severity.WARNING) and not collector.tally.reaches(Severity.ERROR)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_streamed_run_piped_into_head_stops_quietly(tmp_path: Path, jobs: str) -> None:
    """The reader goes away while files are still being linted (by the pool, too):
    no traceback, no second error, the exit status of a run with findings."""
    text = (RULES / "cl501-fail.yaml").read_text("utf-8")
    for n in range(400):
        (tmp_path / f"cluster-{n:03d}.yaml").write_text(text, "utf-8")
    run = in_bash(
        f"{sys.executable} -m cllint check -j {jobs} . | head -1; exit ${{PIPESTATUS[0]}}",
        cwd=tmp_path,
        timeout=300,
    )
    assert run.err == ""
    assert run.code == 1
    assert run.out.count("\n") == 1 and ": CL" in run.out
