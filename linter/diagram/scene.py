"""The picture as data: boxes, groups and links built from the inventory model.

Both renderers (DOT and Mermaid) draw the same scene, so what the picture
shows is decided once, here:

- the failover cluster holds one group per node (its adapters inside), the
  cluster networks (public and private, with their subnets), the licensing
  resource group (client access point, License Server, install order, shared
  disk, license files) and, apart from it, the quorum disk;
- adapters link to their network, the client access point to the public
  network with its address, products to the client access point – or, drawn
  as a finding, to a node or to a name that is neither;
- the activation: the License Activation Service outside the cluster, or the
  license files inside the group with the host name they are bound to.

Each element knows the JSON pointers it stands for; a finding is attached to
the element whose pointer is the longest prefix of the finding's pointer, so
``/nodes/1/nics/0/addressing`` colours that adapter and ``/nodes/1/nics``
(too few adapters) the node. A finding in a license file colours that file.

The scene is bounded whatever the inventory holds: labels are cut to a few
dozen characters, and past a limit the remaining nodes, adapters, networks,
products or files become one "… N more" element that still carries their
findings. Inventory text is kept as it is; each renderer escapes it.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cllint.findings import Finding, Severity
from cllint.model import Inventory, Licensing

ACTIVATIONS = ("las", "las-offline", "files")


@dataclass(frozen=True, slots=True)
class Limits:
    """How much of a large inventory is drawn; the rest is summarised."""

    nodes: int = 24
    nics: int = 6
    networks: int = 8
    storage: int = 4
    products: int = 12
    files: int = 6
    text: int = 40
    """Characters of one inventory value in a label."""
    names: int = 6
    """Node names listed in the install order."""
    rule_ids: int = 5
    """Rule ids in one element's label."""
    legend: int = 40
    """Rules listed in the legend."""


DEFAULT_LIMITS = Limits()
SMALLER_LIMITS = (
    Limits(nodes=12, nics=4, networks=6, storage=3, products=6, files=4, text=24, names=4),
    Limits(nodes=4, nics=2, networks=3, storage=2, products=3, files=2, text=12, names=2),
)
"""Fallbacks for a renderer whose output must stay under a size (Mermaid's text limit)."""

SYMBOL = {Severity.ERROR: "✖", Severity.WARNING: "⚠", Severity.NOTE: "ℹ"}


