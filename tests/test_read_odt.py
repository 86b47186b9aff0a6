"""The OpenDocument Text reader: .odt files built here by hand (tests/odtfile.py), read into the same blocks
as the .docx reader makes: paragraphs, headings, list labels, tables, notes, boxes; then the package checks it
shares with the .docx reader, and one plan read from .txt and .odt alike."""

from __future__ import annotations

import io
import shutil
import subprocess
import time
import warnings
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from odtfile import MIMETYPE, build_odt, content_xml, manifest

from checker.api import parse_file
from checker.limits import Limits, using
from checker.model.document import Document
from checker.read import NOT_YET_SUPPORTED, SUPPORTED, ReadError, read_file
from checker.read.odt import read_odt, read_odt_bytes


def read(body: str, **options: str) -> Document:
    return read_odt_bytes(build_odt(body, **options), "mem.odt")


def texts(body: str, **options: str) -> list[str]:
    return [b.text for b in read(body, **options).blocks]


def p(text: str, style: str = "Standard") -> str:
    return f'<text:p text:style-name="{style}">{text}</text:p>'


def item(*content: str, attrs: str = "") -> str:
    return f"<text:list-item{attrs}>{''.join(content)}</text:list-item>"


def lst(*items: str, attrs: str = ' text:style-name="L1"') -> str:
    return f"<text:list{attrs}>{''.join(items)}</text:list>"


def number_level(level: int, fmt: str, suffix: str = ".", extra: str = "") -> str:
    return (f'<text:list-level-style-number text:level="{level}" style:num-format="{fmt}" style:num-suffix="{suffix}"'
            f"{extra}/>")


def bullet_level(level: int, char: str) -> str:
    return f'<text:list-level-style-bullet text:level="{level}" text:bullet-char="{char}"/>'


#: A plan's list style: I. → 1. → a) → - → +
PLAN_LIST = ('<text:list-style style:name="L1">' + number_level(1, "I") + number_level(2, "1")
             + number_level(3, "a", ")") + bullet_level(4, "•") + bullet_level(5, "◦") + "</text:list-style>")


# --- paragraphs, headings, inline content --------------------------------------------------------------------

def test_paragraphs_and_headings_with_their_outline_level_and_style_name() -> None:
    automatic = ('<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Heading_20_2">'
                 '<style:paragraph-properties fo:text-align="center"/></style:style>')
    document = read(
        '<text:h text:style-name="Heading_20_1" text:outline-level="1">MỤC ĐÍCH</text:h>'
        + p("Nội dung thứ nhất.", "Text_20_body")
        + '<text:h text:style-name="P1" text:outline-level="2">Yêu cầu</text:h>'
        + '<text:h text:style-name="Heading_20_2">Không ghi cấp</text:h>'  # the style's default level
        + "<text:p/>" + p("Sau đoạn trống."), automatic=automatic)
    assert document.format == "odt" and document.encoding is None
    assert [(b.text, b.kind, b.paragraph, b.style, b.outline_level) for b in document.blocks] == [
        ("MỤC ĐÍCH", "paragraph", 1, "Heading 1", 1),
        ("Nội dung thứ nhất.", "paragraph", 2, "Text body", None),
        ("Yêu cầu", "paragraph", 3, "Heading 2", 2),  # direct formatting (P1) is named after its style
        ("Không ghi cấp", "paragraph", 4, "Heading 2", 2),
        ("Sau đoạn trống.", "paragraph", 6, "Standard", None),  # the empty paragraph 5 counts
    ]


def test_white_space_spaces_tabs_and_breaks_as_libreoffice_shows_them() -> None:
    document = read(
        p("Căn cứ   Quyết định\n      số<text:s/> 368<text:s text:c='3'/>ngày<text:tab/>28/2/2013")
        + "<text:p>\n    <text:span>Kế hoạch </text:span> <text:span> năm</text:span>\n  2019\n</text:p>"
        + p("Nơi nhận:<text:line-break/>- Như trên;<text:line-break/>- Lưu: VT.")
        + p("Trang<text:soft-page-break/> sau"))
    assert [(b.text, b.paragraph) for b in document.blocks] == [
        ("Căn cứ Quyết định số  368   ngày\t28/2/2013", 1),
        ("Kế hoạch năm 2019", 2),
        ("Nơi nhận:", 3), ("- Như trên;", 3), ("- Lưu: VT.", 3),  # a line break splits the paragraph
        ("Trang sau", 4),  # a soft page break is layout, not text
    ]


