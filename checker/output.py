"""Writing the files a user asked for (``-o``, ``--summary``, ``--annotate``, ``--write-baseline``,
``rules derive -o``) the way a shell redirection (``>``) would, and atomically where that is possible.

* A new path, or an existing regular file, is written to a temporary file in the same folder which is
  then renamed into place: a run that fails half-way (a full disk, an interrupt) leaves the previous file,
  or none, never half a file. The new file gets the permissions ``open(path, "w")`` would give it: a new
  path ``0666`` less the umask (the kernel applies it, and a folder's default ACL), an existing file keeps
  its permission bits (and, where the system allows it, its owner and group).
* Anything else at the path — a symbolic link, a FIFO, a character or block device (``/dev/null``,
  ``/dev/stdout``), a socket — is opened and written through, as ``>`` does: the link stays a link and
  the file behind it is truncated and written (or created, for a dangling link), a FIFO is written to
  its reader, a device is never replaced by a regular file. Such a write is not atomic.
* An existing regular file in a folder where no temporary file can be made (a writable file in a folder
  that is not) is written in place, as ``>`` would.

The folder must exist (a mistyped folder is an error, not a new folder). Errors are :class:`OSError` as
raised by the system; callers turn them into messages naming the file.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import secrets
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

_ATTEMPTS = 100  # temporary names tried before giving up (a name is taken only by a racing writer)


def write_output(path: str | Path, write: Callable[[IO[bytes]], object]) -> None:
    """Write ``path`` by calling ``write(stream)``: through a temporary file renamed into place for a new
    path or a regular file, straight into anything else (a link, a FIFO, a device), as ``>`` would."""
    out = Path(path)
    try:
        found: os.stat_result | None = os.lstat(out)
    except FileNotFoundError:
        found = None
    if found is not None and not stat.S_ISREG(found.st_mode):
        _write_through(out, write)  # a symbolic link, FIFO, device or socket: never replaced
        return
    folder = out.parent if str(out.parent) else Path(".")
    try:
        temporary, handle = _create_temporary(folder, out.name)
    except PermissionError:
        if found is None:
            raise
        _write_through(out, write)  # the file may be writable where its folder is not
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        if found is not None:
            _keep_attributes(temporary, found)
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _create_temporary(folder: Path, name: str) -> tuple[Path, int]:
    """A new file ``.NAME.XXXXXXXX.tmp`` in ``folder`` and its descriptor. Created with mode ``0666`` so that
    the kernel applies the umask (and a default ACL) as it does for ``open(path, "w")``; ``mkstemp`` would
    make it ``0600`` whatever the umask."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(_ATTEMPTS):
        temporary = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return temporary, os.open(temporary, flags, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name for {name} in {folder}")


def _keep_attributes(temporary: Path, previous: os.stat_result) -> None:
    """Give the file about to replace an existing one that file's permission bits, and its owner and group
    where this process may (a privileged run writing over a user's file leaves it the user's)."""
    # Without set-user/group-ID: the kernel drops them too when an unprivileged process writes the file.
    os.chmod(temporary, stat.S_IMODE(previous.st_mode) & ~(stat.S_ISUID | stat.S_ISGID))
    if hasattr(os, "chown") and (previous.st_uid, previous.st_gid) != _owner(temporary):
        # Not allowed: the file stays this process's, as a new file written with ">" would be.
        with contextlib.suppress(OSError):
            os.chown(temporary, previous.st_uid, previous.st_gid)


def _owner(path: Path) -> tuple[int, int]:
    found = os.stat(path)
    return found.st_uid, found.st_gid


def _write_through(out: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Open ``out`` for writing (following a link, truncating a regular file, creating it with the umask
    applied) and write into it, as the shell does for ``> out``."""
    with open(out, "wb") as stream:
        write(stream)


def write_text(path: str | Path, text: str | Iterable[str], encoding: str = "utf-8") -> None:
    """Write ``text``, or its pieces in order, to ``path`` as :func:`write_output` does (``encoding`` may be
    ``utf-8-sig`` for a BOM): pieces are encoded and written one at a time."""
    encoder = codecs.getincrementalencoder(encoding)()

    def write(stream: IO[bytes]) -> None:
        for piece in [text] if isinstance(text, str) else text:
            stream.write(encoder.encode(piece))
        stream.write(encoder.encode("", final=True))

    write_output(path, write)
