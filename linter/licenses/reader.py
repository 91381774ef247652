"""Find, open and parse the license files an inventory lists – safely, once per folder.

An inventory names license files in ``licensing.license_files``, relative to
its own folder. Because inventories may come from anyone (a pull request, a
pipeline artifact), a listed path is a request, not a permission:

- a path that is absolute, climbs above the root with ``..`` or resolves
  through a symbolic link to outside the root is never opened (CL705);
- folders, named pipes, sockets and devices are never read (CL701), and the
  file is opened non-blocking, so a FIFO swapped in after the check cannot
  hang the run;
- at most :data:`MAX_BYTES` are read.

The root is ``ctx.root``: the nearest folder upwards holding ``.git`` or a
cllint configuration, else the inventory's own folder.

:class:`LicenseFiles` is a per-run cache the engine puts into
``ctx.services["license_files"]``: several rules ask for the same files and
each file is read and parsed once per folder of inventories.
"""

from __future__ import annotations

import datetime as _dt
import functools
import os
import stat
from collections.abc import Iterator
from pathlib import Path, PureWindowsPath

from cllint.findings import Finding, Span, q
from cllint.records import record

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from cllint.licenses.parser import FeatureLine, LicenseFile
    from cllint.model import Inventory
    from cllint.rule import Context

SERVICE = "license_files"
MAX_BYTES = 1 << 20
"""A license file is a few kilobytes; a megabyte is certainly something else."""


@record(frozen=True, slots=True)
class Problem:
    """Why a listed file was not read: CL701 (missing/unreadable) or CL705 (escapes)."""

    rule_id: str
    message: str


@record(frozen=True, slots=True)
class Listed:
    """One entry of ``licensing.license_files`` and what became of it."""

    index: int
    pointer: str
    """JSON pointer of the list entry, e.g. ``/licensing/license_files/0``."""
    written: str
    shown: str
    """Display path of the file (relative POSIX path), for findings inside it."""
    problem: Problem | None
    license: LicenseFile | None
    repeated: bool = False
    """The same file is listed earlier: its content is reported there only."""

    @property
    def content(self) -> LicenseFile | None:
        """The parsed file (possibly with CL702 errors), unless listed earlier too."""
        return None if self.repeated or self.problem is not None else self.license

    @property
    def usable(self) -> LicenseFile | None:
        """The parsed file when it was read and parsed without problems, else None.

        One cause, one finding: a file that is missing, escapes the root or
        cannot be parsed is reported once, and the checks of its content stay
        silent; a file listed twice is checked at its first entry.
        """
        content = self.content
        return content if content is not None and content.usable else None


@record(frozen=True, slots=True)
class _Opened:
    shown: str
    problem: Problem | None
    license: LicenseFile | None


#: Most parsed license files kept at once (within one folder of inventories).
MAX_CACHED = 64