def test_spans_links_and_fields_give_their_shown_text_and_comments_and_stored_labels_are_not_text() -> None:
    assert texts(p(
        '<text:span text:style-name="T1">Kế <text:span text:style-name="T2">hoạch</text:span></text:span> '
        '<text:a xlink:type="simple" xlink:href="https://example.vn/qd">số 12</text:a>, ngày '
        '<text:date style:data-style-name="N1" text:date-value="2019-03-15">15/3/2019</text:date>'
        '<office:annotation><dc:creator>Tổ soạn thảo</dc:creator><text:p>Sửa lại ngày</text:p></office:annotation>'
        ', trang <text:page-number text:select-page="current">2</text:page-number>/<text:page-count>5</text:page-count>'
        '<text:bookmark text:name="dau"/><text:reference-mark-start text:name="r"/>.<text:reference-mark-end '
        'text:name="r"/>')) == ["Kế hoạch số 12, ngày 15/3/2019, trang 2/5."]
    assert texts('<text:list text:style-name="L1"><text:list-item><text:p><text:number>I.</text:number>MỤC ĐÍCH'
                 "</text:p></text:list-item></text:list>", automatic=PLAN_LIST) == ["I. MỤC ĐÍCH"]


def test_tracked_deletions_are_not_text_and_insertions_are() -> None:
    changes = ('<text:tracked-changes><text:changed-region xml:id="ct1" text:id="ct1"><text:deletion>'
               "<office:change-info><dc:creator>A</dc:creator><dc:date>2019-03-01T10:00:00</dc:date></office:change-info>"
               "<text:p>ngày 01/3/2019</text:p></text:deletion></text:changed-region>"
               '<text:changed-region xml:id="ct2" text:id="ct2"><text:insertion><office:change-info><dc:creator>A'
               "</dc:creator><dc:date>2019-03-01T10:00:00</dc:date></office:change-info></text:insertion>"
               "</text:changed-region></text:tracked-changes>")
    document = read(changes + p('Báo cáo trước <text:change text:change-id="ct1"/><text:change-start '
                                'text:change-id="ct2"/>ngày 05/11/2019<text:change-end text:change-id="ct2"/>.'))
    assert [b.text for b in document.blocks] == ["Báo cáo trước ngày 05/11/2019."]
    assert "Bỏ qua 1 đoạn xóa theo dõi thay đổi (1 tracked deletions dropped)" in document.notes


def test_sections_and_indexes_are_read_through_and_hidden_sections_are_not() -> None:
    assert texts(
        '<text:table-of-content text:name="Mục lục"><text:table-of-content-source text:outline-level="2">'
        "<text:index-title-template>Mục lục</text:index-title-template></text:table-of-content-source>"
        '<text:index-body><text:index-title text:name="t"><text:p>Mục lục</text:p></text:index-title>'
        "<text:p>I. MỤC ĐÍCH<text:tab/>1</text:p></text:index-body></text:table-of-content>"
        + '<text:section text:name="S1">' + p("Trong mục.") + "</text:section>"
        + '<text:section text:name="S2" text:display="none">' + p("Ẩn.") + "</text:section>"
        + p('Chữ <text:hidden-text text:condition="ooow:1" text:string-value="ẩn" text:is-hidden="true">ẩn'
            "</text:hidden-text>hiện.")) == ["Mục lục", "I. MỤC ĐÍCH\t1", "Trong mục.", "Chữ hiện."]


# --- lists ----------------------------------------------------------------------------------------------------

def test_list_labels_are_rendered_as_the_markers_a_plan_types() -> None:
    body = lst(
        item(p("MỤC ĐÍCH, YÊU CẦU"), lst(
            item(p("Mục đích")),
            item(p("Yêu cầu"), lst(item(p("bám sát chủ trương")), item(p("phối hợp"), lst(
                item(p("Phòng Văn hóa"), lst(item(p("Đài Truyền thanh"), attrs=""), attrs="")),
                attrs="")), attrs="")), attrs="")),
        item(p("NỘI DUNG")))
    document = read(body, automatic=PLAN_LIST)
    assert [b.text for b in document.blocks] == [
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "a) bám sát chủ trương", "b) phối hợp",
        "- Phòng Văn hóa", "+ Đài Truyền thanh", "II. NỘI DUNG"]
    assert [b.paragraph for b in document.blocks] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert "Đã điền 8 số thứ tự tự động của danh sách vào đầu đoạn (8 list numbering labels written before " \
           "their paragraphs)" in document.notes


def test_what_a_list_item_numbers_and_what_it_does_not() -> None:
    body = lst(
        "<text:list-header>" + p("Đầu danh sách") + "</text:list-header>",
        item(p("Một"), p("đoạn thứ hai của mục")),
        item(lst(item(p("cấp hai, mục không số ở cấp một")), attrs="")),
        item(p("")),  # an empty item still counts
        item(p("Ba")),
        item(p("Mười"), attrs=' text:start-value="10"'),
        item(p("Mười một")))
    assert texts(body, automatic=PLAN_LIST) == [
        "Đầu danh sách", "I. Một", "đoạn thứ hai của mục", "1. cấp hai, mục không số ở cấp một", "III. Ba",
        "X. Mười", "XI. Mười một"]


