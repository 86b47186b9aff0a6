"""Tasks in the implementation part and who is responsible for them (domain notes §4).

Each item directly under *Tổ chức thực hiện* (or *Phân công nhiệm vụ*) is a task; its units are
named at its start (``3. Đài Truyền thanh - Truyền hình huyện:``, ``Giao Phòng … chủ trì``), as
``X chủ trì`` inside it, after an opening clause (``Căn cứ Kế hoạch này, các sở, ban, ngành …``)
or in labelled lines under it (``- Đơn vị chủ trì: …``, ``- Cơ quan phối hợp: …``, ``- Thời gian
hoàn thành: …``, also without a dash, or a bare ``Cơ quan chủ trì`` over the list of its units). An item that
names no unit but groups sub-items that do is a heading: its sub-items are the tasks. Text without any item
(prose) is read paragraph by paragraph.

Duties are read outside the implementation part too (:func:`assigned_tasks`), by the grammar of an assignment:
labelled items, items that open with a unit and a duty (``Trung tâm Y tế huyện chủ trì …``, ``2. Sở Xây dựng:``),
requests (``Đề nghị …``, ``Kính đề nghị …``, ``Yêu cầu …``), ``Giao X …`` paragraphs, a later sentence that gives
a body a duty. Not there: who a plan is about (*Đối tượng*, *Khẩu hiệu* …), a committee's members, the steps of
a procedure (*Trình tự, thủ tục*: only requests in words count), topics (``1. Doanh nghiệp số``) and the people a
plan speaks of (``Cán bộ, công chức, viên chức``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from checker.extract.units import (
    LEVELS,
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
# Labelled lines that say who leads, who helps and by when: "Cơ quan chủ trì: …", "Cơ quan chủ trì, thực hiện: …",
# "Đơn vị chủ trì tham mưu: …", "Chủ trì thực hiện: …", "Trách nhiệm thực hiện: …". Without a colon the label
# heads the lines that name the units ("2. Cơ quan chủ trì" / "- Ban Chỉ đạo quốc gia.").
_LEAD_WORDS = (r"(?:(?:cơ quan|đơn vị|bộ phận|người|cơ quan, đơn vị)\s+(?:được giao\s+)?"
               r"(?:chủ trì|thực hiện|phụ trách|được giao|chịu trách nhiệm|đầu mối)"
               r"(?:\s*,?\s*(?:thực hiện|tham mưu|theo dõi|phối hợp|triển khai))*"
               r"|chủ trì(?:\s+thực hiện)?|trách nhiệm(?:\s+thực hiện)?)")
_LEAD_LABEL = re.compile(rf"^{_LEAD_WORDS}\s*:\s*")
_LEAD_HEADING = re.compile(rf"^{_LEAD_WORDS}\s*:?\s*$")
_PARTNER_WORDS = r"(?:(?:đơn vị|cơ quan|bộ phận)\s+)?phối hợp(?:\s+thực hiện)?"
_PARTNER_LABEL = re.compile(rf"^{_PARTNER_WORDS}\s*:\s*")
_PARTNER_HEADING = re.compile(rf"^{_PARTNER_WORDS}\s*:?\s*$")
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


def _make_task(text: str, block: Block, path: list[str], item: Section | None = None,
               units: list[str] | None = None) -> Task:
    """A task whose units are read from its first paragraph (unless given) and whose text is all of it."""
    title = _strip_marker(block.text, item)
    units = units or units_of(title)
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


def _spans(items: list[Section], end: int) -> list[tuple[Section, int]]:
    """Each item with the block its text ends before (the next item, or ``end``)."""
    return [(item, items[pos + 1].block if pos + 1 < len(items) else end) for pos, item in enumerate(items)]


def _walk_spans(items: list[Section], end: int) -> Iterator[tuple[Section, int]]:
    for item, item_end in _spans(items, end):
        yield item, item_end
        yield from _walk_spans(item.children, item_end)


def _extend(target: list[str], units: list[str]) -> None:
    target.extend(u for u in units if u not in target)


class _Reader:
    """Reads the tasks of one part; remembers the labels found under each item (they are asked for again
    by every heading above it)."""

    def __init__(self, blocks: list[Block], paths: list[list[str]], tables: frozenset[int] = frozenset()) -> None:
        self.blocks = blocks
        self.paths = paths
        self.tables = tables  # task tables, read row by row by task_tables: their cells are no paragraphs here
        self.found: dict[tuple[int, int], _Labels] = {}

    def lines(self, start: int, end: int) -> list[Block]:
        """The blocks from ``start`` to ``end`` but the cells of task tables."""
        return [b for b in self.blocks[start:end] if b.table is None or b.table not in self.tables]

    def heading(self, item: Section) -> str:
        return _strip_marker(self.blocks[item.block].text, item)

    def own_lines(self, item: Section, end: int) -> list[Block]:
        """The lines under ``item`` that may carry its labels: every line before ``end`` but those of a
        numbered sub-item with a lead label of its own (a task of its own, ``1.1.`` / ``- Đơn vị chủ trì:``);
        a numbered sub-item that is itself a label (``2. Cơ quan chủ trì``) is one of the item's lines."""
        skip: list[tuple[int, int]] = []
        self._tasks_below(item, end, skip)
        if not skip:
            return self.lines(item.block + 1, end)
        kept: list[Block] = []
        at = item.block + 1
        for a, z in sorted(skip):  # the spans are disjoint: take what lies between them
            kept.extend(self.lines(at, a))
            at = max(at, z)
        kept.extend(self.lines(at, end))
        return kept

    def _tasks_below(self, item: Section, end: int, skip: list[tuple[int, int]]) -> None:
        """The spans of the numbered sections below ``item`` that are tasks of their own (their own lead label)."""
        for child, child_end in _spans(item.children, end):
            if child.level <= 4 and not _is_label(fold(self.heading(child))) and self.labels(child, child_end).found:
                skip.append((child.block, child_end))
            else:
                self._tasks_below(child, child_end, skip)

    def labels(self, item: Section, end: int) -> _Labels:
        """The labelled lines under ``item`` (``- Đơn vị chủ trì: …``; ``Cơ quan chủ trì:`` / ``- Sở …``)."""
        key = (item.block, end)
        if key not in self.found:
            self.found[key] = self._read_labels(item, end)
        return self.found[key]

    def _read_labels(self, item: Section, end: int) -> _Labels:
        labels = _Labels()
        listing: list[str] | None = None  # the list the lines under a bare label go to
        for block in self.own_lines(item, end):
            text = _strip_marker(block.text)
            folded = fold(text)
            unit_label = _unit_label(folded)
            if unit_label is not None:  # "Cơ quan chủ trì: …", "Cơ quan phối hợp: …", or the bare label
                is_lead, value_at = unit_label
                labels.found = labels.found or is_lead
                labels.other = labels.other or not is_lead
                target = labels.lead if is_lead else labels.partners
                named = _named(text[value_at:]) if value_at is not None else []
                _extend(target, named)
                listing = None if named else target
            elif time := _TIME_LABEL.match(folded):
                labels.other = True
                labels.time = text[time.end():].strip().rstrip(" .;") or labels.time
                listing = None
            elif _RESULT_LABEL.match(folded):
                labels.other = True
                listing = None
            elif listing is not None and starts_with_unit(text):
                # "+ Sở Văn hóa và Thể thao chủ trì, phối hợp với …": the unit, not its duty
                _extend(listing, _named(text))
            else:
                listing = None
        return labels

    def group_labels(self, section: Section, end: int) -> _Labels:
        """The lead labels anywhere under a grouping heading: in ``3. Theo dõi …`` / ``3.1 …`` / ``3.2 …`` /
        ``3.3 …`` / ``- Đơn vị chủ trì: …`` the last item's labels serve the whole group."""
        group = _Labels()
        for child, child_end in _walk_spans(section.children, end):
            labels = self.labels(child, child_end)
            if labels.found:
                group.found = True
                _extend(group.lead, labels.lead)
                _extend(group.partners, labels.partners)
        return group

    def labelled_task(self, item: Section, labels: _Labels, end: int) -> Task:
        block = self.blocks[item.block]
        text = _section_text(item, self.blocks, end)
        units = labels.lead or units_of(self.heading(item))
        return Task(
            units=units,
            coordinating=[u for u in labels.partners if u not in units],
            vague=bool(units) and all(is_vague(u) for u in units),
            timeframe=labels.time or _timeframe(text),
            text=text[:_TEXT_LIMIT],
            location=block.location(0, len(block.text), self.paths[block.index]),
        )

    def item_task(self, item: Section, end: int, units: list[str] | None = None) -> Task:
        return _make_task(_section_text(item, self.blocks, end), self.blocks[item.block], self.paths[item.block], item,
                          units)

    def handed_on(self, item: Section, end: int, strict: bool = False) -> list[Task]:
        """Sub-items of a unit's item that hand a task to another body in words ("8. Giám đốc Sở, Thủ trưởng cơ
        quan, ban, ngành …" / "b) Giao Thanh tra thành phố …" / "c) Giao Công an thành phố …"), or that name
        who in the body answers for a duty ("1. Ban Thường trực Ủy ban MTTQ xã" / "- Đồng chí Chủ tịch Ủy ban
        MTTQ xã chịu trách nhiệm chỉ đạo chung …")."""
        own = set(units_of(self.heading(item)))
        tasks = []
        # A paragraph of its own after the item's lines (no marker: what follows a list, "Đề nghị Ủy ban nhân dân
        # huyện quan tâm hỗ trợ kinh phí …" under the last lettered item of the part).
        for block in self.blocks[item.block + 1: end]:
            text = block.text.strip()
            if split_marker(text) is not None or block.table is not None:
                continue
            if _ASSIGNING_LEAD.match(text):
                units = _assignment(text)
            elif strict:
                continue  # in a procedure only a request in words hands out a task
            else:  # "Chủ tịch UBND các xã, phường báo cáo kết quả …": a body and its duty
                units, at = leading_units(text)
                if (not units or all(map(is_vague, units)) or _PEOPLE.match(fold(text))
                        or not _DUTY_START.match(fold(text[at: at + 40]))):
                    continue  # ("Các cơ quan, đơn vị báo cáo kết quả …" closes the part: the reporting line)
            if units and not set(units) & own:
                tasks.append(_make_task(text, block, self.paths[block.index], units=units))
        for sub, sub_end in _walk_spans(item.children, end):
            heading = self.heading(sub)
            if _ASSIGNING_LEAD.match(heading) and (units := _assignment(heading)):
                tasks.append(self.item_task(sub, sub_end, units))
            elif not strict and _PERSONS_START.match(fold(heading)):
                units, at = leading_units(heading)
                # a duty follows the office ("… chịu trách nhiệm chỉ đạo chung"): not a member listed by title
                if units and at < len(heading) and not set(units) & own and not _MEMBER.match(fold(heading[at:])):
                    tasks.append(self.item_task(sub, sub_end))
        return tasks

    def has_unit(self, section: Section) -> bool:
        return bool(units_of(self.heading(section)))

    def assigns_below(self, section: Section, end: int) -> bool:
        """Whether some item below ``section`` names a unit or carries a lead label."""
        return any(self.has_unit(s) or self.labels(s, e).found for s, e in _walk_spans(section.children, end))

    def prose_tasks(self, blocks: list[Block]) -> list[Task]:
        return [_make_task(b.text.strip(), b, self.paths[b.index]) for b in blocks
                if not _NOT_TASKS.match(fold(b.text.strip())) and (b.table is None or b.table not in self.tables)]

    def implementation(self, section: Section, limit: int, inherited: _Labels | None = None,
                       mixed: bool = False) -> list[Task]:
        """See :func:`tasks_in`."""
        items = section.children
        if not items:
            return self.prose_tasks(self.blocks[section.block + 1: limit])
        spans = _spans(items, limit)
        mixed = (mixed or inherited is not None or bool(_MIXED_TITLE.search(fold(section.title)))
                 or any(self.labels(s, e).found for s, e in _walk_spans(items, limit)))
        tasks: list[Task] = []
        for item, end in spans:
            if _NOT_TASKS.match(fold(item.title)):
                continue
            labels = self.labels(item, end)
            if _MEMBER.match(fold(self.heading(item).split(":", 1)[1] if ":" in self.heading(item) else "")):
                continue  # "- Trưởng ban: Đồng chí Nguyễn Văn A": a member of a committee, not a task
            if labels.found:
                tasks.append(self.labelled_task(item, labels, end))
            elif _MEMBERS_FOLLOW.search(fold(self.heading(item))):
                # "Thành lập Ban Chỉ đạo huyện, gồm:" and its members: no task of their own
                if self.has_unit(item):
                    tasks.append(self.item_task(item, end))
            elif self.has_unit(item):
                tasks.append(self.item_task(item, end))
                tasks.extend(self.handed_on(item, end))
            elif item.children and item.level < 5 and self.assigns_below(item, end):
                # A grouping heading ("1. Phân công cụ thể") whose sub-items carry the units.
                group = self.group_labels(item, end)
                tasks.extend(self.implementation(item, end, group if group.found else inherited, mixed))
            elif mixed:
                if inherited is not None and inherited.found:
                    tasks.append(self.labelled_task(item, _Labels(inherited.lead, inherited.partners, labels.time,
                                                                  True), end))
                elif labels.other:  # "Thời gian: …", "Kết quả: …" but no lead unit: a task missing its unit
                    tasks.append(self.item_task(item, end))
            elif not item.children and end - item.block > 1 and item.level < 5:
                # A heading over plain paragraphs ("1. Công tác triển khai" / "Các sở, ban, ngành …").
                tasks.extend(self.prose_tasks(self.blocks[item.block + 1: end]))
            else:
                tasks.append(self.item_task(item, end))
        return tasks

    def assigned(self, section: Section, limit: int, own: bool = False, strict: bool = False) -> list[Task]:
        """See :func:`assigned_tasks`. ``strict``: inside a procedure, only what is handed out in words."""
        title = fold(section.title)
        if _NOT_ASSIGNING.match(title) and not _TASK_WORDS.search(title):
            # who the plan is about (Đối tượng), slogans, criteria: nobody is handed a task there ("MỤC TIÊU,
            # NHIỆM VỤ" names tasks too)
            return []
        # The steps of a procedure (Trình tự, thủ tục) name who acts at each step; they hand out no task, but a
        # request in it does ("Đề nghị các cơ quan … gửi …").
        strict = strict or (section.level <= 3 and len(title) <= 100 and bool(_PROCEDURE.search(title)))
        own_units = own and _assignment(self.heading(section), strict=strict, procedure=strict,
                                        heading_only=limit - section.block > 1 or bool(section.children))
        if own_units:
            # A request in the item's own paragraphs is a task of its own ("Yêu cầu các sở, ngành và UBND các
            # xã … tổ chức thực hiện tốt các nội dung trên" after a letter's last item).
            first_child = section.children[0].block if section.children else limit
            return [self.item_task(section, limit, own_units)] + [
                _make_task(b.text.strip(), b, self.paths[b.index], units=units)
                for b in self.blocks[section.block + 1: first_child]
                if split_marker(b.text) is None and _ASSIGNING_LEAD.match(b.text)
                and (units := _assignment(b.text.strip()))
            ] + self.handed_on(section, limit, strict)
        labels = self.labels(section, limit)
        if labels.found:  # "I. …" / "1. Nội dung" / "2. Cơ quan chủ trì" / "3. Thời gian thực hiện": one task
            return [self.labelled_task(section, labels, limit)]
        tasks: list[Task] = []
        first_child = section.children[0].block if section.children else limit
        # Paragraphs of the section's own text that hand out a task ("Giao Sở Y tế chủ trì …").
        tasks.extend(_make_task(b.text.strip(), b, self.paths[b.index], units=units)
                     for b in self.blocks[section.block + 1: first_child]
                     if split_marker(b.text) is None
                     and (units := _assignment(b.text.strip(), strict=True, procedure=strict)))
        for item, end in _spans(section.children, limit):
            labels = self.labels(item, end)
            if labels.found:
                tasks.append(self.labelled_task(item, labels, end))
            else:
                tasks.extend(self.assigned(item, end, own=True, strict=strict))
        return tasks


