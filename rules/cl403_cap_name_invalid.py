"""CL403 cap-name-invalid."""

from __future__ import annotations

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule

ALLOWED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")


class CapNameInvalid(Rule):
    """The client access point (CAP) name must be a valid NetBIOS/DNS host name.

    What:
        Fires when ``licensing.client_access_point.name`` holds a character
        other than an ASCII letter, a digit or a hyphen (spaces, dots,
        underscores, accented letters, ...), starts or ends with ``-``, or is
        all digits. The message names the offending character. Length is
        CL402's. A name written as an FQDN (``ctxlic.corp.example.com``: a first
        label, then a valid DNS domain) is one finding here, which names the
        first label as the CAP name and whatever else is wrong with that label
        (its length, its characters); CL402 then stays silent for it (one
        cause, one finding).

    Why:
        "When you generate a license file at citrix.com, use the name of the
        client access point when prompted for the Host ID." The CAP name is a
        computer name in Active Directory and a host name in DNS and in the
        license files: only letters, digits and hyphens are valid in all of them.

    How to fix:
        Choose a CAP name of letters, digits and hyphens that starts and ends
        with a letter or digit and is not only digits; recreate the client
        access point and rehost the license files to it.

    Failing example:
        licensing:
          client_access_point: {name: ctx_lic}

    Passing example:
        licensing:
          client_access_point: {name: CTX-LIC}
    """

    id = "CL403"
    name = "cap-name-invalid"
    severity = Severity.ERROR
    summary = (
        "the CAP name holds characters not allowed in a NetBIOS/DNS host name, starts or "
        "ends with '-', or is all digits; a CAP written as an FQDN is one finding naming its "
        "first label"
    )
    tags = ("naming",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        cap = lic.client_access_point if lic else None
        if cap is None or not cap.has("name") or cap.name is None:
            return
        label = fqdn_first_label(cap.name)
        if label is not None:
            extra = _label_problems(label)
            if len(label) >= 15:
                extra.insert(0, f"has {len(label)} characters: NetBIOS allows fewer than 15")
            also = f" (and {q(label)} {'; it '.join(extra)})" if extra else ""
            yield self.at(
                cap.ptr("name"),
                f"client access point name {q(cap.name)} is written as an FQDN; the CAP name "
                f"is its first label {q(label)}{also} – write the host name alone (a CAP "
                "name holds no domain) and bind the license files to it",
            )
            return
        problems = problems_of(cap.name)
        if problems:
            yield self.at(
                cap.ptr("name"),
                f"client access point name {q(cap.name)} {'; it '.join(problems)} – a host "
                "name holds only letters, digits and hyphens, does not start or end with a "
                "hyphen and is not all digits; rename the CAP and rehost the license files",
            )


def fqdn_first_label(name: str) -> str | None:
    """The first label of a CAP name written as an FQDN (``ctxlic.corp.example.com``).

    None unless ``name`` is two or more dot-separated labels whose domain part
    (every label after the first) is a valid DNS name (a trailing dot
    allowed): then the CAP name is meant to be the first label, and whatever
    else is wrong is that label's (reported in the same finding).
    """
    labels = name[:-1].split(".") if name.endswith(".") else name.split(".")
    if len(labels) < 2 or not labels[0] or any(not x or _label_problems(x) for x in labels[1:]):
        return None
    return labels[0]


def _label_problems(label: str) -> list[str]:
    problems = []
    bad = next((c for c in label if c not in ALLOWED), None)
    if bad is not None:
        problems.append(f"holds {describe(bad)}, which is not allowed")
    ends = [
        w for w, hit in (("starts", label.startswith("-")), ("ends", label.endswith("-"))) if hit
    ]
    if ends:
        problems.append(f"{' and '.join(ends)} with '-'")
    if label.isascii() and label.isdigit():
        problems.append("is all digits")
    return problems


def problems_of(name: str) -> list[str]:
    """What is wrong with ``name`` as a host name, as message fragments."""
    return _label_problems(name)


def describe(char: str) -> str:
    """A character for a message: quoted, with a name for the invisible ones."""
    names = {" ": "a space", "\t": "a tab", "\u00a0": "a no-break space"}
    if char in names:
        return names[char]
    return f"{q(char)} (U+{ord(char):04X})"
