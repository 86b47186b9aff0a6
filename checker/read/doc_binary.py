"""Word 97-2003 binary documents (.doc), read in Python ([MS-DOC]).

A .doc is an OLE compound file (read with olefile). Its ``WordDocument`` stream starts with the File
Information Block (FIB), which says where the rest lies: the piece table (``Clx``, in the ``0Table`` or
``1Table`` stream) maps character positions to the bytes of the text, each piece 8-bit (cp1252) or UTF-16;
the paragraph properties (``PlcBtePapx`` and its 512-byte ``PapxFkp`` pages) say which paragraphs are inside
a table and which paragraph mark ends a table row.

Read here: the main text in order, split into paragraphs at paragraph marks; table cells (cell marks) grouped
into rows at the row-end marks; field codes dropped and field results kept; the footnotes' text, after the main
text; text in a legacy Vietnamese font (TCVN3, VNI) converted to Unicode from its letters (as in a .txt file).
Not read: automatic list numbers (kept in list tables the text does not hold), text boxes, headers and
footers. An encrypted, damaged or pre-97 file raises :class:`UnsupportedDoc`, so that the caller can try
LibreOffice or report it.
"""

from __future__ import annotations

import bisect
import io
import struct
from dataclasses import dataclass, field

from checker.model.document import Block, Document
from checker.text.legacy import Encoding, convert_text, detect_legacy, legacy_note
from checker.text.normalize import clean

_WORD_IDENT = 0xA5EC
_SPRM_IN_TABLE = 0x2416
_SPRM_TTP = 0x2417
_SPRM_ITAP = 0x6649
_PAGE = 512
_MAX_PIECES = 100_000
_MAX_FKPS = 20_000


class UnsupportedDoc(Exception):
    """The file is no Word 97-2003 document this reader can read (encrypted, older, damaged)."""


def _u16(data: bytes, at: int) -> int:
    return int(struct.unpack_from("<H", data, at)[0])


def _u32(data: bytes, at: int) -> int:
    return int(struct.unpack_from("<I", data, at)[0])


@dataclass
class _Fib:
    table: str
    ccp_text: int
    ccp_ftn: int
    fc_clx: int
    lcb_clx: int
    fc_papx: int
    lcb_papx: int


def _fib(word: bytes) -> _Fib:
    if len(word) < 0x200 or _u16(word, 0) != _WORD_IDENT:
        raise UnsupportedDoc("not a Word 97-2003 document")
    flags = _u16(word, 0x0A)
    if flags & 0x0100:
        raise UnsupportedDoc("encrypted")
    pos = 0x20
    csw = _u16(word, pos)
    pos += 2 + 2 * csw
    cslw = _u16(word, pos)
    lw = pos + 2
    pos = lw + 4 * cslw
    cb_fc_lcb = _u16(word, pos)
    blob = pos + 2
    if cslw < 11 or cb_fc_lcb < 34 or blob + 8 * 34 > len(word):
        raise UnsupportedDoc("file information block too short (a Word version before 97?)")

    def pair(index: int) -> tuple[int, int]:
        return _u32(word, blob + 8 * index), _u32(word, blob + 8 * index + 4)

    fc_clx, lcb_clx = pair(33)
    fc_papx, lcb_papx = pair(13)
    return _Fib(table="1Table" if flags & 0x0200 else "0Table", ccp_text=_u32(word, lw + 12),
                ccp_ftn=_u32(word, lw + 16), fc_clx=fc_clx, lcb_clx=lcb_clx, fc_papx=fc_papx, lcb_papx=lcb_papx)


@dataclass
class _Piece:
    cp_start: int
    cp_end: int
    fc: int
    compressed: bool


