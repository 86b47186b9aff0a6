"""Tasks in the implementation part and who is responsible for them (domain notes §4).

Each item directly under *Tổ chức thực hiện* (or *Phân công nhiệm vụ*) is a task; its units are
named at its start (``3. Đài Truyền thanh - Truyền hình huyện:``, ``Giao Phòng … chủ trì``), as
``X chủ trì`` inside it, after an opening clause (``Căn cứ Kế hoạch này, các sở, ban, ngành …``)
or in labelled lines under it (``- Đơn vị chủ trì: …``, ``- Cơ quan phối hợp: …``, ``- Thời gian
hoàn thành: …``). An item that names no unit but groups sub-items that do is a heading: its
sub-items are the tasks. Text without any item (prose) is read paragraph by paragraph.

Labelled items are tasks wherever they stand (plans put them under *Nội dung* too, corpus 026,
027); see :func:`labelled_tasks`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.extract.sections import walk
from checker.extract.units import (
    coordinating_units,
    is_vague,
    lead_units_in,
    leading_units,
    split_units,
    starts_with_unit,
)
from checker.extract.vocabulary import BASIS_VERB
from checker.model.document import Block
from checker.model.plan import Section, Task
from checker.text.markers import item_number, split_marker
from checker.text.normalize import fold

_TIMEFRAME = re.compile(
    r"(?:thời gian(?: thực hiện| hoàn thành)?\s*:\s*(?P<label>[^.;\n]{2,80})"
    r"|(?P<phrase>(?:hoàn thành\s+)?(?:trước|trong|chậm nhất|từ)\s+(?:ngày|tháng|quý|năm)\s+[^.;,\n]{1,40}"
    r"|thường xuyên|hằng năm|hàng năm|hằng quý|hằng tháng|cả năm\s+\d{4}))",
    re.IGNORECASE,
)
_NOT_TASKS = re.compile(
    r"^(?:kinh phí|nguồn kinh phí|hiệu lực|điều khoản|trên đây|trong quá trình|thời gian thực hiện|"
    r"thời gian tổ chức|thời gian, địa điểm|địa điểm|(?:hướng dẫn|kế hoạch|quyết định|văn bản) này có hiệu lực)"
)
# Labelled lines that say who leads, who helps and by when.
_LEAD_LABEL = re.compile(
    r"^(?:(?:đơn vị|cơ quan|bộ phận|người)\s+(?:chủ trì|thực hiện|phụ trách|được giao)(?:\s+thực hiện)?"
    r"|chủ trì(?:\s+thực hiện)?|trách nhiệm(?:\s+thực hiện)?)\s*:\s*"
)
_PARTNER_LABEL = re.compile(r"^(?:(?:đơn vị|cơ quan|bộ phận)\s+)?phối hợp(?:\s+thực hiện)?\s*:\s*")
_RESULT_LABEL = re.compile(r"^(?:kết quả|sản phẩm)(?:\s+(?:đầu ra|cần đạt))?\s*:\s*")
# A section that also names content ("NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG …", "NHIỆM VỤ, GIẢI PHÁP, PHÂN CÔNG
# TRÁCH NHIỆM") holds content headings and rules as well as tasks.
_MIXED_TITLE = re.compile(r"nội dung|giải pháp|tiến độ")
_TIME_LABEL = re.compile(r"^(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành))?\s*:\s*")
# Clauses that may open a task before its unit: "Căn cứ Kế hoạch này, Giám đốc các Sở …",
# "Kết thúc cuộc bầu cử, Ban Thường trực … chịu trách nhiệm …".
_OPENING_CLAUSE = re.compile(rf"^(?:{BASIS_VERB}|trên cơ sở|trong quá trình|kết thúc|sau khi|khi|để|nhằm|định kỳ)\b")
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


def _strip_marker(text: str, section: Section | None = None) -> str:
    """The text after its marker; the marker of ``section`` (the item the text opens) is stripped whatever
    its number (``100.``)."""
    number = item_number(section.marker) if section is not None else None
    marker = split_marker(text, None if number is None else number - 1)
    return marker[2] if marker else text.strip()


def units_after_clause(text: str) -> list[str]:
    """Units named after an opening clause: ``Căn cứ …, các sở, ban, ngành … xây dựng …``."""
    if not _OPENING_CLAUSE.match(fold(text)):
        return []
    for comma in re.finditer(r",\s+", text[:600]):
        rest = text[comma.end():]
        if (rest[:1].isupper() or fold(rest).startswith("các ")) and starts_with_unit(rest):
            return leading_units(rest)[0]
    return []


def units_of(text: str) -> list[str]:
    """The responsible units a task text names at its start, after an opening clause, or as
    ``X chủ trì`` inside it."""
    return leading_units(text)[0] or units_after_clause(text) or lead_units_in(text)


def _make_task(text: str, block: Block, path: list[str], item: Section | None = None) -> Task:
    """A task whose units are read from its first paragraph and whose text is all of it."""
    title = _strip_marker(block.text, item)
    units = units_of(title)
    coordinating = list(dict.fromkeys(u for u in coordinating_units(text) if u not in units))
    vague = bool(units) and all(is_vague(u) for u in units)
    return Task(
        units=units,
        coordinating=coordinating,
        vague=vague,
        timeframe=_timeframe(text),
        text=text[:_TEXT_LIMIT],
        location=block.location(0, len(block.text), path),
    )


@dataclass
class _Labels:
    lead: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    time: str | None = None
    found: bool = False
    other: bool = False  # a time, partner or result label without a lead label


def _named(value: str) -> list[str]:
    """Units in the value of a label: ``Sở Nội vụ, Sở Giáo dục và Đào tạo, Sở Tài chính.``"""
    value = value.strip().rstrip(" .;")
    units = leading_units(value)[0] or lead_units_in(value)
    if not units:
        units = [u for u in split_units(value) if starts_with_unit(u)]
    return units


def _label_lines(item: Section) -> list[Section]:
    """The lines under ``item`` that may carry its labels: its children and, below lettered or
    bulleted children (``b) Cơ quan thực hiện:`` / ``- Đơn vị chủ trì: …``), theirs; never the
    inside of a numbered sub-item, which is a task of its own."""
    out: list[Section] = []
    for child in item.children:
        out.append(child)
        if child.level >= 4:
            out.extend(_label_lines(child))
    return out


def _labels(item: Section, blocks: list[Block]) -> _Labels:
    """The labelled lines under ``item`` (``- Đơn vị chủ trì: …``)."""
    labels = _Labels()
    for child in _label_lines(item):
        text = _strip_marker(blocks[child.block].text, child)
        folded = fold(text)
        lead = _LEAD_LABEL.match(folded)
        partner = _PARTNER_LABEL.match(folded)
        time = _TIME_LABEL.match(folded)
        if lead:
            labels.found = True
            labels.lead.extend(u for u in _named(text[lead.end():]) if u not in labels.lead)
        elif partner:
            labels.other = True
            labels.partners.extend(u for u in _named(text[partner.end():]) if u not in labels.partners)
        elif time:
            labels.other = True
            labels.time = text[time.end():].strip().rstrip(" .;") or labels.time
        elif _RESULT_LABEL.match(folded):
            labels.other = True
    return labels


def _group_labels(section: Section, blocks: list[Block]) -> _Labels:
    """The lead labels anywhere under a grouping heading: in ``3. Theo dõi …`` / ``3.1 …`` / ``3.2 …`` /
    ``3.3 …`` / ``- Đơn vị chủ trì: …`` the last item's labels serve the whole group."""
    group = _Labels()
    for child in walk(section.children):
        labels = _labels(child, blocks)
        if labels.found:
            group.found = True
            group.lead.extend(u for u in labels.lead if u not in group.lead)
            group.partners.extend(u for u in labels.partners if u not in group.partners)
    return group


