"""What ``--resolve`` costs on a folder of inventories when DNS does not answer.

Run it from anywhere: ``python3 bench/dns_bench.py`` (``--help`` for the knobs).

It writes a folder of inventories, each with its own CAP and node names (so no
two inventories share a DNS question), and times the real command three ways:
without ``--resolve`` (the lint alone), and with ``--resolve`` against a UDP
port on 127.0.0.1 where nothing listens, once with a short and once with the
default timeout. The DNS phase should cost about one round of timeouts, not
one per inventory: the questions go out concurrently and a server that keeps
timing out is skipped for the rest of the run (each skipped question is still
reported, as CL905).
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cluster.yaml"


def write_corpus(folder: Path, count: int) -> None:
    """``count`` inventories; inventory n has CAP ``CAP<n>`` and nodes ``N<n>A``/``N<n>B``."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for n in range(count):
        inventory = (
            text.replace("CTXLIC-N1", f"N{n:04}A")
            .replace("CTXLIC-N2", f"N{n:04}B")
            .replace("name: CTXLIC,", f"name: CAP{n:04},")
            .replace("address: 10.10.1.50", f"address: 10.10.{n // 200 + 1}.{n % 200 + 50}")
        )
        (folder / f"site{n:04}.yaml").write_text(inventory, encoding="utf-8")


def silent_port() -> int:
    """A UDP port on 127.0.0.1 with nothing listening on it."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def timed(args: list[str]) -> tuple[float, str]:
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "cllint", *args], capture_output=True, text=True, check=False
    )
    if proc.returncode not in (0, 1):
        raise SystemExit(f"cllint failed ({proc.returncode}): {proc.stderr.strip()}")
    summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    return time.monotonic() - start, summary


def phases(folder: Path, port: int, timeout: float) -> tuple[int, float, float]:
    """In this process: (questions, seconds to collect them, seconds to resolve them)."""
    from cllint.files.discovery import discover
    from cllint.resolve.phase import collect_questions
    from cllint.resolve.resolver import Setup, resolve_all
    from cllint.settings.config import load
    from cllint.settings.nameservers import Nameserver
    from cllint.settings.options import CheckOptions, build_settings

    opts = CheckOptions(paths=(str(folder),), resolve=True, select=("CL9",))
    settings, _ = build_settings(opts, load(None))
    paths = list(discover([str(folder)]))
    start = time.monotonic()
    questions = collect_questions(paths, settings)
    collected = time.monotonic()
    resolve_all(questions, Setup((Nameserver("127.0.0.1", port),), timeout))
    return len(questions), collected - start, time.monotonic() - collected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inventories", type=int, default=200)
    parser.add_argument("--timeout", type=float, default=0.5, help="short --dns-timeout")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "inventories"
        folder.mkdir()
        write_corpus(folder, args.inventories)
        questions = args.inventories * 7  # CAP A/AAAA, 2 nodes x A/AAAA, CAP PTR
        common = ["check", "-q", "--select", "CL9,CL1", str(folder)]
        port = silent_port()
        lint, _ = timed(common)
        print(f"{args.inventories} inventories, {questions} distinct DNS questions")
        print(f"  lint alone (no --resolve):             {lint:6.2f} s")
        for timeout in (args.timeout, 3.0):
            count, collect, resolve = phases(folder, port, timeout)
            print(
                f"  in process, timeout {timeout:g} s: collect {count} questions {collect:.2f} s, "
                f"resolve them {resolve:.2f} s"
            )
        for timeout in (args.timeout, 3.0):
            dead = ["--resolve", "--nameserver", f"127.0.0.1:{port}", "--dns-timeout"]
            took, summary = timed([*common, *dead, str(timeout)])
            naive = questions * timeout
            print(
                f"  --resolve, server silent, timeout {timeout:g} s: {took:6.2f} s "
                f"(DNS phase ~{took - lint:.2f} s; one question at a time: {naive:.0f} s)"
            )
            print(f"    {summary}")


if __name__ == "__main__":
    main()