_ASSIGNING_LEAD = re.compile(r"^\s*(?:giao(?:\s+cho)?|(?:kính\s+|trân trọng\s+)?đề nghị|yêu cầu)\s+", re.IGNORECASE)


# Sections that say who or what a plan is about rather than who does what: its subjects (Đối tượng, Phạm vi,
# Thành phần), slogans, criteria and titles of emulation, aims and figures, the situation.
_NOT_ASSIGNING = re.compile(
    r"^(?:đối tượng|phạm vi|thành phần|khẩu hiệu|tiêu chí|tiêu chuẩn|danh hiệu|hình thức khen|hình thức tôn vinh|"
    r"cơ cấu|địa điểm|đại biểu|mục tiêu|chỉ tiêu|tình hình|thực trạng|kết quả đạt được|quan điểm|nguyên tắc|"
    r"giải thích|căn cứ|mục đích|yêu cầu)"
)


_MEMBER = re.compile(r"^\s*(?:(?:các\s+)?(?:đồng chí|đ/c|ông|bà|anh|chị|đại diện)\b|gồm\b|là\s+(?:đồng chí|ông|bà)\b)")
# The part of a body's name after its head word: a proper name ("Sở Nội vụ"), a level or place ("Công an tỉnh",
# "UBND các xã"), a group ("Các tổ chức thành viên").
_LEVELS = re.compile(r"(?:các|những|" + LEVELS + r"|cấp|trung ương|tổ dân phố|cơ sở)(?![\wÀ-ỹ])")


