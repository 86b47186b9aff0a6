"""What the Markdown and HTML reports show, worked out once: words in the report's language, counts,
verdicts, findings grouped by severity, and quotes split around the text to highlight.

The templates (``templates/report.md.j2``, ``templates/report.html.j2``) only lay this out and escape
it; they decide nothing. The wording follows the terminal report (:mod:`checker.formatters.text`):
the same labels, the same marks for accepted findings (``đã chấp nhận: lý do — người duyệt, đến …``,
``đã có trong đường cơ sở``), and the same counting: only findings that are not accepted count.

A quote is a :class:`Quote`, ``before`` + ``mark`` + ``after``: ``mark`` is the text to highlight
(empty when nothing can be pinned down) and the templates escape each part on its own, so offsets are
worked out on the original text and never on escaped text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.formatters.signatures import LABEL, signature_lines
from checker.model.document import Location
from checker.model.plan import Plan
from checker.model.report import BaselineSummary, DocumentReport, Evidence, Finding, Report, ThemeCoverage
from checker.text.markers import BULLETS
from checker.text.normalize import fold
from checker.text.visible import visible

SEVERITIES = ("error", "warning", "info")

WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Báo cáo kiểm tra kế hoạch", "summary": "Tổng hợp", "total": "Tổng cộng",
        "file": "Tệp", "document": "Văn bản", "pack": "Bộ quy tắc", "verdict": "Kết quả",
        "error": "lỗi", "warning": "cảnh báo", "info": "thông tin",
        "errors": "Lỗi", "warnings": "Cảnh báo", "infos": "Thông tin", "accepted": "Đã chấp nhận",
        "passed": "Đạt", "failed": "Chưa đạt", "unreadable": "Không đọc được",
        "documents": "văn bản", "rule": "Quy tắc", "at": "Vị trí", "quote": "Trích", "fix": "Cách sửa",
        "note": "Ghi chú", "signature": LABEL["vi"], "ok": "Không phát hiện vấn đề.", "waived": "đã chấp nhận",
        "until": "đến",
        "in_baseline": "đã có trong đường cơ sở", "of_which_accepted": "đã chấp nhận",
        "themes": "Chủ đề", "theme": "Chủ đề", "status": "Trạng thái", "evidence": "Dẫn chứng",
        "covered": "có", "missing": "thiếu", "only_in_purpose": "chỉ có ở phần mục đích, yêu cầu",
        "not_required_in": "chưa áp dụng năm {year}", "from_year": "từ năm {since}",
        "reported_with": "báo cùng {id}",
        "waiver_problems": "Tệp chấp nhận (--waivers)", "baseline": "Đường cơ sở (--baseline)",
        "passed_of": "đạt", "made_by": "Tạo bởi", "expected": "Đơn vị phải nộp (--expect)",
    },
    "en": {
        "title": "Plan check report", "summary": "Summary", "total": "Total",
        "file": "File", "document": "Document", "pack": "Pack", "verdict": "Verdict",
        "error": "error", "warning": "warning", "info": "info",
        "errors": "Errors", "warnings": "Warnings", "infos": "Info", "accepted": "Accepted",
        "passed": "Passed", "failed": "Failed", "unreadable": "Unreadable",
        "documents": "documents", "rule": "Rule", "at": "At", "quote": "Quote", "fix": "Fix",
        "note": "Note", "signature": LABEL["en"], "ok": "No problems found.", "waived": "waived",
        "until": "until",
        "in_baseline": "in baseline", "of_which_accepted": "accepted",
        "themes": "Themes", "theme": "Theme", "status": "Status", "evidence": "Evidence",
        "covered": "covered", "missing": "missing", "only_in_purpose": "only in the purpose section",
        "not_required_in": "not required in {year}", "from_year": "from {since}",
        "reported_with": "reported with {id}",
        "waiver_problems": "Waivers (--waivers)", "baseline": "Baseline (--baseline)",
        "passed_of": "passed", "made_by": "Made by", "expected": "Expected units (--expect)",
    },
}
_GROUP_TITLE = {"error": "errors", "warning": "warnings", "info": "infos"}

CONTEXT = 120
"""At most this many characters of context on each side of a highlighted span."""
MARK_MAX = 400
"""A highlighted span longer than this is cut (at a space) and ends with ``…``."""

# A sentence ends at ". ", "; ", "! " or "? " (as in the evidence quotes of the kinds), but not at the
# dot of a list marker ("6. ", "II. ", "a. ").
_BOUNDARY = re.compile(r"[.;!?](?=\s)")
_MARKER = re.compile(r"(?:^|\s)(?:\d{1,3}|[IVXLivxl]{1,5}|[a-zđ])$")


@dataclass(frozen=True)
class Quote:
    """A quoted text to show as ``before`` + highlighted ``mark`` + ``after`` (``mark`` may be empty)."""

    before: str
    mark: str = ""
    after: str = ""

    @property
    def text(self) -> str:
        return self.before + self.mark + self.after


@dataclass(frozen=True)
class FindingView:
    rule: str
    code: str
    severity: str
    severity_label: str
    message: str
    where: str | None
    quote: Quote | None
    fix: str | None
    marks: list[str]
    """``đã chấp nhận: lý do — người duyệt`` / ``đã có trong đường cơ sở``: why the finding does not count."""
    ocr: str | None = None
    """``chữ nhận dạng OCR — nên kiểm tra lại`` when the finding rests on text read by OCR (:func:`ocr_mark`)."""

    @property
    def accepted(self) -> bool:
        return bool(self.marks)


@dataclass(frozen=True)
class GroupView:
    severity: str
    title: str
    """``Lỗi (3)``, ``Lỗi (3, 1 đã chấp nhận)``."""
    findings: list[FindingView]


@dataclass(frozen=True)
class EvidenceView:
    where: str
    phrase: str
    quote: Quote


@dataclass(frozen=True)
class ThemeView:
    id: str
    label: str
    status: str
    """``covered``, ``missing``, ``only-in-purpose`` or ``not-required`` (for CSS classes)."""
    status_label: str
    evidence: list[EvidenceView]


@dataclass(frozen=True)
class DocumentView:
    number: int
    anchor: str
    path: str
    status: str
    error: str | None
    description: str
    """Document type, number-symbol and title, e.g. ``KH 45/KH-UBND Hoạt động thông tin đối ngoại …``."""
    pack: str
    counts: dict[str, int]
    """Findings of each severity that count (not accepted)."""
    accepted: int
    verdict: str
    """``passed``, ``failed`` or ``unreadable`` (for CSS classes)."""
    verdict_label: str
    notes: list[str]
    groups: list[GroupView]
    themes: list[ThemeView]
    themes_summary: str
    """``9/11 có; thiếu: kieu-bao, the-gioi``, or empty when the pack checks no themes (see :func:`themes_summary`)."""
    signatures: list[str] = field(default_factory=list)
    """The digital signatures of a signed PDF, one line each (:mod:`checker.formatters.signatures`)."""
    ocr: str | None = None
    """What was read by OCR, with the mean confidence (:func:`ocr_line`); None for a document with no scan."""


@dataclass(frozen=True)
class ReportView:
    lang: str
    words: dict[str, str]
    version: str
    documents: list[DocumentView]
    counts: dict[str, int]
    accepted: int
    passed: int
    headline: str
    """One line: ``5 văn bản, 13 lỗi, 8 cảnh báo, 1 thông tin`` like the terminal report's total."""
    waiver_problems: list[str] = field(default_factory=list)
    baseline: list[str] = field(default_factory=list)
    expected: list[str] = field(default_factory=list)


