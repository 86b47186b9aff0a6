"""assigns_tasks — every task in the implementation part has a responsible unit.

Tasks are the items under *Tổ chức thực hiện* (or *Phân công nhiệm vụ*); each must open with, or
name as *chủ trì*, the unit that answers for it.

Cases:

* ``no-implementation`` — the plan has no implementation part at all and hands out no task anywhere
  (a letter or directive that assigns its tasks item by item, ``2. Sở Y tế: …``, is checked on those).
* ``no-tasks`` — the implementation part hands out no task.
* ``task-without-unit`` — a task names no responsible unit (quoted).
* ``vague-assignee`` (warning) — a task of the implementation part whose only assignee is a catch-all such
  as *các cơ quan, đơn vị liên quan* or *các địa phương*: nobody is accountable. (Duties named in the
  content part are not held to this: they exhort as much as they assign.) A catch-all picked out by a
  defining clause names a definite set and is not vague: *các cơ quan, đơn vị được kiểm tra*, *các đơn vị
  được giao tại Phụ lục*, *các đơn vị nêu tại mục 2*, *… nêu trên* (the clauses are data in
  ``checker/extract/bodies.yaml``).

Rows of task tables (*phụ lục phân công*) are checked by the ``task_table`` kind instead.

Params::

    allow_vague: false     # true: do not warn about catch-all assignees

Passes::

    III. TỔ CHỨC THỰC HIỆN
    1. Phòng Văn hóa và Thông tin chủ trì, phối hợp với Đài Truyền thanh huyện …

Fails (``task-without-unit``)::

    III. TỔ CHỨC THỰC HIỆN
    6. Theo dõi, tổng hợp diễn biến thông tin đối ngoại …
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.kinds.base import Message, Params, Problem, quote
from checker.model.plan import Plan

NAME = "assigns_tasks"
DOC_VI = """assigns_tasks — mỗi nhiệm vụ trong phần tổ chức thực hiện đều có đơn vị chịu trách nhiệm.

Nhiệm vụ là các mục nằm dưới *Tổ chức thực hiện* (hoặc *Phân công nhiệm vụ*); mỗi nhiệm vụ phải mở đầu bằng
tên đơn vị chịu trách nhiệm về nhiệm vụ đó, hoặc nêu rõ đơn vị đó là đơn vị *chủ trì*.

Các trường hợp:

* ``no-implementation`` — kế hoạch hoàn toàn không có phần tổ chức thực hiện và không giao nhiệm vụ nào
  (công văn, chỉ thị giao nhiệm vụ theo từng mục, ``2. Sở Y tế: …``, được kiểm tra trên các nhiệm vụ đó).
* ``no-tasks`` — phần tổ chức thực hiện không giao nhiệm vụ nào.
* ``task-without-unit`` — một nhiệm vụ không nêu đơn vị chịu trách nhiệm (có trích dẫn nhiệm vụ).
* ``vague-assignee`` (cảnh báo) — nhiệm vụ trong phần tổ chức thực hiện chỉ giao chung chung, chẳng hạn cho
  *các cơ quan, đơn vị liên quan* hoặc *các địa phương*: không rõ ai chịu trách nhiệm. (Nhiệm vụ nêu trong
  phần nội dung không bị xét điều này: đó thường là lời kêu gọi hơn là phân công.) Nhóm chung chung có mệnh
  đề xác định đi kèm là một tập đơn vị cụ thể, không bị cảnh báo: *các cơ quan, đơn vị được kiểm tra*, *các
  đơn vị được giao tại Phụ lục*, *các đơn vị nêu tại mục 2*, *… nêu trên* (các mệnh đề này là dữ liệu trong
  ``checker/extract/bodies.yaml``).

Các hàng của bảng phân công nhiệm vụ (*phụ lục phân công*) do loại quy tắc ``task_table`` kiểm tra.

Tham số::

    allow_vague: false     # true: không cảnh báo khi nhiệm vụ chỉ giao chung chung

Đạt::

    III. TỔ CHỨC THỰC HIỆN
    1. Phòng Văn hóa và Thông tin chủ trì, phối hợp với Đài Truyền thanh huyện …

Không đạt (``task-without-unit``)::

    III. TỔ CHỨC THỰC HIỆN
    6. Theo dõi, tổng hợp diễn biến thông tin đối ngoại …
"""


class AssignsTasksParams(Params):
    allow_vague: bool = False


PARAMS = AssignsTasksParams

MESSAGES = {
    "no-implementation": Message(
        "Văn bản không có phần «Tổ chức thực hiện» phân công nhiệm vụ.",
        "The document has no implementation part ('Tổ chức thực hiện') assigning tasks.",
        "Thêm mục «TỔ CHỨC THỰC HIỆN» giao từng nhiệm vụ cho cơ quan chủ trì.",
        "Add a 'TỔ CHỨC THỰC HIỆN' section giving each task to a lead unit.",
    ),
    "no-tasks": Message(
        "Phần «{section}» không giao nhiệm vụ cụ thể nào.",
        "The part '{section}' hands out no task.",
        "Liệt kê từng cơ quan, đơn vị và nhiệm vụ của họ.",
        "List each unit and its duties.",
    ),
    "task-without-unit": Message(
        "Nhiệm vụ «{task}» không có cơ quan, đơn vị chịu trách nhiệm.",
        "The task '{task}' has no responsible unit.",
        "Ghi rõ cơ quan chủ trì ở đầu nhiệm vụ, ví dụ «Phòng Văn hóa và Thông tin chủ trì, …».",
        "Name the lead unit at the start of the task, e.g. 'Phòng Văn hóa và Thông tin chủ trì, …'.",
    ),
    "vague-assignee": Message(
        "Nhiệm vụ giao chung chung cho «{units}», không rõ ai chịu trách nhiệm.",
        "Task given to '{units}' only: no one is accountable.",
        "Nêu cụ thể cơ quan chủ trì; các đơn vị khác ghi là phối hợp.",
        "Name a lead unit; list the others as coordinating.",
    ),
}


def _opening(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def check(plan: Plan, params: AssignsTasksParams) -> Iterator[Problem]:
    if plan.parts.implementation is None and not plan.tasks:
        yield Problem("no-implementation")
        return
    if not plan.tasks:
        yield Problem("no-tasks", {"section": plan.parts.implementation})
        return
    for task in plan.tasks:
        if task.source == "table":
            continue  # rows of task tables are validated by the task_table kind
        short = quote(task.text, width=160)
        # A duty named in the content part ("Các địa phương tăng cường …") exhorts as much as it assigns: only
        # the implementation part, where the plan says who answers for what, is held to a definite assignee.
        assigning = not plan.block_parts or plan.block_parts[task.location.block] == "implementation"
        if not task.units:
            # The message names the task by its opening words; the evidence quotes it at length.
            yield Problem("task-without-unit", {"task": _opening(task.text)}, location=task.location, evidence=short)
        elif task.vague and not params.allow_vague and assigning:
            yield Problem("vague-assignee", {"units": ", ".join(task.units)}, level="warning",
                          location=task.location, evidence=short)
