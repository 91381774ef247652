"""CL009 unused-suppression."""

from cllint.findings import Severity
from cllint.rule import Rule


class UnusedSuppression(Rule):
    """A ``# cllint: disable=`` comment must suppress something.

    What:
        Reported by the engine at a ``# cllint:`` comment when a rule it names
        reported nothing on the line it applies to (or, for ``disable-file``,
        nowhere in the file), when it names no known rule, or when it is not a
        well-formed directive. Rules that did not run (switched off by
        ``--select``/``--ignore`` or ``per-file-ignores``, or online rules
        without ``--resolve``) are not judged.

    Why:
        A suppression outlives the problem it hid: once the inventory is fixed
        the stale comment would silently hide the same problem if it came back,
        and its reason would mislead reviewers.

    How to fix:
        Remove the comment, or correct the rule id or name it gives. The
        directive is ``# cllint: disable=ID[,ID] -- reason`` after a value or
        alone on the line above it, or ``# cllint: disable-file=ID``.

    Failing example:
        cluster:
          name: CTXCLU01  # cllint: disable=CL402 -- the CAP name is not here

    Passing example:
        licensing:
          client_access_point:
            # cllint: disable=CL402 -- legacy name, rehosting planned
            name: CTXLICENSESRV01
    """

    id = "CL009"
    name = "unused-suppression"
    severity = Severity.NOTE
    summary = "a `# cllint: disable=` comment suppresses nothing"
    engine = True
    tags = ("input",)