def test_lists_restart_unless_they_continue_another() -> None:
    one = lst(item(p("a")), item(p("b")), attrs=' xml:id="list1" text:style-name="L2"')
    automatic = '<text:list-style style:name="L2">' + number_level(1, "1") + "</text:list-style>"
    assert texts(one + p("x") + lst(item(p("c")), attrs=' text:style-name="L2"'), automatic=automatic) == [
        "1. a", "2. b", "x", "1. c"]
    assert texts(one + p("x") + lst(item(p("c")), attrs=' text:continue-numbering="true" text:style-name="L2"'),
                 automatic=automatic) == ["1. a", "2. b", "x", "3. c"]
    assert texts(one + lst(item(p("khác")), attrs=' xml:id="list2" text:style-name="L2"')
                 + lst(item(p("c")), attrs=' text:continue-list="list1" text:style-name="L2"'),
                 automatic=automatic) == [
        "1. a", "2. b", "1. khác", "3. c"]


def test_display_levels_prefixes_and_typed_markers() -> None:
    automatic = ('<text:list-style style:name="L1">' + number_level(1, "1")
                 + number_level(2, "1", ".", ' text:display-levels="2"')
                 + number_level(3, "1", ")", ' style:num-prefix="(" text:start-value="3"') + "</text:list-style>")
    body = lst(item(p("Một"), lst(item(p("Một chấm một"), lst(item(p("ba")), attrs="")),
                                  item(p("1.2. Đã gõ số")), attrs="")))
    # A label the text already types is not written twice (the docx reader's with_label).
    assert texts(body, automatic=automatic) == ["1. Một", "1.1. Một chấm một", "(3) ba", "1.2. Đã gõ số"]


def test_a_list_without_a_style_takes_the_one_its_paragraph_style_attaches() -> None:
    automatic = ('<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard" '
                 'style:list-style-name="L3"/><text:list-style style:name="L3">' + number_level(1, "a", ")")
                 + "</text:list-style>")
    assert texts(lst(item(p("một", "P1")), item(p("hai", "P1")), attrs=""), automatic=automatic) == [
        "a) một", "b) hai"]


def test_numbered_paragraphs_are_list_items_too() -> None:
    """ODF 1.2's other way to write a list: each paragraph names its list and level."""
    def numbered(text: str, level: int, list_id: str = "a") -> str:
        return (f'<text:numbered-paragraph text:list-id="{list_id}" text:level="{level}" text:style-name="L1">'
                f"{p(text)}</text:numbered-paragraph>")

    assert texts(numbered("MỤC ĐÍCH", 1) + numbered("Mục đích", 2) + numbered("Khác", 1, "b") + numbered("NỘI DUNG", 1),
                 automatic=PLAN_LIST) == ["I. MỤC ĐÍCH", "1. Mục đích", "I. Khác", "II. NỘI DUNG"]


def test_headings_numbered_by_the_outline_style() -> None:
    outline = ('<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" '
               'style:num-format="I" style:num-suffix="."/><text:outline-level-style text:level="2" '
               'style:num-format="1" style:num-suffix="."/></text:outline-style>')
    body = ('<text:h text:style-name="Heading_20_1" text:outline-level="1" text:is-list-header="true">KẾ HOẠCH</text:h>'
            '<text:h text:style-name="Heading_20_1" text:outline-level="1">MỤC ĐÍCH</text:h>'
            '<text:h text:style-name="Heading_20_2" text:outline-level="2">Mục đích</text:h>'
            '<text:h text:style-name="Heading_20_2" text:outline-level="2">Yêu cầu</text:h>'
            '<text:h text:style-name="Heading_20_1" text:outline-level="1">NỘI DUNG</text:h>'
            '<text:h text:style-name="Heading_20_2" text:outline-level="2">Nhiệm vụ</text:h>')
    assert texts(body, outline=outline) == ["KẾ HOẠCH", "I. MỤC ĐÍCH", "1. Mục đích", "2. Yêu cầu", "II. NỘI DUNG",
                                            "1. Nhiệm vụ"]
    # LibreOffice's default outline style numbers nothing.
    plain = outline.replace('style:num-format="I"', 'style:num-format=""').replace('style:num-format="1"',
                                                                                   'style:num-format=""')
    assert texts(body, outline=plain)[1] == "MỤC ĐÍCH"


# --- tables ---------------------------------------------------------------------------------------------------

def cell(text: str, attrs: str = "") -> str:
    return f'<table:table-cell{attrs} office:value-type="string">{p(text)}</table:table-cell>'


COVERED = "<table:covered-table-cell/>"


def row(*cells: str, attrs: str = "") -> str:
    return f"<table:table-row{attrs}>{''.join(cells)}</table:table-row>"


