"""Patterns compiled on first use: the same answers, compiled once, and only the library's own.

``cllint.lazy_patterns`` has PyYAML and json compile their module-level
patterns when first used, and ``lazy_compile`` does the same for cllint's
own rarely needed ones. These tests hold a lazy pattern to the compiled one,
check in fresh interpreters that a check really skips the compiling (or the
saving disappears unseen) and that PyYAML and json still answer as they do
when imported plainly, and hold the loader's digit shortcut to PyYAML's
resolver.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from cllint.inventory.loader import load_text
from cllint.lazy_patterns import LazyPattern, lazy_compile


def fresh_python(code: str, *path: Path) -> str:
    """What ``code`` prints in a new interpreter (nothing imported yet)."""
    env_path = [str(p) for p in path]
    proc = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path[:0] = {env_path!r}\n{code}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return proc.stdout


class CountingCompile:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        self.calls += 1
        return re.compile(pattern, flags)


def test_a_lazy_pattern_answers_as_the_compiled_one_and_compiles_once() -> None:
    counting = CountingCompile()
    lazy: Any = LazyPattern(r"(?P<word>[a-z]+)-(\d+)", re.I, counting)
    real: Any = re.compile(r"(?P<word>[a-z]+)-(\d+)", re.I)
    assert counting.calls == 0
    text = "Abc-12 def-3 x"
    assert lazy.match(text).groups() == real.match(text).groups()
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.sub(r"\2", text) == real.sub(r"\2", text)
    assert lazy.split(text) == real.split(text)
    assert lazy.findall(text) == real.findall(text)
    assert lazy.fullmatch("q-1").group("word") == "q"
    assert lazy.search("  a-1").start() == 2
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (
        real.pattern,
        real.flags,
        real.groups,
        real.groupindex,
    )
    assert repr(lazy) == repr(real)
    assert counting.calls == 1
    # every later call goes straight to the compiled pattern's method
    assert vars(lazy)["match"] == real.match


def test_a_lazy_pattern_refuses_other_attributes_without_compiling() -> None:
    counting = CountingCompile()
    lazy: Any = LazyPattern("a", 0, counting)
    with pytest.raises(AttributeError):
        _ = lazy.no_such_method
    with pytest.raises(AttributeError):
        _ = lazy._private
    assert counting.calls == 0


def test_lazy_compile_gives_a_pattern_that_matches() -> None:
    pattern = lazy_compile(r"\bbuild\s*(\d+)", re.I)
    assert isinstance(pattern, LazyPattern)
    found = pattern.search("11.17.2 BUILD 51000")
    assert found is not None and found.group(1) == "51000"


COUNT_COMPILES = """
import re, re._compiler as c
real, compiled = c.compile, []
def counting(p, flags=0):
    compiled.append(p)
    return real(p, flags)
c.compile = counting
"""


def test_a_check_compiles_none_of_pyyamls_patterns_at_import() -> None:
    code = COUNT_COMPILES + textwrap.dedent(
        """
        compile_before = re.compile
        import cllint.inventory.loader
        import yaml
        kind = type(yaml.reader.Reader.NON_PRINTABLE).__name__
        print(len(compiled), re.compile is compile_before, kind)
        """
    )
    count, restored, kind = fresh_python(code).split()
    assert (count, restored, kind) == ("0", "True", "LazyPattern")


def test_the_schema_compiles_only_the_json_patterns_json_uses_at_import() -> None:
    """json.decoder reads two patterns' ``match`` in default arguments: those two compile."""
    code = COUNT_COMPILES + textwrap.dedent(
        """
        import cllint.inventory.schema as s
        before = len(compiled)
        s.load_schema()
        print(len(compiled) - before)
        """
    )
    assert fresh_python(code).strip() == "2"


SCALARS = """\
int: 27000
octal: 0o17
old_octal: 017
hex: 0x1F
sexagesimal: 1:30
float: 2030.0101
exp: 1.5e+3
inf: .inf
nan_is_a_float: .NaN
bools: [yes, No, on, OFF, true, False]
nulls: [~, null, ]
date: 2026-04-15
stamp: 2026-04-15T10:00:00Z
address: 10.10.1.5
subnet: 10.10.0.0/16
version: 11.17.2
base: &b {a: 1}
merged: {<<: *b, c: 2}
text: name
"""


@pytest.mark.parametrize("loader", ["SafeLoader", "CSafeLoader"])
def test_pyyaml_reads_every_scalar_type_as_it_does_when_imported_plainly(loader: str) -> None:
    """PyYAML's pure-Python loader too: its reader and scanner use the lazy patterns."""
    read = f"print(repr(yaml.load({SCALARS!r}, Loader=yaml.{loader})))"
    lazy = fresh_python("from cllint.inventory.pyyaml import yaml\n" + read)
    plain = fresh_python("import yaml\n" + read)
    assert lazy == plain
    assert "datetime.date(2026, 4, 15)" in lazy and "nan" in lazy


