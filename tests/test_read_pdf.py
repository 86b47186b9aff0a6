"""Tests for the PDF reader: text layer to blocks, page furniture, signature fields, scans, damaged files.

The PDFs are written by a tiny writer below: one Helvetica font whose /ToUnicode map gives every
character its Unicode value, so Vietnamese text extracts correctly (the glyphs drawn do not matter),
and one text piece per word as Word's PDF export writes them.
"""

from __future__ import annotations

import io
import re
import zlib
from pathlib import Path

import pytest
from conftest import pdf_of
from pypdf import PdfWriter

from checker.extract import extract_plan
from checker.limits import Limits, using
from checker.read import SUPPORTED, ReadError, read_file
from checker.read.pdf import read_pdf, read_pdf_bytes
from checker.read.txt import read_txt
from checker.text.dates import find_dates
from checker.text.symbols import find_symbols

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SCAN_VI = "tệp PDF là bản quét, không có lớp chữ; cần bản .docx hoặc nhận dạng chữ (OCR)"
SCAN_EN = "the PDF is a scan with no text layer; send the .docx, or run OCR first"

Line = tuple[float, float, str]  # x, y of the baseline, text


def make_pdf(pages: list[list[Line]], fields: dict[int, list[tuple[list[int], str]]] | None = None,
             image_pages: tuple[int, ...] = ()) -> bytes:
    """A PDF with the given lines of text per page, signature fields (rect, text) and image-only pages."""
    fields = fields or {}
    texts = [t for page in pages for _, _, t in page] + [t for fs in fields.values() for _, t in fs]
    codes: dict[str, int] = {}
    for char in sorted(set(" ".join(texts + [" "]))):
        codes[char] = ord(char) if 32 <= ord(char) < 127 else 128 + sum(1 for c in codes if ord(c) >= 127)
    assert max(codes.values(), default=0) < 256

    def hexed(text: str) -> str:
        return "<" + "".join(f"{codes[c]:02X}" for c in text) + ">"

    def stream(data: str | bytes, extra: str = "") -> bytes:
        raw = data.encode("latin-1") if isinstance(data, str) else data
        return f"<< /Length {len(raw)} {extra}>>\nstream\n".encode() + raw + b"\nendstream"

    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: page tree, filled in at the end

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def\n"
            "1 begincodespacerange <00> <FF> endcodespacerange\n"
            f"{len(codes)} beginbfchar\n" + "".join(f"<{n:02X}> <{ord(c):04X}>\n" for c, n in codes.items())
            + "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    font = add(f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
               f"/ToUnicode {add(stream(cmap))} 0 R >>".encode())
    image = add(stream(b"\x80", "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                                "/BitsPerComponent 8 "))
    kids = []
    for number, lines in enumerate(pages):
        content = ""
        for x, y, text in lines:  # one piece per word, each with its space; runs of spaces are gaps
            for word in re.finditer(r"\S+", text):
                content += f"BT /F1 12 Tf 1 0 0 1 {x + 6 * word.start():.1f} {y} Tm {hexed(word[0] + ' ')} Tj ET\n"
        if number in image_pages:
            content += "q 500 0 0 700 40 70 cm /Im1 Do Q\n"
        annots = []
        for rect, text in fields.get(number, []):
            form = (f"/Type /XObject /Subtype /Form /BBox [0 0 {rect[2] - rect[0]} {rect[3] - rect[1]}] "
                    f"/Resources << /Font << /F1 {font} 0 R >> >> ")
            appearance = add(stream(f"BT /F1 13 Tf 2 5 Td {hexed(text)} Tj ET", form))
            annots.append(add(f"<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [{' '.join(map(str, rect))}] /F 4 "
                              f"/AP << /N {appearance} 0 R >> >>".encode()))
        refs = " ".join(f"{a} 0 R" for a in annots)
        kids.append(add(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {add(stream(content))} 0 R "
                        f"/Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >> "
                        f"/Annots [{refs}] >>".encode()))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


RUNNING = "Kế hoạch thông tin đối ngoại năm 2023 - Ủy ban nhân dân huyện Vĩnh Linh"
PAGE_1 = [  # Word writes the left column of the header table, then the right one
    (80, 800, "ỦY BAN NHÂN DÂN"), (80, 785, "HUYỆN VĨNH LINH"), (70, 755, "Số:      /KH-UBND"),
    (300, 800, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (320, 785, "Độc lập - Tự do - Hạnh phúc"),
    (300, 755, "Vĩnh Linh, ngày      tháng 02 năm 2023"),
    (260, 730, "KẾ HOẠCH"), (200, 715, "Công tác thông tin đối ngoại năm 2023"),
    (90, 690, "Căn cứ Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 của Ban Tuyên giáo Tỉnh ủy,"),
    (70, 675, "Ủy ban nhân dân huyện ban hành Kế hoạch công tác thông tin đối ngoại như sau:"),
    (90, 660, "I. MỤC ĐÍCH, YÊU CẦU"),
    (90, 645, "Nâng cao nhận thức của cán bộ, đảng viên và nhân dân về công tác thông tin"),
    (70, 630, "đối ngoại, bám sát sự chỉ đạo của cấp trên, bảo đảm hiệu quả và thiết thực trong"),
]
PAGE_2 = [
    (70, 815, RUNNING),
    (70, 790, "năm 2023 trên địa bàn toàn huyện."),
    (90, 775, "II. NỘI DUNG"),
    (90, 760, "1. Tuyên truyền về chủ quyền biển, đảo và biên giới quốc gia của Việt Nam."),
    (90, 745, "III. TỔ CHỨC THỰC HIỆN"),
    (90, 730, "1. Phòng Văn hóa và Thông tin chủ trì, phối hợp với Đài Truyền thanh huyện"),
    (70, 715, "triển khai thực hiện Kế hoạch này."),
    (290, 40, "2"),
]
PAGE_3 = [
    (70, 815, RUNNING),
    (70, 790, "Nơi nhận:"), (70, 775, "- Lưu: VT."),
    (350, 790, "KT. CHỦ TỊCH"), (350, 775, "PHÓ CHỦ TỊCH"), (350, 720, "Nguyễn Văn An"),
    (285, 40, "- 3 -"),
]
def plan_pdf() -> bytes:
    # The e-signature tool stamps the number and the day into the blanks of the header (corpus 009).
    return make_pdf([PAGE_1, PAGE_2, PAGE_3], {0: [([100, 750, 140, 770], "44"), ([410, 750, 440, 770], "20")]})


def test_blocks_with_pages_lines_fields_and_furniture_dropped():
    doc = read_pdf_bytes(plan_pdf(), "plan.pdf")
    assert doc.format == "pdf" and doc.path == "plan.pdf"
    got = [(b.page, b.line, b.text) for b in doc.blocks]
    assert got == [
        (1, 1, "ỦY BAN NHÂN DÂN"),
        (1, 2, "HUYỆN VĨNH LINH"),
        (1, 3, "Số: 44 /KH-UBND"),
        (1, 4, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (1, 5, "Độc lập - Tự do - Hạnh phúc"),
        (1, 6, "Vĩnh Linh, ngày 20 tháng 02 năm 2023"),
        (1, 7, "KẾ HOẠCH"),
        (1, 8, "Công tác thông tin đối ngoại năm 2023"),
        (1, 9, "Căn cứ Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 của Ban Tuyên giáo Tỉnh ủy, Ủy ban nhân dân "
               "huyện ban hành Kế hoạch công tác thông tin đối ngoại như sau:"),
        (1, 11, "I. MỤC ĐÍCH, YÊU CẦU"),
        # runs on over the page break; the running header at the top of page 2 is not in it
        (1, 12, "Nâng cao nhận thức của cán bộ, đảng viên và nhân dân về công tác thông tin đối ngoại, bám sát "
                "sự chỉ đạo của cấp trên, bảo đảm hiệu quả và thiết thực trong năm 2023 trên địa bàn toàn huyện."),
        (2, 3, "II. NỘI DUNG"),
        (2, 4, "1. Tuyên truyền về chủ quyền biển, đảo và biên giới quốc gia của Việt Nam."),
        (2, 5, "III. TỔ CHỨC THỰC HIỆN"),
        (2, 6, "1. Phòng Văn hóa và Thông tin chủ trì, phối hợp với Đài Truyền thanh huyện triển khai thực hiện "
               "Kế hoạch này."),
        (3, 2, "Nơi nhận:"),
        (3, 3, "- Lưu: VT."),
        (3, 4, "KT. CHỦ TỊCH"),
        (3, 5, "PHÓ CHỦ TỊCH"),
        (3, 6, "Nguyễn Văn An"),
    ]
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert all(b.kind == "paragraph" for b in doc.blocks)
    assert doc.blocks[0].location().describe("en") == "page 1, line 1"
    notes = " ".join(doc.notes)
    assert "2 signature or form fields" in notes and "4 page numbers and running headers/footers dropped" in notes


def test_plan_pdf_extracts_like_a_plan(tmp_path):
    path = tmp_path / "KE-HOACH.PDF"
    path.write_bytes(plan_pdf())
    assert SUPPORTED[".pdf"].load() is read_pdf
    plan = extract_plan(read_file(path))
    assert (plan.doc_type, plan.number_symbol, str(plan.date)) == ("KH", "44/KH-UBND", "2023-02-20")
    assert [c.symbol for c in plan.basis] == ["93-HD/BTGTU"]
    assert "Phòng Văn hóa và Thông tin" in [u for task in plan.tasks for u in task.units]


@pytest.mark.parametrize("number", ["5", "- 5 -", "Trang 5", "Trang 5/9", "5/9", "Page 5 of 9"])
def test_page_number_forms_are_dropped(number):
    body = [(70, 800 - 15 * i, f"Dòng thứ {i} của văn bản, viết đủ dài để giống một dòng thật.") for i in range(6)]
    doc = read_pdf_bytes(make_pdf([body + [(280, 40, number)]]), "x.pdf")
    assert not any(b.text == number or b.text.endswith(number) for b in doc.blocks)
    assert len(doc.blocks) == 6


def test_a_number_inside_the_text_is_kept():
    body = [(70, 800, "Số lượng đoàn viên tham gia:"), (70, 785, "120"), (70, 770, "Kết thúc đợt thi đua.")]
    texts = [b.text for b in read_pdf_bytes(make_pdf([body]), "x.pdf").blocks]
    assert "120" in " ".join(texts)


def test_page_without_text_layer_is_noted():
    """The page's image is blank: OCR (or, without Tesseract, nothing) reads no text from it."""
    doc = read_pdf_bytes(make_pdf([PAGE_1, []], image_pages=(1,)), "x.pdf")
    assert any("page(s) 2 have no text layer" in note for note in doc.notes)
    assert {b.page for b in doc.blocks} == {1}
    assert doc.ocr is None  # no page gave text by OCR


# --- errors ------------------------------------------------------------------------------------------

def blank_pdf(pages: int = 1, **encrypt: str) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    if encrypt:
        writer.encrypt(algorithm="RC4-128", **encrypt)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("data", [blank_pdf(), make_pdf([[]], image_pages=(0,)), make_pdf([[(280, 40, "1")]])])
def test_scan_without_text_layer_is_a_read_error(data, monkeypatch):
    """No text at all: the PDF is a scan. Its pages' images (blank here) are read by OCR when Tesseract is
    there, and the error says OCR read nothing; without Tesseract it says how to install it."""
    with pytest.raises(ReadError) as err:
        read_pdf_bytes(data, "scan.pdf")
    assert err.value.reason.startswith(SCAN_VI) and err.value.reason_en.startswith(SCAN_EN)
    monkeypatch.setattr("pytesseract.pytesseract.tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(ReadError) as err:
        read_pdf_bytes(data, "scan.pdf")
    if b"/Im1" in data:  # a page with an image and no text: a scan Tesseract would read
        assert "apt-get install tesseract-ocr tesseract-ocr-vie" in err.value.reason_en
    else:
        assert (err.value.reason, err.value.reason_en) == (SCAN_VI, SCAN_EN)


def test_password_protected_pdf_is_a_read_error():
    with pytest.raises(ReadError, match="password-protected"):
        read_pdf_bytes(blank_pdf(user_password="secret", owner_password="owner"), "locked.pdf")


def test_pdf_restricted_only_by_an_owner_password_is_read():
    writer = PdfWriter(clone_from=io.BytesIO(plan_pdf()))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert read_pdf_bytes(out.getvalue(), "x.pdf").blocks[0].text == "ỦY BAN NHÂN DÂN"


def test_too_many_pages_is_input_too_large():
    pages = Limits().pdf_pages
    with pytest.raises(ReadError) as err:
        read_pdf_bytes(blank_pdf(pages + 1), "big.pdf")
    assert err.value.code == "input-too-large"
    assert err.value.reason_en == f"the PDF has {pages + 1} pages; over the safety limit (change it with --limit " \
                                  "pdf-pages=…)"
    with using(Limits(pdf_pages=3)), pytest.raises(ReadError) as err:
        read_pdf_bytes(blank_pdf(4), "big.pdf")
    assert err.value.reason.startswith("tệp PDF có 4 trang; vượt giới hạn an toàn")


@pytest.mark.parametrize(("data", "reason_en"), [
    (b"", "not a PDF file (no %PDF header)"),
    (b"\x00\x01garbage bytes that are not a PDF", "not a PDF file (no %PDF header)"),
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog", "damaged PDF file"),
    (plan_pdf()[:300], "damaged PDF file"),
])
def test_garbage_and_damaged_files_are_read_errors(data, reason_en):
    with pytest.raises(ReadError) as err:
        read_pdf_bytes(data, "broken.pdf")
    assert err.value.reason_en.startswith(reason_en)
    assert str(err.value).startswith("broken.pdf: ")


def test_missing_file_is_a_read_error(tmp_path):
    with pytest.raises(ReadError, match="file not found"):
        read_pdf(tmp_path / "missing.pdf")


# --- the corpus: the PDF reads like the text extracted from it -------------------------------------------

CORPUS_PDFS = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS_PDFS, reason="shared corpus not available")
@pytest.mark.parametrize("pdf", CORPUS_PDFS, ids=lambda p: p.name)
def test_corpus_pdf_agrees_with_its_text_extract(pdf):
    text_copy = pdf.with_suffix(".txt")
    if not text_copy.exists():
        pytest.skip(f"no text extract for {pdf.name}")
    from_pdf, from_txt = read_pdf(pdf), read_txt(text_copy)
    assert all(b.page is not None and b.line is not None for b in from_pdf.blocks)

    def found(doc, finder):
        return {str(value.model_dump()) for block in doc.blocks for *_, value in finder(block.text)}

    assert found(from_pdf, find_symbols) == found(from_txt, find_symbols)
    assert found(from_pdf, find_dates) == found(from_txt, find_dates)
    plan_pdf_, plan_txt = extract_plan(from_pdf), extract_plan(from_txt)
    assert (plan_pdf_.doc_type, plan_pdf_.number_symbol) == (plan_txt.doc_type, plan_txt.number_symbol)


def test_runs_of_layout_spaces_read_as_one_space():
    from checker.read.pdf import _SPACE_RUN

    assert _SPACE_RUN.sub(" ", "Số:       - KH/ĐTN   Phúc Thịnh") == "Số: - KH/ĐTN Phúc Thịnh"
    assert _SPACE_RUN.sub(" ", "  lề trái giữ nguyên") == "  lề trái giữ nguyên"


# --- pypdf's own safety limits -----------------------------------------------------------------------------------

def hand_pdf(contents: list[bytes], kids_extra: int = 0) -> bytes:
    """A PDF of one page per content stream (Helvetica, the streams deflated); ``kids_extra`` more references to
    the first page in the page tree's /Kids array."""
    pages = len(contents)
    font = 3 + 2 * pages
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages)) + " 3 0 R" * kids_extra
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode()]
    for i, content in enumerate(contents):
        deflated = zlib.compress(content, 9)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R "
                       f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode())
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(deflated) + deflated + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return pdf_of(objects)


