"""The address parsers behave exactly like ``ipaddress``, their shortcut included.

``cllint.inventory.addresses`` reads the usual IPv4 spelling itself and hands
``ipaddress`` numbers; every other text goes to ``ipaddress`` unchanged. These
tests compare both ways on the texts where a shortcut could go wrong (leading
zeros, prefix lengths out of range or zero-padded, netmask and host-mask
prefixes, host bits, IPv6, non-ASCII digits, spaces) and on generated ones:
same type, same value, same text, same error message.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cllint.inventory import addresses

TRICKY = [
    "10.10.1.5",
    "0.0.0.0",
    "255.255.255.255",
    "256.1.1.1",
    "01.2.3.4",
    "1.2.3.04",
    "1.2.3",
    "1.2.3.4.5",
    "1..3.4",
    " 1.2.3.4",
    "1.2.3.4 ",
    "+1.2.3.4",
    "1.2.3.\u0664",
    "10.10.0.0/16",
    "10.10.1.5/16",
    "10.10.1.5/0",
    "10.10.1.5/32",
    "10.10.1.5/33",
    "10.10.1.5/024",
    "10.10.1.5/",
    "10.10.1.5//24",
    "10.10.1.5/24/1",
    "10.10.1.5/255.255.0.0",
    "10.10.1.5/0.0.255.255",
    "10.10.1.5/-1",
    "fd00::1",
    "fd00::1/64",
    "fd00::/64",
    "::ffff:10.1.2.3",
    "",
    "/24",
]

REFERENCE: dict[str, Callable[[str], Any]] = {
    "ip_address": ipaddress.ip_address,
    "ip_interface": ipaddress.ip_interface,
    "ip_network": lambda text: ipaddress.ip_network(text, strict=True),
}


def outcome(parse: Callable[[str], Any], text: str) -> tuple[str, str, str]:
    try:
        value = parse(text)
    except ValueError as exc:
        return ("error", type(exc).__name__, str(exc))
    extra = ""
    if isinstance(value, ipaddress.IPv4Interface | ipaddress.IPv6Interface):
        extra = f"{value.ip!r} {value.network!r} {value.with_prefixlen} {value.netmask}"
    elif isinstance(value, ipaddress.IPv4Network | ipaddress.IPv6Network):
        extra = f"{value.network_address!r} {value.netmask} {value.num_addresses}"
    return (repr(value), str(value), extra)


def same_as_ipaddress(text: str) -> None:
    for name, reference in REFERENCE.items():
        addresses.forget()
        ours = outcome(getattr(addresses, name), text)
        assert ours == outcome(reference, text), (name, text)
        assert outcome(getattr(addresses, name), text) == ours  # the remembered answer


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_parse_as_ipaddress_parses_them(text: str) -> None:
    same_as_ipaddress(text)


def test_the_shortcut_takes_the_usual_spelling_and_nothing_else() -> None:
    assert addresses.dotted_quad("10.10.1.5") == 0x0A0A0105
    assert addresses.quad_and_prefix("10.10.0.0/16") == (0x0A0A0000, 16)
    assert addresses.quad_and_prefix("10.10.1.5") == (0x0A0A0105, 32)
    for text in ("01.2.3.4", "1.2.3.4/024", "1.2.3.4/33", "1.2.3.4/255.255.0.0", "fd00::1"):
        assert addresses.quad_and_prefix(text) is None, text


def test_the_usual_spelling_does_not_reach_ipaddress_text_parsing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The shortcut is taken (else the speed-up is gone while every result stays right)."""

    def refuse(text: str, *args: object) -> None:
        raise AssertionError(f"parsed as text: {text}")

    for name in ("ip_address", "ip_interface", "ip_network"):
        monkeypatch.setattr(ipaddress, name, refuse)
    addresses.forget()
    assert str(addresses.ip_address("10.10.1.5")) == "10.10.1.5"
    assert str(addresses.ip_interface("10.10.1.5/16").network) == "10.10.0.0/16"
    assert str(addresses.ip_network("10.10.0.0/16")) == "10.10.0.0/16"
    with pytest.raises(AssertionError, match="parsed as text"):
        addresses.ip_interface("fd00::1/64")


OCTET = st.one_of(
    st.integers(0, 255).map(str),
    st.sampled_from(["00", "01", "256", "999", "", "a", "-1", "1e2", "\u0661"]),
)
PREFIX = st.one_of(
    st.just(""),
    st.integers(0, 40).map(lambda n: f"/{n}"),
    st.sampled_from(["/", "/08", "/255.255.255.0", "/0.0.0.255", "/x", "//8"]),
)


@given(st.lists(OCTET, min_size=3, max_size=5), PREFIX)
def test_generated_dotted_texts_parse_as_ipaddress_parses_them(
    octets: list[str], prefix: str
) -> None:
    same_as_ipaddress(".".join(octets) + prefix)


@given(st.text(alphabet="0123456789./:abcdef ", max_size=24))
def test_generated_texts_parse_as_ipaddress_parses_them(text: str) -> None:
    same_as_ipaddress(text)
