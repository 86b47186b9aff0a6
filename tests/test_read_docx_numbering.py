"""Word automatic numbering: labels computed from numbering.xml and put in front of the text."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.read import ReadError
from checker.read.docx import read_docx, read_docx_bytes
from checker.read.docx_numbering import bullet, format_number, roman

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def package(body: str, numbering: str | None = None, styles: str = "") -> bytes:
    """A bare .docx (no relationships: the reader falls back to the usual part names)."""
    root = f'<?xml version="1.0" encoding="UTF-8"?>\n<w:{{0}} xmlns:w="{W_NS}">{{1}}</w:{{0}}>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", root.format("document", f"<w:body>{body}</w:body>"))
        if numbering is not None:
            archive.writestr("word/numbering.xml", root.format("numbering", numbering))
        if styles:
            archive.writestr("word/styles.xml", root.format("styles", styles))
    return buffer.getvalue()


def lvl(ilvl: int, fmt: str, text: str, start: int | None = 1, extra: str = "") -> str:
    start_xml = f'<w:start w:val="{start}"/>' if start is not None else ""
    return (f'<w:lvl w:ilvl="{ilvl}">{start_xml}<w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def abstract(key: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{key}">{"".join(levels)}</w:abstractNum>'


def num(num_id: int, key: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{key}"/>{overrides}</w:num>'


def p(text: str, num_id: int | str | None = None, ilvl: int | None = None, style: str | None = None) -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None or ilvl is not None:
        parts = (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + (
            f'<w:numId w:val="{num_id}"/>' if num_id is not None else "")
        ppr += f"<w:numPr>{parts}</w:numPr>"
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run}</w:p>"


def texts(body: str, numbering: str | None, styles: str = "") -> list[str]:
    return [b.text for b in read_docx_bytes(package(body, numbering, styles), "mem.docx").blocks]


# The skeleton of a plan: I. → 1. → 1.1. → a) → - → +
PLAN = abstract(
    0, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%2."), lvl(2, "decimal", "%2.%3."),
    lvl(3, "lowerLetter", "%4)"), lvl(4, "bullet", "\uf0b7"), lvl(5, "bullet", "o"),
) + num(1, 0)


def test_plan_skeleton_levels_and_resets():
    body = "".join([
        p("MỤC ĐÍCH, YÊU CẦU", 1, 0), p("Mục đích", 1, 1), p("Yêu cầu", 1, 1),
        p("NỘI DUNG", 1, 0), p("Tuyên truyền", 1, 1), p("Báo chí", 1, 2), p("Mạng xã hội", 1, 2),
        p("Trên Cổng thông tin", 1, 3), p("Trên báo in", 1, 3), p("Tăng cường", 1, 4), p("Chi tiết", 1, 5),
        p("Đối ngoại", 1, 1), p("Hội nhập", 1, 2),
        p("TỔ CHỨC THỰC HIỆN", 1, 0), p("Sở Văn hóa", 1, 1),
    ])
    assert texts(body, PLAN) == [
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu",
        "II. NỘI DUNG", "1. Tuyên truyền", "1.1. Báo chí", "1.2. Mạng xã hội",
        "a) Trên Cổng thông tin", "b) Trên báo in", "- Tăng cường", "+ Chi tiết",
        "2. Đối ngoại", "2.1. Hội nhập",
        "III. TỔ CHỨC THỰC HIỆN", "1. Sở Văn hóa",
    ]


def test_empty_numbered_paragraph_counts_and_typed_marker_is_not_doubled():
    body = p("Một", 1, 1) + p("", 1, 1) + p("3. Ba", 1, 1) + p("- gạch", 1, 4) + p("– gạch ngang", 1, 4)
    assert texts(body, PLAN) == ["1. Một", "3. Ba", "- gạch", "– gạch ngang"]


def test_soft_break_label_on_first_line_only():
    body = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            "<w:r><w:t>NỘI DUNG</w:t><w:br/><w:t>(tiếp)</w:t></w:r></w:p>")
    assert texts(body, PLAN) == ["I. NỘI DUNG", "(tiếp)"]


def test_start_legal_decimal_zero_and_literal_prefix():
    numbering = (
        abstract(0, lvl(0, "decimal", "2.5.%1.", start=2))  # a list faking a third level (corpus 017)
        + abstract(1, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%1.%2.", extra="<w:isLgl/>"))
        + abstract(2, lvl(0, "decimalZero", "%1."), lvl(1, "upperLetter", "%2."))
        + abstract(3, lvl(0, "cardinalText", "Bước %1:", start=None))
        + num(1, 0) + num(2, 1) + num(3, 2) + num(4, 3)
    )
    body = (p("Hai", 1, 0) + p("Ba", 1, 0) + p("Pháp lý", 2, 1) + p("Mười", 3, 0) + p("Chữ", 3, 1)
            + p("Một", 4, 0))
    assert texts(body, numbering) == ["2.5.2. Hai", "2.5.3. Ba", "1.1. Pháp lý", "01. Mười", "A. Chữ",
                                      "Bước 1: Một"]


def test_shared_abstract_continues_and_start_override_restarts():
    numbering = (abstract(0, lvl(0, "decimal", "%1."))
                 + num(1, 0) + num(2, 0)  # two nums on one abstractNum: one list, as in Word
                 + num(3, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'))
    body = p("a", 1, 0) + p("b", 2, 0) + p("c", 3, 0) + p("d", 3, 0) + p("e", 1, 0)
    assert texts(body, numbering) == ["1. a", "2. b", "1. c", "2. d", "3. e"]


def test_level_override_replaces_a_level():
    numbering = abstract(0, lvl(0, "decimal", "%1.")) + num(
        1, 0, f'<w:lvlOverride w:ilvl="0">{lvl(0, "lowerLetter", "%1)", start=3)}</w:lvlOverride>')
    assert texts(p("x", 1, 0) + p("y", 1, 0), numbering) == ["c) x", "d) y"]


def test_lvl_restart():
    numbering = abstract(
        0, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%2."),
        lvl(2, "decimal", "(%3)", extra='<w:lvlRestart w:val="1"/>'),  # restarts only after level 1 (I., II.)
        lvl(3, "lowerLetter", "%4)", extra='<w:lvlRestart w:val="0"/>'),  # never restarts
    ) + num(1, 0)
    body = (p("A", 1, 0) + p("x", 1, 2) + p("q", 1, 3) + p("B", 1, 1) + p("y", 1, 2) + p("r", 1, 3)
            + p("C", 1, 0) + p("z", 1, 2) + p("s", 1, 3))
    assert texts(body, numbering) == ["I. A", "(1) x", "a) q", "1. B", "(2) y", "b) r", "II. C", "(1) z", "c) s"]


def test_numbering_inherited_from_style_and_switched_off():
    styles = (
        '<w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Mục"/><w:pPr><w:numPr><w:ilvl w:val="0"/>'
        '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="MucCon"><w:name w:val="Mục con"/><w:basedOn w:val="Muc"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Dieu"><w:name w:val="Điều"/><w:basedOn w:val="Muc"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Linked"><w:name w:val="Linked"/>'
        '<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
    )
    linked = lvl(1, "lowerLetter", "%2)", extra='<w:pStyle w:val="Linked"/>')  # the level the style picks
    numbering = PLAN + abstract(5, lvl(0, "decimal", "%1."), linked) + num(2, 5)
    body = (p("NỘI DUNG", style="Muc") + p("Tuyên truyền", style="MucCon") + p("Thân", style="Dieu")
            + p("Không số", 0, style="Muc") + p("Cấp hai", ilvl=1, style="Muc") + p("Liên kết", style="Linked"))
    assert texts(body, numbering, styles) == [
        "I. NỘI DUNG", "1. Tuyên truyền", "II. Thân", "Không số", "1. Cấp hai", "a) Liên kết"]


def test_num_style_link_is_followed():
    styles = ('<w:style w:type="numbering" w:styleId="KieuDS"><w:name w:val="Kiểu DS"/>'
              '<w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>')
    numbering = (abstract(0, '<w:numStyleLink w:val="KieuDS"/>')
                 + abstract(1, '<w:styleLink w:val="KieuDS"/>', lvl(0, "upperRoman", "%1."))
                 + num(3, 0) + num(7, 1))
    assert texts(p("Một", 3, 0) + p("Hai", 3, 0), numbering, styles) == ["I. Một", "II. Hai"]


@pytest.mark.parametrize(("symbol", "ilvl", "expected"), [
    ("\uf0b7", 0, "-"), ("\uf0a7", 2, "-"), ("\uf0d8", 0, "-"), ("•", 0, "-"), ("–", 0, "-"), ("-", 1, "-"),
    ("+", 0, "+"), ("o", 1, "+"), ("o", 0, "-"), ("", 0, ""),
])
def test_bullets(symbol, ilvl, expected):
    assert bullet(symbol, ilvl) == expected
    numbering = abstract(0, *(lvl(i, "bullet", symbol) for i in range(ilvl + 1))) + num(1, 0)
    assert texts(p("Nội dung", 1, ilvl), numbering) == [f"{expected} Nội dung".strip()]


def test_none_format_literal_dash_and_unknown_lists():
    numbering = (abstract(0, lvl(0, "none", "%1.")) + abstract(1, lvl(0, "decimal", "-"))
                 + abstract(2, lvl(0, "decimal", "%1.")) + num(1, 0) + num(2, 1) + num(3, 2))
    body = p("Không", 1, 0) + p("Gạch", 2, 0) + p("Thiếu", 99, 0) + p("Cấp lạ", 3, 4) + p("Rác", "x", 0)
    assert texts(body, numbering) == ["Không", "- Gạch", "Thiếu", "Cấp lạ", "Rác"]


def test_damaged_numbering_values_do_not_crash():
    numbering = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="x"/><w:lvl w:ilvl="0">'
                 '<w:start w:val="abc"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
                 + num(1, 0) + num(2, 5))
    body = p("Một", 1, 0) + p("Hai", 2, 0) + '<w:p><w:pPr><w:numPr><w:ilvl w:val="?"/><w:numId w:val="1"/>' \
        '</w:numPr></w:pPr><w:r><w:t>Ba</w:t></w:r></w:p>'
    assert texts(body, numbering) == ["1. Một", "Hai", "2. Ba"]


def test_malformed_numbering_part_is_skipped_with_a_note():
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package(p("Một", 1, 0)))) as old, zipfile.ZipFile(buffer, "w") as new:
        new.writestr("word/document.xml", old.read("word/document.xml"))
        new.writestr("word/numbering.xml", f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum>')  # cut short
    doc = read_docx_bytes(buffer.getvalue(), "mem.docx")
    assert [b.text for b in doc.blocks] == ["Một"]
    assert any("numbering.xml malformed" in note for note in doc.notes)


def test_python_docx_list_styles(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Mục đích", style="List Number")
    document.add_paragraph("Yêu cầu", style="List Number")
    document.add_paragraph("Tăng cường", style="List Bullet")
    path = tmp_path / "lists.docx"
    document.save(str(path))
    doc = read_docx(path)
    assert [b.text for b in doc.blocks] == ["1. Mục đích", "2. Yêu cầu", "- Tăng cường"]
    assert any("3 automatic numbering labels" in note for note in doc.notes)


@pytest.mark.parametrize(("value", "fmt", "expected"), [
    (4, "upperRoman", "IV"), (1994, "lowerRoman", "mcmxciv"), (0, "upperRoman", "0"), (1, "lowerLetter", "a"),
    (26, "lowerLetter", "z"), (27, "lowerLetter", "aa"), (28, "upperLetter", "BB"), (7, "decimalZero", "07"),
    (12, "decimalZero", "12"), (5, "none", ""), (3, "ordinal", "3"), (3, "decimal", "3"),
])
def test_format_number(value, fmt, expected):
    assert format_number(value, fmt) == expected


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


@given(st.integers(min_value=1, max_value=3999))
def test_roman_round_trips(value):
    text = roman(value)
    total = 0
    for here, after in zip(text, text[1:] + " ", strict=True):
        worth = _ROMAN_VALUES[here]
        total += -worth if after != " " and _ROMAN_VALUES[after] > worth else worth
    assert total == value


_VALUE = st.one_of(st.integers(min_value=-(10**30), max_value=10**30).map(str),
                   st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=8))


@given(start=_VALUE, ilvl=_VALUE, num_id=_VALUE, text=_VALUE, fmt=st.sampled_from(
    ["decimal", "upperRoman", "lowerLetter", "bullet", "none", "decimalZero", "x"]))
def test_any_numbering_values_read_or_raise_read_error(start, ilvl, num_id, text, fmt):
    from xml.sax.saxutils import quoteattr

    numbering = (f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl={quoteattr(ilvl)}>'
                 f'<w:start w:val={quoteattr(start)}/><w:numFmt w:val="{fmt}"/>'
                 f'<w:lvlText w:val={quoteattr(text + "%1")}/></w:lvl>'
                 f'<w:lvl w:ilvl="0"><w:start w:val={quoteattr(start)}/><w:numFmt w:val="{fmt}"/>'
                 f'<w:lvlText w:val={quoteattr(text + "%1.%2")}/></w:lvl></w:abstractNum>'
                 f'<w:num w:numId={quoteattr(num_id)}><w:abstractNumId w:val="0"/></w:num>')
    body = (f'<w:p><w:pPr><w:numPr><w:ilvl w:val={quoteattr(ilvl)}/><w:numId w:val={quoteattr(num_id)}/>'
            "</w:numPr></w:pPr><w:r><w:t>Nội dung</w:t></w:r></w:p>") * 2
    try:
        doc = read_docx_bytes(package(body, numbering), "mem.docx")
    except ReadError:
        return
    assert all(b.text.endswith("Nội dung") and len(b.text) < 200 for b in doc.blocks)
