"""Build the Vạn Ninh plan (seed 003) in other formats, into samples/formats/.

    python samples/build_formats.py            # writes the files
    python samples/build_formats.py --check    # rebuilds in memory, exit 1 if a file on disk differs

Outputs, all from ke-hoach-ttdn-van-ninh-2019.txt (seed 003) or the Word file built from it:

* ke-hoach-ttdn-van-ninh-2019-numbering.docx  the Word file of build_docx.py with Word AUTOMATIC
  numbering instead of typed markers (I./II. upperRoman, 1./2. decimal, "-" bullets: one list defined
  in word/numbering.xml), a footnote on the basis paragraph and an appendix task table of four rows.
* ke-hoach-ttdn-van-ninh-2019.odt              the same plan as the numbering .docx, as LibreOffice keeps it in
  OpenDocument Text: header and signature tables, headings (text:h), the numbered paragraphs as one list
  (text:list, continued across the text between its items), the footnote (text:note), the task table.
* ke-hoach-ttdn-van-ninh-2019.html             the plan as a page saved from a district portal: menu,
  search box, sidebar (links, visit counter), the article, "Các tin khác", footer.
* ke-hoach-ttdn-van-ninh-2019-tcvn3.txt        the seed text in TCVN3 (ABC) bytes, as an old .VnTime
  document saved as text (Windows line ends).
* ke-hoach-ttdn-van-ninh-2019.pdf              ke-hoach-ttdn-van-ninh-2019.docx converted by LibreOffice
  (``soffice --headless --convert-to pdf``); only when soffice is installed.

The .docx, .odt, .html and .txt outputs are deterministic (fixed dates, fixed zip timestamps) and checked
byte for byte. The PDF depends on the LibreOffice version and the fonts of the machine (Times New Roman
is substituted when it is missing), so it is built once and committed: its creation dates and file
identifier are replaced by fixed values of the same length, and ``--check`` compares its text layer
(pypdf) with a fresh conversion, or says that soffice is missing and skips it.
"""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))  # the checker package, for the TCVN3 tables

import build_docx as bd  # noqa: E402

from checker.text.legacy import TCVN3, to_unicode  # noqa: E402

OUT = HERE / "formats"
STEM = "ke-hoach-ttdn-van-ninh-2019"
SOURCE_TXT = HERE / f"{STEM}.txt"
SOURCE_DOCX = HERE / f"{STEM}.docx"


def _expect(cond: bool, msg: str) -> None:
    if not cond:
        raise SystemExit(f"build_formats: unexpected input: {msg}")


# --------------------------------------------------------------------------- Word automatic numbering

NUM_ID = 10  # w:num and w:abstractNum ids of our list; the template's own lists use 1-9 and 0-8
_LEVELS = (
    # ilvl, w:numFmt, w:lvlText
    (0, "upperRoman", "%1."),
    (1, "decimal", "%2."),
    (2, "bullet", "-"),
)
_W = nsdecls("w")


def _add_list_definition(doc) -> None:
    """One multilevel list in word/numbering.xml: I. / 1. / - , label and text separated by a space."""
    numbering = doc.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="space"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr>'
        f'<w:rPr><w:rFonts w:ascii="{bd.FONT}" w:hAnsi="{bd.FONT}" w:cs="{bd.FONT}"/></w:rPr></w:lvl>'
        for ilvl, fmt, text in _LEVELS
    )
    abstract = parse_xml(f'<w:abstractNum {_W} w:abstractNumId="{NUM_ID}"><w:nsid w:val="5A4E0B13"/>'
                         f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
    # Schema order: every w:abstractNum before the first w:num.
    numbering.find(qn("w:num")).addprevious(abstract)
    numbering.append(parse_xml(f'<w:num {_W} w:numId="{NUM_ID}"><w:abstractNumId w:val="{NUM_ID}"/></w:num>'))


def _number(paragraph, ilvl: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = NUM_ID


_BULLET = re.compile(r"^- ")


def _split_marker(text: str) -> tuple[int | None, str]:
    """(list level, text without its typed marker) of a body paragraph; level None for plain text."""
    for ilvl, pattern in ((0, bd.ROMAN), (1, bd.NUMBERED), (2, _BULLET)):
        m = pattern.match(text)
        if m:
            return ilvl, text[m.end():]
    return None, text


# --------------------------------------------------------------------------- footnote

FOOTNOTE_AFTER = "giai đoạn 2013 - 2020"  # the reference mark goes right after these words of the basis line
FOOTNOTE_TEXT = ("Chương trình hành động này thực hiện Kết luận số 16-KL/TW ngày 14/02/2012 của Bộ Chính trị "
                 "(khóa XI) về Chiến lược phát triển thông tin đối ngoại giai đoạn 2011 - 2020.")


def _footnote_reference(paragraph, after: str) -> None:
    """Split the paragraph's single run after ``after`` and put a footnote reference (id 1) there."""
    text = paragraph.text
    _expect(len(paragraph.runs) == 1 and text.count(after) == 1, f"footnote anchor {after!r}")
    cut = text.index(after) + len(after)
    paragraph.runs[0].text = text[:cut]
    run = paragraph.add_run()
    run.font.superscript = True
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), "1")
    run._r.append(ref)
    paragraph.add_run(text[cut:])


