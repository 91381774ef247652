"""CL508 target-version-too-old."""

from collections.abc import Iterator

from cllint.citrix.versions import CLEAN_INSTALL_VERSION, MINIMUM_IN_PLACE_UPGRADE
from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule


class TargetVersionTooOld(Rule):
    """Do not install a License Server older than 11.12.1 on a cluster.

    What:
        Fires at ``licensing.target_version`` when it is older than 11.12.1,
        whether or not a ``version`` is installed now (a fresh install of
        11.10.0 is as wrong as an upgrade to it). Versions compare
        numerically part by part and then by build number.

    Why:
        "If you are running a version of a License Server older than 11.12.1,
        uninstall it and then install the 11.16.6 version. These older
        versions of License Server do not conform to current Microsoft
        cluster guidelines." A version that must be removed from a cluster
        is not one to put on it. (CL509 asks for more when the License
        Activation Service is used: 11.17.2 build 51000 or later.)

    How to fix:
        Set ``target_version`` to 11.16.6 or later (11.17.2.0 build 51000 or
        later for the License Activation Service).

    Failing example:
        licensing:
          target_version: 11.10.0

    Passing example:
        licensing:
          target_version: 11.17.2.0 build 51000
    """

    id = "CL508"
    name = "target-version-too-old"
    severity = Severity.ERROR
    summary = (
        "target_version is older than 11.12.1 (such versions do not conform to current "
        "Microsoft cluster guidelines; install 11.16.6 or later)"
    )
    tags = ("install",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None or not lic.has("target_version") or lic.target_version is None:
            return
        if lic.target_version < MINIMUM_IN_PLACE_UPGRADE:
            yield self.at(
                lic.ptr("target_version"),
                f"target_version {q(lic.target_version)} is older than "
                f"{MINIMUM_IN_PLACE_UPGRADE}; such License Server versions do not conform to "
                f"current Microsoft cluster guidelines – install {CLEAN_INSTALL_VERSION} or later",
            )
