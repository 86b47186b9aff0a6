"""ZIP packages (.docx, .odt): the checks made before anything is inflated, and safe XML parsing of parts.

Both Word's and OpenDocument's files are ZIP packages of XML parts, and come from outside: the same limits
(:mod:`checker.limits`, ``docx-*`` keys, named so before .odt was read) and the same refusals hold for both.
"""

from __future__ import annotations

import copy
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator

from lxml import etree

from checker.limits import MB, current
from checker.model.document import Document
from checker.read.errors import ReadError, out_of_memory, too_large, xml_limit
from checker.text.visible import visible


def xml_parser() -> etree.XMLParser:
    """The parser of every XML part of a package.

    No entity expansion, no DTD loading, no network, libxml2's size and depth bounds kept (no huge trees):
    the file comes from outside. A billion-laughs DTD is parsed but never expanded."""
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
                           remove_comments=True)


CHUNK = 64 * 1024  # bytes of a part inflated at a time


def part_chunks(archive: zipfile.ZipFile, name: str, path: str) -> Iterator[bytes]:
    """The bytes of part ``name``, inflated a chunk at a time (``zipfile.read`` would inflate the whole
    stream, whatever its header says, before any size is checked).

    A part whose ZIP directory declares more than ``docx-part-size`` is refused unopened; one that
    inflates past the size it declares (a lying header) is refused at the first byte too many. The CRC is
    checked here, at the end, because the stream is opened one byte longer than declared."""
    info = archive.getinfo(name)
    if info.file_size > current().docx_part_size:
        raise too_large(path, f"phần {name} giải nén ra {info.file_size / MB:.1f} MB",
                        f"part {name} inflates to {info.file_size / MB:.1f} MB", "docx-part-size")
    probe = copy.copy(info)
    probe.file_size = info.file_size + 1
    probe.CRC = None  # type: ignore[assignment]  # None: zipfile leaves the CRC to us
    read = crc = 0
    with archive.open(probe) as stream:
        while chunk := stream.read(CHUNK):
            read += len(chunk)
            if read > info.file_size:
                raise ReadError(path, f"phần {name} giải nén ra nhiều hơn {info.file_size} byte mà gói khai báo: "
                                "tệp hỏng hoặc được tạo có chủ ý", f"part {name} inflates to more than the "
                                f"{info.file_size} bytes its ZIP directory declares: a damaged or crafted file",
                                code="input-too-large")
            crc = zlib.crc32(chunk, crc)
            yield chunk
    if crc != info.CRC:
        raise ReadError(path, f"phần {name} của gói bị hỏng (sai mã kiểm tra CRC)",
                        f"part {name} of the package is damaged (bad CRC)")


def part_bytes(archive: zipfile.ZipFile, name: str, path: str) -> bytes:
    """The bytes of part ``name``, read by :func:`part_chunks`."""
    return b"".join(part_chunks(archive, name, path))


def parse_part(archive: zipfile.ZipFile, name: str, path: str = "") -> etree._Element:
    """The root element of the XML part ``name``, read by :func:`part_bytes` (the package's entries and
    sizes checked first by :func:`check_package`)."""
    return etree.fromstring(part_bytes(archive, name, path or name), xml_parser())


def check_package(archive: zipfile.ZipFile, path: str, label: str = ".docx", editor: str = "Word") -> None:
    """Refuse a package over the limits before inflating anything (entries, sizes, compression ratio), or one
    holding two entries of one name. ``label`` (``.docx``, ``.odt``) and ``editor`` (the program to open and
    save it with) name the format in the messages."""
    _check_sizes(archive, path, label)
    _refuse_duplicates(archive, path, label, editor)


def _check_sizes(archive: zipfile.ZipFile, path: str, label: str) -> None:
    limits = current()
    entries = archive.infolist()
    if len(entries) > limits.docx_entries:
        raise too_large(path, f"gói {label} có {len(entries)} mục", f"the {label} package has {len(entries)} entries",
                        "docx-entries")
    total = 0
    for entry in entries:
        total += entry.file_size
        if entry.file_size > MB and entry.file_size > limits.docx_ratio * max(entry.compress_size, 1):
            ratio = entry.file_size // max(entry.compress_size, 1)
            raise too_large(path, f"phần {entry.filename} nén {ratio}:1 (dấu hiệu bom nén)",
                            f"part {entry.filename} is compressed {ratio}:1 (a zip bomb)", "docx-ratio")
    if total > limits.docx_total_size:
        raise too_large(path, f"gói {label} giải nén ra {total / MB:.0f} MB", f"the {label} package inflates to "
                        f"{total / MB:.0f} MB", "docx-total-size")