TEXT_PAGE = b"BT /F1 12 Tf 72 700 Td (Ke hoach tuyen truyen cong tac thong tin doi ngoai nam 2023) Tj ET"
# A content stream that inflates past pypdf's 75 MB: a 75 KB bomb.
BOMB_PAGE = b"BT /F1 12 Tf 72 700 Td (Ke hoach) Tj ET\n" + b" " * 80_000_000


def test_a_pdf_over_a_limit_of_pypdf_is_input_too_large_not_damaged():
    with pytest.raises(ReadError) as err:
        read_pdf_bytes(hand_pdf([BOMB_PAGE]), "bom.pdf")
    assert err.value.code == "input-too-large"
    assert err.value.reason_en.startswith("page 1 of the PDF is over a safety limit of the PDF library (pypdf: "
                                          "Limit reached while decompressing")
    assert "vượt giới hạn an toàn của thư viện đọc PDF (pypdf:" in err.value.reason
    with pytest.raises(ReadError) as err:
        read_pdf_bytes(hand_pdf([TEXT_PAGE], kids_extra=100_001), "cay.pdf")  # an array of 100,002 elements
    assert err.value.code == "input-too-large" and "(pypdf: " in err.value.reason_en


def test_a_page_over_a_limit_of_pypdf_is_skipped_with_a_note_and_the_others_read():
    document = read_pdf_bytes(hand_pdf([TEXT_PAGE, BOMB_PAGE]), "hai-trang.pdf")
    assert [b.text for b in document.blocks] == ["Ke hoach tuyen truyen cong tac thong tin doi ngoai nam 2023"]
    [note] = [n for n in document.notes if "pypdf" in n]
    assert note.startswith("Bỏ qua trang 2: vượt giới hạn an toàn của thư viện đọc PDF (pypdf: Limit reached")
    assert "page(s) 2 skipped: over a safety limit of the PDF library" in note
