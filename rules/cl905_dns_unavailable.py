"""CL905 dns-unavailable."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.online import Answer, DnsAnswers, DnsRule, answers_of
from cllint.rule import Context
from cllint.rules.dns_checks import (
    UNKNOWN,
    Lookup,
    address_match,
    cap_of,
    lookups,
    resolution,
)


class DnsUnavailable(DnsRule):
    """A DNS question could not be answered, so an online check was not made.

    What:
        With ``--resolve``, fires where a CL901–CL904 check could not be
        decided because a DNS question got no usable answer: the server did
        not answer within ``--dns-timeout``, refused, failed (SERVFAIL), or no
        DNS server is configured. The message names each server and reason.
        Such a check is never reported as a pass.

    Why:
        "A name resolution method, such as DNS, WINS, HOSTS, or LMHOSTS, is
        necessary to resolve the client access point name." Whether it works
        is only known once DNS has answered.

    How to fix:
        Run the check where the DNS servers of the cluster's domain are
        reachable, name them with ``--nameserver IP[:PORT]`` (or
        ``nameservers`` in the configuration), or raise ``--dns-timeout``.

    Failing example:
        licensing:
          client_access_point: {name: CTXLIC}
          # cllint check --resolve --nameserver 10.0.0.9   (nothing answers there)

    Passing example:
        licensing:
          client_access_point: {name: CTXLIC}
          # cllint check --resolve --nameserver 10.10.1.5  (the domain's DNS server)
    """

    id = "CL905"
    name = "dns-unavailable"
    severity = Severity.WARNING
    summary = (
        "a query could not be answered (timeout, refused, no servers): the check could not "
        "be made, which is never reported as a pass"
    )

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        dns = answers_of(ctx)
        for lookup in lookups(inventory):
            unknown = _undecided(inventory, dns, lookup)
            if unknown:
                types = ", ".join(x.rdtype for x in lookup.questions if dns.get(x).unavailable)
                yield self.at(
                    lookup.pointer,
                    f"could not look up {q(lookup.name)} ({types}): {_reasons(unknown)} – the "
                    "online check "
                    "was not made; name a reachable DNS server with --nameserver or raise "
                    "--dns-timeout",
                )


def _undecided(inventory: Inventory, dns: DnsAnswers, lookup: Lookup) -> list[Answer]:
    """The unanswered questions that kept an enabled rule from deciding ``lookup``."""
    enabled = [r for r in lookup.rules if r in dns.rules]
    if not enabled:
        return []
    if lookup.rules == ("CL904",):
        answer = dns.get(lookup.questions[0])
        return [answer] if answer.unavailable else []
    unknown = list(resolution(dns, lookup).unknown) if enabled != ["CL902"] else []
    cap = cap_of(inventory)
    if "CL902" in enabled and cap is not None and cap.has("address") and cap.address:
        verdict, _found, missing = address_match(dns, lookup, cap.address)
        if verdict == UNKNOWN:
            unknown += [a for a in missing if a not in unknown]
    return unknown


def _reasons(answers: list[Answer]) -> str:
    """Each distinct reason once (the A and AAAA questions usually share one)."""
    seen: list[str] = []
    for answer in answers:
        if answer.reason not in seen:
            seen.append(answer.reason)
    return "; ".join(seen)
