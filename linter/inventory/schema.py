"""Validate an inventory's shape against ``schemas/inventory.schema.json``.

Every violation becomes one CL002 finding at the offending node, worded for
people rather than as jsonschema's repr of the instance. Inventories are
validated by closures compiled from the schema (``schema_compiler.py``: no
``jsonschema`` import on the hot path, and several times faster); ``jsonschema``
stays the reference and the fallback for a schema outside the compiler's
subset. Either validator is built once per process.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from cllint.citrix.versions import PRODUCT_VERSION_EXAMPLES, parse_product_version, parse_version
from cllint.findings import MAX_EXCERPT, Finding, q
from cllint.inventory import addresses
from cllint.lazy_patterns import import_compiling_lazily

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:  # protocols for the type checker only: creating one costs start-up time
    from typing import Any, Protocol

    from jsonschema.protocols import Validator

    class SchemaError(Protocol):
        """What CL002 reads from an error: a jsonschema ``ValidationError`` or a ``Violation``."""

        @property
        def absolute_path(self) -> Iterable[str | int]: ...
        @property
        def validator(self) -> object: ...
        @property
        def validator_value(self) -> Any: ...
        @property
        def instance(self) -> Any: ...
        @property
        def schema(self) -> Any: ...
        @property
        def message(self) -> str: ...

    class ErrorSource(Protocol):
        def iter_errors(self, instance: Any) -> Iterator[SchemaError]: ...


def load_schema(name: str = "inventory.schema.json") -> dict[str, Any]:
    """Read a schema shipped in the package (it must be in the wheel)."""
    import cllint.schemas

    folder = getattr(cllint.schemas, "__file__", None)
    if folder is not None:  # a plain install: read the file, no importlib.resources (~10 ms)
        with open(os.path.join(os.path.dirname(folder), name), encoding="utf-8") as fh:
            text = fh.read()
    else:  # pragma: no cover - e.g. a zip import
        from importlib import resources

        text = resources.files("cllint.schemas").joinpath(name).read_text(encoding="utf-8")
    # json's own patterns serve its pure-Python scanner and encoder: compiled if used
    json = import_compiling_lazily("json")
    data: dict[str, Any] = json.loads(text)
    return data


def _is_ip(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        addresses.ip_address(value)
    except ValueError:
        return False
    return True


def _is_ip_interface(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        addresses.ip_interface(value)
    except ValueError:
        return False
    return True


def _is_cidr(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        addresses.ip_network(value)
    except ValueError:
        return False
    return "/" in value


def _is_version(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return not isinstance(value, str) or parse_version(value) is not None


def _is_product_version(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return parse_product_version(str(value)) is not None
    return not isinstance(value, str) or parse_product_version(value) is not None


def _corrected_network(value: str) -> str | None:
    """The network of ``value`` with its host bits cleared (``192.168.50.7/24`` ->
    ``192.168.50.0/24``), or None when ``value`` is no address/prefix at all."""
    if "/" not in value:
        return None
    import ipaddress  # only on this error path: start-up does not pay for it

    try:
        return str(ipaddress.ip_network(value, strict=False))
    except ValueError:
        return None


_FORMAT_HINTS = {
    "cllint-ip": "an IP address (IPv4 or IPv6, without a prefix)",
    "cllint-ip-interface": "an IP address with an optional /prefix",
    "cllint-cidr": "a subnet in CIDR notation with the host bits zero, e.g. 10.10.1.0/24",
    "cllint-version": "a dotted version such as 11.17.2",
    "cllint-product-version": f"a product release such as {PRODUCT_VERSION_EXAMPLES}",
}


FORMATS: dict[str, Callable[[object], bool]] = {
    "cllint-ip": _is_ip,
    "cllint-ip-interface": _is_ip_interface,
    "cllint-cidr": _is_cidr,
    "cllint-version": _is_version,
    "cllint-product-version": _is_product_version,
}


@functools.cache
def validator(name: str = "inventory.schema.json") -> Validator:
    """The jsonschema validator for a shipped schema (built once per process)."""
    from jsonschema import Draft202012Validator, FormatChecker

    checker = FormatChecker(formats=())
    for format_name, check in FORMATS.items():
        checker.checks(format_name)(check)
    return Draft202012Validator(load_schema(name), format_checker=checker)


def _dotted_quad(text: str) -> bool:
    """``10.10.1.5``: four octets 0-255 written without leading zeros."""
    return addresses.dotted_quad(text) >= 0


def _quad_and_prefix(text: str) -> bool:
    """``10.10.0.0/16``: a dotted quad and a prefix length 0-32."""
    return "/" in text and addresses.quad_and_prefix(text) is not None


def _quad_maybe_prefix(text: str) -> bool:
    return addresses.quad_and_prefix(text) is not None


def pattern_shortcuts(schema: Mapping[str, Any]) -> dict[str, Callable[[str], bool]]:
    """Cheap tests for the address patterns, keyed by the patterns themselves.

    Each test accepts only strings its pattern matches; anything else goes to
    the pattern. ``tests/test_schema_patterns.py`` checks that implication for
    every shortcut, so an edit of a pattern that breaks it fails the suite.
    """
    defs = schema.get("$defs", {})

    def pattern(*path: str) -> str | None:
        node: Any = defs
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        return node.get("pattern") if isinstance(node, dict) else None

    found = {
        pattern("network", "properties", "subnet"): _quad_and_prefix,
        pattern("nic", "properties", "address"): _quad_maybe_prefix,
        pattern(
            "licensing", "properties", "client_access_point", "properties", "address"
        ): _dotted_quad,
    }
    return {key: test for key, test in found.items() if key is not None}


@functools.cache
def compiled(name: str = "inventory.schema.json") -> ErrorSource:
    """The fast validator for a shipped schema (built once per process).

    Closures from ``schema_compiler`` when the schema fits its subset, else
    the jsonschema validator; both report the same errors.
    """
    from cllint.inventory.schema_compiler import Unsupported, compile_schema

    schema = load_schema(name)
    try:
        return compile_schema(schema, FORMATS, pattern_shortcuts(schema))
    except Unsupported:
        return validator(name)


def pointer_of(path: Sequence[str | int]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    return type(value).__name__


_TYPE_WORDS = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
}


def _short(value: object) -> str:
    """``str(value)`` cut to the excerpt length: keys and numbers come from the file too."""
    text = str(value)
    return text if len(text) <= MAX_EXCERPT else text[: MAX_EXCERPT - 1] + "…"


def _where(path: Sequence[str | int]) -> str:
    return (
        "".join(f"[{p}]" if isinstance(p, int) else f".{_short(p)}" for p in path).lstrip(".")
        or "document"
    )


def _suggest(word: str, choices: Sequence[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in choices}
        if word.lower() in lowered:
            close = [lowered[word.lower()]]
    return f"; did you mean '{close[0]}'?" if close else ""


def _messages(error: SchemaError) -> Iterator[tuple[str, str, bool]]:
    """Yield (pointer, message, at_key) for one jsonschema error."""
    path = list(error.absolute_path)
    pointer = pointer_of(path)
    where = _where(path)
    kind = error.validator
    value: Any = error.instance
    expected: Any = error.validator_value
    schema = error.schema if isinstance(error.schema, dict) else {}
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        instance: dict[str, Any] = value
        for key in sorted(k for k in instance if k not in schema.get("properties", {})):
            if key.startswith("x-"):
                continue
            hint = _suggest(key, allowed) or (
                f"; allowed keys: {', '.join(allowed)}" if allowed else ""
            )
            yield (
                f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}",
                f"unknown key {q(key)} in {where}{hint} (prefix your own keys with 'x-')",
                True,
            )
        return
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        yield pointer, f"{where} is missing the required key '{missing}'", False
        return
    if kind == "type":
        wanted = expected
        names = [wanted] if isinstance(wanted, str) else list(wanted)
        words = " or ".join(_TYPE_WORDS.get(n, n) for n in names)
        if isinstance(value, str):
            shown = f" {q(value)}"
        elif isinstance(value, int | float) and not isinstance(value, bool):
            shown = f" {_short(value)}"
        else:
            shown = ""
        yield pointer, f"{where} must be {words}, not {_type_name(value)}{shown}", False
        return
    if kind == "enum":
        options = [str(o) for o in expected]
        yield (
            pointer,
            f"{where} is {q(value)}; expected one of {', '.join(options)}"
            + _suggest(str(value), options),
            False,
        )
        return
    if kind == "const":
        if path == ["version"]:
            yield (
                pointer,
                f"inventory format version {q(value)} is not supported; use version: 1",
                False,
            )
        else:
            yield pointer, f"{where} must be {expected!r}", False
        return
    if kind == "format":
        if expected == "cllint-cidr" and isinstance(value, str):
            network = _corrected_network(value)
            if network is not None:
                yield (
                    pointer,
                    f"{where} is {q(value)}, which has host bits set; a subnet is written "
                    f"with the host bits zero – did you mean {q(network)}?",
                    False,
                )
                return
        hint = _FORMAT_HINTS.get(str(expected), str(expected))
        yield pointer, f"{where} is {q(value)}, which is not {hint}", False
        return
    if kind == "pattern":
        if schema.get("format") in _FORMAT_HINTS:
            # The pattern only mirrors the format for other validators (editors): the
            # format's wording is the finding's, whichever keyword failed first.
            hint = _FORMAT_HINTS[schema["format"]]
            yield pointer, f"{where} is {q(value)}, which is not {hint}", False
        elif path and path[-1] in ("storage", "drive"):
            yield pointer, f"{where} is {q(value)}; a drive is one letter A-Z, e.g. F", False
        elif path and path[-1] in ("install_path", "license_dir"):
            yield (
                pointer,
                f"{where} is {q(value)}; expected a Windows path such as "
                "F:\\Program Files\\Citrix\\Licensing",
                False,
            )
        elif path and path[-1] in ("version", "target_version"):
            yield (
                pointer,
                f"{where} is {q(value)}, which is not a dotted version such as 11.17.2",
                False,
            )
        else:
            yield pointer, f"{where} is {q(value)}, which does not match {expected}", False
        return
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        if "port" in where:
            yield pointer, f"{where} is {_short(value)}; a port is 1-65535", False
        else:
            bound = {
                "minimum": "at least",
                "maximum": "at most",
                "exclusiveMinimum": "greater than",
                "exclusiveMaximum": "less than",
            }[str(kind)]
            yield pointer, f"{where} is {_short(value)}; it must be {bound} {expected}", False
        return
    if kind == "minLength":
        yield pointer, f"{where} must not be empty", False
        return
    if kind == "oneOf" and isinstance(value, dict):
        has = [k for k in ("port", "program") if k in value]
        if len(has) == 2:
            yield (
                pointer,
                f"firewall rule {where} has both 'port' and 'program'; a rule has exactly one",
                False,
            )
        else:
            yield pointer, f"firewall rule {where} needs a 'port' or a 'program'", False
        return
    # jsonschema's own wording quotes the whole instance: keep only its validator.
    yield pointer, f"{where} does not satisfy the schema's {kind!r} rule", False


def _meant(pointer: str, error: SchemaError) -> list[str]:
    """The pointer of the known key a misspelt key stands for, when that key is absent.

    ``validaton: passed`` means ``validation``: marking ``validation`` invalid
    (rather than missing) keeps rules from also reporting it as missing (one
    cause, one finding).
    """
    schema = error.schema if isinstance(error.schema, dict) else {}
    instance = error.instance if isinstance(error.instance, dict) else {}
    parent, _, key = pointer.rpartition("/")
    import difflib

    close = difflib.get_close_matches(key, sorted(schema.get("properties", {})), n=1, cutoff=0.6)
    return [f"{parent}/{close[0]}"] if close and close[0] not in instance else []


def _errors(data: Any) -> Iterator[SchemaError]:
    """The errors of ``data``; lazily from jsonschema when there are very many."""
    from cllint.inventory.schema_compiler import TooManyErrors

    try:
        return compiled().iter_errors(data)  # eager: the compiled closures run now
    except TooManyErrors:
        return validator().iter_errors(data)


def schema_findings(data: Any, limit: int | None = None) -> tuple[list[Finding], set[str]]:
    """Validate ``data``; return CL002 findings and the set of invalid pointers.

    With ``limit``, validation stops once that many findings are collected:
    aliases can repeat one bad mapping a million times.
    """
    findings: list[Finding] = []
    invalid: set[str] = set()
    seen: set[tuple[str, bool, str]] = set()
    addresses.forget()  # a new document: its addresses are parsed here, reused by the model
    for error in _errors(data):
        if limit is not None and len(findings) >= limit:
            break
        for pointer, message, at_key in _messages(error):
            if limit is not None and len(findings) >= limit:
                break  # one mapping with a million unknown keys is one error
            # One finding per offending node (a version failing both its pattern and
            # its format is one problem), but every missing required key counts.
            key = (pointer, at_key, message if error.validator == "required" else "")
            if key in seen:
                continue
            seen.add(key)
            finding = Finding("CL002", message, pointer=pointer)
            if at_key:
                finding.extra["at"] = "key"
            findings.append(finding)
            if error.validator == "required":
                missing = error.message.split("'")[1] if "'" in error.message else ""
                invalid.add(f"{pointer}/{missing}")
            else:
                invalid.add(pointer)
            if at_key:
                invalid.update(_meant(pointer, error))
    findings.sort(key=lambda f: f.pointer or "")
    return findings, invalid
