"""The license-file parser on realistic files: what it reads, where, and what it rejects."""

from __future__ import annotations

import datetime as dt

import pytest

from cllint.findings import Span
from cllint.licenses.parser import LicenseFile, parse, parse_expiry

CITRIX = (
    "# This file is in UTF-8 format.\r\n"
    "SERVER this_host HOSTNAME=CTXLIC 27000\r\n"
    "VENDOR CITRIX port=7279\r\n"
    "USE_SERVER\r\n"
    "INCREMENT CVD_ENT_CCU CITRIX 2027.0601 22-Jan-2027 100 \\\r\n"
    "\tVENDOR_STRING=;LT=Retail;GP=720;CL=ENT,ADV;SA=1;ODP=0 \\\r\n"
    "\tHOSTID=HOSTNAME=CTXLIC DUP_GROUP=UHD ISSUED=01-jun-2026 \\\r\n"
    '\tNOTICE="Example Corp" SN=EXAMPLE-0001 START=01-jun-2026 \\\r\n'
    '\tSIGN="0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 4567 89AB CDEF \\\r\n'
    '\t0123 4567 89AB CDEF"\r\n'
    "# Another feature follows.\r\n"
    "INCREMENT CVD_PLT_UD CITRIX 2027.0601 6-feb-2027 25 HOSTID=HOSTNAME=CTXLIC \\\r\n"
    '\tSIGN="FEDC BA98"\r\n'
)


def lic(text: str) -> LicenseFile:
    return parse(text.encode("utf-8"))


def errors(text: str) -> list[tuple[int, int, str]]:
    return [(e.span.line, e.span.column, e.message) for e in lic(text).errors]


# -- a Citrix file ------------------------------------------------------------
def test_citrix_file_lines_and_positions() -> None:
    f = lic(CITRIX)
    assert f.errors == ()
    assert f.use_server
    (server,) = f.servers
    assert (server.host.text, server.hostid.text, server.port) == (
        "this_host",
        "HOSTNAME=CTXLIC",
        27000,
    )
    assert server.port_value is not None and server.port_value.span == Span(2, 34, 2, 39)
    (vendor,) = f.vendors
    assert (vendor.name.text, vendor.port, vendor.daemon_path) == ("CITRIX", 7279, None)
    assert vendor.port_value is not None and vendor.port_value.span == Span(3, 20, 3, 24)
    first, second = f.features
    assert (first.kind, first.name.text, first.vendor.text, first.version.text) == (
        "INCREMENT",
        "CVD_ENT_CCU",
        "CITRIX",
        "2027.0601",
    )
    assert first.expiry == dt.date(2027, 1, 22)
    assert first.expiry_value.span == Span(5, 40, 5, 51)
    assert first.count == 100
    assert first.keywords["VENDOR_STRING"].text == ";LT=Retail;GP=720;CL=ENT,ADV;SA=1;ODP=0"
    assert first.keywords["VENDOR_STRING"].span.line == 6
    assert first.keywords["NOTICE"].text == "Example Corp"
    assert first.keywords["NOTICE"].span == Span(8, 10, 8, 22)
    assert first.keywords["START"].span.line == 8
    assert second.expiry == dt.date(2027, 2, 6)
    assert second.keyword.span == Span(12, 1, 12, 10)


def test_bindings_point_at_the_host_name() -> None:
    found = [(b.name, b.span.line, b.span.column, b.where) for b in lic(CITRIX).bindings()]
    assert found == [
        ("CTXLIC", 2, 27, "the SERVER line"),
        ("CTXLIC", 7, 18, "INCREMENT CVD_ENT_CCU"),
        ("CTXLIC", 12, 69, "INCREMENT CVD_PLT_UD"),
    ]


def test_signatures_are_not_kept() -> None:
    f = lic(CITRIX)
    for feature in f.features:
        assert "SIGN" not in feature.keywords
        assert all("0123" not in v.text and "FEDC" not in v.text for v in feature.keywords.values())
    assert "FEDC" not in repr(f) and "89AB" not in repr(f)


