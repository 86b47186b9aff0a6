"""Reading Word .docx files straight from the XML (zipfile + lxml; python-docx is too slow to read).

The package is opened here: the main part (found through ``_rels/.rels``), and the parts it relates
to — styles, automatic numbering (:mod:`checker.read.docx_numbering`), footnotes and endnotes
(:mod:`checker.read.docx_notes`). :mod:`checker.read.docx_walk` turns the body into blocks: body
paragraphs, table cells, text boxes after their anchor, numbering labels in front of the text and
notes after the block that cites them. Headers, footers and comments are not body text and are not
read. The package limits and XML parsing (no entities, network or huge trees) are
:mod:`checker.read.package`'s, shared with the .odt reader. A damaged main part raises
:class:`ReadError`; a damaged styles, numbering or notes part is skipped with a note, since the text
is still readable without it.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path, PurePosixPath
from types import SimpleNamespace
from typing import cast

from lxml import etree

from checker.limits import cap_note, current
from checker.model.document import Document
from checker.read.docx_notes import NoteKind, Notes
from checker.read.docx_numbering import Numbering
from checker.read.docx_styles import MAX_DEPTH, Styles, wordml_names
from checker.read.docx_walk import Walker
from checker.read.errors import ReadError, file_bytes
from checker.read.package import no_memory, part_chunks, read_package

_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
#: Related parts we read: relationship type (last path segment, same in transitional and strict
#: OOXML) → the usual part name, used when the relationships are missing or broken.
_RELATED = {"styles": "styles.xml", "numbering": "numbering.xml", "footnotes": "footnotes.xml",
            "endnotes": "endnotes.xml"}
_NOTE_NAMES: tuple[tuple[NoteKind, str], ...] = (("footnote", "chú thích cuối trang"),
                                                  ("endnote", "chú thích cuối văn bản"))




def _parser(root: str) -> etree.XMLPullParser:
    """A parser fed a part a chunk at a time; it reports (as an event) only the start of the element named
    ``root`` (local name), which a part cut short at the element cap is read from.

    No entity expansion, no DTD loading, no network, libxml2's size and depth bounds kept (no huge trees):
    the file comes from outside. A billion-laughs DTD is parsed but never expanded."""
    return etree.XMLPullParser(events=("start",), tag=f"{{*}}{root}", resolve_entities=False, load_dtd=False,
                               no_network=True, huge_tree=False, remove_comments=True)


def _ole_error(data: bytes, path: str) -> ReadError:
    """What an OLE compound file (the container of .doc files and of encrypted Word files) is."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return ReadError(path, "văn bản Word có đặt mật khẩu; hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ tài liệu) "
                         "rồi lưu và gửi lại", "the Word document is password-protected; remove the password "
                         "(File › Info › Protect Document), save and send it again")
    if "WordDocument".encode("utf-16-le") in data:
        return ReadError(path, "đây là tệp .doc (Word 97–2003) mang đuôi .docx; hãy mở bằng Word và lưu lại "
                         "thành .docx, hoặc đổi đuôi thành .doc", "this is a .doc (Word 97–2003) file named "
                         ".docx; open it in Word and save it as .docx, or rename it to .doc")
    return ReadError(path, "đây là tệp .doc cũ hoặc tệp Word có mật khẩu; hãy lưu lại thành .docx",
                     "this is a legacy .doc or an encrypted Word file; save it as .docx")


def read_docx(path: str | Path) -> Document:
    """Read a .docx file into a :class:`Document`; any problem with the file raises ReadError."""
    return read_docx_bytes(file_bytes(path), str(path))


def read_docx_bytes(data: bytes, path: str, origins: list[str] | None = None) -> Document:
    """Read the bytes of a .docx file named ``path``; see :func:`read_docx`.

    ``origins``, when given, receives for each block the XPath of the ``w:p`` of ``word/document.xml`` it
    comes from (for a footnote, the paragraph citing it): what :mod:`checker.annotate` anchors comments on.
    """
    if data.startswith(_OLE_MAGIC):
        raise _ole_error(data, path)
    return read_package(data, path, lambda archive: _read_package(archive, path, origins))


