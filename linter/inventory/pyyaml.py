"""PyYAML, imported without compiling its patterns until they are used.

``import yaml`` compiles a dozen patterns (the resolver's integers, floats,
timestamps, booleans..., the constructor's timestamp, the reader's printable
set); :mod:`cllint.lazy_patterns` has it compile each when first used, and a
one-file check uses only the few it types plain scalars with.

One of them costs more than all the others: ``yaml.reader.Reader.NON_PRINTABLE``,
a negated class of almost every code point (``[^...\\xA0-\\uD7FF\\uE000-\\uFFFD...]``),
which ``re`` expands one code point at a time, some 63,000 steps of Python.
Measured with callgrind (Python 3.11, PyYAML 6.0): 53 million of the 124
million instructions ``import yaml`` took, and 53 of the 298 million of a
whole one-file ``cllint check``. Only PyYAML's pure-Python reader uses it
(the C parser checks printability itself). Should it ever be compiled, it is
compiled from the same set of code points written the other way round: a
class of the few characters YAML does not allow, which compiles about 12
times faster and matches exactly the same characters
(tests/test_pyyaml_import.py compares the two over every code point).

Every module of cllint that uses PyYAML imports it from here (``from
cllint.inventory.pyyaml import yaml``), so whichever comes first takes the
short way; a ``yaml`` some other code imported earlier is used as it is.
"""

from __future__ import annotations

import re

from cllint.lazy_patterns import import_compiling_lazily

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    import yaml as yaml

__all__ = ["not_printable", "yaml"]

#: ``yaml.reader.Reader.NON_PRINTABLE`` as PyYAML 5.1 to 6.x writes it: what YAML 1.1 may print.
NON_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
#: The same set of code points, named by what is *not* printable: C0 controls but
#: tab, line feed and carriage return; DEL and C1 controls but NEL; surrogates;
#: U+FFFE and U+FFFF.
SAME_SET = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"


def not_printable() -> re.Pattern[str]:
    """The characters YAML does not allow (to place the reader's error in a file)."""
    return re.compile(SAME_SET)


if not TYPE_CHECKING:
    yaml = import_compiling_lazily("yaml", replace={NON_PRINTABLE: SAME_SET})
