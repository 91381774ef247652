"""``cllint runbook``: golden runbooks, and proof that every value comes from the inventory.

Golden files live in ``tests/golden/runbook/``; regenerate them with
``CLLINT_UPDATE_GOLDEN=1 python3 -m pytest tests/test_runbook.py`` and review
the diff by eye before committing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest

from cllint.commands.runbook import RunbookOptions, run
from cllint.settings.options import CheckOptions
from cllint.settings.registry import lookup
from helpers import ROOT, run_cllint

FIXTURES = ROOT / "tests" / "fixtures" / "runbook"
GOLDEN = ROOT / "tests" / "golden" / "runbook"
AS_OF = "2026-04-01"
"""The file-licensed fixtures document the procedure as it was before 2026-04-15."""
LAS_AS_OF = "2026-06-01"
"""The License Activation Service fixtures are checked after the cut-over."""
FILE_INVENTORIES = ("two-node", "three-node")
LAS_INVENTORIES = ("two-node-las", "three-node-las", "two-node-las-offline")
INVENTORIES = FILE_INVENTORIES + LAS_INVENTORIES
ACTIONS = ("install", "upgrade", "uninstall")
SUFFIX = {"text": "txt", "markdown": "md"}
N2_HARDWARE = (
    "memory_gb: 32}\n    nics:\n      - {name: NIC1, network: Public, address: 10.10.1.12/24"
)


def runbook(
    path: Path,
    action: str,
    capsys: pytest.CaptureFixture[str],
    fmt: str = "text",
    *,
    select: tuple[str, ...] | None = None,
    ignore: tuple[str, ...] | None = None,
    as_of: str | None = None,
) -> tuple[int, str, str]:
    """Run the command in-process: (exit status, stdout, stderr)."""
    if as_of is None:
        as_of = LAS_AS_OF if Path(path).stem.endswith(("-las", "-las-offline")) else AS_OF
    check = CheckOptions(
        paths=(str(path),),
        as_of=dt.date.fromisoformat(as_of),
        select=select,
        ignore=ignore,
    )
    code = run(RunbookOptions(str(path), action, fmt, check=check))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths in runbooks are shown relative to the working folder: pin it."""
    monkeypatch.chdir(ROOT)


def variant(tmp_path: Path, base: str, *edits: tuple[str, str], licenses: bool = True) -> Path:
    """A copy of a fixture inventory and its license files, text (and file names) replaced."""
    if licenses:
        (tmp_path / "licenses").mkdir(exist_ok=True)
        for lic in (FIXTURES / "licenses").iterdir():
            text = lic.read_text(encoding="utf-8")
            for old, new in edits:
                text = text.replace(old, new)
            name = lic.name
            for old, new in edits:
                name = name.replace(old, new)
            (tmp_path / "licenses" / name).write_text(text, encoding="utf-8")
    text = (FIXTURES / f"{base}.yaml").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, f"{old!r} not in {base}.yaml"
        text = text.replace(old, new)
    path = tmp_path / f"{base}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def installer_nodes(text: str) -> list[str]:
    """The nodes the installer runs on, in runbook order."""
    return re.findall(r"On (\S+), run `?CitrixLicensing\.exe", text)


def checked_lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if "check box: CHECK it" in ln]


def cleared_lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if "check box: leave it CLEARED" in ln]


