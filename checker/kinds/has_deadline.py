"""has_deadline — the plan says when results must be reported.

A reporting duty (*báo cáo kết quả … về … trước ngày 05/11/2019*; also *gửi Biên bản … về … chậm nhất
ngày …*) needs a real date, a time limit counted from an event (*trong thời hạn 07 ngày làm việc kể từ ngày
kết thúc Đại hội*) or an explicit period (*6 tháng, năm*, *định kỳ hằng quý*, *trước ngày 15/6 và 15/12 hằng
năm*); *theo quy định* is not a deadline.

Cases:

* ``no-deadline`` — no reporting duty has a date, a time limit from an event or an explicit period.
* ``impossible-deadline`` — a deadline that does not exist (``31/11/2025``).
* ``deadline-before-plan`` (warning) — a deadline before the plan's own date.
* ``deadline-far`` (warning) — a deadline more than ``max_years_off`` years from the plan's year.
* ``period-only`` (info) — reporting is periodic with no dated deadline.

Params::

    max_years_off: 1     # how far from the plan's year a deadline may lie

Passes::

    … báo cáo kết quả gửi về UBND huyện (qua Phòng Văn hóa và Thông tin) trước ngày 05/11/2019.

Fails (``no-deadline``)::

    … báo cáo kết quả gửi về UBND huyện theo quy định.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from checker.kinds.base import Message, Params, Problem
from checker.model.plan import Plan

NAME = "has_deadline"
DOC_VI = """has_deadline — kế hoạch quy định thời hạn báo cáo kết quả.

Một yêu cầu báo cáo (*báo cáo kết quả … về … trước ngày 05/11/2019*; cả *gửi Biên bản … về … chậm nhất ngày
…*) cần có một ngày có thật, một thời hạn tính từ một sự kiện (*trong thời hạn 07 ngày làm việc kể từ ngày kết
thúc Đại hội*) hoặc một định kỳ rõ ràng (*6 tháng, năm*, *định kỳ hằng quý*, *trước ngày 15/6 và 15/12 hằng
năm*); *theo quy định* không phải là thời hạn.

Các trường hợp:

* ``no-deadline`` — không yêu cầu báo cáo nào có ngày, thời hạn tính từ một sự kiện hoặc định kỳ rõ ràng.
* ``impossible-deadline`` — thời hạn là một ngày không có thật (``31/11/2025``).
* ``deadline-before-plan`` (cảnh báo) — thời hạn sớm hơn ngày ban hành của chính kế hoạch.
* ``deadline-far`` (cảnh báo) — thời hạn cách năm của kế hoạch hơn ``max_years_off`` năm.
* ``period-only`` (thông tin) — chỉ quy định báo cáo định kỳ, không có thời hạn ghi ngày cụ thể.

Tham số::

    max_years_off: 1     # thời hạn được phép cách năm của kế hoạch tối đa bao nhiêu năm

Đạt::

    … báo cáo kết quả gửi về UBND huyện (qua Phòng Văn hóa và Thông tin) trước ngày 05/11/2019.

Không đạt (``no-deadline``)::

    … báo cáo kết quả gửi về UBND huyện theo quy định.
"""


class HasDeadlineParams(Params):
    max_years_off: int = Field(1, ge=0, le=10)


PARAMS = HasDeadlineParams

MESSAGES = {
    "no-deadline": Message(
        "Văn bản không quy định thời hạn hoặc định kỳ báo cáo kết quả.",
        "The document sets no reporting deadline or period.",
        "Thêm câu như «Các đơn vị báo cáo kết quả về … trước ngày dd/mm/yyyy» hoặc «định kỳ 6 tháng, năm».",
        "Add e.g. 'Các đơn vị báo cáo kết quả về … trước ngày dd/mm/yyyy' or a period such as '6 tháng, năm'.",
    ),
    "impossible-deadline": Message(
        "Thời hạn báo cáo «{date}» không phải là ngày có thật.",
        "The reporting deadline '{date}' is not a real date.",
        "Sửa lại ngày hạn báo cáo.",
        "Correct the deadline.",
    ),
    "deadline-before-plan": Message(
        "Thời hạn báo cáo {date} sớm hơn ngày ban hành kế hoạch ({plan_date}).",
        "The reporting deadline {date} is before the plan's own date ({plan_date}).",
        "Kiểm tra lại năm của thời hạn báo cáo.",
        "Check the year of the deadline.",
    ),
    "deadline-far": Message(
        "Thời hạn báo cáo {date} cách xa năm của kế hoạch ({year}).",
        "The reporting deadline {date} is far from the plan's year ({year}).",
        "Kiểm tra lại năm của thời hạn báo cáo.",
        "Check the year of the deadline.",
    ),
    "period-only": Message(
        "Văn bản chỉ quy định báo cáo định kỳ ({period}), không có hạn cụ thể.",
        "Reporting is periodic only ({period}), with no dated deadline.",
        None,
        None,
    ),
}


def check(plan: Plan, params: HasDeadlineParams) -> Iterator[Problem]:
    duties = plan.reporting
    dated = [d for d in duties if d.deadline is not None]
    relative = [d for d in duties if d.deadline_relative]
    impossible = [d for d in duties if d.deadline_problem == "impossible"]
    periodic = [d for d in duties if d.period]
    for duty in impossible:
        yield Problem("impossible-deadline", {"date": duty.deadline_text}, location=duty.location, evidence=duty.text)
    if not dated and not relative and not periodic and not impossible:
        first = duties[0] if duties else None
        yield Problem("no-deadline", location=first.location if first else None,
                      evidence=first.text if first else None)
        return
    for duty in dated:
        assert duty.deadline is not None
        date = duty.deadline.strftime("%d/%m/%Y")
        if plan.date and duty.deadline < plan.date:
            yield Problem("deadline-before-plan", {"date": date, "plan_date": plan.date.strftime("%d/%m/%Y")},
                          level="warning", location=duty.location, evidence=duty.text)
        elif plan.year and abs(duty.deadline.year - plan.year) > params.max_years_off:
            yield Problem("deadline-far", {"date": date, "year": plan.year}, level="warning",
                          location=duty.location, evidence=duty.text)
    if not dated and not relative and periodic:
        yield Problem("period-only", {"period": periodic[0].period}, level="info",
                      location=periodic[0].location, evidence=periodic[0].text)
