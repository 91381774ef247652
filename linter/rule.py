"""The rule interface: what a rule declares and how it reports.

A rule is a small class: ``id``, ``name``, ``severity``, ``summary``, the
options it reads, a docstring that *is* its user documentation (see
``cllint.formats.rule_docs`` for its sections) and ``check(inventory, ctx)`` yielding
findings at JSON pointers. Rules never see line numbers and never mutate
anything: the model is read-only and options come through ``ctx``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping
from pathlib import Path

from cllint.findings import Finding, Severity
from cllint.model import Inventory
from cllint.records import field, record

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any, ClassVar


@record(frozen=True, slots=True)
class Context:
    """What a rule may know besides the inventory.

    ``options`` holds every rule option with its configured or default value
    (keys as in the configuration file, e.g. ``dhcp-min-lease-days``).
    ``services`` carries optional per-run helpers (license-file reader, DNS
    answers) keyed by name, so the engine stays ignorant of them.
    """

    path: Path
    root: Path
    as_of: _dt.date
    base: Path = field(default_factory=Path.cwd)
    """Folder that report paths are relative to (display paths of other files)."""
    options: Mapping[str, Any] = field(default_factory=dict)
    services: Mapping[str, Any] = field(default_factory=dict)

    def option(self, name: str) -> Any:
        return self.options[name]


class Rule:
    """Base class of every rule, built-in or third-party."""

    id: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    summary: ClassVar[str]
    #: Options the rule reads from configuration, with their defaults.
    options: ClassVar[Mapping[str, Any]] = {}
    #: Reported by the engine itself (parsing, schema, suppressions), not by check().
    engine: ClassVar[bool] = False
    #: Needs the network; runs only with ``--resolve``.
    online: ClassVar[bool] = False
    #: Tags for SARIF ``properties.tags`` (the family, e.g. "network").
    tags: ClassVar[tuple[str, ...]] = ()

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        """Yield findings for one inventory document."""
        return iter(())

    @classmethod
    def at(cls, pointer: str, message: str) -> Finding:
        """A finding of this rule at ``pointer``."""
        return Finding(cls.id, message, pointer=pointer)
