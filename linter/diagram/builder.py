"""How the scene is laid out from the model: which element stands for which part of it.

Kept apart from ``scene.py`` (the scene's vocabulary) so the decisions about
what to draw read in one place: one method per part of the picture, then the
links, then :meth:`Builder.element_for`, which maps a finding's JSON pointer to
the element it is drawn on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cllint.diagram.scene import (
    DEFAULT_LIMITS,
    Box,
    Group,
    LicenseView,
    Limits,
    Link,
    Scene,
    activation,
    short,
)
from cllint.findings import Finding
from cllint.model import Inventory, IPAddress, IPNetwork, Licensing, Nic, Node


class Builder:
    """Builds one scene; ``attach`` then hangs the findings on its elements."""

    def __init__(
        self, inv: Inventory, limits: Limits, licenses: Sequence[LicenseView] | None
    ) -> None:
        self.inv = inv
        self.limits = limits
        self.licenses = licenses
        self.by_pointer: dict[str, Box] = {}
        self.by_file: dict[str, Box] = {}
        # list pointer -> (first hidden index, the "… N more" element)
        self.hidden: dict[str, tuple[int, Box]] = {}
        self.links: list[Link] = []
        self.node_ids: dict[str, str] = {}
        """Node name (casefolded) -> the id of the element that stands for it."""
        self.root: Group | None = None

    # -- helpers ---------------------------------------------------------------
    def t(self, value: object) -> str:
        return short(value, self.limits.text)

    def box(self, id: str, kind: str, lines: list[str], *pointers: str) -> Box:
        item = Box(id, kind, [ln for ln in lines if ln], pointers)
        for p in pointers:
            self.by_pointer.setdefault(p, item)
        return item

    def group(self, id: str, kind: str, lines: list[str], *pointers: str) -> Group:
        item = Group(id, kind, [ln for ln in lines if ln], pointers)
        for p in pointers:
            self.by_pointer.setdefault(p, item)
        return item

    def more(self, id: str, count: int, what: str, list_pointer: str, first: int) -> Box:
        item = Box(id, "more", [f"… {count} more {what}"])
        self.hidden[list_pointer] = (first, item)
        return item

    # -- the scene -------------------------------------------------------------
    def scene(self) -> Scene:
        inv = self.inv
        cluster = inv.cluster
        name = cluster.name if cluster is not None and cluster.name else None
        title = f"Failover cluster {self.t(name)}" if name else "Failover cluster (no name)"
        sub = []
        if cluster is not None:
            if cluster.domain:
                sub.append(f"domain {self.t(cluster.domain)}")
            sub.append(f"validation {self.t(cluster.validation or 'unknown')}")
        root = self.group("CL", "cluster", [title, " · ".join(sub)], "", "/cluster")
        self.root = root
        top: list[Box] = [root]

        order = self._order_positions()
        root.items += self._nodes(order)
        root.items += self._networks()
        root.items.append(self._licensing())
        root.items += self._other_storage()
        top += self._products()
        top += self._activation_outside()
        self._nic_links()
        self._cap_link()
        self._owner_link()
        return Scene(title=title, top=top, links=self.links, limits=self.limits)

    def _order_positions(self) -> dict[str, int]:
        lic = self.inv.licensing
        positions: dict[str, int] = {}
        for i, n in enumerate(lic.install_order if lic else ()):
            positions.setdefault(n.casefold(), i + 1)
        return positions

    def _nodes(self, order: dict[str, int]) -> list[Box]:
        inv, lim = self.inv, self.limits
        lic = inv.licensing
        owner = (lic.owner_node or "").casefold() if lic else ""
        last = (lic.last_node or "").casefold() if lic else ""
        items: list[Box] = []
        for i, node in enumerate(inv.nodes[: lim.nodes]):
            nid = f"N{i}"
            key = (node.name or "").casefold()
            roles = []
            if key and key in order:
                roles.append(f"install {order[key]}")
            if key and key == owner:
                roles.append("owner")
            if key and key == last:
                roles.append("last node")
            title = self.t(node.name) if node.name else f"node {i + 1} (no name)"
            if roles:
                title += " · " + " · ".join(roles)
            group = self.group(nid, "node", [title], node.ptr())
            group.items.append(self.box(f"{nid}H", "host", self._host_lines(node)))
            for j, nic in enumerate(node.nics[: lim.nics]):
                group.items.append(self.box(f"{nid}A{j}", "nic", self._nic_lines(nic), nic.ptr()))
            if len(node.nics) > lim.nics:
                extra = len(node.nics) - lim.nics
                group.items.append(
                    self.more(f"{nid}AM", extra, "adapters", node.ptr("nics"), lim.nics)
                )
            if key:
                self.node_ids.setdefault(key, nid)
            items.append(group)
        if len(inv.nodes) > lim.nodes:
            extra = len(inv.nodes) - lim.nodes
            more = self.more("NM", extra, "nodes", "/nodes", lim.nodes)
            for node in inv.nodes[lim.nodes :]:
                if node.name:
                    self.node_ids.setdefault(node.name.casefold(), "NM")
            items.append(more)
        return items

    def _host_lines(self, node: Node) -> list[str]:
        lines = [self.t(node.os) if node.os else "OS not declared"]
        lines.append(f"domain {self.t(node.domain)}" if node.domain else "not domain-joined")
        fw = node.firewall
        if not fw.enabled:
            lines.append("firewall off")
        else:
            ports = sorted({p for r in fw.rules if (p := r.opens_port) is not None})
            shown = ", ".join(str(p) for p in ports[:4]) + (" …" if len(ports) > 4 else "")
            lines.append(f"firewall: {shown} open" if ports else "firewall: no port open")
        return lines

    def _nic_lines(self, nic: Nic) -> list[str]:
        where = f"on {self.t(nic.network)}" if nic.network else "no network"
        address = str(nic.address) if nic.address is not None else "no address"
        addressing = nic.addressing or "addressing?"
        if nic.addressing == "dhcp" and nic.dhcp is not None:
            if nic.dhcp.reservation:
                addressing += ", reserved"
            if nic.dhcp.lease_days is not None:
                addressing += f", lease {self.t(nic.dhcp.lease_days)} d"
        return [f"{self.t(nic.name) if nic.name else 'adapter'} {where}", f"{address} {addressing}"]

    def _networks(self) -> list[Box]:
        cluster, lim = self.inv.cluster, self.limits
        if cluster is None:
            return []
        items: list[Box] = []
        for i, net in enumerate(cluster.networks[: lim.networks]):
            role = net.role or "role?"
            kind = "public" if net.role == "public" else "private" if net.role == "private" else ""
            lines = [
                f"{self.t(net.name) if net.name else 'network'} · {role} network",
                str(net.subnet) if net.subnet is not None else "no subnet",
            ]
            items.append(
                self.box(f"NET{i}", f"network-{kind}" if kind else "network", lines, net.ptr())
            )
        if len(cluster.networks) > lim.networks:
            extra = len(cluster.networks) - lim.networks
            items.append(
                self.more("NETM", extra, "networks", cluster.ptr("networks"), lim.networks)
            )
        return items

    def _licensing(self) -> Box:
        lic = self.inv.licensing
        if lic is None:
            return self.box("RG", "missing", ["No licensing section"], "/licensing")
        rg_name = self.t(lic.resource_group) if lic.resource_group else "(no name)"
        group = self.group("RG", "group", [f"Resource group {rg_name}"], lic.ptr())
        cap = lic.client_access_point
        if cap is None or not cap.name:
            group.items.append(
                self.box(
                    "CAP",
                    "missing",
                    ["No client access point"],
                    lic.ptr("client_access_point"),
                    lic.ptr("name_resolution"),
                )
            )
        else:
            resolution = ", ".join(self.t(r) for r in lic.name_resolution or ()) or "none"
            group.items.append(
                self.box(
                    "CAP",
                    "cap",
                    [
                        f"Client access point {self.t(cap.name)}",
                        str(cap.address) if cap.address is not None else "no address",
                        f"name resolution: {resolution}",
                    ],
                    cap.ptr(),
                    lic.ptr("name_resolution"),
                )
            )
        version = str(lic.version) if lic.version is not None else "new install"
        if lic.target_version is not None:
            version += f" → {lic.target_version}"
        ports = lic.ports
        group.items.append(
            self.box(
                "SRV",
                "server",
                [
                    "Citrix License Server",
                    self.t(version),
                    f"ports {ports.license_server} · {ports.vendor_daemon} · {ports.web_services}",
                    f"installer {self.t(lic.installer)}" if lic.installer else "",
                ],
                lic.ptr("version"),
                lic.ptr("target_version"),
                lic.ptr("installer"),
                lic.ptr("ports"),
                lic.ptr("previous_server"),
            )
        )
        names = [self.t(n) for n in lic.install_order[: self.limits.names]]
        if len(lic.install_order) > self.limits.names:
            names.append("…")
        group.items.append(
            self.box(
                "ORD",
                "order",
                [
                    "Install order: " + (" → ".join(names) if names else "none"),
                    f"owner {self.t(lic.owner_node or '?')} · "
                    f"last node {self.t(lic.last_node or '?')}",
                ],
                lic.ptr("install_order"),
                lic.ptr("owner_node"),
                lic.ptr("last_node"),
            )
        )
        group.items.append(self._shared_disk(lic))
        if activation(lic) == "files" or lic.license_files:
            group.items.append(self._license_files(lic))
        return group

    def _shared_disk(self, lic: Licensing) -> Box:
        pointers = [lic.ptr("storage"), lic.ptr("install_path"), lic.ptr("license_dir")]
        if lic.storage is None:
            return self.box("DISK", "missing", ["No shared disk"], *pointers)
        res = self.inv.storage_for(lic.storage)
        if res is not None:
            pointers.append(res.ptr())
        name = f" {self.t(res.name)}" if res is not None and res.name else ""
        kind = f" ({res.kind})" if res is not None and res.kind != "disk" else ""
        lines = [f"Shared disk {lic.storage}:{name}{kind}"]
        if res is None:
            lines.append("not in cluster storage")
        if lic.install_path:
            lines.append(self.t(lic.install_path))
        return self.box("DISK", "disk", lines, *pointers)

    def _license_files(self, lic: Licensing) -> Box:
        lim = self.limits
        group = self.group(
            "ACT",
            "activation",
            ["Activation: license files"],
            lic.ptr("license_files"),
            lic.ptr("activation"),
            lic.ptr("license_dir"),
        )
        if self.licenses is not None:
            views = list(self.licenses)
        else:
            views = [
                LicenseView(f"{lic.ptr('license_files')}/{i}", w, w, (), read=False)
                for i, w in enumerate(lic.license_files or ())
            ]
        for i, view in enumerate(views[: lim.files]):
            lines = [self.t(_file_name(view.written))]
            if self.licenses is None:
                pass
            elif not view.read:
                lines.append("not read")
            elif view.hosts:
                lines.append("bound to " + ", ".join(self.t(h) for h in view.hosts[:3]))
            else:
                lines.append("bound to no host name")
            item = self.box(f"LF{i}", "file", lines, view.pointer)
            self.by_file.setdefault(view.shown, item)
            group.items.append(item)
        if not views:
            group.items.append(self.box("LF0", "missing", ["No license files listed"]))
        if len(views) > lim.files:
            more = self.more(
                "LFM", len(views) - lim.files, "license files", lic.ptr("license_files"), lim.files
            )
            for view in views[lim.files :]:
                self.by_file.setdefault(view.shown, more)
            group.items.append(more)
        return group

    def _activation_outside(self) -> list[Box]:
        lic = self.inv.licensing
        if lic is None:
            return []
        mode = activation(lic)
        if mode == "files":
            return []
        how = "offline activation (by hand)" if mode == "las-offline" else "online, renewed daily"
        las = self.box(
            "LAS",
            "las",
            ["License Activation Service", f"Citrix Cloud · {how}"],
            lic.ptr("activation"),
        )
        self.links.append(Link("SRV", "LAS", "activation", dashed=True, arrow=True))
        return [las]

    def _other_storage(self) -> list[Box]:
        cluster, lic = self.inv.cluster, self.inv.licensing
        if cluster is None:
            return []
        shared = lic.storage if lic is not None else None
        items: list[Box] = []
        shown = 0
        for i, res in enumerate(cluster.storage):
            if res.drive is not None and res.drive == shared and not res.quorum:
                continue  # drawn as the group's shared disk
            if shown == self.limits.storage:
                items.append(
                    self.more("SM", len(cluster.storage) - i, "disks", cluster.ptr("storage"), i)
                )
                break
            shown += 1
            drive = f" {res.drive}:" if res.drive else ""
            name = f" {self.t(res.name)}" if res.name else ""
            kind = f" ({res.kind})" if res.kind != "disk" else ""
            what = "Quorum disk" if res.quorum else "Cluster disk"
            items.append(
                self.box(
                    f"S{i}",
                    "quorum" if res.quorum else "storage",
                    [f"{what}{drive}{name}{kind}"],
                    res.ptr(),
                )
            )
        return items

    def _products(self) -> list[Box]:
        from cllint.model import cap_hosts, host_key, node_hosts

        inv, lim = self.inv, self.limits
        caps = cap_hosts(inv) or set()
        nodes = node_hosts(inv)
        items: list[Box] = []
        others: dict[str, str] = {}
        for i, product in enumerate(inv.products[: lim.products]):
            pid = f"P{i}"
            server = product.license_server
            port = f":{product.port}" if product.port is not None else ""
            lines = [
                f"Product {self.t(product.name)}" if product.name else "Product (no name)",
                f"{self.t(product.type)} · " if product.type else "",
            ]
            lines[1] += f"license server {self.t(server)}{port}" if server else "no license server"
            box = self.box(pid, "product", lines, product.ptr())
            items.append(box)
            if not server:
                continue
            key = host_key(server)
            if key in caps:
                target = "CAP"
            elif key in nodes:
                target = self.node_ids.get(nodes[key].casefold(), "CL")
            else:
                target = others.get(key, "")
                if not target:
                    target = others[key] = f"X{len(others)}"
                    items.append(
                        self.box(target, "unknown", [self.t(server), "neither the CAP nor a node"])
                    )
            link = Link(pid, target, "license server", arrow=True)
            if target != "CAP":
                link.findings = box.findings  # shared: the product's findings colour its link
            self.links.append(link)
        if len(inv.products) > lim.products:
            extra = len(inv.products) - lim.products
            items.append(self.more("PM", extra, "products", "/products", lim.products))
        return items

    # -- links -----------------------------------------------------------------
    def _network_ids(self) -> dict[str, str]:
        cluster = self.inv.cluster
        ids: dict[str, str] = {}
        for i, net in enumerate(cluster.networks[: self.limits.networks] if cluster else ()):
            if net.name:
                ids.setdefault(net.name.casefold(), f"NET{i}")
        return ids

    def _nic_links(self) -> None:
        ids = self._network_ids()
        for i, node in enumerate(self.inv.nodes[: self.limits.nodes]):
            for j, nic in enumerate(node.nics[: self.limits.nics]):
                target = ids.get((nic.network or "").casefold())
                if target:
                    self.links.append(Link(f"N{i}A{j}", target))

    def _cap_link(self) -> None:
        lic, cluster = self.inv.licensing, self.inv.cluster
        cap = lic.client_access_point if lic else None
        if cap is None or not cap.name or cluster is None:
            return
        target = None
        networks = cluster.networks[: self.limits.networks]
        for i, net in enumerate(networks):
            subnet = net.subnet
            if cap.address is not None and subnet is not None and _within(cap.address, subnet):
                target = f"NET{i}"
                break
        if target is None:
            target = next((f"NET{i}" for i, n in enumerate(networks) if n.role == "public"), None)
        if target is not None:
            label = str(cap.address) if cap.address is not None else ""
            self.links.append(Link("CAP", target, label, ranks=False))

    def _owner_link(self) -> None:
        lic = self.inv.licensing
        if lic is None or not lic.owner_node:
            return
        target = self.node_ids.get(lic.owner_node.casefold())
        if target is not None:
            self.links.append(Link("RG", target, "owner", dashed=True, arrow=True))

    # -- findings --------------------------------------------------------------
    def attach(self, findings: Iterable[Finding]) -> None:
        assert self.root is not None
        for f in findings:
            self.element_for(f).findings.append(f)

    def element_for(self, f: Finding) -> Box:
        assert self.root is not None
        if f.file is not None:
            return self.by_file.get(f.file, self.root)
        pointer = f.pointer
        if pointer is None:
            return self.root
        p = pointer
        while True:
            found = self.by_pointer.get(p)
            if found is not None:
                return found
            if not p:
                return self.root
            cut = p.rfind("/")
            parent, last = p[:cut], p[cut + 1 :]
            hidden = self.hidden.get(parent)
            if hidden is not None and last.isdigit() and int(last) >= hidden[0]:
                return hidden[1]
            p = parent


def _within(address: IPAddress, subnet: IPNetwork) -> bool:
    return address.version == subnet.version and address in subnet


def _file_name(path: str) -> str:
    import ntpath

    return ntpath.basename(path.replace("/", "\\")) or path


def build(
    inventory: Inventory,
    findings: Iterable[Finding] = (),
    licenses: Sequence[LicenseView] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Scene:
    """The scene for ``inventory`` with ``findings`` attached to their elements."""
    builder = Builder(inventory, limits, licenses)
    scene = builder.scene()
    builder.attach(f for f in findings if f.suppression is None)
    return scene