def _read_package(archive: zipfile.ZipFile, path: str, origins: list[str] | None = None) -> Document:
    main = _main_part(archive, path)
    if main is None:
        raise ReadError(path, "tệp ZIP này không phải văn bản Word (thiếu word/document.xml)",
                        "not a Word document (the ZIP has no word/document.xml)")
    notes: list[str] = []
    root = _parse(archive, main, path, "document", notes)
    ns = etree.QName(root).namespace
    if ns not in (_TRANSITIONAL, _STRICT):
        raise ReadError(path, "tệp không phải văn bản Word (phần tử gốc lạ)",
                        "not a Word document (unexpected root element)")
    w = wordml_names(ns)
    body = root.find(w.body)
    if body is None:
        raise ReadError(path, "văn bản Word không có phần thân (w:body)", "the Word document has no body")
    parts = {kind: _optional(archive, name, path, kind, notes) for kind, name in _related(archive, main, path).items()}
    styles = Styles(parts.get("styles"), w)
    numbering = _numbering(parts.get("numbering"), w, styles)
    footnotes = Notes(w, parts.get("footnotes"), parts.get("endnotes"), body)
    walker = Walker(w, styles, numbering, footnotes)
    walker.walk_body(body)
    if origins is not None:
        tree = root.getroottree()
        origins.extend(tree.getpath(element) for element in walker.origins)
    dropped = sum(1 for _ in body.iter(w.deleted))
    if dropped:
        notes.append(f"Bỏ qua {dropped} đoạn xóa theo dõi thay đổi ({dropped} tracked deletions dropped)")
    if styles.cut:
        notes.append(f"Chuỗi kiểu định dạng (w:basedOn) sâu quá {MAX_DEPTH} cấp bị cắt ở đó: tệp hỏng hoặc được tạo có "
                     f"chủ ý (style chains deeper than {MAX_DEPTH} styles cut there: a damaged or crafted file)")
    if walker.legacy_runs:
        notes.append(f"Đã chuyển {walker.legacy_runs} đoạn chữ phông cũ (TCVN3/VNI) sang Unicode "
                     f"({walker.legacy_runs} runs in legacy TCVN3/VNI fonts converted to Unicode)")
    if walker.labels:
        notes.append(f"Đã điền {walker.labels} số thứ tự tự động của Word vào đầu đoạn "
                     f"({walker.labels} automatic numbering labels written before their paragraphs)")
    for kind, vi in _NOTE_NAMES:
        placed = footnotes.placed(kind)
        if placed:
            notes.append(f"Đọc {placed} {vi} thành đoạn riêng sau đoạn dẫn chiếu "
                         f"({placed} {kind}s read as blocks after the paragraph citing them)")
    return Document(path=path, format="docx", encoding=None, blocks=walker.blocks, notes=notes)


def _main_part(archive: zipfile.ZipFile, path: str) -> str | None:
    """The main document part: from _rels/.rels when present, else the usual word/document.xml."""
    names = set(archive.namelist())
    for target in _targets(_relationships(archive, "_rels/.rels", "", path), "officeDocument"):
        if target in names:
            return target
    return "word/document.xml" if "word/document.xml" in names else None


def _relationships(archive: zipfile.ZipFile, rels: str, base: str, path: str) -> list[tuple[str, str]]:
    """(relationship type, part name) of the internal relationships in ``rels``, in order."""
    if rels not in archive.namelist():
        return []
    try:
        root = _parse(archive, rels, path, "Relationships", [])
    except etree.XMLSyntaxError:
        return []  # a broken .rels is common in files from odd generators; fall back to the usual names
    found = []
    for rel in root.iter(f"{_PKG_RELS}Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") != "External" and target:
            absolute = target.startswith("/")
            name = target.lstrip("/") if absolute else posixpath.normpath(posixpath.join(base, target))
            found.append((rel.get("Type", ""), name))
    return found


def _targets(relationships: list[tuple[str, str]], kind: str) -> list[str]:
    """Part names related with a relationship type ending in ``/kind``."""
    return [name for rel_type, name in relationships if rel_type.endswith("/" + kind)]