def _footnotes_part(doc) -> None:
    """word/footnotes.xml (the two separators Word writes and note 1), related to the main part."""
    font = f'<w:rFonts w:ascii="{bd.FONT}" w:hAnsi="{bd.FONT}" w:cs="{bd.FONT}"/>'
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {_W}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:pPr><w:spacing w:after="0"/><w:jc w:val="both"/></w:pPr>'
        f'<w:r><w:rPr>{font}<w:sz w:val="20"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:rPr>{font}<w:sz w:val="20"/></w:rPr><w:t xml:space="preserve"> {html.escape(FOOTNOTE_TEXT)}</w:t>'
        "</w:r></w:p></w:footnote></w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)


# --------------------------------------------------------------------------- task table

#: Four tasks of section III (items 1, 2, 3 and 5) as an appendix table; one is due in "Quý II/2019".
VAN_NINH_TASKS = [
    (
        "1",
        "Xây dựng các chuyên trang, chuyên mục giới thiệu hình ảnh, tiềm năng, cơ hội đầu tư và chính sách "
        "khuyến khích ưu đãi đầu tư của huyện trên Cổng Thông tin điện tử của huyện.",
        "Văn phòng HĐND và UBND huyện",
        "Các ban, ngành liên quan",
        "Quý II/2019",
    ),
    (
        "2",
        "Tham mưu UBND huyện các văn bản quản lý nhà nước đối với hoạt động thông tin đối ngoại; theo dõi, "
        "đôn đốc việc triển khai các hoạt động thông tin đối ngoại trên địa bàn huyện.",
        "Phòng Văn hóa và Thông tin",
        "Ban Tuyên giáo Huyện ủy, các cơ quan liên quan",
        "Thường xuyên",
    ),
    (
        "3",
        "Tăng cường tin, bài, phóng sự, chuyên mục tuyên truyền đường lối đối ngoại, chủ quyền biên giới, "
        "lãnh thổ quốc gia; quảng bá hình ảnh vùng đất, con người Vạn Ninh.",
        "Đài Truyền thanh - Truyền hình huyện",
        "Phòng Văn hóa và Thông tin",
        "Cả năm 2019",
    ),
    (
        "4",
        "Thẩm định, cân đối, phân bổ kinh phí triển khai các hoạt động theo Kế hoạch; kiểm tra, quyết toán "
        "kinh phí theo quy định của Luật Ngân sách nhà nước.",
        "Phòng Tài chính - Kế hoạch",
        "Văn phòng HĐND và UBND huyện",
        "Cả năm 2019",
    ),
]


def build_numbering_docx() -> bytes:
    meta, body = bd.van_ninh_source()
    doc = bd._new_document(meta)
    doc.core_properties.comments = "Sample document of plancheck, built by samples/build_formats.py"
    _add_list_definition(doc)
    bd._header(doc, meta)
    bd._title(doc, meta)
    numbered = 0
    for original in body:
        style = bd._style_of(original)
        ilvl, text = _split_marker(original)
        p = doc.add_paragraph(text, style=None if style == "Normal" else style)
        if style == "Normal":
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1)
        if ilvl is not None:
            _number(p, ilvl)
            numbered += 1
        if original.startswith("Căn cứ Quyết định số 368/QĐ-TTg"):
            _footnote_reference(p, FOOTNOTE_AFTER)
    _expect(numbered == 48, f"Vạn Ninh: expected 48 numbered paragraphs, found {numbered}")
    bd._signature(doc, meta)
    bd._task_appendix(doc, VAN_NINH_TASKS)
    _footnotes_part(doc)
    return bd._deterministic_bytes(doc)


