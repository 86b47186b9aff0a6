"""Reading OpenDocument Text (.odt) files, as offices working with LibreOffice send them.

An .odt is a ZIP package (opened and bounded as a .docx is: :mod:`checker.read.package`): ``mimetype``
(``application/vnd.oasis.opendocument.text``), ``META-INF/manifest.xml``, the body in ``content.xml`` and
the common styles, with the outline (chapter) numbering, in ``styles.xml``. :mod:`checker.read.odt_walk`
turns the body into the same blocks the .docx reader makes: paragraphs, headings with their outline level,
list labels in front of the text, table cells, text boxes after their anchor, notes after the paragraph
citing them. Headers, footers and comments are not body text and are not read.

A damaged ``content.xml`` raises :class:`ReadError`; a damaged ``styles.xml`` is skipped with a note (the
text is still readable without it). A password-protected file, another OpenDocument file (a spreadsheet)
named .odt, and a Word file named .odt get messages that say so.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from checker.model.document import Document
from checker.read.docx_notes import NoteKind
from checker.read.errors import ReadError, file_bytes
from checker.read.odt_lists import Lists
from checker.read.odt_styles import ODF, Styles
from checker.read.odt_walk import Walker
from checker.read.package import parse_part, read_package

_MIMETYPE = "application/vnd.oasis.opendocument.text"  # and -template, -master: text documents too
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_NOTE_NAMES: tuple[tuple[NoteKind, str], ...] = (("footnote", "chú thích cuối trang"),
                                                  ("endnote", "chú thích cuối văn bản"))
_OTHER_KINDS = {"spreadsheet": ("bảng tính", "spreadsheet", ".ods"),
                "presentation": ("bản trình chiếu", "presentation", ".odp"),
                "graphics": ("bản vẽ", "drawing", ".odg")}


def read_odt(path: str | Path) -> Document:
    """Read an .odt file into a :class:`Document`; any problem with the file raises ReadError."""
    return read_odt_bytes(file_bytes(path), str(path))


def read_odt_bytes(data: bytes, path: str) -> Document:
    """Read the bytes of an .odt file named ``path``; see :func:`read_odt`."""
    if data.startswith(_OLE_MAGIC):
        raise ReadError(path, "đây là tệp Word cũ (.doc) hoặc tệp có mật khẩu, mang đuôi .odt; hãy mở và lưu lại "
                        "thành .odt hoặc .docx", "this is a legacy Word (.doc) or an encrypted Office file named "
                        ".odt; open it and save it as .odt or .docx")
    return read_package(data, path, lambda archive: _read_package(archive, path), ".odt", "LibreOffice")


def _read_package(archive: zipfile.ZipFile, path: str) -> Document:
    names = set(archive.namelist())
    _refuse_other_kinds(archive, names, path)
    if _encrypted(archive, names):
        raise ReadError(path, "văn bản .odt có đặt mật khẩu; hãy gỡ mật khẩu (LibreOffice: Tệp › Thuộc tính › "
                        "Bảo mật) rồi lưu và gửi lại", "the .odt document is password-protected; remove the "
                        "password (LibreOffice: File › Properties › Security), save and send it again")
    if "content.xml" not in names:
        if "word/document.xml" in names:
            raise ReadError(path, "đây là tệp Word (.docx) mang đuôi .odt; hãy đổi đuôi thành .docx",
                            "this is a Word (.docx) file named .odt; rename it to .docx")
        raise ReadError(path, "tệp ZIP này không phải văn bản OpenDocument (thiếu content.xml)",
                        "not an OpenDocument text (the ZIP has no content.xml)")
    content = parse_part(archive, "content.xml", path)
    body = content.find(f"{ODF.office_body}/{ODF.office_text}")
    if content.tag != ODF.office_document_content or body is None:
        raise ReadError(path, "tệp không phải văn bản OpenDocument (không có phần thân office:text)",
                        "not an OpenDocument text (no office:text body)")
    notes: list[str] = []
    common = None
    if "styles.xml" in names:
        try:
            common = parse_part(archive, "styles.xml", path)
        except etree.XMLSyntaxError:
            notes.append("Không đọc được styles.xml, bỏ qua (styles.xml malformed, ignored)")
    styles = Styles(content, common)
    walker = Walker(styles, Lists(styles.outline))
    walker.flow(body, None)
    dropped = sum(1 for changes in body.iterchildren(ODF.text_tracked_changes)
                  for _ in changes.iter(ODF.text_deletion))
    if dropped:
        notes.append(f"Bỏ qua {dropped} đoạn xóa theo dõi thay đổi ({dropped} tracked deletions dropped)")
    if walker.legacy_runs:
        notes.append(f"Đã chuyển {walker.legacy_runs} đoạn chữ phông cũ (TCVN3/VNI) sang Unicode "
                     f"({walker.legacy_runs} runs in legacy TCVN3/VNI fonts converted to Unicode)")
    if walker.lists.count:
        notes.append(f"Đã điền {walker.lists.count} số thứ tự tự động của danh sách vào đầu đoạn "
                     f"({walker.lists.count} list numbering labels written before their paragraphs)")
    for kind, vi in _NOTE_NAMES:
        placed = walker.placed[kind]
        if placed:
            notes.append(f"Đọc {placed} {vi} thành đoạn riêng sau đoạn dẫn chiếu "
                         f"({placed} {kind}s read as blocks after the paragraph citing them)")
    return Document(path=path, format="odt", encoding=None, blocks=walker.blocks, notes=notes)


def _refuse_other_kinds(archive: zipfile.ZipFile, names: set[str], path: str) -> None:
    """An OpenDocument spreadsheet, presentation or drawing named .odt is said to be one."""
    if "mimetype" not in names:
        return  # optional in a package; content.xml decides
    mimetype = archive.read("mimetype")[:200].decode("ascii", "replace").strip()
    if mimetype.startswith(_MIMETYPE) or not mimetype.startswith("application/vnd.oasis.opendocument."):
        return
    vi, en, suffix = _OTHER_KINDS.get(mimetype.rsplit(".", 1)[-1].split("-")[0], ("tệp", "file", ""))
    hint_vi = f" ({suffix})" if suffix else ""
    raise ReadError(path, f"đây là {vi} OpenDocument{hint_vi} mang đuôi .odt, không phải văn bản; hãy lưu kế hoạch "
                    "thành văn bản .odt hoặc .docx", f"this is an OpenDocument {en}{hint_vi} named .odt, not a text "
                    "document; save the plan as an .odt or .docx text")


def _encrypted(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """Whether the manifest says a part is encrypted: a password-protected document (its parts, content.xml
    among them, are encrypted one by one, or, in ODF 1.3's whole-package encryption, all in one
    ``encrypted-package`` entry that replaces them)."""
    if "META-INF/manifest.xml" not in names:
        return False
    try:
        manifest = parse_part(archive, "META-INF/manifest.xml")
    except etree.XMLSyntaxError:
        return False  # a damaged manifest: content.xml will tell
    return any(entry.find(ODF.manifest_encryption_data) is not None for entry in manifest.iter(ODF.manifest_file_entry))
