"""``cllint init``: write a commented starter inventory.

The starter explains every key where it is written and passes every rule
except those that need real data: the online checks (CL9, ``--resolve``)
fail until the names and addresses are the real ones. It describes licensing
as it works today: the License Activation Service (``activation: las``,
License Server 11.17.2 build 51000 or later, every node with outbound HTTPS
to Citrix Cloud), not license files, which Citrix retired on 15 April 2026.
It is written atomically and never over an existing file.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_NAME = "cllint.yaml"

TEMPLATE = """\
# yaml-language-server: $schema=https://raw.githubusercontent.com/cllint/cllint/main/schemas/inventory.schema.json
# A cllint inventory: one Windows Server failover cluster that will run Citrix
# Licensing as a clustered role. Replace the example values with yours, then run
#   cllint check {name}
# 'cllint explain ID' tells what a finding means and how to fix it. Keys that
# start with "x-" are free for your own metadata, at any level.

version: 1                       # inventory format version (always 1)

cluster:                         # the failover cluster
  name: CTXCLU01                 # cluster network name
  domain: corp.example.com       # AD DNS domain of the cluster and of every node
  validation: passed             # Test-Cluster result: passed | warnings | failed | not-run
  networks:                      # cluster networks (name, role, subnet)
    - name: Public
      role: public               # client network (cluster traffic may fall back here)
      subnet: 10.10.1.0/24       # CIDR, IPv4 or IPv6
    - name: Heartbeat
      role: private              # node-to-node cluster network, on its own subnet
      subnet: 192.168.50.0/24
  storage:                       # cluster storage resources
    - name: Cluster Disk 1
      drive: Q                   # drive letter A-Z
      quorum: true               # the quorum (witness) disk: never for Licensing
    - name: Cluster Disk 2
      drive: F
      kind: disk                 # disk (default) | csv | third-party; Licensing needs a disk

nodes:                           # the servers: one active and at least one passive
  - name: CTXLIC-N1              # computer name
    domain: corp.example.com     # missing = not domain-joined
    os: Windows Server 2019 Standard   # as Windows names it; 2012 R2, 2016 or 2019
    internet: direct             # outbound HTTPS to Citrix Cloud: direct | proxy | none
    hardware:                    # free-form, compared across nodes: keep them alike
      vendor: HPE
      model: ProLiant DL360 Gen10
      cpus: 8
      memory_gb: 32
    nics:                        # network adapters: one per cluster network
      - name: NIC1
        network: Public          # a cluster.networks name
        address: 10.10.1.11/24   # IP, optionally with /prefix
        addressing: static       # static | dhcp (then add dhcp: {{lease_days, reservation}})
      - name: NIC2
        network: Heartbeat
        address: 192.168.50.11/24
        addressing: static       # the private network must be static
    firewall:                    # Windows Firewall; missing = enabled with no rules
      enabled: true              # false only if the firewall is really off
      rules:                     # inbound TCP port rules for every licensing port
        - {{name: Citrix License Server, port: 27000}}
        - {{name: Citrix Vendor Daemon, port: 7279}}
        - {{name: Citrix Licensing Web Services, port: 8083}}
        # a rule is a port (1-65535) or a program; optional name,
        # protocol (tcp | udp) and direction (inbound | outbound)
  - name: CTXLIC-N2
    domain: corp.example.com
    os: Windows Server 2019 Standard
    internet: direct             # every node that can own the group needs it (LAS)
    hardware: {{vendor: HPE, model: ProLiant DL360 Gen10, cpus: 8, memory_gb: 32}}
    nics:
      - {{name: NIC1, network: Public, address: 10.10.1.12/24, addressing: static}}
      - {{name: NIC2, network: Heartbeat, address: 192.168.50.12/24, addressing: static}}
    firewall:
      enabled: true
      rules:
        - {{port: 27000}}
        - {{port: 7279}}
        - {{port: 8083}}

licensing:                       # the Citrix Licensing clustered role
  resource_group: Citrix Licensing   # the cluster role (resource group)
  client_access_point:           # CAP: the name products use
    name: CTXLIC                 # fewer than 15 characters (NetBIOS)
    address: 10.10.1.50          # on the public network
  storage: F                     # the group's shared disk (a cluster.storage drive)
  installer: CitrixLicensing.exe # the .exe installer (the .msi cannot install a cluster)
  install_path: 'F:\\Program Files\\Citrix\\Licensing'  # on the shared disk (the default)
  # license_dir: 'F:\\Program Files\\Citrix\\Licensing\\MyFiles'  # default <install_path>\\MyFiles
  activation: las                # License Activation Service: las | las-offline | files
  # version: 11.16.6             # version installed now; leave out for a new install
  target_version: 11.17.2.0 build 51000  # this rollout's version; LAS needs build 51000+
  install_order: [CTXLIC-N1, CTXLIC-N2]   # first node first (default: order of nodes)
  # owner_node: CTXLIC-N1        # owns the group when installing (default: first of install_order)
  # last_node: CTXLIC-N2         # installed with "Last Node in the Cluster" (default: last)
  # ports: {{license_server: 27000, vendor_daemon: 7279, web_services: 8083}}  # the defaults
  name_resolution: [dns]         # how clients resolve the CAP: dns | wins | hosts | lmhosts
  # license_files: [licenses/CTXLIC.lic]   # legacy .lic files still in use (CL7 checks)
  # previous_server: CTXLIC-OLD  # the standalone License Server this cluster replaces

products:                        # Citrix products that use this License Server
  - name: CVAD Production Site
    type: cvad                   # free text
    version: '2411'              # release, e.g. 2411, 2203 LTSR CU7 (LAS: 2411+, CU7, CU3)
    license_server: CTXLIC       # the CAP name (or its FQDN), never a node name
    port: 27000                  # the license_server port
"""


class InitError(Exception):
    """The starter cannot be written; the message is one line for the user."""


def render(name: str = DEFAULT_NAME) -> str:
    return TEMPLATE.format(name=name)


def write(path: Path) -> None:
    """Write the starter to ``path`` atomically; never overwrite an existing file."""
    from cllint.files.fileio import write_atomic

    if path.exists() or path.is_symlink():
        raise InitError(f"{path}: already exists; not overwritten")
    try:
        write_atomic(path, render(path.name), overwrite=False)
    except FileExistsError:
        raise InitError(f"{path}: already exists; not overwritten") from None
    except OSError as exc:
        raise InitError(f"{path}: cannot write: {exc.strerror or exc}") from None
