"""Tests for the web-page reader: main content, portal chrome dropped, lists, tables, encodings, errors."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import to_cp1258, write_file

from checker.extract import extract_plan
from checker.read import SUPPORTED, ReadError, read_file
from checker.read.html import read_html, read_html_bytes

NBSP = "\u00a0"

# A page saved from a provincial portal (compare seed 004): menus, a search box, a sidebar with links
# and a visit counter around the article, "Các tin khác" below it. Line numbers matter: keep the layout.
PORTAL = """\
<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Nhiệm vụ và giải pháp - Cổng thông tin điện tử tỉnh</title>
<script>var banner = "<p>Quảng cáo</p>";</script>
<style>.menu { color: red }</style>
</head>
<body>
<form id="aspnetForm" method="post" action="./tin-tuc.aspx">
<div id="header">
  <div class="logo">Cổng thông tin điện tử tỉnh Quảng Trị</div>
  <ul class="main-menu"><li><a href="/">Trang chủ</a></li><li><a href="/gt">Giới thiệu</a></li></ul>
</div>
<div class="search-box"><span>Tìm kiếm tin tức</span><input type="text" name="q"><button>Tìm</button></div>
<div class="container">
<div class="sidebar">
  <h3>Liên kết website</h3>
  <select><option>Chính phủ</option><option>Các Bộ, Ngành ở TW</option></select>
  <h3>Thống kê lượt truy cập</h3>
  <p>Tổng truy cập 3.576.239</p>
  <p>Truy cập hiện tại 7.559</p>
</div>
<div class="news-detail">
  <h1 class="title">Nhiệm vụ và giải pháp tuyên truyền Kết luận 57-KL/TW</h1>
  <div class="date">Ngày cập nhật 13/10/2023</div>
  <p>Nhằm triển khai Kết luận 57-KL/TW, ngày 15/6/2023 của Bộ&nbsp;Chính&nbsp;trị, cần thực hiện các nhiệm vụ sau:</p>
  <p>&nbsp;</p>
  <ol>
    <li>Đẩy mạnh tuyên truyền chủ trương của Đảng về công tác thông tin đối ngoại.</li>
    <li>Tăng cường phối hợp giữa các cơ quan, tổ chức trong hệ thống chính trị.</li>
  </ol>
  <table border="1">
    <tr><th>STT</th><th>Nội dung</th><th colspan="2">Cơ quan chủ trì</th></tr>
    <tr><td>1</td><td><p>Tuyên truyền trên báo chí</p><p>Quý IV/2023</p></td><td colspan="2">Báo Quảng Trị</td></tr>
  </table>
  <div class="tools"><a href="#">In trang</a> | <a href="#">Gửi email</a> | <a href="#">Chia sẻ</a></div>
  <p>Về đầu trang</p>
</div>
</div>
<div class="footer">
  <h3>Các tin khác</h3>
  <ul><li><a href="/a">Hội nghị tổng kết công tác thông tin đối ngoại năm 2022</a></li>
    <li><a href="/b">Tin hai</a></li></ul>
  <p>Xem tin theo ngày</p>
