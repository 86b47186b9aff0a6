"""Plain-text report for a terminal: findings grouped by document, then a summary line."""

from __future__ import annotations

from checker.model.document import Location
from checker.model.report import DocumentReport, Finding, Report

_WORDS = {
    "vi": {
        "error": "lỗi", "warning": "cảnh báo", "info": "thông tin", "fix": "Cách sửa", "at": "Vị trí",
        "pack": "bộ quy tắc", "themes": "Chủ đề", "covered": "có", "missing": "thiếu", "ok": "Không phát hiện vấn đề.",
        "documents": "văn bản", "unreadable": "không đọc được", "summary": "Tổng cộng", "quote": "Trích",
        "note": "Ghi chú",
    },
    "en": {
        "error": "error", "warning": "warning", "info": "info", "fix": "Fix", "at": "At",
        "pack": "pack", "themes": "Themes", "covered": "covered", "missing": "missing", "ok": "No problems found.",
        "documents": "documents", "unreadable": "unreadable", "summary": "Total", "quote": "Quote",
        "note": "Note",
    },
}


def _where(location: Location, lang: str) -> str:
    place = location.describe(lang)
    if location.section:
        place += " · " + " › ".join(location.section)
    return place


def _finding(f: Finding, w: dict[str, str], lang: str) -> list[str]:
    lines = [f"  {w[f.severity]:<10} {f.rule:<20} {f.message}"]
    if f.location is not None:
        lines.append(f"  {'':<10} {'':<20} {w['at']}: {_where(f.location, lang)}")
    if f.evidence:
        lines.append(f"  {'':<10} {'':<20} {w['quote']}: «{f.evidence}»")
    if f.suggestion:
        lines.append(f"  {'':<10} {'':<20} {w['fix']}: {f.suggestion}")
    return lines


def _document(doc: DocumentReport, w: dict[str, str], lang: str) -> list[str]:
    head = doc.path
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
    for finding in doc.findings:
        lines.extend(_finding(finding, w, lang))
    if not doc.findings:
        lines.append(f"  {w['ok']}")
    if doc.themes:
        covered = [t for t in doc.themes if t.covered]
        missing = [t.id for t in doc.themes if not t.covered]
        summary = f"  {w['themes']}: {len(covered)}/{len(doc.themes)} {w['covered']}"
        if missing:
            summary += f"; {w['missing']}: {', '.join(missing)}"
        lines.append(summary)
        for theme in covered:
            ev = theme.evidence[0]
            lines.append(f"    {theme.id:<16} {ev.location.describe(lang)} ({ev.phrase}): «{ev.quote}»")
    return lines


def render(report: Report) -> str:
    w = _WORDS[report.lang]
    lines: list[str] = []
    for doc in report.documents:
        lines.extend(_document(doc, w, report.lang))
        lines.append("")
    counts = {s: sum(d.count(s) for d in report.documents) for s in ("error", "warning", "info")}
    unreadable = sum(1 for d in report.documents if d.status == "unreadable")
    if report.lang == "en":  # "documents: 1, errors: 2" reads right in the singular and the plural
        total = (f"Total: documents: {len(report.documents)}, errors: {counts['error']}, "
                 f"warnings: {counts['warning']}, info: {counts['info']}")
        if unreadable:
            total += f", unreadable: {unreadable}"
    else:
        total = (f"{w['summary']}: {len(report.documents)} {w['documents']}, {counts['error']} {w['error']}, "
                 f"{counts['warning']} {w['warning']}, {counts['info']} {w['info']}")
        if unreadable:
            total += f", {unreadable} {w['unreadable']}"
    lines.append(total)
    return "\n".join(lines) + "\n"
