"""-f markdown, rendered by GitHub's own Markdown library (cmark-gfm, through
cmarkgfm) with raw HTML allowed: the tables keep their shape and no inventory
value or file name turns into markup, a link, an image or a mention."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
from cmarkgfm.cmark import Options

from cllint.findings import Finding, Severity, Span
from cllint.formats import Report, markdown_format, render
from cllint.formats.visible import visible
from cllint.lint.engine import FileReport
from cllint.settings.registry import all_rules
from helpers import ROOT, run_cllint

HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(1)> [click](https://evil.test) "
    "![i](https://evil.test/i.png) www.evil.test https://evil.test @octocat #1 "
    "| a cell | ``` `x` `` **bold** _it_ \\| ~~s~~ &amp; line\nbreak\x1b[31m"
)
HOSTILE_PATH = "a|b`c<d>/[x](y)@z.yaml"


class Cells(HTMLParser):
    """The rows of the HTML's tables, as lists of cell texts; and every tag seen."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.tags: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html(markdown: str) -> Cells:
    out = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    cells = Cells()
    cells.feed(out)
    return cells


def finding(
    rule: str, name: str, severity: Severity, message: str, path: str, line: int
) -> Finding:
    f = Finding(rule, message, span=Span(line, 3, line, 9))
    f.name, f.severity, f.path = name, severity, path
    return f


def sample() -> Report:
    undecodable = os.fsdecode(b"caf\xe9.yaml")
    files = [
        FileReport(
            HOSTILE_PATH,
            findings=[
                finding("CL402", "cap-name-too-long", Severity.ERROR, HOSTILE, HOSTILE_PATH, 4),
                finding("CL402", "cap-name-too-long", Severity.ERROR, "again", HOSTILE_PATH, 9),
            ],
        ),
        FileReport(
            undecodable,
            findings=[finding("CL103", "mixed-os", Severity.WARNING, "differ", undecodable, 2)],
        ),
    ]
    return Report(files=files, rules=all_rules())


def test_values_cannot_inject_markup() -> None:
    text = render("markdown", sample())
    text.encode("utf-8")  # the undecodable file name is shown, not written raw
    cells = html(text)
    assert set(cells.tags) <= {"h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "code"}
    summary, *rows = cells.rows[:3]
    assert summary == ["rule", "severity", "count", "first location"]
    assert rows == [
        ["CL402 cap-name-too-long", "error", "2", f"{HOSTILE_PATH}:4:3"],
        ["CL103 mixed-os", "warning", "1", "caf\\xe9.yaml:2:3"],
    ]
    header, first, second, third = cells.rows[3:]
    assert header == ["location", "rule", "severity", "message"]
    assert first == [f"{HOSTILE_PATH}:4:3", "CL402 cap-name-too-long", "error", visible(HOSTILE)]
    assert second[-1] == "again" and third[0] == "caf\\xe9.yaml:2:3"


def test_code_span_fences_are_longer_than_any_backtick_run() -> None:
    assert markdown_format.code("plain") == "`plain`"
    assert markdown_format.code("a ``` b") == "````a ``` b````"
    assert markdown_format.code("`x`") == "`` `x` ``"
    for value in ("`", "``", " ", "   ", " a ", "  b", "a|b", "x\\|y", "<b>"):
        (row,) = html(f"| h |\n|---|\n| {markdown_format.code(value)} |\n").rows[1:]
        assert row == [value]


def test_many_findings_are_cut_but_counted() -> None:
    many = [
        finding("CL402", "cap-name-too-long", Severity.ERROR, f"m{i}", "a.yaml", i + 1)
        for i in range(markdown_format.MAX_FINDINGS + 7)
    ]
    report = Report(files=[FileReport("a.yaml", findings=many)], rules=all_rules())
    text = render("markdown", report)
    cells = html(text)
    assert cells.rows[1] == ["CL402 cap-name-too-long", "error", "507", "a.yaml:1:3"]
    assert len(cells.rows) == 2 + 1 + markdown_format.MAX_FINDINGS
    assert text.rstrip().endswith("… and 7 more findings not listed here.")


def test_the_command_writes_a_step_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    run = run_cllint(
        [
            "check",
            "-f",
            "markdown",
            "-o",
            str(summary),
            "--as-of",
            "2026-06-01",
            "examples/everything-wrong",
        ],
        ROOT,
    )
    assert run.code == 1, run.err
    text = summary.read_text("utf-8")
    assert text.startswith(
        "## cllint\n\n64 errors, 7 warnings, 2 notes in 5 files; 3 files checked"
    )
    cells = html(text)
    assert cells.rows[1][0] == "CL708 file-licensing-retired"  # most findings first
    assert cells.rows[3][:3] == ["CL207 license-dir-not-default", "error", "2"]
    assert run.out.startswith("64 errors")  # the terminal still gets the summary


def test_the_report_draws_each_checked_cluster_bounded() -> None:
    from cllint.diagram.mermaid import mermaid_block
    from cllint.inventory.loader import load_text
    from cllint.model import build

    clean = run_cllint(["check", "-f", "markdown", "examples/cluster.yaml"], ROOT)
    assert clean.code == 0, clean.err
    text = (ROOT / "examples" / "cluster.yaml").read_text("utf-8")
    block = mermaid_block(
        build(load_text(text).documents[0].data),
        source=ROOT / "examples" / "cluster.yaml",
        base=ROOT,
    )
    assert f"### The cluster in `examples/cluster.yaml`\n\n{block}" in clean.out
    everything = run_cllint(["check", "-f", "markdown", "examples/"], ROOT).out
    assert everything.count("```mermaid\n") == markdown_format.MAX_DIAGRAMS
    assert everything.index("```mermaid") < everything.index("### Findings")