# -- golden runbooks ------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("inventory", INVENTORIES)
def test_golden(inventory: str, action: str, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES.relative_to(ROOT) / f"{inventory}.yaml"
    code, out, err = runbook(path, action, capsys, fmt)
    assert (code, err) == (0, "")
    golden = GOLDEN / f"{inventory}-{action}.{SUFFIX[fmt]}"
    if os.environ.get("CLLINT_UPDATE_GOLDEN") == "1":
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("inventory", INVENTORIES)
def test_fixture_inventories_are_clean(inventory: str) -> None:
    """The golden inventories must pass every rule (fix the inventory, not the rule)."""
    as_of = LAS_AS_OF if inventory in LAS_INVENTORIES else AS_OF
    result = run_cllint(["check", "--as-of", as_of, f"tests/fixtures/runbook/{inventory}.yaml"])
    assert result.code == 0, result.out
    assert "0 errors, 0 warnings" in result.out


# -- values come from the inventory -------------------------------------------


@pytest.mark.parametrize("action", ACTIONS)
def test_node_order_follows_install_order(
    action: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = FIXTURES / "three-node.yaml"
    _, before, _ = runbook(path, action, capsys)
    moved = variant(
        tmp_path,
        "three-node",
        (
            "install_order: [LICNODE-B, LICNODE-A, LICNODE-C]",
            "install_order: [LICNODE-C, LICNODE-B, LICNODE-A]",
        ),
        ("owner_node: LICNODE-B", "owner_node: LICNODE-C"),
        ("last_node: LICNODE-C", "last_node: LICNODE-A"),
    )
    code, after, err = runbook(moved, action, capsys)
    assert (code, err) == (0, "")
    moves = re.findall(r"Move the resource group Citrix Licensing PRD to (\S+)", after)
    if action == "uninstall":
        steps = re.findall(r"On (\S+), open Control Panel > Programs and Features", after)
        assert steps == ["LICNODE-C", "LICNODE-B", "LICNODE-A"]
        assert moves == ["LICNODE-C", "LICNODE-B", "LICNODE-A"]
        assert re.findall(r"On (\S+), open Control Panel", before) == [
            "LICNODE-B",
            "LICNODE-A",
            "LICNODE-C",
        ]
        return
    assert installer_nodes(before) == ["LICNODE-B", "LICNODE-A", "LICNODE-C"]
    assert installer_nodes(after) == ["LICNODE-C", "LICNODE-B", "LICNODE-A"]
    # The group is moved to the first node before anything, then to each next node.
    assert moves == ["LICNODE-C", "LICNODE-B", "LICNODE-A"]
    assert "in order: LICNODE-C, LICNODE-B, LICNODE-A" in after


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("action", ["install", "upgrade"])
@pytest.mark.parametrize("inventory", INVENTORIES)
def test_exactly_one_checked_last_node_box(
    inventory: str, action: str, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = runbook(FIXTURES / f"{inventory}.yaml", action, capsys, fmt)
    assert code == 0
    base = inventory.split("-las")[0]
    last = {"two-node": "CTXLIC-N2", "three-node": "LICNODE-C"}[base]
    nodes = {"two-node": 2, "three-node": 3}[base]
    checked = checked_lines(out)
    assert len(checked) == 1
    assert f"{last} is the last node" in checked[0]
    assert len(cleared_lines(out)) == nodes - 1
    assert all(last not in ln.split("(the last node")[0] for ln in cleared_lines(out))
    # The checked box is the final installer run's step, and nothing installs after it.
    lines = out.splitlines()
    at = lines.index(checked[0])
    assert not installer_nodes("\n".join(lines[at:]))
    assert installer_nodes(out)[-1] == last


def test_last_node_box_follows_last_node(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = variant(
        tmp_path,
        "three-node",
        (
            "install_order: [LICNODE-B, LICNODE-A, LICNODE-C]",
            "install_order: [LICNODE-B, LICNODE-C, LICNODE-A]",
        ),
        ("last_node: LICNODE-C", "last_node: LICNODE-A"),
    )
    code, out, err = runbook(path, "install", capsys)
    assert (code, err) == (0, "")
    [checked] = checked_lines(out)
    assert "LICNODE-A is the last node" in checked
    assert "Web Services for Licensing port 8443" in checked


def test_ports_come_from_the_inventory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = variant(tmp_path, "three-node", ("27010", "27555"), ("7290", "7555"), ("8443", "8555"))
    code, out, err = runbook(path, "install", capsys)
    assert (code, err) == (0, "")
    rules = re.findall(r"-LocalPort (\d+) -Action Allow", out)
    assert rules == ["27555", "7555", "8555"] * 3
    [checked] = checked_lines(out)
    assert (
        "License Server port 27555, Vendor daemon port 7555, Web Services for Licensing port 8555"
        in checked
    )
    assert "https://LICSRV-PRD:8555" in out
    assert "License Server LICSRV-PRD, port 27555" in out
    for old in ("27010", "7290", "8443"):
        assert old not in out


def test_names_come_from_the_inventory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = variant(
        tmp_path,
        "three-node",
        ("LICSRV-PRD", "LICSRV-TST"),
        ("Citrix Licensing PRD", "Licensing Test"),
        ("Licensing Disk", "Disk Seven"),
        ("'L:\\Citrix\\Licensing", "'L:\\Apps\\Licensing"),
    )
    code, out, err = runbook(path, "install", capsys)
    assert (code, err) == (0, "")
    assert "Move-ClusterGroup -Name 'Licensing Test' -Node 'LICNODE-B'" in out
    assert "Client Access Point page: name LICSRV-TST, address 172.16.20.50." in out
    assert "select Disk Seven (drive L:)" in out
    assert "lmreread -c @LICSRV-TST -all" in out
    assert "Copy-Item -Path 'LICSRV-TST.lic' -Destination 'L:\\Apps\\Licensing\\MyFiles'" in out
    assert "set L:\\Apps\\Licensing on the shared drive L:" in out
    assert "LICSRV-PRD" not in out and "Citrix Licensing PRD" not in out


def test_default_install_path_and_license_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = variant(
        tmp_path,
        "three-node",
        ("  install_path: 'L:\\Citrix\\Licensing'\n", ""),
        ("  license_dir: 'L:\\Citrix\\Licensing\\MyFiles'\n", ""),
    )
    code, out, _ = runbook(path, "install", capsys)
    assert code == 0
    assert "set L:\\Program Files\\Citrix\\Licensing on the shared drive L:" in out
    assert "-Destination 'L:\\Program Files\\Citrix\\Licensing\\MyFiles'" in out


# -- upgrade paths ----------------------------------------------------------------


def test_upgrade_in_place(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = runbook(FIXTURES / "three-node.yaml", "upgrade", capsys)
    assert code == 0
    assert "Upgrade from 11.14.1 to 11.17.2.0 build 45000." in out
    assert "Download the License Server build 11.17.2.0 build 45000" in out
    assert "Control Panel" not in out


@pytest.mark.parametrize(
    ("target", "installs"),
    [("11.17.2", "11.17.2"), ("11.14.1", "11.16.6 or later")],
)
def test_old_version_upgrade_is_uninstall_then_install(
    target: str, installs: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = variant(
        tmp_path,
        "two-node",
        ("version: 11.16.6", "version: 11.9"),
        ("target_version: 11.17.2", f"target_version: {target}"),
    )
    code, out, err = runbook(path, "upgrade", capsys)
    assert (code, err) == (0, "")
    assert (
        f"License Server 11.9 is older than 11.12.1 and cannot be upgraded in place: "
        f"uninstall it, then install {installs}"
    ) in out
    uninstall = out.index("Part 1 – Uninstall Citrix Licensing from each node")
    install = out.index(f"Part 2 – Install Citrix Licensing {installs} on each node")
    assert uninstall < install
    assert out.index("open Control Panel > Programs and Features") < install
    assert installer_nodes(out) == ["CTXLIC-N1", "CTXLIC-N2"]
    assert len(checked_lines(out)) == 1
    # The group survives the uninstall: it is checked, not created again.
    assert "Check in Failover Cluster Manager that the resource group Citrix Licensing" in out
    assert "Configure Role" not in out
    if lookup("CL506") is not None:
        assert "CL506 [error] upgrade-path" in out.split("Prerequisites")[0]


def test_old_version_still_blocks_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """CL506 is only the upgrade runbook's business; for an install it stays an error."""
    if lookup("CL506") is None:
        pytest.skip("CL506 is not registered")
    path = variant(tmp_path, "two-node", ("version: 11.16.6", "version: 11.9"))
    code, out, err = runbook(path, "install", capsys)
    assert code == 1 and out == ""
    assert "CL506" in err


def test_upgrade_needs_an_installed_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = variant(tmp_path, "two-node", ("  version: 11.16.6\n", ""))
    code, out, err = runbook(path, "upgrade", capsys)
    assert code == 1 and out == ""
    assert "licensing.version (the installed version) is not set" in err


# -- refusal, findings, input handling ---------------------------------------------


@pytest.mark.parametrize("action", ACTIONS)
def test_error_findings_refuse_the_runbook(action: str, tmp_path: Path) -> None:
    path = variant(
        tmp_path, "two-node", ("{name: CTXLIC, address", "{name: CTXLICENSESERVER01, address")
    )
    result = run_cllint(["runbook", "--action", action, "--as-of", AS_OF, str(path)], cwd=tmp_path)
    assert result.code == 1
    assert result.out == ""
    assert "two-node.yaml:49:31: CL402 [error] cap-name-too-long" in result.err
    assert f"cllint: no {action} runbook: fix the errors above first" in result.err


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_warnings_are_listed_at_the_top(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = variant(
        tmp_path,
        "two-node",
        (N2_HARDWARE, N2_HARDWARE.replace("memory_gb: 32", "memory_gb: 64")),
    )
    code, out, err = runbook(path, "install", capsys, fmt)
    assert (code, err) == (0, "")
    head = out.split("Prerequisites")[0]
    assert re.search(r"two-node\.yaml:\d+:\d+`? CL108 \[warning\] hardware-differs: ", head)
    assert "Findings from cllint check: none" not in head and "None." not in head


def test_ignored_rule_does_not_block(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = variant(
        tmp_path,
        "two-node",
        ("{name: CTXLIC, address", "{name: CTXLICENSESERVER01, address"),
        licenses=False,
    )
    code, out, _ = runbook(path, "install", capsys, ignore=("CL4", "CL7", "CL8"))
    assert code == 0
    assert "lmreread -c @CTXLICENSESERVER01 -all" in out


def test_runbook_needs_a_consistent_order_even_when_rules_are_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = variant(tmp_path, "three-node", ("last_node: LICNODE-C", "last_node: LICNODE-A"))
    code, out, err = runbook(path, "install", capsys, select=("CL001",))
    assert code == 1 and out == ""
    assert err == (
        f"cllint: cannot write a runbook from {path}: last_node 'LICNODE-A' is not the final "
        "node of install_order ('LICNODE-C')\n"
    )


def test_several_documents_need_document_option(tmp_path: Path) -> None:
    two = (FIXTURES / "two-node.yaml").read_text(encoding="utf-8")
    text = two + "---\n" + two.replace("CTXLIC-N1", "CTXLIC-N7")
    (tmp_path / "licenses").mkdir()
    shutil.copy(FIXTURES / "licenses" / "CTXLIC.lic", tmp_path / "licenses")
    (tmp_path / "multi.yaml").write_text(text, encoding="utf-8")
    args = ["runbook", "--action", "install", "--as-of", AS_OF, "multi.yaml"]
    result = run_cllint(args, cwd=tmp_path)
    assert result.code == 2 and result.out == ""
    assert result.err == (
        "cllint: error: multi.yaml holds 2 inventory documents; "
        "choose one with --document N (1-2)\n"
    )
    second = run_cllint([*args, "--document", "2"], cwd=tmp_path)
    assert second.code == 0, second.err
    assert installer_nodes(second.out) == ["CTXLIC-N7", "CTXLIC-N2"]
    first = run_cllint([*args, "--document", "1"], cwd=tmp_path)
    assert installer_nodes(first.out) == ["CTXLIC-N1", "CTXLIC-N2"]
    beyond = run_cllint([*args, "--document", "3"], cwd=tmp_path)
    assert beyond.code == 2
    assert beyond.err == "cllint: error: --document 3: multi.yaml holds 2 inventory documents\n"


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (
            "missing.yaml",
            "cllint: error: cannot read missing.yaml: no such file (or a dangling symbolic link)\n",
        ),
        (".", "cllint: error: cannot read .: a folder, not a regular file\n"),
    ],
)
def test_bad_path_is_a_one_line_error(target: str, message: str, tmp_path: Path) -> None:
    result = run_cllint(["runbook", "--action", "install", target], cwd=tmp_path)
    assert (result.code, result.out, result.err) == (2, "", message)


def test_not_an_inventory(tmp_path: Path) -> None:
    (tmp_path / "other.yaml").write_text("name: something else\n", encoding="utf-8")
    result = run_cllint(["runbook", "--action", "install", "other.yaml"], cwd=tmp_path)
    assert result.code == 2
    assert result.err == (
        "cllint: error: other.yaml is not an inventory (no cluster, nodes or licensing key)\n"
    )


def test_output_file_is_written_and_never_the_inventory(tmp_path: Path) -> None:
    path = variant(tmp_path, "two-node")
    args = ["runbook", "--action", "uninstall", "--as-of", AS_OF, "-f", "markdown"]
    result = run_cllint([*args, "-o", "ticket.md", "two-node.yaml"], cwd=tmp_path)
    assert (result.code, result.out, result.err) == (0, "", "")
    ticket = (tmp_path / "ticket.md").read_text(encoding="utf-8")
    assert ticket.startswith("# Uninstall Citrix Licensing from cluster CTXCLU01\n")
    before = path.read_bytes()
    clash = run_cllint([*args, "-o", "two-node.yaml", "two-node.yaml"], cwd=tmp_path)
    assert clash.code == 2
    assert (
        clash.err
        == "cllint: error: refusing to write the runbook over the inventory two-node.yaml\n"
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["licenses", "ticket.md", "two-node.yaml"]


# -- escaping ---------------------------------------------------------------------------


def test_values_are_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = variant(
        tmp_path,
        "two-node",
        ("resource_group: Citrix Licensing", 'resource_group: "Citrix *Lic*_[x]\\e[31m"'),
        ("name: Cluster Disk 2", "name: Disk <b>|2|"),
    )
    code, text, _ = runbook(path, "install", capsys, "text")
    assert code == 0
    assert "\x1b" not in text
    assert "Move the resource group Citrix *Lic*_[x]\\x1b[31m to CTXLIC-N1" in text
    assert "Move-ClusterGroup -Name 'Citrix *Lic*_[x]\\x1b[31m' -Node 'CTXLIC-N1'" in text
    code, md, _ = runbook(path, "install", capsys, "markdown")
    assert code == 0
    assert "\x1b" not in md
    assert "resource group Citrix \\*Lic\\*\\_\\[x\\]\\\\x1b\\[31m to CTXLIC-N1" in md
    assert "select Disk \\<b\\>\\|2\\| (drive `F:`)" in md
    # Inside a fenced command, the value is as PowerShell needs it (control characters escaped).
    assert "   Move-ClusterGroup -Name 'Citrix *Lic*_[x]\\x1b[31m' -Node 'CTXLIC-N1'" in md


def test_powershell_quotes_are_doubled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = variant(
        tmp_path,
        "two-node",
        ("resource_group: Citrix Licensing", "resource_group: O'Brien Licensing"),
    )
    code, out, _ = runbook(path, "uninstall", capsys)
    assert code == 0
    assert "Move-ClusterGroup -Name 'O''Brien Licensing' -Node 'CTXLIC-N1'" in out


def test_markdown_code_spans_survive_backticks() -> None:
    from cllint.runbook.render_markdown import code_span, text

    assert code_span("F:\\Program Files") == "`F:\\Program Files`"
    assert code_span("a`b") == "``a`b``"
    assert code_span("`x") == "`` `x ``"
    assert text("a_b*c") == "a\\_b\\*c"


def test_without_products_and_license_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = variant(
        tmp_path,
        "two-node",
        ("  license_files: [licenses/CTXLIC.lic]\n", "  activation: files\n"),
        (
            "products:\n  - {name: CVAD Production Site, type: cvad, license_server: CTXLIC, "
            "port: 27000}\n",
            "",
        ),
    )
    code, out, err = runbook(path, "install", capsys)
    assert (code, err) == (0, "")
    assert "Copy-Item" not in out
    assert (
        "Obtain license files with CTXLIC as the Host ID (case-sensitive) and copy them to "
        "F:\\Program Files\\Citrix\\Licensing\\MyFiles." in out
    )
    assert "Point every Citrix product at License Server CTXLIC, port 27000." in out
    if lookup("CL706") is not None:
        assert "CL706 [note] no-license-files" in out.split("Prerequisites")[0]


# -- the License Activation Service --------------------------------------------


@pytest.mark.parametrize("action", ["install", "upgrade"])
def test_file_licensing_refuses_the_runbook_after_the_cut_over(
    action: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """CL708 is an error from 2026-04-15: a file-licensed rollout gets no runbook."""
    code, out, err = runbook(FIXTURES / "two-node.yaml", action, capsys, as_of="2026-04-15")
    assert code == 1
    assert out == ""
    assert "CL708" in err
    code, out, _ = runbook(FIXTURES / "two-node.yaml", action, capsys, as_of="2026-04-14")
    assert code == 0
    assert "lmreread" in out


@pytest.mark.parametrize("inventory", LAS_INVENTORIES)
@pytest.mark.parametrize("action", ["install", "upgrade"])
def test_las_runbook_has_no_license_file_steps(
    inventory: str, action: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = runbook(FIXTURES / f"{inventory}.yaml", action, capsys)
    assert code == 0
    assert "lmreread" not in out
    assert "Copy-Item" not in out
    # An upgrade between two LAS builds keeps the registration: no new one.
    registers = action == "install" or inventory != "two-node-las-offline"
    assert ("Settings > Usage and Statistics > Register" in out) is registers
    assert (
        "Identity and Access Management > API Access > Product Registrations" in out
    ) is registers


def test_las_runbook_confirms_the_activation_after_each_move(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Online LAS: every node that can own the group is checked against Citrix Cloud."""
    _, out, _ = runbook(FIXTURES / "three-node-las.yaml", "install", capsys)
    section = out.split("Activate with the License Activation Service", 1)[1]
    section = section.split("Point the products", 1)[0]
    moves = re.findall(r"Move-ClusterGroup -Name '[^']+' -Node '([^']+)'", section)
    confirms = re.findall(
        r"On (\S+), open the Citrix Licensing Manager at \S+ and confirm", section
    )
    assert moves == confirms == ["LICNODE-B", "LICNODE-A"]
    assert "activation is current on LICNODE-C" in section
    prerequisites = out.split("Prerequisites", 1)[1].split("Create the licensing", 1)[0]
    for node in ("LICNODE-A", "LICNODE-B", "LICNODE-C"):
        assert f"Outbound HTTPS from {node} to Citrix Cloud" in prerequisites
    assert "11.17.2.0 build 51000 or later" in prerequisites


def test_upgrade_from_file_licensing_has_a_migration_section(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = runbook(FIXTURES / "two-node-las.yaml", "upgrade", capsys)
    migration = out.split("Move from license files to the License Activation Service", 1)[1]
    register = migration.index("Settings > Usage and Statistics > Register")
    confirm = migration.index("confirm that the activation is current")
    retire = migration.index("retire the license files")
    assert register < confirm < retire


def test_offline_activation_replaces_the_connectivity_check(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = runbook(FIXTURES / "two-node-las-offline.yaml", "install", capsys)
    assert "Outbound HTTPS from" not in out
    assert "export the activation request" in out
    assert "at the intervals Citrix sets" in out
    assert "11.17.2.0 build 53100 or later" in out
