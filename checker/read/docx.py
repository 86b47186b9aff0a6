"""Reading Word .docx files straight from the XML (zipfile + lxml; python-docx is too slow to read).

Body paragraphs become ``paragraph`` blocks numbered by their position among body paragraphs
(empty ones count, so numbers match what Word users see); paragraphs inside tables become
``table_cell`` blocks with table/row/cell numbers. Tracked deletions, field codes and fallback
content are dropped; insertions, hyperlinks and content controls are read like normal text.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path, PurePosixPath
from types import SimpleNamespace

from lxml import etree

from checker.model.document import Block, Document
from checker.read.errors import ReadError, file_bytes
from checker.text.normalize import clean

_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_MAX_XML = 200 * 1024 * 1024  # an uncompressed document.xml larger than this is a zip bomb, not a plan
_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


def _parser() -> etree.XMLParser:
    # No entity expansion, no network, no huge trees: the file comes from outside.
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


def _names(ns: str) -> SimpleNamespace:
    """Clark names of the WordprocessingML elements we use, for the document's namespace."""
    tags = ("body p pPr pStyle outlineLvl tbl tr tc t tab ptab br cr noBreakHyphen moveFrom delText "
            "delInstrText instrText sdt sdtContent customXml smartTag style name basedOn numPr val styleId")
    names = {tag: f"{{{ns}}}{tag}" for tag in tags.split()}
    names["deleted"] = f"{{{ns}}}del"  # `del` is a Python keyword
    return SimpleNamespace(**names)


def read_docx(path: str | Path) -> Document:
    """Read a .docx file into a :class:`Document`; any problem with the file raises ReadError."""
    return read_docx_bytes(file_bytes(path), str(path))


