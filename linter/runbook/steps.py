"""The vendor's procedures as data: sections of numbered steps, per action.

The wording follows the source document's "Install licensing on a
cluster-enabled server", "Open the console or run commands", "Upgrade a
clustered License Server" and "Uninstall a clustered License Server"; every
name, path, port and the node order come from the :class:`~cllint.runbook.plan.Plan`.

Steps hold inventory values as :class:`Value` parts, never pre-formatted
strings, so each renderer escapes them for its own medium (control characters
everywhere; markdown syntax in markdown).
"""

from __future__ import annotations

from dataclasses import dataclass

from cllint.citrix.activation import LAS_MINIMUM, LAS_OFFLINE, LAS_OFFLINE_MINIMUM
from cllint.citrix.versions import CLEAN_INSTALL_VERSION, MINIMUM_IN_PLACE_UPGRADE
from cllint.model import Node
from cllint.runbook.plan import Plan, file_name, name_of


@dataclass(frozen=True, slots=True)
class Value:
    """A value taken from the inventory (or derived from one)."""

    text: str
    code: bool = False
    """A path, address or URL: markdown shows it as code."""


Part = str | Value
Line = tuple[Part, ...]


@dataclass(frozen=True, slots=True)
class Step:
    """One numbered step: what to do, and commands to paste (each on its own line)."""

    text: Line
    commands: tuple[Line, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    title: Line
    steps: tuple[Step, ...]
    intro: Line = ()
    checklist: bool = False
    """Items to verify (a bulleted checklist), not numbered steps."""


@dataclass(frozen=True, slots=True)
class Runbook:
    action: str
    title: Line
    summary: tuple[Line, ...]
    findings: tuple[Line, ...]
    sections: tuple[Section, ...]


# -- small helpers ------------------------------------------------------------


def v(value: object) -> Value:
    return Value(str(value))


def c(value: object) -> Value:
    return Value(str(value), code=True)


_PS_QUOTES = "'\u2018\u2019\u201a\u201b"


def ps(value: str) -> Value:
    """A PowerShell single-quoted literal (every quote character PowerShell knows, doubled)."""
    return Value("'" + "".join(ch * 2 if ch in _PS_QUOTES else ch for ch in value) + "'")


def join(values: list[Line], sep: str = ", ") -> Line:
    out: list[Part] = []
    for i, value in enumerate(values):
        if i:
            out.append(sep)
        out.extend(value)
    return tuple(out)


def drive(letter: str) -> Value:
    return c(f"{letter}:")


PORT_LABELS = {
    "license_server": "License Server port",
    "vendor_daemon": "Vendor daemon port",
    "web_services": "Web Services for Licensing port",
}
FIREWALL_NAMES = {
    "license_server": "Citrix License Server",
    "vendor_daemon": "Citrix Vendor Daemon",
    "web_services": "Citrix Licensing Web Services",
}
LAST_NODE_BOX = '"Last Node in the Cluster" check box'


def _nodes(plan: Plan) -> Line:
    return join([(v(name_of(n)),) for n in plan.order])


def _console_url(plan: Plan) -> Value:
    return c(f"https://{plan.cap}:{plan.ports.web_services}")


def _move(plan: Plan, node: Node, why: str = "") -> Step:
    return Step(
        (
            "Move the resource group ",
            v(plan.group),
            " to ",
            v(name_of(node)),
            why,
            " (Failover Cluster Manager > Roles > ",
            v(plan.group),
            " > Move > Select Node), or in PowerShell:",
        ),
        (
            ("Move-ClusterGroup -Name ", ps(plan.group), " -Node ", ps(name_of(node))),
            ("Get-ClusterGroup -Name ", ps(plan.group)),
        ),
    )


def _ports_line(plan: Plan) -> Line:
    return join([(PORT_LABELS[key], " ", v(port)) for key, port in plan.ports.items()])


def _last_node_step(plan: Plan, node: Node, page: str) -> Step:
    """The one place the box is decided: checked on the last node only."""
    if node is plan.last:
        return Step(
            (
                LAST_NODE_BOX,
                ": CHECK it – ",
                v(name_of(node)),
                " is the last node. On the ",
                page,
                " page set the ports: ",
                *_ports_line(plan),
                "; then click Next and finish.",
            )
        )
    return Step(
        (
            LAST_NODE_BOX,
            ": leave it CLEARED – ",
            v(name_of(node)),
            " is not the last node (the last node is ",
            v(name_of(plan.last)),
            "). Finish the installation.",
        )
    )


def _run_installer(plan: Plan, node: Node, extra: Line = ()) -> Step:
    return Step(
        (
            "On ",
            v(name_of(node)),
            ", run ",
            c(plan.installer),
            " as an administrator (right-click > Run as administrator).",
            *extra,
        )
    )


def _target_text(plan: Plan) -> Line:
    if plan.target_version is not None:
        return (v(plan.target_version),)
    return ("the latest version",)


# -- install ------------------------------------------------------------------


def _role(plan: Plan, network: str | None) -> Line:
    for name, role, _subnet in plan.networks:
        if network is not None and name.casefold() == network.casefold() and role:
            return (role, ", ")
    return ()


def _node_line(plan: Plan, node: Node) -> Line:
    nics = join(
        [
            (
                v(nic.name or "?"),
                " ",
                c(nic.address) if nic.address is not None else "(no address)",
                " on ",
                v(nic.network or "?"),
                " (",
                *_role(plan, nic.network),
                nic.addressing or "addressing not declared",
                ")",
            )
            for nic in node.nics
        ],
        "; ",
    )
    return (
        "Node ",
        v(name_of(node)),
        ": ",
        v(node.os) if node.os else "OS not declared",
        ", domain ",
        v(node.domain) if node.domain else "(not declared)",
        "; ",
        *(nics or ("no network adapters declared",)),
        ".",
    )


def _prerequisites(plan: Plan) -> Section:
    items: list[Step] = []
    cluster: Line = ("Cluster ", v(plan.cluster)) if plan.cluster else ("The cluster",)
    items.append(
        Step(
            (
                *cluster,
                " is a fully functional failover cluster (validation: ",
                v(plan.validation) if plan.validation else "not recorded",
                "); every node is in domain ",
                v(plan.domain) if plan.domain else "(not declared)",
                ".",
            )
        )
    )
    items.extend(Step(_node_line(plan, node)) for node in plan.order)
    if plan.networks:
        nets = join(
            [
                (v(name), f" ({role}) ", c(subnet) if subnet else "")
                for name, role, subnet in plan.networks
            ],
            "; ",
        )
        items.append(
            Step(
                (
                    "Networks: ",
                    *nets,
                    " – public and private adapters on different subnets; "
                    "private adapters with static addresses.",
                )
            )
        )
    resolution = join([(v(r),) for r in plan.name_resolution]) or ("(not declared)",)
    items.append(
        Step(
            (
                "Client access point ",
                v(plan.cap),
                *((" at ", c(plan.cap_address)) if plan.cap_address else ()),
                " resolves by ",
                *resolution,
                "; the name is fewer than 15 characters and matches the license files' "
                "host name exactly (case-sensitive)."
                if plan.license_files or not plan.uses_las
                else "; the name is fewer than 15 characters.",
            )
        )
    )
    quorum: Line = ()
    if plan.quorum_drives:
        quorum = (
            "; not the quorum drive ",
            *join([(drive(d),) for d in plan.quorum_drives]),
        )
    items.append(
        Step(
            (
                "Shared drive ",
                drive(plan.drive),
                *((" (", v(plan.disk), ")") if plan.disk else ()),
                " for the licensing resource group",
                *quorum,
                "; no Cluster Shared Volume, no third-party volume manager.",
            )
        )
    )
    items.append(
        Step(
            (
                "Installer ",
                c(plan.installer),
                " (",
                *_target_text(plan),
                ") at hand on every node; the .msi does not support clustering.",
            )
        )
    )
    items.extend(_licensing_items(plan))
    return Section(("Prerequisites (check before you start)",), tuple(items), checklist=True)


def _licensing_items(plan: Plan) -> list[Step]:
    """The prerequisites of how the License Server obtains its licenses."""
    if not plan.uses_las:
        return [_license_files_item(plan)]
    items = [_las_build_item(plan)]
    if plan.activation == LAS_OFFLINE:
        items.append(
            Step(
                (
                    "Offline activation: no node needs a connection to Citrix Cloud; a machine "
                    "that reaches Citrix Cloud is at hand to exchange the activation with the "
                    "License Activation Service, now and at the intervals Citrix sets.",
                )
            )
        )
    else:
        items.extend(_internet_item(plan, node) for node in plan.order)
    if plan.license_files:
        items.append(_license_files_item(plan))
    return items


def _las_build_item(plan: Plan) -> Step:
    minimum = LAS_OFFLINE_MINIMUM if plan.activation == LAS_OFFLINE else LAS_MINIMUM
    mode = (
        "offline activation" if plan.activation == LAS_OFFLINE else "the License Activation Service"
    )
    return Step(
        (
            "License Server ",
            *_target_text(plan),
            f": {mode} needs {minimum} or later; an account in Citrix Cloud whose "
            "organization (Org ID) holds the entitlements.",
        )
    )


def _internet_item(plan: Plan, node: Node) -> Step:
    state = {"direct": "direct", "proxy": "through a proxy", "none": "NONE – fix before you start"}
    return Step(
        (
            "Outbound HTTPS from ",
            v(name_of(node)),
            " to Citrix Cloud (",
            state.get(node.internet or "", "not declared – check it"),
            "): every node that can own the group renews the activation after a failover.",
        )
    )


def _license_files_item(plan: Plan) -> Step:
    if plan.license_files:
        return Step(
            (
                "License files bound to host name ",
                v(plan.cap),
                ": ",
                *join([(v(file_name(f)),) for f in plan.license_files]),
                ".",
            )
        )
    return Step(
        (
            "License files: none listed; generate them at citrix.com with ",
            v(plan.cap),
            " as the Host ID.",
        )
    )


def _group_section(plan: Plan, exists: bool) -> Section:
    first = plan.first
    if exists:
        steps = [
            Step(
                (
                    "Check in Failover Cluster Manager that the resource group ",
                    v(plan.group),
                    " still holds the client access point ",
                    v(plan.cap),
                    *((" (", c(plan.cap_address), ")") if plan.cap_address else ()),
                    " and the shared disk on drive ",
                    drive(plan.drive),
                    ".",
                )
            )
        ]
    else:
        steps = [
            Step(
                (
                    "On ",
                    v(name_of(first)),
                    ", open Failover Cluster Manager > Roles > Configure Role and select "
                    "the Other Server type.",
                )
            ),
            Step(
                (
                    "Client Access Point page: name ",
                    v(plan.cap),
                    ", address ",
                    c(plan.cap_address)
                    if plan.cap_address
                    else "(an address on the public network)",
                    ".",
                )
            ),
            Step(
                (
                    "Select Storage page: select ",
                    v(plan.disk) if plan.disk else "the disk",
                    " (drive ",
                    drive(plan.drive),
                    "), the shared drive for Citrix Licensing; not the quorum disk.",
                )
            ),
            Step(
                (
                    "Finish the wizard; name the role ",
                    v(plan.group),
                    " (rename it in its Properties if needed). It is a separate, non-core "
                    'resource group: not "Cluster Group" or "Available Storage".',
                )
            ),
        ]
    steps.append(_move(plan, first, " – the first node must own the group and all its resources"))
    title = "Check the resource group" if exists else "Create the licensing resource group"
    return Section((title,), tuple(steps))


def _firewall_section(plan: Plan) -> Section:
    commands = tuple(
        (
            f'New-NetFirewallRule -DisplayName "{FIREWALL_NAMES[key]}" -Direction Inbound '
            "-Protocol TCP -LocalPort ",
            v(port),
            " -Action Allow",
        )
        for key, port in plan.ports.items()
    )
    steps = tuple(
        Step(("On ", v(name_of(node)), ", in an elevated PowerShell:"), commands)
        for node in plan.order
    )
    return Section(
        ("Open the licensing ports on every node",),
        steps,
        intro=(
            "Program exceptions for CITRIX.exe and lmgrd.exe stop working after a failover; "
            "inbound port rules keep working.",
        ),
    )


def _install_nodes_section(plan: Plan, version: Line) -> Section:
    steps: list[Step] = []
    for i, node in enumerate(plan.order):
        if i:
            steps.append(_move(plan, node))
        steps.append(
            _run_installer(
                plan,
                node,
                ()
                if i
                else (
                    " If the Cluster Group list on the Configure screen shows the default "
                    "Cluster Group, select ",
                    v(plan.group),
                    ".",
                ),
            )
        )
        if i:
            where: Line = (
                "Install Location page: the same shared location as on ",
                v(name_of(plan.first)),
                ", ",
                c(plan.install_path),
            )
        else:
            where = (
                "Install Location page: set ",
                c(plan.install_path),
                " on the shared drive ",
                drive(plan.drive),
            )
        quorum: Line = ()
        if plan.quorum_drives:
            quorum = (
                " (not the quorum drive ",
                *join([(drive(d),) for d in plan.quorum_drives]),
                ")",
            )
        steps.append(Step((*where, *quorum, ".")))
        steps.append(_last_node_step(plan, node, "Configure Ports"))
    title: Line = ("Install Citrix Licensing ", *version, " on each node, in order: ")
    if not version:
        title = ("Install Citrix Licensing on each node, in order: ",)
    return Section((*title, *_nodes(plan)), tuple(steps))


def _license_section(plan: Plan, *, import_only: bool = False) -> Section:
    steps: list[Step] = []
    if plan.license_files and not import_only:
        steps.append(
            Step(
                (
                    "Copy the license files (bound to ",
                    v(plan.cap),
                    ") to ",
                    c(plan.license_dir),
                    " on the shared drive, on ",
                    v(name_of(plan.last)),
                    ", which owns the group now:",
                ),
                tuple(
                    ("Copy-Item -Path ", ps(file_name(f)), " -Destination ", ps(plan.license_dir))
                    for f in plan.license_files
                ),
            )
        )
    elif not import_only:
        steps.append(
            Step(
                (
                    "Obtain license files with ",
                    v(plan.cap),
                    " as the Host ID (case-sensitive) and copy them to ",
                    c(plan.license_dir),
                    ".",
                )
            )
        )
    steps.append(
        Step(
            ("Reread the license files (the -c @ argument names the client access point):",),
            (("lmreread -c @", v(plan.cap), " -all"),),
        )
    )
    steps.append(
        Step(
            (
                "Open the Citrix Licensing Manager at ",
                _console_url(plan),
                " and import or check the license files",
                *(
                    (": ", *join([(v(file_name(f)),) for f in plan.license_files]))
                    if plan.license_files
                    else ()
                ),
                ".",
            )
        )
    )
    return Section(("License files",), tuple(steps))


def _register_steps(plan: Plan) -> list[Step]:
    return [
        Step(
            (
                "On ",
                v(name_of(plan.last)),
                ", which owns the group now, open the Citrix Licensing Manager at ",
                _console_url(plan),
                " and choose Settings > Usage and Statistics > Register; note the "
                "8-character code it shows.",
            )
        ),
        Step(
            (
                "In Citrix Cloud, open Identity and Access Management > API Access > Product "
                "Registrations and enter the code, in the organization that holds the "
                "entitlements.",
            )
        ),
    ]


def _confirm_steps(plan: Plan, nodes: tuple[Node, ...]) -> list[Step]:
    """Move the group to each node and confirm the activation there (it reaches Citrix Cloud)."""
    steps: list[Step] = []
    for node in nodes:
        steps.append(_move(plan, node))
        steps.append(
            Step(
                (
                    "On ",
                    v(name_of(node)),
                    ", open the Citrix Licensing Manager at ",
                    _console_url(plan),
                    " and confirm that the activation is current: this node reaches Citrix Cloud.",
                )
            )
        )
    return steps


def _offline_steps(plan: Plan) -> list[Step]:
    return [
        Step(
            (
                "Offline activation: in the Citrix Licensing Manager at ",
                _console_url(plan),
                ", export the activation request, exchange it with the License Activation "
                "Service from a machine that reaches Citrix Cloud, and import the activation "
                "it returns; then confirm that the activation is current.",
            )
        ),
        Step(
            (
                "Repeat the offline exchange at the intervals Citrix sets: the activation "
                "is not renewed on its own.",
            )
        ),
    ]


def _activation_section(plan: Plan) -> Section:
    """Register with Citrix Cloud, then confirm the activation on every node (or offline)."""
    steps = _register_steps(plan)
    if plan.activation == LAS_OFFLINE:
        steps += _offline_steps(plan)
    else:
        others = tuple(n for n in plan.order if n is not plan.last)
        steps.append(
            Step(
                (
                    "Confirm in the Citrix Licensing Manager that the activation is current on ",
                    v(name_of(plan.last)),
                    ".",
                )
            )
        )
        steps += _confirm_steps(plan, others)
    return Section(
        ("Activate with the License Activation Service",),
        tuple(steps),
        intro=(
            "No license files to copy or reread: the License Server obtains its licenses "
            "from Citrix Cloud.",
        ),
    )


def _migration_section(plan: Plan) -> Section:
    """From license files to the License Activation Service (an upgrade to a LAS build)."""
    steps = _register_steps(plan)
    if plan.activation == LAS_OFFLINE:
        steps += _offline_steps(plan)
    else:
        steps += _confirm_steps(plan, plan.order)
    steps.append(
        Step(
            (
                "Once every product uses the License Activation Service, retire the license "
                "files: remove them from ",
                c(plan.license_dir),
                " on the shared drive (an uninstall would leave them there).",
            )
        )
    )
    return Section(
        ("Move from license files to the License Activation Service",),
        tuple(steps),
        intro=(
            "The License Server serves license files and LAS side by side during the move; "
            "a product site uses one or the other.",
        ),
    )


def _confirm_section(plan: Plan) -> Section:
    """After an upgrade between LAS builds: the registration stays; check the activation."""
    if plan.activation == LAS_OFFLINE:
        return Section(("Renew the offline activation",), tuple(_offline_steps(plan)))
    return Section(
        ("Confirm the activation on each node",),
        tuple(_confirm_steps(plan, plan.order)),
    )


def _products_section(plan: Plan) -> Section:
    port = plan.ports.license_server
    if plan.products:
        steps = tuple(
            Step(
                (
                    "Product ",
                    v(p.name or "(unnamed)"),
                    *((" (", v(p.type), ")") if p.type else ()),
                    ": License Server ",
                    v(plan.cap),
                    ", port ",
                    v(port),
                    " (currently: ",
                    v(p.license_server or "not set"),
                    *((", port ", v(p.port)) if p.port is not None else ()),
                    ").",
                )
            )
            for p in plan.products
        )
    else:
        steps = (
            Step(
                (
                    "Point every Citrix product at License Server ",
                    v(plan.cap),
                    ", port ",
                    v(port),
                    ".",
                )
            ),
        )
    return Section(
        ("Point the products at the client access point",),
        steps,
        intro=("Use the client access point name, never a node name.",),
    )


def install(plan: Plan, *, group_exists: bool = False, version: Line = ()) -> list[Section]:
    """The install sections (after the prerequisites); ``version`` names what is installed."""
    return [
        _group_section(plan, group_exists),
        _firewall_section(plan),
        _install_nodes_section(plan, version),
        _activation_section(plan) if plan.uses_las else _license_section(plan),
        _products_section(plan),
    ]


# -- upgrade ------------------------------------------------------------------


def _upgrade_prerequisites(plan: Plan) -> Section:
    items = [
        Step(
            (
                "License Server ",
                v(plan.version),
                " is installed in ",
                c(plan.install_path),
                " (in-place upgrade works from ",
                str(MINIMUM_IN_PLACE_UPGRADE),
                " on).",
            )
        ),
        Step(
            (
                "Resource group ",
                v(plan.group),
                " with client access point ",
                v(plan.cap),
                " and shared drive ",
                drive(plan.drive),
                "; nodes in order: ",
                *_nodes(plan),
                ".",
            )
        ),
        *_licensing_items(plan),
    ]
    return Section(("Prerequisites (check before you start)",), tuple(items), checklist=True)


def _upgrade_nodes_section(plan: Plan) -> Section:
    steps = [
        Step(
            (
                "Download the License Server build ",
                *_target_text(plan),
                " (",
                c(plan.installer),
                "; the .msi does not support clustering).",
            )
        ),
        _move(plan, plan.first, " – the first node, where the upgrade starts"),
    ]
    for i, node in enumerate(plan.order):
        if i:
            steps.append(_move(plan, node))
        steps.append(_run_installer(plan, node))
        steps.append(_last_node_step(plan, node, "Configure Ports"))
    return Section(("Upgrade each node, in order: ", *_nodes(plan)), tuple(steps))


def upgrade(plan: Plan) -> list[Section]:
    if not plan.upgrade_in_place:
        return [
            _prerequisites(plan),
            *_titled("Part 1 – ", uninstall(plan)),
            *_titled(
                "Part 2 – ", install(plan, group_exists=True, version=reinstall_version(plan))
            ),
        ]
    return [
        _upgrade_prerequisites(plan),
        _upgrade_nodes_section(plan),
        _after_upgrade_section(plan),
    ]


def _after_upgrade_section(plan: Plan) -> Section:
    """Licenses after the upgrade: import the files, move to LAS, or confirm LAS."""
    if not plan.uses_las:
        return _license_section(plan, import_only=True)
    if plan.license_files or plan.version is None or plan.version < LAS_MINIMUM:
        return _migration_section(plan)
    return _confirm_section(plan)


def reinstall_version(plan: Plan) -> Line:
    """What the uninstall-then-install path installs: 11.16.6 or later (the target if newer)."""
    target = plan.target_version
    if target is not None and target >= CLEAN_INSTALL_VERSION:
        return (v(target),)
    return (f"{CLEAN_INSTALL_VERSION} or later",)


def _titled(prefix: str, sections: list[Section]) -> list[Section]:
    return [Section((prefix, *s.title), s.steps, s.intro, s.checklist) for s in sections]


# -- uninstall ----------------------------------------------------------------


def uninstall(plan: Plan) -> list[Section]:
    steps: list[Step] = []
    for i, node in enumerate(plan.order):
        why = " – the first node must hold all the resources" if i == 0 else ""
        steps.append(_move(plan, node, why))
        steps.append(
            Step(
                (
                    "On ",
                    v(name_of(node)),
                    ", open Control Panel > Programs and Features and remove Citrix Licensing.",
                )
            )
        )
    clean = Step(
        (
            "Remove the remaining files of ",
            c(plan.install_path),
            " from the shared drive ",
            drive(plan.drive),
            ". The uninstall does not remove the license files (",
            c(plan.license_dir),
            ") or the options file: keep them for a new installation, or remove them deliberately.",
        )
    )
    return [
        Section(
            ("Uninstall Citrix Licensing from each node, in order: ", *_nodes(plan)), tuple(steps)
        ),
        Section(("Clean the shared drive",), (clean,)),
    ]


def _uninstall_prerequisites(plan: Plan) -> Section:
    items = (
        Step(
            (
                "Resource group ",
                v(plan.group),
                " (client access point ",
                v(plan.cap),
                ") on shared drive ",
                drive(plan.drive),
                "; Citrix Licensing installed in ",
                c(plan.install_path),
                *((", version ", v(plan.version)) if plan.version else ()),
                ".",
            )
        ),
        Step(("Nodes in order: ", *_nodes(plan), ".")),
        Step(
            (
                "Products that use ",
                v(plan.cap),
                " have another License Server or no longer need one.",
            )
        ),
    )
    return Section(("Prerequisites (check before you start)",), items, checklist=True)


# -- the whole runbook --------------------------------------------------------

TITLES = {
    "install": "Install Citrix Licensing on cluster ",
    "upgrade": "Upgrade Citrix Licensing on cluster ",
    "uninstall": "Uninstall Citrix Licensing from cluster ",
}


def build(plan: Plan, action: str, source: str, findings: tuple[Line, ...]) -> Runbook:
    """The runbook for ``action``; ``findings`` are the non-blocking findings of the check."""
    title: Line = (TITLES[action], v(plan.cluster or plan.cap))
    facts: Line = (
        "Client access point ",
        v(plan.cap),
        *((" (", c(plan.cap_address), ")") if plan.cap_address else ()),
        ", resource group ",
        v(plan.group),
        ", shared drive ",
        drive(plan.drive),
        ", nodes in order: ",
        *_nodes(plan),
        "; last node ",
        v(name_of(plan.last)),
        ".",
    )
    origin: Line = ("Generated by cllint from ", c(source), "; do the steps in order.")
    summary: list[Line] = [facts]
    if action == "install":
        sections = [_prerequisites(plan), *install(plan, version=_target_or_empty(plan))]
        if plan.version is not None:
            summary.append(
                (
                    "Note: the inventory records version ",
                    v(plan.version),
                    " as installed; this is the new-install procedure.",
                )
            )
    elif action == "upgrade":
        sections = upgrade(plan)
        if plan.upgrade_in_place:
            summary.append(("Upgrade from ", v(plan.version), " to ", *_target_text(plan), "."))
        else:
            summary.append(
                (
                    "License Server ",
                    v(plan.version),
                    f" is older than {MINIMUM_IN_PLACE_UPGRADE} and cannot be upgraded in "
                    "place: uninstall it, then install ",
                    *reinstall_version(plan),
                    " (Citrix's path for versions before 11.12.1).",
                )
            )
    else:
        sections = [_uninstall_prerequisites(plan), *uninstall(plan)]
    summary.append(origin)
    return Runbook(action, title, tuple(summary), findings, tuple(sections))


def _target_or_empty(plan: Plan) -> Line:
    return (v(plan.target_version),) if plan.target_version is not None else ()
