"""CL501 msi-installer."""

import re
from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule

# Compiled (by ``re``) the first time an installer names "msi" at all.
_MSI_FILE = r"\.msi(?=\Z|[\s\"'\u201c\u201d,;])"
_MSIEXEC = r"(?:^|[\s\\/\"'])msiexec(?:\.exe)?(?=\Z|[\s\"'])"


def runs_msi(installer: str) -> bool:
    """True when ``installer`` is an ``.msi`` file or a command that runs one.

    ``CTX_Licensing.msi``, ``"D:\\Licensing\\CTX_Licensing.msi"``,
    ``msiexec /i D:\\Licensing\\CTX_Licensing.msi /qn`` and
    ``C:\\Windows\\System32\\msiexec.exe /i ...`` all install from the .msi.
    """
    if installer.isascii() and "msi" not in installer.lower():
        return False  # both patterns need it (case-insensitive matching is Unicode's)
    return bool(
        re.search(_MSI_FILE, installer, re.IGNORECASE)
        or re.search(_MSIEXEC, installer, re.IGNORECASE)
    )


class MsiInstaller(Rule):
    """Install clustered Licensing with CitrixLicensing.exe, never the .msi.

    What:
        Fires when ``licensing.installer`` is an ``.msi`` file (any case, any
        path, quoted or not) or a command that runs one: a word ending in
        ``.msi`` anywhere in it (``"D:\\Licensing\\CTX_Licensing.msi" /qn``), or
        ``msiexec`` (``msiexec /i D:\\Licensing\\CTX_Licensing.msi /qn``).

    Why:
        "The .msi does not support clustering. To install or upgrade for
        clustering, use CitrixLicensing.exe."

    How to fix:
        Use ``CitrixLicensing.exe`` from the product media, run as an
        administrator on each node in turn.

    Failing example:
        licensing:
          installer: 'msiexec /i D:\\Licensing\\CTX_Licensing.msi /qn'

    Passing example:
        licensing:
          installer: CitrixLicensing.exe
    """

    id = "CL501"
    name = "msi-installer"
    severity = Severity.ERROR
    summary = (
        "installer is or runs an .msi (a path ending in .msi, or an msiexec command): the "
        ".msi does not support clustering; use CitrixLicensing.exe"
    )
    tags = ("install",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None or not lic.has("installer") or lic.installer is None:
            return
        if runs_msi(lic.installer):
            what = (
                "is an .msi" if lic.installer.strip().lower().endswith(".msi") else "runs an .msi"
            )
            yield self.at(
                lic.ptr("installer"),
                f"installer {q(lic.installer)} {what}, which does not support clustering; "
                "use CitrixLicensing.exe",
            )
