"""Word 97-2003 (.doc) files built by the tests: a compound file with a WordDocument and a 0Table stream.

Just enough of [MS-DOC] and [MS-CFB] to say what the reader must read: a File Information Block, the text in
one piece (UTF-16, or 8-bit cp1252 when ``compressed``), the piece table, and one page of paragraph properties
marking table paragraphs and row ends. Paragraphs are given as strings ending in ``\\r`` (paragraph mark) or
``\\x07`` (cell mark); a row end is its own ``\\x07`` paragraph with ``row_end`` properties.
"""

from __future__ import annotations

import struct

_SECTOR = 512
_END, _FREE, _FAT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
_TEXT_AT = 0x800
_PAPX_PAGE = 8  # the PAPX page lies at 8 * 512 = 0x1000 in WordDocument


def _fib(ccp_text: int, ccp_ftn: int, lcb_clx: int, fc_papx: int, lcb_papx: int) -> bytes:
    fib = bytearray(0x9A + 8 * 93)
    struct.pack_into("<HH", fib, 0, 0xA5EC, 0x00C1)  # wIdent, nFib (Word 97)
    struct.pack_into("<H", fib, 0x0A, 0x0000)  # flags: 0Table, not encrypted
    struct.pack_into("<H", fib, 0x20, 14)  # csw
    struct.pack_into("<H", fib, 0x3E, 22)  # cslw
    lw = 0x40
    struct.pack_into("<II", fib, lw + 12, ccp_text, ccp_ftn)
    struct.pack_into("<H", fib, 0x98, 93)  # cbRgFcLcb
    blob = 0x9A
    struct.pack_into("<II", fib, blob + 8 * 33, 0, lcb_clx)  # fcClx, lcbClx (the Clx opens 0Table)
    struct.pack_into("<II", fib, blob + 8 * 13, fc_papx, lcb_papx)  # fcPlcfBtePapx, lcbPlcfBtePapx
    return bytes(fib)


def _papx_page(ranges: list[tuple[int, int, bytes]]) -> bytes:
    """One PapxFkp page: for each paragraph (first FC, end FC, grpprl) its properties."""
    page = bytearray(_SECTOR)
    crun = len(ranges)
    fcs = [r[0] for r in ranges] + [ranges[-1][1]]
    for i, fc in enumerate(fcs):
        struct.pack_into("<I", page, 4 * i, fc)
    free = _SECTOR - 1
    for j, (_first, _end, grpprl) in enumerate(ranges):
        body = b"\x00\x00" + grpprl  # style index 0, then the modifiers
        if len(body) % 2:
            body += b"\x00"
        record = bytes([len(body) // 2 + 0]) + b"\x00"[:0]
        record = bytes([0, len(body) // 2]) + body  # cb = 0: the size in words follows
        free -= len(record)
        free -= free % 2
        page[free: free + len(record)] = record
        page[4 * (crun + 1) + 13 * j] = free // 2
    page[_SECTOR - 1] = crun
    return bytes(page)


_IN_TABLE = struct.pack("<HB", 0x2416, 1)
_ROW_END = struct.pack("<HB", 0x2416, 1) + struct.pack("<HB", 0x2417, 1)


def build_doc(paragraphs: list[str], footnotes: list[str] = (), compressed: bool = False,  # type: ignore[assignment]
              row_ends: set[int] = frozenset(), in_table: set[int] = frozenset()) -> bytes:  # type: ignore[assignment]
    """The bytes of a .doc holding ``paragraphs`` (each ending in ``\\r`` or ``\\x07``), then ``footnotes``.

    ``in_table``: indices of the paragraphs inside a table; ``row_ends``: those that end a row (``\\x07``)."""
    main = "".join(paragraphs)
    notes = "".join(f"{n}\r" for n in footnotes)
    text = main + notes + "\r"
    width = 1 if compressed else 2
    encoded = text.encode("cp1252") if compressed else text.encode("utf-16-le")
    # The piece table: one piece, all the text.
    fc = _TEXT_AT * 2 | 0x40000000 if compressed else _TEXT_AT
    plc = struct.pack("<II", 0, len(text)) + struct.pack("<HIH", 0, fc, 0)
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    # The paragraph properties: one page for all the paragraphs of the main text.
    ranges: list[tuple[int, int, bytes]] = []
    cp = 0
    for i, paragraph in enumerate(paragraphs):
        first, end = _TEXT_AT + cp * width, _TEXT_AT + (cp + len(paragraph)) * width
        grpprl = _ROW_END if i in row_ends else _IN_TABLE if i in in_table else b""
        ranges.append((first, end, grpprl))
        cp += len(paragraph)
    ranges.append((_TEXT_AT + cp * width, _TEXT_AT + len(text) * width, b""))
    plc_papx = struct.pack("<II", ranges[0][0], ranges[-1][1]) + struct.pack("<I", _PAPX_PAGE)
    table = clx + plc_papx
    fib = _fib(len(main), len(notes), len(clx), len(clx), len(plc_papx))
    word = bytearray(max(_PAPX_PAGE * _SECTOR + _SECTOR, _TEXT_AT + len(encoded)))
    word[: len(fib)] = fib
    word[_TEXT_AT: _TEXT_AT + len(encoded)] = encoded
    if _TEXT_AT + len(encoded) > _PAPX_PAGE * _SECTOR:
        raise ValueError("text too long for this builder")
    word[_PAPX_PAGE * _SECTOR: (_PAPX_PAGE + 1) * _SECTOR] = _papx_page(ranges)
    return compound({"WordDocument": bytes(word), "0Table": table.ljust(4096, b"\x00")})


def compound(streams: dict[str, bytes]) -> bytes:
    """A compound file (version 3, 512-byte sectors) holding ``streams`` (each 4,096 bytes or more, so none
    lives in the mini stream)."""
    names = list(streams)
    data = [streams[n].ljust(max(4096, -(-len(streams[n]) // _SECTOR) * _SECTOR), b"\x00") for n in names]
    sectors_of = [len(d) // _SECTOR for d in data]
    first_stream = 2  # sector 0: the FAT, sector 1: the directory
    total = first_stream + sum(sectors_of)
    if total > _SECTOR // 4:
        raise ValueError("streams too large for a one-sector FAT")
    fat = [_FREE] * (_SECTOR // 4)
    fat[0], fat[1] = _FAT, _END
    starts = []
    at = first_stream
    for count in sectors_of:
        starts.append(at)
        for s in range(at, at + count - 1):
            fat[s] = s + 1
        fat[at + count - 1] = _END
        at += count
    header = bytearray(_SECTOR)
    header[:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x003E, 0x0003, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, 1, 1, 0, 4096, _END, 0, _END, 0)
    struct.pack_into("<I", header, 76, 0)  # the FAT is sector 0
    for i in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * i, _FREE)

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
        raw = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        raw[: len(encoded)] = encoded
        struct.pack_into("<HBB", raw, 64, len(encoded), kind, 1)
        struct.pack_into("<III", raw, 68, left, right, child)
        struct.pack_into("<II", raw, 116, start, size)
        return bytes(raw)

    entries = [entry("Root Entry", 5, _FREE, _FREE, 1, _END, 0)]
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else _FREE
        entries.append(entry(name, 2, _FREE, right, _FREE, starts[i], len(streams[name])))
    directory = b"".join(entries).ljust(_SECTOR, b"\x00")
    fat_sector = struct.pack(f"<{len(fat)}I", *fat)
    return bytes(header) + fat_sector + directory + b"".join(data)
