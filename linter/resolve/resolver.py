"""Ask DNS: every distinct question of a run once, concurrently, with timeouts.

This is the only module that talks to the network, and the only one that
imports dnspython (it is imported only for a ``--resolve`` run that has
something to ask).

Each question goes to the servers in order (UDP, TCP when truncated). A
definite answer (records, NXDOMAIN, no records of the type) ends it; a
timeout, a refusal, a server failure or a socket error moves on to the next
server, and when no server gave a definite answer the question is
*unavailable* with every server's reason: the online rules report that as
CL905, never as a pass and never as a missing name.

A server that has not answered anything in this run and then times out, or
one that timed out on several questions in a row since it last answered, is
taken as down for the rest of the run: the questions still waiting are marked
unavailable at once (saying so) instead of each waiting out its own timeout,
so checking a folder of inventories against a dead server costs about one
round of timeouts, not one per inventory. A live server answers the other
questions of the first round long before the first timeout, so a lost packet
does not condemn it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from cllint.online import FOUND, NODATA, NXDOMAIN, UNAVAILABLE, Answer, Question, normalize
from cllint.settings.nameservers import Nameserver

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any

MAX_WORKERS = 32
#: Consecutive timeouts after which a server that has answered before counts as down.
DOWN_AFTER = 5

Progress = Callable[[int, int], None]
SOCKET_ERROR = "socket error: "

RCODE_REASONS = {
    "REFUSED": "refused the query (REFUSED)",
    "SERVFAIL": "could not answer (SERVFAIL)",
    "NOTIMP": "does not implement the query (NOTIMP)",
    "FORMERR": "rejected the query as malformed (FORMERR)",
}


@dataclass(slots=True)
class _Health:
    """Per-server timeout streaks, shared by the worker threads."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    streak: dict[Nameserver, int] = field(default_factory=dict)
    alive: set[Nameserver] = field(default_factory=set)
    """Servers that have answered at least once in this run."""

    def down(self, server: Nameserver) -> bool:
        with self.lock:
            streak = self.streak.get(server, 0)
            return streak >= DOWN_AFTER or (streak > 0 and server not in self.alive)

    def timed_out(self, server: Nameserver) -> None:
        with self.lock:
            self.streak[server] = self.streak.get(server, 0) + 1

    def answered(self, server: Nameserver) -> None:
        with self.lock:
            self.streak[server] = 0
            self.alive.add(server)


@dataclass(frozen=True, slots=True)
class Setup:
    """Where and how to ask: servers, per-query timeout, search domains for bare names."""

    servers: tuple[Nameserver, ...]
    timeout: float
    search: tuple[str, ...] = ()
    problem: str = ""
    """Why there is no server to ask (e.g. no system configuration)."""


def system_setup(timeout: float) -> Setup:
    """The system's DNS servers and search domains (``/etc/resolv.conf`` or Windows)."""
    import dns.resolver

    try:
        resolver = dns.resolver.Resolver(configure=True)
    except dns.resolver.NoResolverConfiguration:
        return Setup((), timeout, problem="no DNS server is configured on this system")
    except Exception as exc:  # an unreadable or odd configuration is not a crash
        return Setup((), timeout, problem=f"cannot read the system's DNS configuration: {exc}")
    port = int(resolver.port)
    servers = tuple(Nameserver(str(s), port) for s in resolver.nameservers)
    search = tuple(normalize(str(d)) for d in resolver.search if str(d) != ".")
    problem = "" if servers else "no DNS server is configured on this system"
    return Setup(servers, timeout, search, problem)


def _ask_server(question: Question, qname: str, server: Nameserver, setup: Setup) -> Answer:
    """One question to one server; ``unavailable`` (with the reason) unless definite."""
    import dns.exception
    import dns.message
    import dns.query
    import dns.rcode

    try:
        query = dns.message.make_query(qname, question.rdtype)
    except (dns.exception.DNSException, ValueError, UnicodeError) as exc:
        return Answer(UNAVAILABLE, reason=f"{qname!r} cannot be asked: {exc}")
    try:
        response = _exchange(query, server, setup.timeout)
    except dns.exception.Timeout:
        return Answer(UNAVAILABLE, server=str(server), reason="timeout")
    except (ConnectionResetError, ConnectionAbortedError, BrokenPipeError):
        # the same hang-up as EOFError below, seen a moment later (a reset, not an EOF)
        return Answer(UNAVAILABLE, server=str(server), reason="closed the TCP connection")
    except OSError as exc:
        detail = exc.strerror or str(exc)
        return Answer(UNAVAILABLE, server=str(server), reason=f"{SOCKET_ERROR}{detail}")
    except EOFError:  # the server hung up over TCP after a truncated UDP reply
        return Answer(UNAVAILABLE, server=str(server), reason="closed the TCP connection")
    except (dns.exception.DNSException, ValueError) as exc:
        return Answer(UNAVAILABLE, server=str(server), reason=f"bad response: {exc}")
    rcode = response.rcode()
    if rcode == dns.rcode.NXDOMAIN:
        return Answer(NXDOMAIN, server=str(server))
    if rcode != dns.rcode.NOERROR:
        text = dns.rcode.to_text(rcode)
        reason = RCODE_REASONS.get(text, f"answered {text}")
        return Answer(UNAVAILABLE, server=str(server), reason=reason)
    try:
        chain = response.resolve_chaining()
    except dns.exception.DNSException as exc:
        return Answer(UNAVAILABLE, server=str(server), reason=f"bad response: {exc}")
    if chain.answer is None:
        return Answer(NODATA, server=str(server))
    records = tuple(sorted({_record_text(r) for r in chain.answer}))
    return Answer(FOUND, records, server=str(server))


