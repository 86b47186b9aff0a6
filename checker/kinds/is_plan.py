"""is_plan — the document is a plan-like administrative document at all.

plancheck reads *Kế hoạch*, *Hướng dẫn*, *Chương trình* and similar documents that hand out work.
A news article, a web page or a letter has no document-type title (``KẾ HOẠCH``, ``HƯỚNG DẪN`` …)
and is reported as such; the other rules are not run on it.

Cases:

* ``not-a-plan`` — no document-type title was found.
* ``unexpected-type`` (warning) — the title names a type outside ``params.types``.

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
Một bài báo, một trang web hay một công văn không có tên loại văn bản (``KẾ HOẠCH``, ``HƯỚNG DẪN`` …)
nên được báo là không phải kế hoạch, và các quy tắc khác không được áp dụng cho văn bản đó.

Các trường hợp:

* ``not-a-plan`` — không tìm thấy tên loại văn bản.
* ``unexpected-type`` (cảnh báo) — tên loại văn bản thuộc một loại không có trong ``params.types``.

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
        "Văn bản là {type_name} ({type}), không phải loại được kiểm tra ({types}).",
        "The document is a {type_name} ({type}), not one of the checked types ({types}).",
        None,
        None,
    ),
}


def check(plan: Plan, params: IsPlanParams) -> Iterator[Problem]:
    if plan.doc_type is None:
        yield Problem("not-a-plan")
    elif plan.doc_type.upper() not in {t.upper() for t in params.types}:
        yield Problem("unexpected-type", {"type": plan.doc_type, "type_name": plan.doc_type_name or "",
                                          "types": ", ".join(params.types)}, level="warning")
