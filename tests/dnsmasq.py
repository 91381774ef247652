"""A real DNS server for the ``--resolve`` tests: dnsmasq on 127.0.0.1, a free port.

It is authoritative-only for the test zones (``--local``): a name it was not
given is NXDOMAIN, a type it has no record of is NODATA, and any other zone
is REFUSED (no upstream servers). Nothing but 127.0.0.1 is ever touched.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

ZONE = "corp.test"
REVERSE_ZONE = "1.10.10.in-addr.arpa"


def require_dnsmasq() -> str:
    """The dnsmasq program; skipped when missing, but a failure under CI=true."""
    found = shutil.which("dnsmasq") or next(
        (p for p in ("/usr/sbin/dnsmasq", "/sbin/dnsmasq") if os.access(p, os.X_OK)), None
    )
    if found is None:
        message = "dnsmasq is not installed (scripts/install-test-tools installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def free_udp_port() -> int:
    """A UDP port on 127.0.0.1 that nothing listens on (at the time of asking)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _answers(port: int) -> bool:
    """Does something on 127.0.0.1:port answer a DNS query?"""
    import dns.exception
    import dns.message
    import dns.query

    try:
        dns.query.udp(dns.message.make_query(f"probe.{ZONE}", "A"), "127.0.0.1", 0.2, port)
    except (dns.exception.DNSException, OSError):
        return False
    return True


@contextmanager
def dnsmasq(
    records: Sequence[str],
    log: Path | None = None,
    zones: Sequence[str] = (ZONE, REVERSE_ZONE),
) -> Iterator[int]:
    """Run dnsmasq with ``records`` (dnsmasq options such as ``--host-record=...``),
    answering only for ``zones``; yield its port."""
    program = require_dnsmasq()
    for _attempt in range(5):
        port = free_udp_port()
        args = [
            program,
            "--keep-in-foreground",
            "--conf-file=/dev/null",
            "--no-resolv",
            "--no-hosts",
            f"--port={port}",
            "--listen-address=127.0.0.1",
            "--bind-interfaces",
            *(f"--local=/{zone}/" for zone in zones),
            "--cache-size=0",
            *records,
        ]
        if log is not None:
            args += ["--log-queries", f"--log-facility={log}"]
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while proc.poll() is None and time.monotonic() < deadline and not _answers(port):
            time.sleep(0.05)
        if proc.poll() is None and _answers(port):
            try:
                yield port
            finally:
                proc.terminate()
                proc.wait(timeout=10)
            return
        proc.kill()
        _out, err = proc.communicate(timeout=10)
        last_error = err.decode("utf-8", "replace").strip()
    pytest.fail(f"dnsmasq did not start: {last_error}")
