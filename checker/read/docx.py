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

import io
import posixpath
import zipfile
from pathlib import Path, PurePosixPath
from types import SimpleNamespace

from lxml import etree

from checker.model.document import Document
from checker.read.docx_notes import NoteKind, Notes
from checker.read.docx_numbering import Numbering
from checker.read.docx_styles import Styles, wordml_names
from checker.read.docx_walk import Walker
from checker.read.errors import ReadError, file_bytes
from checker.read.package import check_package, parse_part, xml_error

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
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_package(archive, path)
            return _read_package(archive, path, origins)
    except ReadError:
        raise
    except zipfile.BadZipFile as exc:
        raise ReadError(path, "tệp không phải .docx hợp lệ (không phải gói ZIP)",
                        "not a valid .docx file (not a ZIP package)") from exc
    except etree.XMLSyntaxError as exc:
        raise xml_error(exc, path) from exc
    except Exception as exc:  # a damaged file must never crash the checker
        raise ReadError(path, f"tệp .docx bị hỏng ({type(exc).__name__}: {exc})",
                        f"damaged .docx file ({type(exc).__name__}: {exc})") from exc


def _read_package(archive: zipfile.ZipFile, path: str, origins: list[str] | None = None) -> Document:
    main = _main_part(archive)
    if main is None:
        raise ReadError(path, "tệp ZIP này không phải văn bản Word (thiếu word/document.xml)",
                        "not a Word document (the ZIP has no word/document.xml)")
    root = _parse(archive, main, path)
    ns = etree.QName(root).namespace
    if ns not in (_TRANSITIONAL, _STRICT):
        raise ReadError(path, "tệp không phải văn bản Word (phần tử gốc lạ)",
                        "not a Word document (unexpected root element)")
    w = wordml_names(ns)
    body = root.find(w.body)
    if body is None:
        raise ReadError(path, "văn bản Word không có phần thân (w:body)", "the Word document has no body")
    notes: list[str] = []
    parts = {kind: _optional(archive, name, path, notes) for kind, name in _related(archive, main).items()}
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


def _main_part(archive: zipfile.ZipFile) -> str | None:
    """The main document part: from _rels/.rels when present, else the usual word/document.xml."""
    names = set(archive.namelist())
    for target in _targets(_relationships(archive, "_rels/.rels", ""), "officeDocument"):
        if target in names:
            return target
    return "word/document.xml" if "word/document.xml" in names else None


def _relationships(archive: zipfile.ZipFile, rels: str, base: str) -> list[tuple[str, str]]:
    """(relationship type, part name) of the internal relationships in ``rels``, in order."""
    if rels not in archive.namelist():
        return []
    try:
        root = parse_part(archive, rels)
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


def _related(archive: zipfile.ZipFile, main: str) -> dict[str, str]:
    """Kind (styles, numbering, footnotes, endnotes) → part name, for the parts present in the zip."""
    folder = str(PurePosixPath(main).parent)
    folder = "" if folder == "." else folder
    relationships = _relationships(archive, posixpath.join(folder, "_rels", PurePosixPath(main).name + ".rels"),
                                   folder)
    names = set(archive.namelist())
    found = {}
    for kind, usual in _RELATED.items():
        candidates = [*_targets(relationships, kind), posixpath.join(folder, usual)]
        part = next((name for name in candidates if name in names), None)
        if part is not None:
            found[kind] = part
    return found


def _parse(archive: zipfile.ZipFile, name: str, path: str) -> etree._Element:
    return parse_part(archive, name)  # sizes were checked by check_package


def _optional(archive: zipfile.ZipFile, name: str, path: str, notes: list[str]) -> etree._Element | None:
    """A related part, or None with a note when its XML is damaged (the body is still readable)."""
    try:
        return _parse(archive, name, path)
    except etree.XMLSyntaxError:
        notes.append(f"Không đọc được {name}, bỏ qua ({name} malformed, ignored)")
        return None


def _numbering(root: etree._Element | None, w: SimpleNamespace, styles: Styles) -> Numbering | None:
    return Numbering(root, w, lambda style_id: styles.numbering(style_id)[0]) if root is not None else None
