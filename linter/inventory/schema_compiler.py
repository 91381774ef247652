"""A small JSON Schema validator compiled to closures, for cllint's own schemas.

Why not always ``jsonschema``: importing it (with ``referencing``, ``attrs``
and ``rpds``) costs about 100 ms, more than the rest of a one-file check, and
walking a large inventory with it costs about ten times what these closures
do. cllint's schemas use a small subset of draft 2020-12, so this module
compiles that subset once into plain Python functions.

The errors it reports are the ones ``jsonschema`` reports, in the same order,
with the same ``validator``, ``validator_value``, ``instance``, ``schema``,
``absolute_path`` and ``message``, so CL002's wording does not depend on the
validator; ``tests/test_schema_compiler.py`` checks that on many generated
documents. A schema with any keyword outside the subset raises
:class:`Unsupported` at compile time and the caller uses ``jsonschema``.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator, Mapping

__all__ = [
    "MAX_ERRORS",
    "CompiledValidator",
    "TooManyErrors",
    "Unsupported",
    "Violation",
    "compile_schema",
]


class Unsupported(ValueError):
    """The schema uses a keyword this compiler does not implement."""


class TooManyErrors(Exception):
    """More errors than a document can sensibly have: aliases repeating a bad node."""


MAX_ERRORS = 10_000


class Violation:
    """One schema violation, shaped like ``jsonschema.ValidationError``."""

    __slots__ = ("absolute_path", "instance", "message", "schema", "validator", "validator_value")

    def __init__(
        self, message: str, validator: str, value: Any, instance: Any, schema: Any
    ) -> None:
        self.message = message
        self.validator = validator
        self.validator_value = value
        self.instance = instance
        self.schema = schema
        self.absolute_path: deque[str | int] = deque()

    def __repr__(self) -> str:
        return f"<Violation {self.validator} at {list(self.absolute_path)}: {self.message}>"


Errors = list[Violation] | None
FormatCheck = Callable[[object], bool]
TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any

    Check = Callable[[Any], Errors]

# Keywords that validate in draft 2020-12 (jsonschema's Draft202012Validator).
# Any other keyword (title, description, default, markdownDescription, $defs,
# ...) only annotates and is ignored, as jsonschema ignores it; a validating
# keyword this module does not implement makes the schema Unsupported.
_VALIDATING = frozenset(
    {
        "$dynamicRef", "$ref", "additionalProperties", "allOf", "anyOf", "const",
        "contains", "dependentRequired", "dependentSchemas", "enum", "exclusiveMaximum",
        "exclusiveMinimum", "format", "if", "items", "maxItems", "maxLength",
        "maxProperties", "maximum", "minItems", "minLength", "minProperties", "minimum",
        "multipleOf", "not", "oneOf", "pattern", "patternProperties", "prefixItems",
        "properties", "propertyNames", "required", "type", "unevaluatedItems",
        "unevaluatedProperties", "uniqueItems",
    }
)  # fmt: skip


_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda x: type(x) is str,
    "object": lambda x: type(x) is dict,
    "array": lambda x: type(x) is list,
    "boolean": lambda x: type(x) is bool,
    "null": lambda x: x is None,
    "integer": lambda x: type(x) is int or (type(x) is float and x.is_integer()),
    "number": lambda x: type(x) is int or type(x) is float,
}
"""JSON types as jsonschema checks them for parsed YAML/JSON (``bool`` is no number)."""
_EXACT_TYPES: dict[str, type] = {"string": str, "object": dict, "array": list, "boolean": bool}
"""The types whose test is ``type(x) is T``."""


def _unbool(value: Any) -> Any:
    if value is True:
        return ("\x00bool", True)
    if value is False:
        return ("\x00bool", False)
    return value


def _equal(one: Any, two: Any) -> bool:
    """Equality as JSON Schema means it: ``true`` is not ``1``."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return bool(one == two)
    if isinstance(one, list | tuple) and isinstance(two, list | tuple):
        return len(one) == len(two) and all(_equal(a, b) for a, b in zip(one, two, strict=True))
    if isinstance(one, dict) and isinstance(two, dict):
        return one.keys() == two.keys() and all(_equal(one[k], two[k]) for k in one)
    return bool(_unbool(one) == _unbool(two))


def _prefix(errors: list[Violation], key: str | int) -> list[Violation]:
    for error in errors:
        error.absolute_path.appendleft(key)
    return errors


