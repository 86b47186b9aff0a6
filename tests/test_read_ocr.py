"""Scanned plans read by OCR (issue 18): PDF pages with no text layer and image files (.png, .jpg, .tif).

The scans are made here (:mod:`scans`): a plan's text drawn with DejaVu Sans on A4 pages at 200 dpi, saved as
an image-only PDF, PNG, JPEG and multi-page TIFF. Each is read back and compared with the text drawn. The
tests that run Tesseract skip, saying how to install it, where it is missing; those about a missing Tesseract
point pytesseract at a program that does not exist. Each scan is OCR'd once per module (a page takes a few
seconds).
"""

from __future__ import annotations

import difflib
import io
import json
import os
import re
import shutil
import warnings
from pathlib import Path

import pytest
from conftest import CONTENT, build_plan, pdf_of
from PIL import Image
from scans import render, save, stamped

from checker import check_file
from checker.engine.run import make_report
from checker.formatters import FORMATTERS
from checker.limits import Limits, TimeLimit, using
from checker.model.report import DocumentReport
from checker.read import read_file
from checker.read.errors import ReadError

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="Tesseract is not installed: sudo apt-get install tesseract-ocr tesseract-ocr-vie")

HEADER = """\
ỦY BAN NHÂN DÂN || CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN VẠN NINH || Độc lập - Tự do - Hạnh phúc
Số: 45/KH-UBND || Vạn Ninh, ngày 15 tháng 3 năm 2023"""
TITLE = "^KẾ HOẠCH\n^Công tác thông tin đối ngoại năm 2023"
# Two defects for findings to mark: an impossible reporting date (on a line of the page) and a theme left out
# (document-wide).
REPORTING = ("Các cơ quan, đơn vị báo cáo kết quả về Ủy ban nhân dân huyện (qua Phòng Văn hóa và Thông tin) "
             "trước ngày 31/02/2023.")
SOURCE = build_plan(header=HEADER, title=TITLE, reporting=REPORTING,
                    content=CONTENT.replace("8. Học tập và làm theo tư tưởng Hồ Chí Minh.\n", "")
                    ).replace("Vĩnh Linh", "Vạn Ninh")
SHORT = "^KẾ HOẠCH\n^Tuyên truyền biển, đảo năm 2024\n\n1. Phòng Văn hóa và Thông tin chủ trì thực hiện."
PAGE_TWO = "2. Các xã báo cáo kết quả trước ngày 05/11/2024."
MISSING = "/nonexistent/tesseract"


def drawn(text: str) -> str:
    """The words of ``text`` as drawn on the page (without the layout marks of :mod:`scans`), on one line."""
    return " ".join(text.replace("||", " ").replace("^", " ").split())


def similarity(blocks_text: str, source: str) -> float:
    return difflib.SequenceMatcher(None, " ".join(blocks_text.split()), drawn(source), autojunk=False).ratio()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("scans")


@pytest.fixture(scope="module")
def scan_pdf(folder: Path) -> Path:
    pages = render(SOURCE, size_pt=10)
    assert len(pages) == 1  # one page keeps the test fast
    return save(pages, folder / "ke-hoach-45.pdf")


@pytest.fixture(scope="module")
def scan_report(scan_pdf: Path) -> DocumentReport:
    if shutil.which("tesseract") is None:
        pytest.skip("Tesseract is not installed: sudo apt-get install tesseract-ocr tesseract-ocr-vie")
    return check_file(scan_pdf)


@pytest.fixture
def no_tesseract(monkeypatch: pytest.MonkeyPatch) -> None:
    """pytesseract pointed at a program that does not exist, as on a machine without Tesseract."""
    monkeypatch.setattr("pytesseract.pytesseract.tesseract_cmd", MISSING)


