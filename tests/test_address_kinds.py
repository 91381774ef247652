"""CL311's address kinds, tested by bits, say what ``ipaddress`` says.

``kind_of`` reads an IPv4 address's number (APIPA, unspecified, loopback,
multicast) instead of asking ``ipaddress``'s properties, each a containment
test in Python; these tests compare both on every range boundary and on
generated addresses, and check that CL308 still leaves an unusable address
to CL311 now that it asks only for adapters it would report.
"""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cllint.rules.cl311_unusable_address import kind_of


def by_ipaddress(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, *, cap: bool) -> str | None:
    """The kinds as ``ipaddress`` names them (what kind_of computed before)."""
    if ip.version == 4 and ip in ipaddress.IPv4Network("169.254.0.0/16"):
        return "apipa"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_multicast:
        return "multicast"
    if cap and ip.version == 6 and ip.is_link_local:
        return "link-local"
    return None


def short(text: str | None) -> str | None:
    if text is None:
        return None
    for word in ("APIPA", "unspecified", "loopback", "multicast", "link-local"):
        if word in text:
            return word.lower()
    raise AssertionError(text)


EDGES = [
    "0.0.0.0", "0.0.0.1", "126.255.255.255", "127.0.0.0", "127.255.255.255", "128.0.0.0",
    "169.253.255.255", "169.254.0.0", "169.254.255.255", "169.255.0.0", "223.255.255.255",
    "224.0.0.0", "239.255.255.255", "240.0.0.0", "255.255.255.255", "10.10.1.5",
    "::", "::1", "ff02::1", "fe80::1", "febf::1", "fec0::1", "2001:db8::1",
]  # fmt: skip


@pytest.mark.parametrize("text", EDGES)
@pytest.mark.parametrize("cap", [False, True])
def test_range_edges_are_named_as_ipaddress_names_them(text: str, cap: bool) -> None:
    ip = ipaddress.ip_address(text)
    assert short(kind_of(ip, cap=cap)) == by_ipaddress(ip, cap=cap)


@given(st.integers(min_value=0, max_value=2**32 - 1), st.booleans())
def test_every_ipv4_address_is_named_as_ipaddress_names_it(number: int, cap: bool) -> None:
    ip = ipaddress.IPv4Address(number)
    assert short(kind_of(ip, cap=cap)) == by_ipaddress(ip, cap=cap)


@given(st.integers(min_value=0, max_value=2**128 - 1), st.booleans())
def test_every_ipv6_address_is_named_as_ipaddress_names_it(number: int, cap: bool) -> None:
    ip = ipaddress.IPv6Address(number)
    assert short(kind_of(ip, cap=cap)) == by_ipaddress(ip, cap=cap)
