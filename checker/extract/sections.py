"""The section tree of a plan and its standard parts (domain notes §4).

Markers nest ``I.`` → ``1.`` → ``1.1`` → ``a)`` → ``-`` → ``+``; in Word files a heading style
without a typed marker also opens a section. Top-level sections are classified into the standard
parts (purpose, content, implementation, funding) from their titles.
"""

from __future__ import annotations

import re

from checker.model.document import Block
from checker.model.plan import Part, Section, StandardParts
from checker.text.markers import split_marker
from checker.text.normalize import fold

_PART_WORDS: list[tuple[Part, re.Pattern[str]]] = [
    ("implementation", re.compile(r"tổ chức thực hiện|phân công|trách nhiệm thực hiện|trách nhiệm của")),
    ("funding", re.compile(r"^kinh phí|^nguồn kinh phí|^dự toán")),
    ("purpose", re.compile(r"mục đích|yêu cầu|mục tiêu|quan điểm")),
    ("content", re.compile(
        r"nội dung|nhiệm vụ|giải pháp|hoạt động|biện pháp|hình thức|phương thức|lộ trình|chỉ tiêu|"
        r"thời gian|đối tượng|phạm vi|định hướng|công tác|chương trình|tiến độ|khẩu hiệu|tuyên truyền"
    )),
]
_CLOSING = re.compile(r"^(?:trên đây là|nơi nhận|trong quá trình (?:tổ chức )?thực hiện)")
_TITLE_LIMIT = 200


def classify_part(title: str) -> Part:
    """Which standard part a top-level heading names."""
    folded = fold(title)
    for part, pattern in _PART_WORDS:
        if pattern.search(folded):
            return part
    return "other"


def _heading(block: Block) -> tuple[str, int, str] | None:
    found = split_marker(block.text)
    if found:
        return found
    # Word heading styles (outline levels are 1-based) open sections without a typed marker.
    if block.outline_level is not None and block.outline_level <= 3 and len(block.text) <= _TITLE_LIMIT:
        return "", block.outline_level, block.text.strip()
    return None


def build_sections(blocks: list[Block], start: int) -> tuple[list[Section], list[list[str]]]:
    """The section tree of ``blocks[start:]`` and, for every block, its path of markers."""
    roots: list[Section] = []
    stack: list[Section] = []
    paths: list[list[str]] = [[] for _ in blocks]
    for block in blocks[start:]:
        if _CLOSING.match(fold(block.text.strip())):
            stack = []
            continue
        found = _heading(block)
        if found:
            marker, level, title = found
            node = Section(marker=marker, level=level, title=title[:_TITLE_LIMIT], block=block.index)
            while stack and stack[-1].level >= level:
                stack.pop()
            (stack[-1].children if stack else roots).append(node)
            stack.append(node)
        paths[block.index] = [n.marker or n.title[:40] for n in stack]
    return roots, paths


def top_level(roots: list[Section]) -> list[Section]:
    """The sections that play the role of I., II., III.: Roman headings if any, else the roots."""
    romans = [s for s in roots if s.level == 1]
    return romans or roots


def assign_parts(roots: list[Section]) -> StandardParts:
    """Classify the top-level sections and return the headings found for each standard part."""
    parts = StandardParts()
    for section in top_level(roots):
        section.part = classify_part(section.title)
        label = f"{section.marker} {section.title}".strip()
        if section.part == "purpose" and parts.purpose is None:
            parts.purpose = label
        elif section.part == "content" and parts.content is None:
            parts.content = label
        elif section.part == "implementation" and parts.implementation is None:
            parts.implementation = label
        elif section.part == "funding" and parts.funding is None:
            parts.funding = label
    return parts


def walk(sections: list[Section]):  # type: ignore[no-untyped-def]
    """Every section in document order."""
    for section in sections:
        yield section
        yield from walk(section.children)


def block_parts(blocks: list[Block], roots: list[Section], header_end: int, body_start: int) -> list[Part]:
    """The part of each block: header, preamble, a standard part, closing, recipients or signature."""
    result: list[Part] = []
    tops = sorted(top_level(roots), key=lambda s: s.block)
    top_i = -1
    closing = False
    recipients = False
    for block in blocks:
        i = block.index
        folded = fold(block.text.strip())
        while top_i + 1 < len(tops) and tops[top_i + 1].block <= i:
            top_i += 1
            closing = recipients = False
        if i < header_end:
            result.append("header")
            continue
        if folded.startswith("nơi nhận"):
            recipients = True
        elif _CLOSING.match(folded):
            closing = True
        if recipients and not folded.startswith("nơi nhận") and folded[:1] not in "-–+•*":
            result.append("signature")
        elif recipients:
            result.append("recipients")
        elif closing:
            result.append("closing")
        elif top_i == -1 or i < body_start:
            result.append("preamble")
        else:
            result.append(tops[top_i].part or "other")
    return result