@dataclass(slots=True, eq=False)
class Box:
    """One drawn element. ``kind`` selects its shape; ``lines`` is its label."""

    id: str
    kind: str
    lines: list[str]
    pointers: tuple[str, ...] = ()
    findings: list[Finding] = field(default_factory=list)

    @property
    def severity(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def badge(self, limit: int = DEFAULT_LIMITS.rule_ids) -> str | None:
        """The rule ids of this element's findings, worst first, for its label."""
        if not self.findings:
            return None
        worst: dict[str, Severity] = {}
        for f in self.findings:
            worst[f.rule_id] = max(worst.get(f.rule_id, f.severity), f.severity)
        ids = sorted(worst, key=lambda i: (-worst[i], i))
        text = ", ".join(ids[:limit])
        if len(ids) > limit:
            text += f" +{len(ids) - limit}"
        return f"{SYMBOL[max(worst.values())]} {text}"


@dataclass(slots=True, eq=False)
class Group(Box):
    """A box that contains others (a subgraph): the cluster, a node, the resource group."""

    items: list[Box] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Link:
    """A line between two elements; ``findings`` colour it (a product pointing wrongly)."""

    source: str
    target: str
    label: str = ""
    dashed: bool = False
    arrow: bool = False
    ranks: bool = True
    """False: the link does not push its ends onto different rows (Graphviz)."""
    findings: list[Finding] = field(default_factory=list)

    @property
    def severity(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)


@dataclass(slots=True)
class Scene:
    """Everything to draw: ``top`` holds the top-level elements (not drawn as a box)."""

    title: str
    top: list[Box]
    links: list[Link]
    limits: Limits

    def elements(self) -> Iterable[Box]:
        """Every box and group, depth first."""
        stack = list(reversed(self.top))
        while stack:
            item = stack.pop()
            yield item
            if isinstance(item, Group):
                stack.extend(reversed(item.items))


@dataclass(frozen=True, slots=True)
class LicenseView:
    """What the picture shows of one listed license file."""

    pointer: str
    written: str
    shown: str
    hosts: tuple[str, ...] = ()
    """Host names the file is bound to (``HOSTNAME=``), SERVER line first."""
    read: bool = True


def activation(lic: Licensing) -> str:
    """``las``, ``las-offline`` or ``files``: ``licensing.activation`` as the model
    holds it (declared, or defaulted as the spec says: ``files`` when license files
    are listed, else ``las``); the same default when the declared value is invalid."""
    value = lic.activation
    if value is not None and value in ACTIVATIONS:
        return value
    return "files" if lic.license_files else "las"


def license_views(
    inventory: Inventory, source: Path, base: Path, reader: object = None
) -> list[LicenseView]:
    """The listed license files and their host names, read by the safe license reader.

    ``reader`` is the run's :class:`~cllint.licenses.reader.LicenseFiles` cache
    when there is one (each file is then read once per run).
    """
    from cllint.files.paths import find_root
    from cllint.licenses.reader import LicenseFiles
    from cllint.rule import Context

    files = reader if isinstance(reader, LicenseFiles) else LicenseFiles()
    ctx = Context(path=source, root=find_root(source), as_of=_dt.date.today(), base=base)
    views = []
    for listed in files.listed(inventory, ctx):
        parsed = listed.license if listed.problem is None else None
        hosts: list[str] = []
        if parsed is not None:
            for binding in parsed.bindings():
                if binding.name not in hosts:
                    hosts.append(binding.name)
                if len(hosts) > 3:
                    break
        views.append(
            LicenseView(
                listed.pointer, listed.written, listed.shown, tuple(hosts), parsed is not None
            )
        )
    return views


def short(value: object, limit: int) -> str:
    """``value`` as text, cut to ``limit`` characters (a hostile name can be megabytes)."""
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: max(limit - 1, 1)] + "…"


_INVISIBLE = re.compile("[\ud800-\udfff\ufffe\uffff]")


def visible(text: str) -> str:
    """``text`` with every character a picture must not carry shown as an escape.

    Control characters, bidi controls and line separators as on a terminal
    (``\\x1b``), and further lone surrogates and the non-characters U+FFFE/U+FFFF,
    which UTF-8 cannot encode or XML (SVG) cannot hold.
    """
    from cllint.files.terminal import escape

    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", escape(text))


def legend(scene: Scene) -> list[tuple[Severity, list[str]]]:
    """Per severity, worst first: one line per rule that fired (id, name, count)."""
    counts: dict[tuple[Severity, str, str], int] = {}
    seen: set[int] = set()
    groups: list[list[Finding]] = [e.findings for e in scene.elements()]
    groups += [link.findings for link in scene.links]
    for found in groups:
        for f in found:
            if id(f) in seen:
                continue
            seen.add(id(f))
            key = (f.severity, f.rule_id, f.name)
            counts[key] = counts.get(key, 0) + 1
    result = []
    limit = scene.limits.legend
    for severity in (Severity.ERROR, Severity.WARNING, Severity.NOTE):
        rows = sorted((rid, name, n) for (sev, rid, name), n in counts.items() if sev == severity)
        if not rows:
            continue
        lines = [f"{rid} {name}" + (f" ×{n}" if n > 1 else "") for rid, name, n in rows[:limit]]
        if len(rows) > limit:
            lines.append(f"… {len(rows) - limit} more rules")
        result.append((severity, lines))
    return result