def _proper(unit: str) -> bool:
    """Whether a name standing alone as a heading names a body: a capital after its first word, a level or a
    group word; "Doanh nghiệp số", "Tổ chức bộ máy" are topics."""
    words = unit.split()
    rest = " ".join(words[1:])
    if "," in unit or "liên quan" in fold(unit):
        return True  # a group: "Sở, ban, ngành liên quan"
    return any(w[:1].isupper() for w in words[1:]) or bool(_LEVELS.search(fold(unit))) or (
        len(words) == 1 and unit[:1].isupper()) or not rest


# Office-holders and staff named under their body's item.
_PERSONS_START = re.compile(r"^(?:(?:các|những)\s+)?(?:đồng chí|đ/c|ông|bà|chủ tịch|phó chủ tịch|trưởng|phó trưởng|"
                            r"giám đốc|phó giám đốc|bí thư|phó bí thư|chánh|cán bộ|chuyên viên|thủ trưởng|lãnh đạo)\b")
_TASK_WORDS = re.compile(r"nhiệm vụ|nội dung|giải pháp|hoạt động|phân công|trách nhiệm")
# ("thủ tục hành chính" is the subject of administrative reform, not a procedure of the plan's own.)
_PROCEDURE = re.compile(r"(?<![\wÀ-ỹ])(?:trình tự|thủ tục(?!\s+hành chính)|quy trình|các bước)(?![\wÀ-ỹ])")


