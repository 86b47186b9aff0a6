"""Readers: turn a file into a :class:`checker.model.document.Document`.

The contract every reader keeps, whatever the format:

* it returns the same :class:`Document` — a list of :class:`Block` in reading order, each with
  ``index`` (its position), ``kind`` (``paragraph`` or ``table_cell``) and where it came from
  (``line``/``end_line`` for text files, ``paragraph`` or ``table``/``row``/``cell`` for Word);
* block text is passed through :func:`checker.text.normalize.clean` (NFC, invisible characters
  removed) and stripped; empty blocks are never returned;
* whatever the reader had to guess or repair (an encoding, joined lines) is said in ``notes``;
* any problem with the file — missing, unreadable, wrong format, damaged — raises
  :class:`ReadError` with a Vietnamese and an English reason; no other exception escapes.

Nothing downstream ever looks at the file format.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from checker.model.document import Document
from checker.read.docx import read_docx
from checker.read.errors import ReadError, os_error
from checker.read.txt import read_txt

SUPPORTED: dict[str, Callable[[str | Path], Document]] = {".txt": read_txt, ".docx": read_docx}

__all__ = ["SUPPORTED", "ReadError", "read_docx", "read_file", "read_txt"]


def read_file(path: str | Path) -> Document:
    """Read ``path`` with the reader for its (case-insensitive) suffix; raise ReadError on failure."""
    suffix = Path(path).suffix.lower()
    reader = SUPPORTED.get(suffix)
    if reader is None:
        shown = suffix or "(không có đuôi)"
        supported = ", ".join(sorted(SUPPORTED))
        raise ReadError(
            str(path),
            f"định dạng {shown} chưa được hỗ trợ; hỗ trợ: {supported}",
            f"unsupported format {suffix or '(no suffix)'}; supported: {supported}",
        )
    try:
        return reader(path)
    except OSError as exc:  # readers map their own I/O errors; this is a safety net
        raise os_error(str(path), exc) from exc
