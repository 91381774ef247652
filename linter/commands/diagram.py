"""The ``diagram`` command's flow: check the inventory, draw it, write the picture.

The picture shows the findings, so the normal check runs first (the same
settings as ``check``: config file, ``--select``/``--ignore``, ``--as-of``);
unlike ``runbook``, errors do not stop it – they are what a reviewer wants to
see, drawn on the element they concern. The exit status is 0 whenever a
picture was written.

An inventory that does not load at all (a YAML syntax error, a file over a
limit: CL001) has nothing to draw: one line names the finding and the exit
status is 1. One that loads but breaks the schema (CL002) is drawn with
what is known – the model leaves invalid values out – and the CL002
findings on their elements.

Nothing is written but standard output or ``-o FILE`` (never over the
inventory itself); ``dot`` for SVG runs on a pipe.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cllint.commands.check import EXIT_FINDINGS, EXIT_OK
from cllint.settings.options import CheckOptions, Settings, UsageError

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from cllint.diagram.scene import Limits, Scene


@dataclass(slots=True)
class DiagramOptions:
    """The ``diagram`` command line, as parsed."""

    file: str
    format: str = "mermaid"
    output: Path | None = None
    document: int | None = None
    """1-based among the file's inventory documents; required when there are several."""
    check: CheckOptions = field(default_factory=CheckOptions)


class NotDrawn(Exception):
    """The file does not load (CL001): a one-line message, exit status 1."""


def run(opts: DiagramOptions) -> int:
    """Run ``cllint diagram``; return the exit status."""
    from cllint.commands.named_inventory import open_named, write_output
    from cllint.files.terminal import escape

    settings, data, path, shown = open_named(opts.check, opts.file, opts.output, "diagram")
    try:
        text = picture(data, path, shown, settings, opts.format, opts.document)
    except NotDrawn as exc:
        print(f"cllint: {escape(str(exc))}", file=sys.stderr)
        return EXIT_FINDINGS
    write_output(opts.output, text)
    return EXIT_OK


def picture(
    data: bytes, path: Path, shown: str, settings: Settings, fmt: str, document: int | None = None
) -> str:
    """The diagram of one inventory file's document, with its findings, in ``fmt``.

    ``path`` is where the file is (license files are found relative to it),
    ``shown`` how it is named in messages. Raises :class:`NotDrawn` when the
    file does not load and ``UsageError`` for a wrong ``document``.
    """
    from cllint import model
    from cllint.commands.named_inventory import document_findings, inventory_documents
    from cllint.diagram import scene as scene_mod
    from cllint.diagram.builder import build
    from cllint.inventory.loader import load_bytes
    from cllint.inventory.schema import schema_findings
    from cllint.licenses.reader import SERVICE
    from cllint.lint.engine import Linter

    linter = Linter(settings)
    report = linter.lint_bytes(data, shown, path)
    loaded = load_bytes(data, settings.limits)
    documents = inventory_documents(loaded.documents, document, shown)
    if not documents:
        fatal = next((f for f in report.findings if f.rule_id == "CL001"), None)
        if fatal is not None:
            raise NotDrawn(
                f"cannot draw {shown}: it does not load "
                f"({fatal.line}:{fatal.column}: CL001 {fatal.message})"
            )
        raise UsageError(f"{shown} is not an inventory (no cluster, nodes or licensing key)")
    doc = documents[(document or 1) - 1]

    findings = document_findings(report.findings, doc)
    _schema, invalid = schema_findings(doc.data)
    inventory = model.build(doc.data, invalid, doc.raw)
    views = scene_mod.license_views(
        inventory, path, settings.base, reader=linter.services.get(SERVICE)
    )

    def draw(limits: scene_mod.Limits | None) -> scene_mod.Scene:
        return build(inventory, findings, views, limits or scene_mod.DEFAULT_LIMITS)

    return render(fmt, draw)


def render(fmt: str, make: Callable[[Limits | None], Scene]) -> str:
    """The picture in ``fmt`` (mermaid, dot or svg) of the scene ``make(limits)`` draws."""
    if fmt == "mermaid":
        from cllint.diagram.mermaid import bounded

        return bounded(make)
    from cllint.diagram.dot import render as dot_render

    dot_text = dot_render(make(None))
    if fmt == "dot":
        return dot_text
    from cllint.diagram.svg import SvgError, to_svg

    try:
        return to_svg(dot_text)
    except SvgError as exc:
        raise UsageError(str(exc)) from None
