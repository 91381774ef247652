"""The scene as a Mermaid flowchart, which GitHub, GitLab and Azure DevOps render in place.

Mermaid has no escape character; it has entity codes (``#35;`` is ``#``),
which it turns into HTML character references. :func:`text` writes every
character of inventory text that is not a letter, a digit, a space, one of
``.,_-/`` or one of the picture's own symbols as such a code, so no name can
close a label (``"``, ``]``), start a link (``-->``), a directive (``%%{``), a
markdown string (a backtick, which also keeps the block's code fence closed),
a statement (``;``) or an entity of its own (``&``, ``#``), or meet Mermaid's
pre-processing of ``style ...:#...;``. No Python library escapes for Mermaid,
so this is our own, tested against the real mermaid library in a browser.
One thing it cannot stop: Mermaid breaks the line at a literal backslash-n in
a name even when both characters are entity codes (no text is lost).

Mermaid refuses a diagram larger than 50,000 characters (``maxTextSize``) or
with more than 500 links; :func:`bounded` redraws with smaller limits until
the text fits :data:`MAX_TEXT`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from cllint.diagram.scene import SMALLER_LIMITS, Box, Group, Limits, Scene, legend, visible
from cllint.findings import Severity

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from cllint.findings import Finding
    from cllint.model import Inventory

MAX_TEXT = 40_000
"""Characters; below Mermaid's default ``maxTextSize`` of 50,000."""

_SAFE = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,_-/"
    "·→…✖⚠ℹ×"  # the picture's own symbols: no meaning to Mermaid
)

# kind -> (opening, closing) of the node shape
SHAPES: dict[str, tuple[str, str]] = {
    "network-public": ("{{", "}}"),
    "network-private": ("{{", "}}"),
    "network": ("{{", "}}"),
    "cap": ("([", "])"),
    "disk": ("[(", ")]"),
    "quorum": ("[(", ")]"),
    "storage": ("[(", ")]"),
    "las": ("[[", "]]"),
    "server": ("(", ")"),
    "nic": ("(", ")"),
}
CLASSES = {
    "error": "fill:#fde2e2,stroke:#c62828,stroke-width:3px,color:#000",
    "warning": "fill:#fff3cd,stroke:#b26a00,stroke-width:3px,color:#000",
    "note": "fill:#e3f0ff,stroke:#1565c0,stroke-width:3px,color:#000",
    "errorframe": "fill:#ffffff,stroke:#c62828,stroke-width:3px",
    "warningframe": "fill:#ffffff,stroke:#b26a00,stroke-width:3px",
    "noteframe": "fill:#ffffff,stroke:#1565c0,stroke-width:3px",
    "public": "fill:#dbeafe,stroke:#1e40af",
    "private": "fill:#dcfce7,stroke:#166534",
    "cap": "fill:#fef9c3,stroke:#a16207,stroke-width:2px",
    "server": "fill:#ede9fe,stroke:#5b21b6",
    "disk": "fill:#e0f2f1,stroke:#115e59",
    "dashed": "fill:#ffffff,stroke:#71717a,stroke-dasharray:4 3",
    "group": "fill:#fffbeb,stroke:#a16207",
}
KIND_CLASS = {
    "network-public": "public",
    "network-private": "private",
    "cap": "cap",
    "server": "server",
    "disk": "disk",
    "group": "group",
    "missing": "dashed",
    "unknown": "dashed",
    "more": "dashed",
    "las": "dashed",
}
LINK_STROKE = {Severity.ERROR: "#c62828", Severity.WARNING: "#b26a00", Severity.NOTE: "#1565c0"}


def text(value: str) -> str:
    """``value`` as Mermaid label text that shows it literally."""
    return "".join(
        ch if ch in _SAFE or (ord(ch) > 127 and ch.isalnum()) else f"#{ord(ch)};"
        for ch in visible(value)
    )


