"""The section tree of a plan and its standard parts (domain notes §4).

Markers nest ``I.`` → ``1.`` → ``1.1`` → ``1.1.1`` → ``a)`` → ``-`` → ``+``; in Word files a heading style
without a typed marker also opens a section. Top-level sections are classified into the standard
parts (purpose, content, implementation, funding) from their titles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.extract.units import starts_with_unit
from checker.extract.vocabulary import AUTHORITY
from checker.model.document import Block
from checker.model.plan import Part, Section, StandardParts
from checker.text.markers import item_number, split_marker
from checker.text.normalize import fold

_PART_WORDS: list[tuple[Part, re.Pattern[str]]] = [
    ("implementation", re.compile(
        r"tổ chức thực hiện|phân công|trách nhiệm thực hiện|trách nhiệm của|"
        # An event plan names its organising committee and sub-committees instead (corpus 030).
        r"^thành lập ban (?:tổ chức|chỉ đạo)|^ban (?:tổ chức|chỉ đạo)$"
    )),
    ("funding", re.compile(r"^kinh phí|^nguồn kinh phí|^dự toán")),
    ("purpose", re.compile(r"mục đích|yêu cầu|mục tiêu|quan điểm")),
    ("content", re.compile(
        r"nội dung|nhiệm vụ|giải pháp|hoạt động|biện pháp|hình thức|phương thức|lộ trình|chỉ tiêu|"
        r"thời gian|đối tượng|phạm vi|định hướng|công tác|chương trình|tiến độ|khẩu hiệu|tuyên truyền"
    )),
]
_CONTENT_WORDS = re.compile(r"nội dung|nhiệm vụ|giải pháp|hoạt động|biện pháp")
#: The closing of a document's body (``Trên đây là …``, ``Nơi nhận:``), on folded text.
CLOSING = re.compile(r"^(?:trên đây là|nơi nhận\s*(?::|$)|trong quá trình (?:tổ chức )?thực hiện)")
#: The recipients heading: "Nơi nhận:" alone or followed by the list, never "Nơi nhận văn bản …".
RECIPIENTS_HEADING = re.compile(r"^nơi nhận\s*(?::|$)")
# What opens an attachment after the signature: "Phụ lục I", "PHỤ LỤC", "ĐỀ CƯƠNG BÁO CÁO", "Mẫu số 01".
_APPENDIX = re.compile(r"^(?:phụ lục|đề cương|mẫu(?: số)?\s*\d|biểu(?: mẫu| số)?\s*\d*|danh mục|danh sách)\b")
_TITLE_LIMIT = 200
# A letter's salutation: the dashes under it list its addressees, not sections.
_ADDRESSED = ("kính gửi", "đồng kính gửi")
# A Công điện names its addressees after "… điện:" ("THỦ TƯỚNG CHÍNH PHỦ điện:", "CHỦ TỊCH UBND TỈNH điện:").
_DISPATCH = re.compile(r"(?<![\wÀ-ỹ])điện\s*:\s*$")


def classify_part(title: str) -> Part:
    """Which standard part a top-level heading names."""
    folded = fold(title)
    for part, pattern in _PART_WORDS:
        if pattern.search(folded):
            return part
    return "other"


def _heading_like(section: Section) -> bool:
    """Whether a top-level section's title reads as a part heading rather than an item that assigns a task."""
    if section.level == 1 or section.title.isupper():
        return True
    title = section.title.strip()
    return len(title) <= 80 and not title.endswith(".") and not starts_with_unit(title)


def appendix_start(blocks: list[Block], recipients_at: int | None, roots: list[Section]) -> int:
    """Where the attachments begin: the first appendix heading or top-level section after the
    recipients (``Nơi nhận``); ``len(blocks)`` when there is none.

    Reporting outlines (*đề cương*), forms and task tables follow the signature with headings of
    their own (``I. ĐẶC ĐIỂM TÌNH HÌNH``); they are not parts of the plan itself.
    """
    if recipients_at is None:
        return len(blocks)
    tops = [s.block for s in roots if s.level == 1 and s.block > recipients_at]
    first_top = min(tops, default=len(blocks))
    for block in blocks[recipients_at + 1: first_top]:
        if _APPENDIX.match(fold(block.text.strip())):
            return block.index
    return first_top