def _pieces(table: bytes, fib: _Fib) -> list[_Piece]:
    clx = table[fib.fc_clx: fib.fc_clx + fib.lcb_clx]
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: property modifiers of the pieces, skipped
        at += 3 + _u16(clx, at + 1)
    if at >= len(clx) or clx[at] != 0x02:
        raise UnsupportedDoc("no piece table")
    size = _u32(clx, at + 1)
    plc = clx[at + 5: at + 5 + size]
    count = (len(plc) - 4) // 12
    if count <= 0 or count > _MAX_PIECES:
        raise UnsupportedDoc("damaged piece table")
    cps = [_u32(plc, 4 * i) for i in range(count + 1)]
    out = []
    for i in range(count):
        raw = _u32(plc, 4 * (count + 1) + 8 * i + 2)
        compressed = bool(raw & 0x40000000)
        fc = raw & 0x3FFFFFFF
        out.append(_Piece(cps[i], cps[i + 1], fc // 2 if compressed else fc, compressed))
    return out


# Compressed (8-bit) pieces are cp1252, but for these bytes ([MS-DOC] 2.4.1).
_CP1252 = {0x82: "\u201a", 0x83: "\u0192", 0x84: "\u201e", 0x85: "\u2026", 0x86: "\u2020", 0x87: "\u2021",
           0x88: "\u02c6", 0x89: "\u2030", 0x8A: "\u0160", 0x8B: "\u2039", 0x8C: "\u0152", 0x91: "\u2018",
           0x92: "\u2019", 0x93: "\u201c", 0x94: "\u201d", 0x95: "\u2022", 0x96: "\u2013", 0x97: "\u2014",
           0x98: "\u02dc", 0x99: "\u2122", 0x9A: "\u0161", 0x9B: "\u203a", 0x9C: "\u0153", 0x9F: "\u0178"}


def _text(word: bytes, pieces: list[_Piece], wanted: int) -> tuple[str, list[tuple[int, int, _Piece]]]:
    """The document's first ``wanted`` characters, and for each piece the span of the text it gives. Pieces must
    follow one another (a crafted table pointing many pieces at the same bytes is refused)."""
    parts: list[str] = []
    spans: list[tuple[int, int, _Piece]] = []
    length = 0
    previous_end = 0
    for piece in pieces:
        if piece.cp_start != previous_end or piece.cp_end < piece.cp_start:
            raise UnsupportedDoc("damaged piece table (pieces out of order)")
        previous_end = piece.cp_end
        if length >= wanted:
            break
        count = min(piece.cp_end - piece.cp_start, wanted - length)
        if piece.compressed:
            raw = word[piece.fc: piece.fc + count]
            chunk = "".join(_CP1252.get(b, chr(b)) for b in raw)
        else:
            chunk = word[piece.fc: piece.fc + 2 * count].decode("utf-16-le", errors="replace")
        spans.append((length, length + len(chunk), piece))
        parts.append(chunk)
        length += len(chunk)
    return "".join(parts), spans


@dataclass
class _Para:
    in_table: bool = False
    row_end: bool = False


def _sprms(grpprl: bytes) -> dict[int, bytes]:
    """The operands of a paragraph's property modifiers, by sprm."""
    found: dict[int, bytes] = {}
    at = 0
    while at + 2 <= len(grpprl):
        sprm = _u16(grpprl, at)
        at += 2
        spra = sprm >> 13
        if spra in (0, 1):
            size = 1
        elif spra in (2, 4, 5):
            size = 2
        elif spra == 3:
            size = 4
        elif spra == 7:
            size = 3
        else:  # variable: a size byte (sprmTDefTable and sprmPChgTabs have their own)
            if at >= len(grpprl):
                break
            if sprm == 0xD608:
                size = _u16(grpprl, at) + 1 if at + 2 <= len(grpprl) else 0
            else:
                size = grpprl[at] + 1
                if sprm == 0xC615 and grpprl[at] == 255:
                    break  # a rare form of tab changes: the rest carries nothing read here
        found[sprm] = grpprl[at: at + size]
        at += size
    return found


def _paragraph_props(word: bytes, table: bytes, fib: _Fib) -> list[tuple[int, int, _Para]]:
    """(first FC, end FC, properties) of every paragraph the PAPX pages describe."""
    plc = table[fib.fc_papx: fib.fc_papx + fib.lcb_papx]
    count = (len(plc) - 4) // 8
    if count <= 0 or count > _MAX_FKPS:
        return []
    out: list[tuple[int, int, _Para]] = []
    for i in range(count):
        pn = _u32(plc, 4 * (count + 1) + 4 * i) & 0x3FFFFF
        page = word[pn * _PAGE: (pn + 1) * _PAGE]
        if len(page) < _PAGE:
            continue
        crun = page[_PAGE - 1]
        if 4 * (crun + 1) + 13 * crun > _PAGE - 1:
            continue
        fcs = [_u32(page, 4 * j) for j in range(crun + 1)]
        for j in range(crun):
            offset = page[4 * (crun + 1) + 13 * j] * 2
            para = _Para()
            if offset:
                cb = page[offset]
                start, size = (offset + 1, 2 * cb - 1) if cb else (offset + 2, 2 * page[offset + 1])
                grpprl = page[start + 2: start + size]  # after the style index
                sprms = _sprms(grpprl)
                para.in_table = sprms.get(_SPRM_IN_TABLE, b"\x00")[:1] == b"\x01" or (
                    len(sprms.get(_SPRM_ITAP, b"")) == 4 and _u32(sprms[_SPRM_ITAP], 0) > 0)
                para.row_end = sprms.get(_SPRM_TTP, b"\x00")[:1] == b"\x01"
            out.append((fcs[j], fcs[j + 1], para))
    return out


def _fc_of(cp: int, spans: list[tuple[int, int, _Piece]], starts: list[int]) -> int | None:
    at = bisect.bisect_right(starts, cp) - 1  # the spans follow one another
    if at >= 0:
        start, end, piece = spans[at]
        if start <= cp < end:
            return piece.fc + (cp - start) * (1 if piece.compressed else 2)
    return None


def _props_at(fc: int | None, props: list[tuple[int, int, _Para]]) -> _Para:
    if fc is None:
        return _Para()
    lo = bisect.bisect_right(props, fc, key=lambda p: p[1])  # pages are in FC order: the first ending past fc
    if lo < len(props) and props[lo][0] <= fc < props[lo][1]:
        return props[lo][2]
    return _Para()


def _drop_fields(text: str) -> str:
    """Field codes out, results kept: ``\\x13 PAGE \\x14 3 \\x15`` → ``3`` (fields nest)."""
    out: list[str] = []
    stack: list[bool] = []  # for each open field: whether its result has begun
    in_code = 0  # open fields whose result has not begun: while any, characters are field code
    for char in text:
        if char == "\x13":
            stack.append(False)
            in_code += 1
        elif char == "\x14" and stack:
            if not stack[-1]:
                stack[-1] = True
                in_code -= 1
        elif char == "\x15" and stack:
            if not stack.pop():
                in_code -= 1
        elif not in_code:
            out.append(char)
    return "".join(out)


_SPECIAL = str.maketrans({"\x0b": "\n", "\x0c": "\r", "\x1e": "-", "\x1f": None, "\x01": None, "\x02": None,
                          "\x05": None, "\x08": None, "\x03": None, "\x04": None})


@dataclass
class _Builder:
    blocks: list[Block] = field(default_factory=list)
    paragraph: int = 0
    table: int = 0  # tables, rows and cells are numbered from 1, as the Word and HTML readers number them
    row: int = 1
    cell: int = 1
    in_table: bool = False

    def add(self, text: str, **where: int | str | None) -> None:
        for line in text.split("\n"):  # a soft line break (Shift+Enter) splits a block, as in .docx
            line = clean(line).strip()
            if line:
                self.blocks.append(Block.model_validate({"index": len(self.blocks), "text": line, **where}))


def read_doc_binary(data: bytes, path: str) -> Document:
    """Read a Word 97-2003 document; :class:`UnsupportedDoc` when it cannot be."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError) as exc:
        raise UnsupportedDoc(f"not an OLE file: {exc}") from exc
    try:
        if not ole.exists("WordDocument"):
            raise UnsupportedDoc("no WordDocument stream")
        word = ole.openstream("WordDocument").read()
        fib = _fib(word)
        if not ole.exists(fib.table):
            raise UnsupportedDoc(f"no {fib.table} stream")
        table = ole.openstream(fib.table).read()
    except (OSError, ValueError, struct.error) as exc:
        raise UnsupportedDoc(f"damaged: {exc}") from exc
    finally:
        ole.close()
    try:
        pieces = _pieces(table, fib)
        wanted = fib.ccp_text + fib.ccp_ftn
        if wanted > 8 * len(word):  # more characters than the stream could hold, even 8-bit ones
            raise UnsupportedDoc("damaged file information block (text longer than the file)")
        text, spans = _text(word, pieces, wanted)
        props = _paragraph_props(word, table, fib)
    except struct.error as exc:
        raise UnsupportedDoc(f"damaged: {exc}") from exc
    notes: list[str] = []
    legacy = detect_legacy(text[: fib.ccp_text + fib.ccp_ftn])
    builder = _Builder()
    _main(text[: fib.ccp_text], spans, props, builder, legacy)
    footnotes = _drop_fields(text[fib.ccp_text: fib.ccp_text + fib.ccp_ftn]).translate(_SPECIAL)
    for number, note in enumerate(p for p in footnotes.split("\r") if p.strip()):
        builder.add(_convert(note, legacy), kind="footnote", footnote=number + 1)
    if legacy is not None:
        notes.append(legacy_note(legacy))
    if not builder.blocks:
        raise UnsupportedDoc("no text")
    return Document(path=path, format="doc", blocks=builder.blocks, notes=notes)


def _convert(text: str, legacy: Encoding | None) -> str:
    return convert_text(text, legacy) if legacy is not None else text


def _main(text: str, spans: list[tuple[int, int, _Piece]], props: list[tuple[int, int, _Para]],
          builder: _Builder, legacy: Encoding | None) -> None:
    """Paragraphs and table cells of the main text, in order."""
    starts = [span[0] for span in spans]
    start = 0
    for cp, char in enumerate(text):
        if char not in "\r\x07":
            continue
        raw = text[start:cp]
        start = cp + 1
        para = _props_at(_fc_of(cp, spans, starts), props)
        content = _convert(_drop_fields(raw).translate(_SPECIAL), legacy)
        if char == "\x07" or para.in_table:
            if not builder.in_table:
                builder.table += 1
                builder.row = builder.cell = 1
                builder.in_table = True
            if para.row_end or (char == "\x07" and not raw and not props and builder.cell > 1):
                builder.row += 1
                builder.cell = 1
                continue
            for piece in content.split("\r"):
                builder.add(piece, kind="table_cell", table=builder.table, row=builder.row, cell=builder.cell)
            if char == "\x07":
                builder.cell += 1
            continue
        builder.in_table = False
        for piece in content.split("\r"):
            builder.paragraph += 1
            builder.add(piece, kind="paragraph", paragraph=builder.paragraph)
