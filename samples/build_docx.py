"""Build the sample Word files of plancheck from the text samples next to this script.

    python samples/build_docx.py            # writes the two .docx files beside this script
    python samples/build_docx.py --check    # rebuilds in memory, fails if a file on disk differs

Outputs (python-docx, layout of Nghị định 30/2020/NĐ-CP: A4, Times New Roman, borderless header and
signature tables):

* ke-hoach-ttdn-van-ninh-2019.docx      from ke-hoach-ttdn-van-ninh-2019.txt (state plan, UBND huyện)
* ke-hoach-ttdn-mttq-tra-vinh-2023.docx from ke-hoach-ttdn-mttq-tra-vinh-2023.txt (Front plan) plus an
  appendix table assigning the tasks of section III

The body text is taken from the .txt samples. Changes made on the way, all deliberate:
number/symbol, place/date and signer lines are added in the header and signature tables (the web
copies lack them); the markdown ``**`` marks and the "(VBĐT)" line of the Vạn Ninh copy are dropped;
blank lines are dropped; paragraphs that the web/PDF copy broke mid-sentence (a line that does not end
in . : ; and is followed by the rest of the sentence) are joined back with one space. Every other
character of the body, including the stray combining mark of the Trà Vinh copy, is kept.

The build is deterministic: core properties (author, created, modified, revision) are fixed and the
zip is rewritten with fixed timestamps, so a rebuild gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
FONT = "Times New Roman"
AUTHOR = "plancheck samples"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s")
NUMBERED = re.compile(r"^\d+\.\s")


def _expect(cond: bool, msg: str) -> None:
    if not cond:
        raise SystemExit(f"build_docx: unexpected input: {msg}")


# --------------------------------------------------------------------------- formatting helpers


def _set_fonts(rpr_owner, name: str = FONT) -> None:
    """Set all four font slots and drop theme fonts (which would otherwise win)."""
    rpr = rpr_owner.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)


def _setup_styles(doc) -> None:
    normal = doc.styles["Normal"]
    _set_fonts(normal.element)
    normal.font.size = Pt(14)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    normal.element.get_or_add_rPr().append(lang)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(6)
    pf.line_spacing = 1.15
    for name in ("Heading 1", "Heading 2"):
        st = doc.styles[name]
        _set_fonts(st.element)
        st.font.size = Pt(14)
        st.font.bold = True
        st.font.italic = False
        st.font.color.rgb = RGBColor(0, 0, 0)
        st.paragraph_format.space_before = Pt(6)
        st.paragraph_format.space_after = Pt(6)
        st.paragraph_format.keep_with_next = True
        st.paragraph_format.first_line_indent = Cm(1)


def _setup_page(doc) -> None:
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
    sec.left_margin, sec.right_margin = Cm(3), Cm(2)


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _widths(table, widths_cm: list[float]) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(w)


def _para(
    container,
    text: str,
    *,
    first: bool = False,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    align=None,
    style: str | None = None,
):
    """Add one paragraph with one run; ``first`` reuses the empty paragraph a new cell starts with."""
    p = container.paragraphs[0] if first else container.add_paragraph(style=style)
    if style and first:
        p.style = style
    run = p.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    if size:
        run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    return p


def _cell_lines(cell, lines: list[tuple[str, dict]]) -> None:
    for i, (text, fmt) in enumerate(lines):
        p = _para(cell, text, first=(i == 0), **fmt)
        p.paragraph_format.space_after = Pt(0)


# --------------------------------------------------------------------------- document parts


@dataclass
class Meta:
    issuer: list[tuple[str, bool]]  # (line, bold)
    number: str
    place_date: str
    title: str
    subject: str
    recipients: list[str]
    sign_lines: list[str]  # authority lines, e.g. "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    signed_note: str | None  # "(Đã ký)" or None
    signer: str
    created: dt.datetime


def _header(doc, meta: Meta) -> None:
    t = doc.add_table(rows=2, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(t)
    _widths(t, [6.5, 9.5])
    c = WD_ALIGN_PARAGRAPH.CENTER
    _cell_lines(t.cell(0, 0), [(line, {"bold": bold, "size": 13, "align": c}) for line, bold in meta.issuer])
    _cell_lines(
        t.cell(0, 1),
        [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {"bold": True, "size": 13, "align": c}),
            ("Độc lập - Tự do - Hạnh phúc", {"bold": True, "size": 14, "align": c}),
        ],
    )
    _cell_lines(t.cell(1, 0), [(meta.number, {"size": 13, "align": c})])
    _cell_lines(t.cell(1, 1), [(meta.place_date, {"italic": True, "size": 14, "align": c})])
    for cell in (t.cell(1, 0), t.cell(1, 1)):
        cell.paragraphs[0].paragraph_format.space_before = Pt(6)


def _title(doc, meta: Meta) -> None:
    p = _para(doc, meta.title, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    p.paragraph_format.space_before = Pt(18)
    p.paragraph_format.space_after = Pt(0)
    p = _para(doc, meta.subject, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    p.paragraph_format.space_after = Pt(12)


def _style_of(text: str) -> str:
    """'Heading 1' for "I." headings, 'Heading 2' for short "1." headings, else 'Normal'.

    A numbered item that carries its duty on the same line ("6. Ban Chỉ huy …: Theo dõi …") is a
    body paragraph, as typists write it, not a heading.
    """
    if ROMAN.match(text):
        return "Heading 1"
    if NUMBERED.match(text) and len(text) <= 100 and not text.rstrip().endswith("."):
        return "Heading 2"
    return "Normal"


def _body(doc, paragraphs: list[str]) -> None:
    for text in paragraphs:
        style = _style_of(text)
        if style != "Normal":
            doc.add_paragraph(text, style=style)
        else:
            p = doc.add_paragraph(text)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1)


def _signature(doc, meta: Meta) -> None:
    t = doc.add_table(rows=1, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(t)
    _widths(t, [8.0, 8.0])
    left = [("Nơi nhận:", {"bold": True, "italic": True, "size": 12})]
    left += [(r, {"size": 11}) for r in meta.recipients]
    _cell_lines(t.cell(0, 0), left)
    c = WD_ALIGN_PARAGRAPH.CENTER
    right = [(s, {"bold": True, "size": 14, "align": c}) for s in meta.sign_lines]
    if meta.signed_note:
        right.append((meta.signed_note, {"italic": True, "size": 14, "align": c}))
    right.append((meta.signer, {"bold": True, "size": 14, "align": c}))
    cell = t.cell(0, 1)
    _cell_lines(cell, right)
    cell.paragraphs[-1].paragraph_format.space_before = Pt(48 if not meta.signed_note else 24)
    if meta.signed_note:
        cell.paragraphs[-2].paragraph_format.space_before = Pt(24)


def _new_document(meta: Meta):
    doc = Document()
    _setup_page(doc)
    _setup_styles(doc)
    cp = doc.core_properties
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.created = meta.created
    cp.modified = meta.created
    cp.revision = 1
    cp.title = f"{meta.title} {meta.subject}"
    cp.language = "vi-VN"
    cp.comments = "Sample document of plancheck, built by samples/build_docx.py"
    return doc


def _deterministic_bytes(doc) -> bytes:
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            zout.writestr(fixed, zin.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- text samples


def _lines(name: str) -> list[str]:
    return [ln for ln in (HERE / name).read_text(encoding="utf-8").split("\n") if ln.strip()]


def _join_broken(paragraphs: list[str]) -> tuple[list[str], int]:
    """Join paragraphs that a web/PDF copy broke mid-sentence."""
    out: list[str] = []
    joins = 0
    for text in paragraphs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _style_of(prev) == "Normal"
            and not prev.rstrip().endswith((".", ":", ";", "…", "!", "?"))
        ):
            out[-1] = prev.rstrip() + " " + text.lstrip()
            joins += 1
        else:
            out.append(text)
    return out, joins


def van_ninh_source() -> tuple[Meta, list[str]]:
    """The Vạn Ninh plan as the Word files give it: header/signature data and the body paragraphs.

    Shared with build_formats.py, which builds the automatic-numbering variant from the same text.
    """
    lines = _lines("ke-hoach-ttdn-van-ninh-2019.txt")
    _expect(lines[0] == "KẾ HOẠCH", "Vạn Ninh: title line")
    subject = lines[1]
    i_rcpt = lines.index("Nơi nhận:")
    i_vbdt = lines.index("(VBĐT)")
    _expect(lines[i_vbdt + 1 :] == ["Trần Ngọc Khiêm"], "Vạn Ninh: signer after (VBĐT)")
    body = [ln.replace("**", "") for ln in lines[2:i_rcpt]]
    _expect(body[0].startswith("Căn cứ Quyết định số 368/QĐ-TTg"), "Vạn Ninh: basis clause")
    body, joins = _join_broken(body)
    _expect(joins == 4, f"Vạn Ninh: expected 4 broken paragraphs, found {joins}")
    _expect("trước ngày 05/11/2019 để tổng hợp" in body[-1], "Vạn Ninh: reporting sentence")
    meta = Meta(
        issuer=[("ỦY BAN NHÂN DÂN", False), ("HUYỆN VẠN NINH", True)],
        number="Số: 45/KH-UBND",
        place_date="Vạn Ninh, ngày 15 tháng 3 năm 2019",
        title="KẾ HOẠCH",
        subject=subject,
        recipients=lines[i_rcpt + 1 : i_vbdt],
        sign_lines=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        signed_note="(Đã ký)",
        signer="Trần Ngọc Khiêm",
        created=dt.datetime(2019, 3, 15, 8, 0, 0, tzinfo=dt.UTC),
    )
    return meta, body


def build_van_ninh() -> bytes:
    meta, body = van_ninh_source()
    doc = _new_document(meta)
    _header(doc, meta)
    _title(doc, meta)
    _body(doc, body)
    _signature(doc, meta)
    return _deterministic_bytes(doc)


TRA_VINH_TASKS = [
    (
        "1",
        "Xây dựng kế hoạch tuyên truyền công tác đối ngoại năm 2023, in ấn phẩm chuyên đề đối ngoại nhân "
        "dân và giới thiệu thành tựu của tỉnh đến kiều bào qua họp mặt kiều bào cuối năm.",
        "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh",
        "Các tổ chức thành viên của Mặt trận tỉnh",
        "Cả năm 2023",
    ),
    (
        "2",
        "Triển khai các nhiệm vụ thông tin đối ngoại theo Kế hoạch của Ban Thường trực MTTQ Việt Nam tỉnh "
        "gắn với nhiệm vụ chính trị của địa phương; kiểm tra, đôn đốc, đánh giá việc thực hiện.",
        "Ủy ban MTTQ Việt Nam cấp huyện",
        "Cấp ủy, Ban Tuyên giáo, chính quyền các cấp và các tổ chức thành viên",
        "Cả năm 2023",
    ),
    (
        "3",
        "Đa dạng hóa phương thức tuyên truyền (trang thông tin điện tử, Fanpage, nhóm zalo, thông tin Mặt "
        "trận hàng quý) và nắm tình hình dư luận xã hội, kịp thời báo cáo Mặt trận cấp trên.",
        "Ủy ban MTTQ Việt Nam cấp xã",
        "Ban Công tác Mặt trận, các đoàn thể chính trị - xã hội",
        "Thường xuyên, hằng quý",
    ),
    (
        "4",
        "Báo cáo kết quả tuyên truyền thông tin đối ngoại về Ban Thường trực MTTQ Việt Nam tỉnh (qua Ban "
        "Dân chủ - Pháp luật và Tuyên giáo).",
        "Ban Thường trực Ủy ban MTTQ Việt Nam cấp huyện",
        "Ban Dân chủ - Pháp luật và Tuyên giáo Ủy ban MTTQ Việt Nam tỉnh",
        "6 tháng, năm",
    ),
]
TASK_HEADER = ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện")


def _task_appendix(doc, rows: list[tuple[str, str, str, str, str]] = TRA_VINH_TASKS) -> None:
    h = doc.add_paragraph("PHỤ LỤC PHÂN CÔNG NHIỆM VỤ", style="Heading 1")
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    h.paragraph_format.first_line_indent = Cm(0)
    h.paragraph_format.page_break_before = True
    t = doc.add_table(rows=1 + len(rows), cols=len(TASK_HEADER))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(t, [1.1, 6.0, 3.2, 3.4, 2.3])
    tr_pr = t.rows[0]._tr.get_or_add_trPr()
    tbl_header = OxmlElement("w:tblHeader")
    tr_pr.append(tbl_header)
    for r, values in enumerate([TASK_HEADER, *rows]):
        for col, value in enumerate(values):
            centered = r == 0 or col in (0, 4)
            p = _para(
                t.cell(r, col),
                value,
                first=True,
                bold=(r == 0),
                size=12,
                align=WD_ALIGN_PARAGRAPH.CENTER if centered else WD_ALIGN_PARAGRAPH.LEFT,
            )
            p.paragraph_format.space_after = Pt(0)


def build_tra_vinh() -> bytes:
    lines = _lines("ke-hoach-ttdn-mttq-tra-vinh-2023.txt")
    _expect(lines[0].strip() == "KẾ HOẠCH", "Trà Vinh: title line")
    subject = lines[1].strip()
    body = lines[2:]
    _expect(body[0].startswith("Căn cứ Hướng dẫn số 97/HD-MTTW-BTT"), "Trà Vinh: basis clause")
    _expect(body[-1].startswith("4. Ban Thường trực"), "Trà Vinh: last task")
    body, joins = _join_broken(body)
    _expect(joins == 0, f"Trà Vinh: expected no broken paragraphs, found {joins}")
    meta = Meta(
        issuer=[("ỦY BAN MTTQ VIỆT NAM", False), ("TỈNH TRÀ VINH", False), ("BAN THƯỜNG TRỰC", True)],
        number="Số: 12/KH-MTTQ-BTT",
        place_date="Trà Vinh, ngày 01 tháng 3 năm 2023",
        title="KẾ HOẠCH",
        subject=subject,
        recipients=[
            "- Ban Thường trực UBTW MTTQ Việt Nam (b/c);",
            "- Ban Tuyên giáo Tỉnh ủy (b/c);",
            "- Ban Chỉ đạo công tác TTĐN tỉnh;",
            "- Ủy ban MTTQ Việt Nam các huyện, thị xã, thành phố;",
            "- Lưu: VT, DCPL-TG.",
        ],
        sign_lines=["TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH"],
        signed_note=None,
        signer="Nguyễn Văn A",
        created=dt.datetime(2023, 3, 1, 8, 0, 0, tzinfo=dt.UTC),
    )
    doc = _new_document(meta)
    _header(doc, meta)
    _title(doc, meta)
    _body(doc, body)
    _signature(doc, meta)
    _task_appendix(doc)
    return _deterministic_bytes(doc)


TARGETS = {
    "ke-hoach-ttdn-van-ninh-2019.docx": build_van_ninh,
    "ke-hoach-ttdn-mttq-tra-vinh-2023.docx": build_tra_vinh,
}


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, build in TARGETS.items():
        data = build()
        path = HERE / name
        if check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
        else:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(HERE.parent)} ({len(data)} bytes)")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
