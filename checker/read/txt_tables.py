"""Tables that a text copy flattened one cell per line, put back together.

A Word table copied to text (or extracted by a converter) arrives as its cells, one per line, row after row:
the header (``STT`` / ``Nhiệm vụ`` / ``Sản phẩm`` / ``Thời gian`` / ``Chủ trì thực hiện`` / ``Phối hợp`` …)
then each row, an empty cell being an empty or blank line. Read as paragraphs, such a table loses which unit
leads which task. This module finds them and says which line is which cell, so that the text reader can give
the cells the same table, row and cell coordinates as the Word reader does.

A flattened table is recognised by its header: a line ``STT`` (or ``TT``, ``Số TT``) followed by two to eleven
short lines, then the first row opening with its number (``1``, ``I``, ``A``). A row runs from its number to
the next row's (``N`` lines when the cells line up, ``N`` being the header's cells; fewer when a converter dropped
empty cells, more when a long task cell wraps: the lines past the number and before the last ``N - 2`` are then
the task). A heading, the closing sentence or a blank line after a full row ends the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.text.markers import roman as roman_numeral
from checker.text.markers import split_marker

_NUMBER_HEADER = re.compile(r"^(?:stt|tt|số tt|số thứ tự)\.?$", re.IGNORECASE)
_ROW_START = re.compile(r"^(?:\d{1,3}|[IVXL]{1,6}|[A-ZĐ])\.?$")
# Only task tables are put back together: a column of who leads and a column of what is to be done.
_UNIT_LABEL = re.compile(r"chủ trì|(?:cơ quan|đơn vị|bộ phận)\s+(?:thực hiện|phụ trách|chịu trách nhiệm)|trách nhiệm|"
                         r"phân công|thực hiện", re.IGNORECASE)
_TASK_LABEL = re.compile(r"nội dung|nhiệm vụ|công việc|hoạt động|giải pháp", re.IGNORECASE)
_MAX_HEADER = 11
_MAX_HEADER_CELL = 80
_ROMANS = [roman_numeral(n).upper() for n in range(1, 21)]  # I … XX


@dataclass
class FlatTable:
    """A flattened table: for each row (the header first), its cells, each the line numbers (from 0) it
    spans (a wrapped cell spans several lines; an empty cell is an empty line)."""

    rows: list[list[list[int]]] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.rows[0][0][0]

    @property
    def last(self) -> int:
        return max(i for cell in self.rows[-1] for i in cell)


def _header(lines: list[str], at: int) -> tuple[list[list[int]], int] | None:
    """The header cells (lines) when a flattened task-table header starts at ``lines[at]`` (``STT``), and the
    line its first row starts at. A header line that opens in lower case or with "(" goes on with the cell
    above (``Trách nhiệm`` / ``thực hiện``)."""
    cells = [[at]]
    for number in range(at + 1, min(at + 1 + _MAX_HEADER, len(lines))):
        line = lines[number]
        if _ROW_START.match(line):
            labels = [" ".join(lines[i] for i in cell) for cell in cells[1:]]
            if len(cells) >= 3 and any(map(_UNIT_LABEL.search, labels)) and any(map(_TASK_LABEL.search, labels)):
                return cells, number
            return None
        if not line or len(line) > _MAX_HEADER_CELL or line[:1].isdigit() or line[:1] in "-+*":
            return None
        if line[:1].islower() or line[:1] == "(":
            cells[-1].append(number)
        else:
            cells.append([number])
    return None


def _is_next(line: str, arabic: int, roman: str | None) -> bool:
    """Whether ``line`` is the number of the row after the current one (the last Arabic number ``arabic``, the
    last Roman ``roman``): the next number (``09`` after ``8``), ``1`` in a new Roman group, the next Roman."""
    number = line.rstrip(".")
    if number.isdigit() and len(number) <= 3:
        return int(number) == arabic + 1 or (roman is not None and int(number) == 1)
    following = _ROMANS.index(roman) + 1 if roman is not None else len(_ROMANS)
    return following < len(_ROMANS) and number == _ROMANS[following]


def _cells(row: list[int], width: int) -> list[list[int]]:
    """A row's lines as its cells: one line a cell when they fit; when there are more lines than columns, the
    ones past the number and before the last ``width - 2`` are the wrapped task cell."""
    if len(row) <= width:
        return [[i] for i in row]
    tail = width - 2
    return [[row[0]], row[1: len(row) - tail], *[[i] for i in row[len(row) - tail:]]]


def _ends_table(line: str) -> bool:
    """A line no cell holds: a part heading or numbered item of the text (``III. TỔ CHỨC THỰC HIỆN``, ``2. …``),
    the closing sentence."""
    found = split_marker(line)
    return (found is not None and found[1] <= 2 and len(line) > 4) or line.startswith(("Trên đây", "Nơi nhận"))


def _rows(lines: list[str], start: int, width: int) -> list[list[int]]:
    """The rows' lines from ``start``. A row runs from its number to the line before the next row's number (at
    ``width`` lines when that line is the next number too: a count column may hold the same number earlier), at
    most ``4 * width`` lines; a blank line after ``width`` lines, a heading or the closing sentence ends the row and
    the table. Past the last row's width, only lines that go on a wrapped cell (in lower case) are kept."""
    rows: list[list[int]] = []
    at = start
    arabic = 0
    roman: str | None = None
    while at < len(lines) and _ROW_START.match(lines[at]):
        first = lines[at].rstrip(".")
        if first.isdigit():
            arabic = int(first)
        elif first in _ROMANS:
            roman, arabic = first, 0
        row = [at]
        at += 1
        ended = False
        while at < len(lines) and len(row) < 4 * width:
            line = lines[at]
            if len(row) >= 2 and _is_next(line, arabic, roman):
                aligned = row[0] + width
                lined_up = aligned == len(lines) or (aligned < len(lines) and (
                    _is_next(lines[aligned], arabic, roman) or not lines[aligned] or _ends_table(lines[aligned])))
                if len(row) < width and aligned <= len(lines) and lined_up and not any(
                        _ends_table(lines[i]) or not lines[i] for i in range(at, aligned)):
                    row.extend(range(at, aligned))  # "…, 3, …" in a count cell: the row's width is the rule
                    at = aligned
                break
            if _ends_table(line) or (not line and len(row) >= width and not any(
                    _is_next(lines[i], arabic, roman) for i in range(at, min(len(lines), at + 2 * width)))):
                ended = True  # (a blank line before the next number opens a row continuing this one: merged cells)
                break
            row.append(at)
            at += 1
        if ended or at >= len(lines) or not _is_next(lines[at], arabic, roman):
            extra = row[width:]
            row = row[:width] + extra[: next((k for k, i in enumerate(extra) if not lines[i][:1].islower()),
                                             len(extra))]
            while len(row) > 2 and not lines[row[-1]]:
                row.pop()
            rows.append(row)
            break
        rows.append(row)
    return rows


