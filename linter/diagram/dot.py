"""The scene in Graphviz's DOT language.

Inventory text only ever goes into double-quoted label strings; element ids
are our own (``N0``, ``CAP``), so no name can become DOT syntax. A label
string needs four things to show a name literally, which :func:`quote` does:
control characters made visible, ``&`` written as ``&amp;`` (Graphviz reads
HTML entities even in plain labels: ``&#65;`` would show as ``A``),
backslashes doubled (``\\N`` would show the node's id, ``\\l`` break the
line) and double quotes escaped. No HTML-like labels are used, so ``<...>``
in a name stays text, and no attribute that reads files (``image``,
``fontpath``) is ever written.

The escaper is our own, four replacements tested against the real ``dot``:
the Python ``graphviz`` package's ``quote``/``escape`` keep backslash
sequences on purpose and do not touch ``&``, so it would not do the job.
"""

from __future__ import annotations

from cllint.diagram.scene import Box, Group, Link, Scene, legend, visible
from cllint.findings import Severity

FONT = "DejaVu Sans,Helvetica,Arial,sans-serif"

FILL = {Severity.ERROR: "#fde2e2", Severity.WARNING: "#fff3cd", Severity.NOTE: "#e3f0ff"}
STROKE = {Severity.ERROR: "#c62828", Severity.WARNING: "#b26a00", Severity.NOTE: "#1565c0"}

# kind -> node attributes (without label and colours)
SHAPES: dict[str, str] = {
    "host": 'shape=box, style="filled", fillcolor="#f4f4f5"',
    "nic": 'shape=box, style="rounded,filled", fillcolor="#ffffff"',
    "network-public": 'shape=box, style="filled", fillcolor="#dbeafe", penwidth=1.5',
    "network-private": 'shape=box, style="filled", fillcolor="#dcfce7", penwidth=1.5',
    "network": 'shape=box, style="filled", fillcolor="#eeeeee"',
    "cap": 'shape=box, style="rounded,filled,bold", fillcolor="#fef9c3"',
    "server": 'shape=box, style="rounded,filled", fillcolor="#ede9fe"',
    "order": 'shape=note, style="filled", fillcolor="#ffffff"',
    "disk": 'shape=cylinder, style="filled", fillcolor="#e0f2f1"',
    "quorum": 'shape=cylinder, style="filled", fillcolor="#f4f4f5"',
    "storage": 'shape=cylinder, style="filled", fillcolor="#ffffff"',
    "file": 'shape=note, style="filled", fillcolor="#ffffff"',
    "las": 'shape=box, style="rounded,filled,dashed", fillcolor="#e0f2fe"',
    "product": 'shape=box, style="rounded,filled", fillcolor="#f1f5f9"',
    "unknown": 'shape=box, style="dashed,filled", fillcolor="#ffffff"',
    "missing": 'shape=box, style="dashed,filled", fillcolor="#ffffff"',
    "more": 'shape=box, style="dashed,filled", fillcolor="#ffffff"',
    "legend": 'shape=box, style="filled"',
}
GROUP_STYLE = {
    "cluster": 'style="rounded", color="#52525b", penwidth=1.5',
    "node": 'style="rounded,filled", fillcolor="#fafafa", color="#71717a"',
    "group": 'style="rounded,filled", fillcolor="#fffbeb", color="#a16207"',
    "activation": 'style="rounded,filled", fillcolor="#ffffff", color="#a1a1aa"',
    "legend": 'style="rounded", color="#a1a1aa"',
}


def quote(text: str) -> str:
    """``text`` as a DOT double-quoted string that Graphviz shows literally."""
    return f'"{_escaped(text)}"'


def _escaped(text: str) -> str:
    return visible(text).replace("&", "&amp;").replace("\\", "\\\\").replace('"', '\\"')


def label(lines: list[str], *, left: bool = False) -> str:
    """Several lines as one label (``\\n`` centres them, ``\\l`` left-justifies)."""
    if left:
        return '"' + "".join(_escaped(ln) + "\\l" for ln in lines) + '"'
    return '"' + "\\n".join(_escaped(ln) for ln in lines) + '"'