def _exchange(query: Any, server: Nameserver, timeout: float) -> Any:
    """UDP, then TCP when the reply is truncated, both inside one ``timeout``.

    dnspython's ``udp_with_fallback`` gives each transport the whole timeout,
    so a question could take twice ``--dns-timeout``.
    """
    import time

    import dns.exception
    import dns.message
    import dns.query

    deadline = time.monotonic() + timeout
    try:
        return dns.query.udp(
            query, server.address, timeout=timeout, port=server.port, raise_on_truncation=True
        )
    except dns.message.Truncated:
        left = deadline - time.monotonic()
        if left <= 0:
            raise dns.exception.Timeout from None
        return dns.query.tcp(query, server.address, timeout=left, port=server.port)


def _record_text(rdata: Any) -> str:
    """An address as ``ipaddress`` writes it, a name normalized."""
    import ipaddress

    text = str(rdata.to_text())
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return normalize(text)


def _describe(answer: Answer, timeout: float) -> str:
    if answer.reason == "timeout":
        return f"{answer.server} did not answer within {timeout:g} s"
    if answer.reason == "down":
        return f"{answer.server} skipped: it did not answer earlier questions of this run"
    if answer.reason in RCODE_REASONS.values() or answer.reason.startswith("answered "):
        return f"{answer.server} {answer.reason}"
    if answer.server:
        return f"{answer.server}: {answer.reason}"
    return answer.reason


def _ask_name(question: Question, qname: str, setup: Setup, health: _Health) -> Answer:
    """Ask each server in turn until one gives a definite answer."""
    failures: list[Answer] = []
    for server in setup.servers:
        if health.down(server):
            failures.append(Answer(UNAVAILABLE, server=str(server), reason="down"))
            continue
        answer = _ask_server(question, qname, server, setup)
        if answer.reason == "timeout":
            health.timed_out(server)
        elif answer.server and not answer.reason.startswith(SOCKET_ERROR):
            health.answered(server)  # any response, even a refusal
        if not answer.unavailable:
            return answer
        failures.append(answer)
        if not answer.server:  # the question itself cannot be asked
            break
    reason = "; ".join(_describe(a, setup.timeout) for a in failures) or setup.problem
    return Answer(UNAVAILABLE, reason=reason or "no DNS server to ask")


def ask(question: Question, setup: Setup, health: _Health | None = None) -> Answer:
    """Answer one question; a bare name is also tried with each search domain."""
    health = health or _Health()
    names = [question.name]
    if "." not in question.name and question.rdtype != "PTR":
        names = [f"{question.name}.{d}" for d in setup.search] + names
    undecided: Answer | None = None
    absent: Answer | None = None
    for name in names:
        answer = _ask_name(question, name, setup, health)
        if answer.found:
            return answer
        if answer.unavailable:
            undecided = undecided or answer
        else:
            absent = absent or answer
    # A name that might exist behind an unanswered question is not "missing".
    result = undecided or absent
    assert result is not None
    return result


def resolve_all(
    questions: Collection[Question],
    setup: Setup,
    progress: Progress | None = None,
    workers: int = MAX_WORKERS,
) -> dict[Question, Answer]:
    """Ask every distinct question once, ``workers`` at a time."""
    unique: Sequence[Question] = sorted(set(questions))
    if not unique:
        return {}
    if not setup.servers:
        reason = setup.problem or "no DNS server to ask"
        return {q: Answer(UNAVAILABLE, reason=reason) for q in unique}
    health = _Health()
    answers: dict[Question, Answer] = {}
    executor = ThreadPoolExecutor(max_workers=min(workers, len(unique)))
    try:
        pending: dict[Future[Answer], Question] = {
            executor.submit(ask, q, setup, health): q for q in unique
        }
        while pending:
            done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:
                answers[pending.pop(future)] = future.result()
            if progress is not None:
                progress(len(answers), len(unique))
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
    return answers
