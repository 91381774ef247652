"""CL002 schema."""

from cllint.findings import Severity
from cllint.rule import Rule


class Schema(Rule):
    """The inventory's shape must match the inventory schema (format version 1).

    What:
        One finding per violation of ``schemas/inventory.schema.json``: a wrong
        type, a value outside an enum, a malformed IP address, subnet, drive
        letter or version, a missing required key, or an unknown key (reported
        at the key, with a "did you mean" suggestion). Keys starting with ``x-``
        are free for your own metadata.

    Why:
        Every other rule reads the typed model built from a valid document; a
        misspelt key would otherwise be silently ignored and its check skipped.

    How to fix:
        Correct the key or value as the message says. ``cllint schema`` prints
        the schema; point your editor at it for completion and hover help.

    Failing example:
        cluster:
          nmae: CTXCLU01

    Passing example:
        cluster:
          name: CTXCLU01
    """

    id = "CL002"
    name = "schema"
    severity = Severity.ERROR
    summary = "the document's shape violates the inventory schema (one finding per violation)"
    engine = True
    tags = ("input",)
