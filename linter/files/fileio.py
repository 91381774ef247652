"""Reading and writing files safely: bounded reads, only the outputs asked for.

Reading: every input (an inventory, the configuration, a baseline) is opened
non-blocking and the *opened* descriptor is checked to be a regular file, so
a named pipe or a device – there from the start or swapped in after a
``stat()`` – can neither hang the run nor feed it without end; at most a
given number of bytes is read.

Writing: a report, a baseline or a starter inventory is written to a
temporary file in the same folder and renamed over the target, so a crash or
a full disk never leaves a half-written file where a good one was. The new
file gets the mode a plain ``open(path, "w")`` would give it (``0666`` less
the umask), or keeps the mode of the file it replaces. Only a regular file
is ever replaced: a target that is a character device or a named pipe
(``/dev/null``, ``/dev/stdout``) is written through, as users expect, and
anything else (a symbolic link to a file, a folder, a socket, a block
device) is refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from pathlib import Path


class NotRegular(OSError):
    """The path is not a regular file (a pipe, a device, a folder, a socket)."""


_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


def kind(mode: int) -> str:
    """What a non-regular file is, for a message: ``a named pipe``, ``a folder``…"""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular(path: str | Path, limit: int) -> bytes:
    """At most ``limit`` bytes of the regular file at ``path``.

    Raises :class:`NotRegular` for anything but a regular file, and
    ``OSError`` when it cannot be opened (missing, permission denied, a
    dangling link or a loop of links); never blocks on a pipe.
    """
    before = os.stat(path)
    if not stat.S_ISREG(before.st_mode):  # never even opened: opening a device can act
        raise NotRegular(errno.EINVAL, f"{kind(before.st_mode)}, not a regular file")
    fd = os.open(path, _READ_FLAGS)
    try:
        st = os.fstat(fd)  # what was opened, not what was there a moment ago
        if not stat.S_ISREG(st.st_mode):
            raise NotRegular(errno.EINVAL, f"{kind(st.st_mode)}, not a regular file")
        if _READ_FLAGS & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)  # a regular file: reads never block anyway
        chunks: list[bytes] = []
        left = limit
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_confined(path: Path, limit: int, what: str) -> bytes:
    """:func:`read_regular`, refusing a symbolic link that leads out of the
    repository the path lies in (a committed ``.cllint.yaml -> /etc/shadow``)
    and a file over ``limit`` bytes. Raises ``OSError`` with a short reason."""
    from cllint.files.paths import find_root

    absolute = Path(os.path.abspath(path))
    # the root of the folder the name is in (find_root resolves its argument, so
    # a name inside that folder is given, never the link itself)
    fence = os.path.realpath(find_root(absolute.parent / ".cllint-probe"))
    real = os.path.realpath(absolute)
    if os.path.commonpath([real, fence]) != fence:
        raise OSError(errno.EACCES, "a symbolic link to outside the repository; not read")
    data = read_regular(path, limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than a {what} can be ({limit} bytes); not read")
    return data


def reason(exc: OSError) -> str:
    """An ``OSError`` as a short phrase: ``permission denied``, ``a named pipe, not…``."""
    if isinstance(exc, NotRegular):
        return str(exc.strerror)
    if exc.errno == errno.ELOOP:
        return "a loop of symbolic links"
    if exc.errno == errno.ENOENT:
        return "no such file (or a dangling symbolic link)"
    return (exc.strerror or str(exc)).lower()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str, *, overwrite: bool = True) -> None:
    """Write ``text`` (UTF-8) to ``path`` via a temporary file and a rename.

    See the module docstring for what an existing target may be.
    """
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise OSError(errno.EEXIST, "a dangling symbolic link; not replaced") from None
        st = None
    if st is not None and (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        _write_through(path, text)
        return
    if st is not None and (os.path.islink(path) or not stat.S_ISREG(st.st_mode)):
        what = "a symbolic link" if os.path.islink(path) else kind(st.st_mode)
        raise OSError(errno.EEXIST, f"{what}; only a regular file is replaced")
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    folder = path.parent if str(path.parent) else Path(".")
    import tempfile  # only a written report needs it (and its imports)

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails if path exists: never overwrite by accident
            os.unlink(tmp)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write_through(path: Path, text: str) -> None:
    """Write into a character device or a pipe (``/dev/null``, ``/dev/stdout``).

    Opened non-blocking, so a pipe nobody reads is an error (ENXIO), not a hang.
    """
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
            raise OSError(errno.EEXIST, "changed while it was being written; not written")
        os.set_blocking(fd, True)
        data = text.encode("utf-8", "backslashreplace")
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


_STDIN: list[bytes] = []


def read_stdin(limit: int) -> bytes:
    """Standard input, read once: a ``--resolve`` run reads each input twice."""
    if not _STDIN:
        _STDIN.append(sys.stdin.buffer.read(limit))
    return _STDIN[0]
