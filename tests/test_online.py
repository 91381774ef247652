"""The online checks (CL901–CL905) against a real DNS server (dnsmasq on 127.0.0.1).

These tests are also the position tests of the CL9 rules: the fixture runner
lints without ``--resolve``, so each CL9 rule is shown here firing and passing
at its exact line and column (see test_rule_fixtures.py).
"""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import jsonschema
import pytest
from dnsmasq import dnsmasq, free_udp_port

from cllint.online import NODATA, UNAVAILABLE, Question
from cllint.resolve.phase import PROGRESS_AFTER, _Progress
from cllint.resolve.resolver import DOWN_AFTER, Setup, resolve_all
from cllint.settings.nameservers import Nameserver, NameserverError, parse_nameserver
from helpers import ROOT, SARIF_SCHEMA, Run, clean_inventory, run_cllint

# Where the findings point in the test inventory (the clean example in corp.test).
NODE1 = (21, 11)  # nodes[0].name  CTXLIC-N1
NODE2 = (34, 11)  # nodes[1].name  CTXLIC-N2
CAP_NAME = (49, 31)  # licensing.client_access_point.name  CTXLIC
CAP_ADDRESS = (49, 48)  # licensing.client_access_point.address  10.10.1.50

CAP = "--host-record=ctxlic.corp.test,10.10.1.50"
N1 = "--host-record=ctxlic-n1.corp.test,10.10.1.11"
N2 = "--host-record=ctxlic-n2.corp.test,10.10.1.12"
PTR = "--ptr-record=50.1.10.10.in-addr.arpa,ctxlic.corp.test"


def inventory_text() -> str:
    lines = clean_inventory().splitlines(keepends=True)[2:]  # drop the 2 comment lines
    return "".join(lines).replace("corp.example.com", "corp.test")


@pytest.fixture
def inventory(tmp_path: Path) -> Path:
    path = tmp_path / "cluster.yaml"
    path.write_text(inventory_text(), encoding="utf-8")
    assert path.read_text().splitlines()[48].startswith("  client_access_point: {name: CTXLIC,")
    return path


def check(path: Path | str, servers: Sequence[str], *extra: str, stdin: bytes | None = None) -> Run:
    args = ["check", "--resolve", "--select", "CL9", "--color", "never"]
    for server in servers:
        args += ["--nameserver", server]
    return run_cllint([*args, *extra, str(path)], stdin=stdin)


def found(run: Run) -> set[tuple[str, int, int]]:
    """(rule, line, column) of every finding in text output."""
    result = set()
    for line in run.out.splitlines():
        head, sep, _rest = line.partition(" [")
        if not sep or ": CL" not in head:
            continue
        location, rule = head.rsplit(": ", 1)
        _path, row, column = location.rsplit(":", 2)
        result.add((rule, int(row), int(column)))
    return result


def test_everything_resolves(inventory: Path) -> None:
    with dnsmasq([CAP, N1, N2]) as port:
        run = check(inventory, [f"127.0.0.1:{port}"])
    assert found(run) == set(), run.out + run.err
    assert run.code == 0
    assert "0 errors, 0 warnings" in run.out


def test_cap_missing_is_cl901(inventory: Path) -> None:
    with dnsmasq([N1, N2, PTR]) as port:
        run = check(inventory, [f"127.0.0.1:{port}"])
    assert found(run) == {("CL901", *CAP_NAME)}, run.out + run.err
    assert run.code == 1
    assert "'ctxlic.corp.test' has no A or AAAA record (the name does not exist" in run.out


def test_cap_without_address_record_is_cl901(inventory: Path) -> None:
    """The name exists (it has a TXT record) but has no address: NODATA counts too."""
    with dnsmasq(["--txt-record=ctxlic.corp.test,x", N1, N2, PTR]) as port:
        run = check(inventory, [f"127.0.0.1:{port}"])
    assert found(run) == {("CL901", *CAP_NAME)}, run.out + run.err
    assert "no record of this type" in run.out


def test_cap_on_another_address_is_cl902(inventory: Path) -> None:
    with dnsmasq(["--host-record=ctxlic.corp.test,10.10.1.99", N1, N2, PTR]) as port:
        run = check(inventory, [f"127.0.0.1:{port}"])
    assert found(run) == {("CL902", *CAP_ADDRESS)}, run.out + run.err
    assert "resolves to '10.10.1.99', not to its declared address '10.10.1.50'" in run.out
    assert run.code == 1