def _lines(item: Box) -> list[str]:
    badge = item.badge()
    return [*item.lines, badge] if badge else list(item.lines)


def _colours(severity: Severity | None) -> str:
    if severity is None:
        return ""
    return f', fillcolor="{FILL[severity]}", color="{STROKE[severity]}", penwidth=2.5'


def _anchor(item: Box) -> str:
    """A plain node inside ``item`` for links to a group (Graphviz links nodes only)."""
    while isinstance(item, Group) and item.items:
        item = item.items[0]
    return item.id


def render(scene: Scene) -> str:
    out = [
        "digraph cllint {",
        f'  graph [compound=true, rankdir=TB, fontname="{FONT}", fontsize=12, '
        "nodesep=0.3, ranksep=0.45, newrank=true];",
        f'  node [fontname="{FONT}", fontsize=10, color="#52525b", margin="0.12,0.06"];',
        f'  edge [fontname="{FONT}", fontsize=9, color="#52525b", arrowhead=none];',
    ]
    groups: dict[str, Group] = {}
    for item in scene.top:
        _item(item, out, "  ", groups)
    _legend(scene, out)
    for link in scene.links:
        out.append("  " + _link(link, groups))
    out.append("}")
    return "\n".join(out) + "\n"


def _item(item: Box, out: list[str], indent: str, groups: dict[str, Group]) -> None:
    if isinstance(item, Group):
        groups[item.id] = item
        style = GROUP_STYLE.get(item.kind, GROUP_STYLE["node"])
        severity = item.severity
        if severity is not None:
            # The whole cluster gets a coloured frame only: a fill would tint everything.
            fill = "#ffffff" if item.kind == "cluster" else FILL[severity]
            style = (
                f'style="rounded,filled", fillcolor="{fill}", '
                f'color="{STROKE[severity]}", penwidth=2.5'
            )
        out.append(f"{indent}subgraph cluster_{item.id} {{")
        out.append(f"{indent}  graph [label={label(_lines(item))}, {style}];")
        for child in item.items:
            _item(child, out, indent + "  ", groups)
        if item.kind == "node":  # the node's own box above its adapters
            for child in item.items[1:]:
                out.append(f"{indent}  {item.items[0].id} -> {child.id} [style=invis];")
        out.append(f"{indent}}}")
        return
    attrs = SHAPES.get(item.kind, SHAPES["nic"])
    out.append(
        f"{indent}{item.id} [label={label(_lines(item))}, {attrs}{_colours(item.severity)}];"
    )


def _legend(scene: Scene, out: list[str]) -> None:
    rows = legend(scene)
    if not rows:
        return
    out.append("  subgraph cluster_LEGEND {")
    out.append('    graph [label="Findings (cllint check)", style="rounded", color="#a1a1aa"];')
    for severity, lines in rows:
        title = f"{severity.label}s"
        out.append(
            f"    LEG{severity.label[0].upper()} [label={label([title, *lines], left=True)}, "
            f'shape=box, style="filled", fillcolor="{FILL[severity]}", '
            f'color="{STROKE[severity]}"];'
        )
    out.append("  }")


def _link(link: Link, groups: dict[str, Group]) -> str:
    attrs = []
    source, target = link.source, link.target
    if source in groups:
        attrs.append(f"ltail=cluster_{source}")
        source = _anchor(groups[source])
    if target in groups:
        attrs.append(f"lhead=cluster_{target}")
        target = _anchor(groups[target])
    if link.label:
        attrs.append(f"label={quote(link.label)}")
    if link.dashed:
        attrs.append("style=dashed")
    if link.arrow:
        attrs.append("arrowhead=normal")
    if not link.ranks:
        attrs.append("constraint=false")
    severity = link.severity
    if severity is not None:
        attrs.append(f'color="{STROKE[severity]}", fontcolor="{STROKE[severity]}", penwidth=2.5')
    suffix = f" [{', '.join(attrs)}]" if attrs else ""
    return f"{source} -> {target}{suffix};"
