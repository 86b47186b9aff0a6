"""handed_down — the plan takes up the tasks its parent directive handed down, and assigns them.

A parent directive gives some tasks to a whole class of lower bodies ("Ban tuyên giáo các huyện ủy …
tham mưu cấp ủy chỉ đạo tổ chức tuyên truyền …", "Các tổ chức cơ sở Đảng triển khai …"). A plan of one
of those bodies answers such a task with tasks of its own, each given to a unit. A handed-down task is
taken up when one of its phrases appears (folded, word-bounded) in a task of the plan; it is assigned
when such a task names a responsible unit. ``plancheck rules derive`` and ``check --against`` write
these tasks from the parent; a reviewer may also write them by hand.

Cases:

* ``handed-down-missing`` — no task and no sentence of the plan's content mentions the task.
* ``handed-down-not-a-task`` (warning) — the content mentions it, but no task of the plan takes it up.
* ``handed-down-unassigned`` (warning) — tasks take it up, but none names a responsible unit.

Params::

    tasks:
      - id: tuyen-truyen-sau-rong
        label: {vi: "Tuyên truyền sâu rộng về công tác TTĐN", en: "Wide publicity on foreign information"}
        unit: "Ban tuyên giáo các huyện ủy, thị ủy, thành ủy"   # optional, for the reader (not matched)
        phrases: ["tuyên truyền sâu rộng", "sự kiện chính trị"]
        source: "Tuyên truyền sâu rộng về công tác TTĐN"   # optional: the parent's sentence, quoted in the fix

Passes::

    III. TỔ CHỨC THỰC HIỆN  1. Phòng Văn hóa và Thông tin chủ trì tuyên truyền sâu rộng …

Fails (``handed-down-unassigned``)::

    III. TỔ CHỨC THỰC HIỆN  - Tuyên truyền sâu rộng về công tác thông tin đối ngoại. (no unit)
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.kinds.base import Message, Params, Problem, example_hint, phrase_pattern, quote
from checker.kinds.covers_themes import Label
from checker.kinds.search import SEARCHED, find_evidence
from checker.model.plan import Plan, Task
from checker.text.normalize import fold

NAME = "handed_down"
DOC_VI = """handed_down — kế hoạch triển khai các nhiệm vụ mà văn bản cấp trên giao, và phân công thực hiện.

