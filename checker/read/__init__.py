"""Readers: turn a file into a :class:`checker.model.document.Document`.

The contract every reader keeps, whatever the format:

* it returns the same :class:`Document` — a list of :class:`Block` in reading order, each with
  ``index`` (its position), ``kind`` (``paragraph``, ``table_cell`` or ``footnote``) and where it
  came from (``line``/``end_line`` for text and HTML files, ``page``/``line`` for PDF and scanned images,
  ``paragraph`` or ``table``/``row``/``cell`` for Word and OpenDocument (numbered from 1 by every
  reader: a table of a text copy, a web page or a .doc file is named as its Word original is),
  ``footnote`` for a Word or OpenDocument note placed right after the paragraph that references it);
* text in legacy Vietnamese fonts (TCVN3, VNI) is converted to Unicode, with a note;
* block text is passed through :func:`checker.text.normalize.clean` (NFC, invisible characters
  removed) and stripped; empty blocks are never returned;
* whatever the reader had to guess or repair (an encoding, joined lines) is said in ``notes``;
* any problem with the file — missing, unreadable, wrong format, damaged — raises
  :class:`ReadError` with a Vietnamese and an English reason; no other exception escapes.

Nothing downstream ever looks at the file format.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.limits import cap_note, current
from checker.model.document import Document
from checker.read.errors import ReadError, os_error, too_large


@dataclass(frozen=True)
class Reader:
    """The reader of one format, imported when first used: checking a .txt plan does not import the Word,
    PDF and HTML readers (and what they import), which keeps the command's start-up short."""

    module: str
    name: str

    def load(self) -> Callable[[str | Path], Document]:
        function: Callable[[str | Path], Document] = getattr(importlib.import_module(self.module), self.name)
        return function

    def __call__(self, path: str | Path) -> Document:
        return self.load()(path)


SUPPORTED: dict[str, Reader] = {
    ".txt": Reader("checker.read.txt", "read_txt"), ".docx": Reader("checker.read.docx", "read_docx"),
    ".doc": Reader("checker.read.doc", "read_doc"), ".html": Reader("checker.read.html", "read_html"),
    ".htm": Reader("checker.read.html", "read_html"), ".pdf": Reader("checker.read.pdf", "read_pdf"),
    ".odt": Reader("checker.read.odt", "read_odt"),
    # Scanned plans, read by OCR (checker.read.ocr: Tesseract with Vietnamese data, a system package).
    ".png": Reader("checker.read.image", "read_image_file"), ".jpg": Reader("checker.read.image", "read_image_file"),
    ".jpeg": Reader("checker.read.image", "read_image_file"), ".tif": Reader("checker.read.image", "read_image_file"),
    ".tiff": Reader("checker.read.image", "read_image_file"),
}
#: Document formats a submission folder may hold that no reader handles yet: a folder scan reports
#: them as unreadable (with the fix) instead of skipping them silently.
NOT_YET_SUPPORTED: dict[str, tuple[str, str]] = {
    ".rtf": ("lưu lại thành .docx", "save it as .docx"),
}

__all__ = ["NOT_YET_SUPPORTED", "SUPPORTED", "ReadError", "read_docx", "read_file", "read_txt"]


def __getattr__(name: str) -> Any:
    """``read_docx`` and ``read_txt``, imported on first use like every reader."""
    if name in ("read_docx", "read_txt"):
        return SUPPORTED["." + name.removeprefix("read_")].load()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def read_file(path: str | Path) -> Document:
    """Read ``path`` with the reader for its (case-insensitive) suffix; raise ReadError on failure."""
    if Path(path).is_dir():
        raise ReadError(str(path), "đây là một thư mục, không phải tệp", "this is a directory, not a file")
    suffix = Path(path).suffix.lower()
    reader = SUPPORTED.get(suffix)
    if reader is None:
        shown = suffix or "(không có đuôi)"
        supported = ", ".join(sorted(SUPPORTED))
        fix_vi, fix_en = NOT_YET_SUPPORTED.get(suffix, ("", ""))
        raise ReadError(
            str(path),
            f"định dạng {shown} chưa được hỗ trợ; hỗ trợ: {supported}" + (f"; hãy {fix_vi}" if fix_vi else ""),
            f"unsupported format {suffix or '(no suffix)'}; supported: {supported}" + (f"; {fix_en}" if fix_en else ""),
        )
    try:
        if Path(path).stat().st_size == 0:
            raise ReadError(str(path), "tệp rỗng (0 byte)", "the file is empty (0 bytes)")
        document = reader(path)
    except OSError as exc:  # readers map their own I/O errors; this is a safety net
        raise os_error(str(path), exc) from exc
    limits = current()
    if len(document.blocks) > limits.blocks:
        raise too_large(str(path), f"văn bản có {len(document.blocks)} đoạn", f"the document has "
                        f"{len(document.blocks)} paragraphs", "blocks")
    return _cut_long_blocks(document, limits.block_chars)


def _cut_long_blocks(document: Document, limit: int) -> Document:
    """``document`` with each block longer than ``limit`` characters cut there, and a note saying how many
    were: every step after reading costs at least the length of a block, some of them more."""
    long = [block.index for block in document.blocks if len(block.text) > limit]
    if not long:
        return document
    blocks = list(document.blocks)
    for index in long:
        blocks[index] = blocks[index].model_copy(update={"text": blocks[index].text[:limit].rstrip()})
    first, plural = blocks[long[0]].location(), "s" if len(long) > 1 else ""
    note = cap_note(f"{len(long)} đoạn dài quá {limit} ký tự bị cắt ở đó, phần sau bị bỏ qua (đoạn đầu tiên: "
                    f"{first.describe('vi')})", f"{len(long)} block{plural} longer than {limit} characters cut there, "
                    f"the rest left out (the first: {first.describe('en')})", "block-chars")
    return document.model_copy(update={"blocks": blocks, "notes": [*document.notes, note]})
