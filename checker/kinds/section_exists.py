"""section_exists — the plan has a section whose title says what it is about (e.g. *Kinh phí*).

A section matches when its title, folded (lower case, old and new tone placement alike), contains
one of ``titles``. Headings at every depth count (``IV. KINH PHÍ`` as well as ``4. Kinh phí`` under
*III. Tổ chức thực hiện*), but without ``level`` bullet items (``-``, ``+``) do not: they are list
items, and a sentence such as ``- Cân đối kinh phí …`` is not a section on funding. ``level`` narrows the
match to exactly one marker level: 1 for ``I.``, 2 for ``1.``, 3 for ``1.1``, 4 for ``a)``, and 5 for ``-``
or 6 for ``+`` when bullet items are what is wanted.

Cases:

* ``section-missing`` — no section title contains any of the titles (document-wide).

Params::

    titles: ["kinh phí"]    # one or more texts, any of which may appear in the title
    level: 1                # optional: only sections with this marker level (1–6)

Passes (``titles: ["kinh phí"]``)::

    IV. KINH PHÍ THỰC HIỆN
    Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách huyện năm 2019.

Fails::

    I. MỤC ĐÍCH, YÊU CẦU … II. NỘI DUNG … III. TỔ CHỨC THỰC HIỆN …   (no section on funding)
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field, field_validator

from checker.kinds.base import Message, Params, Problem
from checker.model.plan import Plan, Section
from checker.text.normalize import squash

NAME = "section_exists"
DOC_VI = """section_exists — kế hoạch có một mục với tiêu đề nêu rõ mục đó nói về gì (ví dụ *Kinh phí*).

Một mục được coi là khớp khi tiêu đề của mục, sau khi chuẩn hóa (chữ thường, cách đặt dấu thanh kiểu cũ và kiểu
mới được coi như nhau), chứa một trong các ``titles``. Tiêu đề ở mọi cấp đều được tính (``IV. KINH PHÍ`` cũng
như ``4. Kinh phí`` dưới *III. Tổ chức thực hiện*), nhưng khi không có ``level`` thì các gạch đầu dòng (``-``,
``+``) không được tính: đó là các ý liệt kê, và một câu như ``- Cân đối kinh phí …`` không phải là một mục về
kinh phí. ``level`` giới hạn việc so khớp trong đúng một cấp đề mục: 1 cho ``I.``, 2 cho ``1.``, 3 cho ``1.1``,
4 cho ``a)``, và 5 cho ``-`` hoặc 6 cho ``+`` khi cần tìm chính các gạch đầu dòng.

Các trường hợp:

* ``section-missing`` — không tiêu đề mục nào chứa một trong các ``titles`` (một vấn đề cho cả văn bản).

Tham số::

    titles: ["kinh phí"]    # một hoặc nhiều đoạn chữ; tiêu đề chỉ cần chứa một trong số đó
    level: 1                # không bắt buộc: chỉ xét các mục ở cấp đề mục này (1–6)

Đạt (``titles: ["kinh phí"]``)::

    IV. KINH PHÍ THỰC HIỆN
    Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách huyện năm 2019.

Không đạt::

    I. MỤC ĐÍCH, YÊU CẦU … II. NỘI DUNG … III. TỔ CHỨC THỰC HIỆN …   (không có mục về kinh phí)
"""

_BULLET_LEVEL = 5  # "-" and "+" items (levels 5 and 6) are list items, not sections
_MARKERS = {1: "I., II.", 2: "1., 2.", 3: "1.1, 1.2", 4: "a), b)", 5: "-", 6: "+"}


class SectionExistsParams(Params):
    titles: list[str] = Field(min_length=1)
    level: int | None = Field(None, ge=1, le=6)

    @field_validator("titles")
    @classmethod
    def _not_blank(cls, value: list[str]) -> list[str]:
        if any(not squash(title) for title in value):
            raise ValueError("a title must not be empty")
        return value


PARAMS = SectionExistsParams

MESSAGES = {
    "section-missing": Message(
        "Văn bản không có mục {titles}{level}.",
        "The document has no section titled {titles}{level}.",
        "Bổ sung mục {first}{level}.",
        "Add a section {first}{level}.",
    ),
}


def _walk(sections: list[Section]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from _walk(section.children)


def find_sections(plan: Plan, titles: list[str], level: int | None = None) -> list[Section]:
    """The sections whose folded title contains one of ``titles`` (at ``level`` when given)."""
    wanted = [squash(t) for t in titles]
    return [
        s for s in _walk(plan.sections)
        if (s.level == level if level is not None else s.level < _BULLET_LEVEL)
        and any(w in squash(s.title) for w in wanted)
    ]


def check(plan: Plan, params: SectionExistsParams) -> Iterator[Problem]:
    if find_sections(plan, params.titles, params.level):
        return
    level = ({"vi": f" ở cấp {params.level} ({_MARKERS[params.level]} …)",
              "en": f" at level {params.level} ({_MARKERS[params.level]} …)"} if params.level else "")
    yield Problem("section-missing", {
        "titles": {"vi": " hoặc ".join(f"«{t}»" for t in params.titles),
                   "en": " or ".join(f"'{t}'" for t in params.titles)},
        "first": {"vi": f"«{params.titles[0]}»", "en": f"'{params.titles[0]}'"},
        "level": level,
    })
