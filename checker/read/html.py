"""Reading web pages (.html, .htm): the article of a page saved from a portal, without the site chrome.

Plans reach us as pages saved from provincial portals (seed 004): the text sits among menus, a search
box, "Liên kết website", a visit counter ("Tổng truy cập 3.576.239"), "Các tin khác". The reader drops
non-content elements (script, nav, aside, forms …) and elements whose id/class names chrome (menu,
sidebar, tim-kiem, thong-ke …), picks the main content (``<article>``, ``<main>``, a content/detail
container, else the element the most text hangs from), then drops blocks that are only a chrome phrase.

Each ``<p>``, heading, ``<li>``, ``<div>`` with text of its own and each ``<br>``-separated line is a
block located by the source ``line`` of its element; list items get the number or dash the browser
shows; table cells become ``table_cell`` blocks with table/row/cell (1-based; a spanned cell counts once).
Decoding: BOM, then ``<meta charset>``, then UTF-8, then Windows-1258, preferring what reads as Vietnamese.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

from checker.model.document import Block, Document
from checker.read.errors import ReadError, file_bytes, out_of_memory, xml_limit
from checker.text.letters import LETTERS
from checker.text.markers import split_marker
from checker.text.normalize import clean, squash

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_META = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Browsers read these labels as Windows-1252, which cannot hold Vietnamese: the label is likely wrong.
_WESTERN = {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "windows-1252", "cp1252", "iso8859-1"}
_TAG = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|p|div|table|h[1-6]|br|span|article|li|font|title)\b",
                  re.IGNORECASE)
_BLOCK = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "section", "article", "main", "blockquote",
                    "pre", "dd", "dt", "dl", "ul", "ol", "table", "tr", "td", "th", "thead", "tbody", "tfoot",
                    "caption", "figure", "figcaption", "address", "center", "body", "hr", "fieldset", "details",
                    "summary", "header", "footer", "form"))
_SPACES = re.compile(r"[ \t\r\n\f]+")  # HTML white space; NBSP is text and stays
# A start tag's attributes as a browser's tokenizer splits them (name, then an optional quoted or bare value),
# matched without backtracking so that no page can make the scan slow.
_ATTRIBUTE = r"""[\s/]*+[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]++))?+"""
MAX_ATTRIBUTES = 100
"""Attributes read in one tag. libxml2 compares each attribute of a tag with all those before it (100,000
attributes: 15 s in C code the time limit cannot interrupt); real pages have a few per tag, never 100."""
LONG_VALUE = 1_000_000
"""Characters from which an attribute's value is not read. Only inline images are that long, and they hold no
text a browser shows; libxml2 stops reading the page at a value over 10 MB (and at a few MB after one)."""
_MANY_ATTRIBUTES = re.compile(rf"<([A-Za-z][^\s/>]*+)(?:{_ATTRIBUTE}){{{MAX_ATTRIBUTES}}}")
_MORE_ATTRIBUTES = re.compile(rf"(?:{_ATTRIBUTE})*+")
_LONG_ATTRIBUTE = (r"""[\s/]*+(?P<name>[^\s/>][^\s/>=]*+)\s*+=\s*+(?P<value>"""
                   rf""""[^"]{{{LONG_VALUE}}}[^"]*+"?|'[^']{{{LONG_VALUE}}}[^']*+'?"""
                   rf"""|[^\s>"'][^\s>]{{{LONG_VALUE - 1}}}[^\s>]*+)""")
_LONG_IN_TAG = re.compile(rf"<[A-Za-z][^\s/>]*+(?:{_ATTRIBUTE})*?{_LONG_ATTRIBUTE}")
_LONG_NEXT = re.compile(rf"(?:{_ATTRIBUTE})*?{_LONG_ATTRIBUTE}")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_EMPTY = ("trang không có nội dung văn bản", "the page has no text content")


def _limits_hit(parser: Any, path: str) -> list[tuple[str, str]]:
    """What libxml2 left out of the page at its safety limits (it recovers and goes on, silently), in
    Vietnamese and in English; a page libxml2 ran out of memory on (the process's memory limit) is refused
    instead."""
    from lxml import etree

    found = []
    for error in parser.error_log:
        if error.type == etree.ErrorTypes.ERR_NO_MEMORY:
            raise out_of_memory(path)
        limit = xml_limit(error.message)
        if limit == "depth":
            found.append((f"bỏ qua phần nội dung lồng quá 256 cấp từ dòng {error.line} (trang hỏng hoặc được tạo có "
                          "chủ ý)", f"content nested more than 256 levels deep dropped from line {error.line}"))
        elif limit == "size":
            found.append((f"bộ phân tích HTML (libxml2) dừng đọc trang ở dòng {error.line}, ở một đoạn chữ dài quá "
                          "giới hạn 10 MB của nó; phần sau không được đọc", f"the HTML parser (libxml2) stopped "
                          f"reading the page at line {error.line}, at a text over its 10 MB bound; what follows was "
                          "not read"))
    return list(dict.fromkeys(found))


def _nothing_read(path: str, parser: Any) -> ReadError:
    """The error for a page without text: why, when libxml2 stopped reading it at one of its limits."""
    limits = _limits_hit(parser, path)
    if not limits:
        return ReadError(path, *_EMPTY)
    vi, en = limits[0]
    return ReadError(path, f"{_EMPTY[0]}: {vi}", f"{_EMPTY[1]}: {en}")


def _bound_tags(text: str) -> tuple[str, list[str]]:
    """``text`` with absurd tags made harmless before libxml2 sees them, and notes saying what was left out:
    a tag's attributes past the first :data:`MAX_ATTRIBUTES`, and attribute values of :data:`LONG_VALUE`
    characters or more (emptied). Line breaks in what is left out are kept, so lines stay where they were."""
    pieces, notes, at = [], [], 0
    many, first = 0, 0
    while found := _MANY_ATTRIBUTES.search(text, at):
        end = _MORE_ATTRIBUTES.match(text, found.end()).end()  # type: ignore[union-attr]  # matches empty at least
        pieces += [text[at:found.end()], "\n" * text.count("\n", found.end(), end)]
        many, first, at = many + 1, first or _line(text, found.start()), end
    if many:
        text = "".join([*pieces, text[at:]])
        where_vi, where_en = (f"một thẻ ở dòng {first}", f"a tag at line {first}") if many == 1 else (
            f"{many} thẻ, thẻ đầu ở dòng {first},", f"{many} tags, the first at line {first},")
        notes.append(f"Mỗi thẻ chỉ đọc {MAX_ATTRIBUTES} thuộc tính đầu; {where_vi} có nhiều hơn (trang hỏng hoặc "
                     f"được tạo có chủ ý) (only the first {MAX_ATTRIBUTES} attributes of a tag are read; {where_en} "
                     "had more: a broken or crafted page)")
    pieces, at, long = [], 0, []
    found = _LONG_IN_TAG.search(text) if len(text) > LONG_VALUE else None  # no value that long in a shorter page
    while found:
        start, end = found.span("value")
        long.append((found.group("name")[:40], end - start, _line(text, start)))
        pieces += [text[at:start], '""', "\n" * text.count("\n", start, end)]
        at = end
        found = _LONG_NEXT.match(text, at) or _LONG_IN_TAG.search(text, at)  # another in the same tag, or further
    if long:
        text = "".join([*pieces, text[at:]])
        name, size, line = long[0]
        more_vi, more_en = ("", "") if len(long) == 1 else (f" và {len(long) - 1} giá trị khác",
                                                            f" and {len(long) - 1} more")
        notes.append(f"Bỏ qua giá trị dài {size / 1e6:.1f} triệu ký tự của thuộc tính «{name}» ở dòng {line}{more_vi} "
                     "(ảnh nhúng hoặc tương tự, không có chữ nào trình duyệt hiện; libxml2 dừng đọc trang ở giá trị "
                     f"quá 10 MB) (the {size / 1e6:.1f} million-character value of the attribute «{name}» at line "
                     f"{line}{more_en} left out: an inline image or the like, no text a browser shows; libxml2 stops "
                     "reading the page at a value over 10 MB)")
    return text, notes


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def read_html(path: str | Path) -> Document:
    """Read a saved web page into a :class:`Document` of its main content; problems raise ReadError."""
    return read_html_bytes(file_bytes(path), str(path))


def read_html_bytes(data: bytes, path: str) -> Document:
    """Read the bytes of a web page named ``path``; see :func:`read_html`."""
    text, encoding, guessed = _decode(data, path)
    if not _TAG.search(text):
        raise ReadError(path, "tệp không phải trang HTML (không có thẻ HTML nào)", "not an HTML page (no HTML tags)")
    text, bounded = _bound_tags(text)
    import lxml.html  # lazy: only web pages pay for it
    from lxml import etree

    # Fed as UTF-8 with the encoding forced, so a <meta charset> we already applied is not re-applied.
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, encoding="utf-8")
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
        _empty_void_elements(root)
        body = root.find("body")
    except (etree.LxmlError, ValueError) as exc:
        raise _nothing_read(path, parser) from exc
    if body is None:
        raise _nothing_read(path, parser)
    dropped, main = _strip_chrome(body)
    blocks = _Walker().blocks_of(main) or _Walker().blocks_of(body)
    if not blocks:
        raise _nothing_read(path, parser)
    notes = bounded + [f"{vi[0].upper()}{vi[1:]} ({en})" for vi, en in _limits_hit(parser, path)]
    if guessed:
        notes.append(f"Mã hóa ký tự không được khai báo đúng, đoán là {encoding} (encoding guessed: {encoding})")
    if dropped:
        notes.append(f"Đã bỏ {dropped} phần khung của trang web (menu, tìm kiếm, liên kết, thống kê truy cập…) "
                     f"({dropped} web-page chrome elements dropped)")
    return Document(path=path, format="html", encoding=encoding, blocks=blocks, notes=notes)


