"""Tasks in the implementation part and who is responsible for them (domain notes §4).

Each item directly under *Tổ chức thực hiện* (or *Phân công nhiệm vụ*) is a task; its units are
named at its start (``3. Đài Truyền thanh - Truyền hình huyện:``, ``Giao Phòng … chủ trì``) or as
``X chủ trì`` inside it. An item that names no unit but groups sub-items is a heading: its
sub-items are the tasks. Text without any item (prose) is read paragraph by paragraph.
"""

from __future__ import annotations

import re

from checker.extract.units import coordinating_units, is_vague, lead_units_in, leading_units
from checker.model.document import Block
from checker.model.plan import Section, Task
from checker.text.markers import split_marker
from checker.text.normalize import fold

_TIMEFRAME = re.compile(
    r"(?:thời gian(?: thực hiện| hoàn thành)?\s*:\s*(?P<label>[^.;\n]{2,80})"
    r"|(?P<phrase>(?:hoàn thành\s+)?(?:trước|trong|chậm nhất|từ)\s+(?:ngày|tháng|quý|năm)\s+[^.;,\n]{1,40}"
    r"|thường xuyên|hằng năm|hàng năm|hằng quý|hằng tháng|cả năm\s+\d{4}))",
    re.IGNORECASE,
)
_NOT_TASKS = re.compile(r"^(?:kinh phí|nguồn kinh phí|hiệu lực|điều khoản|trên đây|trong quá trình)")
_TEXT_LIMIT = 1200


def _timeframe(text: str) -> str | None:
    m = _TIMEFRAME.search(text)
    if not m:
        return None
    return (m.group("label") or m.group("phrase")).strip()


def _section_text(section: Section, blocks: list[Block], end: int) -> str:
    return " ".join(b.text.strip() for b in blocks[section.block:end])


def _end_of(section: Section, siblings_after: list[Section], limit: int) -> int:
    return siblings_after[0].block if siblings_after else limit


def _make_task(text: str, block: Block, path: list[str]) -> Task:
    """A task whose units are read from its first paragraph and whose text is all of it."""
    title = block.text.strip()
    marker = split_marker(title)
    if marker:
        title = marker[2]
    units, _duty_at = leading_units(title)
    units = units or lead_units_in(title)
    coordinating = [u for u in coordinating_units(text) if u not in units]
    vague = bool(units) and all(is_vague(u) for u in units)
    return Task(
        units=units,
        coordinating=coordinating,
        vague=vague,
        timeframe=_timeframe(text),
        text=text[:_TEXT_LIMIT],
        location=block.location(0, len(block.text), path),
    )


def _has_unit(section: Section, blocks: list[Block]) -> bool:
    title = split_marker(blocks[section.block].text)
    text = title[2] if title else blocks[section.block].text
    return bool(leading_units(text)[0] or lead_units_in(text))


def tasks_in(section: Section, blocks: list[Block], limit: int, paths: list[list[str]]) -> list[Task]:
    """The tasks of one implementation section, whose blocks end before ``limit``."""
    tasks: list[Task] = []
    items = section.children
    if not items:
        for block in blocks[section.block + 1: limit]:
            if not _NOT_TASKS.match(fold(block.text.strip())):
                tasks.append(_make_task(block.text.strip(), block, paths[block.index]))
        return tasks
    for pos, item in enumerate(items):
        end = _end_of(item, items[pos + 1:], limit)
        block = blocks[item.block]
        title = fold(item.title)
        if _NOT_TASKS.match(title):
            continue
        if not _has_unit(item, blocks) and item.children and item.level < 5:
            # A grouping heading ("1. Phân công cụ thể") whose sub-items carry the units.
            tasks.extend(tasks_in(item, blocks, end, paths))
            continue
        tasks.append(_make_task(_section_text(item, blocks, end), block, paths[block.index]))
    return tasks