</div>
</form>
</body>
</html>
"""

PLAN_PAGE = """\
<html><head><meta charset="utf-8"></head><body>
<div id="menu"><a href="/">Trang chủ</a> <a href="/vb">Văn bản</a></div>
<article>
<p>ỦY BAN NHÂN DÂN HUYỆN VĨNH LINH</p>
<p>Số: 44/KH-UBND</p>
<p>Vĩnh Linh, ngày 20 tháng 02 năm 2023</p>
<h2>KẾ HOẠCH</h2>
<p>Công tác thông tin đối ngoại năm 2023</p>
<p>Căn cứ Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 của Ban Tuyên giáo Tỉnh ủy, Ủy ban nhân dân huyện
ban hành Kế hoạch như sau:</p>
<p>I. MỤC ĐÍCH, YÊU CẦU</p>
<p>Nâng cao nhận thức của cán bộ, đảng viên và nhân dân về công tác thông tin đối ngoại.</p>
<p>II. NỘI DUNG</p>
<p>Tuyên truyền về chủ quyền biển, đảo và biên giới quốc gia.</p>
<p>III. TỔ CHỨC THỰC HIỆN</p>
<ol>
<li>Phòng Văn hóa và Thông tin chủ trì, phối hợp với Đài Truyền thanh huyện triển khai Kế hoạch này.</li>
<li>Công an huyện: theo dõi, nắm tình hình an ninh thông tin trên địa bàn.</li>
</ol>
<p>Nơi nhận:<br>- Ban Tuyên giáo Tỉnh ủy;<br>- Lưu: VT.</p>
</article>
<div class="tin-lien-quan"><a href="/1">Kế hoạch khác của huyện</a></div>
</body></html>
"""


def write(tmp_path: Path, data: bytes | str, name: str = "page.html") -> Path:
    return write_file(tmp_path, data, name)




def line_of(fragment: str, text: str = PORTAL) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


# --- the portal page ----------------------------------------------------------------------------

def test_portal_page_keeps_exactly_the_article(tmp_path):
    doc = read_html(write(tmp_path, PORTAL))
    assert doc.format == "html" and doc.encoding == "utf-8"
    got = [(b.kind, b.text, b.line, b.table, b.row, b.cell) for b in doc.blocks]
    para, cell = "paragraph", "table_cell"
    assert got == [
        (para, "Nhiệm vụ và giải pháp tuyên truyền Kết luận 57-KL/TW", line_of("<h1"), None, None, None),
        (para, "Ngày cập nhật 13/10/2023", line_of("Ngày cập nhật"), None, None, None),
        (para, f"Nhằm triển khai Kết luận 57-KL/TW, ngày 15/6/2023 của Bộ{NBSP}Chính{NBSP}trị, cần thực hiện "
               "các nhiệm vụ sau:", line_of("Nhằm triển khai"), None, None, None),
        (para, "1. Đẩy mạnh tuyên truyền chủ trương của Đảng về công tác thông tin đối ngoại.",
         line_of("Đẩy mạnh"), None, None, None),
        (para, "2. Tăng cường phối hợp giữa các cơ quan, tổ chức trong hệ thống chính trị.",
         line_of("Tăng cường"), None, None, None),
        (cell, "STT", line_of("<th>STT"), 1, 1, 1),
        (cell, "Nội dung", line_of("<th>STT"), 1, 1, 2),
        (cell, "Cơ quan chủ trì", line_of("<th>STT"), 1, 1, 3),
        (cell, "1", line_of("Báo Quảng Trị"), 1, 2, 1),
        (cell, "Tuyên truyền trên báo chí", line_of("Báo Quảng Trị"), 1, 2, 2),
        (cell, "Quý IV/2023", line_of("Báo Quảng Trị"), 1, 2, 2),
        (cell, "Báo Quảng Trị", line_of("Báo Quảng Trị"), 1, 2, 3),
    ]
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert any("chrome" in note for note in doc.notes)


@pytest.mark.parametrize("chrome", [
    "Cổng thông tin điện tử", "Trang chủ", "Tìm kiếm tin tức", "Liên kết website", "Chính phủ",
    "Thống kê lượt truy cập", "Tổng truy cập", "Truy cập hiện tại", "In trang", "Chia sẻ", "Về đầu trang",
    "Các tin khác", "Hội nghị tổng kết", "Xem tin theo ngày", "Quảng cáo", "color: red",
])
def test_portal_chrome_is_dropped(tmp_path, chrome):
    doc = read_html(write(tmp_path, PORTAL))
    assert not any(chrome in b.text for b in doc.blocks)


def test_page_of_only_chrome_is_a_read_error(tmp_path):
    page = """<html><body><div class="menu"><a href="/">Trang chủ</a></div>
    <div class="box"><p>Tìm kiếm tin tức</p><p>Liên kết website</p><p>Thống kê lượt truy cập</p>
    <p>Tổng truy cập 3.576.239</p><p>Truy cập hiện tại: 7.559</p></div>
    <script>document.write("Kế hoạch")</script><footer>Các tin khác</footer></body></html>"""
    with pytest.raises(ReadError) as err:
        read_html(write(tmp_path, page))
    assert err.value.reason == "trang không có nội dung văn bản"
    assert err.value.reason_en == "the page has no text content"


# --- finding the main content ---------------------------------------------------------------------

SENTENCE = "<p>Tăng cường phối hợp giữa các cơ quan, tổ chức, đơn vị trong hệ thống chính trị của tỉnh.</p>"


def test_without_named_containers_the_densest_text_wins(tmp_path):
    page = f"""<html><body><div class="row"><div class="col-3"><b>Liên kết website</b>
    <ul><li><a href="#">Chính phủ</a></li><li><a href="#">Các Bộ, Ngành ở TW</a></li></ul>
    <p>Tổng truy cập 3.576.239</p></div>
    <div class="col-9"><h1>Tiêu đề bài viết</h1>{SENTENCE * 3}</div></div></body></html>"""
    texts = [b.text for b in read_html(write(tmp_path, page)).blocks]
    assert texts[0] == "Tiêu đề bài viết" and len(texts) == 4
    assert not any("Chính phủ" in t or "truy cập" in t for t in texts)


@pytest.mark.parametrize("title", ['<h1>Tiêu đề bài viết</h1>', '<span class="tieu-de">Tiêu đề bài viết</span>'])
def test_title_outside_the_content_container_is_kept(tmp_path, title):
    page = f"""<html><body><div class="page">{title}
    <div class="date">Ngày cập nhật 13/10/2023</div><div class="noidung">{SENTENCE * 3}</div>
    <div class="tin-khac"><a href="/1">Tin một</a> <a href="/2">Tin hai</a></div></div>
    <div class="right"><p>Xem tin theo ngày</p>{SENTENCE}</div></body></html>"""
    texts = [b.text for b in read_html(write(tmp_path, page)).blocks]
    assert texts[:2] == ["Tiêu đề bài viết", "Ngày cập nhật 13/10/2023"] and len(texts) == 5


def test_an_aspnet_form_around_the_whole_page_is_not_dropped(tmp_path):
    page = f"""<html><body><form id="form1"><div id="header"><a href="/">Trang chủ</a></div>
    <table><tr><td class="left"><a href="#">Liên kết 1</a><br><a href="#">Liên kết 2</a></td>
    <td class="main"><span id="lblTitle">KẾ HOẠCH</span><br>{SENTENCE * 2}</td></tr></table>
    <div id="footer">Bản quyền thuộc Cổng thông tin điện tử</div></form></body></html>"""
    doc = read_html(write(tmp_path, page))
    assert [b.text for b in doc.blocks][0] == "KẾ HOẠCH" and len(doc.blocks) == 3
    assert all(b.kind == "paragraph" for b in doc.blocks)  # the layout table is not the document's table


def test_the_header_of_an_article_is_its_title(tmp_path):
    page = f"""<html><body><header><a href="/">Cổng thông tin điện tử</a></header>
    <article><header class="article-header"><h1>Tiêu đề bài viết</h1><div class="share">Facebook</div></header>
    {SENTENCE * 2}<div style="display: none">Nội dung ẩn</div><footer>Tác giả: Phòng Văn hóa</footer></article>
    </body></html>"""
    texts = [b.text for b in read_html(write(tmp_path, page)).blocks]
    assert texts[0] == "Tiêu đề bài viết" and len(texts) == 3


# --- blocks ------------------------------------------------------------------------------------

def test_lists_br_lines_and_footnote_marks(tmp_path):
    page = """<html><body><div class="content">
