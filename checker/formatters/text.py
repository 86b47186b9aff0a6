"""Plain-text report for a terminal: findings grouped by document, then a summary line.

Accepted findings are shown, marked on their first line: ``(đã chấp nhận: lý do — người duyệt)`` for a
waiver, ``(đã có trong đường cơ sở)`` for the baseline. The summary counts only the findings that are
not accepted (the ones the exit code looks at) and adds how many were accepted; waiver problems and
the comparison with the baseline come just before it. A document with pages read by OCR has an ``OCR:`` line
(which pages, what engine, the mean confidence), and its findings on that text end in ``[OCR] (chữ nhận dạng OCR
— nên kiểm tra lại)``.

Every line is printed through :func:`checker.text.visible.visible`: a control character in a file name
(or anywhere else) is shown as an escape (``\\x1b``, ``\\x0a``, ``\\u202e``), so it can neither drive the
terminal nor start a line of its own that a CI runner would read as a command.
"""

from __future__ import annotations

from checker.formatters.signatures import LABEL, signature_lines
from checker.formatters.view import (
    baseline_lines,
    details,
    expected_lines,
    marks,
    ocr_line,
    ocr_suffix,
    themes_summary,
    totals,
)
from checker.model.report import DocumentReport, Finding, Report
from checker.read.errors import shown
from checker.text.visible import visible

_WORDS = {
    "vi": {
        "error": "lỗi", "warning": "cảnh báo", "info": "thông tin",
        "pack": "bộ quy tắc", "themes": "Chủ đề", "ok": "Không phát hiện vấn đề.",
        "unreadable": "không đọc được", "summary": "Tổng cộng", "note": "Ghi chú",
        "waiver_problems": "Tệp chấp nhận (--waivers)",
    },
    "en": {
        "error": "error", "warning": "warning", "info": "info",
        "pack": "pack", "themes": "Themes", "ok": "No problems found.",
        "unreadable": "unreadable", "summary": "Total", "note": "Note", "waiver_problems": "Waivers (--waivers)",
    },
}


def _mark(f: Finding, lang: str) -> str:
    """`` (đã chấp nhận: reason — accepted_by)`` / `` (đã có trong đường cơ sở)``, or nothing."""
    return "".join(f" ({mark})" for mark in marks(f, lang))


def _finding(f: Finding, w: dict[str, str], lang: str) -> list[str]:
    lines = [f"  {w[f.severity]:<10} {f.rule:<20} {f.message}{_mark(f, lang)}{ocr_suffix(f, lang)}"]
    lines.extend(f"  {'':<10} {'':<20} {line}" for line in details(f, lang))
    return lines


def _document(doc: DocumentReport, w: dict[str, str], lang: str) -> list[str]:
    head = shown(doc.path)  # a hostile file name cannot forge report lines
    plan = doc.plan
    if doc.status == "unreadable":
        head += f"  [{w['unreadable']}]"
    elif plan is not None:
        bits = [plan.doc_type or "—", plan.number_symbol or "", plan.title or ""]
        head += "  (" + w["pack"] + f": {doc.pack})  " + " ".join(b for b in bits if b)
    lines = [head]
    if plan is not None:
        # What the reader had to do (encoding guessed, legacy font converted, .doc converted…).
        lines.extend(f"  {w['note']}: {note}" for note in plan.notes)
        lines.extend(f"  {LABEL[lang]}: {line}" for line in signature_lines(plan, lang))
        scanned = ocr_line(plan, lang)
        if scanned:
            lines.append(f"  OCR: {scanned}")
    for finding in doc.findings:
        lines.extend(_finding(finding, w, lang))
    if not doc.findings:
        lines.append(f"  {w['ok']}")
    if doc.themes:
        lines.append(f"  {w['themes']}: {themes_summary(doc.themes, plan.year if plan else None, lang)}")
        for theme in (t for t in doc.themes if t.covered):
            ev = theme.evidence[0]
            lines.append(f"    {theme.id:<16} {ev.location.describe(lang)} ({ev.phrase}): «{ev.quote}»")
    return lines


def render(report: Report) -> str:
    w = _WORDS[report.lang]
    lines: list[str] = []
    for doc in report.documents:
        lines.extend(_document(doc, w, report.lang))
        lines.append("")
    if report.waiver_problems:
        lines.append(f"{w['waiver_problems']}:")
        lines.extend(f"  {problem.message}" for problem in report.waiver_problems)
        lines.append("")
    if report.baseline is not None:
        lines.extend(baseline_lines(report.baseline, report.lang))
        lines.append("")
    if report.expected or report.expected_groups:
        lines.extend(expected_lines(report)[:1] + ["  " + line for line in expected_lines(report)[1:]])
        lines.append("")
    # Only findings that are not accepted: the ones the exit code looks at.
    total = f"{w['summary']}: {totals(report)}"
    lines.append(total)
    return "\n".join(map(visible, lines)) + "\n"


_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def coloured(text: str, lang: str) -> str:
    """The text report with each finding's severity in colour (red, yellow, cyan) for a terminal: the same
    text otherwise, so that it stays a pure function of the report."""
    import re

    import click

    words = _WORDS[lang]
    by_word = {words[severity]: colour for severity, colour in _COLOURS.items()}
    pattern = re.compile(r"^(  )(" + "|".join(map(re.escape, sorted(by_word, key=len, reverse=True))) + r")(\s)",
                         re.MULTILINE)
    return pattern.sub(lambda m: m.group(1) + click.style(m.group(2), fg=by_word[m.group(2)], bold=True) + m.group(3),
                       text)