def mixed_pdf(folder: Path) -> Path:
    """Page 1 with a text layer (drawn by pypdf), page 2 a scan (an image, no text)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream, DecodedStreamObject, DictionaryObject, NameObject

    scan = save(render(PAGE_TWO), folder / "page-two.pdf")
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject(
        {NameObject("/F1"): writer._add_object(font)})})
    lines = ["KE HOACH", "Tuyen truyen bien dao nam 2024", "1. Phong Van hoa va Thong tin chu tri thuc hien."]
    text = "".join(f"BT /F1 12 Tf 72 {760 - 20 * i} Td ({line}) Tj ET\n" for i, line in enumerate(lines))
    stream = DecodedStreamObject()
    stream.set_data(text.encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(ContentStream(stream, writer))
    writer.add_page(PdfReader(scan).pages[0])
    path = folder / "mixed.pdf"
    with path.open("wb") as out:
        writer.write(out)
    return path


# --- a scanned PDF checked end to end ---------------------------------------------------------------------

def test_a_scanned_pdf_is_read_by_ocr_close_to_the_text_drawn(scan_report: DocumentReport):
    plan = scan_report.plan
    assert scan_report.status == "checked" and plan is not None
    text = " ".join(block.text for block in plan.blocks)
    assert similarity(text, SOURCE) >= 0.95


def test_the_header_of_a_scanned_plan_is_extracted(scan_report: DocumentReport):
    plan = scan_report.plan
    assert plan is not None
    assert plan.number_symbol == "45/KH-UBND"
    assert plan.date is not None and plan.date.isoformat() == "2023-03-15"
    assert plan.unit is not None and plan.unit.text == "Ủy ban nhân dân huyện Vạn Ninh"
    assert plan.title == "Công tác thông tin đối ngoại năm 2023"
    assert plan.format == "pdf"


def test_the_report_says_the_text_came_from_ocr_and_with_what_confidence(scan_report: DocumentReport):
    plan = scan_report.plan
    assert plan is not None and plan.ocr is not None
    ocr = plan.ocr
    assert re.fullmatch(r"Tesseract \d+\.\d+(\.\d+)?", ocr.engine)
    assert (ocr.languages, ocr.pages) == ("vie", [1])
    assert 80 <= ocr.confidence <= 100
    confidence = f"{ocr.confidence:.1f}"
    assert ocr.describe("vi").endswith(f"độ tin cậy trung bình {confidence.replace('.', ',')}%")
    assert ocr.describe("en") == f"text of page(s) 1 read by OCR ({ocr.engine}, vie), mean confidence {confidence}%"
    assert not any("OCR" in note for note in plan.notes)  # said once, by the report's OCR line


def test_findings_on_ocr_text_are_marked_with_page_and_line(scan_report: DocumentReport):
    codes = {f.code: f for f in scan_report.findings}
    assert set(codes) >= {"impossible-deadline", "theme-missing"}
    deadline = codes["impossible-deadline"]
    assert deadline.location is not None and deadline.location.page == 1
    # The reporting sentence is drawn on the page's 30th line or so: the header's three rows, the title's two …
    assert deadline.location.line is not None and 25 <= deadline.location.line <= 35
    assert re.fullmatch(r"trang 1, dòng \d+", deadline.location.describe("vi"))
    assert deadline.ocr and codes["theme-missing"].ocr  # one on an OCR'd line, one document-wide


def test_a_text_plan_has_no_ocr_marks(check_text):
    report = check_text(build_plan(reporting=REPORTING))
    assert report.plan is not None and report.plan.ocr is None
    assert report.findings and not any(f.ocr for f in report.findings)


@pytest.mark.parametrize(("name", "lang", "said", "marked"), [
    ("text", "vi", "độ tin cậy trung bình", "[OCR] (chữ nhận dạng OCR — nên kiểm tra lại)"),
    ("text", "en", "mean confidence", "[OCR] (text read by OCR — look twice)"),
    ("markdown", "vi", "độ tin cậy trung bình", "**[OCR]** *(chữ nhận dạng OCR — nên kiểm tra lại)*"),
    ("html", "en", "mean confidence", '<span class="badge ocr" title="text read by OCR — look twice">OCR</span>'),
    ("junit", "vi", '<property name="ocr" value="Văn bản quét: chữ trang 1', "[OCR] (chữ nhận dạng OCR"),
    ("github", "en", "title=plancheck OCR::Scanned document: text of page(s) 1 read by OCR", "(theme-missing) [OCR]"),
])
def test_every_format_says_ocr_and_marks_its_findings(scan_report: DocumentReport, name, lang, said, marked):
    from checker.engine.packs import load_pack

    report = make_report([scan_report], [load_pack("ttdn")], lang)
    out = FORMATTERS[name](report)
    assert said in out and marked in out


def test_json_and_sarif_carry_the_ocr_information(scan_report: DocumentReport):
    from checker.engine.packs import load_pack

    report = make_report([scan_report], [load_pack("ttdn")], "en")
    data = json.loads(FORMATTERS["json"](report))
    (document,) = data["documents"]
    assert document["plan"]["ocr"]["languages"] == "vie" and document["plan"]["ocr"]["pages"] == [1]
    assert all(f["ocr"] for f in document["findings"])
    sarif = json.loads(FORMATTERS["sarif"](report))
    (run,) = sarif["runs"]
    assert scan_report.plan is not None and scan_report.plan.ocr is not None
    assert run["artifacts"][0]["properties"]["ocr"]["confidence"] == scan_report.plan.ocr.confidence
    assert all(r["properties"]["ocr"] is True for r in run["results"])
    assert all("[OCR] text read by OCR — look twice" in r["message"]["text"] for r in run["results"])


# --- a page laid askew on the scanner -----------------------------------------------------------------------

@pytest.mark.parametrize("angle", [0.0, 0.8, -1.5, 3.0, -4.5])
def test_the_skew_of_a_page_is_measured(angle: float):
    from PIL import Image

    from checker.read.ocr import skew

    page = render(SOURCE, size_pt=10)[0].rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    assert skew(page) == pytest.approx(angle, abs=0.15)


def test_a_blank_page_has_no_skew():
    from PIL import Image

    from checker.read.ocr import skew

    assert skew(Image.new("L", (1654, 2339), 255)) == 0.0


@needs_tesseract
def test_a_page_scanned_askew_is_straightened_before_it_is_read(folder: Path):
    """Three degrees off: a line of text then climbs by more than its height across the page, and Tesseract
    read such a page as pieces of lines out of order (0.67 of the text drawn, on a longer plan)."""
    from PIL import Image

    page = render(SOURCE, size_pt=10)[0]
    askew = page.rotate(3, resample=Image.Resampling.BICUBIC, fillcolor=255)
    askew.info["dpi"] = page.info["dpi"]
    document = read_file(save([askew], folder / "askew.png"))
    assert similarity(" ".join(b.text for b in document.blocks), SOURCE) >= 0.95


@needs_tesseract
def test_a_red_stamp_and_a_blue_pen_over_the_text_do_not_break_it(folder: Path):
    """Read in greyscale, a red stamp and blue strokes are as dark as the print under them (0.79 of the text
    drawn was read); kept to the black ink, they fade and the print is read."""
    page = stamped(render(SOURCE, size_pt=10)[0])
    document = read_file(save([page], folder / "stamped.png"))
    assert similarity(" ".join(b.text for b in document.blocks), SOURCE) >= 0.93


# --- image files ------------------------------------------------------------------------------------------

@needs_tesseract
def test_a_png_scan_is_read_close_to_the_text_drawn(folder: Path):
    path = save(render(SOURCE, size_pt=10), folder / "ke-hoach.png")
    document = read_file(path)
    assert document.format == "image" and document.ocr is not None and document.ocr.pages == [1]
    assert similarity(" ".join(b.text for b in document.blocks), SOURCE) >= 0.95
    assert all(b.page == 1 and b.line is not None for b in document.blocks)


@needs_tesseract
@pytest.mark.parametrize("suffix", [".tif", ".tiff"])
def test_each_frame_of_a_tiff_is_a_page(folder: Path, suffix: str):
    path = save(render(SHORT) + render(PAGE_TWO), folder / f"two-pages{suffix}")
    document = read_file(path)
    assert document.ocr is not None and document.ocr.pages == [1, 2]
    first, *_, last = document.blocks
    assert (first.page, first.line, first.text) == (1, 1, "KẾ HOẠCH")
    assert (last.page, last.line) == (2, 1)
    assert similarity(last.text, PAGE_TWO) >= 0.95


@needs_tesseract
def test_a_jpeg_scan_is_read(folder: Path):
    path = folder / "ke-hoach.jpg"
    render(SHORT)[0].save(path, quality=85, dpi=(200, 200))
    document = read_file(path)
    assert document.format == "image"
    assert similarity(" ".join(b.text for b in document.blocks), SHORT) >= 0.95


@needs_tesseract
def test_a_damaged_image_is_a_read_error_naming_the_file(folder: Path):
    whole = save(render(SHORT), folder / "whole.png").read_bytes()
    path = folder / "cut.png"
    path.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert err.value.code == "unreadable" and str(path) in err.value.message("vi")
    assert "tệp ảnh bị hỏng" in err.value.reason and "damaged" in err.value.reason_en
    report = check_file(path)
    assert report.status == "unreadable" and report.findings[0].code == "unreadable"


@pytest.mark.parametrize("data", [b"", b"\x89PNG\r\n\x1a\n not a png at all", b"GIF89a" + bytes(40)])
def test_what_is_no_image_is_a_read_error(folder: Path, data: bytes):
    path = folder / "khong-phai-anh.png"
    path.write_bytes(data)
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert err.value.code == "unreadable" and err.value.path == str(path)


def test_an_image_over_the_pixel_limit_is_refused_before_it_is_decoded(folder: Path):
    path = folder / "bom.png"
    Image.new("1", (11000, 11000)).save(path)  # 121 million pixels in a few kilobytes
    assert path.stat().st_size < 100_000
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no DecompressionBombWarning escapes either
        with pytest.raises(ReadError) as err:
            read_file(path)
    assert err.value.code == "input-too-large" and err.value.path == str(path)


def test_a_tiff_of_more_pages_than_allowed_is_refused(folder: Path):
    path = save([Image.new("L", (200, 280), 255)] * 3, folder / "three.tif")
    with using(Limits(pdf_pages=2)), pytest.raises(ReadError) as err:
        read_file(path)
    assert err.value.code == "input-too-large" and "pdf-pages" in err.value.reason_en


@needs_tesseract
def test_ocr_stops_at_the_time_limit(folder: Path):
    path = save(render(SOURCE, size_pt=10), folder / "slow.png")
    with using(Limits(timeout=0.6)), pytest.raises(TimeLimit):
        read_file(path)


# --- a PDF with a text page and a scanned page ---------------------------------------------------------------

@needs_tesseract
def test_a_mixed_pdf_reads_the_text_page_and_ocrs_the_scan(folder: Path):
    document = read_file(mixed_pdf(folder))
    assert document.format == "pdf" and document.ocr is not None and document.ocr.pages == [2]
    pages = {block.page for block in document.blocks}
    assert pages == {1, 2}
    scanned = " ".join(b.text for b in document.blocks if b.page == 2)
    assert similarity(scanned, PAGE_TWO) >= 0.95


@needs_tesseract
def test_a_document_wide_finding_on_a_mixed_pdf_is_marked(folder: Path):
    report = check_file(mixed_pdf(folder), "default")
    assert [(f.code, f.ocr) for f in report.findings] == [("not-a-plan", True)]


def test_only_findings_on_scanned_pages_are_marked():
    from checker.engine.run import on_ocr_text
    from checker.model.document import Location, OcrInfo
    from checker.model.plan import Plan
    from checker.model.report import Finding

    def finding(page: int | None) -> Finding:
        location = Location(block=0, page=page, line=3) if page is not None else None
        return Finding(rule="r", code="c", severity="error", message="m", location=location)

    findings = [finding(1), finding(2), finding(None)]
    plan = Plan(path="x.pdf", format="pdf", ocr=OcrInfo(engine="Tesseract 5.3.0", languages="vie", pages=[2],
                                                          confidence=90.0))
    assert [f.ocr for f in on_ocr_text(findings, plan)] == [False, True, True]
    assert [f.ocr for f in on_ocr_text(findings, plan.model_copy(update={"ocr": None}))] == [False, False, False]


# --- without Tesseract ----------------------------------------------------------------------------------------

INSTALL = "sudo apt-get install tesseract-ocr tesseract-ocr-vie"


def test_without_tesseract_an_image_is_unreadable_with_the_fix(folder: Path, no_tesseract: None):
    path = save(render(SHORT), folder / "no-ocr.png")
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert INSTALL in err.value.reason and INSTALL in err.value.reason_en
    assert "Tesseract" in err.value.reason and "UB Mannheim" in err.value.reason_en
    report = check_file(path, lang="en")
    assert report.status == "unreadable" and INSTALL in (report.error or "")


def test_without_tesseract_a_scanned_pdf_is_unreadable_with_the_fix(scan_pdf: Path, no_tesseract: None):
    with pytest.raises(ReadError) as err:
        read_file(scan_pdf)
    assert err.value.reason.startswith("tệp PDF là bản quét") and INSTALL in err.value.reason
    assert INSTALL in err.value.reason_en


def test_without_tesseract_a_mixed_pdf_reads_its_text_and_notes_the_skipped_page(folder: Path,
                                                                                  no_tesseract: None):
    document = read_file(mixed_pdf(folder))
    assert {block.page for block in document.blocks} == {1} and document.ocr is None
    (note,) = [note for note in document.notes if "tesseract-ocr-vie" in note]
    assert "Trang 2 không có lớp chữ" in note and "page(s) 2 have no text layer" in note


def test_a_fake_tesseract_is_no_tesseract(folder: Path, monkeypatch: pytest.MonkeyPatch):
    fake = folder / "tesseract"
    fake.write_text("#!/bin/sh\necho 'not tesseract at all'\n")
    fake.chmod(0o755)
    monkeypatch.setattr("pytesseract.pytesseract.tesseract_cmd", str(fake))
    with pytest.raises(ReadError) as err:
        read_file(save(render(SHORT), folder / "fake.png"))
    assert INSTALL in err.value.reason_en


def test_a_scan_saved_by_pillow_has_no_text_layer(scan_pdf: Path):
    """The fixture is what it claims: an image-only PDF (pypdf finds no text on its page)."""
    from pypdf import PdfReader

    (page,) = PdfReader(io.BytesIO(scan_pdf.read_bytes())).pages
    assert page.extract_text().strip() == "" and len(page.images) == 1


def test_a_pdf_image_over_the_pixel_limit_is_refused_before_it_is_decoded(folder: Path):
    """A page whose image declares 20000 x 20000 pixels (a few bytes that would inflate to 400 MB)."""
    import zlib

    pixels = zlib.compress(bytes(20000), 9)  # one row's worth: decoding would fail, but it is never tried
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
               b"/Resources << /XObject << /Im1 4 0 R >> >> >>",
               b"<< /Type /XObject /Subtype /Image /Width 20000 /Height 20000 /ColorSpace /DeviceGray "
               b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(pixels) + pixels
               + b"\nendstream",
               b"<< /Length 33 >>\nstream\nq 595 0 0 842 0 0 cm /Im1 Do Q\nendstream"]
    path = folder / "bom.pdf"
    path.write_bytes(pdf_of(objects))
    if shutil.which("tesseract") is None:
        pytest.skip("Tesseract is not installed: sudo apt-get install tesseract-ocr tesseract-ocr-vie")
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert err.value.code == "input-too-large" and "20000 x 20000" in err.value.reason_en
    assert err.value.reason_en.startswith("page 1: ")


@needs_tesseract
def test_tesseract_runs_on_one_thread_unless_the_user_says_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tesseract's own OpenMP threads make a page 3-4 times slower on a busy machine (a parallel check's other
    workers): one thread, unless OMP_THREAD_LIMIT is set."""
    from checker.read import ocr

    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    monkeypatch.setattr(ocr, "_checked", {})
    ocr.engine()
    assert os.environ["OMP_THREAD_LIMIT"] == "1"
    monkeypatch.setenv("OMP_THREAD_LIMIT", "4")
    monkeypatch.setattr(ocr, "_checked", {})
    ocr.engine()
    assert os.environ["OMP_THREAD_LIMIT"] == "4"


