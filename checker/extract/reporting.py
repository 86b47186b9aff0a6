"""Reporting duties: *báo cáo (kết quả) … về/gửi <cơ quan> (qua <đơn vị>) trước ngày …*.

A duty has a deadline (a date, or a month such as ``trong tháng 11/2025``), a period
(``6 tháng, năm``, ``định kỳ hằng quý``, ``trước ngày 15/6 và 15/12 hằng năm``), or neither
(``theo quy định``, which is not a deadline). Citations of reports (``Báo cáo số 12/BC-UBND``)
and job titles (``báo cáo viên``) are not duties.

Dates and periods count only in the report's own clause. A sentence often coordinates other work
before the report; its dates are that work's: ``…tổ chức Hội nghị vào ngày 15/3/2024 và báo cáo kết
quả về UBND huyện`` has no deadline, ``Thực hiện khảo sát thường xuyên hằng năm và báo cáo kết quả``
no period, and neither has ``Đa dạng hóa phương thức tuyên truyền (…, thông tin Mặt trận hàng quý) …,
kịp thời báo cáo Mặt trận cấp trên`` (a quarterly bulletin, not quarterly reporting). A time phrase
that opens the sentence (``Định kỳ hằng quý, các đơn vị báo cáo …``; ``hằng năm, tham mưu … báo cáo
…``) qualifies it all, and what follows *báo cáo* in the sentence (its recipient, purpose, timing)
is the report's. Within the clause a date is a deadline only after *trước*, *chậm nhất*, *hạn*,
*không quá* or *trong* (``trong ngày 15/3/2026``); ``vào ngày …`` schedules, it sets no deadline.

Decision on ``báo cáo sơ kết 6 tháng, tổng kết năm``: the span of a summary report (half-year,
year) says when it is due, at the end of that span, as ``6 tháng, năm`` does, so it is an explicit
period even when the sentence ends ``theo quy định``; with a year (``tổng kết năm 2024``) it is
still the year-end report. ``báo cáo tổng kết`` with no span names no period.

The recipient is the unit name after ``về``/``gửi``/``cho``/``lên`` or right after *báo cáo*
(``báo cáo Ủy ban nhân dân tỉnh``, ``báo cáo kết quả Ủy ban nhân dân tỉnh``); it ends where the
sentence goes on with what is reported or when (``UBND tỉnh tình hình và kết quả …``,
``… tỉnh ngay sau khi …``, ``… tỉnh chậm nhất ngày …``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from checker.extract.units import starts_with_unit, verb_at
from checker.model.document import Block
from checker.model.plan import ReportingDuty
from checker.text.alternation import longest_first
from checker.text.dates import DATE_PATTERN, date_from_match
from checker.text.letters import UPPER
from checker.text.normalize import fold

# "không báo cáo" is illegal fishing's "unreported", not a duty.
_REPORT = re.compile(r"(?<![\wÀ-ỹ])(?<!không )báo cáo(?!\s+viên)(?!\s+số)(?![\wÀ-ỹ])")
# Reporting that does not say "báo cáo": sending the minutes, records or results of what was done to the body
# above ("gửi Biên bản … về …", "biên bản … phải được chuyển đến …", "trả lời bằng văn bản cho …"). Proposals and
# applications ("hồ sơ đề nghị khen thưởng", "hồ sơ đăng ký") are no report.
_RECORDS = (r"(?:biên bản|hồ sơ(?!\s+(?:đề nghị|khen|đăng ký|ứng cử|xét|dự thầu|dự thi|dự tuyển|mời))|kết quả|danh sách"
            r"|số liệu)")
_DELIVERY = re.compile(
    rf"(?<![\wÀ-ỹ])(?:(?:gửi|chuyển|nộp)(?:\s+(?:về|đến|cho|lên))?\s+(?:[^\s,;.]+\s+){{0,2}}?{_RECORDS}(?![\wÀ-ỹ])"
    rf"|{_RECORDS}(?![\wÀ-ỹ])[^.;]{{0,160}}?(?:được|phải được|phải)\s+(?:gửi|chuyển|nộp)\s+(?:về|đến|cho|lên)"
    r"|trả lời bằng văn bản)"
)
_COMPLETED_BY = re.compile(r"hoàn thành\s+(?:[^\s,;]+\s+){0,3}?(?:trước|chậm nhất(?: là)?|trong)\s+(?:ngày\s*)?$")
_CHEAP = re.compile(r"báo cáo|gửi|chuyển|nộp|trả lời")
# A time limit counted from an event: "trong thời hạn 07 ngày làm việc kể từ ngày kết thúc Đại hội", "sau 30
# ngày kể từ ngày được phê duyệt", "chậm nhất 05 ngày sau khi kết thúc hội nghị".
_RELATIVE = re.compile(
    r"(?:trong (?:thời hạn|vòng|thời gian)|chậm nhất(?: là)?|sau|không quá|trước)\s+(?:\d{1,3}|một|hai|ba|năm|mười)"
    r"\s+(?:ngày(?: làm việc)?|tuần|tháng|giờ)\s+(?:kể từ|sau khi|sau|từ khi|từ)\s+[^.;,]{3,80}"
)
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=\S)")
_TIME_OF_DAY = r"(?:\d{1,2}\s*(?:h|giờ)\s*(?:\d{1,2}\s*(?:phút|')?)?\s*,?\s*)?"
# A date is a deadline only when introduced as one: "vào ngày 15/3/2024" schedules an event.
_DEADLINE_LEAD = re.compile(
    r"(?:trước|chậm nhất(?: là)?|hạn chót|không quá|trước hoặc trong|trong|hạn)\s+"
    + _TIME_OF_DAY + r"(?:ngày\s*)?$"
)
# "Thời gian chậm nhất gửi báo cáo về … ngày 23/3/2026": the lead word stands earlier in the sentence.
_EARLIER_LEAD = re.compile(r"(?<![\wÀ-ỹ])(?:chậm nhất|hạn chót|thời hạn|trước)(?![\wÀ-ỹ])")
_MONTH = re.compile(r"(?:trong|trước|hết|cuối)\s+tháng\s+(?P<m>\d{1,2})\s*(?:/|năm)\s*(?P<y>\d{4})")
_PERIOD = re.compile(
    r"(?P<p>(?:định kỳ\s+)?(?:hằng|hàng)\s+(?:tháng|quý|năm|tuần|ngày)"
    r"|(?:định kỳ\s+)?(?:quý,\s*)?(?:6|sáu)\s+tháng\s*(?:,|và|/|,\s*và)\s*(?:01\s+|1\s+|cả\s+)?năm"
    r"|(?:sơ kết|tổng kết)\s+(?:6 tháng|sáu tháng|năm|giữa kỳ|cuối năm)"
    r"(?:\s*(?:,|và)\s*tổng kết\s+(?:năm|cuối năm))?"
    r"|định kỳ\s+(?:6 tháng|sáu tháng|quý|tháng|năm)"
    r"|định kỳ\s*(?:,|và)\s*(?:hằng\s+|cuối\s+)?năm"
    r"|(?:trước ngày\s+\d{1,2}\s+(?:hằng|hàng)\s+tháng))"
)
# A clause before the report's own ends at "," or " và " followed by at most a few words before
# "báo cáo" ("…tổ chức Hội nghị vào ngày 15/3/2024 và báo cáo …", "…, kịp thời báo cáo …"), unless
# all it says is when ("Định kỳ hằng quý, các đơn vị báo cáo …", "Trước ngày 15/12/2025, …") or the
# comma lists the verbs of one chain ("… lên phần mềm … để tổng hợp, báo cáo Chính phủ").
_CLAUSE_BREAK = re.compile(r"(?:[,;]|\s+và|\s+rồi)\s+")
_CHAIN_VERB = re.compile(r"(?<![\wÀ-ỹ])(?:tổng hợp|theo dõi|đánh giá|thống kê|hoàn thành|sơ kết|tổng kết|kiểm tra|"
                         r"đôn đốc|giám sát)$")
_BREAK_WORDS = 4
_TIME_ONLY = re.compile(
    r"^[\s\-–+•*]*(?:(?:định kỳ|hằng|hàng|mỗi|cuối|đầu|trước|chậm nhất(?: là)?|hạn chót|trong|sau|ngày|tháng|quý|"
    r"năm|tuần|và|sáu|giờ|phút|h|[\d/.\-]+)(?![\wÀ-ỹ])[\s,]*)+$"
)
_RECURRING = re.compile(
    r"trước ngày\s+(?P<dates>\d{1,2}/\d{1,2}(?:\s*(?:và|,)\s*\d{1,2}/\d{1,2})*)\s+(?:hằng|hàng)\s+năm"
)
# Where the recipient is named: after a preposition of direction, or right after "báo cáo" and
# at most a few words saying what is reported ("báo cáo kết quả Ủy ban nhân dân tỉnh").
_TO = re.compile(r"(?<![\wÀ-ỹ])(?:gửi về|gửi cho|gửi đến|gửi tới|gửi|về|cho|lên|đến|tới|với)\s+", re.IGNORECASE)
_AFTER_REPORT = re.compile(
    r"^\s*(?:(?:kết quả|tình hình|tổng hợp|nhanh|định kỳ|tổng kết|sơ kết|thực hiện|kịp thời|bằng văn bản|"
    r"xin ý kiến|đề xuất),?\s+){0,3}",
    re.IGNORECASE,
)
# Lower-case words and phrases that may stand inside a unit name ("Ủy ban nhân dân tỉnh", "cơ quan
# có thẩm quyền", "cấp ủy, chính quyền và Ủy ban MTTQ Việt Nam cấp trên"); any other lower-case
# word ends it ("UBND tỉnh tình hình …", "… tỉnh ngay sau khi …", "… tỉnh chậm nhất ngày …").
_NAME_PHRASES = (
    "cấp trên", "địa phương", "có thẩm quyền", "có liên quan", "liên quan", "nhân dân", "thành phố", "thị xã",
    "thị trấn", "đặc khu", "trung ương", "thường trực", "chuyên môn", "đoàn thể", "đơn vị", "cơ quan",
    "mặt trận", "tổ quốc", "hội đồng", "bầu cử", "phó chủ tịch", "chủ tịch", "giám đốc", "thủ tướng",
    "chính phủ", "văn phòng", "công an", "quân sự", "chỉ huy", "lãnh đạo", "tiểu ban", "cán bộ", "chính quyền",
    "ủy ban", "uỷ ban", "đảng ủy", "đảng uỷ", "đảng bộ", "chi bộ", "các cấp", "trực thuộc", "việt nam",
    "và", "các", "tỉnh", "huyện", "xã", "phường", "quận", "cấp", "thôn", "bản", "ấp", "sở", "ban", "ngành",
    "thuộc", "ủy", "uỷ",
)
_NAME_PHRASE = re.compile(r"(?:" + longest_first(_NAME_PHRASES) + r")(?![\wÀ-ỹ])")
_STOP = re.compile(
    r"(?:đồng thời|kết quả|tình hình|xem xét|nội dung|số liệu|kịp thời|đúng hạn|đầy đủ|đề xuất|ngay|chậm nhất|"
    r"trước|sau|theo|để|trong|khi|về|qua|tại|của|ngày|vào|bằng|nếu|thông qua|việc|những|một|mọi)(?![\wÀ-ỹ])"
)
_TOKEN = re.compile(r"[^\s,;:()]+|[,;:()]")


def unit_name(text: str) -> str | None:
    """The unit name that ``text`` opens with, or None: ``"UBND tỉnh tình hình và …"`` → ``"UBND tỉnh"``.

    The name runs over capitalised words, abbreviations and the lower-case words unit names are
    made of; it goes on after ``,`` only into another unit (``Ủy ban nhân dân tỉnh, Bộ Nội vụ``).
    """
    if not starts_with_unit(text):
        return None
    folded = fold(text)
    end = pos = 0
    after_capital = False
    while True:
        m = _TOKEN.search(text, pos)
        if m is None:
            break
        word = m.group(0)
        if word == ",":
            rest = text[m.end():].lstrip()
            if (rest[:1].isupper() or text[:1].islower()) and starts_with_unit(rest):
                pos = m.end()
                continue
            break
        if word in ";:()":
            break
        if word in ("-", "–"):  # "Hội đồng Thi đua - Khen thưởng tỉnh", "Phòng Văn hóa - Xã hội"
            rest = text[m.end():].lstrip()
            if rest[:1].isupper():
                pos = m.end()
                continue
            break
        phrase = _NAME_PHRASE.match(folded, m.start())
        bare = word.rstrip(".")
        if phrase and text[m.start()].islower():
            end = pos = phrase.end()
            after_capital = False
            continue
        # The second syllable of a capitalised word ("Nội vụ", "Thường trực", "Công an") unless it
        # opens what the sentence goes on with ("… Lâm Đồng xem xét", "… Quảng Ninh kết quả").
        verb = verb_at(text, m.start())
        second = (after_capital and bare[:1].islower() and not _STOP.match(folded, m.start())
                  and not (verb and " " in verb))
        if bare[:1].isupper() or bare[:1].isdigit() or second:
            end = m.start() + len(bare)
            pos = m.end()
            after_capital = not second
            if bare != word and len(bare) > 3:
                break  # a full stop after a word, not an abbreviation ("TP."): the sentence ends
            continue
        break
    name = re.sub(r"(?:\s+(?:và|các|cấp))+$", "", text[:end].strip(" ,.-–"))
    return name or None


_VIA = re.compile(r"\(\s*(?:thông\s+)?qua\s+(?P<v>[^)]{3,120})\)", re.IGNORECASE)
_VIA_BARE = re.compile(rf"(?<![\wÀ-ỹ(])(?:thông\s+)?qua\s+(?=[{UPPER}])")


def _clause_start(sentence: str, folded: str, report_at: int) -> int:
    """Where the clause that holds the report (at ``report_at``) begins in its sentence."""
    start = 0
    for m in _CLAUSE_BREAK.finditer(folded, 0, report_at):
        between = sentence[m.end():report_at].split()
        if (len(between) <= _BREAK_WORDS and not any(c.isdigit() for w in between for c in w)
                and not _TIME_ONLY.match(folded[start:m.start()]) and not _CHAIN_VERB.search(folded, 0, m.start())):
            start = m.end()
    return start


def _in_earlier_parentheses(folded: str, pos: int, report_at: int) -> bool:
    """Whether ``pos`` lies in a parenthesis closed before the report: an aside about something else."""
    opened = folded.rfind("(", 0, pos)
    closed = folded.find(")", pos)
    return opened != -1 and closed != -1 and folded.rfind(")", 0, pos) < opened and closed < report_at


def _deadline(sentence: str, folded: str, report_at: int = 0) -> tuple[dt.date | None, str | None, str | None]:
    """The reporting deadline in a sentence: a dated one, else a month (``trong tháng 11/2025``).

    Only dates in the report's own clause count, and only when introduced as a deadline. A clause
    may still give several steps their dates ("… kiểm tra chậm nhất trong tháng 6/2026 và báo cáo
    kết quả … chậm nhất trong tháng 8/2026"): the first date after *báo cáo* is the report's.
    """
    start = _clause_start(sentence, folded, report_at)
    found: list[tuple[int, tuple[dt.date | None, str | None, str | None]]] = []
    for m in DATE_PATTERN.finditer(sentence, start):
        before = folded[max(start, m.start() - 40): m.start()]
        earlier = (folded[: m.start()].rstrip().endswith("ngày")
                   and _EARLIER_LEAD.search(folded, start, m.start()))
        if _DEADLINE_LEAD.search(before) or earlier:
            value = date_from_match(m)
            found.append((m.start(), (value.value, value.text, value.problem)))
    if not found:
        for month in _MONTH.finditer(folded, start):
            year, mon = int(month.group("y")), int(month.group("m"))
            text = sentence[month.start(): month.end()]
            if 1 <= mon <= 12:
                found.append((month.start(), (dt.date(year, mon, calendar.monthrange(year, mon)[1]), text, None)))
            else:
                found.append((month.start(), (None, text, "impossible")))
    if not found:
        return None, None, None
    after = [f for f in found if f[0] >= report_at]
    return (after[0] if after else found[-1])[1]


def _chained_deadline(sentence: str, folded: str, report_at: int) -> tuple[dt.date | None, str | None, str | None]:
    """A completion deadline set just before the report and joined to it ("… hoàn thành trước ngày 31/12/2025 và
    tổng hợp báo cáo về Sở …"): the work, its report included, is done by then. Any other date of the earlier
    clause is that work's own ("Tổ chức Hội nghị trước ngày 15/3/2024 và báo cáo kết quả": the meeting's)."""
    start = _clause_start(sentence, folded, report_at)
    if start == 0 or not folded[:start].rstrip().endswith(("và", ",")):
        return None, None, None
    last: tuple[dt.date | None, str | None, str | None] = (None, None, None)
    for m in DATE_PATTERN.finditer(sentence, 0, start):
        if _COMPLETED_BY.search(folded[max(0, m.start() - 40): m.start()]):
            value = date_from_match(m)
            last = (value.value, value.text, value.problem)
    return last


def _recipient(sentence: str, report_start: int, report_end: int) -> str | None:
    rest = sentence[report_end:]
    candidates: list[tuple[int, str]] = []
    lead = _AFTER_REPORT.match(rest)
    after_lead = rest[lead.end():] if lead is not None else ""
    direct = unit_name(after_lead) if lead else None
    if direct and (after_lead[:1].isupper() or direct.lower().startswith(("các", "cấp", "cơ quan"))):
        candidates.append((0, direct))
    for m in _TO.finditer(sentence):
        if m.start() < report_start - 60 or m.start() > report_end + 160:
            continue
        who = unit_name(sentence[m.end():])
        if who:
            candidates.append((abs(m.start() - report_end), who))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]


def _via(sentence: str) -> str | None:
    m = _VIA.search(sentence)
    if m:
        # "(qua Sở Nội vụ để tổng hợp)": the unit, not what it does with the report.
        return re.split(r"\s+(?:để|trước|theo|chậm nhất|trong)(?![\wÀ-ỹ])|[,;]", m.group("v"))[0].strip()
    bare = _VIA_BARE.search(sentence)
    if bare:
        return unit_name(sentence[bare.end():])
    return None


_ASIDES = re.compile(r"\([^()]*\)")
# A period that opens the sentence, before the unit that reports (matched with asides blanked, spaces single).
_OPENING_PERIOD = re.compile(r"^[\s\-–+•*]*(?P<p>định kỳ\s+(?:6|sáu)\s+tháng\s*(?:và|,)?\s*(?:cả\s+)?năm|định kỳ\s+"
                             r"(?:hằng|hàng)\s+(?:tháng|quý|năm))")
_SPACES = re.compile(r"\s+")


def _period(sentence: str, folded: str, report_at: int) -> str | None:
    """The reporting period named in the report's own clause, outside asides about other things, or in a time
    phrase that opens the sentence ("Định kỳ 6 tháng, năm, Văn phòng tổng hợp tình hình, báo cáo …"; "Định kỳ 6
    tháng (trước ngày 15/6) và năm (trước ngày 15/12), các xã báo cáo …")."""
    bare = _ASIDES.sub(lambda m: " " * len(m.group()), folded)
    opening = _OPENING_PERIOD.match(_SPACES.sub(" ", bare))
    if opening and report_at > 0:
        return opening.group("p").strip()
    start = _clause_start(sentence, folded, report_at)
    for pattern in (_RECURRING, _PERIOD):
        for m in pattern.finditer(folded, start):
            if _in_earlier_parentheses(folded, m.start(), report_at):
                continue  # "(…, thông tin Mặt trận hàng quý) …, kịp thời báo cáo": a bulletin's period
            return f"hằng năm ({m.group('dates')})" if pattern is _RECURRING else m.group("p")
    return None


def find_duties(block: Block, path: list[str]) -> list[ReportingDuty]:
    """The reporting duties in one block, one per sentence that names one."""
    duties: list[ReportingDuty] = []
    text = block.text
    if not _CHEAP.search(fold(text)):
        return duties  # most blocks: no sentence to split and fold
    offset = 0
    for sentence in _SENTENCE.split(text):
        start = text.find(sentence, offset)
        offset = start + len(sentence)
        folded = fold(sentence)
        report = _REPORT.search(folded)
        delivered = report is None
        if delivered:
            report = _DELIVERY.search(folded)
        if not report:
            continue
        deadline, deadline_text, problem = _deadline(sentence, folded, report.start())
        if not deadline_text:
            deadline, deadline_text, problem = _chained_deadline(sentence, folded, report.start())
        relative = _RELATIVE.search(folded, _clause_start(sentence, folded, report.start()))
        if relative is None:  # a time limit that opens the sentence: "Chậm nhất 10 ngày sau đại hội, gửi hồ sơ …"
            opening = _RELATIVE.match(folded, len(folded) - len(folded.lstrip(" -–+•*")))
            relative = opening if opening is not None and opening.end() <= report.start() else None
        period = _period(sentence, folded, report.start())
        recipient = _recipient(sentence, report.start(), report.end())
        via = _via(sentence)
        if delivered and (not (deadline_text or relative) or not recipient):
            continue  # records sent with no time limit, or to no body ("kết quả … gửi đến thí sinh"): no report
        if not (deadline_text or relative or period or recipient or via or "theo quy định" in folded):
            continue
        duties.append(ReportingDuty(
            text=sentence.strip(),
            deadline=deadline,
            deadline_text=deadline_text,
            deadline_problem=problem,
            deadline_relative=sentence[relative.start(): relative.end()].strip() if relative else None,
            period=period,
            recipient=recipient,
            via=via,
            location=block.location(start, start + len(sentence), path),
        ))
    return duties
