"""CL108 hardware-differs."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from cllint.findings import Finding, Severity, excerpt, q
from cllint.model import Inventory, Node
from cllint.rule import Context, Rule

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any

MAX_KEYS_SHOWN = 5


_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\Z"


def comparable(value: Any) -> object:
    """Values that read the same compare equal: ``HPE``/``hpe``, ``32``/``32.0``/``'32'``.

    A YAML author writes ``cpus: '8'`` on one node and ``cpus: 8`` on the other:
    the same hardware. Booleans stay apart from numbers (``true`` is not ``1``).
    """
    if value is None:
        return ("null",)
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int | float):
        return ("number", float(value))
    if isinstance(value, str):
        text = " ".join(value.split()).casefold()
        first = text[:1]  # the pattern is compiled for a text that may be a number
        if (first.isdigit() or first in ("+", "-", ".")) and re.match(_NUMBER, text):
            return ("number", float(text))
        return ("text", text)
    return ("other", repr(value))


def described(hardware: Mapping[str, Any]) -> dict[str, Any]:
    """The hardware keys that describe hardware (``x-`` keys are the user's metadata)."""
    return {k: v for k, v in hardware.items() if not str(k).startswith("x-")}


def differing_keys(first: Mapping[str, Any], other: Mapping[str, Any]) -> list[str]:
    keys = list(first) + [k for k in other if k not in first]
    return [
        k
        for k in keys
        if k not in first or k not in other or comparable(first[k]) != comparable(other[k])
    ]


def show(hardware: Mapping[str, Any], key: str) -> str:
    """A value as the difference shows: text quoted, numbers and booleans bare.

    Text with characters that do not show (a tab, a no-break space) is written
    with escapes, so that two values that differ never print the same.
    """
    if key not in hardware:
        return "not declared"
    value = hardware[key]
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return excerpt(value)
    text = str(value)
    if not text.isprintable() or any(c.isspace() and c != " " for c in text):
        return excerpt(ascii(text))
    return q(text)


class HardwareDiffers(Rule):
    """Nodes should have identical hardware.

    What:
        Fires at a node's ``hardware`` when it differs from the ``hardware`` of
        the first node that declares one, naming the differing keys. Only nodes
        that both declare ``hardware`` are compared; text compares ignoring
        case and spacing, numbers by value (``cpus: '8'`` and ``cpus: 8``
        read the same and are equal); ``x-`` keys are ignored. The message
        shows text quoted and numbers bare, with escapes for characters that
        do not show, so the difference is visible.

    Why:
        "We recommend that you use identical License Server hardware for each
        node in the cluster." After a failover the passive node must carry the
        same load.

    How to fix:
        Use the same server model and configuration for every node, or correct
        the inventory if it is out of date.

    Failing example:
        nodes:
          - {name: CTXLIC-N1, hardware: {model: DL360 Gen10, memory_gb: 32}}
          - {name: CTXLIC-N2, hardware: {model: DL360 Gen10, memory_gb: 16}}

    Passing example:
        nodes:
          - {name: CTXLIC-N1, hardware: {model: DL360 Gen10, memory_gb: 32}}
          - {name: CTXLIC-N2, hardware: {model: DL360 Gen10, memory_gb: 32}}
    """

    id = "CL108"
    name = "hardware-differs"
    severity = Severity.WARNING
    summary = "two nodes both declare hardware and the mappings differ (names the differing keys)"
    tags = ("cluster",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        first: tuple[Node, dict[str, Any]] | None = None
        for node in inventory.nodes:
            if not node.has("hardware") or node.hardware is None:
                continue
            hardware = described(node.hardware)
            if first is None:
                first = (node, hardware)
                continue
            ref_node, ref = first
            keys = differing_keys(ref, hardware)
            if not keys:
                continue
            details = ", ".join(
                f"{excerpt(k)} ({show(hardware, k)} vs {show(ref, k)})"
                for k in keys[:MAX_KEYS_SHOWN]
            )
            more = f" and {len(keys) - MAX_KEYS_SHOWN} more" if len(keys) > MAX_KEYS_SHOWN else ""
            yield self.at(
                node.ptr("hardware"),
                f"hardware of node {q(node.name)} differs from node {q(ref_node.name)} in "
                f"{details}{more}; identical hardware on each node is recommended",
            )