def test_the_summary_gives_a_scans_ocr_confidence(scan_report: DocumentReport, check_text):
    from checker.summary import row

    confidence = row(scan_report)["ocr_confidence"]
    assert scan_report.plan is not None and scan_report.plan.ocr is not None
    assert confidence == scan_report.plan.ocr.confidence and 80 <= confidence <= 100
    assert row(check_text(drawn(SHORT)))["ocr_confidence"] is None


def test_the_annotated_copy_of_a_scan_says_ocr_and_marks_its_comments(scan_report: DocumentReport, tmp_path: Path):
    import re
    import zipfile

    from checker.annotate import annotate

    out = tmp_path / "ke-hoach-45.checked.docx"
    annotate(scan_report, out, "en")
    comments = re.findall(r"<w:t[^>]*>([^<]*)</w:t>",
                          zipfile.ZipFile(out).read("word/comments.xml").decode("utf-8"))
    assert any(line.startswith("OCR: Scanned document: text of page(s) 1 read by OCR") for line in comments)
    assert any(line.startswith("[Error] has-deadline") and "[OCR] (text read by OCR — look twice)" in line
               for line in comments)


@needs_tesseract
@pytest.mark.parametrize("turned", [90, 180])
def test_a_page_scanned_sideways_or_upside_down_is_turned_upright(folder: Path, turned: int):
    """Fed into the scanner the wrong way round, a page reads as noise (mean confidence under 50): Tesseract's
    orientation detection says how to turn it, and the page turned is read."""
    import pytesseract

    if "osd" not in pytesseract.get_languages():
        pytest.skip("Tesseract has no orientation data: sudo apt-get install tesseract-ocr-osd")
    page = render(SOURCE, size_pt=10)[0]
    rotated = page.rotate(turned, expand=True)
    rotated.info["dpi"] = page.info["dpi"]
    document = read_file(save([rotated], folder / f"turned-{turned}.png"))
    assert document.ocr is not None and document.ocr.confidence >= 90
    assert similarity(" ".join(b.text for b in document.blocks), SOURCE) >= 0.95