class _Compiler:
    def __init__(
        self,
        root: Mapping[str, Any],
        formats: Mapping[str, FormatCheck],
        shortcuts: Mapping[str, Callable[[str], bool]],
    ) -> None:
        self.root = root
        self.formats = formats
        self.shortcuts = shortcuts
        self.refs: dict[str, Check] = {}

    def resolve(self, ref: str) -> Any:
        if not ref.startswith("#"):
            raise Unsupported(f"only local references are supported, not {ref!r}")
        node: Any = self.root
        for part in ref[1:].split("/")[1:]:
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or part not in node:
                raise Unsupported(f"unresolvable reference {ref!r}")
            node = node[part]
        return node

    def ref(self, ref: str) -> Check:
        found = self.refs.get(ref)
        if found is not None:
            return found
        slot: list[Check] = []

        def late(instance: Any) -> Errors:  # breaks cycles: compiled on first use
            return slot[0](instance)

        self.refs[ref] = late
        slot.append(self.compile(self.resolve(ref)))
        self.refs[ref] = slot[0]
        return slot[0]

    def compile(self, schema: Any) -> Check:
        if schema is True:
            return _valid
        if schema is False:

            def never(instance: Any) -> Errors:
                return [
                    Violation(
                        f"False schema does not allow {instance!r}", "", None, instance, False
                    )
                ]

            return never
        if not isinstance(schema, dict):
            raise Unsupported(f"a schema must be an object or a boolean, not {schema!r}")
        if schema is not self.root and {"$id", "$anchor", "$dynamicAnchor"} & schema.keys():
            raise Unsupported("nested $id / $anchor change how references resolve")
        checks = [
            self.keyword(key, value, schema) for key, value in schema.items() if key in _VALIDATING
        ]
        checks = [c for c in checks if c is not _valid]
        if not checks:
            return _valid
        if len(checks) == 1:
            return checks[0]

        def all_of(instance: Any) -> Errors:
            found: Errors = None
            for check in checks:
                errors = check(instance)
                if errors:
                    if found is None:
                        found = errors
                    else:
                        found.extend(errors)
            return found

        return all_of

    def keyword(self, key: str, value: Any, schema: dict[str, Any]) -> Check:
        build = getattr(self, "k_" + key.lstrip("$"), None)
        if build is None:
            raise Unsupported(f"keyword {key!r} is not supported")
        check: Check = build(value, schema)
        return check

    # -- keywords -----------------------------------------------------------
    def k_ref(self, value: str, schema: dict[str, Any]) -> Check:
        return self.ref(value)

    def k_type(self, value: str | list[str], schema: dict[str, Any]) -> Check:
        names = [value] if isinstance(value, str) else list(value)
        unknown = [n for n in names if n not in _TYPES]
        if unknown:
            raise Unsupported(f"unknown type {unknown[0]!r}")
        tests = tuple(_TYPES[n] for n in names)
        reprs = ", ".join(repr(n) for n in names)

        def wrong(instance: Any) -> Errors:
            message = f"{instance!r} is not of type {reprs}"
            return [Violation(message, "type", value, instance, schema)]

        exact = _EXACT_TYPES.get(names[0]) if len(names) == 1 else None
        if exact is not None:  # the common case, one type tested without a call

            def check_one(instance: Any) -> Errors:
                return None if type(instance) is exact else wrong(instance)

            return check_one

        def check(instance: Any) -> Errors:
            for test in tests:
                if test(instance):
                    return None
            return wrong(instance)

        return check

    def k_enum(self, value: list[Any], schema: dict[str, Any]) -> Check:
        plain = frozenset(v for v in value if isinstance(v, str))
        if len(plain) != len(value):

            def member(instance: Any) -> bool:
                return any(_equal(each, instance) for each in value)

        else:

            def member(instance: Any) -> bool:
                return type(instance) is str and instance in plain

        def check(instance: Any) -> Errors:
            if member(instance):
                return None
            message = f"{instance!r} is not one of {value!r}"
            return [Violation(message, "enum", value, instance, schema)]

        return check

    def k_const(self, value: Any, schema: dict[str, Any]) -> Check:
        def check(instance: Any) -> Errors:
            if _equal(instance, value):
                return None
            return [Violation(f"{value!r} was expected", "const", value, instance, schema)]

        return check

    def k_required(self, value: list[str], schema: dict[str, Any]) -> Check:
        def check(instance: Any) -> Errors:
            if type(instance) is not dict:
                return None
            found: Errors = None
            for name in value:
                if name not in instance:
                    error = Violation(
                        f"{name!r} is a required property", "required", value, instance, schema
                    )
                    found = [error] if found is None else [*found, error]
            return found

        return check

    def k_properties(self, value: dict[str, Any], schema: dict[str, Any]) -> Check:
        subs = [(name, self.compile(sub)) for name, sub in value.items()]
        subs = [(name, check) for name, check in subs if check is not _valid]

        def check(instance: Any) -> Errors:
            if type(instance) is not dict:
                return None
            found: Errors = None
            for name, sub in subs:
                if name in instance:
                    errors = sub(instance[name])
                    if errors:
                        _prefix(errors, name)
                        if found is None:
                            found = errors
                        else:
                            found.extend(errors)
            return found

        return check

    def k_patternProperties(self, value: dict[str, Any], schema: dict[str, Any]) -> Check:
        subs = [(re.compile(p), self.compile(sub)) for p, sub in value.items()]
        subs = [(p, check) for p, check in subs if check is not _valid]
        if not subs:
            return _valid

        def check(instance: Any) -> Errors:
            if type(instance) is not dict:
                return None
            found: Errors = None
            for pattern, sub in subs:
                for key, item in instance.items():
                    if pattern.search(key):
                        errors = sub(item)
                        if errors:
                            _prefix(errors, key)
                            found = errors if found is None else [*found, *errors]
            return found

        return check

    def k_additionalProperties(self, value: Any, schema: dict[str, Any]) -> Check:
        known = frozenset(schema.get("properties", {}))
        patterns = "|".join(schema.get("patternProperties", {}))
        matcher = re.compile(patterns) if patterns else None
        sorted_patterns = ", ".join(repr(p) for p in sorted(schema.get("patternProperties", {})))

        def extras(instance: dict[str, Any]) -> list[str]:
            return [
                k
                for k in instance
                if k not in known and not (matcher is not None and matcher.search(k))
            ]

        if isinstance(value, dict):
            sub = self.compile(value)

            def check_each(instance: Any) -> Errors:
                if type(instance) is not dict:
                    return None
                found: Errors = None
                for key in extras(instance):
                    errors = sub(instance[key])
                    if errors:
                        _prefix(errors, key)
                        found = errors if found is None else [*found, *errors]
                        if len(found) > MAX_ERRORS:
                            raise TooManyErrors
                return found

            return check_each
        if value is not False:
            return _valid

        def check(instance: Any) -> Errors:
            if type(instance) is not dict:
                return None
            extra = extras(instance)
            if not extra:
                return None
            if matcher is not None:
                verb = "does" if len(extra) == 1 else "do"
                joined = ", ".join(repr(each) for each in sorted(extra))
                message = f"{joined} {verb} not match any of the regexes: {sorted_patterns}"
            else:
                verb = "was" if len(extra) == 1 else "were"
                joined = ", ".join(repr(each) for each in sorted(extra, key=str))
                message = f"Additional properties are not allowed ({joined} {verb} unexpected)"
            return [Violation(message, "additionalProperties", value, instance, schema)]

        return check

    def k_items(self, value: Any, schema: dict[str, Any]) -> Check:
        if "prefixItems" in schema or value is False:
            raise Unsupported("prefixItems / items: false are not supported")
        sub = self.compile(value)
        if sub is _valid:
            return _valid

        def check(instance: Any) -> Errors:
            if type(instance) is not list:
                return None
            found: Errors = None
            for index, item in enumerate(instance):
                errors = sub(item)
                if errors:
                    _prefix(errors, index)
                    if found is None:
                        found = errors
                    else:
                        found.extend(errors)
                        if len(found) > MAX_ERRORS:
                            raise TooManyErrors
            return found

        return check

    def k_minLength(self, value: int, schema: dict[str, Any]) -> Check:
        word = "should be non-empty" if value == 1 else "is too short"

        def check(instance: Any) -> Errors:
            if type(instance) is str and len(instance) < value:
                return [Violation(f"{instance!r} {word}", "minLength", value, instance, schema)]
            return None

        return check

    def k_pattern(self, value: str, schema: dict[str, Any]) -> Check:
        """Compiled on first use, and not at all while a shortcut accepts every value.

        The address patterns run to 700 characters and cost milliseconds to
        compile, a noticeable share of a one-file run; nearly every address
        is a plain dotted quad, which the shortcut accepts without them.
        """
        accept = self.shortcuts.get(value)
        compiled: list[Callable[[str], object]] = []

        def search(text: str) -> object:
            if accept is not None and accept(text):
                return True
            if not compiled:
                compiled.append(re.compile(value).search)
            return compiled[0](text)

        def check(instance: Any) -> Errors:
            if type(instance) is str and not search(instance):
                message = f"{instance!r} does not match {value!r}"
                return [Violation(message, "pattern", value, instance, schema)]
            return None

        return check

    def k_format(self, value: str, schema: dict[str, Any]) -> Check:
        func = self.formats.get(value)
        if func is None:
            return _valid

        def check(instance: Any) -> Errors:
            if func(instance):
                return None
            message = f"{instance!r} is not a {value!r}"
            return [Violation(message, "format", value, instance, schema)]

        return check

    def _bound(self, key: str, value: Any, schema: dict[str, Any]) -> Check:
        if type(value) not in (int, float):
            raise Unsupported(f"{key} must be a number")
        fails: Callable[[Any], bool]
        if key == "minimum":
            fails, text = (lambda x: x < value), "is less than the minimum of"
        elif key == "maximum":
            fails, text = (lambda x: x > value), "is greater than the maximum of"
        elif key == "exclusiveMinimum":
            fails, text = (lambda x: x <= value), "is less than or equal to the minimum of"
        else:
            fails, text = (lambda x: x >= value), "is greater than or equal to the maximum of"

        def check(instance: Any) -> Errors:
            kind = type(instance)
            if (kind is int or kind is float) and fails(instance):
                message = f"{instance!r} {text} {value!r}"
                return [Violation(message, key, value, instance, schema)]
            return None

        return check

    def k_minimum(self, value: Any, schema: dict[str, Any]) -> Check:
        return self._bound("minimum", value, schema)

    def k_maximum(self, value: Any, schema: dict[str, Any]) -> Check:
        return self._bound("maximum", value, schema)

    def k_exclusiveMinimum(self, value: Any, schema: dict[str, Any]) -> Check:
        return self._bound("exclusiveMinimum", value, schema)

    def k_exclusiveMaximum(self, value: Any, schema: dict[str, Any]) -> Check:
        return self._bound("exclusiveMaximum", value, schema)

    def k_oneOf(self, value: list[Any], schema: dict[str, Any]) -> Check:
        subs = [(sub, self.compile(sub)) for sub in value]

        def check(instance: Any) -> Errors:
            first_valid: Any = None
            rest = iter(subs)
            for sub, compiled in rest:
                if not compiled(instance):
                    first_valid = sub
                    break
            else:
                message = f"{instance!r} is not valid under any of the given schemas"
                return [Violation(message, "oneOf", value, instance, schema)]
            more = [sub for sub, compiled in rest if not compiled(instance)]
            if not more:
                return None
            more.append(first_valid)
            reprs = ", ".join(repr(s) for s in more)
            message = f"{instance!r} is valid under each of {reprs}"
            return [Violation(message, "oneOf", value, instance, schema)]

        return check


