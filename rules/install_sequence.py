"""The install order as the CL5 rules see it: complete and made of known nodes.

``last_node`` and ``owner_node`` are compared with the ends of ``install_order``
(declared or defaulted to the order of ``nodes``) only when that comparison
means something: every entry names a node (else CL004 reported it) and the
list is not schema-invalid (else CL002 did).
"""

from __future__ import annotations

from cllint.model import Inventory, Licensing


def known_order(inventory: Inventory, lic: Licensing) -> tuple[str, ...] | None:
    """The install order, or None when it holds an unknown name or is invalid."""
    if lic.is_invalid("install_order") or not lic.install_order:
        return None
    if any(inventory.node(name) is None for name in lic.install_order):
        return None
    return lic.install_order


def where(lic: Licensing) -> str:
    """How to name the order in a message: declared, or defaulted from ``nodes``."""
    return "install_order" if lic.has("install_order") else "the install order (order of nodes)"