<ol start="3"><li>Ba</li><li>Bốn<ul><li>Gạch đầu dòng</li><li>- Đã có gạch</li></ul></li></ol>
<ol type="a"><li>Mục a</li><li>b) Đã đánh dấu</li></ol>
<ol type="I"><li>MỤC ĐÍCH</li><li>NỘI DUNG</li></ol>
<p>Dòng một<br>
Dòng hai<br><br>Dòng ba</p>
<div>Chữ riêng của div<p>đoạn con</p>phần đuôi</div>
<p>chính trị<sup>1</sup> và <b>đậm</b> <i>nghiêng</i></p>
</div></body></html>"""
    doc = read_html(write(tmp_path, page))
    assert [b.text for b in doc.blocks] == [
        "3. Ba", "4. Bốn", "- Gạch đầu dòng", "- Đã có gạch", "a) Mục a", "b) Đã đánh dấu", "I. MỤC ĐÍCH",
        "II. NỘI DUNG", "Dòng một", "Dòng hai", "Dòng ba", "Chữ riêng của div", "đoạn con", "phần đuôi",
        "chính trị¹ và đậm nghiêng",
    ]
    lines = {b.text: b.line for b in doc.blocks}
    assert (lines["Dòng một"], lines["Dòng hai"], lines["Dòng ba"]) == (5, 6, 6)


def test_nested_table_cells_are_numbered_by_their_own_table(tmp_path):
    page = """<html><body><table><tr><td>Ngoài 1</td><td><table><tr><td>Trong</td></tr></table>Sau</td></tr>
    <tr><td>Hàng hai</td></tr></table></body></html>"""
    got = [(b.text, b.table, b.row, b.cell) for b in read_html(write(tmp_path, page)).blocks]
    assert got == [("Ngoài 1", 1, 1, 1), ("Trong", 2, 1, 1), ("Sau", 1, 1, 2), ("Hàng hai", 1, 2, 1)]


def test_an_embed_holds_nothing_so_the_article_after_it_is_read(tmp_path):
    # libxml2 nests what follows "<embed src=…>" inside the embed (up to the end of its parent); the reader
    # dropped embeds, and the article went with it. A browser shows the article: the reader reads it.
    page = f"""<html><body><embed src="quang-cao.swf"><article><h1>KẾ HOẠCH Công tác thông tin đối ngoại</h1>
{SENTENCE * 2}</article></body></html>"""
    texts = [b.text for b in read_html(write(tmp_path, page)).blocks]
    assert texts[0] == "KẾ HOẠCH Công tác thông tin đối ngoại" and len(texts) == 3


def test_text_after_a_void_element_stays_where_a_browser_shows_it(tmp_path):
    page = """<html><body><div class="content"><p>Phòng Văn hóa <wbr>và Thông tin <embed src="a">chủ trì</p>
