"""IP addresses, interfaces and subnets, parsed once per inventory document.

The schema's format checks (``cllint-ip`` ...) and the model both need every
address of a document parsed; ``ipaddress`` is slow enough that parsing each
twice showed in the profile of a large run. These functions behave like their
``ipaddress`` namesakes (same results, ``ValueError`` for bad text) and
remember what they parsed until :func:`forget`, which schema validation calls
at the start of each document (so the cache stays small and no document's
work is saved by another's).

An IPv4 address written the usual way (``10.10.1.5``, ``10.10.0.0/16``: four
decimal octets without leading zeros, a decimal prefix length) is read here
with string methods and handed to ``ipaddress`` as numbers, which builds the
same object three times faster than from the text: an interface parses its
text twice (as an address and as a network) and each octet in a loop of
checks. Every other text goes to ``ipaddress`` as it is, so what is accepted,
what it becomes and every error message stay ``ipaddress``'s own
(``tests/test_addresses.py`` compares the two).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPInterface = ipaddress.IPv4Interface | ipaddress.IPv6Interface
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

#: Most texts remembered at once: far more than a real inventory holds (a cluster of
#: 4,000 nodes has some 8,000 addresses; at 4,096 that document parsed every address
#: twice), and a bound for a hostile document, which may hold any number.
MAX_REMEMBERED = 1 << 16

_parsed: dict[tuple[str, str], object] = {}


def forget() -> None:
    """Start a new document: drop what was parsed for the last one."""
    _parsed.clear()


def _remember(kind: str, text: str, value: object) -> None:
    if len(_parsed) >= MAX_REMEMBERED:
        _parsed.clear()
    _parsed[(kind, text)] = value


def _cached(kind: str, text: str, parse: Callable[[str], object]) -> Any:
    """``parse(text)``, or the same ``ValueError`` again, parsed once per document."""
    found = _parsed.get((kind, text))
    if found is None:
        try:
            found = parse(text)
        except ValueError as exc:
            found = exc
        _remember(kind, text, found)
    if isinstance(found, ValueError):
        raise found.with_traceback(None)  # the same error again, not a growing traceback
    return found


_OCTETS = {str(n): n for n in range(256)}
_PREFIXES = {str(n): n for n in range(33)}


def dotted_quad(text: str) -> int:
    """The number of ``a.b.c.d`` written the usual way, or -1 for any other text."""
    parts = text.split(".")
    if len(parts) != 4:
        return -1
    a, b, c, d = (_OCTETS.get(part, -1) for part in parts)
    if a < 0 or b < 0 or c < 0 or d < 0:
        return -1
    return a << 24 | b << 16 | c << 8 | d


def quad_and_prefix(text: str) -> tuple[int, int] | None:
    """``(address, prefix length)`` of ``a.b.c.d`` or ``a.b.c.d/n`` written the usual way."""
    address, slash, prefix = text.partition("/")
    length = _PREFIXES.get(prefix, -1) if slash else 32
    number = dotted_quad(address) if length >= 0 else -1
    return (number, length) if number >= 0 else None


def _parse_address(text: str) -> IPAddress:
    number = dotted_quad(text)
    return ipaddress.IPv4Address(number) if number >= 0 else ipaddress.ip_address(text)


def _parse_interface(text: str) -> IPInterface:
    parts = quad_and_prefix(text)
    return ipaddress.IPv4Interface(parts) if parts else ipaddress.ip_interface(text)


def _parse_network(text: str) -> IPNetwork:
    parts = quad_and_prefix(text)
    if parts:
        return ipaddress.IPv4Network(parts, strict=True)
    return ipaddress.ip_network(text, strict=True)


def ip_address(text: str) -> IPAddress:
    """``ipaddress.ip_address(text)``."""
    address: IPAddress = _cached("address", text, _parse_address)
    return address


def ip_interface(text: str) -> IPInterface:
    """``ipaddress.ip_interface(text)``."""
    interface: IPInterface = _cached("interface", text, _parse_interface)
    return interface


def ip_network(text: str) -> IPNetwork:
    """``ipaddress.ip_network(text, strict=True)``."""
    network: IPNetwork = _cached("network", text, _parse_network)
    return network