def test_bom_and_lf_and_cr_line_ends_count_lines_alike() -> None:
    lf = lic(CITRIX.replace("\r\n", "\n"))
    cr = lic(CITRIX.replace("\r\n", "\r"))
    bom = parse(b"\xef\xbb\xbf" + CITRIX.encode())
    for f in (lf, cr, bom):
        assert f.errors == ()
        assert [b.span for b in f.bindings()] == [b.span for b in lic(CITRIX).bindings()]


# -- startup and generic files ----------------------------------------------
def test_startup_file_with_upper_case_port_keyword() -> None:
    f = lic("SERVER this_host HOSTNAME=CTXLIC\nVENDOR CITRIX PORT=7279\nUSE_SERVER\n")
    assert f.errors == ()
    (server,) = f.servers
    assert (server.port, server.port_value) == (27000, None)
    assert f.vendors[0].port == 7279
    assert f.vendors[0].port_value is not None
    assert f.vendors[0].port_value.span == Span(2, 20, 2, 24)


def test_vendor_positional_path_options_and_port() -> None:
    f = lic('VENDOR CITRIX "C:\\Program Files\\Citrix\\CITRIX.exe" C:\\opt\\citrix.opt 7279\n')
    (vendor,) = f.vendors
    assert vendor.daemon_path is not None
    assert vendor.daemon_path.text == "C:\\Program Files\\Citrix\\CITRIX.exe"
    assert vendor.options is not None and vendor.options.text == "C:\\opt\\citrix.opt"
    assert vendor.port == 7279
    keyed = lic("DAEMON CITRIX OPTIONS=citrix.opt port=7300\n").vendors[0]
    assert (keyed.daemon_path, keyed.port) == (None, 7300)
    assert keyed.options is not None and keyed.options.text == "citrix.opt"


def test_generic_uncounted_feature_and_three_servers() -> None:
    text = (
        "SERVER lic1 001122334455 27000\n"
        "SERVER lic2 001122334466 27000\n"
        "SERVER lic3 001122334477 27000\n"
        "VENDOR acme\n"
        "FEATURE draw acme 1.0 1-jan-0 uncounted HOSTID=ANY SIGN=ABCD\n"
        'FEATURE paint acme 2.5 permanent 4 HOSTID="HOSTNAME=ws1 HOSTNAME=ws2" SUPERSEDE \\\n'
        "  ck=123 PLATFORMS=x64_n6 SIGN=1234\n"
    )
    f = lic(text)
    assert f.errors == ()
    assert len(f.servers) == 3
    assert [b.name for b in f.bindings()] == ["ws1", "ws2"]
    assert [b.span.column for b in f.bindings()] == [53, 66]
    draw, paint = f.features
    assert (draw.expiry, draw.count) == (None, None)
    assert paint.keywords["SUPERSEDE"].text == "SUPERSEDE"
    assert paint.keywords["CK"].text == "123"
    assert paint.keywords["PLATFORMS"].span.line == 7


def test_package_and_upgrade_lines() -> None:
    text = (
        'PACKAGE suite acme 1.0 COMPONENTS="draw paint" SIGN=AB\n'
        "PACKAGE bundle acme COMPONENTS=draw SIGN=AB\n"
        "UPGRADE draw acme 1.0 2.0 1-jan-2028 5 HOSTID=HOSTNAME=ws1 SIGN=AB\n"
    )
    f = lic(text)
    assert f.errors == ()
    suite, bundle = f.packages
    assert suite.version is not None and suite.version.text == "1.0"
    assert suite.keywords["COMPONENTS"].text == "draw paint"
    assert bundle.version is None
    (upgrade,) = f.features
    assert upgrade.kind == "UPGRADE"
    assert upgrade.from_version is not None and upgrade.from_version.text == "1.0"
    assert upgrade.version.text == "2.0"
    assert upgrade.expiry == dt.date(2028, 1, 1)
    assert list(f.bindings()) == []  # bindings are SERVER, FEATURE and INCREMENT only