def _valid(instance: Any) -> Errors:
    return None


class CompiledValidator:
    """``iter_errors(instance)`` like a jsonschema validator, from compiled closures.

    The closures collect every error of a document before the first is seen;
    a document with more than :data:`MAX_ERRORS` of them (aliases repeating one
    bad mapping) raises :class:`TooManyErrors`, and the caller falls back to a
    lazy validator.
    """

    def __init__(self, check: Check) -> None:
        self._check = check

    def iter_errors(self, instance: Any) -> Iterator[Violation]:
        return iter(self._check(instance) or ())

    def is_valid(self, instance: Any) -> bool:
        try:
            return not self._check(instance)
        except TooManyErrors:
            return False


def compile_schema(
    schema: Mapping[str, Any],
    formats: Mapping[str, FormatCheck] | None = None,
    shortcuts: Mapping[str, Callable[[str], bool]] | None = None,
) -> CompiledValidator:
    """Compile ``schema``; raises :class:`Unsupported` for keywords outside the subset.

    ``formats`` maps a format name to a predicate, as ``FormatChecker.checks``
    does; other formats are not checked (as with a ``FormatChecker`` that
    knows none). ``shortcuts`` maps a ``pattern`` to a cheap test that only
    accepts strings the pattern matches (see :meth:`_Compiler.k_pattern`).
    """
    root = dict(schema)
    compiler = _Compiler(root, formats or {}, shortcuts or {})
    return CompiledValidator(compiler.compile(root))