def table(*rows: str, name: str = "Bảng1") -> str:
    return (f'<table:table table:name="{name}"><table:table-column table:number-columns-repeated="3"/>'
            f"{''.join(rows)}</table:table>")


def test_tables_rows_and_cells_are_numbered_from_one_as_word_numbers_them() -> None:
    document = read(
        p("Trước bảng.")
        + table("<table:table-header-rows>" + row(cell("TT"), cell("Nội dung", ' table:number-columns-spanned="2"'),
                                                  COVERED) + "</table:table-header-rows>",
                row(cell("1", ' table:number-rows-spanned="2"'), cell("Phòng Văn hóa"), cell("Quý II")),
                row(COVERED, cell("Đài Truyền thanh"), cell("Cả năm")),
                "<table:table-row-group>" + row(cell("2"), cell(""), cell("Thường xuyên")) + "</table:table-row-group>",
                row(cell(""), cell(""), cell(""), attrs=' table:number-rows-repeated="3"'),
                row(cell("cuối"), COVERED + COVERED, attrs=""))
        + p("Giữa hai bảng.")
        + table(row(cell("Bảng hai"))))
    assert [(b.text, b.kind, b.table, b.row, b.cell, b.paragraph) for b in document.blocks] == [
        ("Trước bảng.", "paragraph", None, None, None, 1),
        ("TT", "table_cell", 1, 1, 1, None),
        ("Nội dung", "table_cell", 1, 1, 2, None),  # spans two columns: one cell, the covered one is none
        ("1", "table_cell", 1, 2, 1, None),
        ("Phòng Văn hóa", "table_cell", 1, 2, 2, None),
        ("Quý II", "table_cell", 1, 2, 3, None),
        ("Đài Truyền thanh", "table_cell", 1, 3, 2, None),  # under a cell spanning rows: Word's continuation cell
        ("Cả năm", "table_cell", 1, 3, 3, None),
        ("2", "table_cell", 1, 4, 1, None),
        ("Thường xuyên", "table_cell", 1, 4, 3, None),
        ("cuối", "table_cell", 1, 8, 1, None),  # three repeated rows counted
        ("Giữa hai bảng.", "paragraph", None, None, None, 2),
        ("Bảng hai", "table_cell", 2, 1, 1, None),
    ]


def test_a_cell_spanning_rows_and_columns_and_a_nested_table() -> None:
    document = read(table(
        row(cell("A", ' table:number-columns-spanned="2" table:number-rows-spanned="2"'), COVERED, cell("B")),
        row(COVERED, COVERED, cell("C")),
        row(cell("D"), '<table:table-cell table:number-columns-spanned="2">' + p("E")
            + table(row(cell("trong"), cell("bảng con")), name="Con") + p("F") + "</table:table-cell>", COVERED)))
    assert [(b.text, b.row, b.cell) for b in document.blocks] == [
        ("A", 1, 1), ("B", 1, 2), ("C", 2, 2), ("D", 3, 1), ("E", 3, 2), ("trong", 3, 2), ("bảng con", 3, 2),
        ("F", 3, 2)]
    assert {b.table for b in document.blocks} == {1}  # the nested table is flattened into its cell


def test_huge_repeat_counts_cost_nothing() -> None:
    started = time.perf_counter()
    document = read(table(row(cell("x"), f'<table:covered-table-cell table:number-columns-repeated="{10**9}"/>',
                              cell("y", f' table:number-columns-repeated="{10**9}"'), cell("w"),
                              attrs=f' table:number-rows-repeated="{10**9}"'), row(cell("z"))))
    assert time.perf_counter() - started < 2
    assert [(b.text, b.row, b.cell) for b in document.blocks] == [("x", 1, 1), ("y", 1, 2), ("w", 1, 10**9 + 2),
                                                                  ("z", 10**9 + 1, 1)]


# --- notes and boxes ------------------------------------------------------------------------------------------

def note(citation: str, text: str, kind: str = "footnote", label: str = "") -> str:
    label_attr = f' text:label="{label}"' if label else ""
    return (f'<text:note text:id="n{citation}" text:note-class="{kind}"><text:note-citation{label_attr}>{citation}'
            f"</text:note-citation><text:note-body>{p(text, 'Footnote')}</text:note-body></text:note>")


