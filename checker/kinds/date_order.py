"""date_order — one date of the plan must come before (or after) another.

Each side is one of:

* ``plan-date`` — the plan's own date of issue;
* ``first-deadline`` / ``last-deadline`` — the earliest / latest reporting deadline;
* ``parent-citation`` — the date with which the plan cites the directive ``symbol`` (in the basis
  clause, else anywhere in the text);
* a calendar date ``YYYY-MM-DD``.

``max_days`` also bounds the gap between the two dates (e.g. a plan issued at most 30 days after
its directive).

Cases:

* ``date-order`` — the dates are in the wrong order.
* ``date-too-far`` — they are in order but more than ``max_days`` apart.
* ``date-unknown`` (info) — one side cannot be found (no deadline, directive not cited or undated).

Params::

    date: first-deadline       # plan-date | first-deadline | last-deadline | parent-citation | YYYY-MM-DD
    must_be: on-or-before      # before | after | on-or-before | on-or-after
    other: 2026-12-15          # same choices as date
    symbol: 93-HD/BTGTU        # required when a side is parent-citation
    max_days: 30               # optional, at least 0

Passes (``date: plan-date``, ``must_be: after``, ``other: parent-citation``, ``symbol: 93-HD/BTGTU``)::

    Vĩnh Linh, ngày 20 tháng 02 năm 2023 … Thực hiện Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 …

Fails::

    Vĩnh Linh, ngày 10 tháng 02 năm 2023 … Thực hiện Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 …
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from checker.kinds.base import Message, Params, Problem, quote
from checker.model.document import Location
from checker.model.plan import Plan
from checker.text.symbols import parse_symbol, same_document

NAME = "date_order"
DOC_VI = """date_order — một ngày của kế hoạch phải trước (hoặc sau) một ngày khác.

Mỗi vế là một trong các giá trị:

* ``plan-date`` — ngày ban hành của chính kế hoạch;
* ``first-deadline`` / ``last-deadline`` — thời hạn báo cáo sớm nhất / muộn nhất;
* ``parent-citation`` — ngày được ghi khi kế hoạch dẫn văn bản ``symbol`` (trong phần căn cứ, nếu không có
  thì ở bất kỳ đâu trong văn bản);
* một ngày cụ thể ``YYYY-MM-DD``.

``max_days`` còn giới hạn khoảng cách giữa hai ngày (ví dụ kế hoạch được ban hành chậm nhất 30 ngày sau văn bản
chỉ đạo).

Các trường hợp:

* ``date-order`` — hai ngày sai thứ tự.
* ``date-too-far`` — hai ngày đúng thứ tự nhưng cách nhau hơn ``max_days`` ngày.
* ``date-unknown`` (thông tin) — không xác định được một trong hai vế (không có thời hạn báo cáo, văn bản không
  được dẫn hoặc được dẫn mà không ghi ngày).

Tham số::

    date: first-deadline       # plan-date | first-deadline | last-deadline | parent-citation | YYYY-MM-DD
    must_be: on-or-before      # before | after | on-or-before | on-or-after
                               #   (trước | sau | trước hoặc cùng ngày | sau hoặc cùng ngày)
    other: 2026-12-15          # các lựa chọn như date
    symbol: 93-HD/BTGTU        # bắt buộc khi một vế là parent-citation
    max_days: 30               # không bắt buộc, ít nhất là 0

Đạt (``date: plan-date``, ``must_be: after``, ``other: parent-citation``, ``symbol: 93-HD/BTGTU``)::

    Vĩnh Linh, ngày 20 tháng 02 năm 2023 … Thực hiện Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 …

Không đạt::

    Vĩnh Linh, ngày 10 tháng 02 năm 2023 … Thực hiện Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 …
