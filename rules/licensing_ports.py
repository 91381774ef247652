"""The licensing ports as configured: declared values, else the defaults.

Shared by the firewall and product rules. A port whose value is not
schema-valid is left out (CL002 reports it), and so are all of them when
``ports`` itself is not a mapping: the configured value is then unknown.
"""

from __future__ import annotations

from cllint.model import DEFAULT_PORTS, Inventory
from cllint.records import record

LABELS = {
    "license_server": "License Server",
    "vendor_daemon": "vendor daemon",
    "web_services": "Web Services for Licensing",
}


@record(frozen=True, slots=True)
class ConfiguredPort:
    key: str
    port: int
    declared: bool
    pointer: str

    @property
    def label(self) -> str:
        return f"{LABELS[self.key]} port {self.port} (ports.{self.key})"


def configured_ports(inventory: Inventory) -> list[ConfiguredPort]:
    """The three licensing ports in catalog order, minus unknown ones."""
    lic = inventory.licensing
    if lic is None:
        return [ConfiguredPort(k, v, False, "/licensing") for k, v in DEFAULT_PORTS.items()]
    ports = lic.ports
    if lic.is_invalid("ports") and not ports.declared:
        return []
    return [
        ConfiguredPort(key, port, ports.has(key), ports.ptr(key))
        for key, port in ports.items()
        if not ports.is_invalid(key)
    ]