def test_notes_are_placed_after_the_block_citing_them() -> None:
    heading_in_note = ('<text:note text:id="h" text:note-class="footnote"><text:note-citation>8</text:note-citation>'
                       '<text:note-body><text:h text:style-name="Heading_20_1" text:outline-level="1">Tiêu đề trong '
                       f"chú thích{note('9', 'Chú thích lồng: không có trong ODF, bỏ qua.')}</text:h></text:note-body>"
                       "</text:note>")
    document = read(
        p(f"Căn cứ Quyết định số 368/QĐ-TTg{note('5', 'Chú thích năm.')};<text:line-break/>dòng hai")
        + p(f"Đoạn hai{note('i', 'Chú thích cuối văn bản.', 'endnote')}{note('6', 'Chú thích sáu.')}.")
        + p(f"Dấu riêng{note('*', 'Chú thích có dấu riêng.', label='*')}")
        + table(row(cell(f"Ô có chú thích{note('7', 'Trong bảng.')}{heading_in_note}"))))
    assert [(b.text, b.kind, b.paragraph, b.footnote, b.table) for b in document.blocks] == [
        ("Căn cứ Quyết định số 368/QĐ-TTg;", "paragraph", 1, None, None),
        ("Chú thích năm.", "footnote", None, 5, None),  # right after the line citing it, numbered as it shows
        ("dòng hai", "paragraph", 1, None, None),
        ("Đoạn hai.", "paragraph", 2, None, None),
        ("Chú thích cuối văn bản.", "footnote", None, 1, None),  # "i": not a number, its place among endnotes
        ("Chú thích sáu.", "footnote", None, 6, None),
        ("Dấu riêng", "paragraph", 3, None, None),
        ("Chú thích có dấu riêng.", "footnote", None, 3, None),  # a custom mark: its place among footnotes
        ("Ô có chú thích", "table_cell", None, None, 1),
        ("Trong bảng.", "footnote", None, 7, None),
        ("Tiêu đề trong chú thích", "footnote", None, 8, None),
    ]
    notes = [b for b in document.blocks if b.kind == "footnote"]
    assert [b.style for b in notes] == ["Footnote"] * 5 + ["Heading 1"]
    assert all(b.outline_level is None for b in notes)  # a note is never a heading
    assert ("Đọc 5 chú thích cuối trang thành đoạn riêng sau đoạn dẫn chiếu (5 footnotes read as blocks after the "
            "paragraph citing them)") in document.notes
    assert any("1 endnotes" in n for n in document.notes)


def test_text_boxes_follow_their_anchor_and_pictures_are_not_text() -> None:
    frame = ('<draw:frame draw:name="Khung" text:anchor-type="paragraph" svg:width="5cm"><draw:text-box>'
             + p("KT. CHỦ TỊCH") + p("Trần Văn A") + "</draw:text-box></draw:frame>")
    picture = ('<draw:frame draw:name="Ảnh"><draw:image xlink:href="Pictures/a.png"><text:p>chữ của ảnh</text:p>'
               "</draw:image><svg:title>Con dấu</svg:title><svg:desc>Ảnh con dấu</svg:desc></draw:frame>")
    shape = ('<draw:custom-shape draw:name="Hình">' + p("Chữ trong hình") + "</draw:custom-shape>")
    document = read(p(f"Nơi nhận{frame}{picture}:") + p(f"Đoạn sau{shape}")
                    + '<draw:frame text:anchor-type="page"><draw:text-box>' + p("Khung theo trang")
                    + "</draw:text-box></draw:frame>")
    assert [(b.text, b.paragraph) for b in document.blocks] == [
        ("Nơi nhận:", 1), ("KT. CHỦ TỊCH", 1), ("Trần Văn A", 1), ("Đoạn sau", 2), ("Chữ trong hình", 2),
        ("Khung theo trang", 3)]


def test_a_floating_table_kept_in_a_frame_is_read_as_a_table_before_its_anchor() -> None:
    """LibreOffice keeps a Word floating table (the two-column header beside the title) as a frame holding the
    table, anchored to the next paragraph: it is read as Word reads it, a body table before that paragraph."""
    def cells(*texts: str) -> str:
        return '<table:table-cell office:value-type="string">' + "".join(map(p, texts)) + "</table:table-cell>"

    header = table(row(cells("ỦY BAN NHÂN DÂN", "Số: 12/KH-UBND"),
                       cells("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Vạn Ninh, ngày 5 tháng 3 năm 2024")))
    floating = ('<draw:frame draw:name="Khung1" text:anchor-type="paragraph"><draw:text-box>' + header
                + "</draw:text-box></draw:frame>")
    boxed = ('<draw:frame draw:name="Khung2" text:anchor-type="paragraph"><draw:text-box>' + p("Ghi chú")
             + "</draw:text-box></draw:frame>")
    document = read(p(f"{floating}KẾ HOẠCH") + p(f"{boxed}Triển khai") + table(row(cell("Nhiệm vụ"))))
    assert [(b.text, b.kind, b.table, b.cell, b.paragraph) for b in document.blocks] == [
        ("ỦY BAN NHÂN DÂN", "table_cell", 1, 1, None), ("Số: 12/KH-UBND", "table_cell", 1, 1, None),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "table_cell", 1, 2, None),
        ("Vạn Ninh, ngày 5 tháng 3 năm 2024", "table_cell", 1, 2, None),
        ("KẾ HOẠCH", "paragraph", None, None, 1),
        ("Triển khai", "paragraph", None, None, 2), ("Ghi chú", "paragraph", None, None, 2),  # a text box: after
        ("Nhiệm vụ", "table_cell", 2, 1, None)]


