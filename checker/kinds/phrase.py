"""phrase — a phrase (or a regular expression) must appear in the plan, or must not.

The text is searched after folding (lower case, ``Ð``→``đ``, smart quotes and dashes unified,
``hoà``→``hòa``), so ``Trên đây là Kế hoạch`` matches ``TRÊN ĐÂY LÀ KẾ HOẠCH``. Phrases match whole
words and tolerate any run of spaces; a ``pattern`` is a Python regular expression applied to the
folded text, case-insensitively. The search can be limited to some parts of the plan and/or to the
sections whose title contains a text (folded), e.g. everything under *III. Tổ chức thực hiện*.

Cases:

* ``phrase-missing`` — ``must: appear`` and fewer than ``min_count`` matches (document-wide).
* ``phrase-forbidden`` — ``must: not-appear``: one finding per match, with its location and sentence.

Params::

    phrases: ["Trên đây là Kế hoạch"]   # one or more phrases …
    pattern: 'v\\.\\s?v\\.'                # … or one regex (give exactly one of the two)
    must: appear                         # appear (default) | not-appear
    parts: [content, implementation]     # optional: header, preamble, purpose, content, implementation,
                                         #   funding, closing, recipients, signature, other
    section: "tổ chức thực hiện"         # optional: only inside sections whose title contains this
    min_count: 1                         # with must: appear, at least this many matches (default 1)

Passes (``phrases: ["Trên đây là Kế hoạch"]``)::

    Trên đây là Kế hoạch hoạt động thông tin đối ngoại năm 2019; yêu cầu các cơ quan …

Fails (``pattern: 'v\\.\\s?v\\.'``, ``must: not-appear``, ``parts: [content]``)::

    II. NỘI DUNG … - Tuyên truyền về văn hóa, du lịch, ẩm thực v.v.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from checker.kinds.base import Message, Params, Problem, phrase_pattern, quote
from checker.kinds.search import BlockIndex, block_index
from checker.model.document import Block
from checker.model.plan import Part, Plan, Section
from checker.text.normalize import fold

NAME = "phrase"
DOC_VI = """phrase — một cụm từ (hoặc một biểu thức chính quy) phải có, hoặc không được có, trong kế hoạch.

Văn bản được tìm kiếm sau khi chuẩn hóa (chữ thường, ``Ð``→``đ``, thống nhất các kiểu dấu nháy và dấu gạch,
``hoà``→``hòa``), nên ``Trên đây là Kế hoạch`` khớp với ``TRÊN ĐÂY LÀ KẾ HOẠCH``. Cụm từ được so khớp trọn từ
và chấp nhận số dấu cách bất kỳ giữa các từ; ``pattern`` là một biểu thức chính quy Python áp dụng trên văn bản
đã chuẩn hóa, không phân biệt chữ hoa/thường. Có thể giới hạn việc tìm kiếm trong một số phần của kế hoạch
và/hoặc trong các mục có tiêu đề chứa một đoạn chữ (so sánh sau chuẩn hóa), ví dụ toàn bộ nội dung dưới
*III. Tổ chức thực hiện*.

Các trường hợp:

* ``phrase-missing`` — ``must: appear`` và số lần khớp ít hơn ``min_count`` (một vấn đề cho cả văn bản).
* ``phrase-forbidden`` — ``must: not-appear``: mỗi lần khớp là một vấn đề, kèm vị trí và câu chứa nó.

Tham số::

    phrases: ["Trên đây là Kế hoạch"]   # một hoặc nhiều cụm từ …
    pattern: 'v\\.\\s?v\\.'                # … hoặc một biểu thức chính quy (chỉ cho một trong hai)
    must: appear                         # appear (mặc định: phải có) | not-appear (không được có)
    parts: [content, implementation]     # không bắt buộc: header, preamble, purpose, content, implementation,
                                         #   funding, closing, recipients, signature, other
    section: "tổ chức thực hiện"         # không bắt buộc: chỉ tìm trong các mục có tiêu đề chứa đoạn này
    min_count: 1                         # với must: appear, số lần khớp tối thiểu (mặc định 1)

Đạt (``phrases: ["Trên đây là Kế hoạch"]``)::

    Trên đây là Kế hoạch hoạt động thông tin đối ngoại năm 2019; yêu cầu các cơ quan …

Không đạt (``pattern: 'v\\.\\s?v\\.'``, ``must: not-appear``, ``parts: [content]``)::

    II. NỘI DUNG … - Tuyên truyền về văn hóa, du lịch, ẩm thực v.v.