# The title of an attached document: "KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG" … in capitals, alone on its line
# or with its subject ("KẾ HOẠCH TRIỂN KHAI …").
_ATTACHED_TITLE = re.compile(r"^(?:kế hoạch|chương trình(?: hành động)?|phương án|đề án|quy chế|hướng dẫn)\b")


def attached_documents(blocks: list[Block], end: int) -> list[tuple[int, int]]:
    """Where documents attached after the signature begin and end (a plan issued by a decision): from a title
    written in capitals to the next such title or the end of the text."""
    starts = [b.index for b in blocks[end:] if b.text.strip().isupper() and len(b.text.strip()) < 300
              and _ATTACHED_TITLE.match(fold(b.text.strip().strip("*").strip()))]
    return [(start, starts[pos + 1] if pos + 1 < len(starts) else len(blocks)) for pos, start in enumerate(starts)]


def _heading(block: Block, previous: int | None = None) -> tuple[str, int, str] | None:
    found = split_marker(block.text, previous)
    if found:
        return found
    # Word heading styles (outline levels are 1-based) open sections without a typed marker.
    if block.outline_level is not None and block.outline_level <= 3 and len(block.text) <= _TITLE_LIMIT:
        return "", block.outline_level, block.text.strip()
    return None


# Numbered headings all have level 3, but they nest by how many numbers they have: 1.1 → 1.1.1 → 1.1.1.1.
# Up to this many numbers; deeper ones are siblings of the deepest, which keeps the tree shallow
# whatever a file holds (a hostile "1.1.1.1…" of a thousand numbers would otherwise nest a thousand deep).
_MAX_NUMBERS = 6
_NUMBERS = re.compile(r"\d+")


def _rank(section: Section) -> tuple[int, int]:
    """The order in which sections nest: the level, then for level 3 the count of numbers in the marker
    (an unmarked Word heading of level 3 ranks as ``1.1``)."""
    if section.level != 3:
        return section.level, 0
    return 3, min(max(len(_NUMBERS.findall(section.marker)), 2), _MAX_NUMBERS)


def build_sections(blocks: list[Block], start: int) -> tuple[list[Section], list[list[str]]]:
    """The section tree of ``blocks[start:]`` and, for every block, its path of markers."""
    roots: list[Section] = []
    stack: list[Section] = []
    paths: list[list[str]] = [[] for _ in blocks]
    previous: int | None = None  # the number of the last numbered item: lists go on past 99.
    addressees = False  # in the list after "Kính gửi:" (a letter's addressees: no section)
    for block in blocks[start:]:
        if block.kind == "footnote":  # a note belongs where it is referenced; its own markers open nothing
            paths[block.index] = [n.marker or n.title[:40] for n in stack]
            continue
        folded = fold(block.text.strip())
        if CLOSING.match(folded):
            stack = []
            continue
        found = _heading(block, previous)
        if not stack and (folded.startswith(_ADDRESSED) or _DISPATCH.search(folded)):
            addressees = True
            continue
        if addressees and found is not None and found[1] >= 5:
            continue
        addressees = False
        if found:
            marker, level, title = found
            node = Section(marker=marker, level=level, title=title[:_TITLE_LIMIT], block=block.index)
            if level == 2:
                previous = item_number(marker)
            while stack and _rank(stack[-1]) >= _rank(node):
                stack.pop()
            (stack[-1].children if stack else roots).append(node)
            stack.append(node)
        paths[block.index] = [n.marker or n.title[:40] for n in stack]
    return roots, paths


