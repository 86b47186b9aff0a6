"""Reading scanned pages by OCR: Tesseract with its Vietnamese data (``vie``), through pytesseract.

Used by the PDF reader for pages with no text layer and by the image reader (:mod:`checker.read.image`).
pytesseract and Pillow are imported here, on the first page that needs OCR: checking a .txt or .docx
plan never imports them. Tesseract itself is a system program (``tesseract-ocr`` and ``tesseract-ocr-vie``);
without it, or without its Vietnamese data, :func:`engine` raises :class:`OcrUnavailable` with the fix.

A page is read with ``image_to_data`` in page segmentation mode 4 (one column of text of varying sizes: the
automatic mode takes the numbers of a list, ``1.`` to ``9.`` one under the other, for a column of vertical
text of its own and loses them): words with their box, confidence (0–100; -1 for what is no word)
and their block, paragraph and line numbers. Words of confidence -1 and empty ones are dropped, and so are
lines left with no letter or digit (specks and rules read as ``|``, ``—``). A line whose words stand
far apart (more than :data:`_COLUMN_GAP` line heights) is two columns of a header (``ỦY BAN NHÂN DÂN``
beside ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``): it is cut there, and in a run of such lines the left
column is read before the right one, as the PDF reader reads a text layer. Each line keeps its number
on the page (counted from 1, top to bottom, as Tesseract orders them), so a location reads
``trang 2, dòng 14``; its position is given in points (1/72 inch) from the page's bottom left, like the
text of a PDF page, so the PDF reader's layout rules (paragraph gaps, page numbers, running headers)
apply unchanged.

A page laid askew on the scanner is straightened first (:func:`straightened`, up to 5 degrees; 0.3 or more), and
only its black ink is read (:func:`black_ink`: a red stamp or a blue signature across the print fades). A page
that reads poorly is checked for having been scanned sideways or upside down (:func:`read_image`).
Tesseract runs with one thread (``OMP_THREAD_LIMIT=1`` unless set): its own threads save little on an idle
machine and make a page 3–4 times slower on a busy one (see :func:`engine`). Images are scaled toward 300 dpi,
where Tesseract reads best: a page scanned coarser than 200 dpi is enlarged, one finer than 400 dpi (or larger
than :data:`_MAX_SIDE` pixels) reduced. Every Tesseract run gets the time left of the document's ``timeout``
(:mod:`checker.limits`); past it, :class:`TimeLimit`.
"""

from __future__ import annotations

import math
import os
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from checker.limits import TimeLimit, current
from checker.model.document import OcrInfo

if TYPE_CHECKING:
    from PIL.Image import Image

LANGUAGES = "vie"
_COLUMN_GAP = 4.0  # a gap between two words this many line heights wide separates two columns
_TARGET_DPI = 300
_MIN_DPI, _MAX_DPI = 200, 400
_MAX_SIDE = 5000  # pixels: an A4 page at 300 dpi is 2480 x 3508
_ASSUMED_DPI = 300  # an image that does not say its resolution, unless its size says otherwise
_UPRIGHT_CONFIDENCE = 70.0  # a page read with a lower mean confidence is checked for being turned
_MAX_SKEW = 5.0  # degrees: a page laid further askew is beyond straightening by a small turn
_MIN_SKEW = 0.3  # degrees: less is left as it is
_SKEW_WIDTH = 800  # pixels: the page is measured for skew at this width
MAX_PIXELS = 60_000_000  # larger images are refused as input-too-large (an A0 poster at 300 dpi has 140 M)

INSTALL_VI = ("cài Tesseract và dữ liệu tiếng Việt để đọc bản quét: sudo apt-get install tesseract-ocr "
              "tesseract-ocr-vie (Windows: bộ cài Tesseract của UB Mannheim, chọn thêm Vietnamese)")
INSTALL_EN = ("install Tesseract with its Vietnamese data to read scans: sudo apt-get install tesseract-ocr "
              "tesseract-ocr-vie (Windows: the UB Mannheim Tesseract installer, with Vietnamese selected)")


