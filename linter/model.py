"""The typed, read-only inventory model that rules read.

Rules should read like the prerequisite they enforce, so they get small
frozen records (``cllint.records``, slotted and cheap to create) with the
inventory format's defaults applied instead of raw dicts. Every object knows
its JSON pointer (``ptr(field)`` points at one of its values), which fields
were *declared* in the file (a defaulted value is never the place a finding
points to) and which were present but schema-invalid (rules stay silent about
those: CL002 already reported them).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping

from cllint.citrix.versions import ProductVersion, Version, parse_product_version, parse_version
from cllint.inventory import addresses
from cllint.records import field, record

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPInterface = ipaddress.IPv4Interface | ipaddress.IPv6Interface
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

DEFAULT_PORTS = {"license_server": 27000, "vendor_daemon": 7279, "web_services": 8083}


@record(frozen=True, slots=True, kw_only=True)
class Element:
    """Common to every model object: where it is and what it declared."""

    pointer: str
    declared: frozenset[str] = frozenset()
    invalid: frozenset[str] = frozenset()

    def ptr(self, name: str | None = None) -> str:
        """The pointer of field ``name`` (or of the object itself)."""
        return self.pointer if name is None else f"{self.pointer}/{name}"

    def has(self, name: str) -> bool:
        """True when ``name`` was written in the file and is schema-valid."""
        return name in self.declared and name not in self.invalid

    def missing(self, name: str) -> bool:
        """True when ``name`` was not written at all (not merely invalid)."""
        return name not in self.declared

    def is_invalid(self, name: str) -> bool:
        return name in self.invalid


@record(frozen=True, slots=True, kw_only=True)
class Network(Element):
    name: str | None
    role: str | None
    subnet: IPNetwork | None


@record(frozen=True, slots=True, kw_only=True)
class StorageResource(Element):
    name: str | None
    drive: str | None
    kind: str
    quorum: bool


@record(frozen=True, slots=True, kw_only=True)
class Cluster(Element):
    name: str | None
    domain: str | None
    validation: str | None
    networks: tuple[Network, ...]
    storage: tuple[StorageResource, ...]


@record(frozen=True, slots=True, kw_only=True)
class Dhcp(Element):
    lease_days: float | None
    reservation: bool | None


@record(frozen=True, slots=True, kw_only=True)
class Nic(Element):
    name: str | None
    network: str | None
    address: IPInterface | None
    prefix_declared: bool
    addressing: str | None
    dhcp: Dhcp | None


@record(frozen=True, slots=True, kw_only=True)
class FirewallRule(Element):
    name: str | None
    port: int | None
    program: str | None
    protocol: str
    direction: str

    @property
    def opens_port(self) -> int | None:
        """The port this rule opens for licensing: inbound TCP port rules only."""
        if self.port is not None and self.protocol == "tcp" and self.direction == "inbound":
            return self.port
        return None


@record(frozen=True, slots=True, kw_only=True)
class Firewall(Element):
    enabled: bool
    rules: tuple[FirewallRule, ...]


@record(frozen=True, slots=True, kw_only=True)
class Node(Element):
    name: str | None
    domain: str | None
    os: str | None
    hardware: Mapping[str, Any] | None
    nics: tuple[Nic, ...]
    firewall: Firewall
    internet: str | None = None
    """Outbound HTTPS to Citrix Cloud: direct | proxy | none; None = unknown."""


@record(frozen=True, slots=True, kw_only=True)
class ClientAccessPoint(Element):
    name: str | None
    address: IPAddress | None


@record(frozen=True, slots=True, kw_only=True)
class Ports(Element):
    license_server: int
    vendor_daemon: int
    web_services: int

    def items(self) -> tuple[tuple[str, int], ...]:
        return (
            ("license_server", self.license_server),
            ("vendor_daemon", self.vendor_daemon),
            ("web_services", self.web_services),
        )


@record(frozen=True, slots=True, kw_only=True)
class Licensing(Element):
    resource_group: str | None
    client_access_point: ClientAccessPoint | None
    storage: str | None
    installer: str | None
    install_path: str | None
    license_dir: str | None
    version: Version | None
    target_version: Version | None
    install_order: tuple[str, ...]
    owner_node: str | None
    last_node: str | None
    ports: Ports
    name_resolution: tuple[str, ...] | None
    license_files: tuple[str, ...] | None
    previous_server: str | None
    activation: str | None = None
    """las | las-offline | files, declared or defaulted (``has("activation")``
    tells which): ``files`` when license files are listed, else ``las``. None
    when the declared value is schema-invalid."""


@record(frozen=True, slots=True, kw_only=True)
class Product(Element):
    name: str | None
    type: str | None
    license_server: str | None
    port: int | None
    version: ProductVersion | None = None
    """The product release (``2411``, ``2203 LTSR CU7``); None when unknown or unparseable."""


@record(frozen=True, slots=True, kw_only=True)
class Inventory(Element):
    """One inventory document."""

    cluster: Cluster | None
    nodes: tuple[Node, ...]
    licensing: Licensing | None
    products: tuple[Product, ...]
    # Lookup maps built once, so rules stay linear in the number of nodes.
    nodes_by_name: Mapping[str, Node] = field(default_factory=dict, repr=False, compare=False)
    networks_by_name: Mapping[str, Network] = field(default_factory=dict, repr=False, compare=False)
    storage_by_drive: Mapping[str, StorageResource] = field(
        default_factory=dict, repr=False, compare=False
    )

    def node(self, name: str | None) -> Node | None:
        """The node called ``name`` (Windows names are case-insensitive); the first wins."""
        return None if name is None else self.nodes_by_name.get(name.casefold())

    def network(self, name: str | None) -> Network | None:
        """The cluster network called ``name`` (case-insensitive); the first wins."""
        return None if name is None else self.networks_by_name.get(name.casefold())

    def storage_for(self, drive: str | None) -> StorageResource | None:
        """The cluster storage resource with drive letter ``drive`` (any case)."""
        return None if drive is None else self.storage_by_drive.get(drive.upper())


# --------------------------------------------------------------------------
# Building the model from plain data
# --------------------------------------------------------------------------


class _Builder:
    """Turns validated (or partly invalid) plain data into model objects."""

    def __init__(self, invalid: Iterable[str], raw: Mapping[str, str]) -> None:
        self.invalid = set(invalid)
        self.raw = raw
        tainted: set[str] = set()
        for p in self.invalid:
            while p and p not in tainted:
                tainted.add(p)
                p = p[: p.rfind("/")]
        self.tainted = tainted

    # helpers -------------------------------------------------------------
    def _fields(
        self, data: Mapping[str, Any], pointer: str, spec: Mapping[str, type | tuple[type, ...]]
    ) -> tuple[dict[str, Any], frozenset[str], frozenset[str]]:
        values: dict[str, Any] = {}
        declared: set[str] = set()
        bad: set[str] = set()
        if not self.invalid:  # a schema-valid document (nothing tainted): no pointers to build
            for name, kind in spec.items():
                if name not in data:
                    values[name] = None
                    continue
                declared.add(name)
                value = data[name]
                if _isinstance(value, kind):
                    values[name] = value
                else:
                    bad.add(name)
                    values[name] = None
            return values, frozenset(declared), frozenset(bad)
        for name, kind in spec.items():
            p = f"{pointer}/{name}"
            if p in self.invalid:
                bad.add(name)
            if name not in data:
                values[name] = None
                continue
            declared.add(name)
            value = data[name]
            if p in self.tainted or not _isinstance(value, kind):
                bad.add(name)
                values[name] = None
                continue
            values[name] = value
        return values, frozenset(declared), frozenset(bad)

    def _items(self, data: Mapping[str, Any], key: str, pointer: str) -> list[tuple[str, Any]]:
        items = data.get(key)
        if not isinstance(items, list):
            return []
        return [
            (f"{pointer}/{key}/{i}", item)
            for i, item in enumerate(items)
            if isinstance(item, dict) and f"{pointer}/{key}/{i}" not in self.invalid
        ]

    # objects --------------------------------------------------------------
    def inventory(self, data: Mapping[str, Any]) -> Inventory:
        declared = frozenset(k for k in ("cluster", "nodes", "licensing", "products") if k in data)
        cluster_data = data.get("cluster")
        cluster = self.cluster(cluster_data) if isinstance(cluster_data, dict) else None
        nodes = tuple(self.node(p, d) for p, d in self._items(data, "nodes", ""))
        licensing_data = data.get("licensing")
        licensing = (
            self.licensing(licensing_data, nodes) if isinstance(licensing_data, dict) else None
        )
        products = tuple(self.product(p, d) for p, d in self._items(data, "products", ""))
        bad = frozenset(k for k in declared if f"/{k}" in self.invalid)
        by_name: dict[str, Node] = {}
        for node in nodes:
            if node.name is not None:
                by_name.setdefault(node.name.casefold(), node)
        networks: dict[str, Network] = {}
        drives: dict[str, StorageResource] = {}
        if cluster is not None:
            for net in cluster.networks:
                if net.name is not None:
                    networks.setdefault(net.name.casefold(), net)
            for res in cluster.storage:
                if res.drive is not None:
                    drives.setdefault(res.drive, res)
        return Inventory(
            pointer="",
            declared=declared,
            invalid=bad,
            cluster=cluster,
            nodes=nodes,
            licensing=licensing,
            products=products,
            nodes_by_name=by_name,
            networks_by_name=networks,
            storage_by_drive=drives,
        )

    def cluster(self, data: Mapping[str, Any]) -> Cluster:
        pointer = "/cluster"
        v, declared, bad = self._fields(
            data,
            pointer,
            {"name": str, "domain": str, "validation": str, "networks": list, "storage": list},
        )
        return Cluster(
            pointer=pointer,
            declared=declared,
            invalid=bad,
            name=v["name"],
            domain=v["domain"],
            validation=v["validation"],
            networks=tuple(self.network(p, d) for p, d in self._items(data, "networks", pointer)),
            storage=tuple(self.storage(p, d) for p, d in self._items(data, "storage", pointer)),
        )

    def network(self, pointer: str, data: Mapping[str, Any]) -> Network:
        v, declared, bad = self._fields(data, pointer, {"name": str, "role": str, "subnet": str})
        subnet = None
        if v["subnet"] is not None:
            try:
                subnet = addresses.ip_network(v["subnet"])
            except ValueError:
                bad = bad | {"subnet"}
        return Network(
            pointer=pointer,
            declared=declared,
            invalid=bad,
            name=v["name"],
            role=v["role"],
            subnet=subnet,
        )

    def storage(self, pointer: str, data: Mapping[str, Any]) -> StorageResource:
        v, declared, bad = self._fields(
            data, pointer, {"name": str, "drive": str, "kind": str, "quorum": bool}
        )
        drive = v["drive"].upper() if isinstance(v["drive"], str) and len(v["drive"]) == 1 else None
        return StorageResource(
            pointer=pointer,
            declared=declared,
            invalid=bad,
            name=v["name"],
            drive=drive,
            kind=v["kind"] or "disk",
            quorum=bool(v["quorum"]),
        )

    def node(self, pointer: str, data: Mapping[str, Any]) -> Node:
        v, declared, bad = self._fields(
            data,
            pointer,
            {
                "name": str,
                "domain": str,
                "os": str,
                "hardware": dict,
                "nics": list,
                "firewall": dict,
                "internet": str,
            },
        )
        fw_data = v["firewall"]
        if isinstance(fw_data, dict):
            firewall = self.firewall(f"{pointer}/firewall", fw_data)
        else:
            firewall = Firewall(
                pointer=f"{pointer}/firewall",
                enabled=True,
                rules=(),
                invalid=frozenset({"enabled"}) if "firewall" in bad else frozenset(),
            )
        return Node(
            pointer=pointer,
            declared=declared,
            invalid=bad,
            name=v["name"],
            domain=v["domain"],
            os=v["os"],
            hardware=v["hardware"],
            nics=tuple(self.nic(p, d) for p, d in self._items(data, "nics", pointer)),
            firewall=firewall,
            internet=v["internet"],
        )

    def nic(self, pointer: str, data: Mapping[str, Any]) -> Nic:
        v, declared, bad = self._fields(
            data,
            pointer,
            {"name": str, "network": str, "address": str, "addressing": str, "dhcp": dict},
        )
        address = None
        if v["address"] is not None:
            try:
                address = addresses.ip_interface(v["address"])
            except ValueError:
                bad = bad | {"address"}
        dhcp = None
        if isinstance(v["dhcp"], dict):
            d, d_declared, d_bad = self._fields(
                v["dhcp"], f"{pointer}/dhcp", {"lease_days": (int, float), "reservation": bool}
            )
            dhcp = Dhcp(
                pointer=f"{pointer}/dhcp",
                declared=d_declared,
                invalid=d_bad,
                lease_days=d["lease_days"],
                reservation=d["reservation"],
            )
        return Nic(
            pointer=pointer,
            declared=declared,
            invalid=bad,
            name=v["name"],
            network=v["network"],
            address=address,
            prefix_declared=address is not None and "/" in v["address"],
            addressing=v["addressing"],
            dhcp=dhcp,
        )

    def firewall(self, pointer: str, data: Mapping[str, Any]) -> Firewall:
        v, declared, bad = self._fields(data, pointer, {"enabled": bool, "rules": list})
        rules = []
        for p, d in self._items(data, "rules", pointer):
            r, r_declared, r_bad = self._fields(
                d,
                p,
                {"name": str, "port": int, "program": str, "protocol": str, "direction": str},
            )
            if p in self.tainted:
                continue
            rules.append(
                FirewallRule(
                    pointer=p,
                    declared=r_declared,
                    invalid=r_bad,
                    name=r["name"],
                    port=r["port"],
                    program=r["program"],
                    protocol=r["protocol"] or "tcp",
                    direction=r["direction"] or "inbound",
                )
            )
        enabled = v["enabled"] if isinstance(v["enabled"], bool) else True
        return Firewall(
            pointer=pointer, declared=declared, invalid=bad, enabled=enabled, rules=tuple(rules)
        )

    def licensing(self, data: Mapping[str, Any], nodes: tuple[Node, ...]) -> Licensing:
        pointer = "/licensing"
        v, declared, bad = self._fields(
            data,
            pointer,
            {
                "resource_group": str,
                "client_access_point": dict,
                "storage": str,
                "installer": str,
                "install_path": str,
                "license_dir": str,
                "version": (str, int, float),
                "target_version": (str, int, float),
                "install_order": list,
                "owner_node": str,
                "last_node": str,
                "ports": dict,
                "name_resolution": list,
                "license_files": list,
                "previous_server": str,
                "activation": str,
            },
        )
        cap = None
        cap_data = data.get("client_access_point")
        if isinstance(cap_data, dict):
            cp = f"{pointer}/client_access_point"
            c, c_declared, c_bad = self._fields(cap_data, cp, {"name": str, "address": str})
            address = None
            if c["address"] is not None:
                try:
                    address = addresses.ip_address(c["address"])
                except ValueError:
                    c_bad = c_bad | {"address"}
            cap = ClientAccessPoint(
                pointer=cp, declared=c_declared, invalid=c_bad, name=c["name"], address=address
            )
        storage = v["storage"].upper() if v["storage"] else None
        install_path = v["install_path"]
        if install_path is None and "install_path" not in bad and storage is not None:
            install_path = f"{storage}:\\Program Files\\Citrix\\Licensing"
        license_dir = v["license_dir"]
        if license_dir is None and "license_dir" not in bad and install_path is not None:
            license_dir = install_path.rstrip("\\") + "\\MyFiles"
        order: tuple[str, ...] = ()
        if v["install_order"] is not None:
            if all(isinstance(x, str) for x in v["install_order"]):
                order = tuple(v["install_order"])
            else:
                bad = bad | {"install_order"}
        elif "install_order" not in bad:
            order = tuple(n.name for n in nodes if n.name is not None)
        files = v["license_files"]
        if files is not None and not all(isinstance(x, str) for x in files):
            bad = bad | {"license_files"}
            files = None
        owner = v["owner_node"]
        if owner is None and "owner_node" not in bad and order:
            owner = order[0]
        last = v["last_node"]
        if last is None and "last_node" not in bad and order:
            last = order[-1]
        ports_data = v["ports"] if isinstance(v["ports"], dict) else {}
        pp = f"{pointer}/ports"
        p, p_declared, p_bad = self._fields(
            ports_data, pp, {"license_server": int, "vendor_daemon": int, "web_services": int}
        )
        ports = Ports(
            pointer=pp,
            declared=p_declared,
            invalid=p_bad,
            **{k: (p[k] if isinstance(p[k], int) else DEFAULT_PORTS[k]) for k in DEFAULT_PORTS},
        )
        return Licensing(
            pointer=pointer,
            declared=declared,
            invalid=bad,
            resource_group=v["resource_group"],
            client_access_point=cap,
            storage=storage,
            installer=v["installer"],
            install_path=install_path,
            license_dir=license_dir,
            version=self._version(v["version"], f"{pointer}/version"),
            target_version=self._version(v["target_version"], f"{pointer}/target_version"),
            install_order=order,
            owner_node=owner,
            last_node=last,
            ports=ports,
            name_resolution=tuple(v["name_resolution"])
            if v["name_resolution"] is not None
            else None,
            license_files=tuple(files) if files is not None else None,
            previous_server=v["previous_server"],
            activation=self._activation(v["activation"], bad, files),
        )

    @staticmethod
    def _activation(value: str | None, bad: frozenset[str], files: list[str] | None) -> str | None:
        """The declared activation, else the default: files when files are listed."""
        if "activation" in bad:
            return None
        if value is not None:
            return value
        if "license_files" in bad:
            return None  # the files meant cannot be told: no default either way
        return "files" if files else "las"

    def _version(self, value: Any, pointer: str) -> Version | None:
        if value is None or isinstance(value, bool):
            return None
        text = self.raw.get(pointer, str(value)) if not isinstance(value, str) else value
        return parse_version(text)

    def product(self, pointer: str, data: Mapping[str, Any]) -> Product:
        v, declared, bad = self._fields(
            data,
            pointer,
            {
                "name": str,
                "type": str,
                "license_server": str,
                "port": int,
                "version": (str, int, float),
            },
        )
        version = None
        if v["version"] is not None:
            raw = v["version"]
            text = raw if isinstance(raw, str) else self.raw.get(f"{pointer}/version", str(raw))
            version = parse_product_version(text)
        return Product(
            pointer=pointer,
            declared=declared,
            invalid=bad,
            name=v["name"],
            type=v["type"],
            license_server=v["license_server"],
            port=v["port"],
            version=version,
        )


def _isinstance(value: Any, kind: type | tuple[type, ...]) -> bool:
    if isinstance(value, bool):
        return kind is bool or (isinstance(kind, tuple) and bool in kind)
    return isinstance(value, kind)


def build(
    data: Mapping[str, Any], invalid: Iterable[str] = (), raw: Mapping[str, str] | None = None
) -> Inventory:
    """Build the model for one inventory document.

    ``invalid`` holds the pointers the schema rejected; ``raw`` the source text
    of non-string scalars (so an unquoted ``version: 11.10`` stays 11.10).
    """
    return _Builder(invalid, raw or {}).inventory(data)


# Host names a product may be configured with (CL801, CL802 and the diagram
# compare them): case-insensitive, a trailing dot ignored, as DNS does.


def host_key(name: str) -> str:
    """The comparable form of a host name or FQDN."""
    return name.strip().rstrip(".").casefold()


def node_hosts(inventory: Inventory) -> dict[str, str]:
    """Every node name and node FQDN (in ``cluster.domain`` or the node's own domain).

    Maps the comparable form to the node's name.
    """
    cluster = inventory.cluster
    cluster_domain = cluster.domain if cluster is not None and cluster.has("domain") else None
    hosts: dict[str, str] = {}
    for node in inventory.nodes:
        if not node.has("name") or node.name is None:
            continue
        domains = {cluster_domain, node.domain if node.has("domain") else None} - {None}
        hosts.setdefault(host_key(node.name), node.name)
        for domain in domains:
            hosts.setdefault(host_key(f"{node.name}.{domain}"), node.name)
    return hosts


def declared_domains(inventory: Inventory) -> list[str]:
    """``cluster.domain`` and every node's domain, each once, in order."""
    cluster = inventory.cluster
    found = [cluster.domain if cluster is not None and cluster.has("domain") else None]
    found += [node.domain if node.has("domain") else None for node in inventory.nodes]
    domains: dict[str, str] = {}
    for domain in found:
        if domain and domain.strip():
            domains.setdefault(host_key(domain), domain.strip())
    return list(domains.values())


def cap_hosts(inventory: Inventory) -> set[str] | None:
    """The CAP name and its FQDN in every declared domain; None when the CAP name is unknown.

    The declared domains are ``cluster.domain`` and the nodes' domains: with
    ``cluster.domain`` left out and the nodes in ``corp.example.com``,
    ``ctxlic.corp.example.com`` is still the CAP. A CAP name written as an
    FQDN (CL403) also admits its first label.
    """
    lic = inventory.licensing
    cap = lic.client_access_point if lic else None
    if cap is None or not cap.has("name") or cap.name is None:
        return None
    name = cap.name.strip().rstrip(".")
    names = {name}
    if "." in name:
        names.add(name.split(".", 1)[0])
    hosts = {host_key(n) for n in names}
    for domain in declared_domains(inventory):
        hosts |= {host_key(f"{n}.{domain}") for n in names}
    return hosts
