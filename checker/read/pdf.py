"""Reading PDF files that have a text layer (pypdf), with the page furniture taken out.

pypdf's plain extraction is used, not its layout mode: layout mode pads justified lines with runs of
spaces that split symbols and dates (``820/QĐ           -UBND``, ``202        5`` in corpus 009 and
029), while plain mode keeps them whole; like pdftotext it reads a two-column header column by column.
Lines are joined into paragraphs by the plain-text reader (:func:`checker.read.txt.read_txt_bytes`),
so a PDF is split exactly like a hard-wrapped .txt copy of it.

Documents signed with the government e-signature tools carry their number and date (``Số: 2775``,
``ngày 10 tháng 11``) not in the page text but in signature fields stamped on the page (corpus 009):
the short text of such fields is put back into the line it sits on. Page numbers (``2``, ``- 2 -``,
``Trang 2/5``) standing alone at the top or bottom of a page, and lines repeated at the top or bottom
of most pages, are dropped. Blocks are located by ``page`` and ``line``: the n-th line of text on the
page, counting the dropped page header but no blank lines. Tables come out line by line, as paragraphs.

The digital signatures of a signed PDF (who signed, when, whether each holds) are read by
:mod:`checker.read.pdf_signatures` into :attr:`Document.signatures`.

A page with no text layer but an image (a scan) is read by OCR (:mod:`checker.read.pdf_ocr`), its lines then
laid out like those of a text layer; the document's ``ocr`` says which pages and with what confidence. Without
Tesseract such pages are skipped, and a note (or, for a PDF that is all scans, the error) says how to install it.
"""

from __future__ import annotations

import io
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.limits import current
from checker.model.document import Block, Document, OcrInfo, Signature
from checker.read.errors import ReadError, file_bytes, too_large
from checker.read.ocr import OcrUnavailable
from checker.read.pdf_signatures import read_signatures, signed
from checker.read.txt import read_txt_bytes

if TYPE_CHECKING:
    from checker.read.ocr import OcrPage

_SCAN = ("tệp PDF là bản quét, không có lớp chữ; cần bản .docx hoặc nhận dạng chữ (OCR)",
         "the PDF is a scan with no text layer; send the .docx, or run OCR first")
_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:(?:Trang|Page)\s*)?\d{1,4}(?:\s*(?:/|of|trên)\s*\d{1,4})?(?:\s*[-–—])?$",
                          re.IGNORECASE)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# A wrapped line starts at the left margin, at most a first-line indent left of the line before it; a
# line starting much further left follows a right-hand column (``Lâm Đồng, ngày …`` / ``V/v …``).
_COLUMN_SHIFT = 100.0
_PARAGRAPH_GAP = 1.7  # a gap this many times the usual line distance separates paragraphs
_FIELD_MAX = 40  # a stamped number or date is short; a signature's "Ký bởi: … Thời gian ký: …" box is not


@dataclass
class _Line:
    pieces: list[tuple[float, str]] = field(default_factory=list)  # (x, text) in reading order
    y: float | None = None
    number: int | None = None  # the line's number on the page when known (OCR: a row split in two columns)

    @property
    def x(self) -> float | None:
        """Where the line's text starts, or None for a blank line."""
        return next((x for x, text in self.pieces if text.strip()), None)

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.pieces).strip()

    def add(self, text: str, x: float, y: float) -> None:
        self.pieces.append((x, text))
        if self.y is None and text.strip():
            self.y = y


def read_pdf(path: str | Path) -> Document:
    """Read the text layer of a PDF file into a :class:`Document`; any problem raises ReadError."""
    return read_pdf_bytes(file_bytes(path), str(path))


def read_pdf_bytes(data: bytes, path: str) -> Document:
    """Read the bytes of a PDF file named ``path``; see :func:`read_pdf`."""
    if b"%PDF-" not in data[:1024]:
        raise ReadError(path, "tệp không phải PDF (thiếu phần đầu %PDF)", "not a PDF file (no %PDF header)")
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)  # pypdf warns about every oddity of a damaged file; we report it once
    try:
        return _read(data, path)
    finally:
        pypdf_log.setLevel(level)


