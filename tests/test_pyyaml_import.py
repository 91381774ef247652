"""PyYAML's printable-character pattern, swapped for a cheaper one that means the same.

cllint.inventory.pyyaml gives ``yaml.reader`` a pattern written as the
complement of PyYAML's own (see its docstring for the cost). These tests
hold it to "the same characters, always": over every code point, in PyYAML's
pure-Python reader, and in a real run, where the swap must also take effect
(or the start-up saving silently disappears with a new PyYAML).
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml.reader

from cllint.inventory.pyyaml import NON_PRINTABLE, not_printable


def fresh_python(code: str) -> str:
    """What ``code`` prints in a new interpreter (nothing imported yet)."""
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return proc.stdout


EVERY_CODE_POINT = "".join(map(chr, range(sys.maxunicode + 1)))


def test_both_patterns_match_exactly_the_same_code_points() -> None:
    theirs = [m.start() for m in re.finditer(NON_PRINTABLE, EVERY_CODE_POINT)]
    ours = [m.start() for m in not_printable().finditer(EVERY_CODE_POINT)]
    assert ours == theirs
    # the set is what YAML 1.1 forbids: C0 but TAB/LF/CR, DEL, C1 but NEL, surrogates, FFFE/FFFF
    assert len(ours) == 29 + 1 + 31 + 2048 + 2


def test_the_installed_pyyaml_writes_the_pattern_this_module_replaces() -> None:
    """A PyYAML that spells it differently would compile the slow one again."""
    code = (
        "import re, yaml.reader as r; from cllint.inventory.pyyaml import NON_PRINTABLE as N;"
        "print(r.Reader.NON_PRINTABLE.pattern == N)"
    )
    # import yaml first, untouched: this is PyYAML's own pattern
    assert fresh_python(code).strip() == "True"


def test_a_check_imports_pyyaml_with_the_cheap_pattern_and_restores_re() -> None:
    code = (
        "import re; compile = re.compile;"
        "import cllint.inventory.loader, yaml.reader as r;"
        "from cllint.inventory.pyyaml import SAME_SET;"
        "print(r.Reader.NON_PRINTABLE.pattern == SAME_SET, re.compile is compile)"
    )
    assert fresh_python(code).split() == ["True", "True"]


def swapped_reader() -> type[yaml.reader.Reader]:
    """PyYAML's pure-Python reader with the swapped pattern (whoever imported PyYAML first)."""
    return type("SwappedReader", (yaml.reader.Reader,), {"NON_PRINTABLE": not_printable()})


@pytest.mark.parametrize(
    ("text", "position", "character"),
    [("a\x07b", 1, 0x07), ("ok\ufffe", 2, 0xFFFE), ("\x85\x9f", 1, 0x9F), ("\ud800", 0, 0xD800)],
)
def test_pyyamls_python_reader_still_finds_the_first_forbidden_character(
    text: str, position: int, character: int
) -> None:
    """PyYAML's pure-Python reader (used where it has no C extension), given the swapped pattern.

    The reader is given the pattern here, not through the import: another test
    module may have imported PyYAML first (the swap itself is tested above, in
    a fresh process).
    """
    SwappedReader = swapped_reader()

    with pytest.raises(yaml.reader.ReaderError) as caught:
        SwappedReader(text)
    assert (caught.value.position, caught.value.character) == (position, character)


def test_printable_text_passes_the_python_reader() -> None:
    SwappedReader = swapped_reader()

    text = "name: caf\u00e9 \U0001f600\tok\u0085\u00a0\ud7ff\ue000\ufffd\U0010ffff\r\n"
    SwappedReader(text)  # the reader checks the whole text when it is made
    with pytest.raises(yaml.reader.ReaderError):
        SwappedReader(text + "\x7f")
