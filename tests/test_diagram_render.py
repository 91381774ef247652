"""Every diagram is drawn by the real renderers: ``dot`` for DOT, mermaid in headless Chromium.

DOT: the examples, every rule fixture, the hostile corpus and mutated
inventories, each through Debian's Graphviz with exit status 0. Mermaid: the
examples and a corpus of hostile names through the mermaid library from npm
in Debian's Chromium – no parse error, every node, network and the CAP in the
SVG, findings coloured – and a screenshot of the example compared with the
picture in the README (``docs/diagram-example.png``; after a deliberate
change, regenerate it with ``CLLINT_UPDATE_PICTURE=1 .venv-test/bin/python -m
pytest tests/test_diagram_render.py -k screenshot``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from diagram_tools import by_id, diagram, diagrams, dot_svg, render_mermaid
from hostile import FUZZ, mutated_inventories
from hypothesis import given
from test_diagram import HOSTILE_NAMES, NIC2_N1, _yaml
from test_hostile_files import CORPUS

from cllint.diagram.scene import visible
from helpers import EXAMPLES, ROOT, clean_inventory, run_cllint, write_inventory

RULE_FIXTURES = sorted((ROOT / "tests" / "fixtures" / "rules").glob("*.yaml"))
RUNBOOK_FIXTURES = sorted((ROOT / "tests" / "fixtures" / "runbook").glob("*.yaml"))
EXAMPLE_FILES = sorted(EXAMPLES.rglob("*.yaml"))
PICTURE = ROOT / "docs" / "diagram-example.png"


@pytest.mark.parametrize(
    "path", EXAMPLE_FILES + RUNBOOK_FIXTURES + RULE_FIXTURES, ids=lambda p: p.name
)
def test_dot_draws_every_fixture(path: Path) -> None:
    for text in diagrams(path):
        dot_svg(text)


@pytest.mark.parametrize("name", sorted(CORPUS), ids=str)
def test_dot_draws_the_hostile_corpus(name: str, tmp_path: Path) -> None:
    content, _expected = CORPUS[name]
    path = tmp_path / "inventory.yaml"
    path.write_bytes(content)
    for text in diagrams(path):
        dot_svg(text)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inventory.yaml"]


@FUZZ
@given(text=mutated_inventories())
def test_dot_draws_mutated_inventories(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = write_inventory(Path(folder), text)
        for out in diagrams(path):
            dot_svg(out)


# -- Mermaid in the browser ---------------------------------------------------------


def _hostile_inventories(tmp_path: Path) -> dict[str, tuple[str, dict[str, str]]]:
    """Per hostile name: the Mermaid text of an inventory using it everywhere, and the
    labels (as shown, control characters escaped) expected in its drawn elements."""
    out: dict[str, tuple[str, dict[str, str]]] = {}
    for i, name in enumerate(HOSTILE_NAMES):
        quoted = _yaml(name[:30])
        text = (
            clean_inventory()
            .replace("name: CTXLIC-N1", f"name: {quoted}")
            .replace("name: Heartbeat", f"name: {_yaml('H' + name[:30])}")
            .replace("network: Heartbeat", f"network: {_yaml('H' + name[:30])}")
            .replace("name: CVAD Production Site", f"name: {quoted}")
            .replace("resource_group: Citrix Licensing", f"resource_group: {quoted}")
        )
        path = write_inventory(tmp_path / str(i), text)
        shown = visible(name[:30])
        expect = {"N0": shown, "NET1": "H" + shown, "P0": shown, "RG": shown}
        out[f"hostile-{i}"] = (diagram(path, "mermaid"), expect)
    return out


def _texts(result: dict[str, Any], svg_id: str) -> dict[str, str]:
    nodes = by_id(result["nodes"], svg_id, "node")
    clusters = by_id(result["clusters"], svg_id, "cluster")
    return {k: v["text"] for k, v in {**nodes, **clusters}.items()}


def _squash(text: str) -> str:
    """Mermaid wraps long labels, and breaks a line at a literal backslash-n even when it
    is written as entity codes: compare without white space and without those."""
    return "".join(text.replace("\\n", "").split())


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("mermaid")
    jobs: dict[str, str] = {}
    expected: dict[str, dict[str, str]] = {}
    for path in [*EXAMPLE_FILES, *RUNBOOK_FIXTURES]:
        for n, text in enumerate(diagrams(path, "mermaid")):
            jobs[f"{path.relative_to(ROOT).as_posix()}#{n}"] = text
    for runbook in sorted((ROOT / "tests" / "golden" / "runbook").glob("*.md")):
        block = runbook.read_text(encoding="utf-8").split("```mermaid\n", 1)[1]
        jobs[f"runbook {runbook.name}"] = block.split("```", 1)[0]
    for key, (text, expect) in _hostile_inventories(tmp).items():
        jobs[key] = text
        expected[key] = expect
    for name, edits in FINDING_VARIANTS.items():
        source = clean_inventory()
        for old, new in edits:
            source = source.replace(old, new, 1)
        jobs[name] = diagram(write_inventory(tmp / name, source), "mermaid")
    report = run_cllint(["check", "-f", "markdown", "examples/"], ROOT).out
    for n, part in enumerate(report.split("```mermaid\n")[1:]):
        jobs[f"check -f markdown #{n}"] = part.split("```", 1)[0]
    shot = {"name": "examples/cluster.yaml#0", "out": str(tmp / "shot.png"), "compare": None}
    if PICTURE.exists() and os.environ.get("CLLINT_UPDATE_PICTURE") != "1":
        shot["compare"] = str(PICTURE)
    result = render_mermaid(jobs, tmp, shot)
    by_name = {r["name"]: r for r in result["results"]}
    return {
        "jobs": jobs,
        "results": by_name,
        "expected": expected,
        "shot": result["screenshot"],
        "shot_path": tmp / "shot.png",
    }


FINDING_VARIANTS = {
    "one-nic": [(NIC2_N1, "")],
    "dhcp-heartbeat": [
        (
            "address: 192.168.50.12/24, addressing: static",
            "address: 192.168.50.12/24, addressing: dhcp",
        )
    ],
    "product-at-node": [("license_server: CTXLIC,", "license_server: ctxlic-n2,")],
}


def test_mermaid_draws_every_diagram(drawn: dict[str, Any]) -> None:
    failed = {k: r.get("error") for k, r in drawn["results"].items() if not r["ok"]}
    assert not failed
    for key, result in drawn["results"].items():
        assert result["scripts"] == 0 and result["errors"] == 0, key


def test_mermaid_shows_every_node_network_and_the_cap(drawn: dict[str, Any]) -> None:
    for n, (key, text) in enumerate(drawn["jobs"].items()):
        result = drawn["results"][key]
        texts = _texts(result, f"d{n + 1}")
        import re

        wanted = set(re.findall(r"^\s*(N\d+|NET\d+|CAP|NM)\b", text, re.M))
        wanted |= set(re.findall(r"^\s*subgraph (N\d+) ", text, re.M))
        assert wanted and wanted <= set(texts), (key, wanted - set(texts))
        if "CAP([" in text:
            assert "Client access point" in texts["CAP"]


def test_mermaid_shows_hostile_names_literally(drawn: dict[str, Any]) -> None:
    keys = list(drawn["jobs"])
    for key, expect in drawn["expected"].items():
        texts = _texts(drawn["results"][key], f"d{keys.index(key) + 1}")
        for element, label in expect.items():
            want = _squash(label.replace("…", ""))[:20]
            assert want in _squash(texts[element]), (key, element, label, texts[element])


def _fill(drawn: dict[str, Any], key: str, element: str) -> str:
    n = list(drawn["jobs"]).index(key) + 1
    result = drawn["results"][key]
    items = {**by_id(result["nodes"], f"d{n}", "node"), **by_id(result["clusters"], f"d{n}", "c")}
    return str(items[element]["fill"])


ERROR_FILL = "rgb(253, 226, 226)"


def test_mermaid_colours_findings_on_their_elements(drawn: dict[str, Any]) -> None:
    assert _fill(drawn, "one-nic", "N0") == ERROR_FILL
    assert _fill(drawn, "one-nic", "N1") != ERROR_FILL
    assert _fill(drawn, "dhcp-heartbeat", "N1A1") == ERROR_FILL
    assert _fill(drawn, "dhcp-heartbeat", "N1A0") != ERROR_FILL
    assert _fill(drawn, "product-at-node", "P0") == ERROR_FILL
    n = list(drawn["jobs"]).index("product-at-node") + 1
    links = {link["id"]: link["stroke"] for link in drawn["results"]["product-at-node"]["links"]}
    assert links[f"d{n}-L_P0_N1_0"] == "rgb(198, 40, 40)"


def test_screenshot_matches_the_readme_picture(drawn: dict[str, Any]) -> None:
    shot = drawn["shot"]
    if os.environ.get("CLLINT_UPDATE_PICTURE") == "1":
        shutil.copy(drawn["shot_path"], PICTURE)
        return
    assert "difference" in shot, "docs/diagram-example.png is missing"
    for side in ("width", "height"):
        assert abs(shot[side] - shot[f"compare_{side}"]) <= 0.1 * shot[f"compare_{side}"], shot
    assert shot["difference"] < 12, shot  # mean grey difference of 64x64 thumbnails, 0-255
    assert abs(shot["ink"] - shot["compare_ink"]) <= 0.15 * shot["compare_ink"] + 10, shot
