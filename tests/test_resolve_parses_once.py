"""``--resolve`` reads and parses each file once: the DNS phase hands its work to the lint."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import cllint.inventory.loader
import cllint.lint.engine
from cllint.commands.check import run
from cllint.settings.options import CheckOptions
from helpers import clean_inventory


@pytest.fixture
def silent_nameserver() -> Iterator[str]:
    """A UDP port on 127.0.0.1 that never answers: every question is unavailable (CL905)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    try:
        yield f"127.0.0.1:{sock.getsockname()[1]}"
    finally:
        sock.close()


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the real loader's calls wherever it is reached from."""
    calls: list[int] = []
    real = cllint.inventory.loader.load_bytes

    def load_bytes(data: bytes, *args: Any, **kwargs: Any) -> cllint.inventory.loader.LoadedFile:
        calls.append(len(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(cllint.inventory.loader, "load_bytes", load_bytes)
    monkeypatch.setattr(cllint.lint.engine, "load_bytes", load_bytes)
    return calls


def _run(folder: Path, nameserver: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    opts = CheckOptions(
        paths=(str(folder),),
        resolve=True,
        nameservers=(nameserver,),
        dns_timeout=0.05,
        color="never",
    )
    code = run(opts, {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"})
    return code, capsys.readouterr().out


def test_each_file_is_parsed_once_with_resolve(
    tmp_path: Path,
    silent_nameserver: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    for n in range(60):  # more than a pool's threshold
        (tmp_path / f"site{n:02}.yaml").write_text(clean_inventory(), encoding="utf-8")
    calls = _counting(monkeypatch)
    code, out = _run(tmp_path, silent_nameserver, capsys)
    assert len(calls) == 60, "each file parsed exactly once"
    assert code == run(
        CheckOptions(paths=(str(tmp_path),), color="never"), {}
    )  # as without --resolve
    offline = capsys.readouterr().out
    assert "CL905" not in offline
    assert out.count("CL905") >= 60  # the online rules ran on what was parsed first
    assert "60 files checked" in out and "60 files checked" in offline


def test_the_lint_sees_what_the_dns_phase_parsed(
    tmp_path: Path,
    silent_nameserver: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The findings with --resolve are the offline findings plus CL905, line for line."""
    monkeypatch.chdir(tmp_path)
    text = clean_inventory().replace("CitrixLicensing.exe", "CitrixLicensing.msi")
    (tmp_path / "a.yaml").write_text(text + "---\n" + clean_inventory(), encoding="utf-8")
    code, online = _run(tmp_path, silent_nameserver, capsys)
    offline_code = run(CheckOptions(paths=(str(tmp_path),), color="never"), {})
    offline = capsys.readouterr().out
    assert code == offline_code == 1
    kept = [line for line in online.splitlines() if "CL905" not in line and ": CL" in line]
    assert kept == [line for line in offline.splitlines() if ": CL" in line]
    assert any("CL501" in line for line in kept)