def _related(archive: zipfile.ZipFile, main: str, path: str) -> dict[str, str]:
    """Kind (styles, numbering, footnotes, endnotes) → part name, for the parts present in the zip."""
    folder = str(PurePosixPath(main).parent)
    folder = "" if folder == "." else folder
    relationships = _relationships(archive, posixpath.join(folder, "_rels", PurePosixPath(main).name + ".rels"),
                                   folder, path)
    names = set(archive.namelist())
    found = {}
    for kind, usual in _RELATED.items():
        candidates = [*_targets(relationships, kind), posixpath.join(folder, usual)]
        part = next((name for name in candidates if name in names), None)
        if part is not None:
            found[kind] = part
    return found


def _parse(archive: zipfile.ZipFile, name: str, path: str, root: str, notes: list[str]) -> etree._Element:
    """The XML of part ``name`` (its root element has the local name ``root``), parsed as it is inflated.

    Past ``xml-elements`` elements the rest of the part is not read: what was read is returned, with a note
    in ``notes``. Elements are counted as start tags in the bytes, before the parser builds them: the tree
    never holds more than the cap, whatever the part holds (empty paragraphs, attributes-only elements)."""
    limit = current().xml_elements
    parser = _parser(root)
    top: etree._Element | None = None  # the root element, once parsed
    count, carry = 0, b""
    for chunk in part_chunks(archive, name, path):
        chunk, carry = carry + chunk, b""
        if chunk.endswith(b"<"):  # a tag cut between chunks is counted with the chunk it ends in
            chunk, carry = chunk[:-1], b"<"
        starts = _start_tags(chunk)
        if count + starts > limit:
            parser.feed(chunk[:_nth_start(chunk, limit - count + 1)])
            top = _root(parser, top)
            if top is None:  # a root of another name, which this reader cannot use: the cut part is malformed
                return cast(etree._Element, parser.close())
            notes.append(cap_note(f"Phần {name} có hơn {limit} phần tử XML: chỉ đọc phần đầu, phần sau bị bỏ qua",
                                  f"{name} has more than {limit} XML elements: only its beginning was read",
                                  "xml-elements"))
            return top
        count += starts
        parser.feed(chunk)
        top = _root(parser, top)
    if carry:
        parser.feed(carry)
    return cast(etree._Element, parser.close())


def _root(parser: etree.XMLPullParser, found: etree._Element | None) -> etree._Element | None:
    """The root element: ``found``, or the first the parser reports (it reports only elements with the root's
    name, and ``read_events`` must be drained after each chunk fed)."""
    for _event, element in parser.read_events():
        if found is None:
            found = cast(etree._Element, element)
    return found


def _start_tags(chunk: bytes) -> int:
    """Start tags (elements) in ``chunk``: every ``<`` but those of end tags, declarations, processing
    instructions and comments (a literal ``<`` cannot stand in XML text or attribute values)."""
    return chunk.count(b"<") - chunk.count(b"</") - chunk.count(b"<?") - chunk.count(b"<!")


def _nth_start(chunk: bytes, n: int) -> int:
    """Where the ``n``-th start tag of ``chunk`` begins (the end of the chunk when it has fewer)."""
    at = -1
    while n > 0:
        at = chunk.find(b"<", at + 1)
        if at < 0:
            return len(chunk)
        if chunk[at + 1:at + 2] not in (b"/", b"?", b"!"):
            n -= 1
    return at


def _optional(archive: zipfile.ZipFile, name: str, path: str, kind: str, notes: list[str]) -> etree._Element | None:
    """A related part, or None with a note when its XML is damaged (the body is still readable)."""
    try:
        return _parse(archive, name, path, kind, notes)
    except etree.XMLSyntaxError as exc:
        if no_memory(exc):
            raise
        notes.append(f"Không đọc được {name}, bỏ qua ({name} malformed, ignored)")
        return None


def _numbering(root: etree._Element | None, w: SimpleNamespace, styles: Styles) -> Numbering | None:
    return Numbering(root, w, lambda style_id: styles.numbering(style_id)[0]) if root is not None else None
