"""Configuration: ``.cllint.yaml`` or ``[tool.cllint]`` in ``pyproject.toml``.

Discovered from the current folder upwards (at each folder ``.cllint.yaml``
first, then ``pyproject.toml``; the first found wins) unless ``--config``
names a file. The file is validated against ``schemas/config.schema.json``:
an unknown key or a bad value is a :class:`ConfigError` (exit status 2) that
names the key and suggests the closest known one.
"""

from __future__ import annotations

from pathlib import Path

from cllint.findings import q
from cllint.records import field, record

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any

CONFIG_NAME = ".cllint.yaml"
MAX_BYTES = 1 << 20
"""A configuration is a few hundred bytes; a megabyte is certainly something else."""


class ConfigError(Exception):
    """The configuration cannot be used; the message is one line for the user."""


@record(slots=True)
class Config:
    values: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def discover(start: Path | None = None, stop: Path | None = None) -> Path | None:
    """The config file that applies to ``start`` (default: the current folder).

    ``stop`` is the last folder looked in (the language server reads nothing
    above the workspace or the document's root); None walks to the top.
    """
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        yaml_file = candidate / CONFIG_NAME
        if yaml_file.is_file():
            return yaml_file
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _pyproject_section(pyproject) is not None:
            return pyproject
        if candidate == stop:
            break
    return None


def _read(path: Path) -> bytes:
    """The file's bytes: confined to its repository, regular, at most MAX_BYTES,
    opened non-blocking (the configuration may come from the pull request)."""
    from cllint.files.fileio import read_confined, reason

    try:
        return read_confined(path, MAX_BYTES, "configuration")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {reason(exc)}") from None


def _pyproject_section(path: Path) -> dict[str, Any] | None:
    try:
        text = _read(path).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.reason}") from None
    if "cllint" not in text:  # most projects' pyproject.toml: no need to parse TOML
        return None
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: cannot read: {str(exc)[:200]}") from None
    except RecursionError:  # a 3,000-deep array: tomllib recurses
        raise ConfigError(f"{path}: cannot read: nested too deeply") from None
    tool = data.get("tool")
    if tool is not None and not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table ([tool.cllint]), not a value")
    section = tool.get("cllint") if tool is not None else None
    if section is not None and not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.cllint] must be a table of settings")
    return section


def _read_yaml(path: Path) -> dict[str, Any]:
    from cllint.inventory.loader import load_bytes

    loaded = load_bytes(_read(path))
    if loaded.findings:
        f = loaded.findings[0]
        line = f.span.line if f.span else 1
        raise ConfigError(f"{path}:{line}: {f.message}")
    if not loaded.documents or loaded.documents[0].data is None:
        return {}
    value = loaded.documents[0].data
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: the configuration must be a mapping of keys")
    return value


def load(path: Path | None = None, start: Path | None = None) -> Config:
    """Read and validate the configuration (``path`` given, else discovered)."""
    if path is None:
        path = discover(start)
        if path is None:
            return Config()
    elif not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    is_pyproject = path.name == "pyproject.toml"
    values = (_pyproject_section(path) or {}) if is_pyproject else _read_yaml(path)
    validate(values, path)
    return Config(values, path)


def validate(values: dict[str, Any], path: Path | None) -> None:
    # The compiled validator (as for inventories): no jsonschema import at start-up.
    from cllint.inventory.schema import compiled, validator
    from cllint.inventory.schema_compiler import TooManyErrors

    where = f"{path}: " if path else ""
    values = _without_plugin_options(values)
    try:
        found = list(compiled("config.schema.json").iter_errors(values))
    except TooManyErrors:
        found = list(validator("config.schema.json").iter_errors(values))
    errors = sorted(found, key=lambda e: list(e.absolute_path))
    if not errors:
        return
    error = errors[0]
    key = ".".join(str(p) for p in error.absolute_path)
    if error.validator == "additionalProperties":
        allowed = (
            sorted(error.schema.get("properties", {})) if isinstance(error.schema, dict) else []
        )
        instance: Any = error.instance
        unknown = [k for k in instance if k not in allowed]
        name = str(unknown[0]) if unknown else "?"
        import difflib

        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(allowed)}"
        full = f"{key}.{name}" if key else name
        raise ConfigError(f"{where}unknown configuration key {q(full)}{hint}")
    # jsonschema's message starts with the value's repr, which may be long or secret
    message = error.message
    shown = repr(error.instance)
    if message.startswith(shown):
        message = q(error.instance) + message[len(shown) :]
    raise ConfigError(f"{where}bad value for {q(key or 'configuration')}: {message[:200]}")


def _without_plugin_options(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` less the options of third-party rules, which the schema cannot know.

    A plugin rule declares its options (``options = {"prefix": "ctxlic-"}``) as
    a built-in rule does; the schema lists only the built-in keys, so a
    plugin's key is taken as it is and its value is the rule's to judge. A
    plugin cannot take over a built-in key: those are still validated.
    """
    from cllint.settings.registry import plugin_rules

    plugins = plugin_rules()
    if not plugins:
        return values
    from cllint.inventory.schema import load_schema

    builtin = set(load_schema("config.schema.json").get("properties", {}))
    own = {key for rule in plugins for key in rule.options} - builtin
    return {k: v for k, v in values.items() if k not in own}