def test_text_in_legacy_fonts_is_converted_to_unicode() -> None:
    fonts = ('<style:font-face style:name=".VnTime" svg:font-family=".VnTime"/>'
             '<style:font-face style:name=".VnTimeH" svg:font-family="&apos;.VnTimeH&apos;"/>')
    automatic = ('<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard">'
                 '<style:text-properties style:font-name=".VnTime"/></style:style>'
                 '<style:style style:name="T1" style:family="text"><style:text-properties style:font-name=".VnTimeH"/>'
                 '</style:style><style:style style:name="T2" style:family="text">'
                 '<style:text-properties fo:font-weight="bold"/></style:style>')
    document = read(p('<text:span text:style-name="T1">kÕ ho¹ch</text:span>', "Standard")
                    + p('Céng hßa <text:span text:style-name="T2">x· héi</text:span>', "P1")
                    + p("Kế hoạch năm 2019"), automatic=automatic, fonts=fonts)
    assert [b.text for b in document.blocks] == ["KẾ HOẠCH", "Cộng hòa xã hội", "Kế hoạch năm 2019"]
    assert any("TCVN3/VNI" in n for n in document.notes)


# --- the package --------------------------------------------------------------------------------------------

def test_the_built_package_is_laid_out_as_libreoffice_writes_it() -> None:
    with zipfile.ZipFile(io.BytesIO(build_odt(p("x")))) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type, archive.read(first)) == ("mimetype", zipfile.ZIP_STORED,
                                                                              MIMETYPE.encode())
        assert {"META-INF/manifest.xml", "content.xml", "styles.xml"} <= set(archive.namelist())


def test_odt_is_a_supported_format(tmp_path: Path) -> None:
    assert SUPPORTED[".odt"].load() is read_odt and ".odt" not in NOT_YET_SUPPORTED
    path = tmp_path / "KE-HOACH.ODT"
    path.write_bytes(build_odt(p("Kế hoạch")))
    assert [b.text for b in read_file(path).blocks] == ["Kế hoạch"]


def error_of(data: bytes) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_odt_bytes(data, "ke-hoach.odt")
    return caught.value


def docx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def whole_package_encrypted() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", MIMETYPE)
        archive.writestr("META-INF/manifest.xml", manifest(True, "encrypted-package"))
        archive.writestr("encrypted-package", bytes(range(256)))
    return out.getvalue()


@pytest.mark.parametrize(("data", "reason_en"), [
    (b"PK\x03\x04 not a zip", "not a valid .odt file (not a ZIP package)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
     "this is a legacy Word (.doc) or an encrypted Office file named .odt"),
    (docx_bytes(), "this is a Word (.docx) file named .odt; rename it to .docx"),
    (build_odt("", mimetype="application/vnd.oasis.opendocument.spreadsheet"),
     "this is an OpenDocument spreadsheet (.ods) named .odt"),
    (build_odt(p("x"), encrypted=True), "the .odt document is password-protected"),
    # ODF 1.3's whole-package encryption: one encrypted entry instead of content.xml and the others.
    (whole_package_encrypted(), "the .odt document is password-protected"),
    (build_odt("", parts={"content.xml": b"<a/>"}), "not an OpenDocument text (no office:text body)"),
    (build_odt("", parts={"content.xml": content_xml("<text:p>").encode()}), "the XML inside the .odt is malformed"),
])
def test_lying_or_damaged_files_say_what_they_are(data: bytes, reason_en: str) -> None:
    assert error_of(data).reason_en.startswith(reason_en)


def test_a_package_without_content_or_mimetype() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", MIMETYPE)
    assert error_of(out.getvalue()).reason_en == "not an OpenDocument text (the ZIP has no content.xml)"
    assert texts(p("Không có mimetype"), mimetype="") == ["Không có mimetype"]


def test_damaged_styles_are_skipped_with_a_note() -> None:
    document = read_odt_bytes(build_odt(p("x", "Text_20_body"), parts={"styles.xml": b"<office:document-styles"}),
                              "m.odt")
    assert [(b.text, b.style) for b in document.blocks] == [("x", "Text body")]  # the name decoded by hand
    assert document.notes == ["Không đọc được styles.xml, bỏ qua (styles.xml malformed, ignored)"]


def test_the_docx_package_limits_hold_for_odt() -> None:
    many = build_odt(p("x"), parts={f"Pictures/{n}.png": b"" for n in range(30)})
    with using(Limits(docx_entries=20)):
        error = error_of(many)
    assert error.code == "input-too-large" and error.reason_en.startswith("the .odt package has 34 entries")
    with using(Limits(docx_part_size=100)):
        assert "--limit docx-part-size=" in error_of(build_odt(p("x"))).reason_en
    bomb = build_odt(p(" " * (8 * 1024 * 1024)))
    assert len(bomb) < 100_000
    assert "content.xml is compressed" in error_of(bomb).reason_en


