"""CL804 product-not-las-ready."""

from collections.abc import Iterator

from cllint.citrix.activation import LAS, LAS_OFFLINE, cvad_las_capable, cvad_las_capable_text
from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule


class ProductNotLasReady(Rule):
    """Every CVAD site served by a LAS License Server must run a LAS-capable release.

    What:
        Fires at ``products[].version`` when the activation is ``las`` or
        ``las-offline`` and a product of ``type: cvad`` (any case) declares a
        release that cannot use the License Activation Service: older than
        2411, unless it is the LTSR 2203 from CU7 or the LTSR 2402 from CU3
        on (``2402 CU3`` and ``2402 LTSR CU3`` are the same release: only an
        LTSR has cumulative updates). ``7.15 LTSR CU9`` and ``1912 LTSR
        CU10`` are not LAS-capable. A product without a ``version`` is not
        reported; an unparseable one is CL002. The LAS-capable list lives in
        ``cllint/citrix/activation.py``.

    Why:
        Citrix Licensing docs, "License Activation Service": "Supported
        products: CVAD 2411 or higher"; the remediation list of CTX695107
        adds the LTSR 2203 CU7 and 2402 CU3 and their later cumulative
        updates. All Delivery Controllers of a site must be LAS-capable, and
        a site uses either legacy licenses or LAS (CVAD docs,
        considerations); since 15 April 2026 legacy licenses no longer
        activate (CTX695107), so an older site cannot check out licenses
        from this License Server.

    How to fix:
        Upgrade the site's Delivery Controllers to 2411 or later, or to 2203
        LTSR CU7 / 2402 LTSR CU3 or a later cumulative update, and record
        the release in ``version``.

    Failing example:
        products:
          - {name: CVAD Production Site, type: cvad, license_server: CTXLIC, version: 2203 CU6}

    Passing example:
        products:
          - {name: CVAD Production Site, type: cvad, license_server: CTXLIC, version: 2203 CU7}
    """

    id = "CL804"
    name = "product-not-las-ready"
    severity = Severity.ERROR
    summary = "a CVAD product's version cannot use the License Activation Service"
    tags = ("products",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None or lic.activation not in (LAS, LAS_OFFLINE):
            return
        for product in inventory.products:
            if product.type is None or product.type.strip().casefold() != "cvad":
                continue
            if not product.has("version") or product.version is None:
                continue
            if cvad_las_capable(product.version):
                continue
            yield self.at(
                product.ptr("version"),
                f"product {q(product.name)} runs CVAD {q(product.version)}, which cannot use the "
                f"License Activation Service; upgrade its Delivery Controllers to "
                f"{cvad_las_capable_text()}",
            )
