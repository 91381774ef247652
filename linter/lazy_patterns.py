"""Import a library whose module-level regular expressions compile on first use.

PyYAML and the standard library's ``json`` compile their patterns as they
import: PyYAML's resolver (integers, floats, timestamps, booleans, null...),
its constructor's timestamp, its pure-Python reader's printable set; json's
pure-Python scanner and encoder. ``re`` compiles in Python, 20 µs to 1 ms a
pattern, and a one-file ``cllint check`` spent 5.4 of its 7.6 ms of
compiling on those two libraries (CPU, this project's machine), mostly on
patterns it never uses: it reads YAML with libyaml's C parser, decodes JSON
with the C scanner, and types a plain scalar only when its first character
could start a number, a boolean or a null.

:func:`import_compiling_lazily` imports a library while ``re.compile``,
called from that library's own modules, returns a :class:`LazyPattern`:
it compiles the pattern the first time one of its attributes is read, and
keeps the compiled pattern's methods as its own attributes, so that every
later call costs what a call on the compiled pattern costs. Calls from any
other module, and everything after the import, get ``re.compile`` itself.

:func:`lazy_compile` does the same for cllint's own module-level patterns
that only some inputs need.
"""

from __future__ import annotations

import re
import sys

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from collections.abc import Mapping
    from types import ModuleType
    from typing import Any

__all__ = ["LazyPattern", "import_compiling_lazily", "lazy_compile"]

#: What a compiled pattern offers; the first read of any of them compiles it.
_PATTERN_ATTRIBUTES = (
    "findall",
    "finditer",
    "flags",
    "fullmatch",
    "groupindex",
    "groups",
    "match",
    "pattern",
    "scanner",
    "search",
    "split",
    "sub",
    "subn",
)


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled when first used."""

    def __init__(self, pattern: str | bytes, flags: int, compile: Any) -> None:
        self._source = (pattern, flags)
        self._compile = compile

    def compiled(self) -> re.Pattern[Any]:
        """The compiled pattern (compiled now, if this is the first use)."""
        real: re.Pattern[Any] | None = self.__dict__.get("_real")
        if real is None:
            real = self._real = self._compile(*self._source)
            for name in _PATTERN_ATTRIBUTES:  # from now on, read without __getattr__
                setattr(self, name, getattr(real, name))
        return real

    def __getattr__(self, name: str) -> Any:
        # Only reached for what the instance does not hold yet: a pattern's attribute.
        if name not in _PATTERN_ATTRIBUTES:
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return repr(self.compiled())


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` for a pattern that many runs never use.

    For cllint's own module-level patterns that only some inputs reach
    (a glued keyword in a license file, a build number after a version).
    It answers every method of a compiled pattern; ``isinstance(x, re.Pattern)``
    is the one thing it does not pass.
    """
    lazy: Any = LazyPattern(pattern, flags, re.compile)
    return lazy  # type: ignore[no-any-return]


def import_compiling_lazily(name: str, replace: Mapping[str, str] | None = None) -> ModuleType:
    """``import name`` with its patterns compiled on first use (see the module docstring).

    ``replace`` maps a pattern the library writes to an equivalent one that
    compiles faster. A library that is already imported is returned as it is.
    """
    found = sys.modules.get(name)
    if found is not None:
        return found
    real = re.compile
    swaps = replace or {}
    prefix = name + "."

    def compile(pattern: Any, flags: int = 0) -> Any:
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if caller != name and not caller.startswith(prefix):
            return real(pattern, flags)
        if type(pattern) is str and flags == 0:
            pattern = swaps.get(pattern, pattern)
        if type(pattern) is LazyPattern:  # as re.compile gives a compiled pattern back
            return pattern if flags == 0 else real(pattern.compiled(), flags)
        if type(pattern) is not str and type(pattern) is not bytes:
            return real(pattern, flags)  # a compiled pattern given back, or re's error
        return LazyPattern(pattern, flags, real)

    re.compile = compile
    try:
        __import__(name)
    finally:
        re.compile = real
    return sys.modules[name]