def _read(data: bytes, path: str) -> Document:
    from pypdf.errors import LimitReachedError

    pages = _open(data, path)
    notes: list[str] = []
    texts: list[list[_Line]] = []
    fields = failed = 0
    no_text: list[int] = []
    limited: list[tuple[int, LimitReachedError]] = []  # pages over one of pypdf's own safety limits
    for number, page in enumerate(pages, start=1):
        try:
            lines, placed = _page_lines(page)
            if not any(c.isalpha() for line in lines for c in line.text) and _has_image(page):
                no_text.append(number)
        except LimitReachedError as exc:
            limited.append((number, exc))
            lines, placed = [], 0
        except MemoryError:
            raise  # the memory limit of the process checking the file: reported as such by the batch
        except Exception:  # one unreadable page must not lose the others
            failed += 1
            lines, placed = [], 0
        fields += placed
        texts.append(lines)
    if limited and failed + len(limited) == len(pages):
        raise _over_pypdf_limit(path, limited[0][1], limited[0][0])
    if failed == len(pages):
        raise ReadError(path, "tệp PDF bị hỏng, không lấy được chữ ở trang nào",
                        "damaged PDF: no page could be read")
    scans = _read_scans(pages, no_text, texts, path) if no_text else _Scans()
    if sum(c.isalpha() for lines in texts for line in lines for c in line.text) < 10:
        if scans.unavailable is not None:
            raise ReadError(path, f"{_SCAN[0]}; {scans.unavailable.reason}",
                            f"{_SCAN[1]}; {scans.unavailable.reason_en}")
        if scans.empty:
            raise ReadError(path, _SCAN[0] + "; nhận dạng chữ (OCR) không đọc được chữ nào",
                            _SCAN[1] + "; OCR read no text from it")
        raise ReadError(path, *_SCAN)
    dropped = _drop_furniture(texts)
    document = _paragraphs(texts, dropped, path)
    if fields:
        notes.append(f"Đã đưa chữ của {fields} ô ký số/ô nhập liệu (số, ngày văn bản) vào dòng tương ứng "
                     f"(text of {fields} signature or form fields placed into the text)")
    if dropped:
        notes.append(f"Đã bỏ {len(dropped)} dòng số trang, đầu trang, chân trang "
                     f"({len(dropped)} page numbers and running headers/footers dropped)")
    if scans.unavailable is not None:
        shown = ", ".join(map(str, no_text))
        notes.append(f"Trang {shown} không có lớp chữ (ảnh quét?), nội dung bị bỏ qua; {scans.unavailable.reason} "
                     f"(page(s) {shown} have no text layer, probably scanned; skipped; {scans.unavailable.reason_en})")
    if scans.empty:
        shown = ", ".join(map(str, scans.empty))
        notes.append(f"Trang {shown} không có lớp chữ (ảnh quét?), nhận dạng chữ (OCR) không đọc được chữ nào "
                     f"(page(s) {shown} have no text layer, probably scanned, and OCR read no text from them)")
    notes.extend(scans.notes)
    if failed:
        notes.append(f"{failed} trang không đọc được (hỏng) ({failed} damaged pages skipped)")
    if limited:
        shown = ", ".join(str(number) for number, _ in limited)
        notes.append(f"Bỏ qua trang {shown}: vượt giới hạn an toàn của thư viện đọc PDF (pypdf: {limited[0][1]}) "
                     f"(page(s) {shown} skipped: over a safety limit of the PDF library, pypdf: {limited[0][1]})")
    signatures: list[Signature] = []
    if signed(data):
        signatures, problems = read_signatures(data)
        notes.extend(problems)
    return document.model_copy(update={"notes": notes + document.notes, "signatures": signatures,
                                       "ocr": scans.info})


@dataclass
class _Scans:
    """What reading the scanned pages by OCR gave: its information (None when no page gave text), the pages
    that gave no text, notes (a damaged image), and the reason OCR could not run at all (no Tesseract)."""

    info: OcrInfo | None = None
    empty: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unavailable: OcrUnavailable | None = None