def _assignment(text: str, strict: bool = False, heading_only: bool = True, procedure: bool = False) -> list[str]:
    """The units a text outside the implementation part makes responsible: an item that opens with a unit
    (``2. Sở Xây dựng: …``, ``Trung tâm Y tế huyện chủ trì …``, ``1.1. Giao Công an Thành phố``,
    ``6. Đề nghị Hiệp hội Doanh nghiệp tỉnh:``) or says ``X chủ trì``. A paragraph (``strict``) counts only
    with a word that hands out the task (``Giao``, ``Đề nghị``, ``Yêu cầu``) or ``X chủ trì``. An item that is
    a name and nothing else (``1. Sở Nông nghiệp và Môi trường``) counts when its duties follow it
    (``heading_only``)."""
    units, at = leading_units(text)
    if units and at >= len(text) and (not heading_only or not all(map(_proper, units))):
        units = []  # a heading that is a topic ("1. Doanh nghiệp số"), not a body ("1. Sở Nội vụ")
    after = _after_names(text, units) if units else ""
    if units and not _ASSIGNING_LEAD.match(text) and (_PEOPLE.match(fold(text)) or (
            at < len(text) and text[at - 1: at] != ":" and _WEAK.match(fold(after[:24])))):
        # "Bệnh viện thân thiện với người bệnh", "Cán bộ, công chức, viên chức …": a topic or the people a
        # plan speaks of, not a body handed a duty
        units = []
    if units and _MEMBER.match(fold(text[at: at + 40])):
        units = []  # "Trưởng đoàn: đồng chí …": who sits on a committee, not what it is to do
    if units and (not strict or _ASSIGNING_LEAD.match(text)):
        return units
    if strict and procedure:
        return []  # "Trưởng ban công tác Mặt trận chủ trì hội nghị": who chairs a step of the procedure
    return lead_units_in(text[:_TEXT_LIMIT]) or ([] if strict else _sentence_units(text[:_TEXT_LIMIT]))