# --- quotes ----------------------------------------------------------------------------------------


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    """False for the dot of a list marker: a short number or letter after a space or at the start."""
    return m.group() != "." or not _MARKER.search(text, max(0, m.start() - 7), m.start())


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence holding ``text[start]`` begins: after the last sentence end before ``start``.

    Only the :data:`CONTEXT` characters before ``start`` are looked at: context is cut there anyway.
    """
    window = max(0, start - CONTEXT - 1)
    ends = [m.end() for m in _BOUNDARY.finditer(text, window, start) if _ends_sentence(text, m)]
    return ends[-1] if ends else window


def _sentence_end(text: str, end: int) -> int:
    """Where the sentence holding ``text[end - 1]`` ends, its final punctuation included (looking no further
    than :data:`CONTEXT` characters)."""
    if end > 0 and text[end - 1] in ".;!?":
        return end
    window = min(len(text), end + CONTEXT + 2)
    return next((m.end() for m in _BOUNDARY.finditer(text, end, window) if _ends_sentence(text, m)), window)


def highlight(text: str, start: int, end: int) -> Quote:
    """``text[start:end]`` marked in its sentence, with at most :data:`CONTEXT` characters either side.

    Cut context is shown by ``…``. White space at the edges of the span is left out of the mark.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    left = _sentence_start(text, start)
    if start - left > CONTEXT:
        left = start - CONTEXT
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    right = _sentence_end(text, end)
    if right - end > CONTEXT:
        right = end + CONTEXT
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    before = ("…" if left > 0 else "") + text[left:start].lstrip()
    mark = text[start:end]
    after = text[end:right].rstrip() + ("…" if right < len(text) else "")
    if len(mark) > MARK_MAX:
        cut = mark.rfind(" ", 0, MARK_MAX)
        mark = mark[:cut if cut > MARK_MAX // 2 else MARK_MAX].rstrip() + "…"
        after = ""
    return Quote(before, mark, after)


def _block_text(plan: Plan | None, location: Location | None) -> str | None:
    """The text of the block ``location`` points into, when its offsets are valid for it."""
    if plan is None or location is None or location.start is None or location.end is None:
        return None
    if not 0 <= location.block < len(plan.blocks):
        return None
    block = plan.blocks[location.block]
    if block.index != location.block or not 0 <= location.start < location.end <= len(block.text):
        return None
    return block.text


def _quoted_from(text: str, evidence: str, start: int, end: int) -> bool:
    """True when ``evidence`` (without the ``…`` marking cuts) is quoted from ``text`` where it overlaps
    ``text[start:end]``: the offsets and the quote speak of the same words."""
    core = evidence.strip().strip("…").strip()
    at = text.find(core) if core else -1
    while at != -1:
        if at < end and at + len(core) > start:
            return True
        at = text.find(core, at + 1)
    return False


def finding_quote(finding: Finding, plan: Plan | None) -> Quote | None:
    """The finding's evidence; in its sentence with the span of its location marked when the plan's text
    is there and agrees with the evidence, else as quoted, unmarked."""
    if not finding.evidence:
        return None
    loc = finding.location
    text = _block_text(plan, loc)
    if text is not None and loc is not None and loc.start is not None and loc.end is not None \
            and _quoted_from(text, finding.evidence, loc.start, loc.end):
        return highlight(text, loc.start, loc.end)
    return Quote(finding.evidence)


def evidence_quote(evidence: Evidence, plan: Plan | None) -> Quote:
    """A theme's evidence with its phrase marked: in the plan's text when the offsets agree with the phrase,
    else found in the quote (compared folded: case, dashes, quotes), else the quote unmarked."""
    loc = evidence.location
    text = _block_text(plan, loc)
    if text is not None and loc.start is not None and loc.end is not None \
            and text[loc.start:loc.end] == evidence.phrase:
        return highlight(text, loc.start, loc.end)
    phrase = evidence.phrase.strip()
    at = fold(evidence.quote).find(fold(phrase)) if phrase else -1
    if at == -1:
        return Quote(evidence.quote)
    end = at + len(phrase)
    return Quote(evidence.quote[:at], evidence.quote[at:end], evidence.quote[end:])


# --- findings, documents, report -------------------------------------------------------------------


def section_path(location: Location) -> list[str]:
    """The location's section path without the bullets in it: a bullet names no section, and a path of bullets
    alone would leave a dangling ``bảng 3, hàng 12, ô 2 · -``."""
    return [marker for marker in location.section if marker.strip(BULLETS + " ")]


def where(location: Location, lang: str) -> str:
    """``dòng 103 · III. › 6.``: the place, then the section path (as in the terminal report)."""
    place = location.describe(lang)
    path = section_path(location)
    if path:
        place += " · " + " › ".join(path)
    return place


def details(finding: Finding, lang: str) -> list[str]:
    """What a finding says beyond its message, one line each when known: ``Vị trí: …`` (place and section
    path), ``Trích: «…»``, ``Cách sửa: …`` — the lines the plain-text formats print under the message."""
    w = WORDS[lang]
    lines = []
    if finding.location is not None:
        lines.append(f"{w['at']}: {where(finding.location, lang)}")
    if finding.evidence:
        lines.append(f"{w['quote']}: «{finding.evidence}»")
    if finding.suggestion:
        lines.append(f"{w['fix']}: {finding.suggestion}")
    return lines


def marks(finding: Finding, lang: str) -> list[str]:
    """Why an accepted finding does not count: its waiver (reason — who, until when) and/or the baseline."""
    w = WORDS[lang]
    out = []
    if finding.waiver is not None:
        mark = f"{w['waived']}: {finding.waiver.reason} — {finding.waiver.accepted_by}"
        if finding.waiver.expires is not None:
            day = finding.waiver.expires.isoformat() if lang == "en" else f"{finding.waiver.expires:%d/%m/%Y}"
            mark += f", {w['until']} {day}"
        out.append(mark)
    if finding.baseline:
        out.append(w["in_baseline"])
    return out


# --- OCR: scanned pages and the findings that rest on their text ------------------------------------------

OCR_WORDS = {
    "vi": {"mark": "chữ nhận dạng OCR — nên kiểm tra lại",
           "line": "Văn bản quét: {what}; các phát hiện dựa trên chữ này được đánh dấu [OCR], nên kiểm tra lại"},
    "en": {"mark": "text read by OCR — look twice",
           "line": "Scanned document: {what}; findings that rest on this text are marked [OCR]: look twice"},
}


def ocr_mark(finding: Finding, lang: str) -> str | None:
    """``chữ nhận dạng OCR — nên kiểm tra lại`` / ``text read by OCR — look twice`` for a finding marked ``ocr``."""
    return OCR_WORDS[lang]["mark"] if finding.ocr else None


def ocr_suffix(finding: Finding, lang: str) -> str:
    """`` [OCR] (chữ nhận dạng OCR — nên kiểm tra lại)`` after the message of a finding marked ``ocr``, else ''."""
    mark = ocr_mark(finding, lang)
    return f" [OCR] ({mark})" if mark else ""


def ocr_lines(finding: Finding, lang: str) -> list[str]:
    """``[OCR] chữ nhận dạng OCR — nên kiểm tra lại`` as a line under the message of a finding marked ``ocr``."""
    mark = ocr_mark(finding, lang)
    return [f"[OCR] {mark}"] if mark else []


def ocr_line(plan: Plan | None, lang: str) -> str | None:
    """``Văn bản quét: chữ trang 1, 2 được nhận dạng bằng OCR (Tesseract 5.3.0, vie), độ tin cậy trung bình 94,0%;
    …``: what was read by OCR, with what confidence; None when no page was."""
    if plan is None or plan.ocr is None:
        return None
    return OCR_WORDS[lang]["line"].format(what=plan.ocr.describe(lang))


def finding_view(finding: Finding, plan: Plan | None, lang: str) -> FindingView:
    return FindingView(
        rule=finding.rule, code=finding.code, severity=finding.severity,
        severity_label=WORDS[lang][finding.severity], message=finding.message,
        where=where(finding.location, lang) if finding.location is not None else None,
        quote=finding_quote(finding, plan), fix=finding.suggestion, marks=marks(finding, lang),
        ocr=ocr_mark(finding, lang),
    )


def _groups(doc: DocumentReport, lang: str) -> list[GroupView]:
    w = WORDS[lang]
    groups = []
    for severity in SEVERITIES:
        found = [finding_view(f, doc.plan, lang) for f in doc.findings if f.severity == severity]
        if not found:
            continue
        accepted = sum(f.accepted for f in found)
        title = f"{w[_GROUP_TITLE[severity]]} ({len(found)}"
        title += f", {accepted} {w['of_which_accepted']})" if accepted else ")"
        groups.append(GroupView(severity=severity, title=title, findings=found))
    return groups


def _origin(theme: ThemeCoverage, lang: str) -> str:
    """``từ năm 2023, 93-HD/BTGTU``: from when a theme applies and which guidance asked for it."""
    bits = [WORDS[lang]["from_year"].format(since=theme.since)] if theme.since is not None else []
    return ", ".join([*bits, *([theme.introduced_by] if theme.introduced_by else [])])


def _not_required(theme: ThemeCoverage, year: int | None, lang: str) -> str:
    """``chưa áp dụng năm 2019 (từ năm 2023, 93-HD/BTGTU)``."""
    origin = _origin(theme, lang)
    return WORDS[lang]["not_required_in"].format(year=year) + (f" ({origin})" if origin else "")


def _theme(theme: ThemeCoverage, plan: Plan | None, lang: str) -> ThemeView:
    w = WORDS[lang]
    if theme.covered:
        status, label = "covered", w["covered"]
    elif not theme.required:
        status, label = "not-required", _not_required(theme, plan.year if plan else None, lang)
    elif theme.only_in_purpose:
        status, label = "only-in-purpose", f"{w['missing']} ({w['only_in_purpose']})"
    else:
        status, label = "missing", w["missing"]
    if status in ("missing", "only-in-purpose") and theme.reported_with:
        label += f" ({w['reported_with'].format(id=theme.reported_with)})"
    evidence = [EvidenceView(where=where(e.location, lang), phrase=e.phrase, quote=evidence_quote(e, plan))
                for e in theme.evidence]
    return ThemeView(id=theme.id, label=theme.label, status=status, status_label=label, evidence=evidence)


def themes_summary(themes: list[ThemeCoverage], year: int | None, lang: str) -> str:
    """``9/11 có; thiếu: kieu-bao, the-gioi``: covered out of the themes the plan had to cover, those missing
    (``kieu-bao (báo cùng ve-phuong-thuc)`` when another rule's finding stands for it), and those not required
    in the plan's year (``chưa áp dụng năm 2019: ho-chi-minh (từ năm 2023, …)``)."""
    if not themes:
        return ""
    w = WORDS[lang]
    counted = [t for t in themes if t.required or t.covered]
    summary = f"{sum(t.covered for t in counted)}/{len(counted)} {w['covered']}"
    missing = [t.id + (f" ({w['reported_with'].format(id=t.reported_with)})" if t.reported_with else "")
               for t in counted if not t.covered]
    if missing:
        summary += f"; {w['missing']}: {', '.join(missing)}"
    waived = [t for t in themes if not (t.required or t.covered)]
    if waived:
        summary += f"; {w['not_required_in'].format(year=year)}: "
        summary += ", ".join(t.id + (f" ({_origin(t, lang)})" if _origin(t, lang) else "") for t in waived)
    return summary


def describe(plan: Plan | None) -> str:
    """``KH 45/KH-UBND Hoạt động …``: type (``—`` when unknown), number-symbol and title, as the terminal report."""
    if plan is None:
        return ""
    return " ".join(bit for bit in (plan.doc_type or "—", plan.number_symbol, plan.title) if bit)


def document_view(doc: DocumentReport, number: int, lang: str) -> DocumentView:
    w = WORDS[lang]
    counts = {s: doc.count(s, include_accepted=False) for s in SEVERITIES}
    verdict = doc.verdict()
    return DocumentView(
        # The file name as it can be shown: its control characters, line breaks included, escaped.
        number=number, anchor=f"doc-{number}", path=visible(doc.path), status=doc.status, error=doc.error,
        description=describe(doc.plan), pack=doc.pack or "", counts=counts,
        accepted=sum(f.accepted for f in doc.findings), verdict=verdict, verdict_label=w[verdict],
        notes=list(doc.plan.notes) if doc.plan is not None else [], groups=_groups(doc, lang),
        themes=[_theme(t, doc.plan, lang) for t in doc.themes],
        themes_summary=themes_summary(doc.themes, doc.plan.year if doc.plan else None, lang),
        signatures=signature_lines(doc.plan, lang),
        ocr=ocr_line(doc.plan, lang),
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def baseline_lines(summary: BaselineSummary, lang: str) -> list[str]:
    """The comparison with the baseline and what was written, in the terminal report's words."""
    lines = []
    if summary.path is not None:
        if lang == "en":
            lines.append(f"Baseline {summary.path}: {_plural(summary.known, 'known finding')}, "
                         f"{_plural(summary.new, 'new finding')}, "
                         f"{_plural(summary.fixed, 'finding')} fixed since the baseline.")
        else:
            lines.append(f"Đường cơ sở {summary.path}: {summary.known} phát hiện đã biết, {summary.new} phát hiện "
                         f"mới, {summary.fixed} phát hiện đã sửa từ khi lập đường cơ sở.")
    if summary.written is not None:
        lines.append(f"Baseline written to {summary.written}: {_plural(summary.recorded, 'finding')} recorded."
                     if lang == "en" else
                     f"Đã ghi đường cơ sở vào {summary.written}: {summary.recorded} phát hiện.")
    return lines


def expected_lines(report: Report) -> list[str]:
    """Which expected units (``--expect``) submitted, the missing ones by name."""
    missing = [u.unit for u in report.expected if not u.documents]
    sent = len(report.expected) - len(missing)
    if report.lang == "en":
        lines = [f"Expected units: {sent} of {len(report.expected)} submitted."]
        if missing:
            lines.append("Not submitted: " + "; ".join(missing))
        if report.expected_groups:
            lines.append("Named only as a group, not counted (list their units with --expect FILE): "
                         + "; ".join(report.expected_groups))
    else:
        lines = [f"Đơn vị phải nộp: {sent}/{len(report.expected)} đã nộp."]
        if missing:
            lines.append("Chưa nộp: " + "; ".join(missing))
        if report.expected_groups:
            lines.append("Chỉ nêu theo nhóm, chưa tính (liệt kê từng đơn vị bằng --expect TỆP): "
                         + "; ".join(report.expected_groups))
    return lines


def totals(report: Report) -> str:
    """``16 văn bản, 34 lỗi, 16 cảnh báo, 3 thông tin[, 1 không đọc được][, 2 đã chấp nhận][, 1 đơn vị chưa nộp]
    [, bỏ qua 2 tệp khóa/ẩn][, loại trừ 3 tệp]`` (English: ``documents: 16, errors: 34, …``): the findings that
    count, as every report sums them up, the lock and hidden files a folder held that were not checked, and the
    files --exclude or a .gitignore left out."""
    w = WORDS[report.lang]
    counts = {s: sum(d.count(s, include_accepted=False) for d in report.documents) for s in SEVERITIES}
    extra = [
        (sum(d.status == "unreadable" for d in report.documents), "unreadable: {}", "{} không đọc được"),
        (sum(f.accepted for d in report.documents for f in d.findings), "accepted: {}", "{} " + w["waived"]),
        (sum(not u.documents for u in report.expected), "not submitted: {}", "{} đơn vị chưa nộp"),
        (len(report.skipped), "skipped lock/hidden files: {}", "bỏ qua {} tệp khóa/ẩn"),
        (len(report.excluded), "excluded: {}", "loại trừ {} tệp"),
    ]
    if report.lang == "en":  # "documents: 1, errors: 2" reads right in the singular and the plural
        line = (f"documents: {len(report.documents)}, errors: {counts['error']}, warnings: {counts['warning']}, "
                f"info: {counts['info']}")
    else:
        line = (f"{len(report.documents)} {w['documents']}, {counts['error']} {w['error']}, "
                f"{counts['warning']} {w['warning']}, {counts['info']} {w['info']}")
    return line + "".join(f", {(en if report.lang == 'en' else vi).format(n)}" for n, en, vi in extra if n)


def build(report: Report) -> ReportView:
    """Everything the templates show, in ``report.lang``."""
    lang = report.lang
    documents = [document_view(doc, n, lang) for n, doc in enumerate(report.documents, 1)]
    counts = {s: sum(d.counts[s] for d in documents) for s in SEVERITIES}
    accepted = sum(d.accepted for d in documents)
    return ReportView(
        lang=lang, words=WORDS[lang], version=report.version, documents=documents, counts=counts,
        accepted=accepted, passed=sum(d.verdict == "passed" for d in documents),
        headline=totals(report),
        waiver_problems=[p.message for p in report.waiver_problems],
        baseline=baseline_lines(report.baseline, lang) if report.baseline is not None else [],
        expected=expected_lines(report) if report.expected or report.expected_groups else [],
    )