def test_a_package_with_two_entries_of_one_name_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(build_odt(p("Kế hoạch")))) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            target.writestr(entry, source.read(entry))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "Duplicate name": what this test is about
            target.writestr("Content.xml", content_xml(p("Kế hoạch khác")))
    assert error_of(out.getvalue()).reason_en.startswith("the .odt package holds two entries named Content.xml: ")


def test_entities_are_never_resolved_and_never_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("MẬT KHẨU 12345", encoding="utf-8")
    doctype = (f'<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY lol "lol">'
               + "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'
                         for n in range(1, 10)) + "]>")
    xml = content_xml(p("Kế hoạch &xxe; &lol9;")).replace("?>\n", "?>\n" + doctype, 1)
    started = time.perf_counter()
    try:
        text = " ".join(texts("", parts={"content.xml": xml.encode()}))  # type: ignore[arg-type]
    except ReadError as error:  # refusing the file is as good as not expanding it
        assert error.code in ("unreadable", "input-too-large")
    else:
        assert "12345" not in text and len(text) < 1000 and "Kế hoạch" in text
    assert time.perf_counter() - started < 5


# --- end to end ---------------------------------------------------------------------------------------------

PLAN_TXT = """ỦY BAN NHÂN DÂN
HUYỆN VẠN NINH
Số: 45/KH-UBND
Vạn Ninh, ngày 15 tháng 3 năm 2019

KẾ HOẠCH
Hoạt động thông tin đối ngoại trên địa bàn huyện năm 2019

Căn cứ Quyết định số 368/QĐ-TTg ngày 28/02/2013 của Thủ tướng Chính phủ phê duyệt Chương trình hành động \
thực hiện Chiến lược phát triển thông tin đối ngoại;
Căn cứ Kế hoạch số 1234/KH-UBND ngày 10/01/2019 của Ủy ban nhân dân tỉnh Khánh Hòa về thông tin đối ngoại \
năm 2019;
Ủy ban nhân dân huyện ban hành Kế hoạch hoạt động thông tin đối ngoại năm 2019 như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao hiệu quả công tác thông tin đối ngoại, quảng bá hình ảnh huyện Vạn Ninh.
2. Yêu cầu
Bám sát chủ trương của Đảng, chính sách của Nhà nước về thông tin đối ngoại.

II. NỘI DUNG
1. Tuyên truyền về chủ quyền biển, đảo, biên giới quốc gia; quảng bá tiềm năng du lịch của huyện.
2. Cung cấp thông tin cho báo chí về tình hình kinh tế - xã hội của huyện.

III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa và Thông tin chủ trì, phối hợp với các cơ quan, đơn vị triển khai thực hiện Kế hoạch.
2. Đài Truyền thanh - Truyền hình huyện xây dựng chuyên mục tuyên truyền về thông tin đối ngoại.
3. Phòng Tài chính - Kế hoạch tham mưu bố trí kinh phí thực hiện Kế hoạch.
Các cơ quan, đơn vị báo cáo kết quả thực hiện về Ủy ban nhân dân huyện (qua Phòng Văn hóa và Thông tin) \
trước ngày 05/11/2019.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Ngọc Khiêm
"""


