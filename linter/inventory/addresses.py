"""IP addresses, interfaces and subnets, parsed once per inventory document.

The schema's format checks (``cllint-ip`` ...) and the model both need every
address of a document parsed; ``ipaddress`` is slow enough that parsing each
twice showed in the profile of a large run. These functions behave like their
``ipaddress`` namesakes (same results, ``ValueError`` for bad text) and
remember what they parsed until :func:`forget`, which schema validation calls
at the start of each document (so the cache stays small and no document's
work is saved by another's).
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

#: Most texts remembered at once (a hostile document can hold any number).
MAX_REMEMBERED = 4096

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


def ip_address(text: str) -> IPAddress:
    """``ipaddress.ip_address(text)``."""
    address: IPAddress = _cached("address", text, ipaddress.ip_address)
    return address


def ip_interface(text: str) -> IPInterface:
    """``ipaddress.ip_interface(text)``."""
    interface: IPInterface = _cached("interface", text, ipaddress.ip_interface)
    return interface


def ip_network(text: str) -> IPNetwork:
    """``ipaddress.ip_network(text, strict=True)``."""
    network: IPNetwork = _cached("network", text, lambda t: ipaddress.ip_network(t, strict=True))
    return network