# --------------------------------------------------------------------------- OpenDocument Text

_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"'
)
_ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
_ODT_FONTS = ('<office:font-face-decls><style:font-face style:name="Times New Roman" '
              "svg:font-family=\"'Times New Roman'\" style:font-family-generic=\"roman\"/></office:font-face-decls>")
# Common styles (styles.xml): as LibreOffice names them, with its default outline style, which numbers nothing.
_ODT_STYLES = (
    '<style:default-style style:family="paragraph"><style:text-properties style:font-name="Times New Roman" '
    'fo:font-size="14pt" fo:language="vi" fo:country="VN"/></style:default-style>'
    '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
    '<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" '
    'style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:text-align="justify" '
    'fo:text-indent="1cm"/></style:style>'
    '<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" '
    'style:class="text"><style:text-properties fo:font-weight="bold"/></style:style>'
    '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" '
    'style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"/>'
    '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" '
    'style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"/>'
    '<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" '
    'style:parent-style-name="Standard" style:class="extra"/>'
    '<style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" '
    'style:class="extra"><style:text-properties fo:font-size="10pt"/></style:style>'
    '<text:outline-style style:name="Outline">'
    + "".join(f'<text:outline-level-style text:level="{n}" style:num-format=""/>' for n in range(1, 11))
    + "</text:outline-style>"
    '<text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" '
    'text:footnotes-position="page" text:start-numbering-at="document"/>'
)
# Automatic styles (content.xml): centred and bold paragraphs, and the plan's list: I. / 1. / - (as the
# automatic-numbering .docx).
_ODT_AUTOMATIC = (
    '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Table_20_Contents">'
    '<style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>'
    '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Table_20_Contents">'
    '<style:paragraph-properties fo:text-align="center"/></style:style>'
    '<style:style style:name="P3" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>'
    '<style:style style:name="P4" style:family="paragraph" style:parent-style-name="Heading_20_1">'
    '<style:paragraph-properties fo:text-align="center" fo:break-before="page"/></style:style>'
    '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>'
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="I"/>'
    '<text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1"/>'
    '<text:list-level-style-bullet text:level="3" text:bullet-char="-"/>'
    "</text:list-style>"
)


def _odt_p(text: str, style: str) -> str:
    return f'<text:p text:style-name="{style}">{html.escape(text, quote=False)}</text:p>'


def _odt_cell(*paragraphs: str, attrs: str = "") -> str:
    return f'<table:table-cell{attrs} office:value-type="string">{"".join(paragraphs)}</table:table-cell>'


def _odt_table(name: str, columns: int, rows: list[list[str]], header: list[str] | None = None) -> str:
    head = f"<table:table-header-rows><table:table-row>{''.join(header)}</table:table-row></table:table-header-rows>" \
        if header else ""
    body = "".join(f"<table:table-row>{''.join(cells)}</table:table-row>" for cells in rows)
    return (f'<table:table table:name="{name}"><table:table-column table:number-columns-repeated="{columns}"/>'
            f"{head}{body}</table:table>")


def _odt_list_items(entries: list[tuple[int, str]], depth: int = 0) -> str:
    """list-item elements for (level, paragraph) entries from ``depth`` down: a deeper paragraph goes in a list
    inside the item before it, or in an item that holds only that list (as LibreOffice writes a list that opens
    deeper than its first level)."""
    out, i = [], 0
    while i < len(entries):
        level, paragraph = entries[i]
        j = i + 1 if level == depth else i
        while j < len(entries) and entries[j][0] > depth:
            j += 1
        inner = entries[i + 1 if level == depth else i:j]
        nested = f"<text:list>{_odt_list_items(inner, depth + 1)}</text:list>" if inner else ""
        out.append(f"<text:list-item>{paragraph if level == depth else ''}{nested}</text:list-item>")
        i = j
    return "".join(out)


