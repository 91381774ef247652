"""CL102 unsupported-os."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from cllint.citrix.windows_os import (
    describe_supported,
    edition_without_clustering,
    is_supported,
    release_year,
)
from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any, ClassVar

DEFAULT_SUPPORTED_OS = ("Windows Server 2012 R2", "Windows Server 2016", "Windows Server 2019")


def supported_names(value: Any) -> Sequence[str]:
    """The ``supported-os`` option as a list of names (one name alone is a list of one)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return []


class UnsupportedOs(Rule):
    """Every node must run a Windows Server release that supports clustered Licensing.

    What:
        Fires when a node declares no ``os``, or one that is not in the
        ``supported-os`` option (default: Windows Server 2012 R2, 2016 and
        2019). Any edition that has Failover Clustering matches, a leading
        ``Microsoft`` and letter case and spacing are ignored. Releases
        compare word by word: plain ``Windows Server 2012`` is not ``Windows
        Server 2012 R2``. An entry of the option that names an edition
        (``Windows Server 2019 Datacenter``) allows that edition only. The
        Foundation, Essentials and Web editions (``Windows Server 2016
        Essentials``, ``Microsoft Windows Server 2012 R2 Foundation``) have no
        Failover Clustering and always fire, whatever the release. The
        message says which reason applies: the edition cannot cluster, the
        release is older than the supported ones (upgrade), or the release is
        newer than the supported list (not certified by the source document:
        add it to ``supported-os`` if your organisation supports it).

    Why:
        "Microsoft clustering functionality exists in: Windows Server 2019,
        Windows Server 2016, Windows Server 2012 R2". Citrix Licensing is
        configured through Failover Cluster Manager's "Roles > Configure Role"
        on exactly these releases. Microsoft's edition comparisons
        ("Windows Server 2012 R2 products and editions comparison";
        "Comparison of Standard, Datacenter, and Essentials editions of
        Windows Server 2016" and "... 2019") list Failover Clustering for the
        Standard and Datacenter editions only.

    How to fix:
        Upgrade the node to a supported release, or to the Standard or
        Datacenter edition (or record its real OS). If your organisation
        certifies another (newer) release, add it to the ``supported-os``
        list in ``.cllint.yaml``.

    Failing example:
        nodes:
          - name: CTXLIC-N1
            os: Windows Server 2012 Standard
          - name: CTXLIC-N2
            os: Windows Server 2016 Essentials

    Passing example:
        nodes:
          - name: CTXLIC-N1
            os: Microsoft Windows Server 2012 R2 Standard
    """

    id = "CL102"
    name = "unsupported-os"
    severity = Severity.ERROR
    summary = (
        "a node's OS is missing or not a supported one (default: Windows Server 2012 R2, "
        "2016, 2019; any edition with Failover Clustering – not Foundation, Essentials or "
        "Web; plain Windows Server 2012 is not 2012 R2)"
    )
    tags = ("cluster",)
    options: ClassVar[Mapping[str, Any]] = {"supported-os": DEFAULT_SUPPORTED_OS}

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        supported = supported_names(ctx.option("supported-os"))
        listed = describe_supported(supported)
        for node in inventory.nodes:
            if node.missing("os") and not node.is_invalid("os"):
                yield self.at(
                    node.pointer,
                    f"node {q(node.name)} declares no os; clustered Licensing needs one of "
                    f"{listed} – add the node's os",
                )
            elif node.has("os") and node.os is not None:
                message = self.problem(node.os, supported, listed)
                if message:
                    yield self.at(node.ptr("os"), f"node {q(node.name)} runs {q(node.os)}{message}")

    @staticmethod
    def problem(os: str, supported: Sequence[str], listed: str) -> str:
        """What is wrong with ``os`` (the rest of the message), or "" when it is supported."""
        edition = edition_without_clustering(os)
        if edition is not None:
            return (
                f": the {edition} edition has no Failover Clustering, whatever the release – "
                "install the Standard or Datacenter edition"
            )
        if is_supported(os, supported):
            return ""
        year = release_year(os)
        years = [y for y in (release_year(name) for name in supported) if y is not None]
        if year is not None and years and year > max(years):
            return (
                f", a release newer than the supported list ({listed}) of the source "
                "document – if your organisation supports clustered Licensing on it, add "
                "it to the `supported-os` setting in .cllint.yaml"
            )
        return (
            f", which is not supported for clustered Licensing (supported: {listed}) – "
            "upgrade the node"
        )
