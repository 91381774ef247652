"""The package's shape, read from the installed modules' imports.

Two promises of the layout (README, "Layout" and "Writing a rule"):
- no import circles: every module can be read, and imported, after what it
  imports, whichever function-level (lazy) import runs first;
- a rule module imports only the plugin API (what a third-party rule in the
  ``cllint.rules`` entry-point group may use), never the engine, the runner,
  the settings or the command line that run it.

Every ``import`` counts, at module level or inside a function, so a lazy
import cannot hide a circle. Importing ``a.b.c`` also runs ``a/__init__`` and
``a/b/__init__``, so it is an import of those packages too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import cllint

INSTALLED = Path(cllint.__file__).resolve().parent

#: What a rule may import: the rule interface, findings, the typed model and
#: the record classes it is made of, the online rules' vocabulary, the
#: license-file reader and parser, the vendor facts, and the rules' own helpers.
PLUGIN_API = (
    "cllint.rule",
    "cllint.findings",
    "cllint.model",
    "cllint.records",
    "cllint.online",
    "cllint.licenses",
    "cllint.citrix",
    "cllint.rules",
)


def modules(root: Path, package: str) -> dict[str, Path]:
    """Every module under ``root`` (the folder of ``package``), by dotted name."""
    found: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join([package, *parts])] = path
    return found


def imported(path: Path, name: str, known: set[str]) -> Iterator[str]:
    """The modules of ``known`` that the module ``name`` at ``path`` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")
                anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [base]
            # ``from pkg import mod`` imports the module ``pkg.mod``
            targets += [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in known]
        for target in targets:
            parts = target.split(".")
            for end in range(1, len(parts) + 1):
                prefix = ".".join(parts[:end])
                if prefix in known and prefix != name:
                    yield prefix


def graph(root: Path, package: str) -> dict[str, set[str]]:
    found = modules(root, package)
    known = set(found)
    return {name: set(imported(path, name, known)) for name, path in found.items()}


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(start: str) -> None:
        # iterative, so a deep chain of imports cannot hit the recursion limit
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))

    for name in sorted(edges):
        if name not in index:
            visit(name)
    return found


def outside_api(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    """Each rule module's imports of cllint that are not the plugin API."""
    bad: dict[str, set[str]] = {}
    for name, targets in edges.items():
        if not name.startswith("cllint.rules"):
            continue
        wrong = {
            t
            for t in targets
            if t != "cllint" and not any(t == api or t.startswith(api + ".") for api in PLUGIN_API)
        }
        if wrong:
            bad[name] = wrong
    return bad


def test_the_installed_package_has_no_import_circles() -> None:
    edges = graph(INSTALLED, "cllint")
    assert len(edges) > 100  # the whole package was read, rules included
    assert "cllint.lint.engine" in edges["cllint.lint.runner"]  # and its imports seen
    assert circles(edges) == []


def test_rule_modules_import_only_the_plugin_api() -> None:
    edges = graph(INSTALLED, "cllint")
    rules = [n for n in edges if n.startswith("cllint.rules.cl")]
    assert len(rules) > 60
    assert outside_api(edges) == {}


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "cllint"
    for rel, text in {"__init__.py": "", "rules/__init__.py": "", **files}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_a_circle_through_a_lazy_import_is_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "lint/__init__.py": "",
            "lint/engine.py": "from cllint.licenses.reader import read\n",
            "licenses/__init__.py": "",
            "licenses/reader.py": "def read():\n    from cllint.lint import engine\n",
            "paths.py": "from . import findings\n",
            "findings.py": "import cllint.paths\n",
        },
    )
    assert sorted(circles(graph(root, "cllint"))) == [
        ["cllint.findings", "cllint.paths"],
        ["cllint.licenses.reader", "cllint.lint.engine"],
    ]


def test_a_rule_that_reaches_the_engine_is_named(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "rule.py": "",
            "model.py": "",
            "lint/__init__.py": "",
            "lint/engine.py": "",
            "settings/__init__.py": "",
            "rules/cl999_bad.py": (
                "from cllint.rule import Rule\nfrom cllint import model\n"
                "def check():\n    from cllint.lint.engine import Linter\n"
            ),
            "rules/cl998_sneaky.py": "from cllint import settings\n",
            "rules/cl997_good.py": "from cllint.rule import Rule\nfrom cllint.model import X\n",
        },
    )
    assert outside_api(graph(root, "cllint")) == {
        "cllint.rules.cl999_bad": {"cllint.lint", "cllint.lint.engine"},
        "cllint.rules.cl998_sneaky": {"cllint.settings"},
    }
