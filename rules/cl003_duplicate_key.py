"""CL003 duplicate-key."""

from cllint.findings import Severity
from cllint.rule import Rule


class DuplicateKey(Rule):
    """A mapping must not hold the same key twice.

    What:
        Reported by the loader at the second occurrence of a key in one mapping.

    Why:
        YAML parsers disagree on which duplicate wins (most keep the last one
        silently), so the value a reviewer reads may not be the one a tool uses.
        cllint uses the first one and reports the rest.

    How to fix:
        Delete or merge the duplicate key.

    Failing example:
        cluster:
          name: CTXCLU01
          name: CTXCLU02

    Passing example:
        cluster:
          name: CTXCLU01
    """

    id = "CL003"
    name = "duplicate-key"
    severity = Severity.ERROR
    summary = "a mapping holds the same key twice"
    engine = True
    tags = ("input",)
