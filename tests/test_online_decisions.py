"""What DNS answers decide, rule by rule, at exact positions (no network).

The answers table is the same plain data a ``--resolve`` run hands to the
rules; here it is written out, so the edge cases (one family answered, the
other not; NXDOMAIN beside a timeout) are checked without a DNS server.
The real server runs in test_online.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_online import CAP_ADDRESS, CAP_NAME, NODE1, NODE2, inventory_text

from cllint.online import FOUND, NODATA, NXDOMAIN, UNAVAILABLE, Answer, DnsAnswers, Question
from helpers import lint_text, positions

ONLINE = frozenset({"CL901", "CL902", "CL903", "CL904", "CL905"})
DOWN = Answer(UNAVAILABLE, reason="127.0.0.1:53 did not answer within 3 s")


def ok(*records: str) -> Answer:
    return Answer(FOUND, records, server="127.0.0.1:53")


GOOD: dict[tuple[str, str], Answer] = {
    ("ctxlic.corp.test", "A"): ok("10.10.1.50"),
    ("ctxlic.corp.test", "AAAA"): Answer(NODATA, server="127.0.0.1:53"),
    ("ctxlic-n1.corp.test", "A"): ok("10.10.1.11"),
    ("ctxlic-n1.corp.test", "AAAA"): Answer(NODATA, server="127.0.0.1:53"),
    ("ctxlic-n2.corp.test", "A"): ok("10.10.1.12"),
    ("ctxlic-n2.corp.test", "AAAA"): Answer(NODATA, server="127.0.0.1:53"),
    ("50.1.10.10.in-addr.arpa", "PTR"): ok("ctxlic.corp.test"),
}


def lint(
    tmp_path: Path, changes: dict[tuple[str, str], Answer], text: str | None = None
) -> list[tuple[str, int, int]]:
    answers = {Question.of(n, t): a for (n, t), a in {**GOOD, **changes}.items()}
    report = lint_text(
        text or inventory_text(),
        tmp_path,
        online=True,
        services={"dns": DnsAnswers(answers, ONLINE)},
    )
    return [p for p in positions(report) if p[0].startswith("CL9")]


CAP_A = ("ctxlic.corp.test", "A")
CAP_AAAA = ("ctxlic.corp.test", "AAAA")
N2_A = ("ctxlic-n2.corp.test", "A")
N2_AAAA = ("ctxlic-n2.corp.test", "AAAA")
PTR = ("50.1.10.10.in-addr.arpa", "PTR")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, []),
        # The address of the declared family answered: the other family does not matter.
        ({CAP_AAAA: DOWN}, []),
        # The name does not exist: NXDOMAIN settles it, even beside a timeout.
        ({CAP_A: Answer(NXDOMAIN), CAP_AAAA: DOWN}, [("CL901", *CAP_NAME)]),
        # No A record and the AAAA question unanswered: it might resolve; not CL901.
        ({CAP_A: Answer(NODATA), CAP_AAAA: DOWN}, [("CL905", *CAP_NAME)]),
        ({CAP_A: Answer(NODATA), CAP_AAAA: Answer(NODATA)}, [("CL901", *CAP_NAME)]),
        # Resolves over IPv6 only: not to the declared IPv4 address.
        ({CAP_A: Answer(NODATA), CAP_AAAA: ok("2001:db8::50")}, [("CL902", *CAP_ADDRESS)]),
        ({CAP_A: ok("10.10.1.51", "10.10.1.50")}, []),
        ({CAP_A: ok("10.10.1.51")}, [("CL902", *CAP_ADDRESS)]),
        # The A question unanswered: CL901 and CL902 cannot decide; one CL905.
        ({CAP_A: DOWN, CAP_AAAA: DOWN}, [("CL905", *CAP_NAME)]),
        ({N2_A: Answer(NXDOMAIN), N2_AAAA: Answer(NXDOMAIN)}, [("CL903", *NODE2)]),
        ({N2_A: DOWN, N2_AAAA: Answer(NODATA)}, [("CL905", *NODE2)]),
        ({N2_A: Answer(NODATA), N2_AAAA: ok("2001:db8::12")}, []),
        ({PTR: ok("ctxlic")}, []),
        ({PTR: ok("ctxlic.corp.test", "other.corp.test")}, []),
        ({PTR: ok("ctxlic.other.test")}, [("CL904", *CAP_ADDRESS)]),
        ({PTR: Answer(NXDOMAIN)}, [("CL904", *CAP_ADDRESS)]),
        ({PTR: DOWN}, [("CL905", *CAP_ADDRESS)]),
    ],
)
def test_decisions(
    tmp_path: Path, changes: dict[tuple[str, str], Answer], expected: list[tuple[str, int, int]]
) -> None:
    assert sorted(lint(tmp_path, changes)) == sorted(expected)


def test_a_question_missing_from_the_table_is_never_a_pass(tmp_path: Path) -> None:
    answers = {Question.of(n, t): a for (n, t), a in GOOD.items() if n != "ctxlic-n1.corp.test"}
    report = lint_text(
        inventory_text(), tmp_path, online=True, services={"dns": DnsAnswers(answers, ONLINE)}
    )
    cl9 = [(f.rule_id, f.line, f.column, f.message) for f in report.findings if f.rule_id >= "CL9"]
    assert [x[:3] for x in cl9] == [("CL905", *NODE1)]
    assert "the question was not asked" in cl9[0][3]


def test_without_a_domain_the_bare_name_is_asked_and_a_ptr_may_be_any_fqdn(
    tmp_path: Path,
) -> None:
    lines = inventory_text().splitlines(keepends=True)
    assert lines[3].startswith("  domain: corp.test ")  # cluster.domain (nodes keep theirs)
    text = "".join(lines[:3] + lines[4:])
    cap_name = (CAP_NAME[0] - 1, CAP_NAME[1])  # one line up
    changes = {
        ("ctxlic", "A"): ok("10.10.1.50"),
        ("ctxlic", "AAAA"): Answer(NODATA),
        PTR: ok("ctxlic.somewhere.test"),
    }
    assert lint(tmp_path, changes, text) == []
    assert lint(tmp_path, {**changes, ("ctxlic", "A"): Answer(NXDOMAIN)}, text) == [
        ("CL901", *cap_name)
    ]