def _refuse_duplicates(archive: zipfile.ZipFile, path: str, label: str, editor: str) -> None:
    """Refuse a package holding two entries of the same name (part names are compared without case, as OPC
    does): ``zipfile`` reads the last one, Word or another reader may show the first, so the text checked
    might not be the text the reviewer sees."""
    seen: set[str] = set()
    for entry in archive.infolist():
        key = entry.filename.casefold()
        if key in seen:
            name = visible(entry.filename)
            raise ReadError(path, f"gói {label} có hai mục cùng tên {name}: không rõ phần nào là nội dung văn bản (tệp "
                            f"hỏng hoặc được tạo có chủ ý); hãy mở bằng {editor} và lưu lại", f"the {label} package "
                            f"holds two entries named {name}: which one is the document is ambiguous (a damaged or "
                            f"crafted file); open it in {editor} and save it again")
        seen.add(key)


def read_package(data: bytes, path: str, read: Callable[[zipfile.ZipFile], Document], label: str = ".docx",
                 editor: str = "Word") -> Document:
    """``read(archive)`` on the ZIP package ``data`` once :func:`check_package` has passed it, every failure a
    :class:`ReadError` naming the file: not a ZIP, malformed XML (:func:`xml_error`), anything else "damaged".
    A ``MemoryError`` goes through: the memory limit of the process checking the file, reported as such."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_package(archive, path, label, editor)
            return read(archive)
    except ReadError:
        raise
    except zipfile.BadZipFile as exc:
        raise ReadError(path, f"tệp không phải {label} hợp lệ (không phải gói ZIP)",
                        f"not a valid {label} file (not a ZIP package)") from exc
    except etree.XMLSyntaxError as exc:
        raise xml_error(exc, path, label, editor) from exc
    except MemoryError:
        raise
    except Exception as exc:  # a damaged file must never crash the checker
        raise ReadError(path, f"tệp {label} bị hỏng ({type(exc).__name__}: {exc})",
                        f"damaged {label} file ({type(exc).__name__}: {exc})") from exc


def no_memory(exc: etree.XMLSyntaxError) -> bool:
    """Whether libxml2 failed for want of memory (the memory limit of the process checking the file), which
    it reports as a syntax error."""
    return getattr(exc, "code", None) == etree.ErrorTypes.ERR_NO_MEMORY


def xml_error(exc: etree.XMLSyntaxError, path: str, label: str = ".docx", editor: str = "Word") -> ReadError:
    """A malformed main part, in words a user can act on (libxml2's own for its limits name an option no
    user can set); libxml2 out of memory is the file needing more memory than allowed."""
    if no_memory(exc):
        return out_of_memory(path)
    limit = xml_limit(str(exc))
    where = f" (dòng {exc.lineno})" if exc.lineno else ""
    where_en = f" (line {exc.lineno})" if exc.lineno else ""
    if limit == "depth":
        return ReadError(path, f"các phần tử XML của văn bản lồng nhau quá 256 cấp{where}: tệp hỏng hoặc được tạo "
                         f"có chủ ý; hãy mở bằng {editor} và lưu lại", f"its XML elements are nested more than 256 "
                         f"levels deep{where_en}: a damaged or crafted file; open it in {editor} and save it again")
    if limit == "size":
        return ReadError(path, f"một đoạn chữ hoặc thuộc tính XML của văn bản dài quá 10 MB{where}: tệp hỏng hoặc "
                         f"được tạo có chủ ý; hãy mở bằng {editor} và lưu lại", f"one XML text or attribute of the "
                         f"document is longer than 10 MB{where_en}: a damaged or crafted file; open it in {editor} "
                         "and save it again")
    return ReadError(path, f"nội dung XML của tệp {label} bị lỗi: {exc}", f"the XML inside the {label} is malformed: "
                     f"{exc}")
