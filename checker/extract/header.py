"""The formal header of a document: type, title, number-symbol, issuer, place and date.

State header (NĐ 30/2020): issuer | national motto, ``Số: 44/KH-UBND`` | ``Vĩnh Linh, ngày …``,
then ``KẾ HOẠCH`` and the subject. Party header (HD 36-HD/VPTW): ``ĐẢNG CỘNG SẢN VIỆT NAM`` and
``Số 93-HD/BTGTU`` without a colon. Copies from the web often keep only the title and subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.extract.units import starts_with_unit
from checker.extract.vocabulary import BASIS_VERB
from checker.model.document import Block
from checker.model.plan import DateValue, NumberSymbol
from checker.text.alternation import longest_first
from checker.text.dates import DATE_PATTERN, date_from_match
from checker.text.letters import UPPER
from checker.text.markers import split_marker
from checker.text.normalize import fold, squash
from checker.text.symbols import find_symbols

#: Title words that make a document one of the kinds plancheck reads, with their type codes.
TITLE_TYPES: dict[str, str] = {
    "kế hoạch": "KH",
    "hướng dẫn": "HD",
    "chương trình hành động": "CTr",
    "chương trình": "CTr",
    "quyết định": "QĐ",
    "nghị quyết": "NQ",
    "chỉ thị": "CT",
    "kết luận": "KL",
    "báo cáo": "BC",
    "thông báo": "TB",
    "tờ trình": "TTr",
    "đề án": "ĐA",
    "phương án": "PA",
    "quy chế": "QC",
    "quy định": "QĐi",
    "công điện": "CĐ",
    "thông tri": "TT",
    "công văn": "CV",
    "giấy mời": "GM",
    "biên bản": "BB",
}
#: Names of the types, for a type read from a symbol or from a letter's form rather than from a title.
TYPE_NAMES: dict[str, str] = {code: words[:1].upper() + words[1:] for words, code in reversed(TITLE_TYPES.items())}
# "V/v …" (về việc): the subject line of a letter, which has no type title.
_ABOUT_LINE = re.compile(r"^[\s|*]*V\s*/\s*v\b", re.IGNORECASE)
# A web copy's record of the document (thuvienphapluat and the like): "Loại văn bản:" then the type.
_KIND_LABEL = re.compile(r"^loại văn bản\s*:?\s*(?P<kind>.*)$")
_TITLE_RE = re.compile(
    r"^(?P<type>" + longest_first(TITLE_TYPES)
    + r")\b\s*[:\-–]?\s*(?P<rest>.*)$",
    re.DOTALL,
)
_MOTTOS = (
    "cộng hòa xã hội chủ nghĩa việt nam",
    "độc lập - tự do - hạnh phúc",
    "độc lập – tự do – hạnh phúc",
    "đảng cộng sản việt nam",
    # The Youth Union heads its documents the way the Party does (corpus 028-030).
    "đoàn tncs hồ chí minh",
    "đoàn thanh niên cộng sản hồ chí minh",
)
# Copies wrap a motto over two lines ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN" /
# "VIỆT NAM"); a line that is exactly the start or the end of a motto is a piece of it.
_MOTTO_PIECES = frozenset(
    " ".join(words[:i]) if head else " ".join(words[i:])
    for motto in _MOTTOS[:4]  # not the Youth Union's: "HỒ CHÍ MINH" ends a city's name too
    for words in [motto.split()]
    for i in range(2, len(words) - 1)
    for head in (True, False)
) | {"việt nam"}
_SEPARATOR = re.compile(r"^[\s\-–—_=*.·•]*$")
_NUMBER_LINE = re.compile(r"(?<![\wÀ-ỹ])số\s*:?\s*", re.IGNORECASE)
_BASIS_START = re.compile(rf"^(?:{BASIS_VERB}|tiếp tục|nhằm|để)\b")
# The place is a few words joined by single spaces: a tab or a run of spaces separates it from the
# other header column on the same line ("Số: 45/KH-UBND<TAB>Vạn Ninh, ngày …").
_PLACE_DATE = re.compile(
    rf"(?P<place>[{UPPER}][\wÀ-ỹ.]*(?:[ \u00a0][\wÀ-ỹ.]+){{0,6}})\s*,\s*"
    r"(?P<date>(?i:ngày)\s*(?:\d{1,2}|[.…_]*)\s*,?\s*(?i:tháng)\s*(?:\d{1,2}|[.…_]*)\s*,?\s*(?i:năm)\s*\d{4})"
)
_YEAR = re.compile(r"\b(?:năm|giai đoạn|nhiệm kỳ)\s+((?:19|20)\d\d)\b")


@dataclass
class Header:
    """What the formal header says; ``body_start`` is the first block after the title and subject."""

    title_block: int | None = None
    doc_type: str | None = None
    doc_type_name: str | None = None
    title: str | None = None
    body_start: int = 0
    symbol: NumberSymbol | None = None
    issuer: str | None = None
    issuing_body: str | None = None
    place: str | None = None
    date: DateValue | None = None


def _is_title(block: Block) -> tuple[str, str] | None:
    """``("KH", rest)`` when the block is a document-type title line such as ``KẾ HOẠCH``."""
    text = block.text.strip().strip("*").strip()
    m = _TITLE_RE.match(fold(text))
    if not m:
        return None
    rest = text[m.start("rest"):].strip()
    type_words = text[: m.end("type")]
    # "KẾ HOẠCH" alone, or "KẾ HOẠCH Tổ chức …" with the type in capitals; never a sentence that
    # merely begins "Kế hoạch số …".
    if rest and not type_words.isupper():
        return None
    if rest.lower().startswith("số") or len(text) > 400:
        return None
    return TITLE_TYPES[m.group("type")], rest


def _is_motto_or_separator(text: str) -> bool:
    folded = squash(text)
    return (bool(_SEPARATOR.match(text)) or any(folded.startswith(m) for m in _MOTTOS)
            or folded.strip(" -–*") in _MOTTO_PIECES)


def _strip_mottos(text: str) -> str:
    folded = fold(text)
    cut = len(text)
    for motto in _MOTTOS:
        at = folded.find(motto.split(" - ")[0][:20])
        if at != -1:
            cut = min(cut, at)
    return text[:cut].strip(" -–—*\t")


def _same_paragraph(a: Block, b: Block) -> bool:
    """Two blocks split from one Word paragraph at a soft line break (Shift+Enter)."""
    return a.paragraph is not None and a.paragraph == b.paragraph


def _opens_body(text: str) -> bool:
    """A paragraph right after ``KẾ HOẠCH`` that is the basis clause, not the subject.

    Subjects also open with the basis verbs (``Triển khai thực hiện Chương trình …``, ``Thực hiện
    công tác bầu cử …``); the clause is told apart by its length, its ending (``như sau:``, ``;``,
    ``.``) or by opening with *Căn cứ*.
    """
    if text.isupper():
        return False
    folded = fold(text).lstrip("-–—_=*.·• ")  # "----------------Thực hiện …" (a rule glued on, corpus 029)
    if not _BASIS_START.match(folded):
        return False
    return folded.startswith("căn cứ") or len(text) > 250 or text.rstrip(" ”\"'").endswith((":", ";", "."))


def _continues_title(prev: Block, follower: Block) -> bool:
    """Whether ``follower`` is more of the subject begun in ``prev``."""
    text, before = follower.text.strip(), prev.text.strip()
    if _same_paragraph(prev, follower):
        return True
    if text[:1].islower() or text[:1] in "(“\"" or before.endswith((",", ";", "-", "–")):
        return True
    return before.isupper() and text.isupper()


def _opens_item(text: str) -> bool:
    """A heading or list item opens the line; a subject may list its points "(1) …; (2) …" over lines."""
    found = split_marker(text)
    return found is not None and not found[0].startswith("(")


def _subject_before_body(blocks: list[Block], start: int) -> list[Block]:
    """The subject lines when they run up to a clear boundary (the basis clause, a separator, a
    heading) within four short blocks; empty when there is no such boundary or when one of them
    reads as a sentence of the body (``… như sau``, a final full stop or colon)."""
    found: list[Block] = []
    for block in blocks[start: start + 5]:
        text = block.text.strip()
        if _SEPARATOR.match(text) or _opens_item(text) or _opens_body(text):
            return found if found else []
        if (len(text) > 200 or _is_title(block) or len(found) == 4 or "như sau" in fold(text)
                or text.endswith((".", ":"))):
            return []
        found.append(block)
    return []


def read_header(blocks: list[Block], limit: int = 40) -> Header:
    """Find the title and the formal header in the first ``limit`` blocks."""
    header = Header()
    for block in blocks[:limit]:
        if split_marker(block.text) and split_marker(block.text)[1] == 1:  # type: ignore[index]
            break
        found = _is_title(block)
        if found:
            header.title_block = block.index
            header.doc_type, rest = found
            header.doc_type_name = block.text.strip()[: len(block.text.strip()) - len(rest)].strip(" :-–*")
            title_parts = [rest] if rest else []
            next_index = block.index + 1
            prev = block
            boxed = _subject_before_body(blocks, block.index + 1)
            if boxed:
                # Every short line between the type and the basis clause is the subject, whatever its
                # case ("… gắn với tổng kết thực hiện" / "Chương trình phòng, chống ma túy …").
                title_parts.extend(b.text.strip().strip("*").strip() for b in boxed)
                next_index = boxed[-1].index + 1
            for follower in [] if boxed else blocks[block.index + 1: block.index + 6]:
                text = follower.text.strip()
                if (_SEPARATOR.match(text) or _opens_item(text) or len(text) > 300
                        or (title_parts and _is_title(follower))):
                    break
                if not title_parts:
                    if _opens_body(text):
                        break
                elif not _continues_title(prev, follower) or (
                        _opens_body(text) and not _same_paragraph(prev, follower)):
                    break
                title_parts.append(text.strip("*").strip())
                next_index = follower.index + 1
                prev = follower
            header.title = " ".join(title_parts) or None
            header.body_start = next_index
            while header.body_start < len(blocks) and _SEPARATOR.match(blocks[header.body_start].text):
                header.body_start += 1
            break
    if header.title_block is None:
        # A letter (công văn) has no type title but the same formal header: read it up to the salutation or the
        # first paragraph of running text; its type comes from its symbol or its form (see _untitled_type).
        top: list[Block] = []
        for block in blocks[:limit]:
            folded = fold(block.text.strip())
            if len(block.text) > 200 or folded.startswith("kính gửi") or _BASIS_START.match(folded):
                break
            top.append(block)
        if any(_NUMBER_LINE.match(b.text.strip()) or _PLACE_DATE.search(b.text) for b in top):
            _read_formal_lines(top, header)
        header.doc_type = _untitled_type(blocks[:limit], top, header)
        if header.doc_type is not None:
            header.doc_type_name = TYPE_NAMES.get(header.doc_type, header.doc_type)
        return header
    _read_formal_lines(blocks[: header.title_block], header)
    return header


def _untitled_type(blocks: list[Block], top: list[Block], header: Header) -> str | None:
    """The type of a document without a type title: the code of its own symbol (``545/HD-BTV``), a subject line
    in sentence case under a formal header (``Hướng dẫn một số nội dung …``), the type a web copy records for
    it (``Loại văn bản: Công văn``), else a letter (công văn: ``Số: 228/SNV-CCHC`` with no type code, or a
    ``V/v …`` subject line). None for a text with none of these (a news article, whose headline may well
    begin "Kế hoạch …": without a number or a date above it, it names no type)."""
    code = header.symbol.type_code if header.symbol is not None else None
    if code:
        return next((c for c in TYPE_NAMES if c.upper() == code.upper()), None) or "CV"
    if any(_ABOUT_LINE.match(b.text) for b in top):
        return "CV"  # "V/v triển khai" / "Kế hoạch tuyển dụng …": the letter's subject names what it is about
    if header.symbol is not None or header.date is not None:
        for block in top:
            text = block.text.strip()
            date = _PLACE_DATE.search(text)
            for line in (text, text[date.end():].strip(" .,") if date else ""):  # a copy joins it to the date
                subject = _TITLE_RE.match(fold(line))
                if subject and not subject.group("rest").startswith("số") and len(line) < 250:
                    return TITLE_TYPES[subject.group("type")]
    for pos, block in enumerate(blocks):
        label = _KIND_LABEL.match(fold(block.text.strip()))
        if label:
            kind = label.group("kind") or (fold(blocks[pos + 1].text.strip()) if pos + 1 < len(blocks) else "")
            if kind in TITLE_TYPES:
                return TITLE_TYPES[kind]
    if header.symbol is not None or any(_ABOUT_LINE.match(b.text) for b in blocks):
        return "CV"
    return None


def _read_formal_lines(blocks: list[Block], header: Header) -> None:
    issuer_parts: list[str] = []
    skip: set[int] = set()
    for pos, block in enumerate(blocks):
        if block.index in skip:
            continue
        text = block.text.strip()
        number_at = _NUMBER_LINE.search(text)
        if number_at and header.symbol is None:
            for start, _end, symbol in find_symbols(text[number_at.end():]):
                if start <= 2:
                    header.symbol = symbol
                    break
            if header.symbol is None and not text[number_at.end():].strip() and pos + 1 < len(blocks):
                # "Số:" on its own line, the (blank-numbered) symbol on the next: "- KH/ĐTN".
                following = blocks[pos + 1].text.strip()
                for start, _end, symbol in find_symbols(following):
                    if start <= 2:
                        header.symbol = symbol
                        skip.add(blocks[pos + 1].index)
                    break
        date_at = _PLACE_DATE.search(text)
        if date_at and header.date is None:
            header.place = date_at.group("place").strip()
            inner = DATE_PATTERN.search(date_at.group("date"))
            if inner:
                header.date = date_from_match(inner)
        if _is_motto_or_separator(text):
            continue
        head = text
        for cut in (number_at.start() if number_at else None, date_at.start() if date_at else None):
            if cut is not None:
                head = head[:cut]
        head = _strip_mottos(head)
        # The issuer is written in capitals (ỦY BAN NHÂN DÂN / HUYỆN VẠN NINH) or names a body; a web
        # page's headline and "Ngày cập nhật …" above the title are neither.
        names_body = head.isupper() or starts_with_unit(head)
        if head and names_body and not header.symbol and not header.date and not _SEPARATOR.match(head):
            issuer_parts.append(head)
    if issuer_parts:
        header.issuer = " ".join(issuer_parts)
        header.issuing_body = issuing_body(issuer_parts)


# Head words of the name of a body that issues documents under a superior one (the last header line).
_BODY_HEADS = re.compile(
    r"^(?:ban|sở|văn phòng|phòng|cục|chi cục|tổng cục|vụ|viện|trung tâm|thanh tra|ủy ban kiểm tra|"
    r"ban thường trực|ban thường vụ|thường trực|đảng ủy|đoàn|hội)\b"
)
_NAME_START = re.compile(r"(^|,\s*|\svà\s)(\w)")
_NAME_HEAD = re.compile(
    r"^(ủy ban|văn phòng|trung tâm|tổng cục|chi cục|ban|sở|phòng|cục|vụ|viện|đoàn|hội|thanh tra|đảng ủy)\s+(\w)"
)
_FIXED_NAMES = {
    "ủy ban nhân dân": "Ủy ban nhân dân", "hội đồng nhân dân": "Hội đồng nhân dân",
    "ủy ban mặt trận tổ quốc việt nam": "Ủy ban Mặt trận Tổ quốc Việt Nam", "trung ương": "Trung ương",
    "tỉnh ủy": "Tỉnh ủy", "huyện ủy": "Huyện ủy", "thành ủy": "Thành ủy", "thị ủy": "Thị ủy",
    "việt nam": "Việt Nam", "đảng": "Đảng", "mttq": "MTTQ", "ubnd": "UBND", "hđnd": "HĐND",
}
_FIXED = re.compile(r"\b(" + longest_first(_FIXED_NAMES) + r")\b")
# A place name follows the level of the administrative unit: "huyện Vạn Ninh", "tỉnh Quảng Ninh".
_PLACE = re.compile(r"\b(tỉnh|huyện|xã|quận|phường|thị xã|thị trấn|thành phố) ([^,;()]+)", re.IGNORECASE)


def name_case(name: str) -> str:
    """A name written in capitals in a header, in the case of running text: ``SỞ VĂN HÓA, THỂ THAO VÀ DU
    LỊCH`` → ``Sở Văn hóa, Thể thao và Du lịch``, ``ỦY BAN NHÂN DÂN HUYỆN VẠN NINH`` → ``Ủy ban nhân dân
    huyện Vạn Ninh`` (head word, each named part and place names capitalised; a name not written in
    capitals is kept)."""
    if not name.isupper():
        return name
    text = fold(re.sub(r"\s+", " ", name)).strip()
    fixed_head = _FIXED.match(text)
    text = _FIXED.sub(lambda m: _FIXED_NAMES[m.group(1)], text)
    if not fixed_head:
        text = _NAME_HEAD.sub(lambda m: m.group(0)[:-1] + m.group(2).upper(), text)
        text = _NAME_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)
    text = _PLACE.sub(lambda m: m.group(1) + " " + m.group(2).title(), text)
    return text[:1].upper() + text[1:]


def issuing_body(lines: list[str]) -> str:
    """The body that issues the document: the last header line when it names a body under the one above
    (``UBND TỈNH LÂM ĐỒNG`` / ``SỞ NỘI VỤ`` → ``Sở Nội vụ``), else the whole name (``ỦY BAN NHÂN DÂN`` /
    ``HUYỆN VẠN NINH`` is one name written on two lines)."""
    last = lines[-1].strip()
    if len(lines) > 1 and _BODY_HEADS.match(fold(last)):
        return name_case(last)
    return name_case(" ".join(line.strip() for line in lines))


def year_of_title(title: str | None) -> int | None:
    """``Công tác thông tin đối ngoại năm 2023`` → 2023."""
    if not title:
        return None
    years = _YEAR.findall(fold(title))
    return int(years[0]) if years else None
