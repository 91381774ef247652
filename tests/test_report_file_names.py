"""The azure, junit and markdown formats and --statistics with a file name that is
not UTF-8 and holds the characters each format escapes: exit 1, no traceback,
the name shown with its undecodable byte as ``\\xe9``."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from helpers import EXAMPLES, clean_inventory, run_cllint

NAME = b"caf\xe9;]%<`|.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES / "licenses", tmp_path / "licenses")
    text = clean_inventory().replace("CitrixLicensing.exe", "setup.msi")
    try:
        (tmp_path / os.fsdecode(NAME)).write_text(text, "utf-8")
    except (OSError, UnicodeEncodeError):  # pragma: no cover - a file system that refuses it
        pytest.skip("this file system refuses non-UTF-8 file names")
    return tmp_path


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["-f", "azure"], "sourcepath=caf\\xe9%3B%5D%AZP25<`|.yaml;"),
        (["-f", "junit"], 'name="caf\\xe9;]%&lt;`|.yaml"'),
        (["-f", "markdown"], "``caf\\xe9;]%<`\\|.yaml:53:14``"),
        (["--statistics"], "1  CL501  error    msi-installer"),
    ],
)
def test_undecodable_names(folder: Path, args: list[str], shown: str) -> None:
    run = run_cllint(["check", *args, "."], folder)
    assert run.code == 1, run.err
    assert run.err == ""
    assert shown in run.out