def _read_scans(pages: list[Any], numbers: list[int], texts: list[list[_Line]], path: str) -> _Scans:
    """Read the scanned pages ``numbers`` by OCR, their lines put into ``texts``; without Tesseract the pages
    are left empty."""
    from checker.read.ocr import Clock, engine, ocr_info
    from checker.read.pdf_ocr import read_scanned_page

    try:
        name = engine()
    except OcrUnavailable as exc:
        return _Scans(unavailable=exc)
    clock = Clock()
    read: list[int] = []
    confidences: list[float] = []
    scans = _Scans()
    for number in numbers:
        try:
            page = read_scanned_page(pages[number - 1], number, path, clock)
        except ReadError as exc:
            if exc.code != "unreadable":
                raise
            scans.notes.append(f"Bỏ qua {exc.reason} ({exc.reason_en}; skipped)")
            continue
        if not page.lines:
            scans.empty.append(number)
            continue
        texts[number - 1] = _from_ocr(page)
        read.append(number)
        confidences.extend(page.confidences)
    if read:  # every report says so, in its language, from the document's ocr: no note repeats it
        scans.info = ocr_info(name, read, confidences)
    return scans


def scanned_document(pages: list[OcrPage], path: str) -> tuple[Document, int]:
    """The document made of pages read by OCR (an image file: :mod:`checker.read.image`), laid out as the pages
    of a PDF are; and how many page numbers and running headers were dropped."""
    texts = [_from_ocr(page) for page in pages]
    dropped = _drop_furniture(texts)
    return _paragraphs(texts, dropped, path), len(dropped)


def _from_ocr(page: OcrPage) -> list[_Line]:
    """The lines of a page read by OCR, a blank line before each paragraph Tesseract finds. The lines of a
    paragraph are joined into one, but where a line opens a heading, a list item or the closing
    (:func:`checker.read.txt.opens_paragraph`: Tesseract takes ``7. …`` / ``8. …`` or ``Nơi nhận:`` /
    ``- …;`` for one paragraph), and lines in capitals (title, headings, header and signature lines, which
    the plain-text reader joins by its own rules) or in the columns of a header, which stay lines."""
    from checker.read.txt import is_upper, opens_paragraph

    lines: list[_Line] = []
    for line in page.lines:
        # Lines in capitals (a title, a heading, a header line) are left to the plain-text reader's rules.
        if lines and line.continues and not opens_paragraph(line.text) and not is_upper(line.text) \
                and not is_upper(lines[-1].text):
            lines[-1].pieces.append((line.x, " " + line.text))  # the paragraph goes on
            continue
        if line.opens_paragraph and lines:
            lines.append(_Line())
        lines.append(_Line(pieces=[(line.x, line.text)], y=line.y, number=line.number))
    return lines


