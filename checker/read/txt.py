"""Reading plain-text files: decode, split into paragraphs, re-join lines broken mid-sentence.

Text copied from PDFs and web pages is hard-wrapped (``corpus/020.txt``: ~80 columns, a blank line
between paragraphs) or split by page breaks (``Cập`` / blank / ``nhật các thông tin…``). Lines are
joined back only when the evidence is clear; headings and list items always start a new block.

In a hard-wrapped copy two sentence-case lines with no blank between them are one paragraph even
when the first is short (``2.4. Bộ`` / ``Chỉ huy Quân sự tỉnh``): header and signature lines,
the only ones stacked that way, are in capitals, rules or ``Số: …``. A Roman heading in capitals
continues on a capitals line (``III. TỔ CHỨC`` / ``THỰC HIỆN``) in any file. A line holding only a
marker (``2.3.`` / ``Công an tỉnh``, corpus 020) is always joined to the line after it, even across one
blank line: a marker alone is never a paragraph. What counts as a marker is decided by
:mod:`checker.text.markers`, the same code that builds the section tree.
"""

from __future__ import annotations

import contextlib
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from checker.model.document import Block, Document
from checker.read.errors import ReadError, file_bytes
from checker.read.txt_tables import flat_tables, pipe_tables
from checker.text.legacy import Encoding, convert_text, detect_legacy, legacy_note
from checker.text.letters import LETTERS
from checker.text.markers import bare_marker, item_number, split_marker
from checker.text.normalize import Translator, clean
from checker.text.syllables import repair_glued

# (BOM, codec, name recorded in Document.encoding). UTF-32 first: its LE BOM starts like UTF-16's.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)
# C0 controls that never occur in text. \t \n \r \f are normal; \v is how Word copies soft line
# breaks to the clipboard, so it is tolerated too (and turned into a space).
_BAD_CONTROLS = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_BAD_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # the same in decoded (UTF-16, UTF-32) text
# In a guessed decoding, a control character (C0 but tab, line and page breaks; DEL; C1) means a wrong
# guess: the bytes hold no C0 control (checked first) and Vietnamese text no C1 one. EBCDIC, for one,
# reads "?" as SUB.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


_FINAL = (".", ":", ";", "!", "?", "…")
_CLOSERS = "\"'”’»)]"
_OPENERS = "([{\"'“‘«"
# Besides heading and list markers (checker.text.markers), these lines open a block of their own: the
# bare row number (STT) of a flattened table, a separator rule, a lone bullet, a part or article heading.
_OTHER_OPENER = re.compile(r"^(?:\d{1,3}$|[-–—_*=.·•]{3,}|[-+•*–—·●○▪►]$|(?:Phần|Chương|Mục|Điều)\s+(?:\d+|[IVX]+)\b)")
_NUMBER_LINE = re.compile(r"^Số\b", re.IGNORECASE)


def read_txt(path: str | Path) -> Document:
    """Read a plain-text file (any common encoding) into a :class:`Document` of paragraph blocks."""
    return read_txt_bytes(file_bytes(path), str(path))


def read_txt_bytes(data: bytes, path: str) -> Document:
    """Decode ``data`` (the content of ``path``) and split it into blocks; see :func:`read_txt`."""
    repairs: list[str] = []
    text, encoding, guessed, legacy = _decode(data, path, repairs)
    notes = []
    if guessed:
        notes.append(f"Mã hóa ký tự không được khai báo, đoán là {encoding} (encoding guessed: {encoding})")
    notes.extend(repairs)
    if legacy is not None:
        notes.append(legacy_note(legacy))
    # A text layer that lost the spaces between syllables (PDF copies: "chủtrì", "Đảng uỷUỷ ban") is spaced again.
    text, glued = repair_glued(clean(text))
    if glued:
        notes.append(f"Đã tách {glued} từ bị dính liền (thường do trích văn bản từ PDF) "
                     f"({glued} words glued together by the text layer split)")
    blocks, joins = _paragraphs(text)
    if not blocks:
        raise ReadError(path, "tệp rỗng (chỉ có dòng trống)", "file is empty (only blank lines)")
    if joins:
        notes.append(f"Đã nối {joins} dòng bị ngắt giữa câu ({joins} line breaks inside sentences joined)")
    return Document(path=path, format="txt", encoding=encoding, blocks=blocks, notes=notes)


