"""The ``runbook`` command's flow: check the inventory, then write its procedure.

A runbook for a cluster that fails its checks would put a broken rollout into
a change ticket, so every enabled rule runs first (the same settings as
``check``: config file, ``--select``/``--ignore``, ``--as-of``). Any
error-level finding is printed to stderr and no runbook is written (exit 1);
stdout carries nothing but the runbook, so ``> ticket.md`` never captures a
finding. Warnings and notes are listed at the top of the runbook.

Two errors describe the procedure rather than block it: CL506 (installed
version older than 11.12.1) is the very case the upgrade runbook handles with
the uninstall-then-install path, and version findings (CL506, CL507) are
beside the point of an uninstall.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from cllint.commands.check import EXIT_FINDINGS, EXIT_OK
from cllint.findings import Finding, Severity
from cllint.lint.engine import FileReport
from cllint.runbook.steps import Line, Value, c
from cllint.settings.options import CheckOptions, Settings, UsageError

#: Error-level rules that do not block a runbook for the given action.
NOT_BLOCKING: dict[str, frozenset[str]] = {
    "install": frozenset(),
    "upgrade": frozenset({"CL506"}),
    "uninstall": frozenset({"CL506", "CL507"}),
}


@dataclass(slots=True)
class RunbookOptions:
    """The ``runbook`` command line, as parsed."""

    file: str
    action: str
    format: str = "text"
    output: Path | None = None
    document: int | None = None
    """1-based among the file's inventory documents; required when there are several."""
    check: CheckOptions = field(default_factory=CheckOptions)


def _print_blocking(report: FileReport, settings: Settings, action: str) -> None:
    from cllint.files.terminal import want_color
    from cllint.formats import Report
    from cllint.formats.text_format import render

    shown = Report(
        files=[report],
        rules=settings.rules,
        base=settings.base,
        color=want_color("auto", sys.stderr),
    )
    sys.stderr.write(render(shown))
    print(f"cllint: no {action} runbook: fix the errors above first", file=sys.stderr)


def _finding_line(f: Finding) -> Line:
    return (
        c(f"{f.path}:{f.line}:{f.column}"),
        f" {f.rule_id} [{f.severity.label}] {f.name}: ",
        Value(f.message),
    )


def run(opts: RunbookOptions) -> int:
    """Run ``cllint runbook``; return the exit status."""
    from cllint import model
    from cllint.commands.named_inventory import document_findings, inventory_documents, open_named
    from cllint.inventory.loader import load_bytes
    from cllint.inventory.schema import schema_findings
    from cllint.lint.engine import Linter
    from cllint.runbook import plan as plan_mod
    from cllint.runbook import steps

    settings, data, path, shown = open_named(opts.check, opts.file, opts.output, "runbook")
    report = Linter(settings).lint_bytes(data, shown, path)
    loaded = load_bytes(data, settings.limits)
    documents = inventory_documents(loaded.documents, opts.document, shown)
    doc = documents[(opts.document or 1) - 1] if documents else None
    relevant = document_findings(report.findings, doc)
    exempt = NOT_BLOCKING[opts.action]
    blocking = [f for f in relevant if f.severity >= Severity.ERROR and f.rule_id not in exempt]
    if blocking:
        # Every finding, not just the blocking ones: the summary counts warnings too.
        _print_blocking(FileReport(shown, relevant, documents=1), settings, opts.action)
        return EXIT_FINDINGS
    if doc is None:
        raise UsageError(f"{shown} is not an inventory (no cluster, nodes or licensing key)")

    _schema, invalid = schema_findings(doc.data)
    inventory = model.build(doc.data, invalid, doc.raw)
    plan, problems = plan_mod.resolve(inventory)
    if plan is not None and opts.action == "upgrade" and plan.version is None:
        problems = [
            "licensing.version (the installed version) is not set, so there is nothing to "
            "upgrade; use --action install for a new installation"
        ]
        plan = None
    if plan is None:
        from cllint.files.terminal import escape

        for problem in problems:
            print(
                f"cllint: cannot write a runbook from {escape(shown)}: {escape(problem)}",
                file=sys.stderr,
            )
        return EXIT_FINDINGS

    notes = tuple(_finding_line(f) for f in relevant)
    book = steps.build(plan, opts.action, shown, notes)
    if opts.format == "markdown":
        from cllint.diagram.mermaid import mermaid_block
        from cllint.runbook.render_markdown import render as render_markdown

        picture = mermaid_block(inventory, relevant, source=path, base=settings.base)
        text = render_markdown(book, picture)
    else:
        from cllint.runbook.render_text import render

        text = render(book)
    from cllint.commands.named_inventory import write_output

    write_output(opts.output, text)
    return EXIT_OK