def _open(data: bytes, path: str) -> list[Any]:
    """The pages of the PDF, or ReadError: damaged, encrypted with a password, or too long."""
    from pypdf import PdfReader  # lazy: only PDF checks pay for importing pypdf
    from pypdf.errors import DependencyError, LimitReachedError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(path, "tệp PDF có mật khẩu; hãy gửi bản không đặt mật khẩu",
                            "the PDF is password-protected; send a copy without a password")
        count = len(reader.pages)
        if count > current().pdf_pages:
            raise too_large(path, f"tệp PDF có {count} trang", f"the PDF has {count} pages", "pdf-pages")
        pages = list(reader.pages)
    except ReadError:
        raise
    except LimitReachedError as exc:
        raise _over_pypdf_limit(path, exc) from exc
    except MemoryError:
        raise
    except DependencyError as exc:  # AES encryption needs the optional 'cryptography' package
        raise ReadError(path, f"tệp PDF được mã hóa, cần cài thêm gói 'cryptography' để đọc ({exc})",
                        f"the PDF is encrypted; install the 'cryptography' package to read it ({exc})") from exc
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files; none may escape
        raise ReadError(path, f"tệp PDF bị hỏng ({type(exc).__name__}: {exc})",
                        f"damaged PDF file ({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise ReadError(path, "tệp PDF không có trang nào", "the PDF has no pages")
    return pages


def _over_pypdf_limit(path: str, exc: Exception, page: int | None = None) -> ReadError:
    """A PDF over one of the safety limits pypdf keeps itself (a stream inflating past 75 MB, an array of more
    than 100,000 elements …): too large, not damaged; pypdf's message says which limit."""
    where_vi, where_en = (f"trang {page} của ", f"page {page} of ") if page is not None else ("", "")
    return ReadError(path, f"{where_vi}tệp PDF vượt giới hạn an toàn của thư viện đọc PDF (pypdf: {exc}); tệp được tạo "
                     "có chủ ý hoặc quá lớn", f"{where_en}the PDF is over a safety limit of the PDF library (pypdf: "
                     f"{exc}); a crafted or oversized file", code="input-too-large")


def _page_lines(page: Any) -> tuple[list[_Line], int]:
    """The lines of one page with the position of each piece; and how many field texts were placed."""
    pieces: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: object) -> None:
        if text:  # the position of the text is its text matrix mapped by the current transformation
            pieces.append((text, tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    page.extract_text(visitor_text=visit)
    lines = [_Line()]
    for text, x, y in pieces:
        for i, part in enumerate(_CONTROLS.sub("", text).split("\n")):
            if i:
                lines.append(_Line())
            if part:
                lines[-1].add(part, x, y)
    placed = 0
    for text, rect in _field_texts(page):
        placed += _place(lines, text, rect)
    return lines, placed


def _field_texts(page: Any) -> list[tuple[str, list[float]]]:
    """Short texts drawn by the page's form and signature fields, with their rectangles."""
    from pypdf import PageObject
    from pypdf.generic import NameObject

    out = []
    annots = page.get("/Annots")
    for ref in annots.get_object() if annots is not None else []:
        try:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Widget" or int(annot.get("/F", 0)) & 2:  # 2: hidden
                continue
            appearance = annot["/AP"].get_object().get("/N")
            stream = appearance.get_object() if appearance is not None else None
            if stream is None or not hasattr(stream, "get_data"):  # check boxes map states to streams
                continue
            # The appearance is a content stream of its own: read it as the contents of a scratch page.
            scratch = PageObject.create_blank_page(width=1, height=1)
            scratch[NameObject("/Contents")] = appearance
            if "/Resources" in stream:
                scratch[NameObject("/Resources")] = stream["/Resources"]
            text = " ".join(_CONTROLS.sub("", scratch.extract_text()).split())
            if text and len(text) <= _FIELD_MAX:
                out.append((text, [float(v) for v in annot["/Rect"]]))
        except MemoryError:
            raise
        except Exception:  # a broken field loses its own text, never the page's
            continue
    return out


def _place(lines: list[_Line], text: str, rect: list[float]) -> int:
    """Put a field's text into the line it is drawn on, at its horizontal position; 1 if placed."""
    x0 = min(rect[0::2])
    y0, y1 = sorted(rect[1::2])
    middle = (y0 + y1) / 2

    def distance(line: _Line) -> float:  # vertical distance plus how far the field is beside the line
        xs = [x for x, _ in line.pieces]
        return abs((line.y or 0) - middle) + max(0.0, min(xs) - x0, x0 - max(xs))

    candidates = [line for line in lines if line.y is not None and y0 - 2 <= line.y <= y1 + 2]
    if not candidates:
        return 0
    line = min(candidates, key=distance)
    at = next((i for i, (x, _) in enumerate(line.pieces) if x > x0), len(line.pieces))
    before = line.pieces[at - 1][1] if at else ""
    after = line.pieces[at][1] if at < len(line.pieces) else ""
    piece = ("" if not before or before.endswith(" ") else " ") + text + ("" if after.startswith(" ") else " ")
    line.pieces.insert(at, (x0, piece))
    return 1


def _has_image(page: Any) -> bool:
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    xobjects = xobjects.get_object() if xobjects is not None else {}
    return any(xobjects[name].get_object().get("/Subtype") == "/Image" for name in xobjects)


def _drop_furniture(pages: list[list[_Line]]) -> set[tuple[int, int]]:
    """(page index, line index) of page numbers and of running headers and footers."""
    dropped: set[tuple[int, int]] = set()
    edges: list[list[tuple[int, str]]] = []
    for p, lines in enumerate(pages):
        placed = [(i, line) for i, line in enumerate(lines) if line.text and line.y is not None]
        if not placed:
            edges.append([])
            continue
        ordered = sorted(placed, key=lambda item: -(item[1].y or 0))
        ends = [ordered[0], ordered[-1]]
        for i, line in ends:
            # A page number stands alone: no other text on its baseline (a table's row number does not).
            alone = sum(1 for _, other in placed if abs((other.y or 0) - (line.y or 0)) <= 2) == 1
            number = re.search(r"\d+", line.text)
            if alone and _PAGE_NUMBER.match(line.text) and number and int(number[0]) <= len(pages) + 5:
                dropped.add((p, i))
        # Running headers and footers: the two lines nearest each edge, compared with digits masked.
        edges.append([(i, _shape(line.text)) for i, line in ordered[:2] + ordered[-2:]])
    with_text = sum(1 for e in edges if e)
    if with_text >= 2:
        counts = Counter(shape for e in edges for shape in {s for _, s in e})
        repeated = {s for s, n in counts.items() if n >= max(2, math.ceil(0.6 * with_text)) and len(s) <= 150}
        dropped |= {(p, i) for p, e in enumerate(edges) for i, s in e if s in repeated}
    return dropped


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def _line_gap(lines: list[_Line]) -> float:
    """The usual distance between the baselines of consecutive lines on a page."""
    ys = [line.y for line in lines if line.text and line.y is not None]
    gaps = sorted(a - b for a, b in zip(ys, ys[1:], strict=False) if a - b > 1)
    return gaps[len(gaps) // 2] if gaps else 0.0


def _new_paragraph(previous: _Line, line: _Line, gap: float) -> bool:
    """Whether the page geometry shows that ``line`` cannot continue ``previous``."""
    if previous.y is None or line.y is None or previous.x is None or line.x is None:
        return False
    if line.y > previous.y + 2:  # back up the page: the next column of a two-column header
        return True
    if gap and previous.y - line.y > _PARAGRAPH_GAP * gap:  # space before a paragraph
        return True
    return previous.x - line.x > _COLUMN_SHIFT


_SPACE_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")


def _paragraphs(pages: list[list[_Line]], dropped: set[tuple[int, int]], path: str) -> Document:
    """Join the kept lines into paragraphs with the plain-text reader; locate them by page and line."""
    out: list[str] = []
    where: list[tuple[int, int]] = []  # (page, line on the page) of each line of ``out``
    for p, lines in enumerate(pages):
        kept: list[tuple[str, int]] = []
        visible = 0
        previous: _Line | None = None
        gap = _line_gap(lines)
        for i, line in enumerate(lines):
            # Runs of spaces are layout (justified lines, tab stops), not text: one space reads the same.
            text = _SPACE_RUN.sub(" ", line.text)
            visible += bool(text)
            number = line.number if line.number is not None else visible
            if (p, i) in dropped:
                continue
            if not text:  # a blank line the PDF holds (an empty paragraph): a paragraph break
                kept.append(("", number))
                continue
            if previous is not None and _new_paragraph(previous, line, gap):
                kept.append(("", number))
            kept.append((text, number))
            previous = line
        while kept and not kept[0][0]:  # no blank lines at a page break: a sentence may run on
            kept.pop(0)
        while kept and not kept[-1][0]:
            kept.pop()
        for text, number in kept:
            out.append(text)
            where.append((p + 1, max(number, 1)))
    document = read_txt_bytes("\n".join(out).encode("utf-8"), path)
    blocks = []
    for block in document.blocks:
        page, first = where[(block.line or 1) - 1]
        end_page, end_line = where[(block.end_line or block.line or 1) - 1]
        blocks.append(Block(index=block.index, text=block.text, kind="paragraph", page=page, line=first,
                            end_line=end_line if end_page == page else None))
    return Document(path=path, format="pdf", encoding=None, blocks=blocks, notes=document.notes)