def _odt_body(meta, body: list[str]) -> str:
    """The plan: header table, title, the body (numbered paragraphs in one list continued across the text
    between them, the footnote on the basis), signature table, appendix task table."""
    parts = [_odt_table("Đầu văn bản", 2, [
        [_odt_cell(*(_odt_p(line, "P1" if bold else "P2") for line, bold in meta.issuer)),
         _odt_cell(_odt_p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "P1"), _odt_p("Độc lập - Tự do - Hạnh phúc", "P1"))],
        [_odt_cell(_odt_p(meta.number, "P2").replace("Số: ", "Số:<text:s/>")),
         _odt_cell(f'<text:p text:style-name="P2"><text:span text:style-name="T1">{meta.place_date}</text:span>'
                   "</text:p>")]])]
    parts += [_odt_p(meta.title, "P3"), _odt_p(meta.subject, "P3")]
    segment: list[tuple[int, str]] = []
    segments = numbered = 0

    def close() -> None:
        nonlocal segments
        if segment:
            segments += 1
            continued = f' text:continue-list="list{segments - 1}"' if segments > 1 else ""
            parts.append(f'<text:list xml:id="list{segments}"{continued} text:style-name="L1">'
                         f"{_odt_list_items(segment)}</text:list>")
            segment.clear()

    for original in body:
        style = bd._style_of(original)
        ilvl, text = _split_marker(original)
        escaped = html.escape(text, quote=False)
        if original.startswith("Căn cứ Quyết định số 368/QĐ-TTg"):
            _expect(escaped.count(FOOTNOTE_AFTER) == 1, f"footnote anchor {FOOTNOTE_AFTER!r}")
            escaped = escaped.replace(FOOTNOTE_AFTER, FOOTNOTE_AFTER + (
                '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                f"<text:note-body>{_odt_p(FOOTNOTE_TEXT, 'Footnote')}</text:note-body></text:note>"))
        if style == "Normal":
            paragraph = f'<text:p text:style-name="Text_20_body">{escaped}</text:p>'
        else:
            level = style[-1]
            paragraph = (f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{escaped}'
                         "</text:h>")
        if ilvl is None:
            close()
            parts.append(paragraph)
        else:
            segment.append((ilvl, paragraph))
            numbered += 1
    close()
    _expect(numbered == 48, f"Vạn Ninh: expected 48 numbered paragraphs, found {numbered}")
    right = [_odt_p(line, "P1") for line in meta.sign_lines]
    right.append(f'<text:p text:style-name="P2"><text:span text:style-name="T1">{meta.signed_note}</text:span>'
                 "</text:p>")
    right.append(_odt_p(meta.signer, "P1"))
    parts.append(_odt_table("Chữ ký", 2, [[
        _odt_cell('<text:p text:style-name="Table_20_Contents"><text:span text:style-name="T1">Nơi nhận:</text:span>'
                  "</text:p>", *(_odt_p(r, "Table_20_Contents") for r in meta.recipients)),
        _odt_cell(*right)]]))
    parts.append('<text:h text:style-name="P4" text:outline-level="1">PHỤ LỤC PHÂN CÔNG NHIỆM VỤ</text:h>')
    parts.append(_odt_table("Phân công", 5, [[_odt_cell(_odt_p(value, "Table_20_Contents")) for value in row]
                                              for row in VAN_NINH_TASKS],
                            header=[_odt_cell(_odt_p(value, "P1")) for value in bd.TASK_HEADER]))
    return "".join(parts)


def build_odt() -> bytes:
    """The plan of build_numbering_docx as an OpenDocument Text written by LibreOffice: the same header,
    numbering, footnote, signature and appendix table, kept the OpenDocument way."""
    meta, body = bd.van_ninh_source()
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_ODF_NS}>{_ODT_FONTS}'
               f"<office:automatic-styles>{_ODT_AUTOMATIC}</office:automatic-styles><office:body><office:text>"
               '<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/>'
               f"</text:sequence-decls>{_odt_body(meta, body)}</office:text></office:body></office:document-content>")
    styles = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {_ODF_NS}>{_ODT_FONTS}'
              f"<office:styles>{_ODT_STYLES}</office:styles><office:master-styles/></office:document-styles>")
    created = meta.created.strftime("%Y-%m-%dT%H:%M:%S")
    meta_xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {_ODF_NS}><office:meta>'
                f"<meta:generator>plancheck samples/build_formats.py</meta:generator>"
                f"<dc:title>{meta.title} {html.escape(meta.subject)}</dc:title><dc:language>vi-VN</dc:language>"
                f"<meta:creation-date>{created}</meta:creation-date><dc:date>{created}</dc:date>"
                "</office:meta></office:document-meta>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                'opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                f'<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
                f'manifest:media-type="{_ODT_MIMETYPE}"/>'
                + "".join(f'<manifest:file-entry manifest:full-path="{name}" manifest:media-type="text/xml"/>'
                          for name in ("content.xml", "styles.xml", "meta.xml"))
                + "</manifest:manifest>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data, method in (("mimetype", _ODT_MIMETYPE, zipfile.ZIP_STORED),
                                   ("content.xml", content, zipfile.ZIP_DEFLATED),
                                   ("styles.xml", styles, zipfile.ZIP_DEFLATED),
                                   ("meta.xml", meta_xml, zipfile.ZIP_DEFLATED),
                                   ("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)):
            entry = zipfile.ZipInfo(name, date_time=bd.ZIP_DATE)
            entry.compress_type = method
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data.encode("utf-8"))
    return out.getvalue()


