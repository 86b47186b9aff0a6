"""Time expressions as plans write them in a *Thời gian* column or clause.

``parse_timeframe`` recognises what a reviewer accepts as a time: a date (``31/12/2025``,
``ngày 23 tháng 1``), a month (``tháng 01/2026``, ``trong tháng 9 hằng năm``), a quarter
(``Quý I/2026``, ``trong quý I năm 2026``), a year (``Năm 2026``, ``Cả năm 2023``), a period
(``Hằng năm``, ``Thường xuyên``, ``Định kỳ hằng tháng``, ``6 tháng, năm``) or a time relative to an
event (``Sau 03 tháng kể từ …``, ``Trước ngày 05 của tháng liền kề``). ``Theo kế hoạch của tỉnh``
names no time at all and is not recognised. An impossible date is recognised with a problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from checker.text.dates import find_dates
from checker.text.normalize import fold

Kind = Literal["date", "month", "quarter", "year", "period", "relative"]

_PATTERNS: list[tuple[Kind, re.Pattern[str]]] = [
    ("month", re.compile(r"\btháng\s+\d{1,2}\s*(?:/\s*\d{4}|năm\s+\d{4}|(?:hằng|hàng)\s+năm|của\s+năm)")),
    ("date", re.compile(r"\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}\b|\b\d{1,2}/\d{1,2}\b")),
    ("quarter", re.compile(r"\bquý\s+(?:i{1,3}|iv|[1-4])\b")),
    ("year", re.compile(r"\bnăm\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d\s*-\s*(?:19|20)\d\d\b")),
    ("period", re.compile(
        r"\b(?:hằng|hàng)\s+(?:ngày|tuần|tháng|quý|năm)\b|\bthường xuyên\b|\bđịnh kỳ\b|\bcả năm\b|"
        r"\b(?:6|sáu)\s+tháng\b|\bliên tục\b|\bsuốt\b")),
    ("relative", re.compile(r"\b(?:sau|trước|trong vòng|chậm nhất)\s+(?:\d+\s+)?(?:ngày|tuần|tháng|năm)\b")),
]


@dataclass(frozen=True)
class Timeframe:
    kind: Kind
    text: str
    problem: str | None = None


def parse_timeframe(text: str) -> Timeframe | None:
    """The first time expression in ``text`` (see the module docstring), or None."""
    for _start, _end, date in find_dates(text):
        return Timeframe("date", date.text, date.problem if date.problem == "impossible" else None)
    folded = fold(text)
    for kind, pattern in _PATTERNS:
        m = pattern.search(folded)
        if m:
            return Timeframe(kind, text[m.start():m.end()])
    return None
