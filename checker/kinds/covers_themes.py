"""covers_themes — the plan covers each theme its directive requires.

A theme is covered when one of its phrases appears, on folded text with word boundaries, in the
plan's content: the content and implementation parts (and any other part except the purpose
section, the header and the recipients). A mention only in *Mục đích, yêu cầu* is weaker
evidence and does not count. Every theme's covering quotes, with their locations, go into the
report's ``themes`` list; each missing theme is a finding.

A theme can apply only from a given year (``since``), for a theme that later guidance introduced
(``introduced_by`` names that guidance). It is judged on the plan's year: the year of its date, else
the first year in its title. For a plan of an earlier year the theme is not required: not covering
it is no finding, and the ``themes`` list marks it not required that year (with ``since`` and
``introduced_by``), so a reviewer sees why. A plan whose year is unknown is checked for the theme
(a missing duty is more costly to overlook than to dismiss), and its finding says so.

A theme another rule also finds missing is reported once: with ``--against PARENT`` and the TTĐN pack, the
pack's theme and the parent's content item (rule ``covers-parent-themes``) are the same subject when a
phrase of one is found (as in a plan: folded, whole words) in the label or phrases of the other. The finding
kept is the one quoting the plan, else the parent's item (the rule the extending pack adds); the other
theme's entry in ``themes`` names it (``reported_with``).

Cases:

* ``theme-missing`` — no phrase of the theme appears in the content.
* ``theme-only-in-purpose`` — phrases appear only in the purpose section.

Params::

    themes:
      - id: bien-dao
        label: {vi: "Chủ quyền biển, đảo, biên giới", en: "Sea, islands and border sovereignty"}
        phrases: ["biển, đảo", "Biển Đông", "chủ quyền", "Hoàng Sa", "Trường Sa"]
      - id: ho-chi-minh
        label: {vi: "Tư tưởng Hồ Chí Minh", en: "Hồ Chí Minh's thought"}
        phrases: ["tư tưởng Hồ Chí Minh"]
        since: 2023                    # plans of 2022 and before need not cover it
        introduced_by: "93-HD/BTGTU"   # the guidance that asked for it (shown to the reviewer)
        source: "Tuyên truyền về giá trị, di sản, tư tưởng Hồ Chí Minh"  # optional: the parent's own sentence,
                                       # quoted in the fix instead of the phrases (rules derive writes it)
    max_evidence: 3        # quotes kept per theme

Passes (``bien-dao``)::

    II. NỘI DUNG … - Quảng bá, tuyên truyền về biển, đảo Việt Nam; khẳng định chủ quyền …

Fails::

    II. NỘI DUNG … (no sentence about the sea, islands or borders)

Not required (``ho-chi-minh`` with ``since: 2023``), and so no finding::

    KẾ HOẠCH Hoạt động thông tin đối ngoại năm 2019 … (no sentence about Hồ Chí Minh)
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.kinds.base import Coverage, Message, Params, Problem, Subject, example_hint
from checker.kinds.search import SEARCHED, find_evidence
from checker.model.plan import Plan

NAME = "covers_themes"
DOC_VI = """covers_themes — kế hoạch đề cập đủ từng chủ đề mà văn bản chỉ đạo yêu cầu.

Một chủ đề được coi là đã đề cập khi một trong các cụm từ của chủ đề xuất hiện (trên văn bản đã chuẩn hóa,
khớp trọn từ) trong nội dung của kế hoạch: phần nội dung và phần tổ chức thực hiện (cùng mọi phần khác, trừ
phần mục đích, yêu cầu, phần đầu văn bản và nơi nhận). Việc chỉ nêu ở *Mục đích, yêu cầu* là bằng chứng yếu
hơn và không được tính. Các đoạn trích chứng minh từng chủ đề, kèm vị trí, được ghi vào danh sách ``themes``
của báo cáo kết quả kiểm tra; mỗi chủ đề còn thiếu được ghi nhận thành một vấn đề.