class LicenseFiles:
    """Reads and parses each license file once per folder of inventories.

    The inventories beside each other (one site's folder) share license files;
    inventories elsewhere rarely do. So the cache holds the files of the folder
    being linted (at most :data:`MAX_CACHED`) and starts afresh at the next
    folder: memory stays flat however many inventories a run has.
    """

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._by_entry: dict[tuple[Path, Path, Path, str], _Opened] = {}
        self._by_file: dict[tuple[int, int, int, int], LicenseFile] = {}
        self._folder: Path | None = None
        self._real_dirs: dict[str, str] = {}
        self._last: tuple[Inventory, Context, list[Listed]] | None = None

    def listed(self, inventory: Inventory, ctx: Context) -> list[Listed]:
        """Every entry of ``licensing.license_files``, opened (from cache when seen)."""
        lic = inventory.licensing
        if lic is None or not lic.has("license_files") or not lic.license_files:
            return []
        # Every license rule asks for the same inventory's list, one after another.
        last = self._last
        if last is not None and last[0] is inventory and last[1] is ctx:
            return list(last[2])
        result = self._listed(lic.license_files, lic.ptr("license_files"), ctx)
        self._last = (inventory, ctx, result)
        return list(result)

    def end_document(self) -> None:
        """The lint of a document is over: let go of its listing (and so of the document).

        Kept until the next inventory's first request, the last listing held
        that document's whole parse alive while the next one was built: its
        memory was freed only then, cold, amid the next file's work. Letting go
        here measured about 10% less CPU over a folder of inventories.
        """
        self._last = None

    def _listed(self, files: tuple[str, ...], pointer: str, ctx: Context) -> list[Listed]:
        result = []
        seen: set[int] = set()
        for index, written in enumerate(files):
            opened = self.open(written, ctx)
            parsed = opened.license
            repeated = parsed is not None and id(parsed) in seen
            if parsed is not None:
                seen.add(id(parsed))
            result.append(
                Listed(
                    index=index,
                    pointer=f"{pointer}/{index}",
                    written=written,
                    shown=opened.shown,
                    problem=opened.problem,
                    license=opened.license,
                    repeated=repeated,
                )
            )
        return result

    def open(self, written: str, ctx: Context) -> _Opened:
        from cllint.files.paths import resolved_folder

        folder = resolved_folder(ctx.path)
        if folder != self._folder or len(self._by_file) >= MAX_CACHED:
            self._by_entry.clear()
            self._by_file.clear()
            self._real_dirs.clear()
            self._folder = folder
        key = (folder, ctx.root, ctx.base, written)
        cached = self._by_entry.get(key)
        if cached is None:
            cached = self._open(written, folder, ctx.root, ctx.base)
            self._by_entry[key] = cached
        return cached

    # -- internals ----------------------------------------------------------
    def _open(self, written: str, folder: Path, root: Path, base: Path) -> _Opened:
        from cllint.files.paths import display_path

        path, real, problem = _locate(written, folder, root, self._real_dirs)
        shown = display_path(path, base) if path is not None else written
        if problem is not None or path is None or real is None:
            return _Opened(shown, problem, None)
        data, problem, identity = self._read(real, written)
        if data is None or identity is None:
            return _Opened(shown, problem, None)
        parsed = self._by_file.get(identity)
        if parsed is None:
            from cllint.licenses.parser import parse

            parsed = parse(data)
            self._by_file[identity] = parsed
        return _Opened(shown, None, parsed)

    def _read(
        self, real: str, written: str
    ) -> tuple[bytes | None, Problem | None, tuple[int, int, int, int] | None]:
        """Read the file at ``real`` (the entry's path with symbolic links resolved)."""

        def cannot(reason: str) -> tuple[None, Problem, None]:
            return None, Problem("CL701", f"license file {q(written)} {reason}"), None

        try:
            st = os.stat(real)
        except FileNotFoundError:
            return cannot("does not exist – fix the path or remove the entry")
        except OSError as exc:
            return cannot(f"cannot be read: {exc.strerror or exc}")
        except ValueError:  # a name the file system cannot encode
            return cannot("cannot be read: the file system cannot encode its name")
        if not stat.S_ISREG(st.st_mode):
            return cannot(f"is {_kind(st.st_mode)}not a regular file; it was not read")
        if st.st_size > self.max_bytes:
            return cannot(
                f"is {st.st_size} bytes, larger than a license file can be "
                f"({self.max_bytes // 1024} KiB at most); it was not read"
            )
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        flags |= getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(real, flags)
        except OSError as exc:
            return cannot(f"cannot be read: {exc.strerror or exc}")
        try:
            now = os.fstat(fd)
            # the same regular file that was checked, not something swapped in since
            if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
                return cannot("changed while it was being read; it was not read")
            chunks = []
            remaining = self.max_bytes + 1
            while remaining > 0:
                chunk = os.read(fd, min(remaining, 1 << 16))
                if not chunk:
                    break
                chunks.append(chunk)
                remaining -= len(chunk)
        except OSError as exc:
            return cannot(f"cannot be read: {exc.strerror or exc}")
        finally:
            os.close(fd)
        data = b"".join(chunks)
        if len(data) > self.max_bytes:
            return cannot(
                f"is larger than a license file can be ({self.max_bytes // 1024} KiB at most); "
                "it was not read"
            )
        identity = (now.st_dev, now.st_ino, now.st_mtime_ns, now.st_size)
        return data, None, identity


def locate(written: str, folder: Path, root: Path) -> tuple[Path | None, Problem | None]:
    """The path a list entry names, or the CL701/CL705 problem that stops opening it.

    Backslashes count as separators: inventories describe Windows servers and
    are often written there. Nothing is opened here; only ``realpath`` looks at
    the file system, to see where symbolic links lead.
    """
    path, _real, problem = _locate(written, folder, root)
    return path, problem


