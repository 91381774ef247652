"""``cllint init``: a commented starter inventory that passes the offline rules."""

from __future__ import annotations

import json
from pathlib import Path

from cllint.commands.starter import render
from helpers import run_cllint

# The starter is a License Activation Service inventory: nothing remains offline.
REMAINING: list[tuple[str, str]] = []


def test_init_writes_a_starter_that_checks_clean_but_for_notes(tmp_path: Path) -> None:
    run = run_cllint(["init"], cwd=tmp_path)
    assert run.code == 0, run.err
    assert "cllint.yaml" in run.out
    written = (tmp_path / "cllint.yaml").read_text("utf-8")
    assert written == render("cllint.yaml")
    check = run_cllint(["check", "-f", "json", "cllint.yaml"], cwd=tmp_path)
    assert check.code == 0, check.out
    assert [(i["rule"], i["severity"]) for i in json.loads(check.out)] == REMAINING


def test_every_key_is_explained() -> None:
    text = render()
    for key in (
        "version", "cluster", "name", "domain", "validation", "networks", "role", "subnet",
        "storage", "drive", "quorum", "kind", "nodes", "os", "hardware", "nics", "network",
        "address", "addressing", "firewall", "enabled", "rules", "licensing", "resource_group",
        "client_access_point", "installer", "install_path", "license_dir", "target_version",
        "install_order", "owner_node", "last_node", "ports", "name_resolution",
        "license_files", "previous_server", "products", "license_server", "port", "type",
        "activation", "internet",
    ):  # fmt: skip
        lines = [line for line in text.splitlines() if f"{key}:" in line]
        assert lines, f"{key} is missing from the starter"
        assert any("#" in line.split(f"{key}:", 1)[1] or line.lstrip().startswith("#")
                   for line in lines), f"{key} is not explained"  # fmt: skip


def test_init_with_a_file_name(tmp_path: Path) -> None:
    run = run_cllint(["init", "sites/new.yaml"], cwd=tmp_path)
    assert run.code == 2 and "cannot write" in run.err  # the folder does not exist
    (tmp_path / "sites").mkdir()
    assert run_cllint(["init", "sites/new.yaml"], cwd=tmp_path).code == 0
    assert "cllint check sites/new.yaml" not in (tmp_path / "sites" / "new.yaml").read_text()
    assert "cllint check new.yaml" in (tmp_path / "sites" / "new.yaml").read_text()


def test_init_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "cllint.yaml"
    target.write_text("mine\n", "utf-8")
    run = run_cllint(["init"], cwd=tmp_path)
    assert run.code == 2
    assert run.err.strip() == "cllint: error: cllint.yaml: already exists; not overwritten"
    assert target.read_text("utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cllint.yaml"]  # no temp file left