def _decode(data: bytes, path: str) -> tuple[str, str, bool]:
    """(text, encoding, whether it was guessed): BOM, then the declared charset, then what reads best."""
    if not data.strip():
        raise ReadError(path, "tệp rỗng", "file is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec, False
            except UnicodeDecodeError as exc:
                raise ReadError(path, f"tệp {codec} bị hỏng", f"damaged {codec} text") from exc
    if b"\x00" in data:
        raise ReadError(path, "tệp không phải trang HTML (tệp nhị phân)", "not an HTML page (binary file)")
    found = _META.search(data[:4096])
    declared = found.group(1).decode("ascii").lower() if found else None
    if declared and declared not in _WESTERN:
        try:
            return data.decode(codecs.lookup(declared).name), declared, False
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: fall back to what the bytes say
    try:
        # Not guessed unless a (Western) label said otherwise about non-ASCII bytes.
        return data.decode("utf-8"), "utf-8", declared is not None and not data.isascii()
    except UnicodeDecodeError:
        pass
    candidates = []
    for codec in ("cp1258", declared or "cp1252"):
        try:
            candidates.append((_vietnamese(data.decode(codec)), codec))
        except (LookupError, UnicodeDecodeError):
            continue
    if not candidates:
        return data.decode("cp1252", "replace"), "cp1252", True
    codec = max(candidates)[1]
    return data.decode(codec), codec, codec != declared


def _vietnamese(text: str) -> float:
    """How Vietnamese a decoding reads: Vietnamese letters count, letters foreign to it count against."""
    letters = [c for c in clean(text) if c.isalpha() and not c.isascii()]
    return sum(1 if c in LETTERS else -3 for c in letters) / (len(letters) or 1)


# Not ``object``: what it holds is what a browser shows when it cannot show the object itself (a Flash movie,
# a missing file), as it does for a saved page; its ``param`` children are void and hold no text.
_DROP = frozenset(("script", "style", "noscript", "template", "nav", "aside", "iframe", "button", "select",
                   "textarea", "input", "svg", "canvas", "embed", "audio", "video", "map"))
# The void elements of HTML: a browser's parser never puts anything inside one. libxml2 (2.14) does not know
# embed, source, track, wbr and keygen as void and nests all that follows "<embed src=…>" inside it (up to
# the end of its parent): the whole article, which was then dropped with the embed.
_VOID = ("area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen",
         "link", "meta", "param", "source", "track", "wbr")
# Parts of id/class names that mark chrome; matched inside names with separators removed ("tim-kiem").
_CHROME = ("menu", "navigation", "sidebar", "footer", "header", "breadcrumb", "banner", "search", "timkiem",
           "lienket", "weblink", "thongke", "truycap", "counter", "share", "chiase", "social", "related",
           "othernews", "tinkhac", "lienquan", "comment", "binhluan", "quangcao", "advert")
_TITLE = ("title", "article", "news", "post", "entry", "detail", "content", "tieude", "baiviet")
_TITLE_NAME = re.compile(r"title|tieude|tieu-de|tieu_de")
_CONTENT = re.compile(r"content|noidung|noi-dung|detail|chitiet|chi-tiet|article|post-body|entry|baiviet")
_PHRASES = frozenset(squash(p) for p in (
    "Tìm kiếm", "Tìm kiếm tin tức", "Liên kết website", "Liên kết web", "Thống kê lượt truy cập",
    "Thống kê truy cập", "Tổng truy cập", "Tổng lượt truy cập", "Truy cập hiện tại", "Đang truy cập",
    "Đang trực tuyến", "Lượt truy cập", "Lượt xem", "Hôm nay", "Hôm qua", "Trong tuần", "Trong tháng",
    "Các tin khác", "Tin khác", "Tin liên quan", "Bài viết liên quan", "Tin cùng chuyên mục",
    "Xem tin theo ngày", "Xem theo ngày", "In trang", "In bài viết", "Bản in", "Gửi email", "Gửi bài viết",
    "Email", "Chia sẻ", "Quay lại", "Trở về", "Trở lại", "Về đầu trang", "Lên đầu trang", "Đầu trang",
    "Xem thêm", "Trang chủ", "Tin tức", "Bình luận", "Ý kiến bạn đọc", "Facebook", "Zalo", "Twitter"))
_PHRASE_TAIL = re.compile(r"[\s:.,()\d]+$")  # a counter's figures ("Tổng truy cập 3.576.239")


def _empty_void_elements(root: Any) -> None:
    """Move what the parser nested inside void elements back out, after them, where a browser has it."""
    for element in list(root.iter(*_VOID)):  # in document order: an outer one first, its inner ones after
        parent = element.getparent()
        if parent is None or (len(element) == 0 and not element.text):
            continue
        children, tail = list(element), element.tail
        element.tail, element.text = element.text, None
        at = parent.index(element)
        for offset, child in enumerate(children, start=1):
            parent.insert(at + offset, child)  # moves it, with its own tail
        last = children[-1] if children else element
        last.tail = (last.tail or "") + (tail or "")


def _names(element: Any) -> str:
    return f"{element.get('id', '')} {element.get('class', '')}".lower()


def _chrome_name(element: Any) -> bool:
    """Whether the element's id or class names site chrome (``header`` of an article is its title)."""
    for name in _names(element).split():
        joined = re.sub(r"[^a-z0-9]", "", name)
        hits = {part for part in _CHROME if part in joined}
        tokens = re.split(r"[^a-z0-9]+", name)
        if any(t in ("ad", "ads") or t.startswith("nav") or t.endswith("nav") for t in tokens):
            return True
        if hits and not (hits == {"header"} and any(t in joined for t in _TITLE)):
            return True
    return False


def _length(element: Any) -> int:
    return len(" ".join(element.text_content().split()))


def _own(element: Any) -> tuple[str, int]:
    """The element's own text (not that of nested blocks) and how much of it is link text."""
    parts, links = [element.text or ""], 0
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _BLOCK:
            inner = child.text_content()
            parts.append(inner)
            links += len(inner.strip()) if child.tag == "a" else sum(_length(a) for a in child.iter("a"))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split()), links