# --------------------------------------------------------------------------- portal page

_PAGE_HEAD = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kế hoạch hoạt động thông tin đối ngoại trên địa bàn huyện Vạn Ninh năm 2019 - Cổng thông tin điện tử \
huyện Vạn Ninh</title>
<link rel="stylesheet" href="/Portals/_default/Skins/VanNinh/skin.css">
<style>
body { font-family: Arial, sans-serif; font-size: 14px; margin: 0; }
.wrapper { width: 1000px; margin: 0 auto; }
.left-col { float: left; width: 240px; }
.main-col { float: right; width: 740px; }
.news-content p { text-align: justify; margin: 6px 0; }
</style>
<script src="/js/jquery.min.js"></script>
<script>
window.dataLayer = window.dataLayer || [];
function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'UA-00000000-1');
</script>
</head>
<body>
<div class="wrapper">
<div id="header">
<div class="banner"><a href="/"><img src="/images/banner.jpg" alt="Cổng thông tin điện tử huyện Vạn Ninh"></a></div>
<ul class="top-menu">
<li><a href="/">Trang chủ</a></li>
<li><a href="/gioi-thieu">Giới thiệu</a></li>
<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li>
<li><a href="/chi-dao-dieu-hanh">Chỉ đạo điều hành</a></li>
<li><a href="/van-ban">Văn bản</a></li>
<li><a href="/thu-tuc-hanh-chinh">Thủ tục hành chính</a></li>
<li><a href="/lien-he">Liên hệ</a></li>
</ul>
</div>
<div class="tim-kiem">
<form action="/tim-kiem" method="get">
<label for="q">Tìm kiếm tin tức</label>
<input type="text" id="q" name="q" placeholder="Nhập từ khóa...">
<button type="submit">Tìm kiếm</button>
</form>
</div>
<div class="left-col">
<div class="lien-ket-website">
<h3>Liên kết website</h3>
<ul>
<li><a href="https://chinhphu.vn">Chính phủ</a></li>
<li><a href="https://khanhhoa.gov.vn">Tỉnh ủy, UBND Tỉnh</a></li>
<li><a href="/so-ban-nganh">Sở, Ban, Ngành</a></li>
<li><a href="/xa-thi-tran">Các xã, thị trấn</a></li>
</ul>
</div>
<div class="thong-ke-truy-cap">
<h3>Thống kê lượt truy cập</h3>
<p>Tổng truy cập 3.576.239</p>
<p>Truy cập hiện tại 7.559</p>
</div>
</div>
<div class="main-col">
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/chi-dao-dieu-hanh">Chỉ đạo điều hành</a></div>
<div class="news-detail">
<h1 class="news-title">Kế hoạch hoạt động thông tin đối ngoại trên địa bàn huyện Vạn Ninh năm 2019</h1>
<div class="news-date">Ngày cập nhật 20/03/2019</div>
<div class="news-content">
"""

_PAGE_TAIL = """</div>
<div class="news-tools"><a href="javascript:window.print()">In bài viết</a> | <a href="mailto:?">Gửi email</a> \
| <a href="#">Về đầu trang</a></div>
</div>
<div class="tin-khac">
<h3>Các tin khác</h3>
<ul>
<li><a href="/tin-tuc/hoi-nghi-tong-ket-cong-tac-thong-tin-doi-ngoai-nam-2018">Hội nghị tổng kết công tác thông tin \
đối ngoại năm 2018</a> (05/03/2019)</li>
<li><a href="/tin-tuc/ke-hoach-tuyen-truyen-bien-dao-nam-2019">Kế hoạch tuyên truyền biển, đảo năm 2019</a> \
(28/02/2019)</li>
<li><a href="/tin-tuc/le-hoi-cau-ngu-xa-van-thang">Lễ hội Cầu ngư xã Vạn Thắng</a> (20/02/2019)</li>
<li><a href="/tin-tuc/tap-huan-nghiep-vu-bao-cao-vien">Tập huấn nghiệp vụ cho đội ngũ báo cáo viên huyện</a> \
(15/01/2019)</li>
</ul>
</div>
</div>
<div id="footer">
<p>CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN VẠN NINH</p>
<p>Cơ quan chủ quản: Ủy ban nhân dân huyện Vạn Ninh, tỉnh Khánh Hòa</p>
<p>Chịu trách nhiệm chính: Chánh Văn phòng HĐND và UBND huyện</p>
<p>Ghi rõ nguồn "Cổng thông tin điện tử huyện Vạn Ninh" khi phát hành lại thông tin từ website này.</p>
</div>
</div>
</body>
</html>
"""


def _seed_lines() -> list[str]:
    return [ln.strip() for ln in SOURCE_TXT.read_text(encoding="utf-8").split("\n") if ln.strip()]


def build_html() -> bytes:
    """The seed's paragraphs (the four broken ones joined), ``**…**`` as <strong>, one <p> each."""
    lines = _seed_lines()
    _expect(lines[0] == "KẾ HOẠCH", "Vạn Ninh: title line")
    i_rcpt = lines.index("Nơi nhận:")
    body, joins = bd._join_broken(lines[2:i_rcpt])
    _expect(joins == 4, f"Vạn Ninh: expected 4 broken paragraphs, found {joins}")
    paragraphs = [*lines[:2], *body, *lines[i_rcpt:]]
    out = []
    for text in paragraphs:
        inner = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html.escape(text, quote=False))
        if text in ("KẾ HOẠCH", lines[1]):
            out.append(f'<p style="text-align: center;"><strong>{inner}</strong></p>')
        elif text == "Nơi nhận:":
            out.append(f"<p><strong><em>{inner}</em></strong></p>")
        elif text == lines[-1]:  # the signer
            out.append(f'<p style="text-align: right;"><strong>{inner}</strong></p>')
        else:
            out.append(f"<p>{inner}</p>")
    _expect(sum("<strong>trước ngày 05/11/2019</strong>" in p for p in out) == 1, "Vạn Ninh: deadline")
    return (_PAGE_HEAD + "\n".join(out) + "\n" + _PAGE_TAIL).encode("utf-8")