# -- what real files pick up ------------------------------------------------
def test_pasted_file_typographic_quotes_lost_space_and_wrapped_signature() -> None:
    text = (
        "SERVER this_host HOSTNAME=CTXLIC 27000\n"
        "INCREMENT CVD CITRIX 2027.0601 permanent 10 HOSTID=HOSTNAME=CTXLIC "
        "ISSUED=01-jun-2026NOTICE=\u201cExample Corp\u201dSN=EX-1 \\\n"
        "  SIGN=0123 4567 89AB\n"
        "  CDEF 0123\n"
        'INCREMENT CVD2 CITRIX 2027.0601 permanent 10 SIGN="0123 4567\n'
        '  89AB CDEF" START=1-jun-2026\n'
    )
    f = lic(text)
    assert f.errors == ()
    first, second = f.features
    assert first.keywords["ISSUED"].text == "01-jun-2026"
    assert first.keywords["NOTICE"].text == "Example Corp"
    assert first.keywords["SN"].text == "EX-1"
    assert first.keywords["SN"].span.line == 2
    assert second.keywords["START"].span == Span(6, 20, 6, 30)
    assert "CDEF" not in repr(f)


def test_keyword_case_and_date_case() -> None:
    assert parse_expiry("6-feb-2027") == dt.date(2027, 2, 6)
    assert parse_expiry("22-JAN-2027") == dt.date(2027, 1, 22)
    assert parse_expiry("Permanent") is None
    for zero in ("1-jan-0", "1-jan-00", "1-jan-000", "1-jan-0000"):
        assert parse_expiry(zero) is None
    for bad in ("31-feb-2027", "1-foo-2027", "2027-01-01", "1-jan-27", "tomorrow"):
        with pytest.raises(ValueError):
            parse_expiry(bad)


# -- damaged files: exact lines ---------------------------------------------
def test_unknown_line_start_is_reported_with_its_line() -> None:
    text = "# comment\nSERVER this_host HOSTNAME=CTXLIC\n\n  FEATUR x CITRIX 1.0 permanent 1\n"
    assert errors(text) == [
        (
            4,
            3,
            "a line starts with unknown word 'FEATUR'; license file lines start with FEATURE, "
            "INCREMENT, PACKAGE, SERVER, UPGRADE, USE_SERVER, VENDOR",
        )
    ]


def test_a_stray_signature_line_is_reported_without_quoting_it() -> None:
    text = 'INCREMENT a CITRIX 1.0 permanent 1 SIGN="0123"\n0123 4567 89AB\n'
    ((line, column, message),) = errors(text)
    assert (line, column) == (2, 1)
    assert "0123" not in message and "hexadecimal" in message


def test_too_few_fields_bad_values_and_unterminated_quote() -> None:
    text = (
        "SERVER this_host HOSTNAME=CTXLIC 2700O\n"
        "VENDOR CITRIX port=99999\n"
        "INCREMENT CVD CITRIX 2027.0601\n"
        "INCREMENT CVD CITRIX 2027.06a1 permanent 1\n"
        "INCREMENT CVD CITRIX 1.0 31-feb-2027 1\n"
        "INCREMENT CVD CITRIX 1.0 permanent many\n"
        "FEATURE CVD CITRIX 1.0 permanent uncounted SIGN=AB\n"
        "FEATURE CVD CITRIX 1.0 permanent HOSTID=ANY\n"
        'FEATURE CVD CITRIX 1.0 permanent 1 NOTICE="open\n'
        "USE_SERVER\n"
    )
    found = [(line, column) for line, column, _ in errors(text)]
    assert found == [(1, 34), (2, 20), (3, 1), (4, 22), (5, 26), (6, 36), (7, 34), (8, 34), (9, 36)]
    messages = [m for _, _, m in errors(text)]
    assert "port '2700O' is not a port number" in messages[0]
    assert "port '99999'" in messages[1]
    assert messages[2].startswith(
        "INCREMENT line needs name, vendor, version, expiry date and count"
    )
    assert "found 3 fields" in messages[2]
    assert "version '2027.06a1'" in messages[3]
    assert "expiry date '31-feb-2027'" in messages[4]
    assert "count 'many'" in messages[5]
    assert "uncounted but has no HOSTID=" in messages[6]
    assert "found keyword 'HOSTID='" in messages[7]
    assert "no closing quote" in messages[8]


def test_two_server_lines_are_an_error_at_the_second() -> None:
    text = "SERVER a ANY 27000\nVENDOR CITRIX\nSERVER b ANY 27000\n"
    assert [(line, column) for line, column, _ in errors(text)] == [(3, 1)]