def _decode(data: bytes, path: str, repairs: list[str]) -> tuple[str, str, bool, Encoding | None]:
    """Return (text, encoding name, whether it was guessed, legacy font converted) or raise ReadError;
    what had to be repaired on the way (NUL bytes dropped, stray bytes read as Windows-1258) is added
    to ``repairs``.

    Legacy-font text (TCVN3/ABC, VNI; :mod:`checker.text.legacy`) comes two ways: saved as 8-bit
    "ANSI" bytes, or copied out of a legacy-font document into a UTF-8/UTF-16 file, where it is the
    same Windows-1252 characters. Either way it is converted here, before :func:`clean`, because in
    TCVN3 the soft hyphen is the letter ``ư``.
    """
    if not data:
        raise ReadError(path, "tệp rỗng", "file is empty")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                decoded = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise ReadError(path, f"tệp {name} bị hỏng: {exc.reason}",
                                f"damaged {name} text: {exc.reason}") from exc
            return _unlegacy(_text_only(decoded, path, repairs), name)
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            text, encoding, _declared, legacy = _unlegacy(_text_only(utf16[0], path, repairs), utf16[1])
            return text, encoding, True, legacy
    data = _text_only(data, path, repairs)
    try:
        # Strict UTF-8 almost never succeeds by accident on other encodings, and pure ASCII is UTF-8.
        return _unlegacy(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        text, stray = mostly
        repairs.append(f"Có {stray} byte không hợp lệ trong UTF-8, đã đọc theo Windows-1258 "
                       f"({stray} bytes that are not valid UTF-8 read as Windows-1258)")
        return _unlegacy(text, "utf-8")
    # Legacy fonts saved as 8-bit text come first: a Windows-1258 or Western reading of them is
    # mojibake that may still pass for text.
    ansi = data.decode("latin-1").translate(_CP1252)
    legacy = detect_legacy(ansi)
    if legacy is not None:
        return convert_text(ansi, legacy), legacy, False, legacy
    best: tuple[float, str, str] | None = None
    for name, text in _candidates(data):
        if _CONTROL_CHARS.search(text):
            continue  # the data has no control characters (checked above): this reading is wrong (EBCDIC …)
        score = _vietnamese_score(text)
        if score is not None and (best is None or score > best[0]):
            best = (score, name, text)
    if best is None:
        raise ReadError(
            path,
            "không đọc được mã hóa ký tự của tệp (không phải UTF-8, UTF-16 hay Windows-1258); "
            "hãy lưu lại tệp dưới dạng UTF-8",
            "cannot determine the text encoding (not UTF-8, UTF-16 or Windows-1258); save the file as UTF-8",
        )
    return best[2], best[1], True, None


_T = TypeVar("_T", str, bytes)


def _text_only(data: _T, path: str, repairs: list[str]) -> _T:
    """``data`` (bytes of an 8-bit or UTF-8 file, or decoded text) without what no text holds, or ReadError.

    NUL bytes are dropped with a note when they are padding at the end (a file preallocated by a
    crashed editor or a failed copy) or a few strays, at most one per 1000 bytes; more of them means
    a binary file (or UTF-16 that :func:`_bomless_utf16` did not recognise). The DOS end-of-file mark
    (0x1A) at the end is dropped; any other C0 control but tab, line and page breaks refuses the file.
    """
    nul, eof = ("\x00", "\x1a") if isinstance(data, str) else (b"\x00", b"\x1a")
    body = data.rstrip(nul)
    stray = body.count(nul)
    if (data and not body) or stray * 1000 > len(body):  # only NULs, or too many of them
        raise ReadError(path, "không phải tệp văn bản (có byte NUL, có thể là tệp nhị phân)",
                        "not a text file (contains NUL bytes; probably binary)")
    dropped = len(data) - len(body) + stray
    if dropped:
        body = body.replace(nul, data[:0])
        repairs.append(f"Đã bỏ {dropped} byte NUL ({dropped} NUL bytes removed)")
    body = body.rstrip(eof)  # DOS end-of-file marker left by old editors
    bad = _BAD_CONTROL_CHARS.search(body) if isinstance(body, str) else _BAD_CONTROLS.search(body)
    if bad:
        raise ReadError(path, "không phải tệp văn bản (có ký tự điều khiển)",
                        "not a text file (contains control characters)")
    return body


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a byte-order mark, recognised by its zero bytes: in Vietnamese text most
    characters (ASCII, space, à, é, ô …) have a zero high byte, which falls on every second byte and only
    there. Returns (text, codec) or None."""
    if len(data) < 4 or len(data) % 2:
        return None
    units = len(data) // 2
    low_zeros, high_zeros = data[0::2].count(0), data[1::2].count(0)
    for codec, zeros, others in (("utf-16-le", high_zeros, low_zeros), ("utf-16-be", low_zeros, high_zeros)):
        if others == 0 and zeros * 3 >= units:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return None


# A byte that is not valid UTF-8, read as Windows-1258 (the Vietnamese ANSI code page); the bytes it
# leaves undefined become U+FFFD.
_STRAY_BYTES = {0xDC00 + b: bytes([b]).decode("cp1258", errors="replace") for b in range(0x80, 0x100)}


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """A UTF-8 file with a few bytes of another encoding (a line pasted from an ANSI file, a Latin-1 ``é``):
    (text, number of stray bytes) when valid UTF-8 characters outnumber the stray bytes two to one, else
    None. Whole files in Windows-1258, TCVN3 or VNI form (almost) no valid multi-byte UTF-8 sequence."""
    text = data.decode("utf-8", errors="surrogateescape")
    stray = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    valid = sum(1 for c in text if c >= "\x80") - stray
    if not stray or valid < 2 * stray:
        return None
    return text.translate(_STRAY_BYTES), stray


# Windows-1252 for the bytes 0x80-0x9F it defines; the five it leaves undefined stay Latin-1 controls.
_CP1252 = {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xA0)}


def _unlegacy(text: str, encoding: str) -> tuple[str, str, bool, Encoding | None]:
    """A decoded text, converted to Unicode when it holds legacy-font characters."""
    legacy = detect_legacy(text)
    if legacy is None:
        return text, encoding, False, None
    return convert_text(text, legacy), encoding, False, legacy


def _candidates(data: bytes) -> list[tuple[str, str]]:
    """Decodings worth scoring: charset_normalizer's best guess and Windows-1258."""
    out: list[tuple[str, str]] = []
    try:
        from charset_normalizer import from_bytes  # lazy: only needed for non-UTF-8 files

        match = from_bytes(data).best()
        if match is not None and match.encoding not in ("utf_8", "ascii"):
            out.append((match.encoding, str(match)))
    except MemoryError:
        raise
    except Exception:  # a detector failure just means one candidate fewer
        pass
    # cp1258 writes tones as combining marks; NFC composes them (clean() does it again later).
    # Some bytes (0x81, 0x8A, 0x8D-0x90, 0x9A, 0x9D, 0x9E) are undefined in cp1258: no candidate then.
    with contextlib.suppress(UnicodeDecodeError):
        out.append(("cp1258", unicodedata.normalize("NFC", data.decode("cp1258"))))
    return out


def _vietnamese_score(text: str) -> float | None:
    """How Vietnamese a decoded text looks, or None when it does not look Vietnamese at all.

    Real Vietnamese has a fifth or more of its letters with diacritics; a wrong code page instead
    produces letters foreign to Vietnamese (Ì, Þ, ß, ñ) or stray combining marks.
    """
    text = unicodedata.normalize("NFC", text)
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    viet = sum(c in LETTERS for c in letters) / len(letters)
    foreign = (sum(1 for c in letters if not c.isascii() and c not in LETTERS)
               + sum(1 for c in text if unicodedata.combining(c))) / len(letters)
    if viet < 0.05 or foreign > 0.01:
        return None
    return viet - 10 * foreign


_SPACING = str.maketrans("\f\v\u2028", "   ")
_spacing = Translator(_SPACING)


@dataclass
class _Para:
    first: int
    last: int
    lines: list[str] = field(default_factory=list)
    column: int = 1  # where the first line's text starts (after its indentation), counted from 1


def _paragraphs(text: str) -> tuple[list[Block], int]:
    """Split cleaned text into paragraph blocks; return them and the number of joins made."""
    # clean() wrote every line break (CR LF, CR, NEL, U+2029) as \n. \f (page break from pdftotext), \v and
    # U+2028 (soft breaks) are spacing, not paragraph boundaries.
    raw = _spacing(text).split("\n")
    lines = [line.strip() for line in raw]
    width = _wrap_width(lines)
    paras: list[_Para] = []
    joins = blanks = 0
    previous: int | None = None  # the number of the last numbered item: lists go on past 99.
    # Tables flattened one cell per line are read as tables (their cells take table, row and cell).
    tables = flat_tables(lines)
    piped = pipe_tables(lines)
    spans = [(t.first, t.last) for t in tables] + [(t.first, t.last) for t in piped]
    in_table = {i for first, last in spans for i in range(first + 1, last + 2)}
    for number, line in enumerate(lines, start=1):
        if number in in_table:
            blanks = 2  # nothing joins across a table
            continue
        if not line:
            blanks += 1
            continue
        prev = paras[-1].lines[-1] if paras else None
        opens = _opens_block(line, previous)
        if prev is not None and (
            (blanks == 0 and _continues(prev, line, width, opens))
            or (blanks == 1 and _continues_page(prev, line, opens))
            or (blanks <= 1 and bare_marker(prev) and not opens)
        ):
            paras[-1].lines.append(line)
            paras[-1].last = number
            joins += 1
        else:
            indent = len(raw[number - 1]) - len(raw[number - 1].lstrip())
            paras.append(_Para(number, number, [line], indent + 1))
            found = split_marker(line, previous)
            if found is not None and found[1] == 2:
                previous = item_number(found[0])
            elif bare_marker(line):
                previous = item_number(line) or previous
        blanks = 0
    pieces: list[tuple[int, dict[str, object]]] = [
        (p.first, {"text": " ".join(p.lines), "kind": "paragraph", "line": p.first, "end_line": p.last,
                   "column": p.column})
        for p in paras
    ]
    # Tables, rows and cells are numbered from 1, as the Word and HTML readers number them.
    for t, table in enumerate(tables, start=1):
        for r, row in enumerate(table.rows, start=1):
            for c, cell in enumerate(row, start=1):
                text = " ".join(lines[i] for i in cell if lines[i])
                if text:  # an empty cell gives no block, as in a Word table
                    indent = len(raw[cell[0]]) - len(raw[cell[0]].lstrip())
                    pieces.append((cell[0] + 1, {"text": text, "kind": "table_cell", "line": cell[0] + 1,
                                                 "end_line": cell[-1] + 1, "column": indent + 1, "table": t,
                                                 "row": r, "cell": c}))
    for t, pipes in enumerate(piped, start=len(tables) + 1):
        for r, (number, texts) in enumerate(pipes.rows, start=1):
            for c, text in enumerate(texts, start=1):
                if text:
                    pieces.append((number + 1, {"text": text, "kind": "table_cell", "line": number + 1,
                                                "end_line": number + 1, "column": 1, "table": t, "row": r, "cell": c}))
    pieces.sort(key=lambda piece: piece[0])
    blocks = [Block.model_validate({"index": i, **fields}) for i, (_line, fields) in enumerate(pieces)]
    return blocks, joins


def _wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped file is wrapped at, or None when the file is not hard-wrapped.

    The 90th percentile of line lengths is the wrap width. Files converted from Word with one
    paragraph or table cell per line can also have a low percentile (many short cells), so we also
    require that hardly any line is much longer than that width and that many lines come close to it.
    """
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 5:
        return None
    p90 = lengths[math.ceil(0.9 * len(lengths)) - 1]
    too_long = sum(1 for n in lengths if n > 1.25 * p90)
    near = sum(1 for n in lengths if n >= 0.75 * p90)
    if p90 <= 120 and too_long <= 0.03 * len(lengths) and near >= 0.25 * len(lengths):
        return p90
    return None


# Paragraphs that always start anew: the closing sentence, recipients, the signature's notes.
_NEW_PARAGRAPH = re.compile(r"^(?:Trên đây|Nơi nhận|Trong quá trình|TM\.|KT\.|T/M|K/T)")


def _opens_block(line: str, previous: int | None = None) -> bool:
    """Whether a line opens a heading, a list item or another block that never continues a line
    (``previous``: the number of the last numbered item, see :func:`split_marker`)."""
    return split_marker(line, previous) is not None or bare_marker(line) or bool(_OTHER_OPENER.match(line))


def opens_paragraph(line: str) -> bool:
    """Whether a line starts a paragraph of its own wherever it stands: a heading or list marker, a bullet, the
    closing sentence, ``Nơi nhận``, a signature's ``KT.``/``TM.`` (the OCR reader joins the other lines of
    a paragraph Tesseract finds)."""
    return _opens_block(line) or bool(_NEW_PARAGRAPH.match(line))


def _marker_level(line: str) -> int | None:
    found = split_marker(line)
    return found[1] if found is not None else None


def _ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS).endswith(_FINAL) or line.endswith("./.")


_CLOSES_BRACKET = re.compile(r"^[^\s()]{1,12}\)")


def _continues(prev: str, line: str, width: int | None, opens: bool) -> bool:
    """Whether ``line`` continues ``prev`` (no blank line between them); ``opens``: whether ``line``
    opens a block (:func:`_opens_block`)."""
    if prev.count("(") > prev.count(")") and _CLOSES_BRACKET.match(line):
        return True  # "… (khóa" / "XI) về …": the line closes the bracket the previous one opened
    if _ends_sentence(prev) or opens:
        return False
    first = line[0]
    if first.islower() or first.isdigit() or first in _OPENERS or prev.endswith(","):
        return True
    if is_upper(prev) and is_upper(line):
        # "III. TỔ CHỨC" / "THỰC HIỆN": a heading wrapped before its last words; parts numbered 1., 2., 3.
        # ("3. TỔ CHỨC" / "THỰC HIỆN") wrap the same way.
        level = _marker_level(prev)
        if (level == 1 and len(line) <= 80) or (level == 2 and len(line) <= 40):
            return True
    if width is None or _NEW_PARAGRAPH.match(line):
        return False
    if len(prev) >= 0.75 * width:
        return True
    # Hard-wrapped copies also break short first lines ("2.4. Bộ" / "Chỉ huy Quân sự tỉnh"). Body text
    # is in sentence case; header and signature lines are capitals, separators or "Số: …", so a break
    # between two sentence-case lines is a wrap too.
    # A labelled line ("- Đơn vị chủ trì: Ban …") is complete even without a full stop.
    return not (is_upper(prev) or is_upper(line) or _NUMBER_LINE.match(prev) or ":" in prev
                or not any(c.isalpha() for c in prev))


def is_upper(line: str) -> bool:
    """Whether every letter of ``line`` is a capital (a title, a heading, a header or signature line)."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _continues_page(prev: str, line: str, opens: bool) -> bool:
    """Whether ``line`` continues ``prev`` across one blank line (a page break in a copy)."""
    return not _ends_sentence(prev) and line[0].islower() and not opens