class OcrUnavailable(Exception):
    """Tesseract cannot be run, or has no Vietnamese data: ``reason`` / ``reason_en`` say which and how to fix it."""

    def __init__(self, reason: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.reason = reason
        self.reason_en = reason_en


@dataclass(frozen=True)
class OcrLine:
    """One line (or one column of a line) read from a page: its text, its number on the page, where it
    starts (``x``, ``y`` in points from the bottom left), whether it opens a Tesseract paragraph, and whether
    it goes on the line before in the same paragraph (a column of a header line never does)."""

    text: str
    number: int
    x: float
    y: float
    opens_paragraph: bool
    continues: bool = False  # goes on the paragraph of the line before (no column of a header)


@dataclass
class OcrPage:
    """The lines of one page, and the confidence of each word read on it."""

    lines: list[OcrLine] = field(default_factory=list)
    confidences: list[float] = field(default_factory=list)


_checked: dict[str, str] = {}  # tesseract_cmd -> "Tesseract 5.3.0"


def engine() -> str:
    """``Tesseract 5.3.0``: the engine that will read scans; :class:`OcrUnavailable` when it cannot."""
    import pytesseract

    command = str(pytesseract.pytesseract.tesseract_cmd)
    if command in _checked:
        return _checked[command]
    try:
        version = pytesseract.get_tesseract_version()
        languages = pytesseract.get_languages()
    except (OSError, SystemExit, RuntimeError) as exc:  # not found, not runnable, or not Tesseract at all
        raise OcrUnavailable(f"không chạy được Tesseract (chương trình nhận dạng chữ) ({type(exc).__name__}); "
                             + INSTALL_VI, f"Tesseract (the OCR program) cannot be run ({type(exc).__name__}); "
                             + INSTALL_EN) from exc
    if LANGUAGES not in languages:
        raise OcrUnavailable(f"Tesseract {version} chưa có dữ liệu tiếng Việt ({LANGUAGES}); " + INSTALL_VI,
                             f"Tesseract {version} has no Vietnamese data ({LANGUAGES}); " + INSTALL_EN)
    _checked[command] = f"Tesseract {version}"
    # Tesseract spreads one page over every core with OpenMP, whose threads spin while they wait: on an idle
    # machine that saves little (a 6-page scan on two cores: 10.5 s, against 11.9 s with one thread), on a busy
    # one it costs much (two other busy processes, as a parallel check's workers are: 48.5 s against 13.6 s).
    # One thread unless the user says otherwise; pytesseract's Tesseract inherits the environment.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    return _checked[command]


class Clock:
    """The time left for the document's OCR: its ``timeout`` limit from when reading started."""

    def __init__(self) -> None:
        self.limit = current().timeout
        self.start = time.monotonic()

    def left(self) -> float:
        """Seconds a Tesseract run may take (0: no limit); :class:`TimeLimit` when none is left."""
        if self.limit <= 0:
            return 0
        left = self.limit - (time.monotonic() - self.start)
        if left <= 0.5:
            raise TimeLimit(self.limit)
        return left


def black_ink(image: Image) -> Image:
    """``image`` in greyscale with only its dark, colourless ink kept dark: each pixel the lightest of its red,
    green and blue. A red stamp and a blue signature, which a scanned plan has over its signature block and
    often over lines of text, become light and no longer break the words under them; black print stays black.
    A greyscale image is taken as it is."""
    from PIL import ImageChops

    if image.mode in ("1", "L", "LA", "I", "I;16", "F"):
        return image.convert("L")
    red, green, blue = image.convert("RGB").split()
    return ImageChops.lighter(ImageChops.lighter(red, green), blue)


def scale(image: Image, dpi: float | None) -> tuple[Image, int]:
    """``image`` in greyscale (:func:`black_ink`), scaled toward 300 dpi, and its resolution then. ``dpi`` is
    what the file (or the PDF page the image covers) says; None when unknown: the image is taken as 300 dpi."""
    from PIL import Image as PILImage

    grey = black_ink(image)  # also a new image with no format: pytesseract sends it to Tesseract as PNG
    known = dpi if dpi and 30 <= dpi <= 2400 else None
    factor = 1.0
    if known is not None and not _MIN_DPI <= known <= _MAX_DPI:
        factor = _TARGET_DPI / known
    factor = min(factor, _MAX_SIDE / max(grey.size))
    resolution = round((known or _ASSUMED_DPI) * factor)
    if abs(factor - 1) < 0.05:
        return grey, round(known or _ASSUMED_DPI)
    size = (max(1, round(grey.width * factor)), max(1, round(grey.height * factor)))
    return grey.resize(size, PILImage.Resampling.LANCZOS), resolution


def declared_dpi(info: dict[str, Any], size: tuple[int, int]) -> float | None:
    """The resolution an image file declares (``info['dpi']``), or None when it declares none, or only a
    program's default (72 or 96 dpi) that the image's size belies: a page of more than 1,500 pixels is
    no 72 dpi scan."""
    dpi = info.get("dpi")
    try:
        value = float(dpi[0] if isinstance(dpi, tuple | list) else dpi)  # type: ignore[arg-type]
    except (TypeError, ValueError, IndexError):  # none, or not a number
        return None
    if value <= 0 or (round(value) in (72, 96) and max(size) > 1500):
        return None
    return value


def skew(grey: Image) -> float:
    """The angle (degrees, counter-clockwise) the lines of text of a page stand at, within ±:data:`_MAX_SKEW`;
    0 for a page with too little ink to tell. The page is rotated back by each candidate angle and the one whose
    ink falls into the sharpest rows wins (the projection-profile method): coarse steps first, then finer ones
    around the best."""
    import numpy as np

    small = grey.resize((_SKEW_WIDTH, max(1, round(grey.height * _SKEW_WIDTH / grey.width))))
    ink = small.point(lambda value: 255 if value < 128 else 0)  # white ink on black: rotation fills black
    if np.asarray(ink).mean() < 0.5:  # a blank page, or nearly
        return 0.0

    def sharpness(angle: float) -> float:
        rows = np.asarray(ink.rotate(-angle), dtype=np.float64).sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    best = max(np.arange(-_MAX_SKEW, _MAX_SKEW + 0.01, 0.5), key=sharpness)
    return float(max(np.arange(best - 0.4, best + 0.41, 0.1), key=sharpness))


def straightened(grey: Image) -> Image:
    """``grey`` rotated so that its lines of text stand level, when they stand :data:`_MIN_SKEW` degrees or
    more off (a page laid askew on the scanner: Tesseract reads a line that climbs by more than its height as
    pieces of several)."""
    from PIL import Image as PILImage

    angle = skew(grey)
    if abs(angle) < _MIN_SKEW:
        return grey
    return grey.rotate(-angle, resample=PILImage.Resampling.BICUBIC, fillcolor=255)


def read_image(image: Image, dpi: float | None, clock: Clock) -> OcrPage:
    """Read one page image with Tesseract (``vie``), straightened first. A page that reads poorly (mean
    confidence under :data:`_UPRIGHT_CONFIDENCE`) may have been scanned sideways or upside down: Tesseract's
    orientation detection is asked, and the page turned as it says is read again; the better read is kept."""
    grey, resolution = scale(image, dpi)
    page = _read(straightened(grey), resolution, clock)
    if page.confidences and mean(page.confidences) >= _UPRIGHT_CONFIDENCE:
        return page
    turn = _orientation(grey, resolution, clock)
    if not turn:
        return page
    from PIL import Image as PILImage

    turned = grey.transpose({90: PILImage.Transpose.ROTATE_270, 180: PILImage.Transpose.ROTATE_180,
                             270: PILImage.Transpose.ROTATE_90}[turn])
    again = _read(straightened(turned), resolution, clock)
    return again if mean(again.confidences) > mean(page.confidences) else page


def _tesseract(call: Callable[..., Any], grey: Image, config: str, clock: Clock) -> Any:
    """``call`` (a pytesseract function) on ``grey`` within the time left; :class:`TimeLimit` when Tesseract
    was stopped for it."""
    import pytesseract

    try:
        return call(grey, config=config, output_type=pytesseract.Output.DICT, timeout=clock.left())
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():  # pytesseract stopped Tesseract at the time given
            raise TimeLimit(clock.limit) from exc
        raise


def _read(grey: Image, resolution: int, clock: Clock) -> OcrPage:
    from functools import partial

    import pytesseract

    data = _tesseract(partial(pytesseract.image_to_data, lang=LANGUAGES), grey, f"--psm 4 --dpi {resolution}", clock)
    return page_lines(data, grey.height, 72 / resolution)


def _orientation(grey: Image, resolution: int, clock: Clock) -> int:
    """How far the page must be turned clockwise to stand upright (0, 90, 180 or 270), by Tesseract's
    orientation and script detection; 0 when it cannot tell (too little text, no ``osd`` data)."""
    import pytesseract

    try:
        found = _tesseract(pytesseract.image_to_osd, grey,
                           f"--psm 0 --dpi {resolution} -c min_characters_to_try=10", clock)
    except (RuntimeError, OSError, ValueError):  # too few characters, or no osd data (TesseractError)
        return 0
    turn = int(_number(found.get("rotate", 0))) % 360
    return turn if turn in (90, 180, 270) else 0


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return -1.0


def page_lines(data: dict[str, list[Any]], height: int, points: float) -> OcrPage:
    """The lines of a page from Tesseract's ``image_to_data`` (as a dict of columns); ``height`` is the image's
    height in pixels, ``points`` the size of a pixel in points."""
    words: dict[tuple[int, int, int], list[tuple[str, float, int, int, int, int]]] = {}
    for i, text in enumerate(data.get("text", [])):
        confidence = _number(data["conf"][i])
        word = unicodedata.normalize("NFC", str(text)).strip()
        if int(data["level"][i]) != 5 or confidence < 0 or not word:
            continue
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        words.setdefault(key, []).append((word, confidence, int(data["left"][i]), int(data["top"][i]),
                                          int(data["width"][i]), int(data["height"][i])))
    page = OcrPage()
    paragraph: tuple[int, int] | None = None
    number = 0
    columns: list[list[OcrLine]] = []  # the pieces of each line of the current run of two-column lines
    for key, line in words.items():  # in Tesseract's reading order (dicts keep it)
        text = " ".join(word for word, *_ in line)
        if not any(c.isalnum() for c in text):
            continue  # specks, rules and borders read as punctuation
        number += 1
        page.confidences.extend(confidence for _, confidence, *_ in line)
        opens = key[:2] != paragraph
        paragraph = key[:2]
        pieces = [_piece(part, number, height, points, opens) for part in _columns(line)]
        if len(pieces) == 1 and not opens:
            pieces = [replace(pieces[0], continues=True)]
        if len(pieces) > 1:
            columns.append(pieces)
            continue
        page.lines.extend(_unfold(columns))
        columns = []
        page.lines.extend(pieces)
    page.lines.extend(_unfold(columns))
    return page


def _columns(line: list[tuple[str, float, int, int, int, int]]) -> list[list[tuple[str, float, int, int, int, int]]]:
    """The words of a line cut where they stand further apart than :data:`_COLUMN_GAP` line heights."""
    heights = sorted(h for *_, h in line)
    gap = _COLUMN_GAP * heights[len(heights) // 2]
    parts = [[line[0]]]
    for previous, word in zip(line, line[1:], strict=False):
        if word[2] - (previous[2] + previous[4]) > gap:
            parts.append([])
        parts[-1].append(word)
    return parts


def _piece(words: list[tuple[str, float, int, int, int, int]], number: int, height: int, points: float,
           opens: bool) -> OcrLine:
    left = min(w[2] for w in words)
    bottom = max(w[3] + w[5] for w in words)  # the baseline, near enough
    return OcrLine(text=" ".join(w[0] for w in words), number=number, x=left * points, y=(height - bottom) * points,
                   opens_paragraph=opens)


def _unfold(run: list[list[OcrLine]]) -> list[OcrLine]:
    """A run of two-column lines, left column first: each column is a paragraph of its own."""
    out: list[OcrLine] = []
    width = max((len(pieces) for pieces in run), default=0)
    for column in range(width):
        for row, pieces in enumerate(run):
            if column < len(pieces):
                piece = pieces[column]
                out.append(OcrLine(piece.text, piece.number, piece.x, piece.y, opens_paragraph=row == 0))
    return out


def ocr_info(engine_name: str, pages: list[int], confidences: list[float]) -> OcrInfo:
    """What a document's reports say of its OCR: the engine, the language data, the pages it read and the mean
    confidence of their words."""
    return OcrInfo(engine=engine_name, languages=LANGUAGES, pages=pages, confidence=mean(confidences))


def mean(confidences: list[float]) -> float:
    """The mean word confidence, 0–100, rounded to one decimal (0 when no word was read)."""
    return round(math.fsum(confidences) / len(confidences), 1) if confidences else 0.0


def check_pixels(path: str, width: int, height: int, where_vi: str = "", where_en: str = "") -> None:
    """Refuse an image larger than :data:`MAX_PIXELS` before it is decoded (a decompression bomb: a few KB
    that inflate to gigabytes of pixels) with an ``input-too-large`` :class:`ReadError` naming the file."""
    from checker.read.errors import ReadError

    if width * height > MAX_PIXELS:
        raise ReadError(path, f"{where_vi}ảnh {width} x {height} điểm ảnh, quá {MAX_PIXELS // 1_000_000} triệu điểm "
                        "ảnh cho phép (tệp được tạo có chủ ý hoặc quét ở độ phân giải quá cao)",
                        f"{where_en}an image of {width} x {height} pixels, over the {MAX_PIXELS // 1_000_000} million "
                        "pixels allowed (a crafted file, or scanned at far too high a resolution)",
                        code="input-too-large")


def guard_pillow() -> None:
    """Make Pillow refuse images over :data:`MAX_PIXELS` itself too (``DecompressionBombError``)."""
    from PIL import Image as PILImage

    PILImage.MAX_IMAGE_PIXELS = MAX_PIXELS
