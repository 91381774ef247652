"""docs/traceability.md maps the source document's sentences to rules; keep it honest.

The rule catalog is the contract, so ids are checked against it (not against
the registry, which grows family by family); every registered rule must be
traced, and every quoted sentence must really be in the source document.
"""

from __future__ import annotations

import re

from cllint.settings.registry import builtin_rules
from helpers import ROOT, SHARED

TRACEABILITY = ROOT / "docs" / "traceability.md"
CATALOG = SHARED / "spec" / "rules.md"
SOURCE = SHARED / "source" / "000_74346baec13174ee.txt"
RULE_ID = re.compile(r"\bCL\d{3}\b")
CATALOG_ROW = re.compile(r"^\| (CL\d{3}) \|", re.M)
QUOTE = re.compile(r'"([^"]+)"')


def words(text: str) -> str:
    return " ".join(text.split())


def table_rows() -> list[str]:
    return [
        line
        for line in TRACEABILITY.read_text(encoding="utf-8").splitlines()
        if line.startswith("| ") and not line.startswith("|---")
    ]


def test_every_id_named_is_in_the_catalog() -> None:
    catalog = set(CATALOG_ROW.findall(CATALOG.read_text(encoding="utf-8")))
    named = set(RULE_ID.findall(TRACEABILITY.read_text(encoding="utf-8")))
    assert named, "docs/traceability.md names no rule"
    unknown = sorted(named - catalog)
    assert not unknown, f"docs/traceability.md names ids that are not in the catalog: {unknown}"


def test_every_registered_rule_is_traced_in_a_table() -> None:
    traced = {rule_id for row in table_rows() for rule_id in RULE_ID.findall(row)}
    untraced = sorted(r.id for r in builtin_rules() if r.id not in traced)
    assert not untraced, f"rules missing from the tables of docs/traceability.md: {untraced}"


def test_every_quote_is_in_the_source_document() -> None:
    source = words(SOURCE.read_text(encoding="utf-8"))
    quotes = [q for row in table_rows() for q in QUOTE.findall(row)]
    assert len(quotes) > 50
    absent = [
        part
        for quote in quotes
        for part in (words(p) for p in quote.split("…"))
        if part and part not in source
    ]
    assert not absent, f"quoted text not found in the source document: {absent}"
