"""has_parts — the plan has the standard parts a reviewer expects.

A plan is built as *I. Mục đích, yêu cầu* → *II. Nội dung* (or *Nhiệm vụ, giải pháp*) →
*III. Tổ chức thực hiện*. Each required part missing is a finding.

Cases:

* ``part-missing`` — a required part has no heading.

Params::

    parts: [purpose, content, implementation]   # any of: purpose, content, implementation, funding

Passes::

    I. MỤC ĐÍCH, YÊU CẦU … II. NỘI DUNG … III. TỔ CHỨC THỰC HIỆN …

Fails::

    I. MỤC ĐÍCH, YÊU CẦU … II. NỘI DUNG …   (no implementation part)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from checker.kinds.base import Message, Params, Problem
from checker.model.plan import Plan

NAME = "has_parts"
DOC_VI = """has_parts — kế hoạch có đủ các phần theo bố cục chuẩn mà người rà soát mong đợi.

Một kế hoạch được bố cục gồm *I. Mục đích, yêu cầu* → *II. Nội dung* (hoặc *Nhiệm vụ, giải pháp*) →
*III. Tổ chức thực hiện*. Mỗi phần bắt buộc bị thiếu được ghi nhận thành một vấn đề.

Các trường hợp:

* ``part-missing`` — một phần bắt buộc không có tiêu đề.

Tham số::

    parts: [purpose, content, implementation]   # một hoặc nhiều trong: purpose, content, implementation, funding
                                                #   (mục đích, yêu cầu; nội dung; tổ chức thực hiện; kinh phí)

Đạt::

    I. MỤC ĐÍCH, YÊU CẦU … II. NỘI DUNG … III. TỔ CHỨC THỰC HIỆN …

Không đạt::

    I. MỤC ĐÍCH, YÊU CẦU … II. NỘI DUNG …   (không có phần tổ chức thực hiện)
"""

PartName = Literal["purpose", "content", "implementation", "funding"]
_LABELS = {
    "purpose": ("Mục đích, yêu cầu", "Purpose and requirements"),
    "content": ("Nội dung / Nhiệm vụ, giải pháp", "Content / tasks and measures"),
    "implementation": ("Tổ chức thực hiện", "Implementation"),
    "funding": ("Kinh phí", "Funding"),
}


def _standard_parts() -> list[PartName]:
    return ["purpose", "content", "implementation"]


class HasPartsParams(Params):
    parts: list[PartName] = Field(default_factory=_standard_parts, min_length=1)


PARAMS = HasPartsParams

MESSAGES = {
    "part-missing": Message(
        "Thiếu phần «{label}».",
        "The part '{label_en}' is missing.",
        "Thêm mục «{label}» với tiêu đề số La Mã (I., II., III.).",
        "Add a '{label}' section with a Roman-numbered heading (I., II., III.).",
    ),
}


def check(plan: Plan, params: HasPartsParams) -> Iterator[Problem]:
    for part in params.parts:
        if getattr(plan.parts, part) is None:
            vi, en = _LABELS[part]
            yield Problem("part-missing", {"part": part, "label": vi, "label_en": en})
