"""count_range — how many of something the plan has must lie in a range.

What is counted:

* ``tasks`` — duties assigned in the implementation part (and task tables);
* ``tasks-with-unit`` — those with a named responsible unit (not only "các cơ quan, đơn vị liên quan");
* ``reporting`` — reporting duties; ``recipients`` — lines of *Nơi nhận*;
* ``basis`` — citations in the basis clause; ``citations`` — all numbered citations;
* ``sections`` — numbered headings at every depth (``I.``, ``1.``, ``1.1``, ``a)``; bullets ``-``/``+``
  are list items and do not count); ``top-sections`` — the outermost ones (``I.``, ``II.``, …).
  Headings in *Nơi nhận* and the signature are not sections of the plan.

Cases:

* ``count-out-of-range`` — the count is below ``min`` or above ``max`` (document-wide).

Params::

    count: tasks-with-unit   # tasks, tasks-with-unit, reporting, recipients, basis, citations,
                             #   sections, top-sections
    min: 3                   # optional, at least 0
    max: 30                  # optional; give min, max or both (min ≤ max)

Passes (``count: top-sections``, ``min: 3``)::

    I. MỤC ĐÍCH, YÊU CẦU … II. NỘI DUNG … III. TỔ CHỨC THỰC HIỆN …

Fails::

    I. MỤC ĐÍCH, YÊU CẦU … II. NỘI DUNG VÀ TỔ CHỨC THỰC HIỆN …
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from checker.kinds.base import Message, Params, Problem
from checker.model.plan import Plan, Section

NAME = "count_range"
DOC_VI = """count_range — số lượng một thành phần nào đó của kế hoạch phải nằm trong một khoảng cho trước.

Các đối tượng được đếm:

* ``tasks`` — nhiệm vụ được giao trong phần tổ chức thực hiện (và trong bảng phân công nhiệm vụ);
* ``tasks-with-unit`` — những nhiệm vụ có nêu tên đơn vị chịu trách nhiệm (không chỉ "các cơ quan, đơn vị
  liên quan");
* ``reporting`` — yêu cầu báo cáo; ``recipients`` — các dòng của *Nơi nhận*;
* ``basis`` — văn bản được dẫn trong phần căn cứ; ``citations`` — mọi văn bản có số, ký hiệu được dẫn;
* ``sections`` — tiêu đề có đánh số ở mọi cấp (``I.``, ``1.``, ``1.1``, ``a)``; gạch đầu dòng ``-``/``+``
  là ý liệt kê và không được tính); ``top-sections`` — các tiêu đề ở cấp ngoài cùng (``I.``, ``II.``, …).
  Các tiêu đề trong *Nơi nhận* và phần ký không phải là mục của kế hoạch.

Các trường hợp:

* ``count-out-of-range`` — số đếm được nhỏ hơn ``min`` hoặc lớn hơn ``max`` (một vấn đề cho cả văn bản).

Tham số::

    count: tasks-with-unit   # tasks, tasks-with-unit, reporting, recipients, basis, citations,
                             #   sections, top-sections
    min: 3                   # không bắt buộc, ít nhất là 0
    max: 30                  # không bắt buộc; cho min, max hoặc cả hai (min ≤ max)

Đạt (``count: top-sections``, ``min: 3``)::

    I. MỤC ĐÍCH, YÊU CẦU … II. NỘI DUNG … III. TỔ CHỨC THỰC HIỆN …

Không đạt::

    I. MỤC ĐÍCH, YÊU CẦU … II. NỘI DUNG VÀ TỔ CHỨC THỰC HIỆN …
"""

_LABELS = {
    "tasks": ("nhiệm vụ", "tasks"),
    "tasks-with-unit": ("nhiệm vụ có đơn vị chịu trách nhiệm", "tasks with a responsible unit"),
    "reporting": ("yêu cầu báo cáo", "reporting duties"),
    "recipients": ("nơi nhận", "recipients"),
    "basis": ("văn bản căn cứ", "basis citations"),
    "citations": ("văn bản được dẫn", "cited documents"),
    "sections": ("mục", "sections"),
    "top-sections": ("mục lớn", "top-level sections"),
}
_BULLET_LEVEL = 5  # "-" and "+" items are list items, not sections
_OUTSIDE = {"header", "recipients", "signature"}


class CountRangeParams(Params):
    count: Literal["tasks", "tasks-with-unit", "reporting", "recipients", "basis", "citations", "sections",
                   "top-sections"]
    min: int | None = Field(None, ge=0)
    max: int | None = Field(None, ge=0, validate_default=True)

    @field_validator("max")
    @classmethod
    def _a_range(cls, value: int | None, info: ValidationInfo) -> int | None:
        if "min" not in info.data:
            return value  # 'min' itself is invalid and already reported
        low = info.data["min"]
        if value is None and low is None:
            raise ValueError("give 'min', 'max' or both")
        if value is not None and low is not None and low > value:
            raise ValueError(f"'max' ({value}) is below 'min' ({low})")
        return value


PARAMS = CountRangeParams

MESSAGES = {
    "count-out-of-range": Message(
        "Văn bản có {count} {label}, trong khi cần {range}.",
        "The document has {count} {label}; {range} expected.",
        "{action} {label} (cần {range}).",
        "{action} {label}: {range} expected.",
    ),
}


def _sections(plan: Plan, sections: list[Section], top_only: bool) -> Iterator[Section]:
    for section in sections:
        part = plan.block_parts[section.block] if section.block < len(plan.block_parts) else "other"
        if section.level < _BULLET_LEVEL and part not in _OUTSIDE:
            yield section
        if not top_only:
            yield from _sections(plan, section.children, top_only)


def count(plan: Plan, what: str) -> int:
    """How many of ``what`` (a ``count`` param value) the plan has."""
    if what == "tasks-with-unit":
        return sum(1 for t in plan.tasks if t.units and not t.vague)
    if what in ("sections", "top-sections"):
        return sum(1 for _ in _sections(plan, plan.sections, top_only=what == "top-sections"))
    return len(getattr(plan, what))


def check(plan: Plan, params: CountRangeParams) -> Iterator[Problem]:
    found = count(plan, params.count)
    low, high = params.min, params.max
    if (low is None or found >= low) and (high is None or found <= high):
        return
    if low is not None and high is not None:
        wanted = {"vi": f"từ {low} đến {high}", "en": f"between {low} and {high}"}
    elif low is not None:
        wanted = {"vi": f"ít nhất {low}", "en": f"at least {low}"}
    else:
        wanted = {"vi": f"nhiều nhất {high}", "en": f"at most {high}"}
    too_few = low is not None and found < low
    vi, en = _LABELS[params.count]
    yield Problem("count-out-of-range", {
        "count": found, "range": wanted, "label": {"vi": vi, "en": en},
        "action": {"vi": "Bổ sung" if too_few else "Rút bớt", "en": "Add" if too_few else "Cut down the"},
    })
