"""``--nameserver IP[:PORT]`` values: an IPv4 or IPv6 address and an optional port.

IPv6 with a port takes brackets (``[::1]:5353``); a bare IPv6 address is
taken whole (``::1:53`` is an address, not ``::1`` port 53). Names are not
accepted: a DNS server given by name would need DNS to be found.
"""

from __future__ import annotations

import ipaddress

from cllint.records import record

DNS_PORT = 53


class NameserverError(ValueError):
    """A value that is not ``IP[:PORT]``."""


@record(frozen=True, slots=True)
class Nameserver:
    address: str
    port: int = DNS_PORT

    def __str__(self) -> str:
        host = f"[{self.address}]" if ":" in self.address else self.address
        return f"{host}:{self.port}"


def _port(text: str, value: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise NameserverError(f"bad port in {value!r} (use 1-65535)")
    return int(text)


def _address(text: str, value: str, version: int | None = None) -> str:
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        raise NameserverError(
            f"{value!r} is not an IP address (use IP, IP:PORT, or [IPv6]:PORT)"
        ) from None
    if version is not None and address.version != version:
        raise NameserverError(f"{value!r}: only an IPv6 address goes in brackets")
    return str(address)


def parse_nameserver(value: str) -> Nameserver:
    """Parse ``IP``, ``IPv4:PORT``, ``IPv6`` or ``[IPv6]:PORT`` (port default 53)."""
    text = value.strip()
    if text.startswith("["):
        end = text.find("]")
        if end < 0:
            raise NameserverError(f"{value!r}: missing ']' after the IPv6 address")
        address = _address(text[1:end], value, version=6)
        rest = text[end + 1 :]
        if not rest:
            return Nameserver(address)
        if not rest.startswith(":"):
            raise NameserverError(f"{value!r}: expected ':PORT' after ']'")
        return Nameserver(address, _port(rest[1:], value))
    if text.count(":") == 1:
        host, port = text.split(":")
        return Nameserver(_address(host, value, version=4), _port(port, value))
    return Nameserver(_address(text, value))


def parse_nameservers(values: tuple[str, ...] | list[str]) -> tuple[Nameserver, ...]:
    return tuple(parse_nameserver(v) for v in values)
