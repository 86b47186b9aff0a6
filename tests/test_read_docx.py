"""Tests for the .docx reader: blocks, tables, styles, tracked changes, damaged files."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from checker.read import ReadError, read_file
from checker.read.docx import read_docx, read_docx_bytes

docx = pytest.importorskip("docx")  # python-docx, only to *write* test files

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def build(tmp_path: Path, name: str = "plan.docx") -> Path:
    """A small plan: heading, body text, an empty paragraph, a 2x2 table, a level-2 heading."""
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH", style="Heading 1")
    document.add_paragraph("Thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư.")
    document.add_paragraph("   ")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "STT"
    table.cell(0, 1).text = "Nhiệm vụ"
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "Tuyên truyền"
    table.cell(1, 1).add_paragraph("Sở Văn hóa chủ trì")
    document.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU", style="Heading 2")
    path = tmp_path / name
    document.save(str(path))
    return path


def with_body(tmp_path: Path, body: str, name: str = "raw.docx") -> Path:
    """A python-docx package whose word/document.xml body is replaced by ``body``."""
    source = build(tmp_path, "base.docx")
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<w:document xmlns:w="{W_NS}" xmlns:mc="{MC_NS}"><w:body>{body}</w:body></w:document>')
    return rewrite(source, tmp_path / name, {"word/document.xml": xml.encode("utf-8")})


def rewrite(source: Path, target: Path, replace: dict[str, bytes | None]) -> Path:
    """Copy a zip, replacing (bytes) or dropping (None) some members."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            if item.filename not in replace:
                new.writestr(item, old.read(item.filename))
        for member, data in replace.items():
            if data is not None:
                new.writestr(member, data)
    return target


