"""The scanned pages of a PDF (no text layer, an image instead) read by OCR (:mod:`checker.read.ocr`).

A scan is one image covering each page; a page drawn from several images has each read in turn, in the
order the page lists them. An image's resolution is worked out from its size and the page's: a
2480-pixel-wide image on an A4 page (595 points) is a 300 dpi scan. A page turned by ``/Rotate`` is turned
back before reading. Each image's size is checked before it is decoded (:func:`checker.read.ocr.check_pixels`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from checker.read.errors import ReadError
from checker.read.ocr import Clock, OcrPage, check_pixels, guard_pillow, read_image


def _image_sizes(page: Any) -> list[tuple[int, int]]:
    """Width and height of each image the page's resources hold, as the PDF declares them (nothing decoded)."""
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    xobjects = xobjects.get_object() if xobjects is not None else {}
    sizes = []
    for name in xobjects:
        image = xobjects[name].get_object()
        if image.get("/Subtype") == "/Image":
            sizes.append((int(image.get("/Width", 0)), int(image.get("/Height", 0))))
    return sizes


def read_scanned_page(page: Any, number: int, path: str, clock: Clock) -> OcrPage:
    """The text of page ``number`` of the PDF at ``path``, read by OCR from its images."""
    guard_pillow()
    where_vi, where_en = f"trang {number}: ", f"page {number}: "
    for width, height in _image_sizes(page):
        check_pixels(path, width, height, where_vi, where_en)
    box = page.mediabox
    inches = (float(box.width) / 72, float(box.height) / 72)
    rotation = int(page.get("/Rotate", 0) or 0) % 360
    if rotation in (90, 270):
        inches = inches[::-1]
    out = OcrPage()
    try:
        images = [file.image for file in page.images]
    except (MemoryError, ReadError):
        raise
    except Exception as exc:  # pypdf and Pillow raise many kinds of errors on a damaged image
        raise ReadError(path, f"{where_vi}ảnh quét bị hỏng, không đọc được ({type(exc).__name__}: {exc})",
                        f"{where_en}the scanned image is damaged and cannot be read ({type(exc).__name__}: {exc})"
                        ) from exc
    for image in images:
        if image is None:
            continue
        if rotation:
            image = image.rotate(-rotation, expand=True)  # /Rotate turns the page clockwise
        dpi = max(image.width / inches[0], image.height / inches[1]) if min(inches) > 0 else None
        read = read_image(image, dpi, clock)
        if out.lines:  # the next image's lines follow the page's: numbered on from them
            shift = out.lines[-1].number
            read.lines = [replace(line, number=line.number + shift) for line in read.lines]
        out.lines.extend(read.lines)
        out.confidences.extend(read.confidences)
    return out