Một chủ đề có thể chỉ áp dụng từ một năm nhất định (``since``), khi chủ đề do văn bản hướng dẫn ban hành
sau này đưa vào (``introduced_by`` ghi văn bản đó). Năm được xét là năm của kế hoạch: năm của ngày ban hành,
nếu không có thì năm đầu tiên nêu trong trích yếu. Với kế hoạch của năm trước đó, chủ đề không bắt buộc: không
đề cập thì không phải là vấn đề, và danh sách ``themes`` ghi chủ đề chưa áp dụng cho năm đó (kèm ``since`` và
``introduced_by``) để người rà soát thấy lý do. Kế hoạch không xác định được năm thì vẫn được kiểm tra chủ đề
này (bỏ sót một nhiệm vụ thì tai hại hơn là phải gạt bỏ một phát hiện thừa), và phát hiện ghi rõ điều đó.

Một chủ đề mà quy tắc khác cũng thấy thiếu chỉ được báo một lần: khi dùng ``--against VĂN_BẢN_CẤP_TRÊN`` cùng bộ
TTĐN, chủ đề của bộ quy tắc và nội dung của văn bản cấp trên (quy tắc ``covers-parent-themes``) là cùng một
việc khi một cụm từ của bên này có trong nhãn hoặc các cụm từ của bên kia (khớp như khi tìm trong kế hoạch: đã
chuẩn hóa, trọn từ). Phát hiện được giữ là phát hiện có trích dẫn từ kế hoạch, nếu không thì là phát
hiện về nội dung của văn bản cấp trên (quy tắc của bộ kế thừa); mục của chủ đề kia trong ``themes`` ghi tên
chủ đề được giữ (``reported_with``).

Các trường hợp:

* ``theme-missing`` — không cụm từ nào của chủ đề xuất hiện trong nội dung kế hoạch.
* ``theme-only-in-purpose`` — các cụm từ của chủ đề chỉ xuất hiện ở phần mục đích, yêu cầu.

Tham số::

    themes:
      - id: bien-dao
        label: {vi: "Chủ quyền biển, đảo, biên giới", en: "Sea, islands and border sovereignty"}
        phrases: ["biển, đảo", "Biển Đông", "chủ quyền", "Hoàng Sa", "Trường Sa"]
      - id: ho-chi-minh
        label: {vi: "Tư tưởng Hồ Chí Minh", en: "Hồ Chí Minh's thought"}
        phrases: ["tư tưởng Hồ Chí Minh"]
        since: 2023                    # kế hoạch năm 2022 trở về trước không bắt buộc
        introduced_by: "93-HD/BTGTU"   # văn bản đã yêu cầu chủ đề này (hiển thị cho người rà soát)
        source: "Tuyên truyền về giá trị, di sản, tư tưởng Hồ Chí Minh"  # không bắt buộc: câu gốc của văn bản
                                       # cấp trên, được trích trong gợi ý sửa thay cho cụm từ (rules derive ghi)
    max_evidence: 3        # số đoạn trích giữ lại cho mỗi chủ đề

Đạt (``bien-dao``)::

    II. NỘI DUNG … - Quảng bá, tuyên truyền về biển, đảo Việt Nam; khẳng định chủ quyền …

Không đạt::

    II. NỘI DUNG … (không có câu nào về biển, đảo hay biên giới)

Không bắt buộc (``ho-chi-minh`` với ``since: 2023``), nên không có phát hiện::

    KẾ HOẠCH Hoạt động thông tin đối ngoại năm 2019 … (không có câu nào về Hồ Chí Minh)
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
    since: int | None = Field(None, ge=1945, le=2100, description=(
        "The first year whose plans must cover the theme (the plan's year: of its date, else of its title); "
        "none for every year."))
    introduced_by: str | None = Field(None, min_length=1, description=(
        "The guidance that asked for the theme (a number-symbol such as 93-HD/BTGTU), shown when the "
        "theme is not yet required."))
    source: str | None = Field(None, min_length=1, max_length=400, description=(
        "The parent's own sentence for the theme (a pack derived from the parent quotes its item), quoted in "
        "the fix instead of the phrases."))


