"""CL102's OS matching, and its ``supported-os`` option through the real command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cllint.citrix.windows_os import describe_supported, is_supported, parse_os
from helpers import clean_inventory, run_cllint

DEFAULT = ["Windows Server 2012 R2", "Windows Server 2016", "Windows Server 2019"]


@pytest.mark.parametrize(
    "caption",
    [
        "Windows Server 2012 R2 Standard",
        "Microsoft Windows Server 2012 R2 Datacenter",
        "windows server 2012 r2",
        "  Microsoft   Windows  Server 2016   Datacenter ",
        "Microsoft® Windows Server® 2019 Standard",
        "WINDOWS SERVER 2019 STANDARD EVALUATION",
    ],
)
def test_supported_spellings(caption: str) -> None:
    assert is_supported(caption, DEFAULT)


@pytest.mark.parametrize(
    "caption",
    [
        "Windows Server 2012 Standard",
        "Microsoft Windows Server 2012 Datacenter",
        "Windows Server 2012",
        "Windows Server 2012 R20 Standard",
        "Windows Server 2008 R2 Enterprise",
        "Windows Server 2022 Standard",
        "Windows 10 Pro",
        "Windows Server 20190 Standard",
        "",
    ],
)
def test_unsupported_spellings(caption: str) -> None:
    assert not is_supported(caption, DEFAULT)


def test_a_plain_2012_entry_does_not_admit_2012_r2() -> None:
    assert not is_supported("Windows Server 2012 R2 Standard", ["Windows Server 2012"])
    assert is_supported("Windows Server 2012 Standard", ["Windows Server 2012"])


def test_an_entry_with_an_edition_admits_only_that_edition() -> None:
    allowed = ["Microsoft Windows Server 2019 Datacenter"]
    assert is_supported("Windows Server 2019 datacenter", allowed)
    assert not is_supported("Windows Server 2019 Standard", allowed)


def test_release_and_edition_split_by_words() -> None:
    assert parse_os("Microsoft Windows Server 2012 R2 Standard") == parse_os(
        "windows server 2012 r2   standard"
    )
    assert parse_os("Windows Server 2012 R2 Standard").release == "windows server 2012 r2"
    assert parse_os("Windows Server 2012 Standard").release == "windows server 2012"


def test_supported_list_is_shortened_for_messages() -> None:
    assert describe_supported(DEFAULT) == "Windows Server 2012 R2, 2016, 2019"
    assert describe_supported(["Windows Server 2022", "Azure Stack HCI"]) == (
        "Windows Server 2022, Azure Stack HCI"
    )
    assert describe_supported([]) == "none configured"


def cl102(tmp_path: Path, config: str | None) -> tuple[int, list[tuple[int, int]]]:
    text = clean_inventory().replace("Windows Server 2019 Standard", "Windows Server 2022 Standard")
    (tmp_path / "inv.yaml").write_text(text, encoding="utf-8")
    if config is not None:
        (tmp_path / ".cllint.yaml").write_text(config, encoding="utf-8")
    run = run_cllint(["check", "--select", "CL102", "--format", "json", "inv.yaml"], cwd=tmp_path)
    found = [(f["line"], f["column"]) for f in json.loads(run.out) if f["rule"] == "CL102"]
    return run.code, found


def test_the_default_list_rejects_windows_server_2022(tmp_path: Path) -> None:
    code, found = cl102(tmp_path, None)
    assert code == 1
    assert found == [(25, 9), (38, 9)]


def test_supported_os_from_the_configuration_file(tmp_path: Path) -> None:
    code, found = cl102(tmp_path, "supported-os: [Windows Server 2019, Windows Server 2022]\n")
    assert (code, found) == (0, [])


def test_a_bad_supported_os_value_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "inv.yaml").write_text(clean_inventory(), encoding="utf-8")
    (tmp_path / ".cllint.yaml").write_text("supported-os: Windows Server 2022\n", "utf-8")
    run = run_cllint(["check", "inv.yaml"], cwd=tmp_path)
    assert run.code == 2
    assert "supported-os" in run.err