def _strip_chrome(body: Any) -> tuple[int, Any]:
    """Drop the chrome of a page in place; return how many elements went and the main content element."""
    total = _length(body) or 1
    dropped = 0

    def prune(element: Any, in_article: bool) -> None:
        nonlocal dropped
        for child in list(element):
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            style = re.sub(r"\s", "", child.get("style", "")).lower()
            # ASP.NET portals wrap the whole page in one <form>: never drop what holds most of the page.
            chrome = tag in _DROP or "display:none" in style or (
                (tag in ("form", "footer") or (tag == "header" and not in_article) or _chrome_name(child))
                and _length(child) < 0.5 * total)
            if chrome and tag:
                child.drop_tree()
                dropped += 1
            elif tag:
                prune(child, in_article or tag in ("article", "main"))

    prune(body, False)
    main = _main(body)
    for element in [e for e in main.iter(*_BLOCK - {"tr", "td", "th"}) if e is not main]:  # cells keep their places
        if not any(a is main for a in element.iterancestors()):
            continue  # inside an element dropped already
        text = squash(element.text_content())
        parts = {_PHRASE_TAIL.sub("", part) for part in re.split(r"\s*[|•·»/]\s*", text)} - {""}
        link_list = element.tag in ("ul", "ol", "table", "div") and len(element.findall(".//a")) >= 2
        if (parts and parts <= _PHRASES) or (link_list and sum(map(_length, element.iter("a"))) >= 0.8 * len(text)):
            element.drop_tree()
            dropped += 1
    return dropped, main


