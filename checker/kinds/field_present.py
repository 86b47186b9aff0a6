"""field_present — a field of the extracted plan is present and not empty, and optionally has a given value.

``field`` names what plancheck extracted: the document type (``KH``, ``HD``, ``CTr`` …), number-symbol,
issuer, date of issue, title, basis citations, tasks, reporting duties, recipients or signer (or the
signer's name or authority line alone). A list is present when it has at least one item. On a text
field, ``equals`` compares folded values (case, spacing and tone placement ignored) and ``matches``
searches the folded value with a regular expression, case-insensitively.

Cases:

* ``field-missing`` — the field is absent or empty.
* ``field-mismatch`` — the field is present but does not equal / match the expected value.

Params::

    field: doc_type        # doc_type, number_symbol, issuer, date, title, basis, tasks, reporting,
                           #   recipients, signer, signer.name, signer.authority
    equals: KH             # optional, text fields only
    matches: '^\\d+/kh-'    # optional regex, text fields only (give equals or matches, not both)

Passes (``field: doc_type``, ``equals: KH``)::

    KẾ HOẠCH
    Hoạt động thông tin đối ngoại trên địa bàn huyện Vạn Ninh năm 2019

Fails::

    HƯỚNG DẪN
    Công tác thông tin đối ngoại năm 2023
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import ValidationInfo, field_validator

from checker.kinds.base import Message, Params, Problem, quote
from checker.model.document import Location
from checker.model.plan import Plan
from checker.text.normalize import fold, squash

NAME = "field_present"
DOC_VI = """field_present — một trường đã trích xuất từ kế hoạch có mặt, không rỗng, và (tùy chọn) có giá trị cho trước.

``field`` chỉ thông tin mà plancheck đã trích xuất: loại văn bản (``KH``, ``HD``, ``CTr`` …), số, ký hiệu,
cơ quan ban hành, ngày ban hành, trích yếu, các văn bản căn cứ, nhiệm vụ, yêu cầu báo cáo, nơi nhận hoặc người
ký (hoặc riêng họ tên, hay riêng dòng thẩm quyền ký của người ký). Một danh sách được coi là có mặt khi có ít
nhất một phần tử. Với trường dạng chữ, ``equals`` so sánh các giá trị đã chuẩn hóa (bỏ qua chữ hoa/thường,
khoảng trắng và cách đặt dấu thanh), còn ``matches`` tìm trong giá trị đã chuẩn hóa bằng một biểu thức chính
quy, không phân biệt chữ hoa/thường.

Các trường hợp:

* ``field-missing`` — trường không có hoặc rỗng.
* ``field-mismatch`` — trường có mặt nhưng không bằng / không khớp với giá trị mong đợi.

Tham số::

    field: doc_type        # doc_type, number_symbol, issuer, date, title, basis, tasks, reporting,
                           #   recipients, signer, signer.name, signer.authority
    equals: KH             # không bắt buộc, chỉ dùng cho trường dạng chữ
    matches: '^\\d+/kh-'    # biểu thức chính quy, không bắt buộc, chỉ dùng cho trường dạng chữ
                           #   (cho equals hoặc matches, không cho cả hai)

Đạt (``field: doc_type``, ``equals: KH``)::

    KẾ HOẠCH
    Hoạt động thông tin đối ngoại trên địa bàn huyện Vạn Ninh năm 2019

Không đạt::

    HƯỚNG DẪN
    Công tác thông tin đối ngoại năm 2023
"""

_TEXT_FIELDS = ("doc_type", "number_symbol", "issuer", "title", "signer.name", "signer.authority")
_LABELS = {
    "doc_type": ("loại văn bản", "document type"),
    "number_symbol": ("số, ký hiệu", "number-symbol"),
    "issuer": ("cơ quan ban hành", "issuing body"),
    "date": ("ngày ban hành", "date of issue"),
    "title": ("trích yếu (tên văn bản)", "title"),
    "basis": ("căn cứ ban hành", "basis citations"),
    "tasks": ("nhiệm vụ giao cho cơ quan, đơn vị", "assigned tasks"),
    "reporting": ("chế độ báo cáo", "reporting duty"),
    "recipients": ("nơi nhận", "recipients"),
    "signer": ("người ký", "signer"),
    "signer.name": ("họ tên người ký", "signer's name"),
    "signer.authority": ("thẩm quyền ký (TM., KT., …)", "signing authority (TM., KT., …)"),
}
FieldName = Literal["doc_type", "number_symbol", "issuer", "date", "title", "basis", "tasks", "reporting",
                    "recipients", "signer", "signer.name", "signer.authority"]


class FieldPresentParams(Params):
    field: FieldName
    equals: str | None = None
    matches: str | None = None

    @field_validator("equals", "matches")
    @classmethod
    def _text_field_only(cls, value: str | None, info: ValidationInfo) -> str | None:
        name = info.data.get("field")
        if value is not None and name is not None and name not in _TEXT_FIELDS:
            raise ValueError(f"'{info.field_name}' applies only to text fields ({', '.join(_TEXT_FIELDS)}), "
                             f"not to '{name}'")
        if info.field_name == "matches" and value is not None:
            if info.data.get("equals") is not None:
                raise ValueError("give 'equals' or 'matches', not both")
            try:
                re.compile(value, re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"'{value}' is not a valid regular expression: {exc}") from exc
        return value


PARAMS = FieldPresentParams

MESSAGES = {
    "field-missing": Message(
        "Văn bản không có {label}.",
        "The document has no {label_en}.",
        "Bổ sung {label}.",
        "Add the {label_en}.",
    ),
    "field-mismatch": Message(
        "{label_cap} là «{value}», nhưng phải {expected}.",
        "The {label_en} is '{value}'; it must {expected}.",
        "Sửa {label} cho đúng.",
        "Correct the {label_en}.",
    ),
}


def _value(plan: Plan, name: str) -> Any:
    if name.startswith("signer."):
        return getattr(plan.signer, name.split(".", 1)[1]) if plan.signer else None
    return getattr(plan, name)


def _locate(plan: Plan, name: str, value: str) -> tuple[Location | None, str]:
    """Where a text field is written and the text there: the signer's block, else the first block
    containing it (the title line for the document type, the number line for the number-symbol)."""
    if name.startswith("signer") and plan.signer is not None:
        return plan.signer.location, value
    written = {"doc_type": plan.doc_type_name,
               "number_symbol": plan.symbol_parts.raw if plan.symbol_parts else None}.get(name, value)
    needle = squash(written or "")
    block = next((b for b in plan.blocks if needle and needle in squash(b.text)), None)
    return (block.location(), quote(block.text)) if block else (None, value)


def check(plan: Plan, params: FieldPresentParams) -> Iterator[Problem]:
    vi, en = _LABELS[params.field]
    args: dict[str, Any] = {"label": vi, "label_en": en, "label_cap": vi[:1].upper() + vi[1:]}
    value = _value(plan, params.field)
    if value is None or (isinstance(value, str) and not value.strip()) or value == []:
        yield Problem("field-missing", args)
        return
    if params.equals is not None and squash(value) != squash(params.equals):
        expected = {"vi": f"là «{params.equals}»", "en": f"be '{params.equals}'"}
    elif params.matches is not None and not re.search(params.matches, fold(value), re.IGNORECASE):
        expected = {"vi": f"khớp mẫu «{params.matches}»", "en": f"match the pattern '{params.matches}'"}
    else:
        return
    location, evidence = _locate(plan, params.field, value)
    yield Problem("field-mismatch", {**args, "value": value, "expected": expected},
                  location=location, evidence=evidence)
