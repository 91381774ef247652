"""CL506 upgrade-path."""

from collections.abc import Iterator

from cllint.citrix.versions import CLEAN_INSTALL_VERSION, MINIMUM_IN_PLACE_UPGRADE
from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule


class UpgradePath(Rule):
    """License Servers older than 11.12.1 cannot be upgraded in place.

    What:
        Fires at ``licensing.version`` when it is older than 11.12.1 and a
        ``target_version`` is set (an upgrade is planned). Versions compare
        numerically part by part and then by build number (``11.12.0.9`` and
        ``11.9`` are older than 11.12.1; 11.12.1 itself, in any build, can be
        upgraded). CL508 reports a ``target_version`` older than 11.12.1.

    Why:
        "To upgrade your clustered License Server (from versions 11.12.1
        onwards) to the latest version, complete the following steps" and "If
        you are running a version of a License Server older than 11.12.1,
        uninstall it and then install the 11.16.6 version. These older
        versions of License Server do not conform to current Microsoft cluster
        guidelines."

    How to fix:
        Plan an uninstall of the old License Server on every node, then a new
        install of 11.16.6 or later, instead of an in-place upgrade.

    Failing example:
        licensing:
          version: 11.9
          target_version: 11.17.2

    Passing example:
        licensing:
          version: 11.12.1
          target_version: 11.17.2
    """

    id = "CL506"
    name = "upgrade-path"
    severity = Severity.ERROR
    summary = (
        "version is older than 11.12.1 and target_version is set: such versions cannot be "
        "upgraded in place; uninstall, then install 11.16.6 or later"
    )
    tags = ("install",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None or not lic.has("version") or not lic.has("target_version"):
            return
        if lic.version is None or lic.target_version is None:
            return
        if lic.version < MINIMUM_IN_PLACE_UPGRADE:
            yield self.at(
                lic.ptr("version"),
                f"installed version {q(lic.version)} is older than {MINIMUM_IN_PLACE_UPGRADE} "
                f"and cannot be upgraded in place to {q(lic.target_version)} – uninstall it, "
                f"then install {CLEAN_INSTALL_VERSION} or later",
            )
