"""``cllint diagram``: golden pictures, findings on the right elements, escaping, limits, the CLI.

Every DOT text here is drawn by the real Graphviz ``dot``. Golden files live in
``tests/golden/diagram/``; regenerate them with
``CLLINT_UPDATE_GOLDEN=1 .venv-test/bin/python -m pytest tests/test_diagram.py -k golden``
and review the diff (and a picture: ``dot -Tpng``) before committing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from diagram_tools import diagram, dot_svg, svg_elements

from cllint.diagram.builder import build
from cllint.diagram.dot import quote
from cllint.diagram.mermaid import MAX_TEXT, mermaid_block, text
from cllint.diagram.scene import Limits, activation
from cllint.model import build as build_model
from helpers import (
    CLEAN_EXAMPLE,
    ROOT,
    clean_inventory,
    clean_inventory_with_license_files,
    run_cllint,
    write_inventory,
)

FIXTURES = ROOT / "tests" / "fixtures" / "runbook"
GOLDEN = ROOT / "tests" / "golden" / "diagram"
SUFFIX = {"mermaid": "mmd", "dot": "dot"}
ERROR_FILL, ERROR_STROKE = "#fde2e2", "#c62828"
BEFORE_LAS = dt.date(2026, 4, 1)


# -- golden pictures -------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["mermaid", "dot"])
@pytest.mark.parametrize("inventory", ["two-node", "three-node"])
def test_golden(inventory: str, fmt: str) -> None:
    # file-licensed clusters drawn as before the cut-over (CL708 would mark them today)
    out = diagram(FIXTURES / f"{inventory}.yaml", fmt, as_of=BEFORE_LAS)
    golden = GOLDEN / f"{inventory}.{SUFFIX[fmt]}"
    if os.environ.get("CLLINT_UPDATE_GOLDEN") == "1":
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    if fmt == "dot":
        drawn = svg_elements(dot_svg(out))
        assert not any(e["fill"] == ERROR_FILL for e in drawn.values())  # a clean inventory


def test_three_node_shows_every_declared_thing() -> None:
    drawn = svg_elements(dot_svg(diagram(FIXTURES / "three-node.yaml")))
    assert "LICNODE-B · install 1 · owner" in drawn["N1"]["text"]
    assert "LICNODE-C · install 3 · last node" in drawn["N2"]["text"]
    assert "172.16.20.0/24" in drawn["NET0"]["text"] and "public" in drawn["NET0"]["text"]
    assert "10.99.0.0/24" in drawn["NET1"]["text"] and "private" in drawn["NET1"]["text"]
    assert "LICSRV-PRD" in drawn["CAP"]["text"] and "172.16.20.50" in drawn["CAP"]["text"]
    assert "Shared disk L: Licensing Disk" in drawn["DISK"]["text"]
    assert "Quorum disk W: Witness Disk" in drawn["S0"]["text"]
    assert "bound to LICSRV-PRD" in drawn["LF0"]["text"]
    assert "Citrix Licensing PRD" in drawn["RG"]["text"]
    assert "ports 27010 · 7290 · 8443" in drawn["SRV"]["text"]
    links = {k for k, v in drawn.items() if v["kind"] == "edge"}
    assert {"P0->CAP", "P1->CAP", "N0A0->NET0", "N2A1->NET1", "CAP->NET0"} <= links


# -- findings on the right elements ------------------------------------------------


def _variant(tmp_path: Path, *edits: tuple[str, str], files: bool = False) -> Path:
    text_ = clean_inventory_with_license_files() if files else clean_inventory()
    for old, new in edits:
        assert old in text_
        text_ = text_.replace(old, new, 1)
    return write_inventory(tmp_path, text_)


NIC2_N1 = (
    "      - {name: NIC2, network: Heartbeat, address: 192.168.50.11/24, addressing: static}\n"
)


@pytest.mark.parametrize("fmt", ["dot", "mermaid"])
def test_node_with_one_nic_is_coloured(tmp_path: Path, fmt: str) -> None:
    path = _variant(tmp_path, (NIC2_N1, ""))
    out = diagram(path, fmt)
    if fmt == "mermaid":
        assert "class N0 error" in out and "class N1 error" not in out
        return
    drawn = svg_elements(dot_svg(out))
    assert drawn["N0"]["fill"] == ERROR_FILL and drawn["N0"]["stroke"] == ERROR_STROKE
    assert "✖ CL301, CL302" in drawn["N0"]["text"]
    assert drawn["N1"]["fill"] != ERROR_FILL
    assert "CL301 too-few-nics" in drawn["LEGE"]["text"]


@pytest.mark.parametrize("fmt", ["dot", "mermaid"])
def test_dhcp_heartbeat_adapter_is_coloured(tmp_path: Path, fmt: str) -> None:
    path = _variant(
        tmp_path,
        (
            "address: 192.168.50.12/24, addressing: static",
            "address: 192.168.50.12/24, addressing: dhcp",
        ),
    )
    out = diagram(path, fmt)
    if fmt == "mermaid":
        assert "class N1A1 error" in out
        coloured = [ln for ln in out.splitlines() if re.match(r"\s*class \S+ error$", ln)]
        assert coloured == ["  class N1A1 error", "  class LEGE error"]
        return
    drawn = svg_elements(dot_svg(out))
    assert drawn["N1A1"]["fill"] == ERROR_FILL and "CL305" in drawn["N1A1"]["text"]
    assert drawn["N1A0"]["fill"] != ERROR_FILL and drawn["N1"]["fill"] != ERROR_FILL


@pytest.mark.parametrize("fmt", ["dot", "mermaid"])
def test_product_pointing_at_a_node_is_coloured(tmp_path: Path, fmt: str) -> None:
    path = _variant(tmp_path, ("license_server: CTXLIC,", "license_server: ctxlic-n2,"))
    out = diagram(path, fmt)
    if fmt == "mermaid":
        assert "P0 -->|" in out and re.search(r"P0 -->\|[^|]*\| N1\n", out)
        index = [ln.strip() for ln in out.splitlines() if "-->" in ln or "---" in ln or "-.-" in ln]
        link = next(i for i, ln in enumerate(index) if ln.startswith("P0 "))
        assert f"linkStyle {link} stroke:{ERROR_STROKE}" in out
        assert "class P0 error" in out
        return
    drawn = svg_elements(dot_svg(out))
    assert drawn["P0"]["fill"] == ERROR_FILL and "CL801" in drawn["P0"]["text"]
    edge = next(v for k, v in drawn.items() if k.startswith("P0->"))
    assert edge["stroke"] == ERROR_STROKE  # drawn to node CTXLIC-N2, in red
    assert "P0->N1H" in drawn
    assert not any(k.startswith("P0->CAP") for k in drawn)


def test_license_file_finding_colours_that_file(tmp_path: Path) -> None:
    path = _variant(
        tmp_path,
        ("client_access_point: {name: CTXLIC,", "client_access_point: {name: ctxlic,"),
        files=True,
    )
    drawn = svg_elements(dot_svg(diagram(path)))
    assert "CL404" in drawn["LF0"]["text"] and drawn["LF0"]["fill"] == ERROR_FILL


def test_schema_errors_are_drawn_with_what_is_known(tmp_path: Path) -> None:
    path = _variant(tmp_path, ("address: 10.10.1.12/24", "address: not-an-address"))
    drawn = svg_elements(dot_svg(diagram(path)))
    assert "CL002" in drawn["N1A0"]["text"] and "no address" in drawn["N1A0"]["text"]


def test_activation_defaults() -> None:
    def lic(extra: str) -> object:
        data = {"licensing": {"resource_group": "G", **eval(extra)}}
        inv = build_model(data)
        assert inv.licensing is not None
        return activation(inv.licensing)

    assert lic("{'license_files': ['a.lic']}") == "files"
    assert lic("{}") == "las"
    assert lic("{'license_files': []}") == "las"


def test_las_is_drawn_outside_the_cluster(tmp_path: Path) -> None:
    path = _variant(tmp_path)  # the example activates with LAS and lists no files
    drawn = svg_elements(dot_svg(diagram(path)))
    assert "License Activation Service" in drawn["LAS"]["text"]
    assert "ACT" not in drawn and "SRV->LAS" in drawn


# -- escaping ---------------------------------------------------------------------------

HOSTILE_NAMES = [
    'quo"te',
    "back\\slash\\",
    "\\N \\G \\l \\n",
    "new\nline",
    "tab\tand\rcr",
    "\x1b[31mred\x1b[0m",
    "\x00nul\x7f",
    "<b>html</b>",
    "&amp; &#65; &lt;",
    "brackets [x] {y} (z) |w|",
    "-->|link| x --- y -.-> z",
    "%%{init: {'theme': 'dark'}}%%",
    "#quot; #35; #9829;",
    "style x fill:#f00;",
    "classDef a fill:#f00; class b a;",
    "`code` ```fence```",
    "end",
    "subgraph x",
    "click N0 href 'javascript:alert(1)'",
    "<script>alert(1)</script>",
    "\u202eevil\u2066",
    "\u2028line\u2029",
    "Zürich Ω 東京 😀",
    "a;b:c",
    "x" * 5000,
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_dot_quote_shows_any_name_literally(name: str) -> None:
    from cllint.diagram.scene import visible

    svg = dot_svg(f"digraph {{ a [label={quote(name)}] }}")
    drawn = svg_elements(svg)
    assert drawn["a"]["text"] == visible(name)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_mermaid_text_has_no_syntax(name: str) -> None:
    out = text(name)
    assert re.fullmatch(r"(?:[\w .,\-/·→…✖⚠ℹ×]|#\d+;)*", out), out
    assert not re.search(r"[\"'`<>\[\]{}()|;:%&#\n\r]", re.sub(r"#\d+;", "", out))


def test_hostile_names_stay_in_labels(tmp_path: Path) -> None:
    inv = clean_inventory()
    for i, name in enumerate(HOSTILE_NAMES[:8]):
        inv = inv.replace(f"NIC{1 + i % 2}, network", f"{_yaml(name)}, network", 1)
    inv = inv.replace("name: CVAD Production Site", f"name: {_yaml(HOSTILE_NAMES[10])}")
    path = write_inventory(tmp_path, inv)
    out = diagram(path, "dot")
    dot_svg(out)
    mer = diagram(path, "mermaid")
    assert "\x1b" not in out + mer and "\x00" not in out + mer


def _yaml(value: str) -> str:
    """``value`` as a double-quoted YAML scalar (escapes for what YAML cannot hold raw)."""
    import yaml

    dumped: str = yaml.safe_dump(value, default_style='"', width=10**9, allow_unicode=False)
    return dumped.split("\n")[0]


# -- limits -----------------------------------------------------------------------------


def _many_nodes(count: int, nics: int = 2, name: str = "NODE") -> str:
    nodes = []
    for i in range(count):
        adapters = "".join(
            f"      - {{name: N{j}, network: Public, address: 10.10.{j}.{i % 250}/16, "
            "addressing: static}\n"
            for j in range(nics)
        )
        nodes.append(f"  - name: {name}{i}\n    nics:\n{adapters}")
    return (
        "version: 1\ncluster:\n  name: BIG\n  networks:\n"
        "    - {name: Public, role: public, subnet: 10.10.0.0/16}\n"
        "nodes:\n" + "".join(nodes) + "licensing:\n  resource_group: G\n"
    )


def test_many_nodes_become_one_more_element(tmp_path: Path) -> None:
    path = write_inventory(tmp_path, _many_nodes(200, nics=9))
    out = diagram(path)
    drawn = svg_elements(dot_svg(out))
    assert "… 176 more nodes" in drawn["NM"]["text"]
    assert "N23" in drawn and "N24" not in drawn
    assert "… 3 more adapters" in drawn["N0AM"]["text"]
    # the hidden nodes have no private adapter: their CL302 findings colour the summary
    assert drawn["NM"]["fill"] == ERROR_FILL and "CL302" in drawn["NM"]["text"]


def test_output_is_bounded_for_huge_names(tmp_path: Path) -> None:
    path = write_inventory(tmp_path, _many_nodes(400, nics=20, name="#&<>\"'" * 2000))
    dot_text = diagram(path)
    mermaid = diagram(path, "mermaid")
    assert len(mermaid) <= MAX_TEXT
    assert len(dot_text) < 200_000
    assert mermaid.count(" --- ") < 500  # Mermaid's maxEdges
    dot_svg(dot_text)


def test_limits_apply_to_every_list() -> None:
    data = {
        "cluster": {
            "name": "C",
            "networks": [
                {"name": f"n{i}", "role": "private", "subnet": "10.0.0.0/8"} for i in range(50)
            ],
            "storage": [{"name": f"d{i}", "drive": "E"} for i in range(50)],
        },
        "nodes": [],
        "licensing": {"resource_group": "G", "license_files": [f"{i}.lic" for i in range(50)]},
        "products": [{"name": f"p{i}", "license_server": "x"} for i in range(50)],
    }
    scene = build(build_model(data), limits=Limits())
    ids = {e.id for e in scene.elements()}
    assert {"NETM", "SM", "LFM", "PM"} <= ids
    assert len(ids) < 60


# -- the command ----------------------------------------------------------------------


def test_cli_writes_only_the_output_file(tmp_path: Path) -> None:
    write_inventory(tmp_path, clean_inventory())
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = run_cllint(["diagram", "-f", "dot", "-o", "out.dot", "inventory.yaml"], cwd=tmp_path)
    assert (result.code, result.out, result.err) == (0, "", "")
    after = sorted(p.name for p in tmp_path.rglob("*"))
    assert sorted([*before, "out.dot"]) == after
    dot_svg((tmp_path / "out.dot").read_text(encoding="utf-8"))


def test_cli_default_is_mermaid_on_stdout() -> None:
    result = run_cllint(["diagram", str(CLEAN_EXAMPLE)])
    assert result.code == 0 and result.out.startswith("flowchart TB\n"), result.err


def test_cli_svg_with_dot(tmp_path: Path) -> None:
    dot_svg("digraph {}")  # skips (or fails under CI) without Graphviz
    result = run_cllint(["diagram", "-f", "svg", str(CLEAN_EXAMPLE)])
    assert result.code == 0, result.err
    assert result.out.lstrip().startswith("<?xml") and "CTXCLU01" in result.out


def test_cli_svg_without_dot_says_how_to_get_it(tmp_path: Path) -> None:
    result = run_cllint(["diagram", "-f", "svg", str(CLEAN_EXAMPLE)], env={"PATH": str(tmp_path)})
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1 and "install Graphviz" in result.err, result.err


def test_cli_a_dot_in_the_working_folder_is_never_run(tmp_path: Path) -> None:
    fake = tmp_path / "dot"
    fake.write_text("#!/bin/sh\ntouch pwned\n", encoding="utf-8")
    fake.chmod(0o755)
    result = run_cllint(
        ["diagram", "-f", "svg", str(CLEAN_EXAMPLE)], cwd=tmp_path, env={"PATH": f".{os.pathsep}"}
    )
    assert result.code == 2 and not (tmp_path / "pwned").exists()


def test_cli_refuses_to_overwrite_the_inventory(tmp_path: Path) -> None:
    path = write_inventory(tmp_path, clean_inventory())
    result = run_cllint(["diagram", "-o", str(path), str(path)])
    assert result.code == 2 and "refusing" in result.err
    assert path.read_text(encoding="utf-8") == clean_inventory()


def test_cli_unloadable_file_is_one_line(tmp_path: Path) -> None:
    path = write_inventory(tmp_path, "version: 1\ncluster: {name: [x\n")
    result = run_cllint(["diagram", str(path)])
    assert result.code == 1 and result.out == ""
    assert result.err.count("\n") == 1 and "CL001" in result.err and "does not load" in result.err


def test_cli_several_documents_need_document(tmp_path: Path) -> None:
    path = write_inventory(tmp_path, clean_inventory() + "---\n" + clean_inventory())
    result = run_cllint(["diagram", str(path)])
    assert result.code == 2 and "--document" in result.err
    assert run_cllint(["diagram", "--document", "2", str(path)]).code == 0


def test_mermaid_block_is_a_fenced_block(tmp_path: Path) -> None:
    from cllint.inventory.loader import load_text

    text_ = clean_inventory_with_license_files()
    inv = build_model(load_text(text_).documents[0].data)
    block = mermaid_block(inv, source=write_inventory(tmp_path, text_))
    assert block.startswith("```mermaid\nflowchart TB\n") and block.endswith("```\n")
    assert block.count("```") == 2 and "bound to CTXLIC" in block


def test_diagram_imports_no_click_when_used_as_a_library() -> None:
    code = "import sys, cllint.commands.diagram, cllint.diagram.dot; print('click' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
