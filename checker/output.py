"""Writing the files a user asked for, atomically: a temporary file in the same folder, then a rename.

A run that fails half-way (a full disk, an interrupt) leaves the previous file, or none, never half a
file. The folder must exist (a mistyped folder is an error, not a new folder). Errors are :class:`OSError`
as raised by the system; callers turn them into messages naming the file.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO


def write_atomically(path: str | Path, write: Callable[[IO[bytes]], object]) -> None:
    """Create ``path`` by calling ``write(stream)`` on a temporary file, then renaming it into place."""
    out = Path(path)
    folder = out.parent if str(out.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text(path: str | Path, text: str | Iterable[str], encoding: str = "utf-8") -> None:
    """Write ``text``, or its pieces in order, to ``path`` atomically (``encoding`` may be ``utf-8-sig`` for
    a BOM): pieces are encoded and written one at a time."""
    encoder = codecs.getincrementalencoder(encoding)()

    def write(stream: IO[bytes]) -> None:
        for piece in [text] if isinstance(text, str) else text:
            stream.write(encoder.encode(piece))
        stream.write(encoder.encode("", final=True))

    write_atomically(path, write)
