"""Citations of other documents in running text (domain notes §3).

A numbered citation is found from its number-symbol, then widened: backwards to the type words
(``Hướng dẫn số``, ``Kết luận``, ``Quyết định của Bộ Chính trị số``), forwards to the date
(``ngày 09/02/2023``, ``, ngày 31/12/2024``, ``ngày 07 tháng 9 năm 2015``) and the issuer
(``của Ban Tuyên giáo Tỉnh ủy``). The type words settle what the symbol alone cannot: ``TT`` after
*Thông tri* is a party circular, which carries no year, so its symbol is not flagged ``missing-year``
as a state *Thông tư* would be. Un-numbered citations (``Nghị quyết Đại hội XIII của Đảng``,
``Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015``) are read only in the basis clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.extract.vocabulary import BASIS_VERB
from checker.model.document import Block
from checker.model.plan import Citation, DateValue
from checker.text.alternation import longest_first
from checker.text.dates import DATE_PATTERN, date_from_match, parse_date
from checker.text.letters import LOWER, UPPER
from checker.text.normalize import fold
from checker.text.symbols import TYPE_WORDS, find_symbols

_TYPE_ALTERNATION = longest_first(TYPE_WORDS)
# Type words, optionally "của <issuer>" before "số" (form 5), then "số" or nothing, ending right
# before the symbol.
_BEFORE = re.compile(
    rf"(?P<type>{_TYPE_ALTERNATION})(?:\s+(?:của|do)\s+(?P<issuer>[^,;()]{{2,80}}?))?\s*(?:số\s*:?\s*)?$"
)
# _AFTER_DATE and _AFTER_ISSUER are matched at the end of a symbol (Pattern.match(text, pos)): slicing
# the rest of the block for each symbol would make a long block with many symbols quadratic.
_AFTER_DATE = re.compile(rf"\s*,?\s*(?:ban hành\s+)?(?:ngày\s*)?(?P<date>{DATE_PATTERN.pattern})", re.IGNORECASE)
# Un-numbered citations are only taken with the type word capitalised ("Luật Tổ chức …",
# "Nghị quyết Đại hội XIII"): lower-case "luật pháp quốc tế" is not a citation.
_CAPITALISED_TYPES = longest_first(w[0].upper() + w[1:] for w in TYPE_WORDS)
# The issuer after the date: "của Ban Tuyên giáo Tỉnh ủy". It ends before what the plan says about
# the document ("về …", "hướng dẫn …"), at punctuation, and at a " và " that goes on with something
# other than a body: a lower-case word or "các" ("của Bộ Chính trị và các chỉ thị"), another
# document ("của Bộ trưởng Bộ Công an và Kế hoạch này") or a part of one ("và Chương II của …").
# A capitalised name after " và " stays: a joint issuer ("của Tỉnh ủy và UBND tỉnh") or a body named
# with "và" ("của Ban Tuyên giáo và Dân vận Tỉnh ủy"). An issuer is at most 120 characters: the search
# for its end stops there instead of running to the end of a long block.
_AFTER_ISSUER = re.compile(
    r"\s*,?\s*(?i:của|do)\s+(?P<issuer>.{1,120}?)(?="
    r"\s+(?i:về|v/v|phê duyệt|ban hành|hướng dẫn|quy định|triển khai|thực hiện|tại|khóa|khoá|nhiệm kỳ|về việc)\b"
    rf"|\s+và\s+(?:[{LOWER}]|(?i:các)\b|(?:{_CAPITALISED_TYPES}|Chương|Điều|Mục|Phần|Khoản|Phụ lục)\b)"
    r"|\s*[,;:(\"“]|\.\s|\.?$)"
)
# A named citation opens its clause, after the basis verb if there is one: "Căn cứ Luật Thi đua,
# khen thưởng ngày 15/6/2022;", "Thực hiện Chương trình mục tiêu quốc gia …" (a lower-case name
# is taken only right after the verb). "… hướng dẫn thi hành Luật Thi đua, khen thưởng" inside
# another citation is not a citation of its own.
_VERB = rf"(?i:{BASIS_VERB})"
_NAMED = re.compile(
    rf"^\s*(?:[-–+•]\s*)?(?:(?P<verb>{_VERB})\s+(?:(?i:các|những)\s+)?)?(?P<type>{_CAPITALISED_TYPES})\s+"
    rf"(?!(?i:số)\b)(?P<name>[^;:]{{2,200}})"
)
# Where a name ends: its date and issuer stay ("Luật … ngày 19 tháng 6 năm 2015", "Nghị quyết Đại
# hội XIII của Đảng"), what the plan does with it does not.
_NAME_END = re.compile(
    rf"\s*\(|,\s+(?=[{UPPER}])|\s+(?:như sau|nhằm|để|với các|với|trên địa bàn|sau đây|và các văn bản|"
    r"và ban hành|ban hành kế hoạch|xây dựng kế hoạch)(?![\wÀ-ỹ])|\.\s|\.$"
)
# "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13": the type word opens
# the clause, the name stands between it and "số".
_CLAUSE_TYPE = re.compile(
    rf"(?:^|[;(]|(?i:{BASIS_VERB}))\s*(?P<type>{_CAPITALISED_TYPES})\s+[{UPPER}][^;()]*?\s+(?:số\s*)$"
)


def _tidy_issuer(issuer: str | None) -> str | None:
    if not issuer:
        return None
    issuer = issuer.strip(" ,;:.\"”“")
    return issuer or None


def find_citations(block: Block, section: list[str] | None = None, start: int = 0,
                   blank: bool = False) -> Iterator[Citation]:
    """Numbered citations in ``block.text[start:]``.

    A blank number (``Số:   /KH-UBND``) is normally the document's own; with ``blank=True`` (in the
    basis clause of a draft: ``Thực hiện Chỉ thị số - CT/ĐU ngày /12/2025 của …``) it is a citation
    whose number the drafter left out, returned without a symbol like an un-numbered citation.
    """
    text = block.text
    folded = fold(text)
    for s, e, symbol in find_symbols(text[start:]):
        s, e = s + start, e + start
        if symbol.number is None and not blank:
            continue
        window_start = max(0, s - 120)
        before = _BEFORE.search(folded[window_start:s])
        clause = None if before else _CLAUSE_TYPE.search(text[window_start:s])
        if symbol.number is None and not before:
            continue  # a blank symbol not preceded by its type words is no citation at all
        cite_start = window_start + (before.start() if before else clause.start("type") if clause else s - window_start)
        type_word = fold(before.group("type")) if before else fold(clause.group("type")) if clause else None
        type_name: str | None = None
        if before:
            type_name = text[window_start + before.start("type"): window_start + before.end("type")]
        elif clause:
            type_name = clause.group("type")
        issuer: str | None = None
        if before is not None and before.group("issuer"):
            issuer = text[window_start + before.start("issuer"): window_start + before.end("issuer")]
        cite_end = e
        date: DateValue | None = None
        after = _AFTER_DATE.match(text, e)
        inner = DATE_PATTERN.match(after.group("date")) if after else None
        if after and inner:
            date = date_from_match(inner)
            cite_end = after.end()
        by = _AFTER_ISSUER.match(text, cite_end)
        if by:
            issuer = issuer or by.group("issuer")
            cite_end = by.end("issuer")
        if type_word == "thông tri" and "missing-year" in symbol.problems:
            # TT named "Thông tri" is the party's (Thông tri 04/TT-MTTW-BTT): no year, unlike a Thông tư.
            symbol = symbol.model_copy(update={"problems": [p for p in symbol.problems if p != "missing-year"]})
        word_code = TYPE_WORDS.get(type_word) if type_word else None
        numbered = symbol.number is not None
        yield Citation(
            text=text[cite_start:cite_end].strip(),
            word_type=word_code or None,
            type_words=type_name,
            symbol=symbol.canonical if numbered else None,
            symbol_parts=symbol if numbered else None,
            type=symbol.type_code or word_code or None,
            date=date.value if date else None,
            date_text=date.text if date else None,
            date_problem=date.problem if date else None,
            issuer=_tidy_issuer(issuer),
            location=block.location(cite_start, cite_end, section),
        )


def find_named_citations(block: Block, start: int, end: int, section: list[str] | None = None) -> Iterator[Citation]:
    """Un-numbered citations opening the ``;``-separated clauses of ``block.text[start:end]``."""
    text = block.text
    piece_start = start
    for piece in re.split(r"(;)", text[start:end]):
        if piece == ";":
            piece_start += 1
            continue
        m = _NAMED.match(piece)
        has_symbol = any(sym.number for _s, _e, sym in find_symbols(piece))
        # A lower-case name ("Chương trình mục tiêu quốc gia …") only right after the basis verb.
        if m and not has_symbol and (m.group("name")[:1].isupper() or m.group("name")[:1] in "“\"0123456789"
                                     or m.group("verb") is not None):
            stop = _NAME_END.search(piece, m.start("name"))
            cite_end = stop.start() if stop else m.end()
            cite_text = piece[m.start("type"): cite_end].rstrip(" ,.")
            date_m = DATE_PATTERN.search(cite_text)
            date = None
            if date_m:
                date = parse_date(date_m.group(0))
            code = TYPE_WORDS.get(fold(m.group("type")))
            s = piece_start + m.start("type")
            yield Citation(
                text=cite_text,
                word_type=code or None,
                type_words=m.group("type"),
                type=code or None,
                date=date.value if date else None,
                date_text=date.text if date else None,
                date_problem=date.problem if date else None,
                location=block.location(s, s + len(cite_text), section),
            )
        piece_start += len(piece)
