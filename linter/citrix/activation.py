"""How the License Server obtains its licenses, and the facts that go with it.

Since 15 April 2026 the License Activation Service (LAS) is the only way to
activate Citrix on-premises products; license files (the source document's
model) were retired. The facts below come from Citrix's own pages and are
kept here, in one place, so they are easy to update:

- CTX695107, "License Activation Service: Replacing Our End-of-Life
  File-Based Licensing": file-based licensing ends on 15 April 2026.
- Citrix Licensing docs, "License Activation Service" (current release and
  11.17.2 build 52100), and the CVAD docs' LAS prerequisites: online
  activation needs License Server 11.17.2 build 51000 or later, offline
  activation build 53100 or later.
- Citrix Licensing docs ("Supported products: CVAD 2411 or higher") and the
  CTX695107 remediation list: the LAS-capable CVAD releases (table below).
"""

from __future__ import annotations

import datetime as dt

from cllint.citrix.versions import ProductVersion, Version

FILES = "files"
LAS = "las"
LAS_OFFLINE = "las-offline"
ACTIVATIONS = (LAS, LAS_OFFLINE, FILES)

FILE_LICENSING_ENDS = dt.date(2026, 4, 15)
"""From this day on, file-based activation no longer works (CTX695107)."""

LAS_MINIMUM = Version((11, 17, 2), "11.17.2.0 build 51000", 51000)
"""Online LAS: "LAS is only available on the License Server build 51000 or higher"."""

LAS_OFFLINE_MINIMUM = Version((11, 17, 2), "11.17.2.0 build 53100", 53100)
"""Offline activation (the activation blob exchanged by hand): build 53100 or later."""

# LAS-capable Citrix Virtual Apps and Desktops releases, as Citrix listed them
# in April 2026 (Citrix Licensing docs, "License Activation Service",
# supported products: "CVAD 2411 or higher"; CTX695107 remediation list:
# LTSR 2203 CU7 and 2402 CU3 and their later cumulative updates). Update here
# when Citrix adds a cumulative update to the list.
CVAD_CURRENT_RELEASE_MINIMUM = 2411
"""Current releases (and LTSRs) from 2411 on are LAS-capable."""

CVAD_LTSR_MINIMUM_CU = {2203: 7, 2402: 3}
"""Older LTSRs that became LAS-capable with a cumulative update: release -> first CU."""


def cvad_las_capable(version: ProductVersion) -> bool:
    """Whether a CVAD release can use the License Activation Service."""
    if len(version.release) != 1:  # 7.x releases (7.15 LTSR ...) predate LAS
        return False
    release = version.release[0]
    if release >= CVAD_CURRENT_RELEASE_MINIMUM:
        return True
    first_cu = CVAD_LTSR_MINIMUM_CU.get(release)
    return first_cu is not None and version.ltsr and version.cumulative_update >= first_cu


def cvad_las_capable_text() -> str:
    """The table in words, for messages."""
    ltsr = [f"{r} LTSR CU{cu} or a later CU" for r, cu in sorted(CVAD_LTSR_MINIMUM_CU.items())]
    return f"{CVAD_CURRENT_RELEASE_MINIMUM} or later, " + ", or ".join(ltsr)


def file_licensing_retired(as_of: dt.date) -> bool:
    return as_of >= FILE_LICENSING_ENDS