def test_vendor_port_without_a_daemon_path_must_be_a_keyword() -> None:
    ((line, column, message),) = errors("VENDOR CITRIX 7279\n")
    assert (line, column) == (1, 15)
    assert "PORT=7279" in message


def test_not_utf8_utf16_and_binary() -> None:
    ((e,),) = [
        parse(b"SERVER a ANY\nFEATURE x CITRIX 1.0 permanent 1 NOTICE=Soci\xe9t\xe9\n").errors
    ]
    assert (e.span.line, e.span.column) == (2, 45)
    assert "not valid UTF-8" in e.message
    # columns count characters, not bytes
    data = "SERVER a ANY\nFEATURE x CITRIX 1.0 permanent 1 NOTICE=é".encode() + b"\xe9\n"
    ((e,),) = [parse(data).errors]
    assert (e.span.line, e.span.column) == (2, 42)
    assert "UTF-16" in parse("SERVER a ANY\n".encode("utf-16")).errors[0].message
    assert "binary" in parse(b"\x7fELF\x00\x00\x01").errors[0].message


def test_errors_are_capped() -> None:
    text = "".join(f"BOGUS{i}\n" for i in range(50))
    found = lic(text).errors
    assert len(found) == 10
    assert found[-1].span.line == 10
    assert found[-1].message.endswith("(the rest of the file was not read)")


def test_huge_continued_line_is_linear() -> None:
    import time

    text = "INCREMENT a CITRIX 1.0 permanent 1 \\\n" + "  X=1 \\\n" * 100_000 + "  SIGN=AB\n"
    start = time.perf_counter()
    f = lic(text)
    assert time.perf_counter() - start < 10
    assert f.errors == ()


def test_lone_backslashes_are_nothing() -> None:
    assert parse(b"USE_SERVER\n\\\n").errors == ()
    assert parse(b"USE_SERVER\n \\\n\\\n\\").errors == ()


def test_a_file_without_license_lines_is_unusable() -> None:
    for data in (b"", b"# only a comment\r\n\r\n", b"\\\n"):
        ((e,),) = [parse(data).errors]
        assert (e.span.line, e.span.column) == (1, 1)
        assert "holds no license lines" in e.message


PIECES = (
    "SERVER ", "VENDOR ", "FEATURE ", "INCREMENT ", "PACKAGE ", "UPGRADE ", "USE_SERVER",
    "\\", "\n", "\r\n", "\r", '"', "\u201c", "\u201d", "=", " ", "\t", "#", "HOSTID=",
    "HOSTNAME=", "SIGN=", "0123 ", "permanent ", "1-jan-2027 ", "CITRIX ", "1.0 ",
    "uncounted ", "PORT=", "27000 ", "99999 ", "ab", "\ufeff", "C:\\x ",
)  # fmt: skip


def test_any_mix_of_pieces_parses_without_raising() -> None:
    import random

    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
        f = parse(text.encode("utf-8"))
        assert len(f.errors) <= 10
        for error in f.errors:
            assert error.span.line >= 1 and error.span.column >= 1


def test_hostile_shapes_stay_fast() -> None:
    import time

    shapes = (
        b"INCREMENT a CITRIX 1.0 permanent 1 SN=" + b"aSIGN=" * 150_000,
        b"INCREMENT a CITRIX 1.0 permanent 1 SN=" + b'aNOTICE="x"' * 80_000,
        b"BOGUS\n" * 150_000,
        b"INCREMENT a CITRIX 1.0 permanent 1 SIGN=00\n" + b"0123 4567 89ab\n" * 60_000,
    )
    for data in shapes:
        start = time.perf_counter()
        parse(data)
        assert time.perf_counter() - start < 15  # linear: about a second on a slow machine


def test_huge_and_non_ascii_numbers_are_errors_not_crashes() -> None:
    long = "9" * 5000  # beyond int()'s digit limit
    for text in (
        f"SERVER a ANY {long}\n",
        f"FEATURE a b 1.0 permanent {long} HOSTID=ANY\n",
        "FEATURE a b 1.0 permanent \u00b2 HOSTID=ANY\n",
        "VENDOR CITRIX port=\u00b2\n",
        "FEATURE a b 1.0 1-jan-\uff12\uff10\uff12\uff17 1\n",
    ):
        (error,) = lic(text).errors
        assert error.span.line == 1
        assert long not in error.message
