"""Tasks given in a table (STT | Nội dung / Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian …).

A table is a task table when one of its first rows is a header naming a lead-unit column
(*chủ trì*, *cơ quan/đơn vị thực hiện*, *trách nhiệm*) and a task column (*nội dung*, *nhiệm vụ*,
*công việc*, *hoạt động*). Every later row with text in the task column is a task; its location is
the task cell (table, row, cell), and the location of each of its cells that holds text is kept by column
(``Task.cells``) for the findings about one cell (a time that is no time names and quotes the time cell).
Rows whose cell count differs from the header's (group headings merged across the row) are not tasks. A row
whose task or unit cell is empty is kept, so that the ``task-table`` rule can name it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from checker.extract.units import is_vague, named_units, split_units, starts_with_unit
from checker.model.document import Block
from checker.model.plan import Task
from checker.text.normalize import fold

_UNIT = re.compile(
    r"chủ trì|(?:cơ quan|đơn vị|bộ phận)\s+(?:thực hiện|phụ trách|chịu trách nhiệm)|trách nhiệm|phân công"
)
_PARTNER = re.compile(r"phối hợp")
_TASK = re.compile(r"nội dung|nhiệm vụ|công việc|hoạt động|giải pháp")
_TIME = re.compile(r"thời gian|tiến độ|thời hạn|thời điểm")
_NUMBER = re.compile(r"^(?:stt|tt|số\s*(?:tt|thứ tự))\.?$")
_HEADER_ROWS = 3


@dataclass
class _Cell:
    text: str
    first: Block


def _rows(blocks: list[Block]) -> dict[int, dict[int, dict[int, _Cell]]]:
    """table → row → cell → the cell's text (its paragraphs joined) and first block."""
    tables: dict[int, dict[int, dict[int, _Cell]]] = defaultdict(lambda: defaultdict(dict))
    for block in blocks:
        if block.table is None or block.row is None or block.cell is None:
            continue
        cells = tables[block.table][block.row]
        if block.cell in cells:
            cells[block.cell].text += " " + block.text.strip()
        else:
            cells[block.cell] = _Cell(block.text.strip(), block)
    return tables


def _columns(header: dict[int, _Cell]) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for index, cell in sorted(header.items()):
        label = fold(cell.text)
        if "number" not in columns and _NUMBER.match(label):
            columns["number"] = index
            continue
        if "unit" not in columns and _UNIT.search(label) and not _PARTNER.search(label):
            columns["unit"] = index
        elif "partner" not in columns and _PARTNER.search(label):
            columns["partner"] = index
        elif "time" not in columns and _TIME.search(label):
            columns["time"] = index
        elif "task" not in columns and _TASK.search(label):
            columns["task"] = index
    return columns if "unit" in columns and "task" in columns else None


def table_tasks(blocks: list[Block], paths: list[list[str]]) -> list[Task]:
    """Tasks from every task table among ``blocks``."""
    tasks: list[Task] = []
    for _table, rows in sorted(_rows(blocks).items()):
        ordered = sorted(rows.items())
        found = next(((i, cols) for i, (_r, cells) in enumerate(ordered[:_HEADER_ROWS])
                      if (cols := _columns(cells)) is not None), None)
        if found is None:
            continue
        header_at, columns = found
        details = {columns[c] for c in ("unit", "partner", "time") if c in columns}
        previous_task: str | None = None
        for _row, cells in ordered[header_at + 1:]:
            # Empty cells give no block. A row with neither unit, partner nor time is a group heading
            # ("I | Cải cách thể chế"); a row whose number and task cells are empty continues the task
            # above (Word merges those cells vertically when one task has several units or products).
            filled = {i for i, cell in cells.items() if cell.text}
            task_cell = cells.get(columns["task"])
            number_cell = cells.get(columns["number"]) if "number" in columns else None
            number = number_cell.text if number_cell else ""
            if not filled & details:
                continue
            task_text = task_cell.text if task_cell else ""
            if not task_text and not number and previous_task:
                task_text = previous_task
            previous_task = task_text or previous_task
            first = task_cell or cells[min(filled & details)]
            unit_cell = cells.get(columns["unit"])
            partner_cell = cells.get(columns.get("partner", -1))
            time_cell = cells.get(columns.get("time", -1))
            where = {column: cell.first.location(0, len(cell.first.text), paths[cell.first.index])
                     for column, cell in (("task", task_cell), ("unit", unit_cell), ("partner", partner_cell),
                                          ("time", time_cell)) if cell is not None and cell.text}
            # Only names of units: "Theo phân công tại Phương án số …" refers to another document's assignment.
            named = named_units(unit_cell.text) if unit_cell and unit_cell.text else []
            units = [u for u in named if starts_with_unit(u)]
            tasks.append(Task(
                units=units,
                coordinating=split_units(partner_cell.text) if partner_cell and partner_cell.text else [],
                vague=bool(units) and all(is_vague(u) for u in units),
                timeframe=time_cell.text if time_cell and time_cell.text else None,
                text=task_text,
                source="table",
                location=first.first.location(0, len(first.first.text), paths[first.first.index]),
                cells=where,
            ))
    return tasks
