"""The parallel runner: same reports as one process, in input order, flat memory."""

from __future__ import annotations

import multiprocessing
import pickle
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from cllint.lint import runner
from cllint.lint.engine import FileReport, lint_all
from cllint.lint.runner import MIN_FILES_PER_POOL, run_files, worker_count
from helpers import clean_inventory, run_cllint, settings


def corpus(folder: Path, count: int) -> list[str]:
    """``count`` inventories; every seventh has a CAP name one character too long."""
    base = clean_inventory()
    paths = []
    for i in range(count):
        text = base.replace("name: CTXLIC,", "name: CTXLIC-TOOLONG1,") if i % 7 == 3 else base
        path = folder / f"site-{i:03d}.yaml"
        path.write_text(text.replace("CTXCLU01", f"CTXCLU{i:03d}"), encoding="utf-8")
        paths.append(str(path))
    return paths


def summary(reports: list[FileReport]) -> list[tuple[str, list[tuple[str, int, int, str]]]]:
    return [
        (r.path, [(f.rule_id, f.line, f.column, f.fingerprint) for f in r.findings])
        for r in reports
    ]


def test_small_inputs_stay_in_this_process() -> None:
    assert worker_count(["a.yaml"] * (MIN_FILES_PER_POOL - 1), 8) == 1
    assert worker_count(["a.yaml"] * 500, 1) == 1
    assert worker_count(["a.yaml"] * 500 + ["-"], 8) == 1  # standard input is read here
    assert worker_count(["a.yaml"] * 500, 4) == 4


def test_the_pool_gives_the_reports_of_one_process_in_input_order(tmp_path: Path) -> None:
    paths = corpus(tmp_path, MIN_FILES_PER_POOL + 10)
    paths.reverse()  # input order, not sorted order
    config = settings(base=tmp_path)
    serial = list(lint_all(paths, config))
    parallel = list(run_files(paths, config, jobs=2))
    assert summary(parallel) == summary(serial)
    assert [r.path for r in parallel] == [Path(p).name for p in paths]
    too_long = sum(1 for i in range(len(paths)) if i % 7 == 3)  # see corpus()
    assert sum(1 for r in parallel for f in r.findings if f.rule_id == "CL402") == too_long


def test_settings_and_reports_pickle(tmp_path: Path) -> None:
    config = settings(base=tmp_path)
    assert pickle.loads(pickle.dumps(config)).rules == config.rules
    report = next(iter(lint_all(corpus(tmp_path, 4)[3:], config)))
    assert report.findings
    assert summary([pickle.loads(pickle.dumps(report))]) == summary([report])


def test_unpicklable_services_keep_the_run_in_this_process(tmp_path: Path) -> None:
    paths = corpus(tmp_path, MIN_FILES_PER_POOL + 1)
    lock = threading.Lock()  # cannot be pickled
    config = settings(base=tmp_path, services={"lock": lock})
    reports = list(run_files(paths, config, jobs=2))
    assert len(reports) == len(paths)


def _misses() -> int:
    from cllint.inventory.schema import compiled

    return compiled.cache_info().misses


def test_each_worker_builds_the_schema_validator_once(tmp_path: Path) -> None:
    paths = corpus(tmp_path, 20)
    with ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("spawn"),  # a fresh process, no inherited cache
        initializer=runner._init_worker,
        initargs=(settings(base=tmp_path),),
    ) as pool:
        list(pool.map(runner._lint_one, paths))
        assert pool.submit(_misses).result() == 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_command_runs_a_folder_with_jobs(tmp_path: Path, jobs: str) -> None:
    count = MIN_FILES_PER_POOL + 5
    corpus(tmp_path, count)
    run = run_cllint(["check", "-j", jobs, "-q", "--select", "CL402", str(tmp_path)])
    assert run.code == 1, run.err
    assert run.out.count("CL402") == sum(1 for i in range(count) if i % 7 == 3)  # see corpus()
    assert f"{count} files checked" in run.out
