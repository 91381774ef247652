"""--select / --ignore / --extend-select: table-driven, flake8-style specificity."""

from __future__ import annotations

import pytest

from cllint.findings import Severity
from cllint.rule import Rule
from cllint.settings.selection import Selection, SelectionError, split_terms


def make(rule_id: str, rule_name: str) -> type[Rule]:
    return type(
        rule_id,
        (Rule,),
        {"id": rule_id, "name": rule_name, "severity": Severity.ERROR, "summary": ""},
    )


RULES = [
    make("CL001", "yaml-syntax"),
    make("CL301", "too-few-nics"),
    make("CL305", "private-address-not-static"),
    make("CL402", "cap-name-too-long"),
    make("CL406", "name-collision"),
]
ALL = ["CL001", "CL301", "CL305", "CL402", "CL406"]

TABLE = [
    # (select, ignore, extend_select, enabled)
    ((), (), (), ALL),
    (("CL3",), (), (), ["CL301", "CL305"]),
    (("CL30",), (), (), ["CL301", "CL305"]),
    (("CL301",), (), (), ["CL301"]),
    (("too-few-nics",), (), (), ["CL301"]),
    (("cl402",), (), (), ["CL402"]),
    ((), ("CL3",), (), ["CL001", "CL402", "CL406"]),
    ((), ("cap-name-too-long",), (), ["CL001", "CL301", "CL305", "CL406"]),
    # The more specific term wins ...
    (("CL305",), ("CL3",), (), ["CL305"]),
    (("CL3",), ("CL305",), (), ["CL301"]),
    (("private-address-not-static",), ("CL3",), (), ["CL305"]),
    # ... and on a tie ignore wins.
    (("CL3",), ("CL3",), (), []),
    (("CL4",), (), ("CL001",), ["CL001", "CL402", "CL406"]),
    (("CL4",), ("CL406",), ("CL3",), ["CL301", "CL305", "CL402"]),
    (("ALL",), ("CL0",), (), ["CL301", "CL305", "CL402", "CL406"]),
    (("CL",), (), (), ALL),
]


@pytest.mark.parametrize(("select", "ignore", "extend", "enabled"), TABLE)
def test_selection_table(
    select: tuple[str, ...], ignore: tuple[str, ...], extend: tuple[str, ...], enabled: list[str]
) -> None:
    selection = Selection(RULES, select=select, ignore=ignore, extend_select=extend)
    assert [r.id for r in selection.enabled_rules()] == enabled


@pytest.mark.parametrize("term", ["CL9999", "no-such-rule", "XY1"])
def test_unknown_terms_are_errors(term: str) -> None:
    with pytest.raises(SelectionError, match=term):
        Selection(RULES, select=(term,))


def test_family_prefix_without_rules_is_accepted() -> None:
    assert Selection(RULES, ignore=("CL9",)).enabled_rules() == tuple(RULES)


@pytest.mark.parametrize(
    ("given", "terms"),
    [
        ("CL1,CL2", ("CL1", "CL2")),
        (["CL1, CL2", "CL3"], ("CL1", "CL2", "CL3")),
        (" , ", ()),
        (None, ()),
    ],
)
def test_split_terms(given: str | list[str] | None, terms: tuple[str, ...]) -> None:
    assert split_terms(given) == terms


PLUGIN = [*RULES, make("ACME001", "cap-prefix")]
PLUGIN_TABLE = [
    # A third-party id outside the CL family runs by default, as "no select
    # means every rule" says, and ALL names it; CL names the built-in rules only.
    ((), (), [*ALL, "ACME001"]),
    (("ALL",), (), [*ALL, "ACME001"]),
    (("CL",), (), ALL),
    ((), ("ACME",), ALL),
    ((), ("ALL",), []),
    # ALL is exactly as specific as CL: a tie, and ignore wins, as before
    (("CL",), ("ALL",), []),
    (("ALL",), ("CL",), ["ACME001"]),
    (("CL3",), ("ALL",), ["CL301", "CL305"]),
]


@pytest.mark.parametrize(("select", "ignore", "enabled"), PLUGIN_TABLE)
def test_selection_of_a_third_party_rule(
    select: tuple[str, ...], ignore: tuple[str, ...], enabled: list[str]
) -> None:
    selection = Selection(PLUGIN, select=select, ignore=ignore)
    assert [r.id for r in selection.enabled_rules()] == enabled