def _main(body: Any) -> Any:
    """The element holding the article: a tagged or named container if one holds most of the text, else
    the element most paragraph text hangs from; widened to take in the page's title (``<h1>``, ``.title``)."""
    mass: dict[Any, float] = {}  # paragraph weight inside each element
    score: dict[Any, float] = {}  # paragraph weight of children (full) and grandchildren (half)
    for element in body.iter(*_BLOCK):
        text, links = _own(element)
        if len(text) < 25:
            continue
        weight = (1 + text.count(",") + min(len(text) / 100, 3)) * (1 - min(links / len(text), 1))
        for depth, ancestor in enumerate(element.iterancestors()):
            mass[ancestor] = mass.get(ancestor, 0) + weight
            if depth < 2:
                score[ancestor] = score.get(ancestor, 0) + weight / (depth + 1)
            if ancestor is body:  # never <html>, which holds <head>
                break
    total = mass.get(body, 0)
    named = [e for e in mass if (e.tag in ("article", "main") or _CONTENT.search(_names(e))) and mass[e] >= total / 2]
    if named:
        main = min(named, key=lambda e: (mass[e], -len(list(e.iterancestors()))))
    else:
        main = max(score, key=lambda e: score[e], default=body)
    for _ in range(3):  # portals often put the title and date beside the text container, not in it
        parent = main.getparent()
        if main is body or _has_title(main) or parent is None or parent is body:
            break
        if not _has_title(parent) or mass.get(parent, 0) > 1.5 * mass.get(main, 0) + 5:
            break
        main = parent
    return main


