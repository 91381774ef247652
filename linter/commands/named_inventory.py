"""The one inventory a command names (``runbook``, ``diagram``): read, checked, one
document chosen, the result written.

Both commands take one FILE, check it with the options ``check`` has, pick one
inventory document (``--document N`` when the file holds several) and write
text to standard output or ``-o FILE``; they share these steps so the
messages, the refusal to overwrite the inventory and the safe read stay one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cllint.files.paths import STDIN, display_path
from cllint.findings import Finding
from cllint.inventory.loader import Document, is_inventory
from cllint.settings.options import CheckOptions, Settings, UsageError, build_settings


def read_named(file: str, settings: Settings) -> tuple[bytes, Path]:
    """The bytes of the named inventory, at most one over the size limit so CL001
    can say so, and the path to resolve its license files from. Opened like every
    input: non-blocking, a regular file only (a pipe named ``*.yaml`` cannot hang
    the command)."""
    limit = settings.limits.max_bytes + 1
    if file == STDIN:
        return sys.stdin.buffer.read(limit), Path.cwd() / "stdin.yaml"
    from cllint.files.fileio import read_regular, reason

    path = Path(file)
    try:
        return read_regular(path, limit), path
    except OSError as exc:
        raise UsageError(f"cannot read {file}: {reason(exc)}") from None
    except ValueError:  # a NUL byte in the name
        raise UsageError(f"cannot read {file}: a name the system refuses") from None


def open_named(
    check: CheckOptions, file: str, output: Path | None, what: str
) -> tuple[Settings, bytes, Path, str]:
    """Settings (configuration and options), the file's bytes, its path and its
    shown name; refuses an ``output`` that is the inventory itself (``what`` names
    the product: "runbook", "diagram")."""
    from cllint.settings import config as config_mod
    from cllint.settings.config import ConfigError

    try:
        config = config_mod.load(check.config)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    settings, _fail_on = build_settings(check, config)
    data, path = read_named(file, settings)
    shown = display_path(file, settings.base)
    if output is not None and file != STDIN and _same_file(output, path):
        raise UsageError(f"refusing to write the {what} over the inventory {file}")
    return settings, data, path, shown


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def inventory_documents(
    documents: list[Document], chosen: int | None, shown: str
) -> list[Document]:
    """The file's inventory documents, checked against ``--document``: several need
    one chosen, and a chosen one must exist."""
    found = [d for d in documents if is_inventory(d.data)]
    if len(found) > 1 and chosen is None:
        raise UsageError(
            f"{shown} holds {len(found)} inventory documents; "
            f"choose one with --document N (1-{len(found)})"
        )
    if found and chosen is not None and chosen > len(found):
        raise UsageError(
            f"--document {chosen}: {shown} holds {len(found)} inventory "
            f"document{'s' if len(found) != 1 else ''}"
        )
    return found


def document_findings(findings: list[Finding], doc: Document | None) -> list[Finding]:
    """The unsuppressed findings of one document, plus those of the file as a whole
    (YAML syntax, duplicate keys), which carry no pointer; license-file findings
    belong to the document that lists them."""
    return [
        f
        for f in findings
        if f.suppression is None
        and (doc is None or f.document == doc.index or (f.pointer is None and f.file is None))
    ]


def write_output(output: Path | None, text: str) -> None:
    """``text`` to ``output`` (atomically, with the umask's mode) or to stdout."""
    if output is None:
        sys.stdout.write(text)
        return
    from cllint.files.fileio import write_atomic

    try:
        write_atomic(output, text)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