"""

_PART_LABELS: dict[str, tuple[str, str]] = {
    "header": ("phần đầu văn bản", "header"), "preamble": ("phần căn cứ", "preamble"),
    "purpose": ("mục đích, yêu cầu", "purpose"), "content": ("nội dung", "content"),
    "implementation": ("tổ chức thực hiện", "implementation"), "funding": ("kinh phí", "funding"),
    "closing": ("đoạn kết", "closing"), "recipients": ("nơi nhận", "recipients"),
    "signature": ("phần ký", "signature"), "other": ("phần khác", "other"),
}


class PhraseParams(Params):
    phrases: list[str] | None = Field(None, min_length=1)
    pattern: str | None = Field(None, validate_default=True)
    must: Literal["appear", "not-appear"] = "appear"
    parts: list[Part] | None = Field(None, min_length=1)
    section: str | None = Field(None, min_length=1)
    min_count: int = Field(1, ge=1, le=1000)

    @field_validator("phrases", "section")
    @classmethod
    def _not_blank(cls, value: list[str] | str | None, info: ValidationInfo) -> list[str] | str | None:
        for text in [value] if isinstance(value, str) else value or []:
            if not fold(text).strip():
                raise ValueError(f"a {info.field_name} text must not be empty")
        return value

    @field_validator("pattern")
    @classmethod
    def _one_regex(cls, value: str | None, info: ValidationInfo) -> str | None:
        if "phrases" not in info.data:
            return value  # 'phrases' itself is invalid and already reported
        if (value is None) == (info.data["phrases"] is None):
            raise ValueError("give either 'phrases' (a list of phrases) or 'pattern' (one regular expression)")
        if value is not None:
            try:
                compiled = re.compile(value, re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"'{value}' is not a valid regular expression: {exc}") from exc
            if compiled.fullmatch(""):
                raise ValueError(f"'{value}' matches empty text; it would match everywhere")
        return value

    @field_validator("min_count")
    @classmethod
    def _only_when_required(cls, value: int, info: ValidationInfo) -> int:
        if info.data.get("must") == "not-appear":
            raise ValueError("'min_count' applies only to 'must: appear'")
        return value


PARAMS = PhraseParams

MESSAGES = {
    "phrase-missing": Message(
        "Không thấy {what}{scope} (cần ít nhất {min_count} lần, có {count}).",
        "Not found{scope}: {what} (needed at least {min_count} time(s), found {count}).",
        "Bổ sung {what}{scope}.",
        "Add {what}{scope}.",
    ),
    "phrase-forbidden": Message(
        "Văn bản có «{found}»{scope}, là cách viết không được dùng.",
        "The text contains '{found}'{scope}, which must not be used.",
        "Bỏ hoặc viết lại «{found}».",
        "Remove or rewrite '{found}'.",
    ),
}


def _describe(params: PhraseParams) -> tuple[dict[str, str], dict[str, str]]:
    """What is searched for and where, in both languages (``{what}``, ``{scope}``)."""
    if params.phrases:
        what = {"vi": "cụm từ " + " hoặc ".join(f"«{p}»" for p in params.phrases),
                "en": "the phrase " + " or ".join(f"'{p}'" for p in params.phrases)}
    else:
        what = {"vi": f"mẫu «{params.pattern}»", "en": f"the pattern '{params.pattern}'"}
    vi: list[str] = []
    en: list[str] = []
    if params.parts:
        vi.append(" trong phần " + ", ".join(_PART_LABELS[p][0] for p in params.parts))
        en.append(" in the " + ", ".join(_PART_LABELS[p][1] for p in params.parts) + " part(s)")
    if params.section:
        vi.append(f" trong mục «{params.section}»")
        en.append(f" in the section '{params.section}'")
    return what, {"vi": "".join(vi), "en": "".join(en)}


def _walk(sections: list[Section], path: list[str]) -> Iterator[tuple[Section, list[str]]]:
    for section in sections:
        yield section, [*path, section.marker]
        yield from _walk(section.children, [*path, section.marker])


def _section_blocks(plan: Plan, title: str) -> set[int]:
    """Blocks inside a section whose title contains ``title``: from its heading up to the next heading
    at its depth or above, keeping only blocks whose section path starts with the section's path."""
    wanted = fold(title).strip()
    flat = list(_walk(plan.sections, []))
    inside: set[int] = set()
    for i, (section, path) in enumerate(flat):
        if wanted not in fold(section.title):
            continue
        end = next((s.block for s, p in flat[i + 1:] if len(p) <= len(path)), len(plan.blocks))
        inside.update(b for b in range(section.block, end)
                      if b < len(plan.block_sections) and plan.block_sections[b][:len(path)] == path)
    return inside


def _possible(index: BlockIndex, phrases: list[str]) -> set[int] | None:
    """The blocks that could hold one of ``phrases`` (None: any block)."""
    possible: set[int] = set()
    for phrase in phrases:
        blocks = index.candidates(phrase)
        if blocks is None:
            return None
        possible.update(blocks)
    return possible


def _matches(plan: Plan, params: PhraseParams) -> Iterator[tuple[Block, int, int]]:
    """(block, start, end) of every match in scope, overlapping matches of several phrases kept once."""
    patterns = ([phrase_pattern(p) for p in params.phrases] if params.phrases
                else [re.compile(params.pattern or "", re.IGNORECASE)])
    in_section = _section_blocks(plan, params.section) if params.section else None
    index = block_index(plan)
    possible = _possible(index, params.phrases) if params.phrases else None
    for block in plan.blocks:
        part = plan.block_parts[block.index] if block.index < len(plan.block_parts) else "other"
        if (params.parts and part not in params.parts) or (in_section is not None and block.index not in in_section):
            continue
        if possible is not None and block.index not in possible:
            continue
        folded = index.folded[block.index]
        spans = sorted({m.span() for p in patterns for m in p.finditer(folded) if m.end() > m.start()},
                       key=lambda s: (s[0], -s[1]))
        last_end = -1
        for start, end in spans:
            if start >= last_end:
                yield block, start, end
                last_end = end


def check(plan: Plan, params: PhraseParams) -> Iterator[Problem]:
    what, scope = _describe(params)
    if params.must == "appear":
        count = sum(1 for _ in _matches(plan, params))
        if count < params.min_count:
            yield Problem("phrase-missing", {"what": what, "scope": scope, "count": count,
                                             "min_count": params.min_count})
        return
    for block, start, end in _matches(plan, params):
        path = plan.block_sections[block.index] if block.index < len(plan.block_sections) else []
        yield Problem("phrase-forbidden", {"found": block.text[start:end], "scope": scope},
                      location=block.location(start, end, path), evidence=quote(block.text, start, end))