def label(lines: list[str]) -> str:
    return '"' + "<br/>".join(text(ln) for ln in lines) + '"'


def _lines(item: Box) -> list[str]:
    badge = item.badge()
    return [*item.lines, badge] if badge else list(item.lines)


def render(scene: Scene) -> str:
    out: list[str] = []
    classes: list[tuple[str, str]] = []
    for item in scene.top:
        _item(item, out, "  ", classes)
    rows = legend(scene)
    if rows:
        out.append(f"  subgraph LEGEND [{label(['Findings (cllint check)'])}]")
        for severity, lines in rows:
            box = f"LEG{severity.label[0].upper()}"
            out.append(f"    {box}[{label([f'{severity.label}s', *lines])}]")
            classes.append((box, severity.label))
        out.append("  end")
    styles = []
    for i, link in enumerate(scene.links):
        body = link.source
        if link.dashed:
            body += " -.->" if link.arrow else " -.-"
        else:
            body += " -->" if link.arrow else " ---"
        if link.label:
            body += f"|{label([link.label])}|"
        out.append(f"  {body} {link.target}")
        if link.severity is not None:
            colour = LINK_STROKE[link.severity]
            styles.append(f"  linkStyle {i} stroke:{colour},stroke-width:3px,color:{colour}")
    # Invisible links put a node's adapters under its own box (after the real links,
    # so the linkStyle numbers above stay theirs).
    for item in scene.elements():
        if isinstance(item, Group) and item.kind == "node":
            out += [f"  {item.items[0].id} ~~~ {child.id}" for child in item.items[1:]]
    out += styles
    out += [f"  class {ident} {name}" for ident, name in classes]
    used = {name for _ident, name in classes}
    head = ["flowchart TB"]
    head += [f"  classDef {name} {style}" for name, style in CLASSES.items() if name in used]
    return "\n".join(head + out) + "\n"


def _item(item: Box, out: list[str], indent: str, classes: list[tuple[str, str]]) -> None:
    severity = item.severity
    style = KIND_CLASS.get(item.kind)
    if severity is not None:
        # the whole cluster gets a coloured frame only: a fill would tint everything
        style = severity.label + ("frame" if item.kind == "cluster" else "")
    if style:
        classes.append((item.id, style))
    if isinstance(item, Group):
        # A subgraph's title has room for one line only.
        out.append(f"{indent}subgraph {item.id} [{label([' · '.join(_lines(item))])}]")
        for child in item.items:
            _item(child, out, indent + "  ", classes)
        out.append(f"{indent}end")
        return
    opening, closing = SHAPES.get(item.kind, ("[", "]"))
    out.append(f"{indent}{item.id}{opening}{label(_lines(item))}{closing}")


def bounded(draw: Callable[[Limits | None], Scene]) -> str:
    """Mermaid text for the first scene ``draw(limits)`` makes that fits :data:`MAX_TEXT`."""
    result = render(draw(None))
    for limits in SMALLER_LIMITS:
        if len(result) <= MAX_TEXT:
            break
        result = render(draw(limits))
    return result


def mermaid_block(
    inventory: Inventory,
    findings: Iterable[Finding] = (),
    *,
    source: Path | None = None,
    base: Path | None = None,
) -> str:
    """The diagram of ``inventory`` as a fenced ```` ```mermaid ```` markdown block.

    ``findings`` are drawn on their elements (those of other documents, and
    suppressed ones, are left out by the caller). ``source`` is the inventory
    file's path: with it, the license files it lists are read (safely, inside
    its repository) to show the host name they are bound to; ``base`` is the
    folder their paths are shown relative to (default: the working folder).
    GitHub, GitLab and Azure DevOps render such a block in place.
    """
    from cllint.diagram.builder import build
    from cllint.diagram.scene import license_views

    views = license_views(inventory, source, base or Path.cwd()) if source else None
    scene = build(inventory, findings, views)
    return f"```mermaid\n{render(scene)}```\n"