def test_json_encodes_and_decodes_as_it_does_when_imported_plainly() -> None:
    """Its pure-Python scanner and encoder too: they use the lazy patterns."""
    code = textwrap.dedent(
        """
        import json.decoder as d, json.encoder as e, json.scanner as s
        text = '{"a": [1, -2.5e3, "caf\\\\u00e9\\\\n", true, null]}'
        print(json.loads(text), json.dumps({"k": "caf\\u00e9\\n"}))
        print(d.py_scanstring('x\\\\"y"', 0), e.py_encode_basestring_ascii('caf\\u00e9"'))
        print(e.py_encode_basestring('a"\\n'), s.py_make_scanner(d.JSONDecoder())('12.5', 0))
        """
    )
    lazy = fresh_python(
        "from cllint.lazy_patterns import import_compiling_lazily as i; json = i('json')\n" + code
    )
    plain = fresh_python("import json\n" + code)
    assert lazy == plain
    assert "12.5" in lazy


def test_only_the_librarys_own_modules_get_lazy_patterns(tmp_path: Path) -> None:
    """A module the library imports from elsewhere compiles as usual; re.compile comes back."""
    (tmp_path / "lazylib").mkdir()
    (tmp_path / "lazylib" / "__init__.py").write_text(
        "import re, lazyhelper\nOWN = re.compile('a+')\nFROM_HELPER = lazyhelper.P\n"
        "COMPILED = re.compile(re.compile('b'))\nRAW = re.compile(re.compile('d').compiled())\n",
        encoding="utf-8",
    )
    (tmp_path / "lazyhelper.py").write_text("import re\nP = re.compile('c+')\n", encoding="utf-8")
    code = textwrap.dedent(
        """
        import re
        from cllint.lazy_patterns import import_compiling_lazily
        m = import_compiling_lazily("lazylib", replace={"a+": "a++"})
        print(*(type(p).__name__ for p in (m.OWN, m.FROM_HELPER, m.COMPILED, m.RAW)))
        print(m.OWN.pattern, m.OWN.match("aaa").group(), re.compile("x").__class__.__name__)
        print(import_compiling_lazily("lazylib") is m)
        """
    )
    lines = fresh_python(code, tmp_path).splitlines()
    assert lines == ["LazyPattern Pattern LazyPattern Pattern", "a++ aaa Pattern", "True"]


# -- the loader's digit shortcut ------------------------------------------------

DIGIT_TEXT = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("0123456789"),
    st.text(alphabet="0123456789./:-_+eExXbBoOtTzZ \t", max_size=24),
).filter(lambda t: "/" in t or t.count(".") > 1)


@given(DIGIT_TEXT)
def test_a_digit_first_text_with_a_slash_or_two_dots_is_always_a_string(text: str) -> None:
    """What the loader takes without asking PyYAML's resolver: its resolver agrees."""
    resolver: Any = yaml.resolver.Resolver()
    tag = resolver.resolve(yaml.ScalarNode, text, (True, False))
    assert tag == "tag:yaml.org,2002:str"


def test_the_loader_types_scalars_as_pyyaml_does() -> None:
    """Addresses, subnets and versions stay strings; numbers and booleans are typed."""
    data = load_text(SCALARS).documents[0].data
    theirs = yaml.load(SCALARS, Loader=yaml.CSafeLoader)
    for key in ("int", "octal", "old_octal", "hex", "sexagesimal", "float", "exp", "inf"):
        assert data[key] == theirs[key] and type(data[key]) is type(theirs[key]), key
    for key in ("bools", "nulls", "address", "subnet", "version", "merged", "text"):
        assert data[key] == theirs[key], key
    assert (data["date"], data["stamp"]) == ("2026-04-15", "2026-04-15T10:00:00Z")


INVENTORY_SCALARS = """\
address: 10.10.1.5
subnet: 10.10.0.0/16
interface: 10.10.1.5/16
version: 11.17.2
port: 27000
memory_gb: 32.5
enabled: true
"""


def test_a_check_does_not_compile_the_timestamp_patterns() -> None:
    """Addresses and versions no longer reach the resolver's timestamp pattern."""
    code = COUNT_COMPILES + textwrap.dedent(
        f"""
        from cllint.inventory.loader import load_text
        load_text({json.dumps(INVENTORY_SCALARS)})
        print(sum("[0-9][0-9][0-9][0-9]-[0-9]" in str(p) for p in compiled))
        """
    )
    assert fresh_python(code).strip() == "0"