def test_cap_address_mismatch_in_sarif(inventory: Path) -> None:
    with dnsmasq(["--host-record=ctxlic.corp.test,10.10.1.99", N1, N2, PTR]) as port:
        run = check(inventory, [f"127.0.0.1:{port}"], "--format", "sarif")
    sarif = json.loads(run.out)
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    results = sarif["runs"][0]["results"]
    assert [
        (
            r["ruleId"],
            r["level"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for r in results
    ] == [("CL902", "error", *CAP_ADDRESS)]
    rules = {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert {"CL901", "CL902", "CL903", "CL904", "CL905"} <= rules


def test_node_missing_is_cl903(inventory: Path) -> None:
    with dnsmasq([CAP, N1]) as port:
        run = check(inventory, [f"127.0.0.1:{port}"])
    assert found(run) == {("CL903", *NODE2)}, run.out + run.err
    assert run.code == 0  # a warning
    assert "node 'CTXLIC-N2' does not resolve: 'ctxlic-n2.corp.test'" in run.out


def test_node_in_its_own_domain(tmp_path: Path) -> None:
    """A node is asked in its own domain: CTXLIC-N2 in sub.corp.test is not registered."""
    text = inventory_text().replace(
        "  - name: CTXLIC-N2\n    domain: corp.test",
        "  - name: CTXLIC-N2\n    domain: sub.corp.test",
    )
    path = tmp_path / "sub.yaml"
    path.write_text(text, encoding="utf-8")
    with dnsmasq([CAP, N1, N2]) as port:
        run = check(path, [f"127.0.0.1:{port}"])
    assert found(run) == {("CL903", *NODE2)}, run.out + run.err
    assert "'ctxlic-n2.sub.corp.test'" in run.out


def test_wrong_ptr_is_cl904(inventory: Path) -> None:
    records = [CAP, N1, N2, "--ptr-record=50.1.10.10.in-addr.arpa,OldLic.corp.test"]
    with dnsmasq(records) as port:
        run = check(inventory, [f"127.0.0.1:{port}"])
    assert found(run) == {("CL904", *CAP_ADDRESS)}, run.out + run.err
    assert "names 'oldlic.corp.test', not 'ctxlic.corp.test'" in run.out


def test_missing_ptr_is_cl904(inventory: Path) -> None:
    with dnsmasq(["--address=/ctxlic.corp.test/10.10.1.50", N1, N2]) as port:
        run = check(inventory, [f"127.0.0.1:{port}"])
    assert found(run) == {("CL904", *CAP_ADDRESS)}, run.out + run.err
    assert "has no PTR record" in run.out


def test_ptr_naming_the_bare_cap_in_other_case_passes(inventory: Path) -> None:
    records = ["--address=/ctxlic.corp.test/10.10.1.50", N1, N2]
    with dnsmasq([*records, "--ptr-record=50.1.10.10.in-addr.arpa,CTXLIC"]) as port:
        run = check(inventory, [f"127.0.0.1:{port}"])
    assert found(run) == set(), run.out + run.err


def test_server_not_listening_is_cl905_within_the_timeout(inventory: Path) -> None:
    port = free_udp_port()
    start = time.monotonic()
    run = check(inventory, [f"127.0.0.1:{port}"], "--dns-timeout", "0.5")
    elapsed = time.monotonic() - start
    expected = {("CL905", *NODE1), ("CL905", *NODE2), ("CL905", *CAP_NAME), ("CL905", *CAP_ADDRESS)}
    assert found(run) == expected, run.out + run.err
    assert f"127.0.0.1:{port} did not answer within 0.5 s" in run.out
    assert run.code == 0  # warnings: never a pass, never a false CL901
    # 7 questions asked at once: about one timeout, not seven (generous for a busy machine).
    assert elapsed < 10, elapsed


def test_refusing_server_is_cl905(tmp_path: Path) -> None:
    """dnsmasq refuses names outside its zones (it has no upstream servers)."""
    path = tmp_path / "other.yaml"
    path.write_text(inventory_text().replace("corp.test", "other.test"), encoding="utf-8")
    with dnsmasq([CAP, N1, N2]) as port:
        run = check(path, [f"127.0.0.1:{port}"])
    # The PTR zone is the server's own: it answers (ctxlic.corp.test is not the CAP's
    # name in other.test), so CL904 is decided; every forward question is refused.
    assert found(run) == {
        ("CL905", *NODE1),
        ("CL905", *NODE2),
        ("CL905", *CAP_NAME),
        ("CL904", *CAP_ADDRESS),
    }, run.out + run.err
    assert f"127.0.0.1:{port} refused the query (REFUSED)" in run.out


def test_second_server_answers_when_the_first_refuses(inventory: Path) -> None:
    with dnsmasq([], zones=("elsewhere.test",)) as refusing, dnsmasq([CAP, N1, N2]) as answering:
        run = check(inventory, [f"127.0.0.1:{refusing}", f"127.0.0.1:{answering}"])
    assert found(run) == set(), run.out + run.err


def test_each_question_is_asked_once_per_run(tmp_path: Path) -> None:
    """60 files share their names: 7 questions in all. Enough files for the process
    pool, so the answers (plain data) must also reach the worker processes."""
    folder = tmp_path / "inventories"
    folder.mkdir()
    for n in range(60):
        (folder / f"site{n:02}.yaml").write_text(inventory_text(), encoding="utf-8")
    log = tmp_path / "dnsmasq.log"
    with dnsmasq([N1, N2, PTR], log=log) as port:
        run = check(folder, [f"127.0.0.1:{port}"], "--jobs", "2")
        time.sleep(0.2)
    assert found(run) == {("CL901", *CAP_NAME)}, run.out + run.err
    assert run.out.count(": CL901 [error]") == 60
    queries = [line for line in log.read_text().splitlines() if " query[" in line]
    asked = [q.split(" query", 1)[1].split(" from")[0] for q in queries if "probe." not in q]
    assert sorted(asked) == sorted(
        [
            "[A] ctxlic.corp.test",
            "[AAAA] ctxlic.corp.test",
            "[A] ctxlic-n1.corp.test",
            "[AAAA] ctxlic-n1.corp.test",
            "[A] ctxlic-n2.corp.test",
            "[AAAA] ctxlic-n2.corp.test",
            "[PTR] 50.1.10.10.in-addr.arpa",
        ]
    )


def test_stdin_is_read_once_for_both_passes(inventory: Path) -> None:
    with dnsmasq([N1, N2, PTR]) as port:
        run = check("-", [f"127.0.0.1:{port}"], stdin=inventory.read_bytes())
    assert found(run) == {("CL901", *CAP_NAME)}, run.out + run.err
    assert run.out.startswith("<stdin>:49:31: CL901")


def test_suppression_comment_hides_an_online_finding(tmp_path: Path) -> None:
    text = inventory_text().replace(
        "  - name: CTXLIC-N2\n", "  - name: CTXLIC-N2  # cllint: disable=CL903 -- new node\n"
    )
    path = tmp_path / "suppressed.yaml"
    path.write_text(text, encoding="utf-8")
    with dnsmasq([CAP, N1, PTR]) as port:
        run = check(path, [f"127.0.0.1:{port}"], "--extend-select", "CL009")
    assert found(run) == set(), run.out + run.err
    assert "1 suppressed" in run.out


def test_without_resolve_dns_is_never_imported() -> None:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cllint", "check", "examples/cluster.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    modules = [line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()]
    assert "cllint.lint.engine" in modules  # the check did run
    assert [m for m in modules if m == "dns" or m.startswith("dns.")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.0.0.1", Nameserver("10.0.0.1", 53)),
        ("10.0.0.1:5353", Nameserver("10.0.0.1", 5353)),
        ("::1", Nameserver("::1", 53)),
        ("::1:53", Nameserver("::1:53", 53)),
        ("[::1]", Nameserver("::1", 53)),
        ("[2001:db8::1]:5353", Nameserver("2001:db8::1", 5353)),
    ],
)
def test_nameserver_values(text: str, expected: Nameserver) -> None:
    assert parse_nameserver(text) == expected


@pytest.mark.parametrize(
    "text",
    ["dns.corp.test", "10.0.0.1:0", "10.0.0.1:65536", "10.0.0.1:", "10.0.0.1:x", "[::1",
     "[::1]5353", "[10.0.0.1]:53", "", "1.2.3"],
)  # fmt: skip
def test_bad_nameserver_values(text: str) -> None:
    with pytest.raises(NameserverError):
        parse_nameserver(text)


def test_bad_nameserver_is_exit_2_with_one_line(inventory: Path) -> None:
    run = check(inventory, ["[::1]:99999"])
    assert run.code == 2
    assert run.out == ""
    assert run.err == "cllint: error: --nameserver: bad port in '[::1]:99999' (use 1-65535)\n"


def test_bad_nameserver_in_config_is_exit_2(tmp_path: Path, inventory: Path) -> None:
    config = tmp_path / ".cllint.yaml"
    config.write_text("nameservers: [dns.corp.test]\n", encoding="utf-8")
    run = run_cllint(["check", "--resolve", "--config", str(config), str(inventory)])
    assert run.code == 2
    assert run.err.startswith("cllint: error: nameservers: 'dns.corp.test' is not an IP address")
    assert len(run.err.splitlines()) == 1


def test_nameservers_from_the_config_file(tmp_path: Path, inventory: Path) -> None:
    config = tmp_path / ".cllint.yaml"
    with dnsmasq([N1, N2, PTR]) as port:
        config.write_text(f"nameservers: ['127.0.0.1:{port}']\n", encoding="utf-8")
        run = check(inventory, [], "--config", str(config))
    assert found(run) == {("CL901", *CAP_NAME)}, run.out + run.err


SKIPPED = "skipped: it did not answer earlier questions of this run"


def test_a_server_that_never_answered_is_skipped_after_its_first_timeout() -> None:
    """One worker asks in order: the first question waits out its timeout, the rest
    are unavailable at once, each saying why (never a pass)."""
    dead = Nameserver("127.0.0.1", free_udp_port())
    questions = [Question.of(f"h{n:02}.corp.test", "A") for n in range(4)]
    answers = resolve_all(questions, Setup((dead,), 0.1), workers=1)
    assert all(answers[q].status == UNAVAILABLE for q in questions)
    assert [answers[q].reason for q in sorted(questions)] == [
        f"{dead} did not answer within 0.1 s",
        f"{dead} {SKIPPED}",
        f"{dead} {SKIPPED}",
        f"{dead} {SKIPPED}",
    ]


class _AnswersOnce:
    """A UDP DNS server on 127.0.0.1 that answers its first query (NOERROR, no
    records) and then goes silent: a live server that starts losing packets."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port: int = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        import dns.message

        data, peer = self.sock.recvfrom(4096)
        self.sock.sendto(dns.message.make_response(dns.message.from_wire(data)).to_wire(), peer)

    def close(self) -> None:
        self.sock.close()


def test_a_server_that_answered_is_skipped_only_after_several_timeouts() -> None:
    server = _AnswersOnce()
    try:
        live = Nameserver("127.0.0.1", server.port)
        questions = [Question.of(f"h{n:02}.corp.test", "A") for n in range(DOWN_AFTER + 3)]
        answers = resolve_all(questions, Setup((live,), 0.1), workers=1)
    finally:
        server.close()
    ordered = [answers[q] for q in sorted(questions)]
    assert ordered[0].status == NODATA
    assert [a.reason for a in ordered[1:]] == [f"{live} did not answer within 0.1 s"] * (
        DOWN_AFTER
    ) + [f"{live} {SKIPPED}"] * 2


def test_no_servers_means_every_question_is_unavailable() -> None:
    answers = resolve_all(
        [Question.of("ctxlic.corp.test", "A")], Setup((), 1.0, problem="no DNS server")
    )
    assert [(a.status, a.reason) for a in answers.values()] == [(UNAVAILABLE, "no DNS server")]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_only_once_the_phase_is_slow() -> None:
    quick = _Progress(_Terminal())
    quick(3, 10)
    quick.close()
    assert quick.stream.getvalue() == ""  # type: ignore[attr-defined]

    slow = _Progress(_Terminal())
    slow.start -= 2 * PROGRESS_AFTER
    slow(3, 10)
    slow.close()
    assert slow.stream.getvalue() == (  # type: ignore[attr-defined]
        "\rcllint: resolving 3/10 DNS questions\r\x1b[K"
    )

    piped = _Progress(io.StringIO())
    piped.start -= 2 * PROGRESS_AFTER
    piped(3, 10)
    piped.close()
    assert piped.stream.getvalue() == ""  # type: ignore[attr-defined]
