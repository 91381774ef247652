"""CL105 cluster-validation-warnings."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity
from cllint.model import Inventory
from cllint.rule import Context, Rule


class ClusterValidationWarnings(Rule):
    """Cluster validation passed with warnings: review them before installing.

    What:
        Fires when ``cluster.validation`` is ``warnings``.

    Why:
        "Before configuring Citrix Licensing for Microsoft clustering, you must
        have a fully functional Microsoft cluster environment." A validation
        report with warnings may hide a problem that only shows at failover.

    How to fix:
        Read the warnings of the ``Test-Cluster`` report, resolve them (or
        accept them knowingly), run validation again and record ``passed``.

    Failing example:
        cluster:
          name: CTXCLU01
          validation: warnings

    Passing example:
        cluster:
          name: CTXCLU01
          validation: passed
    """

    id = "CL105"
    name = "cluster-validation-warnings"
    severity = Severity.WARNING
    summary = "cluster.validation is warnings"
    tags = ("cluster",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        cluster = inventory.cluster
        if cluster is not None and cluster.has("validation") and cluster.validation == "warnings":
            yield self.at(
                cluster.ptr("validation"),
                "cluster validation passed with 'warnings'; review the Test-Cluster report "
                "and resolve them before configuring Licensing",
            )
