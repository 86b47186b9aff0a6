"""has_parts — the document has the standard parts of its type.

A plan (*Kế hoạch*) is built as *I. Mục đích, yêu cầu* → *II. Nội dung* (or *Nhiệm vụ, giải pháp*) →
*III. Tổ chức thực hiện*. Other types are built otherwise: a guidance (*Hướng dẫn*) explains rules or a
procedure under headings of its own (*Hướng dẫn chung*, *Nội dung, trình tự, thủ tục* …), a programme
(*Chương trình*) lists its items by time. ``parts`` are the parts required of a plan and of any type that
``parts_by_type`` does not name; ``parts_by_type`` gives a type code (``HD``, ``CTr`` …, any case) its own
list, possibly empty. Each required part missing is a finding.

Cases:

* ``part-missing`` — a required part has no heading.

Params::

    parts: [purpose, content, implementation]   # any of: purpose, content, implementation, funding
    parts_by_type:                              # type code → its parts (default: none listed)
      HD: []                                    #   a guidance: no plan part is required
      ĐA: [content, implementation]

Passes::

    KẾ HOẠCH … I. MỤC ĐÍCH, YÊU CẦU … II. NỘI DUNG … III. TỔ CHỨC THỰC HIỆN …
    HƯỚNG DẪN … I. HƯỚNG DẪN CHUNG … II. TRÌNH TỰ, THỦ TỤC …   (with HD: [])

Fails::

    KẾ HOẠCH … I. MỤC ĐÍCH, YÊU CẦU … II. NỘI DUNG …   (no implementation part)
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field, field_validator

from checker.kinds.base import Message, Params, Problem
from checker.model.plan import Plan
from checker.text.symbols import TYPE_CODES

NAME = "has_parts"
DOC_VI = """has_parts — văn bản có đủ các phần theo bố cục chuẩn của loại văn bản đó.

Một kế hoạch được bố cục gồm *I. Mục đích, yêu cầu* → *II. Nội dung* (hoặc *Nhiệm vụ, giải pháp*) →
*III. Tổ chức thực hiện*. Các loại văn bản khác có bố cục khác: hướng dẫn trình bày quy định hay thủ tục theo
các mục riêng (*Hướng dẫn chung*, *Nội dung, trình tự, thủ tục* …), chương trình liệt kê các việc theo thời
gian. ``parts`` là các phần bắt buộc đối với kế hoạch và mọi loại văn bản không có trong ``parts_by_type``;
``parts_by_type`` cho một mã loại văn bản (``HD``, ``CTr`` …, không phân biệt hoa thường) danh sách phần bắt
buộc riêng, có thể rỗng. Mỗi phần bắt buộc bị thiếu được ghi nhận thành một vấn đề.

Các trường hợp:

* ``part-missing`` — một phần bắt buộc không có tiêu đề.

Tham số::

    parts: [purpose, content, implementation]   # một hoặc nhiều trong: purpose, content, implementation, funding
                                                #   (mục đích, yêu cầu; nội dung; tổ chức thực hiện; kinh phí)
    parts_by_type:                              # mã loại văn bản → các phần bắt buộc (mặc định: không có)
      HD: []                                    #   hướng dẫn: không bắt buộc phần nào của kế hoạch
      ĐA: [content, implementation]

Đạt::

    KẾ HOẠCH … I. MỤC ĐÍCH, YÊU CẦU … II. NỘI DUNG … III. TỔ CHỨC THỰC HIỆN …
    HƯỚNG DẪN … I. HƯỚNG DẪN CHUNG … II. TRÌNH TỰ, THỦ TỤC …   (với HD: [])

Không đạt::

    KẾ HOẠCH … I. MỤC ĐÍCH, YÊU CẦU … II. NỘI DUNG …   (không có phần tổ chức thực hiện)
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
    parts_by_type: dict[str, list[PartName]] = Field(default_factory=dict)

    @field_validator("parts_by_type")
    @classmethod
    def _known_types(cls, value: dict[str, list[PartName]]) -> dict[str, list[PartName]]:
        unknown = sorted(code for code in value if code.upper() not in TYPE_CODES)
        if unknown:
            raise ValueError(f"unknown document type code(s) {', '.join(unknown)}; "
                             f"allowed: {', '.join(TYPE_CODES.values())}")
        return value

    def required(self, doc_type: str | None) -> list[PartName]:
        """The parts required of a document of type ``doc_type`` (a code such as ``KH``, or None)."""
        code = (doc_type or "").upper()
        return next((parts for key, parts in self.parts_by_type.items() if key.upper() == code), self.parts)


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
    for part in params.required(plan.doc_type):
        if getattr(plan.parts, part) is None:
            vi, en = _LABELS[part]
            yield Problem("part-missing", {"part": part, "label": vi, "label_en": en})
