"""Reading image files of scanned plans (``.png``, ``.jpg``/``.jpeg``, ``.tif``/``.tiff``) by OCR.

Each image is a page; each frame of a multi-page TIFF is a page of its own, counted against the ``pdf-pages``
limit like the pages of a PDF. A photo's EXIF orientation is applied first. The pages are read by
:mod:`checker.read.ocr` and laid out as the pages of a PDF are (:func:`checker.read.pdf.scanned_document`):
blocks located by page and line, page numbers and running headers dropped. The document's format is
``image`` and its ``ocr`` says the pages were read by OCR, with what confidence.

An image over :data:`checker.read.ocr.MAX_PIXELS` is refused before it is decoded (``input-too-large``); a
damaged or unrecognised file, a reader without Tesseract, or an image with no text raise
:class:`~checker.read.errors.ReadError` naming the file.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Any

from checker.limits import current
from checker.model.document import Document
from checker.read.errors import ReadError, file_bytes, too_large
from checker.read.ocr import (
    Clock,
    OcrPage,
    OcrUnavailable,
    check_pixels,
    declared_dpi,
    engine,
    guard_pillow,
    ocr_info,
    read_image,
)


def read_image_file(path: str | Path) -> Document:
    """Read the scanned page(s) of an image file into a :class:`Document`; any problem raises ReadError."""
    return read_image_bytes(file_bytes(path), str(path))


def _damaged(path: str, exc: BaseException, where_vi: str = "", where_en: str = "") -> ReadError:
    return ReadError(path, f"{where_vi}tệp ảnh bị hỏng hoặc không phải ảnh, không đọc được "
                     f"({type(exc).__name__}: {exc})",
                     f"{where_en}damaged or not an image file, cannot be read ({type(exc).__name__}: {exc})")


def _open(data: bytes, path: str) -> Any:
    """The image, checked but not yet decoded: recognised, not over the pixel or page limits."""
    from PIL import Image, UnidentifiedImageError

    guard_pillow()
    try:
        with warnings.catch_warnings():  # over MAX_PIXELS Pillow only warns (it refuses twice as many): refuse
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ReadError(path, f"ảnh quá lớn ({exc})", f"the image is too large ({exc})",
                        code="input-too-large") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _damaged(path, exc) from exc
    check_pixels(path, image.width, image.height)
    frames = int(getattr(image, "n_frames", 1) or 1)
    if frames > current().pdf_pages:
        raise too_large(path, f"tệp ảnh có {frames} trang", f"the image file has {frames} pages", "pdf-pages")
    return image


def _pages(image: Any, path: str) -> list[OcrPage]:
    """Read every frame of ``image`` by OCR."""
    from PIL import Image, ImageOps

    clock = Clock()
    pages = []
    frames = int(getattr(image, "n_frames", 1) or 1)
    for index in range(frames):
        where_vi, where_en = (f"trang {index + 1}: ", f"page {index + 1}: ") if frames > 1 else ("", "")
        try:
            image.seek(index)
            check_pixels(path, image.width, image.height, where_vi, where_en)
            dpi = declared_dpi(image.info, image.size)
            frame = ImageOps.exif_transpose(image) if index == 0 else image.copy()
            frame.load()
        except ReadError:
            raise
        except Image.DecompressionBombError as exc:
            raise ReadError(path, f"{where_vi}ảnh quá lớn ({exc})", f"{where_en}the image is too large ({exc})",
                            code="input-too-large") from exc
        except MemoryError:
            raise
        except Exception as exc:  # truncated data, a broken codec stream: Pillow raises many kinds
            raise _damaged(path, exc, where_vi, where_en) from exc
        pages.append(read_image(frame, dpi, clock))
    return pages


def read_image_bytes(data: bytes, path: str) -> Document:
    """Read the bytes of an image file named ``path``; see :func:`read_image_file`."""
    image = _open(data, path)
    try:
        name = engine()
    except OcrUnavailable as exc:
        raise ReadError(path, f"tệp ảnh (bản quét) cần nhận dạng chữ (OCR); {exc.reason}",
                        f"an image file (a scan) needs OCR; {exc.reason_en}") from exc
    pages = _pages(image, path)
    from checker.read.pdf import scanned_document

    document, dropped = scanned_document(pages, path)
    if sum(c.isalpha() for block in document.blocks for c in block.text) < 10:
        raise ReadError(path, "nhận dạng chữ (OCR) không đọc được chữ nào trong ảnh",
                        "OCR found no text in the image")
    info = ocr_info(name, list(range(1, len(pages) + 1)), [c for page in pages for c in page.confidences])
    notes = []  # that the text was read by OCR every report says, from the document's ocr
    if dropped:
        notes.append(f"Đã bỏ {dropped} dòng số trang, đầu trang, chân trang "
                     f"({dropped} page numbers and running headers/footers dropped)")
    return document.model_copy(update={"format": "image", "notes": notes + document.notes, "ocr": info})