def para(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def test_blocks_styles_and_paragraph_numbers(tmp_path):
    doc = read_docx(build(tmp_path))
    assert doc.format == "docx"
    rows = [(b.index, b.kind, b.text, b.paragraph, b.style, b.outline_level) for b in doc.blocks]
    assert rows[:2] == [
        (0, "paragraph", "KẾ HOẠCH", 1, "heading 1", 1),
        (1, "paragraph", "Thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư.", 2, None, None),
    ]
    # the blank paragraph 3 is skipped but still counted
    assert rows[-1] == (7, "paragraph", "I. MỤC ĐÍCH, YÊU CẦU", 4, "heading 2", 2)


def test_table_cells(tmp_path):
    doc = read_docx(build(tmp_path))
    cells = [(b.text, b.table, b.row, b.cell, b.paragraph) for b in doc.blocks if b.kind == "table_cell"]
    assert cells == [
        ("STT", 1, 1, 1, None),
        ("Nhiệm vụ", 1, 1, 2, None),
        ("1", 1, 2, 1, None),
        ("Tuyên truyền", 1, 2, 2, None),
        ("Sở Văn hóa chủ trì", 1, 2, 2, None),
    ]
    assert doc.blocks[2].location().describe() == "bảng 1, hàng 1, ô 1"


def test_merged_and_nested_cells(tmp_path):
    document = docx.Document()
    document.add_paragraph("Mở đầu")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Gộp"
    table.cell(0, 2).text = "Ba"
    inner = table.cell(1, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Trong 1"
    inner.cell(0, 1).text = "Trong 2"
    table.cell(1, 1).text = "Hai"
    document.add_table(rows=1, cols=1).cell(0, 0).text = "Bảng hai"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    cells = [(b.text, b.table, b.row, b.cell) for b in read_docx(path).blocks if b.kind == "table_cell"]
    assert cells == [
        ("Gộp", 1, 1, 1), ("Ba", 1, 1, 2),  # the merged (gridSpan) cell counts as one
        ("Trong 1", 1, 2, 1), ("Trong 2", 1, 2, 1), ("Hai", 1, 2, 2),  # nested table flattened
        ("Bảng hai", 2, 1, 1),
    ]


def test_tracked_changes(tmp_path):
    body = ('<w:p><w:r><w:t xml:space="preserve">Nội dung </w:t></w:r>'
            '<w:del w:id="1" w:author="A"><w:r><w:delText>xoá</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="A"><w:r><w:t>thêm</w:t></w:r></w:ins></w:p>')
    doc = read_docx(with_body(tmp_path, body))
    assert [b.text for b in doc.blocks] == ["Nội dung thêm"]
    assert any("1 tracked deletions" in note for note in doc.notes)


def test_inline_markup(tmp_path):
    body = (
        '<w:p><w:hyperlink><w:r><w:t>Cổng</w:t></w:r></w:hyperlink><w:r><w:tab/><w:t>thông</w:t><w:br/>'
        '<w:t>tin</w:t><w:noBreakHyphen/><w:t>điện tử</w:t><w:sym w:char="F0B7"/></w:r></w:p>'
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:fldSimple w:instr=" DATE "><w:r><w:t> ngày 1</w:t></w:r></w:fldSimple></w:p>'
        '<w:p><w:smartTag><w:r><w:t>Hà Nội</w:t></w:r></w:smartTag>'
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>A</w:t></mc:Choice>'
        '<mc:Fallback><w:t>B</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>'
        '<w:sdt><w:sdtPr/><w:sdtContent>' + para("Trong điều khiển nội dung") + '</w:sdtContent></w:sdt>'
        '<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>Cấp ba</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:outlineLvl w:val="9"/></w:pPr>'
        '<w:r><w:t>Thân</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>\u200bKy\u0301 </w:t></w:r></w:p>"
    )
    doc = read_docx(with_body(tmp_path, body))
    assert [b.text for b in doc.blocks] == [
        # a soft line break splits the paragraph into two blocks of the same paragraph number
        "Cổng\tthông", "tin-điện tử", "7 ngày 1", "Hà NộiA", "Trong điều khiển nội dung", "Cấp ba", "Thân",
        "Ký",  # NFC composed, zero-width space dropped
    ]
    assert [b.paragraph for b in doc.blocks] == [1, 1, 2, 3, 4, 5, 6, 7]
    assert doc.blocks[5].outline_level == 3  # w:outlineLvl is 0-based
    assert (doc.blocks[6].style, doc.blocks[6].outline_level) == ("heading 1", None)  # 9 = body text


@pytest.mark.parametrize(("data", "expected"), [
    (b"\x00\x01random bytes, not a zip" * 10, "not a ZIP package"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "legacy .doc or an encrypted Word file"),
    (b"PK\x03\x04 truncated", "not a ZIP package"),
])
def test_corrupt_files(tmp_path, data, expected):
    path = tmp_path / "bad.docx"
    path.write_bytes(data)
    with pytest.raises(ReadError) as info:
        read_docx(path)
    assert str(path) in str(info.value)
    assert expected in info.value.reason_en
    assert info.value.reason  # a Vietnamese reason too


def test_zip_without_document(tmp_path):
    path = rewrite(build(tmp_path), tmp_path / "empty.docx", {"word/document.xml": None})
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert str(path) in str(info.value) and "not a Word document" in str(info.value)


def test_malformed_xml(tmp_path):
    path = rewrite(build(tmp_path), tmp_path / "broken.docx", {"word/document.xml": b"<w:document><w:body>"})
    with pytest.raises(ReadError) as info:
        read_docx(path)
    assert "XML" in info.value.reason_en


def test_entities_are_not_expanded():
    xml = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "MỞ RỘNG">]>'
           f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>a&x;b</w:t></w:r></w:p></w:body>'
           '</w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xml)
    doc = read_docx_bytes(buffer.getvalue(), "mem.docx")
    assert "MỞ RỘNG" not in doc.blocks[0].text


def test_read_file_dispatches_docx(tmp_path):
    path = build(tmp_path, "PLAN.DOCX")
    assert read_file(path).blocks[0].text == "KẾ HOẠCH"


def test_every_corpus_docx_reads():
    files = sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip("corpus not available")
    for path in files:
        doc = read_docx(path)
        assert len(doc.blocks) > 5, path  # the shortest is a one-page meeting agenda (065)
        text = "\n".join(b.text for b in doc.blocks)
        # plans, guidance, letters (V/v …), a Thông báo and an agenda: each names what it is
        assert any(word in text for word in ("KẾ HOẠCH", "HƯỚNG DẪN", "V/v", "THÔNG BÁO", "CHƯƠNG TRÌNH")), path
        assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))


def test_corpus_doc_is_refused():
    path = CORPUS / "006.doc"
    if not path.exists():
        pytest.skip("corpus not available")
    with pytest.raises(ReadError, match=r"this is a \.doc \(Word 97–2003\) file named \.docx; open it in Word"):
        read_docx(path)