_MEMBERS_FOLLOW = re.compile(r"(?:gồm|gồm có|thành phần gồm)\s*:?\s*$")
_WEAK = re.compile(r"\s*(?:với|là|có(?!\s+trách nhiệm)|được(?!\s+giao)|theo(?!\s+(?:dõi|chức năng|thẩm quyền|nhiệm vụ))"
                   r"|trong(?!\s+phạm vi)|để|nhằm|của|về|cho)(?![\wÀ-ỹ])")


def _after_names(text: str, units: list[str]) -> str:
    """The text after the last of ``units`` in ``text`` (where the duty, or the sentence, goes on)."""
    at = text.find(units[-1])
    return text[at + len(units[-1]):].lstrip(" ,;:-–") if at != -1 else ""


_SENTENCE_START = re.compile(r"(?<=[.;!?])\s+(?=[A-ZÀ-ỸĐ])")


def _sentence_units(text: str) -> list[str]:
    """Units that open a later sentence of an item and are given a duty there ("- Có giải pháp giảm tỷ lệ trễ hẹn
    …. Thủ trưởng các cơ quan, đơn vị, địa phương định kỳ hằng tuần tổ chức rà soát …")."""
    for start in _SENTENCE_START.finditer(text):
        sentence = text[start.end():]
        if not sentence[:1].isupper():
            continue
        units, at = leading_units(sentence)
        if (units and at < len(sentence) and not _ASSIGNING_LEAD.match(sentence)
                and not _PEOPLE.match(fold(sentence)) and _DUTY_START.match(fold(sentence[at: at + 40]))):
            return units
    return []


