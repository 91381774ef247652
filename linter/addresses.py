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


def ip_address(text: str) -> IPAddress:
    """``ipaddress.ip_address(text)``."""
    found = _parsed.get(("address", text))
    if found is None:
        try:
            found = ipaddress.ip_address(text)
        except ValueError as exc:
            found = exc
        _remember("address", text, found)
    if isinstance(found, ValueError):
        raise found.with_traceback(None)  # the same error again, not a growing traceback
    return found  # type: ignore[return-value]


def ip_interface(text: str) -> IPInterface:
    """``ipaddress.ip_interface(text)``."""
    found = _parsed.get(("interface", text))
    if found is None:
        try:
            found = ipaddress.ip_interface(text)
        except ValueError as exc:
            found = exc
        _remember("interface", text, found)
    if isinstance(found, ValueError):
        raise found.with_traceback(None)  # the same error again, not a growing traceback
    return found  # type: ignore[return-value]


def ip_network(text: str) -> IPNetwork:
    """``ipaddress.ip_network(text, strict=True)``."""
    found = _parsed.get(("network", text))
    if found is None:
        try:
            found = ipaddress.ip_network(text, strict=True)
        except ValueError as exc:
            found = exc
        _remember("network", text, found)
    if isinstance(found, ValueError):
        raise found.with_traceback(None)  # the same error again, not a growing traceback
    return found  # type: ignore[return-value]
