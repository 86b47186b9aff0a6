"""Number-symbols (*số, ký hiệu*) of Vietnamese documents.

State bodies (Nghị định 30/2020/NĐ-CP) write ``number/TYPE-AGENCY`` (``44/KH-UBND``), legal acts
with the year (``72/2015/NĐ-CP``) and letters without a type (``3616/BTTTT-TTĐN``). Party bodies
(Hướng dẫn 36-HD/VPTW) write ``number-TYPE/AGENCY`` (``93-HD/BTGTU``).

Real text adds noise: spaces (``1206 /QĐ-HVTC``, ``132- KL/TW``), en dashes, wrong case
(``QĐ-Ttg``), ``Ð`` (U+00D0) for ``Đ``. :func:`parse_symbol` canonicalises all of these and records
what was wrong in ``problems`` so a rule can warn, while comparisons use :attr:`NumberSymbol.key`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from checker.model.plan import NumberSymbol

#: Document-type codes (state, NĐ 30/2020 Phụ lục III, and party, observed), in their canonical case.
TYPE_CODES: dict[str, str] = {
    code.upper(): code
    for code in [
        "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr", "HĐ",
        "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "NĐ", "TT", "TTLT", "NQLT", "KL", "QĐi", "CV", "PL",
    ]
}
#: Words that name a document type in running text, mapped to their code.
TYPE_WORDS: dict[str, str] = {
    "nghị quyết liên tịch": "NQLT",
    "thông tư liên tịch": "TTLT",
    "nghị quyết": "NQ",
    "quyết định": "QĐ",
    "chỉ thị": "CT",
    "kết luận": "KL",
    "hướng dẫn": "HD",
    "kế hoạch": "KH",
    "chương trình": "CTr",
    "thông tư": "TT",
    "thông tri": "TT",
    "nghị định": "NĐ",
    "luật": "L",
    "pháp lệnh": "PL",
    "công văn": "CV",
    "văn bản": "",
    "thông báo": "TB",
    "quy định": "QĐi",
    "quy chế": "QC",
    "đề án": "ĐA",
    "phương án": "PA",
    "báo cáo": "BC",
    "công điện": "CĐ",
    "tờ trình": "TTr",
}
#: Issuer codes whose case is fixed by usage; a different case is a typo worth a warning.
AGENCY_CASE: dict[str, str] = {a.upper(): a for a in ("TTg", "CP", "QH", "TW", "UBND", "VPCP", "BTGTW", "BTGTU")}
#: Types whose state symbols must carry the year (legal normative acts).
_NEEDS_YEAR = {"NĐ", "TT", "TTLT", "L", "PL"}

_DASH = "[-\u2010-\u2015]"
_CODE = r"[A-Za-zĐđÐ][A-Za-zĐđÐ0-9&.]*"
# An optional number (blank in drafts), then the party or the state shape. Spaces allowed around
# separators because real text has them; the number must not be glued to letters or other digits.
SYMBOL_PATTERN = re.compile(
    rf"(?<![\w/\-])(?P<num>\d{{1,5}}[a-z]?)?"
    rf"(?:"
    rf"(?P<party>\s?{_DASH}\s?(?P<ptype>{_CODE})\s?/\s?(?P<pagency>{_CODE}(?:\s?{_DASH}\s?{_CODE})*))"
    rf"|"
    rf"(?P<state>(?:\s?/\s?(?P<year>(?:19|20)\d\d))?\s?/\s?(?P<srest>{_CODE}(?:\s?(?:{_DASH}|/)\s?{_CODE})*))"
    rf")"
)
_SPACE = re.compile(r"\s+")


def canonical_text(raw: str) -> str:
    """Remove spaces, unify dashes and ``Ð``→``Đ``."""
    text = _SPACE.sub("", raw).replace("\u00d0", "Đ").replace("\u00f0", "đ")
    return re.sub(_DASH, "-", text).rstrip(".,;:")


def _case_problem(value: str | None, table: dict[str, str]) -> str | None:
    if value is None:
        return None
    expected = table.get(value.upper())
    return expected if expected is not None and expected != value else None


def _from_match(m: re.Match[str]) -> NumberSymbol | None:
    raw = m.group(0).strip()
    number = m.group("num")
    problems: list[str] = []
    if _SPACE.search(raw):
        problems.append("spaces")
    if "\u00d0" in raw:
        problems.append("eth")
    year: int | None = None
    if m.group("party"):
        system = "party"
        type_code = canonical_text(m.group("ptype"))
        agency = canonical_text(m.group("pagency"))
        if type_code.upper() not in TYPE_CODES:
            # "12-2024/ABC" or words joined by dashes: not a party symbol.
            return None
    else:
        system = "state"
        year = int(m.group("year")) if m.group("year") else None
        srest = canonical_text(m.group("srest"))
        if "/" in srest:
            # "102/2025/NQLT/UBTVQH15-CP": a slash typed where the dash belongs.
            problems.append("slash")
            srest = srest.replace("/", "-")
        rest = srest.split("-")
        if rest[0].upper() in TYPE_CODES and len(rest) > 1:
            type_code, agency = rest[0], "-".join(rest[1:])
        else:
            type_code, agency = None, "-".join(rest)
        if not any(c.isupper() for c in agency):
            return None  # "2/3/lần" and other fractions are not symbols
        if type_code is not None and type_code.upper() in _NEEDS_YEAR and year is None:
            problems.append("missing-year")
    fixed_type = _case_problem(type_code, TYPE_CODES)
    fixed_agency = _case_problem(agency.split("-")[-1] if agency else None, AGENCY_CASE)
    if fixed_type or fixed_agency:
        problems.append("case")
    if fixed_type:
        type_code = fixed_type
    canonical_agency = agency
    if fixed_agency:
        head = agency.rsplit("-", 1)[0] + "-" if "-" in agency else ""
        canonical_agency = head + fixed_agency
    if system == "party":
        canonical = f"{number or ''}-{type_code}/{canonical_agency}"
    else:
        middle = f"/{year}" if year else ""
        typed = f"{type_code}-" if type_code else ""
        canonical = f"{number or ''}{middle}/{typed}{canonical_agency}"
    return NumberSymbol(
        raw=raw,
        canonical=canonical,
        system=system,
        number=number,
        year=year,
        type_code=type_code,
        agency=canonical_agency,
        problems=problems,
    )


def find_symbols(text: str) -> Iterator[tuple[int, int, NumberSymbol]]:
    """Every number-symbol in ``text`` with its span (numbers may be blank: ``Số:   /KH-UBND``)."""
    if "/" not in text:
        return  # every symbol has a slash; most paragraphs have none, and the pattern may start anywhere
    for m in SYMBOL_PATTERN.finditer(text):
        if m.group("num") is None and not m.group(0).lstrip().startswith(("/", "-")):
            continue
        symbol = _from_match(m)
        if symbol is not None:
            yield m.start(), m.end(), symbol


@lru_cache(maxsize=4096)
def parse_symbol(raw: str) -> NumberSymbol | None:
    """Parse a whole string as one number-symbol, or return None when it is not one.

    Cached (the result is frozen): a registry's symbols are parsed again for every plan checked."""
    stripped = raw.strip()
    for start, end, symbol in find_symbols(stripped):
        if start == 0 and end >= len(stripped.rstrip(".,;:")):
            return symbol
    return None


def same_document(a: NumberSymbol, b: NumberSymbol) -> bool:
    """True when two symbols name the same document (ignoring case, spaces and dashes)."""
    return a.key == b.key and (a.year is None or b.year is None or a.year == b.year)