# What a later sentence must say for its subject to be a responsible unit: a duty, not a description.
_DUTY_START = re.compile(r"^[\s,:-]*(?:định kỳ\s+(?:\S+\s+){0,3})?(?:chủ trì|chịu trách nhiệm|có trách nhiệm|tham mưu|"
                         r"chỉ đạo|phối hợp|thực hiện|triển khai|xây dựng|rà soát|hướng dẫn|tổ chức|theo dõi|"
                         r"kiểm tra|báo cáo|khẩn trương)(?![\wÀ-ỹ])")
_PEOPLE = re.compile(r"^(?:(?:các|những|mọi|toàn thể)\s+)?(?:cán bộ|đảng viên|công chức|viên chức|người lao động|"
                     r"nhân dân|hội viên|đoàn viên)(?![\wÀ-ỹ])")


def _unit_label(folded: str) -> tuple[bool, int | None] | None:
    """(lead or partner, where the value starts, None for a bare label) when a line is a unit label."""
    for is_lead, label, heading in ((True, _LEAD_LABEL, _LEAD_HEADING), (False, _PARTNER_LABEL, _PARTNER_HEADING)):
        if m := label.match(folded):
            return is_lead, m.end()
        if heading.match(folded):
            return is_lead, None
    return None


def _is_label(folded: str) -> bool:
    return _unit_label(folded) is not None or bool(_TIME_LABEL.match(folded) or _RESULT_LABEL.match(folded))


def tasks_in(section: Section, blocks: list[Block], limit: int, paths: list[list[str]],
             tables: frozenset[int] = frozenset()) -> list[Task]:
    """The tasks of one implementation section, whose blocks end before ``limit``.

    In a section that assigns by labels (``- Đơn vị chủ trì: …``) or that also holds content (its
    title names *nội dung*, *giải pháp* …), an item with no unit, no label and nothing assigned
    below it is content or a rule, not a task; an item under a group whose labels name a lead unit
    takes that unit.
    """
    return _Reader(blocks, paths, tables).implementation(section, limit)


def assigned_tasks(section: Section, blocks: list[Block], limit: int, paths: list[list[str]],
                   own: bool = False, tables: frozenset[int] = frozenset()) -> list[Task]:
    """Tasks outside the implementation part (content, funding, the items of a letter or directive that has no
    such part): items with a lead label (``Cơ quan chủ trì:``), items that open with a unit
    (``4. Sở Y tế: …``, ``Trung tâm Y tế huyện chủ trì …``, ``Đề nghị Hiệp hội …``), and paragraphs that hand
    out a task (``Giao Sở Tài chính chủ trì …``). ``own``: the section's own heading may be such an item
    (a top-level ``4. Sở Y tế`` in a directive without Roman parts)."""
    return _Reader(blocks, paths, tables).assigned(section, limit, own)
