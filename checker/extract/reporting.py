"""Reporting duties: *báo cáo (kết quả) … về/gửi <cơ quan> (qua <đơn vị>) trước ngày …*.

A duty has a deadline (a date, or a month such as ``trong tháng 11/2025``), a period
(``6 tháng, năm``, ``định kỳ hằng quý``, ``trước ngày 15/6 và 15/12 hằng năm``), or neither
(``theo quy định``, which is not a deadline). Citations of reports (``Báo cáo số 12/BC-UBND``)
and job titles (``báo cáo viên``) are not duties.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from checker.extract.units import starts_with_unit
from checker.model.document import Block
from checker.model.plan import ReportingDuty
from checker.text.dates import DATE_PATTERN, make_date
from checker.text.normalize import fold

# "không báo cáo" is illegal fishing's "unreported", not a duty.
_REPORT = re.compile(r"(?<![\wÀ-ỹ])(?<!không )báo cáo(?!\s+viên)(?!\s+số)(?![\wÀ-ỹ])")
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=\S)")
_DEADLINE_LEAD = re.compile(
    r"(?:trước|chậm nhất(?: là)?|hạn chót|không quá|trước hoặc trong|vào|trong)\s+(?:ngày\s*)?$"
)
_MONTH = re.compile(r"(?:trong|trước|hết|cuối)\s+tháng\s+(?P<m>\d{1,2})\s*(?:/|năm)\s*(?P<y>\d{4})")
_PERIOD = re.compile(
    r"(?P<p>(?:định kỳ\s+)?(?:hằng|hàng)\s+(?:tháng|quý|năm|tuần|ngày)"
    r"|(?:định kỳ\s+)?(?:quý,\s*)?(?:6|sáu)\s+tháng\s*(?:,|và|/|,\s*và)\s*(?:01\s+|1\s+|cả\s+)?năm"
    r"|(?:sơ kết|tổng kết)\s+(?:6 tháng|sáu tháng|năm|giữa kỳ|cuối năm)"
    r"|định kỳ\s+(?:6 tháng|sáu tháng|quý|tháng|năm)"
    r"|(?:trước ngày\s+\d{1,2}\s+(?:hằng|hàng)\s+tháng))"
)
_RECURRING = re.compile(
    r"trước ngày\s+(?P<dates>\d{1,2}/\d{1,2}(?:\s*(?:và|,)\s*\d{1,2}/\d{1,2})*)\s+(?:hằng|hàng)\s+năm"
)
_RECIPIENT = re.compile(r"(?:gửi về|gửi cho|gửi|về|lên|cho|đến)\s+(?P<r>[^,.;(]{3,120})")
_RECIPIENT_END = re.compile(r"\s+(?:trước|để|theo|định kỳ|trong|chậm nhất|qua|bằng|hằng|hàng|vào|nhằm|khi|nếu)\b")
_VIA = re.compile(r"\(\s*qua\s+(?P<v>[^)]{3,120})\)")


def _deadline(sentence: str, folded: str) -> tuple[dt.date | None, str | None, str | None]:
    for m in DATE_PATTERN.finditer(sentence):
        if _DEADLINE_LEAD.search(folded[max(0, m.start() - 30): m.start()]):
            d = m.group("d") or m.group("wd")
            mo = m.group("m") or m.group("wm")
            y = m.group("y") or m.group("wy")
            value = make_date(m.group(0), int(d) if d else None, int(mo) if mo else None, int(y))
            return value.value, value.text, value.problem
    month = _MONTH.search(folded)
    if month:
        year, mon = int(month.group("y")), int(month.group("m"))
        text = sentence[month.start(): month.end()]
        if 1 <= mon <= 12:
            return dt.date(year, mon, calendar.monthrange(year, mon)[1]), text, None
        return None, text, "impossible"
    return None, None, None


def _recipient(sentence: str, report_end: int) -> str | None:
    rest = sentence[report_end:]
    m = _RECIPIENT.search(rest[:160])
    candidates = []
    if m:
        candidates.append(m.group("r"))
    candidates.append(rest.lstrip(" ,:"))  # "báo cáo Ủy ban nhân dân tỉnh (qua Công an tỉnh)"
    for who in candidates:
        who = _RECIPIENT_END.split(who, maxsplit=1)[0].strip(" ,:")
        if who and starts_with_unit(who) and len(who) <= 120:
            return who
    return None


def _period(folded: str) -> str | None:
    recurring = _RECURRING.search(folded)
    if recurring:
        return f"hằng năm ({recurring.group('dates')})"
    m = _PERIOD.search(folded)
    return m.group("p") if m else None


def find_duties(block: Block, path: list[str]) -> list[ReportingDuty]:
    """The reporting duties in one block, one per sentence that names one."""
    duties: list[ReportingDuty] = []
    text = block.text
    offset = 0
    for sentence in _SENTENCE.split(text):
        start = text.find(sentence, offset)
        offset = start + len(sentence)
        folded = fold(sentence)
        report = _REPORT.search(folded)
        if not report:
            continue
        deadline, deadline_text, problem = _deadline(sentence, folded)
        period = _period(folded)
        recipient = _recipient(sentence, report.end())
        via_m = _VIA.search(sentence)
        if not (deadline_text or period or recipient or via_m or "theo quy định" in folded):
            continue
        duties.append(ReportingDuty(
            text=sentence.strip(),
            deadline=deadline,
            deadline_text=deadline_text,
            deadline_problem=problem,
            period=period,
            recipient=recipient,
            via=via_m.group("v").strip() if via_m else None,
            location=block.location(start, start + len(sentence), path),
        ))
    return duties
