"""CL104 cluster-not-validated."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule

NOT_VALIDATED = ("failed", "not-run")


class ClusterNotValidated(Rule):
    """The failover cluster must pass validation before Licensing is configured.

    What:
        Fires when ``cluster.validation`` is ``failed`` or ``not-run``, or is
        missing (an unknown result is not a passed one). ``warnings`` is
        CL105's.

    Why:
        "Before configuring Citrix Licensing for Microsoft clustering, you must
        have a fully functional Microsoft cluster environment." Cluster
        validation (``Test-Cluster``) is how Windows establishes that.

    How to fix:
        Run ``Test-Cluster`` (or "Validate Configuration" in Failover Cluster
        Manager), fix what fails, and record the result in
        ``cluster.validation``.

    Failing example:
        cluster:
          name: CTXCLU01
          validation: failed

    Passing example:
        cluster:
          name: CTXCLU01
          validation: passed
    """

    id = "CL104"
    name = "cluster-not-validated"
    severity = Severity.ERROR
    summary = (
        "cluster.validation is failed, not-run or missing: the cluster must be fully "
        "functional before Licensing is configured"
    )
    tags = ("cluster",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        cluster = inventory.cluster
        if cluster is None:
            return
        if cluster.missing("validation") and not cluster.is_invalid("validation"):
            yield self.at(
                cluster.pointer,
                f"cluster {q(cluster.name)} records no validation result; the cluster must be "
                "fully functional before Licensing is configured – run Test-Cluster and set "
                "cluster.validation",
            )
        elif cluster.has("validation") and cluster.validation in NOT_VALIDATED:
            yield self.at(
                cluster.ptr("validation"),
                f"cluster validation is {q(cluster.validation)}; the cluster must be fully "
                "functional before Licensing is configured – run Test-Cluster and fix what "
                "it reports",
            )