<p>đoạn sau</p></div></body></html>"""
    assert [b.text for b in read_html(write(tmp_path, page)).blocks] == [
        "Phòng Văn hóa và Thông tin chủ trì", "đoạn sau"]


def test_what_an_object_holds_is_read_as_a_browser_shows_it_without_the_object(tmp_path):
    page = f"""<html><body><object data="phim.swf"><param name="quality" value="high"><article>
<h1>KẾ HOẠCH Công tác thông tin đối ngoại</h1>{SENTENCE * 2}</article></object></body></html>"""
    texts = [b.text for b in read_html(write(tmp_path, page)).blocks]
    assert texts[0] == "KẾ HOẠCH Công tác thông tin đối ngoại" and len(texts) == 3


def test_attributes_past_the_hundredth_of_a_tag_are_not_read_even_behind_quoted_angle_brackets(tmp_path):
    # A ">" inside a quoted value does not end the tag (for a browser, libxml2 and the reader's count alike).
    hidden = '<div style="display:none" ' + " ".join(f'a{i}=">"' for i in range(150)) + ">Nội dung ẩn</div>"
    page = f"""<html><body><div class="content">{hidden}
{SENTENCE}</div></body></html>"""
    doc = read_html(write(tmp_path, page))
    assert [b.text for b in doc.blocks] == [SENTENCE[3:-4]]  # the first attributes, the style too, still apply
    assert [b.line for b in doc.blocks] == [2]
    assert any("only the first 100 attributes of a tag are read; a tag at line 1 had more" in n for n in doc.notes)


# --- encodings -----------------------------------------------------------------------------------

CP1258_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">
</head><body><p class=MsoNormal>KẾ HOẠCH công tác thông tin đối ngoại năm 2023 của Ủy ban nhân dân huyện</p>
</body></html>"""
CP1258_TEXT = "KẾ HOẠCH công tác thông tin đối ngoại năm 2023 của Ủy ban nhân dân huyện"


