"""is_plan — the document is a plan-like administrative document at all.

plancheck reads *Kế hoạch*, *Hướng dẫn*, *Chương trình* and similar documents that hand out work.
A news article or a web page has no document-type title (``KẾ HOẠCH``, ``HƯỚNG DẪN`` …) and is reported as
such; the other rules are not run on it. A document of another type (a letter — *công văn*, recognised by its
``V/v …`` line or a symbol without a type code —, a decision, a Công điện) is said to be that type, not a plan;
the other rules still run on it, since such documents also hand out tasks and reporting deadlines.

Cases:

* ``not-a-plan`` — the text is no administrative document (no type title, symbol or letter form).
* ``unexpected-type`` (warning) — the document is of a type outside ``params.types``: "Văn bản là công văn
  (CV), không phải kế hoạch".

Params::

    types: [KH, HD, CTr]    # document-type codes accepted as plans

Passes::

    KẾ HOẠCH
    Công tác thông tin đối ngoại năm 2023

Fails::

    Nhiệm vụ và giải pháp nhằm tuyên truyền Kết luận của Bộ Chính trị …  (a news article)
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from checker.kinds.base import Message, Params, Problem
from checker.model.plan import Plan

NAME = "is_plan"
DOC_VI = """is_plan — văn bản có thực sự là một văn bản hành chính dạng kế hoạch hay không.

plancheck đọc *Kế hoạch*, *Hướng dẫn*, *Chương trình* và các văn bản tương tự có giao nhiệm vụ.
Một bài báo hay một trang web không có tên loại văn bản (``KẾ HOẠCH``, ``HƯỚNG DẪN`` …) nên được báo là không
phải kế hoạch, và các quy tắc khác không được áp dụng cho văn bản đó. Văn bản thuộc loại khác (công văn — nhận
ra qua dòng ``V/v …`` hoặc số ký hiệu không có mã loại —, quyết định, công điện) được báo đúng loại của nó, không
phải kế hoạch; các quy tắc khác vẫn được áp dụng vì các văn bản này cũng giao nhiệm vụ và thời hạn báo cáo.

Các trường hợp:

* ``not-a-plan`` — văn bản không phải văn bản hành chính (không có tên loại, số ký hiệu hay hình thức công văn).
* ``unexpected-type`` (cảnh báo) — văn bản thuộc loại không có trong ``params.types``: "Văn bản là công văn
  (CV), không phải kế hoạch".

Tham số::

    types: [KH, HD, CTr]    # mã các loại văn bản được chấp nhận là kế hoạch

Đạt::

    KẾ HOẠCH
    Công tác thông tin đối ngoại năm 2023

Không đạt::

    Nhiệm vụ và giải pháp nhằm tuyên truyền Kết luận của Bộ Chính trị …  (một bài báo)
"""

RUNS_ON_NON_PLANS = True


class IsPlanParams(Params):
    types: list[str] = Field(default_factory=lambda: ["KH", "HD", "CTr"], min_length=1)


PARAMS = IsPlanParams

MESSAGES = {
    "not-a-plan": Message(
        "Văn bản không phải là kế hoạch hay hướng dẫn (không có tên loại văn bản như «KẾ HOẠCH»); "
        "các quy tắc khác không được áp dụng.",
        "This is not a plan or guidance (no document-type title such as 'KẾ HOẠCH'); no other rule was run.",
        "Nếu đây là kế hoạch, hãy giữ nguyên phần đầu văn bản với tên loại «KẾ HOẠCH» và trích yếu.",
        "If this is a plan, keep its heading with the type 'KẾ HOẠCH' and its subject.",
    ),
    "unexpected-type": Message(
        "Văn bản là {type_name} ({type}), không phải kế hoạch (loại được kiểm tra: {types}).",
        "The document is a {type_name_en} ({type}), not a plan (checked types: {types}).",
        None,
        None,
    ),
}


def check(plan: Plan, params: IsPlanParams) -> Iterator[Problem]:
    if plan.doc_type is None:
        yield Problem("not-a-plan")
    elif plan.doc_type.upper() not in {t.upper() for t in params.types}:
        name = (plan.doc_type_name or plan.doc_type).lower()
        yield Problem("unexpected-type", {"type": plan.doc_type, "type_name": name,
                                          "type_name_en": TYPE_NAMES_EN.get(plan.doc_type, name),
                                          "types": ", ".join(params.types)}, level="warning")


#: The types' names in English, for the English message.
TYPE_NAMES_EN = {
    "KH": "plan", "HD": "guidance", "CTr": "programme", "QĐ": "decision", "NQ": "resolution", "CT": "directive",
    "KL": "conclusion", "BC": "report", "TB": "notice", "TTr": "submission", "ĐA": "scheme", "PA": "option plan",
    "QC": "regulation", "QĐi": "rule", "CĐ": "urgent dispatch (công điện)", "TT": "circular", "CV": "letter (công văn)",
    "GM": "invitation", "BB": "record of proceedings",
}
