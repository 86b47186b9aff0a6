"""task_table — every row of a task table (phụ lục phân công) is complete and its time is a time.

Plans often hand out tasks in a table: STT | Nội dung / Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
Thời gian. Each row read from such tables (Word files) must have a task and a responsible unit,
and its time value, when the table has a time column, must be a time (a date, month, quarter, year,
period such as *Hằng năm* or *Thường xuyên*, or a time relative to an event) and a real one. Every
failure is a finding that names the table and row; its location is the cell it is about, and the cell it
quotes (the time cell for a time, the task cell for a row without unit, whose unit cell is empty).
(Rows of task tables are not checked again by ``assigns_tasks``.)

Cases:

* ``row-without-unit`` — the lead-unit cell of a row is empty.
* ``row-without-task`` — the row names a unit or a time but no task.
* ``time-not-understood`` (warning) — the time cell holds no time (*Theo kế hoạch của tỉnh*).
* ``impossible-time`` — the time cell holds a date that does not exist (*31/11/2025*).

Params::

    check_time: true     # false: do not check the time column

Passes::

    | 1 | Xây dựng kế hoạch tuyên truyền | Sở Văn hóa, Thể thao và Du lịch | Các sở, ngành | Quý I/2026 |

Fails (``row-without-unit``, ``time-not-understood``)::

    | 2 | Tổ chức hội nghị tập huấn |  | Các địa phương | Theo kế hoạch của tỉnh |
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.kinds.base import Message, Params, Problem, quote
from checker.model.plan import Plan, Task
from checker.text.timeframes import parse_timeframe

NAME = "task_table"
DOC_VI = """task_table — mỗi hàng của bảng phân công (phụ lục phân công) đều đầy đủ và cột thời gian ghi đúng thời gian.

Kế hoạch thường giao nhiệm vụ bằng bảng: STT | Nội dung / Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
Thời gian. Mỗi hàng đọc được từ những bảng như vậy (trong tệp Word) phải có nhiệm vụ và đơn vị chủ
trì; khi bảng có cột thời gian, giá trị thời gian phải là một thời gian
(ngày, tháng, quý, năm, định kỳ như *Hằng năm* hoặc *Thường xuyên*, hoặc thời gian tính theo một sự kiện) và
phải có thật. Mỗi chỗ không đạt được ghi nhận thành một vấn đề, có nêu bảng và hàng; vị trí của vấn đề là ô
mà vấn đề nói tới, cũng là ô được trích (ô thời gian khi thời gian sai, ô nhiệm vụ khi hàng không có cơ quan chủ
trì vì ô cơ quan để trống).
(Các hàng của bảng phân công không bị ``assigns_tasks`` kiểm tra lại.)

Các trường hợp:

* ``row-without-unit`` — ô cơ quan chủ trì của một hàng để trống.
* ``row-without-task`` — hàng có ghi đơn vị hoặc thời gian nhưng không ghi nhiệm vụ.
* ``time-not-understood`` (cảnh báo) — ô thời gian không ghi thời gian nào (*Theo kế hoạch của tỉnh*).
* ``impossible-time`` — ô thời gian ghi một ngày không có thật (*31/11/2025*).

Tham số::

    check_time: true     # false: không kiểm tra cột thời gian

Đạt::

    | 1 | Xây dựng kế hoạch tuyên truyền | Sở Văn hóa, Thể thao và Du lịch | Các sở, ngành | Quý I/2026 |

Không đạt (``row-without-unit``, ``time-not-understood``)::

    | 2 | Tổ chức hội nghị tập huấn |  | Các địa phương | Theo kế hoạch của tỉnh |
"""


class TaskTableParams(Params):
    check_time: bool = True


PARAMS = TaskTableParams

MESSAGES = {
    "row-without-unit": Message(
        "Bảng {table}, hàng {row}: nhiệm vụ «{task}» không có cơ quan chủ trì.",
        "Table {table}, row {row}: the task '{task}' has no lead unit.",
        "Ghi cơ quan chủ trì vào ô của hàng này.",
        "Fill in the lead unit of this row.",
    ),
    "row-without-task": Message(
        "Bảng {table}, hàng {row}: có cơ quan hoặc thời gian nhưng không ghi nhiệm vụ.",
        "Table {table}, row {row}: a unit or time is given but no task.",
        "Ghi nội dung nhiệm vụ, hoặc xóa hàng thừa.",
        "Write the task, or remove the stray row.",
    ),
    "time-not-understood": Message(
        "Bảng {table}, hàng {row}: cột thời gian «{time}» không nêu thời gian thực hiện.",
        "Table {table}, row {row}: the time cell '{time}' gives no time.",
        "Ghi thời hạn cụ thể (ngày, tháng, quý, năm) hoặc định kỳ (hằng năm, hằng quý…).",
        "Give a deadline (date, month, quarter, year) or a period (yearly, quarterly…).",
    ),
    "impossible-time": Message(
        "Bảng {table}, hàng {row}: ngày «{time}» không có thật.",
        "Table {table}, row {row}: the date '{time}' does not exist.",
        "Sửa lại ngày.",
        "Correct the date.",
    ),
}


def _time_ok(value: str | None) -> bool:
    """An empty time cell passes (the column may be absent); text must be a time that exists."""
    if not value:
        return True
    found = parse_timeframe(value)
    return found is not None and found.problem is None


def _failures(row: Task, check_time: bool) -> list[str]:
    """The columns of ``row`` that fail, in the order their findings are reported.

    Plain checks, not a pandera schema: a table has a few dozen rows, and building a DataFrame and
    validating it cost ~15 ms per plan and pandas' import (~0.4 s) in every process that met a table."""
    failed = ["task"] if not row.text else []
    if check_time and not _time_ok(row.timeframe):
        failed.append("time")
    if not ", ".join(row.units):
        failed.append("unit")
    return failed


def _problem(column: str, task: Task, index: int) -> Problem:
    where = {"table": task.location.table, "row": task.location.row, "task": quote(task.text, width=80)}
    if column == "unit":
        # The unit cell is empty (no text to point at): the finding names and quotes the task cell, or, when the
        # task is written in a cell merged down from the row above, names the row's first cell and quotes nothing.
        cell = task.cells.get("task")
        return Problem("row-without-unit", where, location=cell or task.location,
                       evidence=task.text if cell is not None else None)
    if column == "task":
        return Problem("row-without-task", where, location=task.location)
    # A time that is no time: the finding names and quotes the time cell.
    time = task.timeframe or ""
    cell = task.cells.get("time", task.location)
    found = parse_timeframe(time)
    if found is not None and found.problem == "impossible":
        return Problem("impossible-time", {**where, "time": found.text}, location=cell, evidence=time)
    return Problem("time-not-understood", {**where, "time": time}, level="warning", location=cell, evidence=time)


def check(plan: Plan, params: TaskTableParams) -> Iterator[Problem]:
    rows = [t for t in plan.tasks if t.source == "table"]
    for index, row in enumerate(rows):
        for column in _failures(row, params.check_time):
            yield _problem(column, row, index)