def flat_tables(lines: list[str]) -> list[FlatTable]:
    """The flattened task tables among ``lines`` (a text's lines, stripped; empty ones are empty cells)."""
    tables: list[FlatTable] = []
    number = 0
    while number < len(lines):
        found = _header(lines, number) if _NUMBER_HEADER.match(lines[number]) else None
        if found is None:
            number += 1
            continue
        header, start = found
        width = len(header)
        rows = [_cells(row, width) for row in _rows(lines, start, width)]
        if not rows:
            number += 1
            continue
        tables.append(FlatTable([header, *rows]))
        number = max(i for cell in rows[-1] for i in cell) + 1
    return tables


# A table drawn with pipes, one row a line (a Markdown copy of a web page or a Word table):
# "| 1 | Rà soát hạ tầng mạng | Phòng Công nghệ thông tin | … |"; "|---|---|" rules are no rows.
_PIPE_ROW = re.compile(r"^\|.*\|$")
_PIPE_RULE = re.compile(r"^\|[\s\-:|+=]*\|$")


@dataclass
class PipeTable:
    """A table drawn with pipes: for each row, its line (from 0) and its cells' texts."""

    rows: list[tuple[int, list[str]]] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.rows[0][0]

    @property
    def last(self) -> int:
        return self.rows[-1][0]


def pipe_tables(lines: list[str]) -> list[PipeTable]:
    """The tables drawn with pipes among ``lines`` (stripped): runs of two rows or more of two cells or more."""
    tables: list[PipeTable] = []
    current = PipeTable()
    for number, line in enumerate(lines):
        if _PIPE_ROW.match(line) and line.count("|") >= 3:
            if not _PIPE_RULE.match(line):
                current.rows.append((number, [cell.strip() for cell in line[1:-1].split("|")]))
            continue
        if len(current.rows) >= 2:
            tables.append(current)
        current = PipeTable()
    if len(current.rows) >= 2:
        tables.append(current)
    return tables