def test_headers_footers_and_comments_are_not_body_text(tmp_path):
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "ĐẦU TRANG Số: 99/KH-UBND"
    section.footer.paragraphs[0].text = "CHÂN TRANG 7"
    paragraph = document.add_paragraph("Nội dung chính.")
    if hasattr(document, "add_comment"):  # python-docx >= 1.2
        document.add_comment(paragraph.runs, text="GÓP Ý của người duyệt", author="A")
    path = tmp_path / "header.docx"
    document.save(str(path))
    with zipfile.ZipFile(path) as archive:
        assert "ĐẦU TRANG" in "".join(archive.read(n).decode() for n in archive.namelist() if "header" in n)
    doc = read_docx(path)
    assert [b.text for b in doc.blocks] == ["Nội dung chính."]


def test_comments_moves_and_field_codes(tmp_path):
    body = (
        '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Giao </w:t></w:r><w:commentRangeEnd w:id="0"/>'
        '<w:r><w:commentReference w:id="0"/></w:r>'
        '<w:moveFrom w:id="1" w:author="A"><w:r><w:t>Sở cũ</w:t></w:r></w:moveFrom>'
        '<w:moveTo w:id="2" w:author="A"><w:r><w:t>Sở Nội vụ</w:t></w:r></w:moveTo>'
        '<w:r><w:t xml:space="preserve"> chủ trì.</w:t></w:r></w:p>'
        # a field whose code part holds plain w:t (some generators) shows only its result
        '<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:t>PAGE \\* MERGEFORMAT</w:t></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        '<w:p><w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<w:r><w:t>Cổng\u00a0thông tin</w:t></w:r></w:hyperlink><w:r><w:t>\u00a0</w:t></w:r></w:p>'
    )
    assert [b.text for b in read_docx(with_body(tmp_path, body)).blocks] == [
        "Giao Sở Nội vụ chủ trì.", "Trang 3", "Cổng\u00a0thông tin"]  # NBSP kept inside, stripped at the ends


WPS = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:v="urn:schemas-microsoft-com:vml"')


def test_text_boxes_follow_their_anchor(tmp_path):
    box = ('<w:txbxContent>' + para("Nơi nhận:") + para("- Như trên;") + "</w:txbxContent>")
    drawing = (f'<w:drawing><wp:anchor {WPS}><a:graphic><a:graphicData><wps:wsp><wps:txbx>{box}</wps:txbx>'
               "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>")
    vml = f'<w:pict><v:shape {WPS}><v:textbox>{box.replace("Nơi nhận", "VML")}</v:textbox></v:shape></w:pict>'
    body = (
        f'<w:p><w:r><w:t xml:space="preserve">Trên đây là Kế hoạch </w:t></w:r><w:r>{drawing}</w:r>'
        '<w:r><w:t>của UBND huyện.</w:t></w:r></w:p>'
        f'<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
        f'<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r></w:p>'
        f'<w:p><w:r>{vml}</w:r></w:p>' + para("Kết thúc")
    )
    doc = read_docx(with_body(tmp_path, body))
    assert [(b.text, b.paragraph) for b in doc.blocks] == [
        ("Trên đây là Kế hoạch của UBND huyện.", 1), ("Nơi nhận:", 1), ("- Như trên;", 1),
        ("Nơi nhận:", 2), ("- Như trên;", 2),  # the VML fallback of the same box is not read twice
        ("VML:", 3), ("- Như trên;", 3), ("Kết thúc", 4),
    ]


def _with_second(part: str, name: str, data: bytes) -> bytes:
    """The sample package with a second entry ``name`` (a duplicate of ``part``) holding ``data``, written after
    the original: ``zipfile`` reads the last of two entries of one name, Word may show the first."""
    import warnings

    out = io.BytesIO()
    sample = Path(__file__).resolve().parents[1] / "samples" / "ke-hoach-ttdn-van-ninh-2019.docx"
    with zipfile.ZipFile(sample) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item.filename))
        assert part in source.namelist()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "Duplicate name": what this test is about
            target.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("name", ["word/document.xml", "Word/Document.xml", "word/styles.xml"])
def test_a_package_with_two_entries_of_one_name_is_refused_as_ambiguous(tmp_path: Path, name: str) -> None:
    from conftest import run

    other = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
             'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Kế hoạch khác</w:t></w:r></w:p></w:body>'
             '</w:document>').encode()
    path = tmp_path / "hai-ban.docx"
    path.write_bytes(_with_second(name.lower(), name, other))
    with pytest.raises(ReadError) as caught:
        read_docx(path)
    assert caught.value.reason_en.startswith(f"the .docx package holds two entries named {name}: ")
    code, out, _ = run("check", str(path), "--format", "json", "--lang", "en")
    [document] = json.loads(out)["documents"]
    assert code == 1 and document["status"] == "unreadable"
    assert document["findings"][0]["message"] == f"{path}: {caught.value.reason_en}"  # the file and the part
