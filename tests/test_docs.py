"""Documentation that cannot go stale: the rule reference and the catalog contract."""

from __future__ import annotations

import re

from cllint.formats.rule_docs import markdown
from cllint.settings.registry import builtin_rules
from helpers import ROOT, SHARED

RULES_MD = ROOT / "docs" / "rules.md"
CATALOG = SHARED / "spec" / "rules.md"
ROW = re.compile(r"^\| (CL\d{3}) \| ([a-z0-9-]+) \| (error|warning|note) \|", re.M)


def test_docs_rules_md_is_generated_from_the_rules() -> None:
    expected = markdown(builtin_rules())
    actual = RULES_MD.read_text(encoding="utf-8")
    assert actual == expected, (
        "docs/rules.md is stale: regenerate it with "
        "`python -m cllint rules --format markdown > docs/rules.md`"
    )


def catalog() -> dict[str, tuple[str, str]]:
    return {m[0]: (m[1], m[2]) for m in ROW.findall(CATALOG.read_text(encoding="utf-8"))}


def test_rules_match_the_catalog_names_and_severities() -> None:
    spec = catalog()
    assert len(spec) > 50
    for rule in builtin_rules():
        assert rule.id in spec, f"{rule.id} is not in the catalog"
        assert (rule.name, rule.severity.label) == spec[rule.id], rule.id


def test_every_catalog_rule_is_implemented() -> None:
    missing = sorted(set(catalog()) - {r.id for r in builtin_rules()})
    assert not missing, f"rules of the catalog not implemented: {missing}"


def test_rule_examples_are_valid_yaml_with_their_nesting() -> None:
    import yaml

    from cllint.formats.rule_docs import parse
    from cllint.rules.cl402_cap_name_too_long import CapNameTooLong

    for rule in builtin_rules():
        doc = parse(rule)
        for section in ("Failing example", "Passing example"):
            try:  # compose: well-formed YAML, without constructing any tag
                yaml.compose(doc.get(section), Loader=yaml.SafeLoader)
            except yaml.YAMLError as exc:
                raise AssertionError(f"{rule.id} {section} is not valid YAML: {exc}") from None
    example = parse(CapNameTooLong).get("Failing example")
    assert example == "licensing:\n  client_access_point: {name: CTXLICENSESRV01}"