def plan_odt() -> bytes:
    """The plan of PLAN_TXT as LibreOffice would keep it: the header in a borderless table, numbered headings and
    tasks as lists (no typed markers), a footnote, spaces written as text:s, the recipients' lines broken."""
    lines = PLAN_TXT.split("\n")
    automatic = PLAN_LIST + ('<style:style style:name="P1" style:family="paragraph" '
                             'style:parent-style-name="Text_20_body"><style:paragraph-properties '
                             'fo:text-align="justify"/></style:style>')

    def body(text: str) -> str:
        return p(text, "P1")

    def heading(numbered: str) -> str:
        return f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{numbered.split(" ", 1)[1]}</text:h>'


    def tasks(*numbered: str) -> str:
        return lst(*(item(body(line.split(" ", 1)[1])) for line in numbered), attrs="")

    header = table(row(cell(lines[0]), cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
                   row(cell(lines[1]), cell("Độc lập - Tự do - Hạnh phúc")),
                   row(cell(lines[2].replace(" ", "<text:s/>", 1)), cell(lines[3])))
    basis = lines[9].replace("năm 2019;", f"năm 2019{note('1', 'Ban hành kèm Kế hoạch số 1234/KH-UBND.')};")
    purpose = lst(item(heading(lines[12]), lst(item(body("Mục đích"), body(lines[14])),
                                               item(body("Yêu cầu"), body(lines[16])), attrs="")),
                  attrs=' xml:id="l1" text:style-name="L1"')
    content = lst(item(heading(lines[18]), tasks(lines[19], lines[20])),
                  attrs=' text:continue-list="l1" text:style-name="L1"')
    organisation = lst(item(heading(lines[22]), tasks(*lines[23:26])),
                       attrs=' text:continue-numbering="true" text:style-name="L1"')
    return build_odt(
        header + '<text:h text:style-name="Heading_20_1" text:outline-level="1" text:is-list-header="true">'
        f"{lines[5]}</text:h>" + p(lines[6]) + body(lines[8]) + body(basis) + body(lines[10])
        + purpose + content + organisation + body(lines[26])
        + p("<text:line-break/>".join(lines[28:31])) + "".join(p(line) for line in lines[31:34]),
        automatic=automatic)


def test_the_same_plan_as_txt_and_odt_gives_the_same_essentials(tmp_path: Path) -> None:
    (tmp_path / "ke-hoach.txt").write_text(PLAN_TXT, encoding="utf-8")
    (tmp_path / "ke-hoach.odt").write_bytes(plan_odt())

    def essentials(name: str) -> tuple[object, ...]:
        plan = parse_file(tmp_path / name)
        return (plan.doc_type, plan.number_symbol, [c.symbol for c in plan.basis if c.symbol],
                [t.units for t in plan.tasks], [d.deadline for d in plan.reporting if d.deadline],
                plan.signer.name if plan.signer else None)

    txt = essentials("ke-hoach.txt")
    assert txt[0] == "KH" and txt[1] == "45/KH-UBND" and txt[2] == ["368/QĐ-TTg", "1234/KH-UBND"]
    assert txt[3] and txt[4] and txt[5] == "Trần Ngọc Khiêm"
    assert essentials("ke-hoach.odt") == txt
    odt = read_file(tmp_path / "ke-hoach.odt")
    assert [b.text for b in odt.blocks if b.text.startswith(("I.", "II.", "III."))] == [
        "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN"]


def test_a_folder_scan_checks_odt_files(tmp_path: Path) -> None:
    import json

    from conftest import run

    (tmp_path / "ke-hoach.odt").write_bytes(plan_odt())
    code, out, _ = run("check", str(tmp_path), "--format", "json", "--lang", "en")
    [document] = json.loads(out)["documents"]
    assert document["status"] == "checked" and document["plan"]["number_symbol"] == "45/KH-UBND"
    assert document["plan"]["format"] == "odt"


# --- a second opinion: LibreOffice's own .odt of real Word files --------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: the .odt LibreOffice writes from "
                    "the sample and corpus .docx files is not compared with them")
def test_libreoffice_odt_of_a_word_file_gives_the_same_essentials(tmp_path: Path) -> None:
    """The sample Word files (and the corpus's, when ../shared/corpus is there) saved as .odt by LibreOffice
    itself: the plan read from the .odt says what the one read from the .docx says."""
    assert SOFFICE is not None
    sources = sorted(ROOT.glob("samples/**/*.docx")) + (sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else [])
    profile = (tmp_path / "profile").as_uri()  # a private profile: works beside a running LibreOffice
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt", "--outdir",
                    str(tmp_path), *map(str, sources)], check=True, capture_output=True, timeout=900)

    def essentials(path: Path) -> tuple[object, ...]:
        plan = parse_file(path)
        return (plan.doc_type, plan.number_symbol, [c.symbol for c in plan.basis if c.symbol],
                [t.units for t in plan.tasks], [d.deadline for d in plan.reporting if d.deadline],
                plan.signer.name if plan.signer else None)

    differing = [source.name for source in sources
                 if essentials(source) != essentials(tmp_path / f"{source.stem}.odt")]
    assert differing == []


@pytest.mark.parametrize("raised", [MemoryError,
                                    lambda: etree.XMLSyntaxError("no memory", etree.ErrorTypes.ERR_NO_MEMORY, 1, 1)])
def test_running_out_of_memory_is_never_a_damaged_file(monkeypatch: pytest.MonkeyPatch, raised) -> None:
    """As for .docx: the memory limit of the process reading the file is reported as such by the batch
    (input-too-large), never as a damaged .odt — whether Python or libxml2 ran out."""
    from checker.read import odt

    def exhausted(*_args: object) -> None:
        raise raised()

    monkeypatch.setattr(odt, "_read_package", exhausted)
    data = build_odt(p("Kế hoạch"))
    if raised is MemoryError:
        with pytest.raises(MemoryError):
            read_odt_bytes(data, "ke-hoach.odt")
    else:
        with pytest.raises(ReadError) as caught:
            read_odt_bytes(data, "ke-hoach.odt")
        assert caught.value.code == "input-too-large"