# --------------------------------------------------------------------------- TCVN3 text

_TO_TCVN3 = {letter: code for code, letter in TCVN3.items()}
# Typographic quotes: Windows-1252 bytes, which .VnTime fonts draw as quotes too.
_CP1252_PUNCT = {"“": "\x93", "”": "\x94"}
# .VnTime has no code for a capital with a tone mark. In all-capitals words the typist switched to
# .VnTimeH, which draws the small-letter codes as capitals (saved as text: the small codes). In
# sentence case the only such capital of seed 003 is Ủ of "Ủy ban": .VnTime users wrote it "Uỷ" (tone
# on the y, the old style), U being plain ASCII.
_OLD_STYLE = {"Ủy": "Uỷ"}


def tcvn3_source_text() -> str:
    """The seed text as the TCVN3 file says it: "Ủy" written "Uỷ" (see _OLD_STYLE), all else as is."""
    text = SOURCE_TXT.read_text(encoding="utf-8")
    _expect(unicodedata.is_normalized("NFC", text), "seed 003 is not NFC")
    for new, old in _OLD_STYLE.items():
        text = re.sub(rf"\b{new}\b", old, text)
    return text


def _tcvn3_char(char: str, word: str) -> str:
    if char.isascii():
        return char
    if char in _TO_TCVN3:
        return _TO_TCVN3[char]
    if char in _CP1252_PUNCT:
        return _CP1252_PUNCT[char]
    if char.isupper() and char.lower() in _TO_TCVN3 and word.isupper():
        return _TO_TCVN3[char.lower()]  # .VnTimeH
    raise SystemExit(f"build_formats: no TCVN3 code for {char!r} in {word!r}")


