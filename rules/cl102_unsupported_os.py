"""CL102 unsupported-os."""

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule
from cllint.windows_os import describe_supported, is_supported

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
        2019). Any edition matches, a leading ``Microsoft`` and letter case
        and spacing are ignored. Releases compare word by word: plain
        ``Windows Server 2012`` is not ``Windows Server 2012 R2``. An entry of
        the option that names an edition (``Windows Server 2019 Datacenter``)
        allows that edition only.

    Why:
        "Microsoft clustering functionality exists in: Windows Server 2019,
        Windows Server 2016, Windows Server 2012 R2". Citrix Licensing is
        configured through Failover Cluster Manager's "Roles > Configure Role"
        on exactly these releases.

    How to fix:
        Upgrade the node to a supported release (or record its real OS). If
        your organisation certifies another release, add it to the
        ``supported-os`` list in ``.cllint.yaml``.

    Failing example:
        nodes:
          - name: CTXLIC-N1
            os: Windows Server 2012 Standard

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
        "2016, 2019; any edition; plain Windows Server 2012 is not 2012 R2)"
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
            elif node.has("os") and node.os is not None and not is_supported(node.os, supported):
                yield self.at(
                    node.ptr("os"),
                    f"node {q(node.name)} runs {q(node.os)}, which is not supported for "
                    f"clustered Licensing (supported: {listed}) – upgrade the node",
                )