def read_docx_bytes(data: bytes, path: str) -> Document:
    """Read the bytes of a .docx file named ``path``; see :func:`read_docx`."""
    if data.startswith(_OLE_MAGIC):
        raise ReadError(path, "đây là tệp .doc cũ hoặc tệp Word có mật khẩu; hãy lưu lại thành .docx",
                        "this is a legacy .doc or an encrypted Word file; save it as .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _read_package(archive, path)
    except ReadError:
        raise
    except zipfile.BadZipFile as exc:
        raise ReadError(path, "tệp không phải .docx hợp lệ (không phải gói ZIP)",
                        "not a valid .docx file (not a ZIP package)") from exc
    except etree.XMLSyntaxError as exc:
        raise ReadError(path, f"nội dung XML của tệp .docx bị lỗi: {exc}",
                        f"the XML inside the .docx is malformed: {exc}") from exc
    except Exception as exc:  # a damaged file must never crash the checker
        raise ReadError(path, f"tệp .docx bị hỏng ({type(exc).__name__}: {exc})",
                        f"damaged .docx file ({type(exc).__name__}: {exc})") from exc


def _read_package(archive: zipfile.ZipFile, path: str) -> Document:
    main = _main_part(archive)
    if main is None:
        raise ReadError(path, "tệp ZIP này không phải văn bản Word (thiếu word/document.xml)",
                        "not a Word document (the ZIP has no word/document.xml)")
    root = _parse(archive, main, path)
    ns = etree.QName(root).namespace
    if ns not in (_TRANSITIONAL, _STRICT):
        raise ReadError(path, "tệp không phải văn bản Word (phần tử gốc lạ)",
                        "not a Word document (unexpected root element)")
    w = _names(ns)
    body = root.find(w.body)
    if body is None:
        raise ReadError(path, "văn bản Word không có phần thân (w:body)", "the Word document has no body")
    notes = []
    styles_part, styles_root = str(PurePosixPath(main).parent / "styles.xml"), None
    if styles_part in archive.namelist():
        try:
            styles_root = _parse(archive, styles_part, path)
        except etree.XMLSyntaxError:  # the text is still readable without style names
            notes.append("Không đọc được styles.xml, bỏ qua tên kiểu (styles.xml malformed, styles ignored)")
    walker = _Walker(w, _Styles(styles_root, w))
    walker.walk_body(body)
    dropped = sum(1 for _ in body.iter(w.deleted))
    if dropped:
        notes.append(f"Bỏ qua {dropped} đoạn xóa theo dõi thay đổi ({dropped} tracked deletions dropped)")
    if next(body.iter(w.numPr), None) is not None:
        notes.append("Văn bản dùng đánh số tự động của Word; số thứ tự mục không có trong nội dung "
                     "(automatic numbering: list numbers are not part of the text)")
    return Document(path=path, format="docx", encoding=None, blocks=walker.blocks, notes=notes)


def _main_part(archive: zipfile.ZipFile) -> str | None:
    """The main document part: from _rels/.rels when present, else the usual word/document.xml."""
    names = set(archive.namelist())
    if "_rels/.rels" in names:
        try:
            rels = etree.fromstring(archive.read("_rels/.rels"), _parser())
            for rel in rels.iter(f"{_PKG_RELS}Relationship"):
                if rel.get("Type", "").endswith("/officeDocument"):
                    target = rel.get("Target", "").lstrip("/")
                    if target in names:
                        return target
        except etree.XMLSyntaxError:
            pass  # a broken .rels is common in files from odd generators; fall back to the usual name
    return "word/document.xml" if "word/document.xml" in names else None


def _parse(archive: zipfile.ZipFile, name: str, path: str) -> etree._Element:
    if archive.getinfo(name).file_size > _MAX_XML:
        raise ReadError(path, f"{name} quá lớn", f"{name} is too large to read")
    return etree.fromstring(archive.read(name), _parser())


class _Styles:
    """Style id → display name and outline level (following ``w:basedOn``)."""

    def __init__(self, root: etree._Element | None, w: SimpleNamespace) -> None:
        self._w = w
        self._by_id: dict[str, etree._Element] = {}
        if root is not None:
            for style in root.iter(w.style):
                self._by_id.setdefault(style.get(w.styleId, ""), style)

    def name(self, style_id: str) -> str:
        style = self._by_id.get(style_id)
        node = style.find(self._w.name) if style is not None else None
        return node.get(self._w.val, style_id) if node is not None else style_id

    def outline_level(self, style_id: str) -> int | None:
        seen: set[str] = set()
        while style_id and style_id not in seen:  # basedOn chains can be cyclic in damaged files
            seen.add(style_id)
            style = self._by_id.get(style_id)
            if style is None:
                return None
            level = style.find(f"{self._w.pPr}/{self._w.outlineLvl}")
            if level is not None:
                return _level(level.get(self._w.val))
            heading = _HEADING_NAME.match(self.name(style_id))
            if heading:
                return int(heading.group(1))
            based = style.find(self._w.basedOn)
            style_id = based.get(self._w.val, "") if based is not None else ""
        return None


def _level(value: str | None) -> int | None:
    """w:outlineLvl is 0-based with 9 meaning body text; we report 1-based levels like Heading N."""
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number + 1 if 0 <= number < 9 else None


class _Walker:
    """Walks the body in reading order and collects blocks."""

    def __init__(self, w: SimpleNamespace, styles: _Styles) -> None:
        self.w, self.styles = w, styles
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0
        # Containers that only wrap content: read through them.
        self.transparent = {w.sdt, w.sdtContent, w.customXml, w.smartTag, f"{_MC}AlternateContent"}
        # Content that is not part of the current text.
        self.skipped = {w.deleted, w.moveFrom, w.delText, w.delInstrText, w.instrText, w.pPr,
                        f"{_MC}Fallback"}

    def children(self, element: etree._Element) -> list[etree._Element]:
        """Child elements, looking through content controls and similar wrappers."""
        out = []
        for child in element:
            if not isinstance(child.tag, str) or child.tag in self.skipped:
                continue
            out.extend(self.children(child) if child.tag in self.transparent or child.tag == f"{_MC}Choice"
                       else [child])
        return out

    def walk_body(self, body: etree._Element) -> None:
        for child in self.children(body):
            if child.tag == self.w.p:
                self.paragraphs += 1
                self.add(child, paragraph=self.paragraphs)
            elif child.tag == self.w.tbl:
                self.tables += 1
                self.walk_table(child, self.tables)

    def walk_table(self, table: etree._Element, number: int) -> None:
        rows = [c for c in self.children(table) if c.tag == self.w.tr]
        for row_no, row in enumerate(rows, start=1):
            cells = [c for c in self.children(row) if c.tag == self.w.tc]
            for cell_no, cell in enumerate(cells, start=1):  # a gridSpan cell is one w:tc: one cell
                for para in self.cell_paragraphs(cell):
                    self.add(para, table=number, row=row_no, cell=cell_no)

    def cell_paragraphs(self, element: etree._Element) -> list[etree._Element]:
        """Paragraphs of a cell in order; nested tables are flattened into the cell."""
        out = []
        for child in self.children(element):
            if child.tag == self.w.p:
                out.append(child)
            elif child.tag in (self.w.tbl, self.w.tr, self.w.tc):
                out.extend(self.cell_paragraphs(child))
        return out

    def add(self, para: etree._Element, **where: int) -> None:
        parts: list[str] = []
        self.collect(para, parts)
        lines = [line.strip() for line in clean("".join(parts)).split("\n")]
        if not any(lines):
            return
        w = self.w
        pstyle = para.find(f"{w.pPr}/{w.pStyle}")
        style_id = pstyle.get(w.val) if pstyle is not None else None
        direct = para.find(f"{w.pPr}/{w.outlineLvl}")
        if direct is not None:
            level = _level(direct.get(w.val))
        else:
            level = self.styles.outline_level(style_id) if style_id else None
        for text in lines:
            if not text:
                continue
            self.blocks.append(Block(
                index=len(self.blocks), text=text, kind="table_cell" if "table" in where else "paragraph",
                style=self.styles.name(style_id) if style_id else None, outline_level=level, **where,
            ))

    def collect(self, element: etree._Element, parts: list[str]) -> None:
        """Append the visible text under ``element`` (a paragraph or part of one) to ``parts``."""
        w = self.w
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in self.skipped:
                continue
            if tag == w.t:
                parts.append(child.text or "")
            elif tag in (w.tab, w.ptab):
                parts.append("\t")
            elif tag in (w.br, w.cr):
                # A soft line break (Shift+Enter) separates lines as Enter does in header,
                # signature and recipient blocks; the paragraph is split into blocks there.
                parts.append("\n")
            elif tag == w.noBreakHyphen:
                parts.append("-")
            elif tag == w.p:  # a paragraph inside a text box anchored in this paragraph
                parts.append(" ")
                self.collect(child, parts)
                parts.append(" ")
            elif tag == f"{_MC}AlternateContent":
                choice = child.find(f"{_MC}Choice")  # Word shows the first choice; never the fallback
                if choice is not None:
                    self.collect(choice, parts)
            else:
                self.collect(child, parts)