class CoversThemesParams(Params):
    themes: list[Theme] = Field(min_length=1)
    max_evidence: int = Field(3, ge=1, le=20)


PARAMS = CoversThemesParams

MESSAGES = {
    "theme-missing": Message(
        "Văn bản không đề cập chủ đề «{label}» ({id}).{year_note}",
        "The document does not cover the theme '{label}' ({id}).{year_note}",
        "Bổ sung nhiệm vụ về {label} vào phần nội dung, {hint}.",
        "Add a duty on {label} to the content part, {hint}.",
    ),
    "theme-only-in-purpose": Message(
        "Chủ đề «{label}» ({id}) chỉ được nêu ở phần mục đích, yêu cầu, chưa thành nhiệm vụ cụ thể.{year_note}",
        "The theme '{label}' ({id}) appears only in the purpose section, not as a duty.{year_note}",
        "Giao nhiệm vụ cụ thể về {label} trong phần nội dung hoặc tổ chức thực hiện.",
        "Turn {label} into a concrete duty in the content or implementation part.",
    ),
}


def required(theme: Theme, year: int | None) -> bool:
    """Whether a plan of ``year`` must cover ``theme``: always when the theme has no ``since`` or the
    year is unknown (see the module doc), else from ``since`` on."""
    return theme.since is None or year is None or year >= theme.since


def _year_note(theme: Theme, year: int | None) -> str | dict[str, str]:
    """For a theme required only from a year, when the plan's year is unknown: say it was checked anyway."""
    if theme.since is None or year is not None:
        return ""
    by = f" ({theme.introduced_by})" if theme.introduced_by else ""
    return {"vi": f" Chủ đề bắt buộc từ năm {theme.since}{by}; không xác định được năm của văn bản nên vẫn kiểm tra.",
            "en": f" The theme is required from {theme.since}{by}; the document's year is unknown, so it is checked."}


def check(plan: Plan, params: CoversThemesParams) -> Iterator[Problem | Coverage]:
    has_parts = any(p in ("content", "implementation") for p in plan.block_parts)
    # Without recognisable sections, everything after the header is content.
    content_parts = SEARCHED if has_parts else SEARCHED | {"purpose"}
    if has_parts:
        content_parts = content_parts - {"preamble"}
    for theme in params.themes:
        evidence = find_evidence(plan, theme.phrases, content_parts, params.max_evidence)
        label = theme.label.model_dump()
        in_force = required(theme, plan.year)
        purpose = [] if evidence or not has_parts else find_evidence(plan, theme.phrases, {"purpose"},
                                                                      params.max_evidence)
        yield Coverage(id=theme.id, label=label, covered=bool(evidence), only_in_purpose=bool(purpose),
                       evidence=tuple(evidence or purpose), required=in_force, since=theme.since,
                       introduced_by=theme.introduced_by)
        if evidence or not in_force:
            continue  # not in force: a theme later guidance introduced; the themes list says it was not required
        args = {"id": theme.id, "label": label, "phrases": ", ".join(theme.phrases[:4]),
                "hint": example_hint(theme.source, theme.phrases), "year_note": _year_note(theme, plan.year)}
        # Another rule may miss the same theme (the TTĐN pack's and one derived from the parent, --against):
        # the subject lets the engine report it once.
        subject = Subject.of(theme.id, theme.label.vi, theme.phrases)
        if purpose:
            yield Problem("theme-only-in-purpose", args, location=purpose[0].location, evidence=purpose[0].quote,
                          subject=subject)
        else:
            yield Problem("theme-missing", args, subject=subject)