"""

_KEYWORDS = ("plan-date", "first-deadline", "last-deadline", "parent-citation")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_RELATIONS = {
    "before": ("phải trước", "must be before"),
    "after": ("phải sau", "must be after"),
    "on-or-before": ("không được sau", "must be on or before"),
    "on-or-after": ("không được trước", "must be on or after"),
}
_LABELS = {
    "plan-date": ("ngày ban hành kế hoạch", "the plan's date"),
    "first-deadline": ("thời hạn báo cáo sớm nhất", "the earliest reporting deadline"),
    "last-deadline": ("thời hạn báo cáo muộn nhất", "the latest reporting deadline"),
}


class DateOrderParams(Params):
    date: str | dt.date
    must_be: Literal["before", "after", "on-or-before", "on-or-after"]
    other: str | dt.date
    symbol: str | None = Field(None, validate_default=True)
    max_days: int | None = Field(None, ge=0)

    @field_validator("date", "other", mode="before")
    @classmethod
    def _operand(cls, value: object) -> str | dt.date:
        if isinstance(value, dt.datetime):
            raise ValueError("give a date without a time, as YYYY-MM-DD")
        if isinstance(value, dt.date) or value in _KEYWORDS:
            return value
        if isinstance(value, str) and _ISO.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError as exc:
                raise ValueError(f"'{value}' is not a real date") from exc
        raise ValueError(f"'{value}' is not one of {', '.join(_KEYWORDS)} or a date YYYY-MM-DD")

    @field_validator("symbol")
    @classmethod
    def _symbol(cls, value: str | None, info: ValidationInfo) -> str | None:
        cites = "parent-citation" in (info.data.get("date"), info.data.get("other"))
        if cites and value is None:
            raise ValueError("'parent-citation' needs 'symbol', the cited directive's number-symbol")
        if value is not None and parse_symbol(value) is None:
            raise ValueError(f"'{value}' is not a number-symbol such as 93-HD/BTGTU or 368/QĐ-TTg")
        if value is not None and not cites and {"date", "other"} <= set(info.data):
            raise ValueError("'symbol' is used only when 'date' or 'other' is 'parent-citation'")
        return value


PARAMS = DateOrderParams

MESSAGES = {
    "date-order": Message(
        "{date_cap} {relation} {other}.",
        "{date_cap} {relation} {other}.",
        "Kiểm tra lại hai ngày này.",
        "Check these two dates.",
    ),
    "date-too-far": Message(
        "{date_cap} cách {other} {days} ngày, quá {max_days} ngày.",
        "{date_cap} is {days} days from {other}, more than {max_days}.",
        "Kiểm tra lại hai ngày này.",
        "Check these two dates.",
    ),
    "date-unknown": Message(
        "Không so sánh được ngày: không xác định được {missing}.",
        "The dates cannot be compared: {missing} is unknown.",
    ),
}


@dataclass(frozen=True)
class _Side:
    vi: str
    en: str
    value: dt.date | None
    location: Location | None = None
    evidence: str | None = None
    literal: bool = False


def _fmt(date: dt.date) -> str:
    return date.strftime("%d/%m/%Y")


def _side(plan: Plan, operand: str | dt.date, symbol: str | None) -> _Side:
    if isinstance(operand, dt.date):
        return _Side(f"ngày {_fmt(operand)}", _fmt(operand), operand, literal=True)
    if operand == "plan-date":
        written = plan.date_text or "\0"
        block = next((b for b in plan.blocks if written in b.text), None)
        start = block.text.index(written) if block else 0
        return _Side(*_LABELS[operand], plan.date, block.location(start, start + len(written)) if block else None,
                     plan.date_text)
    if operand == "parent-citation":
        wanted = parse_symbol(symbol or "")
        found = [c for c in [*plan.basis, *plan.citations]
                 if wanted is not None and c.symbol_parts and same_document(c.symbol_parts, wanted)]
        cited = next((c for c in found if c.date), found[0] if found else None)
        name = wanted.canonical if wanted else symbol
        return _Side(f"ngày của văn bản {name}", f"the date of {name}", cited.date if cited else None,
                     cited.location if cited else None, cited.text if cited else None)
    duties = sorted((r for r in plan.reporting if r.deadline), key=lambda r: r.deadline or dt.date.min)
    duty = (duties[0] if operand == "first-deadline" else duties[-1]) if duties else None
    return _Side(*_LABELS[operand], duty.deadline if duty else None, duty.location if duty else None,
                 quote(duty.text) if duty else None)


def _phrase(side: _Side, cap: bool = False) -> dict[str, str]:
    vi, en = (side.vi, side.en) if side.literal or side.value is None else (
        f"{side.vi} ({_fmt(side.value)})", f"{side.en} ({_fmt(side.value)})")
    return {"vi": vi[:1].upper() + vi[1:], "en": en[:1].upper() + en[1:]} if cap else {"vi": vi, "en": en}


def check(plan: Plan, params: DateOrderParams) -> Iterator[Problem]:
    first, second = _side(plan, params.date, params.symbol), _side(plan, params.other, params.symbol)
    where = first if first.location else second
    for side in (first, second):
        if side.value is None:
            yield Problem("date-unknown", {"missing": {"vi": side.vi, "en": side.en}}, level="info",
                          location=side.location, evidence=side.evidence)
            return
    a, b = first.value, second.value
    assert a is not None and b is not None
    ok = {"before": a < b, "after": a > b, "on-or-before": a <= b, "on-or-after": a >= b}[params.must_be]
    vi, en = _RELATIONS[params.must_be]
    args = {"date": _phrase(first), "date_cap": _phrase(first, cap=True), "other": _phrase(second),
            "relation": {"vi": vi, "en": en}}
    if not ok:
        yield Problem("date-order", args, location=where.location, evidence=where.evidence)
    elif params.max_days is not None and abs((a - b).days) > params.max_days:
        yield Problem("date-too-far", {**args, "days": abs((a - b).days), "max_days": params.max_days},
                      location=where.location, evidence=where.evidence)
