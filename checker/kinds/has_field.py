"""has_field — a formal element of the document is present: its own date, number-symbol, signer or recipients.

One kind serves three structural rules of the default pack (``has-own-date``, ``has-signer``,
``has-recipients``): what differs is data (``params.field``), not code.

Cases:

* ``field-missing`` — the element is absent.
* ``field-invalid`` — the plan's own date does not exist (``ngày 30 tháng 02 năm 2023``).
* ``field-incomplete`` (warning) — the plan's date is left blank in part (``ngày … tháng 01 năm 2026``),
  the signer has no name, or the number is left blank (``Số: /KH-UBND``). A signature block showing only the
  title is complete when an intact digital signature of the PDF names a person (the name is then an image).

Params::

    field: date        # one of: date, signer, recipients, number_symbol

Passes (``field: date``)::

    Vĩnh Linh, ngày 20 tháng 02 năm 2023

Fails::

    (a copy without the place-and-date line)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from checker.kinds.base import Message, Params, Problem
from checker.kinds.digital_signature import names_person
from checker.model.plan import Plan

NAME = "has_field"
DOC_VI = """has_field — văn bản có một thành phần thể thức: ngày ban hành, số ký hiệu, người ký hoặc nơi nhận.

Một loại quy tắc dùng cho ba quy tắc về thể thức trong bộ quy tắc mặc định (``has-own-date``, ``has-signer``,
``has-recipients``): chỗ khác nhau là dữ liệu (``params.field``), không phải mã nguồn.

Các trường hợp:

* ``field-missing`` — văn bản thiếu thành phần này.
* ``field-invalid`` — ngày ban hành của kế hoạch không có thật (``ngày 30 tháng 02 năm 2023``).
* ``field-incomplete`` (cảnh báo) — ngày ban hành của kế hoạch bị bỏ trống một phần
  (``ngày … tháng 01 năm 2026``), người ký không có họ tên, hoặc số văn bản bị bỏ trống (``Số: /KH-UBND``).
  Phần chữ ký chỉ ghi chức vụ vẫn đủ khi tệp PDF có chữ ký số nguyên vẹn đứng tên một người (họ tên khi đó là
  hình ảnh).

Tham số::

    field: date        # một trong: date, signer, recipients, number_symbol

Đạt (``field: date``)::

    Vĩnh Linh, ngày 20 tháng 02 năm 2023

Không đạt::

    (bản không có dòng địa danh và ngày, tháng, năm ban hành)
"""

_LABELS = {
    "date": ("ngày ban hành", "date of issue"),
    "signer": ("người ký (thẩm quyền, chức vụ, họ tên)", "signer (authority, title, name)"),
    "recipients": ("nơi nhận", "recipients ('Nơi nhận')"),
    "number_symbol": ("số, ký hiệu", "number-symbol"),
}


class HasFieldParams(Params):
    field: Literal["date", "signer", "recipients", "number_symbol"]


PARAMS = HasFieldParams

MESSAGES = {
    "field-missing": Message(
        "Văn bản không có {label}.",
        "The document has no {label_en}.",
        "Bổ sung {label} theo thể thức văn bản.",
        "Add the {label_en} as the document format requires.",
    ),
    "field-invalid": Message(
        "{label_cap} «{value}» không phải là ngày có thật.",
        "The {label_en} '{value}' is not a real date.",
        "Sửa lại {label}.",
        "Correct the {label_en}.",
    ),
    "field-incomplete": Message(
        "{label_cap} chưa đầy đủ: «{value}».",
        "The {label_en} is incomplete: '{value}'.",
        "Điền đầy đủ {label}.",
        "Fill in the {label_en}.",
    ),
}


def check(plan: Plan, params: HasFieldParams) -> Iterator[Problem]:
    vi, en = _LABELS[params.field]
    args = {"label": vi, "label_en": en, "label_cap": vi[:1].upper() + vi[1:]}
    if params.field == "date":
        if plan.date_text is None:
            yield Problem("field-missing", args)
        elif plan.date_problem == "impossible":
            yield Problem("field-invalid", {**args, "value": plan.date_text})
        elif plan.date is None:
            yield Problem("field-incomplete", {**args, "value": plan.date_text}, level="warning")
    elif params.field == "signer":
        if plan.signer is None:
            yield Problem("field-missing", args)
        elif not plan.signer.name and not any(s.intact and names_person(s) for s in plan.signatures):
            # A block showing only the title (the name is an image) is complete when a valid digital signature
            # names the person who signed.
            written = " / ".join(p for p in (plan.signer.authority, plan.signer.title) if p)
            yield Problem("field-incomplete", {**args, "value": written},
                          level="warning", location=plan.signer.location)
    elif params.field == "recipients":
        if not plan.recipients:
            yield Problem("field-missing", args)
    elif plan.symbol_parts is None:
        yield Problem("field-missing", args)
    elif plan.symbol_parts.number is None:
        yield Problem("field-incomplete", {**args, "value": plan.symbol_parts.raw}, level="warning")