@functools.lru_cache(maxsize=64)
def _real_root(root: Path) -> Path:
    """The root with symbolic links resolved (a run has one or a few roots)."""
    return Path(os.path.realpath(root))


def _locate(
    written: str, folder: Path, root: Path, real_dirs: dict[str, str] | None = None
) -> tuple[Path | None, str | None, Problem | None]:
    """:func:`locate`, plus the resolved path (so reading it needs no second ``realpath``).

    ``real_dirs`` caches the resolved folders of entries (the inventories of
    one folder keep their license files in one or two folders).
    """
    if not written.strip():
        return (
            None,
            None,
            Problem("CL701", "a license file entry is empty – give a path or remove it"),
        )
    if "\x00" in written:
        return None, None, Problem("CL701", "a license file path holds a NUL character")
    text = written.replace("\\", "/")
    if (
        os.path.isabs(text)
        or text.startswith("/")
        # a drive (``C:``) or a root needs a colon second or a separator first
        or (
            written[1:2] == ":"
            and (PureWindowsPath(written).drive or PureWindowsPath(written).root)
        )
    ):
        return (
            None,
            None,
            Problem(
                "CL705",
                f"license file path {q(written)} is absolute; give it relative to the inventory's "
                "folder (inside the repository) – the file was not read",
            ),
        )
    lexical = os.path.normpath(os.path.join(folder, text))
    if not _inside(lexical, root):
        return (
            None,
            None,
            Problem(
                "CL705",
                f"license file path {q(written)} leaves the root folder "
                f"{q(root.name or str(root))} with '..'; keep license files inside it – "
                "the file was not read",
            ),
        )
    real = _realpath(lexical, real_dirs)
    if not _inside(real, _real_root(root)):
        return (
            None,
            None,
            Problem(
                "CL705",
                f"license file path {q(written)} leads through a symbolic link to outside the root "
                f"folder {q(root.name or str(root))}; copy the file in instead – it was not read",
            ),
        )
    return Path(lexical), real, None


def _realpath(lexical: str, real_dirs: dict[str, str] | None) -> str:
    """``os.path.realpath(lexical)``, with the folder's part resolved once per folder.

    ``realpath`` looks at every component of the path; entries of one folder
    share all but the last, so only an entry that is itself a symbolic link
    is resolved on its own.
    """
    parent, name = os.path.split(lexical)
    if real_dirs is None or not name or name in (".", "..") or os.path.islink(lexical):
        return os.path.realpath(lexical)
    real_parent = real_dirs.get(parent)
    if real_parent is None:
        real_parent = real_dirs[parent] = os.path.realpath(parent)
    return os.path.join(real_parent, name)


def _inside(path: Path | str, root: Path | str) -> bool:
    p, r = os.fspath(path), os.fspath(root)
    # The common case without commonpath's splitting: a normalized path under the root.
    if (p == r or p.startswith(r if r.endswith(os.sep) else r + os.sep)) and (
        os.path.normpath(p) == p and os.path.normpath(r) == r
    ):
        return True
    try:
        return os.path.commonpath([p, r]) == r
    except ValueError:  # different drives
        return False


def _kind(mode: int) -> str:
    """What a non-regular file is, as the start of a message (empty when unknown)."""
    for test, kind in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
    ):
        if test(mode):
            return f"{kind}, "
    return ""


def service(ctx: Context) -> LicenseFiles:
    """The run's license-file cache (a fresh one when a caller built ``ctx`` by hand)."""
    found = ctx.services.get(SERVICE)
    return found if isinstance(found, LicenseFiles) else LicenseFiles()


def finding_in(rule_id: str, listed: Listed, span: Span, message: str) -> Finding:
    """A finding inside a license file (the engine leaves its span as it is)."""
    return Finding(rule_id, message, file=listed.shown, span=span)


EXPIRING_KINDS = ("FEATURE", "INCREMENT")


def dated_lines(
    inventory: Inventory, ctx: Context
) -> Iterator[tuple[Listed, FeatureLine, _dt.date]]:
    """Every FEATURE/INCREMENT line with an expiry date (not permanent) in the
    inventory's usable license files: what CL703 and CL704 judge."""
    for listed in service(ctx).listed(inventory, ctx):
        parsed = listed.usable
        if parsed is None:
            continue
        for feature in parsed.features:
            if feature.kind in EXPIRING_KINDS and feature.expiry is not None:
                yield listed, feature, feature.expiry
