"""The one version type every version rule uses, and Citrix product releases."""

from __future__ import annotations

import pytest

from cllint.citrix.activation import cvad_las_capable
from cllint.citrix.versions import parse_product_version, parse_version

ORDERED = [
    "11.9",
    "11.12.0.9",
    "11.12.1",
    "11.16.6",
    "11.17.2",
    "11.17.2.0 build 40000",
    "11.17.2.0 build 45000",
    "11.17.2 build 51000",
    "11.17.2.0 Build 53100",
    "11.18",
]


@pytest.mark.parametrize("i", range(len(ORDERED) - 1))
def test_versions_order_by_numbers_then_build(i: int) -> None:
    older, newer = parse_version(ORDERED[i]), parse_version(ORDERED[i + 1])
    assert older is not None and newer is not None
    assert older < newer and newer > older and older <= newer and not newer <= older


@pytest.mark.parametrize(
    ("one", "two"),
    [
        ("11.17.2", "11.17.2.0"),
        ("11.17.2.0 build 51000", "11.17.2 build 51000"),
        ("11.17.2 (current)", "11.17.2"),
    ],
)
def test_equal_versions(one: str, two: str) -> None:
    assert parse_version(one) == parse_version(two)


@pytest.mark.parametrize(
    "text",
    ["eleven", "", "build 51000", "1" * 5000, "11." + "9" * 5000, "11.17.2 build " + "9" * 99],
)
def test_not_versions(text: str) -> None:
    assert parse_version(text) is None


@pytest.mark.parametrize(
    ("text", "release", "ltsr", "cu", "capable"),
    [
        ("2411", (2411,), False, 0, True),
        ("2507", (2507,), False, 0, True),
        ("2311", (2311,), False, 0, False),
        ("2203 CU6", (2203,), True, 6, False),
        ("2203 CU7", (2203,), True, 7, True),
        ("2203 LTSR CU7", (2203,), True, 7, True),
        ("2203 ltsr cu8", (2203,), True, 8, True),
        ("2402 CU2", (2402,), True, 2, False),
        ("2402 CU3", (2402,), True, 3, True),
        ("2402 LTSR CU3", (2402,), True, 3, True),
        ("2402 LTSR", (2402,), True, 0, False),
        ("7.15 LTSR CU9", (7, 15), True, 9, False),
        ("1912 LTSR CU10", (1912,), True, 10, False),
    ],
)
def test_product_versions(
    text: str, release: tuple[int, ...], ltsr: bool, cu: int, capable: bool
) -> None:
    version = parse_product_version(text)
    assert version is not None
    assert (version.release, version.ltsr, version.cumulative_update) == (release, ltsr, cu)
    assert cvad_las_capable(version) is capable


@pytest.mark.parametrize("text", ["CU7", "2203 CU", "twenty", "2203-CU7x", "2" * 5000])
def test_not_product_versions(text: str) -> None:
    assert parse_product_version(text) is None
