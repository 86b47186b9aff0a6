"""covers_themes — the plan covers each theme its directive requires.

A theme is covered when one of its phrases appears, on folded text with word boundaries, in the
plan's content: the content and implementation parts (and any other part except the purpose
section, the header and the recipients). A mention only in *Mục đích, yêu cầu* is weaker
evidence and does not count. Every theme's covering quotes, with their locations, go into the
report's ``themes`` list; each missing theme is a finding.

Cases:

* ``theme-missing`` — no phrase of the theme appears in the content.
* ``theme-only-in-purpose`` — phrases appear only in the purpose section.

Params::

    themes:
      - id: bien-dao
        label: {vi: "Chủ quyền biển, đảo, biên giới", en: "Sea, islands and border sovereignty"}
        phrases: ["biển, đảo", "Biển Đông", "chủ quyền", "Hoàng Sa", "Trường Sa"]
    max_evidence: 3        # quotes kept per theme

Passes (``bien-dao``)::

    II. NỘI DUNG … - Quảng bá, tuyên truyền về biển, đảo Việt Nam; khẳng định chủ quyền …

Fails::

    II. NỘI DUNG … (no sentence about the sea, islands or borders)
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.kinds.base import Coverage, Message, Params, Problem
from checker.kinds.search import SEARCHED, find_evidence
from checker.model.plan import Plan

NAME = "covers_themes"
DOC_VI = """covers_themes — kế hoạch đề cập đủ từng chủ đề mà văn bản chỉ đạo yêu cầu.

Một chủ đề được coi là đã đề cập khi một trong các cụm từ của chủ đề xuất hiện (trên văn bản đã chuẩn hóa,
khớp trọn từ) trong nội dung của kế hoạch: phần nội dung và phần tổ chức thực hiện (cùng mọi phần khác, trừ
phần mục đích, yêu cầu, phần đầu văn bản và nơi nhận). Việc chỉ nêu ở *Mục đích, yêu cầu* là bằng chứng yếu
hơn và không được tính. Các đoạn trích chứng minh từng chủ đề, kèm vị trí, được ghi vào danh sách ``themes``
của báo cáo kết quả kiểm tra; mỗi chủ đề còn thiếu được ghi nhận thành một vấn đề.

Các trường hợp:

* ``theme-missing`` — không cụm từ nào của chủ đề xuất hiện trong nội dung kế hoạch.
* ``theme-only-in-purpose`` — các cụm từ của chủ đề chỉ xuất hiện ở phần mục đích, yêu cầu.

Tham số::

    themes:
      - id: bien-dao
        label: {vi: "Chủ quyền biển, đảo, biên giới", en: "Sea, islands and border sovereignty"}
        phrases: ["biển, đảo", "Biển Đông", "chủ quyền", "Hoàng Sa", "Trường Sa"]
    max_evidence: 3        # số đoạn trích giữ lại cho mỗi chủ đề

Đạt (``bien-dao``)::

    II. NỘI DUNG … - Quảng bá, tuyên truyền về biển, đảo Việt Nam; khẳng định chủ quyền …

Không đạt::

    II. NỘI DUNG … (không có câu nào về biển, đảo hay biên giới)
"""


class Label(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    vi: str
    en: str


class Theme(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    label: Label
    phrases: list[str] = Field(min_length=1)


class CoversThemesParams(Params):
    themes: list[Theme] = Field(min_length=1)
    max_evidence: int = Field(3, ge=1, le=20)


PARAMS = CoversThemesParams

MESSAGES = {
    "theme-missing": Message(
        "Văn bản không đề cập chủ đề «{label}» ({id}).",
        "The document does not cover the theme '{label}' ({id}).",
        "Bổ sung nhiệm vụ về {label} vào phần nội dung, ví dụ nêu: {phrases}.",
        "Add a duty on {label} to the content part, e.g. mentioning: {phrases}.",
    ),
    "theme-only-in-purpose": Message(
        "Chủ đề «{label}» ({id}) chỉ được nêu ở phần mục đích, yêu cầu, chưa thành nhiệm vụ cụ thể.",
        "The theme '{label}' ({id}) appears only in the purpose section, not as a duty.",
        "Giao nhiệm vụ cụ thể về {label} trong phần nội dung hoặc tổ chức thực hiện.",
        "Turn {label} into a concrete duty in the content or implementation part.",
    ),
}

def check(plan: Plan, params: CoversThemesParams) -> Iterator[Problem | Coverage]:
    has_parts = any(p in ("content", "implementation") for p in plan.block_parts)
    # Without recognisable sections, everything after the header is content.
    content_parts = SEARCHED if has_parts else SEARCHED | {"purpose"}
    if has_parts:
        content_parts = content_parts - {"preamble"}
    for theme in params.themes:
        evidence = find_evidence(plan, theme.phrases, content_parts, params.max_evidence)
        label = theme.label.model_dump()
        args = {"id": theme.id, "label": label, "phrases": ", ".join(theme.phrases[:4])}
        if evidence:
            yield Coverage(id=theme.id, label=label, covered=True, evidence=tuple(evidence))
            continue
        purpose = find_evidence(plan, theme.phrases, {"purpose"}, params.max_evidence) if has_parts else []
        yield Coverage(id=theme.id, label=label, covered=False, only_in_purpose=bool(purpose),
                       evidence=tuple(purpose))
        if purpose:
            yield Problem("theme-only-in-purpose", args, location=purpose[0].location, evidence=purpose[0].quote)
        else:
            yield Problem("theme-missing", args)
