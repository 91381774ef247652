"""CL507 downgrade."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule


class Downgrade(Rule):
    """The target version must not be older than the installed version.

    What:
        Fires at ``licensing.target_version`` when it is older than
        ``licensing.version``. Versions compare numerically part by part and
        then by their build number: Citrix ships distinct releases that
        differ only in build, so ``11.17.2.0 build 45000`` ->
        ``11.17.2.0 build 40000`` is a downgrade. A version without a build
        is the earliest build of its numbers: ``11.17.2`` is older than
        ``11.17.2.0 build 40000``, and ``11.17.2`` -> ``11.17.2.0`` is no
        change.

    Why:
        "To upgrade your clustered License Server (from versions 11.12.1
        onwards) to the latest version, complete the following steps:
        Download the latest License Server build." The procedure only ever
        moves forward; no in-place downgrade is described, and an older
        License Server may not read the newer one's configuration.

    How to fix:
        Set ``target_version`` to the installed version or a later one, or
        record the version really installed.

    Failing example:
        licensing:
          version: 11.17.2.0 build 45000
          target_version: 11.17.2.0 build 40000

    Passing example:
        licensing:
          version: 11.17.2.0 build 45000
          target_version: 11.17.2.0 build 51000
    """

    id = "CL507"
    name = "downgrade"
    severity = Severity.ERROR
    summary = "target_version is older than version"
    tags = ("install",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None or not lic.has("version") or not lic.has("target_version"):
            return
        if lic.version is None or lic.target_version is None:
            return
        if lic.target_version < lic.version:
            yield self.at(
                lic.ptr("target_version"),
                f"target_version {q(lic.target_version)} is older than the installed version "
                f"{q(lic.version)}; an in-place downgrade is not supported – target "
                f"{q(lic.version)} or later",
            )