def test_windows_1258_declared_by_meta(tmp_path):
    doc = read_html(write(tmp_path, to_cp1258(CP1258_PAGE), "word.htm"))
    assert doc.encoding == "windows-1258" and doc.notes == []
    assert [b.text for b in doc.blocks] == [CP1258_TEXT]
    assert unicodedata.is_normalized("NFC", doc.blocks[0].text)


@pytest.mark.parametrize("label", ["", '<meta charset="iso-8859-1">'])
def test_windows_1258_undeclared_or_mislabelled_is_guessed(tmp_path, label):
    page = CP1258_PAGE.replace(CP1258_PAGE[CP1258_PAGE.index("<meta"):CP1258_PAGE.index("</head>")], label)
    doc = read_html(write(tmp_path, to_cp1258(page)))
    assert doc.encoding == "cp1258" and [b.text for b in doc.blocks] == [CP1258_TEXT]
    assert any("cp1258" in note for note in doc.notes)


def test_utf8_bom_and_uppercase_suffix_through_read_file(tmp_path):
    assert SUPPORTED[".html"].load() is read_html and SUPPORTED[".htm"].load() is read_html
    doc = read_file(write(tmp_path, b"\xef\xbb\xbf" + "<p>Kế hoạch số 44</p>".encode(), "TRANG.HTM"))
    assert doc.format == "html" and [b.text for b in doc.blocks] == ["Kế hoạch số 44"]


# --- errors ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "reason_en"), [
    (b"", "file is empty"),
    (b"  \n ", "file is empty"),
    (b"PK\x03\x04\x00\x00binary", "not an HTML page (binary file)"),
    ("Kế hoạch chỉ là chữ, không có thẻ".encode(), "not an HTML page (no HTML tags)"),
    (b"<html><body><script>x()</script><p> &nbsp; </p></body></html>", "the page has no text content"),
])
def test_bad_pages_are_read_errors(tmp_path, data, reason_en):
    with pytest.raises(ReadError) as err:
        read_html_bytes(data, "bad.html")
    assert err.value.reason_en == reason_en and err.value.path == "bad.html"


def test_missing_file_is_a_read_error(tmp_path):
    with pytest.raises(ReadError, match="file not found"):
        read_html(tmp_path / "missing.html")


# --- end to end --------------------------------------------------------------------------------------

def test_plan_page_extracts_like_a_plan(tmp_path):
    doc = read_html(write(tmp_path, PLAN_PAGE))
    assert not any("Trang chủ" in b.text or "Kế hoạch khác" in b.text for b in doc.blocks)
    plan = extract_plan(doc)
    assert plan.doc_type == "KH"
    assert plan.number_symbol == "44/KH-UBND"
    assert [c.symbol for c in plan.basis] == ["93-HD/BTGTU"]
    units = [unit for task in plan.tasks for unit in task.units]
    assert "Phòng Văn hóa và Thông tin" in units and "Công an huyện" in units


def test_terminal_controls_written_as_character_references_never_reach_the_report(tmp_path: Path) -> None:
    # "&#27;[2J" would clear the reviewer's terminal and "&#7;" ring it when the text report quotes the page.
    from conftest import run

    page = tmp_path / "ke-hoach.html"
    page.write_bytes("<html><body><h1>KẾ HOẠCH</h1><p>&#27;[2J&#27;]0;giả mạo&#7;Thực hiện Hướng dẫn số "
                     "93-HD/BTGTU&#8; của Ban Tuyên giáo \x1b[31mTỉnh ủy&#11;năm&#12;2023.</p></body></html>"
                     .encode())
    texts = [b.text for b in read_html(page).blocks]
    assert texts[1] == "[2J]0;giả mạoThực hiện Hướng dẫn số 93-HD/BTGTU của Ban Tuyên giáo [31mTỉnh ủy năm 2023."
    for fmt in ("text", "markdown", "json"):
        _, out, _ = run("check", str(page), "--format", fmt, "--rules", "default")
        assert not any(c in out for c in "\x1b\x07\x08\x0b\x0c"), fmt
