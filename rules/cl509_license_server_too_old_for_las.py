"""CL509 license-server-too-old-for-las."""

from collections.abc import Iterator

from cllint.citrix.activation import LAS, LAS_MINIMUM, LAS_OFFLINE, LAS_OFFLINE_MINIMUM
from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule


class LicenseServerTooOldForLas(Rule):
    """The License Activation Service needs License Server 11.17.2 build 51000 or later.

    What:
        Fires when the activation is ``las`` and the version this rollout
        leaves running (``target_version``, else ``version``) is older than
        11.17.2 build 51000, or the activation is ``las-offline`` and that
        version is older than 11.17.2 build 53100. The activation is
        ``licensing.activation``, or ``las`` when it is not declared and no
        license files are listed. A version without a build number is the
        earliest build of its release, so ``11.17.2`` fires and the message
        asks for the build. Silent when neither version is declared, and for
        ``activation: files`` (CL708 reports that).

    Why:
        Citrix Licensing docs, "License Activation Service": "LAS is only
        available on the License Server build 51000 or higher"; offline
        activation needs build 53100 or later. Since 15 April 2026 LAS is
        the only way to activate Citrix on-premises products (CTX695107), so
        an older License Server licenses nothing. That is a fact about one
        License Server; cllint applies the cluster's failover model to it:
        every node runs Citrix Licensing from the shared drive after a
        failover, so the version the rollout leaves on every node must be a
        LAS build, not only the one on the node that owns the group today.

    How to fix:
        Set ``target_version`` to ``11.17.2.0 build 51000`` or later
        (``11.17.2.0 build 53100`` or later for ``las-offline``) and upgrade
        every node to it.

    Failing example:
        licensing:
          activation: las
          target_version: 11.17.2.0 build 45000

    Passing example:
        licensing:
          activation: las
          target_version: 11.17.2.0 build 51000
    """

    id = "CL509"
    name = "license-server-too-old-for-las"
    severity = Severity.ERROR
    summary = (
        "the License Activation Service needs License Server 11.17.2 build 51000 or later "
        "(offline activation: build 53100 or later)"
    )
    tags = ("install",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None or lic.activation not in (LAS, LAS_OFFLINE):
            return
        if lic.has("target_version"):
            field, version = "target_version", lic.target_version
        elif lic.has("version") and lic.missing("target_version"):
            field, version = "version", lic.version
        else:
            return
        if version is None:
            return
        minimum = LAS_MINIMUM if lic.activation == LAS else LAS_OFFLINE_MINIMUM
        if version >= minimum:
            return
        mode = "the License Activation Service" if lic.activation == LAS else "offline activation"
        kept = "leaves running" if field == "version" else "installs"
        if version.build is None and version.same_release(minimum):
            detail = (
                f"{field} {q(version)} names no build, so it is read as the earliest build of "
                f"{version}; {mode} needs {minimum} or later – write the build, e.g. {minimum}"
            )
        else:
            detail = (
                f"this rollout {kept} License Server {q(version)}, but {mode} needs "
                f"{minimum} or later – set target_version to {minimum} or later"
            )
        yield self.at(lic.ptr(field), detail)