def build_tcvn3() -> bytes:
    text = tcvn3_source_text()
    words = re.compile(r"\w+|\W")
    legacy = "".join(
        "".join(_tcvn3_char(c, token) for c in token) for token in words.findall(text)
    )
    data = _latin1(legacy)
    # Round trip through the module's own converter (capitals of .VnTimeH words guessed back).
    back = data.decode("latin-1").translate({ord(b): a for a, b in _CP1252_PUNCT.items()}).replace("\r\n", "\n")
    _expect(to_unicode(back, "tcvn3") == text, "TCVN3 round trip")
    return data


def _latin1(legacy: str) -> bytes:
    """The TCVN3 characters (Latin-1 code points) and cp1252 quotes as single bytes, with CRLF."""
    out = bytearray()
    for char in legacy.replace("\n", "\r\n"):
        code = ord(char)
        _expect(code < 0x100, f"not a single byte: {char!r}")
        out.append(code)
    return bytes(out)


# --------------------------------------------------------------------------- PDF (LibreOffice)

_PDF_DATE = re.compile(rb"D:\d{14}[-+Z](?:\d\d'\d\d'?)?")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_PDF_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")
FIXED_DATE = b"D:20190315080000"


def _fixed_pdf(data: bytes) -> bytes:
    """Creation/modification dates, the checksum and the file identifier replaced by fixed values of the
    same length (the cross-reference offsets stay valid)."""

    def date(m: re.Match[bytes]) -> bytes:
        return (FIXED_DATE + m.group(0)[len(FIXED_DATE):].replace(b"-", b"+"))[: len(m.group(0))]

    def ident(m: re.Match[bytes]) -> bytes:
        return m.group(0).replace(m.group(1), b"0" * len(m.group(1))).replace(m.group(2), b"0" * len(m.group(2)))

    def checksum(m: re.Match[bytes]) -> bytes:  # LibreOffice's checksum covers the dates
        return m.group(0).replace(m.group(1), b"0" * len(m.group(1)))

    data = _PDF_DATE.sub(date, data)
    data = _PDF_CHECKSUM.sub(checksum, data)
    return _PDF_ID.sub(ident, data)


def build_pdf() -> bytes | None:
    """SOURCE_DOCX converted by LibreOffice, or None when soffice is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp, "profile").as_uri()  # a private profile: works beside a running LibreOffice
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", tmp,
             str(SOURCE_DOCX)],
            check=True, capture_output=True, timeout=300, env={**os.environ, "TZ": "UTC"},
        )
        return _fixed_pdf(Path(tmp, f"{STEM}.pdf").read_bytes())


def pdf_text(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


# --------------------------------------------------------------------------- main

TARGETS = {
    f"{STEM}-numbering.docx": build_numbering_docx,
    f"{STEM}.odt": build_odt,
    f"{STEM}.html": build_html,
    f"{STEM}-tcvn3.txt": build_tcvn3,
}
PDF_NAME = f"{STEM}.pdf"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    OUT.mkdir(exist_ok=True)
    for name, build in TARGETS.items():
        data = build()
        path = OUT / name
        if check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
        else:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(HERE.parent)} ({len(data)} bytes)")
    pdf = build_pdf()
    path = OUT / PDF_NAME
    if pdf is None:
        print(f"soffice (LibreOffice) not found: {path.relative_to(HERE.parent)} not "
              f"{'checked' if check else 'rebuilt'}", file=sys.stderr)
    elif check:
        if not path.exists() or pdf_text(path.read_bytes()) != pdf_text(pdf):
            stale.append(PDF_NAME)
    else:
        path.write_bytes(pdf)
        print(f"wrote {path.relative_to(HERE.parent)} ({len(pdf)} bytes, LibreOffice)")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