def _labelled_task(item: Section, labels: _Labels, blocks: list[Block], end: int, paths: list[list[str]]) -> Task:
    block = blocks[item.block]
    text = _section_text(item, blocks, end)
    units = labels.lead or units_of(_strip_marker(block.text, item))
    return Task(
        units=units,
        coordinating=[u for u in labels.partners if u not in units],
        vague=bool(units) and all(is_vague(u) for u in units),
        timeframe=labels.time or _timeframe(text),
        text=text[:_TEXT_LIMIT],
        location=block.location(0, len(block.text), paths[block.index]),
    )


def _has_unit(section: Section, blocks: list[Block]) -> bool:
    return bool(units_of(_strip_marker(blocks[section.block].text, section)))


def _assigns_below(section: Section, blocks: list[Block]) -> bool:
    """Whether some item below ``section`` names a unit or carries a lead label."""
    return any(_has_unit(s, blocks) or _labels(s, blocks).found for s in walk(section.children))


def _prose_tasks(blocks: list[Block], paths: list[list[str]]) -> list[Task]:
    return [_make_task(b.text.strip(), b, paths[b.index]) for b in blocks if not _NOT_TASKS.match(fold(b.text.strip()))]


def tasks_in(section: Section, blocks: list[Block], limit: int, paths: list[list[str]],
             inherited: _Labels | None = None, mixed: bool = False) -> list[Task]:
    """The tasks of one implementation section, whose blocks end before ``limit``.

    In a section that assigns by labels (``- Đơn vị chủ trì: …``) or that also holds content (its
    title names *nội dung*, *giải pháp* …), an item with no unit, no label and nothing assigned
    below it is content or a rule, not a task; an item under a group whose labels name a lead unit
    takes that unit.
    """
    items = section.children
    if not items:
        return _prose_tasks(blocks[section.block + 1: limit], paths)
    mixed = (mixed or inherited is not None or bool(_MIXED_TITLE.search(fold(section.title)))
             or any(_labels(s, blocks).found for s in walk(items)))
    tasks: list[Task] = []
    for pos, item in enumerate(items):
        end = _end_of(item, items[pos + 1:], limit)
        if _NOT_TASKS.match(fold(item.title)):
            continue
        labels = _labels(item, blocks)
        if labels.found:
            tasks.append(_labelled_task(item, labels, blocks, end, paths))
        elif _has_unit(item, blocks):
            tasks.append(_make_task(_section_text(item, blocks, end), blocks[item.block], paths[item.block], item))
        elif item.children and item.level < 5 and _assigns_below(item, blocks):
            # A grouping heading ("1. Phân công cụ thể") whose sub-items carry the units.
            group = _group_labels(item, blocks)
            tasks.extend(tasks_in(item, blocks, end, paths, group if group.found else inherited, mixed))
        elif mixed:
            if inherited is not None and inherited.found:
                own_time = labels.time
                tasks.append(_labelled_task(item, _Labels(inherited.lead, inherited.partners, own_time, True),
                                            blocks, end, paths))
            elif labels.other:  # "Thời gian: …", "Kết quả: …" but no lead unit: a task missing its unit
                tasks.append(_make_task(_section_text(item, blocks, end), blocks[item.block], paths[item.block], item))
        elif not item.children and end - item.block > 1 and item.level < 5:
            # A heading over plain paragraphs ("1. Công tác triển khai" / "Các sở, ban, ngành …").
            tasks.extend(_prose_tasks(blocks[item.block + 1: end], paths))
        else:
            tasks.append(_make_task(_section_text(item, blocks, end), blocks[item.block], paths[item.block], item))
    return tasks


def labelled_tasks(section: Section, blocks: list[Block], limit: int, paths: list[list[str]]) -> list[Task]:
    """Tasks outside the implementation part: only items with a lead label (``Cơ quan chủ trì:``)."""
    tasks: list[Task] = []
    items = section.children
    for pos, item in enumerate(items):
        end = _end_of(item, items[pos + 1:], limit)
        labels = _labels(item, blocks)
        if labels.found:
            tasks.append(_labelled_task(item, labels, blocks, end, paths))
        elif item.children:
            tasks.extend(labelled_tasks(item, blocks, end, paths))
    return tasks