def top_level(roots: list[Section]) -> list[Section]:
    """The sections that play the role of I., II., III.: Roman headings if any, else the roots."""
    romans = [s for s in roots if s.level == 1]
    return romans or roots


def assign_parts(roots: list[Section], end: int | None = None) -> StandardParts:
    """Classify the top-level sections and return the headings found for each standard part.

    Sections from block ``end`` on are attachments: they are left as ``other``. A heading that
    names two parts (``MỤC TIÊU, NHIỆM VỤ``; ``NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM``) fills
    both; its blocks count as the later part, which is what most of its text is.
    """
    parts = StandardParts()
    for section in top_level(roots):
        if end is not None and section.block >= end:
            section.part = "other"
            continue
        # Numbered items at the top (a letter, a directive) are parts only when they read as headings: "4. UBND
        # các xã tổ chức thực hiện nghiêm túc." hands out a task; it is no "Tổ chức thực hiện" part.
        section.part = classify_part(section.title) if _heading_like(section) else "other"
        label = f"{section.marker} {section.title}".strip()
        names_content = bool(_CONTENT_WORDS.search(fold(section.title)))
        if section.part == "purpose" and names_content:
            section.part = "content"
            parts.purpose = parts.purpose or label
        if section.part == "implementation" and names_content and parts.content is None:
            parts.content = label
        if section.part == "purpose" and parts.purpose is None:
            parts.purpose = label
        elif section.part == "content" and parts.content is None:
            parts.content = label
        elif section.part == "implementation" and parts.implementation is None:
            parts.implementation = label
        elif section.part == "funding" and parts.funding is None:
            parts.funding = label
    return parts


def walk(sections: list[Section]) -> Iterator[Section]:
    """Every section in document order."""
    for section in sections:
        yield section
        yield from walk(section.children)


def block_parts(blocks: list[Block], roots: list[Section], body_start: int, end: int | None = None) -> list[Part]:
    """The part of each block: header, preamble, a standard part, closing, recipients or signature.

    Blocks before ``body_start`` are the header; blocks from ``end`` on (attachments) are ``other``.
    Recipients run from ``Nơi nhận`` to the signature authority (``TM.``, ``KT.``, ``T/M`` …): Word
    often bullets them automatically, so the items carry no dash of their own.
    """
    result: list[Part] = []
    tops = sorted(top_level(roots), key=lambda s: s.block)
    top_i = -1
    closing = False
    recipients = False
    recipients_column: tuple[int, int | None] | None = None
    for block in blocks:
        i = block.index
        folded = fold(block.text.strip())
        if end is not None and i >= end:
            result.append("other")
            continue
        while top_i + 1 < len(tops) and tops[top_i + 1].block <= i:
            top_i += 1
            if tops[top_i].level == 1:  # a bulleted recipient is no new section
                closing = recipients = False
        if i < body_start:
            result.append("header")
            continue
        if RECIPIENTS_HEADING.match(folded):
            recipients = True
            recipients_column = (block.table, block.cell) if block.table is not None else None
            result.append("recipients")
            continue
        if CLOSING.match(folded):
            closing = True
        if recipients:
            result.append("recipients" if _is_recipient_line(block, folded, recipients_column) else "signature")
        elif closing:
            result.append("closing")
        elif top_i == -1:
            result.append("preamble")
        else:
            result.append(tops[top_i].part or "other")
    return result


def _is_recipient_line(block: Block, folded: str, column: tuple[int, int | None] | None) -> bool:
    """Whether a block after ``Nơi nhận`` is one of the recipients rather than the signature."""
    if column is not None:  # a Word table: the recipients fill their column
        return (block.table, block.cell) == column
    if folded[:1] in "-–+•*":
        return True
    if AUTHORITY.match(block.text.strip()) or block.text.strip().isupper():
        return False
    return block.text.rstrip().endswith((";", ",")) or folded.startswith("lưu")
