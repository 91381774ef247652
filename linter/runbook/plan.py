"""The facts a runbook is written from, resolved once from the inventory model.

The rules already report every problem in the inventory; but a user may
ignore a rule, and a runbook built on an unknown node or a last node that is
not last would be worse than none. So ``resolve`` returns either a complete
:class:`Plan` or the reasons it cannot (one line each).
"""

from __future__ import annotations

import ntpath
from dataclasses import dataclass

from cllint.citrix.versions import MINIMUM_IN_PLACE_UPGRADE, Version
from cllint.findings import q
from cllint.model import Inventory, Node, Ports, Product

DEFAULT_INSTALLER = "CitrixLicensing.exe"


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything the steps refer to, with the inventory's values."""

    cluster: str | None
    domain: str | None
    validation: str | None
    group: str
    cap: str
    cap_address: str | None
    drive: str
    disk: str | None
    quorum_drives: tuple[str, ...]
    install_path: str
    license_dir: str
    installer: str
    version: Version | None
    target_version: Version | None
    order: tuple[Node, ...]
    ports: Ports
    name_resolution: tuple[str, ...]
    license_files: tuple[str, ...]
    products: tuple[Product, ...]
    networks: tuple[tuple[str, str, str], ...]
    """(name, role, subnet) of each cluster network."""
    activation: str = "files"
    """las | las-offline | files (declared or defaulted, see ``Licensing.activation``)."""

    @property
    def first(self) -> Node:
        return self.order[0]

    @property
    def last(self) -> Node:
        return self.order[-1]

    @property
    def uses_las(self) -> bool:
        """Activated through the License Activation Service (online or offline)."""
        return self.activation in ("las", "las-offline")

    @property
    def upgrade_in_place(self) -> bool:
        """False when the installed version predates 11.12.1 (uninstall, then install)."""
        return self.version is None or self.version >= MINIMUM_IN_PLACE_UPGRADE


def name_of(node: Node) -> str:
    """A node's name (resolve() only admits named nodes)."""
    return node.name or ""


def resolve(inv: Inventory) -> tuple[Plan | None, list[str]]:
    """The plan for ``inv``, or the reasons a runbook cannot be written."""
    lic = inv.licensing
    if lic is None:
        return None, ["the inventory has no licensing section"]
    problems: list[str] = []
    cap = lic.client_access_point
    if not lic.resource_group:
        problems.append("licensing.resource_group is not set")
    if cap is None or not cap.name:
        problems.append("licensing.client_access_point.name is not set")
    if lic.storage is None:
        problems.append("licensing.storage (the shared drive) is not set")
    if not lic.install_path or not lic.license_dir:
        problems.append("licensing.install_path is not usable")

    order: list[Node] = []
    seen: set[str] = set()
    for name in lic.install_order:
        node = inv.node(name)
        if node is None or node.name is None:
            problems.append(f"install_order names {q(name)}, which is not a node")
        elif node.name.casefold() in seen:
            problems.append(f"install_order lists {q(name)} twice")
        else:
            seen.add(node.name.casefold())
            order.append(node)
    if not lic.install_order:
        problems.append("no nodes to install on (install_order and nodes are empty)")
    elif not problems:
        if (lic.owner_node or "").casefold() != name_of(order[0]).casefold():
            problems.append(
                f"owner_node {q(lic.owner_node or '')} is not the first node of install_order "
                f"({q(name_of(order[0]))})"
            )
        if (lic.last_node or "").casefold() != name_of(order[-1]).casefold():
            problems.append(
                f"last_node {q(lic.last_node or '')} is not the final node of install_order "
                f"({q(name_of(order[-1]))})"
            )
    if problems or cap is None or not cap.name or not lic.resource_group:
        return None, problems
    assert lic.storage is not None and lic.install_path and lic.license_dir

    cluster = inv.cluster
    disk = inv.storage_for(lic.storage)
    quorum = tuple(
        s.drive for s in (cluster.storage if cluster else ()) if s.quorum and s.drive is not None
    )
    networks = tuple(
        (n.name or "", n.role or "", str(n.subnet) if n.subnet else "")
        for n in (cluster.networks if cluster else ())
        if n.name
    )
    return Plan(
        cluster=cluster.name if cluster else None,
        domain=cluster.domain if cluster else None,
        validation=cluster.validation if cluster else None,
        group=lic.resource_group,
        cap=cap.name,
        cap_address=str(cap.address) if cap.address is not None else None,
        drive=lic.storage,
        disk=disk.name if disk else None,
        quorum_drives=quorum,
        install_path=lic.install_path,
        license_dir=lic.license_dir,
        installer=lic.installer or DEFAULT_INSTALLER,
        version=lic.version,
        target_version=lic.target_version,
        order=tuple(order),
        ports=lic.ports,
        name_resolution=lic.name_resolution or (),
        license_files=tuple(lic.license_files or ()),
        products=inv.products,
        networks=networks,
        activation=lic.activation or "files",
    ), []


def file_name(path: str) -> str:
    """The file name of a license file path (``licenses/CTXLIC.lic`` → ``CTXLIC.lic``)."""
    return ntpath.basename(path.replace("/", "\\")) or path
