"""What the online rules (CL901–CL905) ask DNS, and what the answers decide.

One module so that every rule asks the same questions for the same names
(each distinct question is asked once per run) and so that CL905 reports
exactly the checks the others could not make: a decision is *found*,
*absent* (a definite "no") or *unknown* (some needed question could not be
answered), and unknown is never a pass.

Names: the CAP is asked as ``<cap>.<cluster.domain>``, a node as
``<node>.<node's domain, else cluster.domain>``, each as the bare name when
no domain is declared; a name that already holds a dot is taken as a full
name. Names that cannot be DNS names (an empty label, a label over 63
characters) are not asked: the naming rules report them.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

from cllint.model import ClientAccessPoint, Inventory, Node
from cllint.online import NXDOMAIN, Answer, DnsAnswers, Question, normalize, same_name
from cllint.records import record

CAP_RULES = ("CL901", "CL902")
NODE_RULES = ("CL903",)
PTR_RULES = ("CL904",)


def dns_name(name: str | None, domain: str | None) -> str | None:
    """The name to ask for host ``name`` in ``domain``; None if it cannot be a DNS name."""
    if not name or not name.strip():
        return None
    host = normalize(name)
    if "." not in host and domain and normalize(domain):
        host = f"{host}.{normalize(domain)}"
    labels = host.split(".")
    if len(host) > 253 or any(not 0 < len(label) <= 63 for label in labels):
        return None
    return host


@record(frozen=True, slots=True)
class Lookup:
    """The questions asked for one value of the inventory, and where that value is."""

    pointer: str
    name: str
    """What was asked, as shown in messages (a host name, or the reverse of an address)."""
    questions: tuple[Question, ...]
    rules: tuple[str, ...]
    """The rules that decide something from these answers."""


def cap_of(inventory: Inventory) -> ClientAccessPoint | None:
    lic = inventory.licensing
    cap = lic.client_access_point if lic else None
    if cap is None or not cap.has("name") or cap.name is None:
        return None
    return cap


def cluster_domain(inventory: Inventory) -> str | None:
    cluster = inventory.cluster
    return cluster.domain if cluster is not None and cluster.has("domain") else None


def _addresses(pointer: str, host: str, rules: tuple[str, ...]) -> Lookup:
    return Lookup(pointer, host, (Question.of(host, "A"), Question.of(host, "AAAA")), rules)


def cap_lookup(inventory: Inventory) -> Lookup | None:
    """A and AAAA of the CAP's name, at ``client_access_point.name``."""
    cap = cap_of(inventory)
    host = dns_name(cap.name, cluster_domain(inventory)) if cap else None
    if cap is None or host is None:
        return None
    return _addresses(cap.ptr("name"), host, CAP_RULES)


def node_lookups(inventory: Inventory) -> Iterator[tuple[Node, Lookup]]:
    """A and AAAA of each node's name, at ``nodes[i].name``."""
    for node in inventory.nodes:
        if not node.has("name") or node.name is None:
            continue
        domain = node.domain if node.has("domain") else cluster_domain(inventory)
        host = dns_name(node.name, domain)
        if host is not None:
            yield node, _addresses(node.ptr("name"), host, NODE_RULES)


def ptr_lookup(inventory: Inventory) -> Lookup | None:
    """The PTR record of the CAP's address, at ``client_access_point.address``."""
    cap = cap_of(inventory)
    if cap is None or not cap.has("address") or cap.address is None:
        return None
    if dns_name(cap.name, cluster_domain(inventory)) is None:
        return None
    reverse = cap.address.reverse_pointer
    return Lookup(cap.ptr("address"), reverse, (Question.of(reverse, "PTR"),), PTR_RULES)


def lookups(inventory: Inventory) -> Iterator[Lookup]:
    cap = cap_lookup(inventory)
    if cap is not None:
        yield cap
    for _node, lookup in node_lookups(inventory):
        yield lookup
    ptr = ptr_lookup(inventory)
    if ptr is not None:
        yield ptr


# -- decisions ----------------------------------------------------------------


@record(frozen=True, slots=True)
class Resolution:
    """Whether a host name resolves: its addresses, a definite no, or unknown."""

    addresses: tuple[str, ...]
    absent: tuple[Answer, ...]
    """The definite "no" answers (when the name does not resolve)."""
    unknown: tuple[Answer, ...]
    """The unanswered questions that keep it undecided."""

    @property
    def resolves(self) -> bool:
        return bool(self.addresses)

    @property
    def missing(self) -> bool:
        return not self.addresses and not self.unknown


def resolution(dns: DnsAnswers, lookup: Lookup) -> Resolution:
    """A name resolves when any address question found records; it is missing only
    when every question gave a definite no."""
    answers = [dns.get(q) for q in lookup.questions]
    addresses = tuple(sorted({r for a in answers if a.found for r in a.records}))
    absent = tuple(a for a in answers if a.absent)
    # NXDOMAIN says the name has no record of any type: nothing left to wait for.
    settled = addresses or any(a.status == NXDOMAIN for a in answers)
    unknown = () if settled else tuple(a for a in answers if a.unavailable)
    return Resolution(addresses, absent, unknown)


MATCH, MISMATCH, NO_ADDRESS, UNKNOWN = "match", "mismatch", "no-address", "unknown"


def address_match(
    dns: DnsAnswers, lookup: Lookup, address: ipaddress.IPv4Address | ipaddress.IPv6Address
) -> tuple[str, tuple[str, ...], tuple[Answer, ...]]:
    """Does the name resolve to ``address``? (verdict, addresses found, unknown answers).

    The question of the address's own family decides: if it could not be
    answered, neither can this check (even when the other family answered).
    """
    family = "A" if address.version == 4 else "AAAA"
    own = next(q for q in lookup.questions if q.rdtype == family)
    own_answer = dns.get(own)
    found = resolution(dns, lookup)
    if own_answer.unavailable:
        return UNKNOWN, found.addresses, (own_answer,)
    if str(address) in own_answer.records:
        return MATCH, found.addresses, ()
    if found.addresses:
        return MISMATCH, found.addresses, ()
    if found.unknown:
        return UNKNOWN, (), found.unknown
    return NO_ADDRESS, (), ()


def names_cap(ptr_name: str, cap_name: str, host: str, domain: str | None) -> bool:
    """Does a PTR target name the CAP (bare or full name)?

    Without a declared ``cluster.domain`` the full name is unknown, so any
    name whose first label is the CAP counts.
    """
    if same_name(ptr_name, cap_name) or same_name(ptr_name, host):
        return True
    return not domain and normalize(ptr_name).split(".")[0] == normalize(cap_name)


def describe_absent(answers: tuple[Answer, ...]) -> str:
    """Why a name has no record: "does not exist" wins over "no record of the type"."""
    for answer in answers:
        if answer.status == NXDOMAIN:
            return answer.why_absent()
    return answers[0].why_absent() if answers else "no record"