def _has_title(element: Any) -> bool:
    return any(e.tag == "h1" or _TITLE_NAME.search(_names(e)) for e in element.iter() if isinstance(e.tag, str))


class _Walker:
    """Collects blocks in reading order: flushes a line at each block element, ``<br>`` and table cell."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.line: int | None = None
        self.here: int | None = None
        self.cell: tuple[int, int, int] | None = None
        self.prefix: str | None = None
        self.tables = 0

    def blocks_of(self, element: Any) -> list[Block]:
        self.walk(element, pre=False)
        self.flush()
        return self.blocks

    def add(self, text: str | None, pre: bool) -> None:
        if not text:
            return
        if pre:  # preformatted text keeps its line breaks: one block per line
            first, *rest = text.split("\n")
            self.add(first, pre=False)
            for part in rest:
                self.flush()
                self.add(part, pre=False)
            return
        if self.line is None and text.strip() and self.here is not None:
            # Text after "<br>\n" starts on a later line than the element before it.
            self.line = self.here + text[:len(text) - len(text.lstrip())].count("\n")
        self.buffer.append(_SPACES.sub(" ", text))

    def flush(self) -> None:
        text = clean("".join(self.buffer)).strip()
        if text:
            if self.prefix and split_marker(text) is None:
                text = self.prefix + text
            table, row, cell = self.cell or (None, None, None)
            self.blocks.append(Block(index=len(self.blocks), text=text, line=self.line, table=table, row=row,
                                     cell=cell, kind="paragraph" if self.cell is None else "table_cell"))
            self.prefix = None
        self.buffer, self.line = [], None

    def walk(self, element: Any, pre: bool) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        self.here = element.sourceline or self.here
        pre = pre or tag == "pre"
        if tag == "br":
            self.flush()
        elif tag == "table":
            self.flush()
            self.table(element, pre)
        elif tag in _BLOCK:
            self.flush()
            if tag in ("ul", "ol"):
                self.prefix = None  # an item holding only a nested list shows no marker of its own
            elif tag == "li":
                self.prefix = _marker(element)
            self.add(element.text, pre)
            for child in element:
                self.walk(child, pre)
            self.flush()
        elif tag:
            text = element.text
            if tag == "sup" and text and text.strip().isdigit():
                text = text.translate(_SUPERSCRIPT)  # a footnote mark: fold() reads superscripts as marks
            self.add(text, pre)
            for child in element:
                self.walk(child, pre)
        self.add(element.tail, pre)

    def table(self, table: Any, pre: bool) -> None:
        self.tables += 1
        number, outer, row = self.tables, self.cell, 0
        for tr in table.iter("tr"):
            if next(tr.iterancestors("table"), None) is not table:
                continue  # a row of a nested table: read when its own table is
            row += 1
            for column, td in enumerate((c for c in tr if c.tag in ("td", "th")), start=1):
                self.cell = (number, row, column)
                self.here = td.sourceline or self.here
                self.add(td.text, pre)
                for child in td:
                    self.walk(child, pre)
                self.flush()
        for caption in table.iter("caption"):
            self.cell = outer
            self.walk(caption, pre)
        self.cell = outer


def _marker(item: Any) -> str:
    """What a browser shows before a list item: ``3.``, ``b)`` or ``II.`` in an ordered list, else a dash."""
    parent = item.getparent()
    if parent is None or parent.tag != "ol":
        return "- "
    start = parent.get("start", "1")
    number = (int(start) if start.isdigit() else 1) + [c for c in parent if c.tag == "li"].index(item)
    kind = parent.get("type", "1")
    if kind in ("a", "A") and number <= 26:
        return chr(96 + number) + ") "
    if kind in ("i", "I") and number < 40:
        tens, units = divmod(number, 10)
        return "X" * tens + ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")[units] + ". "
    return f"{number}. "