Văn bản cấp trên giao một số nhiệm vụ cho cả một nhóm cơ quan cấp dưới ("Ban tuyên giáo các huyện ủy …
tham mưu cấp ủy chỉ đạo tổ chức tuyên truyền …", "Các tổ chức cơ sở Đảng triển khai …"). Kế hoạch của một
trong các cơ quan đó triển khai nhiệm vụ như vậy bằng các nhiệm vụ của chính mình, mỗi nhiệm vụ giao cho một
đơn vị. Một nhiệm vụ cấp trên giao được coi là đã triển khai khi một trong các cụm từ của nó xuất hiện (trên
văn bản đã chuẩn hóa, khớp trọn từ) trong một nhiệm vụ của kế hoạch; và được coi là đã phân công khi nhiệm vụ
đó nêu đơn vị chịu trách nhiệm. ``plancheck rules derive`` và ``check --against`` lập danh sách các nhiệm vụ
này từ văn bản cấp trên; người rà soát cũng có thể tự viết.

Các trường hợp:

* ``handed-down-missing`` — không nhiệm vụ nào và không câu nào trong nội dung kế hoạch nhắc đến nhiệm vụ này.
* ``handed-down-not-a-task`` (cảnh báo) — nội dung kế hoạch có nhắc đến nhiệm vụ, nhưng không nhiệm vụ nào
  của kế hoạch triển khai nhiệm vụ đó.
* ``handed-down-unassigned`` (cảnh báo) — đã có nhiệm vụ triển khai, nhưng không nhiệm vụ nào nêu đơn vị
  chịu trách nhiệm.

Tham số::

    tasks:
      - id: tuyen-truyen-sau-rong
        label: {vi: "Tuyên truyền sâu rộng về công tác TTĐN", en: "Wide publicity on foreign information"}
        unit: "Ban tuyên giáo các huyện ủy, thị ủy, thành ủy"   # không bắt buộc, chỉ để người đọc biết
        phrases: ["tuyên truyền sâu rộng", "sự kiện chính trị"]
        source: "Tuyên truyền sâu rộng về công tác TTĐN"   # không bắt buộc: câu gốc, được trích trong gợi ý sửa

Đạt::

    III. TỔ CHỨC THỰC HIỆN  1. Phòng Văn hóa và Thông tin chủ trì tuyên truyền sâu rộng …

Không đạt (``handed-down-unassigned``)::

    III. TỔ CHỨC THỰC HIỆN  - Tuyên truyền sâu rộng về công tác thông tin đối ngoại. (không có đơn vị)
"""


class HandedDownTask(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    label: Label
    unit: str | None = None
    phrases: list[str] = Field(min_length=1)
    source: str | None = Field(None, min_length=1, max_length=400, description=(
        "The parent's own sentence for the task, quoted in the fix instead of the phrases."))


class HandedDownParams(Params):
    tasks: list[HandedDownTask] = Field(min_length=1)


PARAMS = HandedDownParams

MESSAGES = {
    "handed-down-missing": Message(
        "Kế hoạch chưa triển khai nhiệm vụ cấp trên giao: «{label}».",
        "The plan does not take up a task its parent handed down: '{label}'.",
        "Bổ sung nhiệm vụ này và giao đơn vị chủ trì, {hint}.",
        "Add this task with a responsible unit, {hint}.",
    ),
    "handed-down-not-a-task": Message(
        "Nhiệm vụ cấp trên giao «{label}» có được nhắc tới nhưng chưa thành nhiệm vụ được giao cho đơn vị nào.",
        "The task handed down '{label}' is mentioned but not given to any unit as a task.",
        "Đưa nội dung này vào phần tổ chức thực hiện, giao đơn vị chủ trì và thời hạn.",
        "Make it a task in the implementation part, with a responsible unit and a time.",
    ),
    "handed-down-unassigned": Message(
        "Nhiệm vụ cấp trên giao «{label}» chưa được giao cho đơn vị chủ trì.",
        "The task handed down '{label}' is not given to a responsible unit.",
        "Ghi rõ đơn vị chủ trì thực hiện, ví dụ «Phòng Văn hóa và Thông tin chủ trì …».",
        "Name the unit in charge, e.g. 'Phòng Văn hóa và Thông tin chủ trì …'.",
    ),
}


def _taking_up(plan: Plan, folded: list[str], task: HandedDownTask) -> list[tuple[Task, int, int]]:
    """The plan's tasks that mention the handed-down task, with the span of the phrase found."""
    patterns = [phrase_pattern(p) for p in task.phrases]
    found = []
    for own, text in zip(plan.tasks, folded, strict=True):
        for pattern in patterns:
            m = pattern.search(text)
            if m:
                found.append((own, m.start(), m.end()))
                break
    return found


def check(plan: Plan, params: HandedDownParams) -> Iterator[Problem]:
    folded_tasks = [fold(t.text) for t in plan.tasks]
    for task in params.tasks:
        args = {"id": task.id, "label": task.label.model_dump(), "phrases": ", ".join(task.phrases[:4]),
                "hint": example_hint(task.source, task.phrases)}
        taking_up = _taking_up(plan, folded_tasks, task)
        if any(own.units for own, _s, _e in taking_up):
            continue
        if taking_up:
            own, start, end = taking_up[0]
            yield Problem("handed-down-unassigned", args, level="warning", location=own.location,
                          evidence=quote(own.text, start, end))
            continue
        mentioned = find_evidence(plan, task.phrases, SEARCHED, 1)
        if mentioned:
            yield Problem("handed-down-not-a-task", args, level="warning", location=mentioned[0].location,
                          evidence=mentioned[0].quote)
        else:
            yield Problem("handed-down-missing", args)
