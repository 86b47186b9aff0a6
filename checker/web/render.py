"""What the web service sends back: the self-check page and the JSON report, both bounded in size.

The report of an upload is rendered in the worker process that checked it (see :mod:`checker.web.work`),
never on the server's event loop: a crafted file with a million citations made a 201 MB JSON report whose
rendering stalled every other client for seconds. The body is then bounded (:data:`RESPONSE_SIZE`): a
report over it keeps the first entries of each of its lists (findings — errors first —, citations, tasks,
sections, evidence …), as many as fit, with a note saying so; an annotated Word file too large to go with
the page is left out, with a note. ``plancheck check`` on the same file gives the whole report.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from functools import cache
from pathlib import PurePath
from typing import Any, TypeVar

import jinja2
from pydantic import BaseModel

from checker import __version__
from checker.engine.packs import BUILTIN, PackError, load_pack
from checker.engine.run import make_report, unreadable
from checker.formatters import json_format, view
from checker.limits import MB
from checker.model.report import SEVERITY_RANK, DocumentReport, Report
from checker.read import SUPPORTED
from checker.read.errors import shown

RESPONSE_SIZE = 20 * MB
"""The largest body the service sends: about a hundred times the JSON report of the largest real plan."""

WORDS = {
    "vi": {
        "title": "Tự kiểm tra kế hoạch",
        "lead": "Chọn hoặc kéo thả dự thảo kế hoạch (.docx, .doc, .odt, .pdf, .html, .txt, hoặc bản quét .png, .jpg, "
        ".tif) để xem trước những gì người duyệt sẽ phát hiện. Tệp không được lưu lại.", "file": "Tệp kế hoạch",
        "pack": "Bộ quy tắc hoặc văn bản cấp trên", "auto": "Tự chọn theo trích yếu", "check": "Kiểm tra",
        "download": "Tải bản Word có nhận xét", "result": "Kết quả", "other": "English", "api": "API (JSON)",
        "parents": "Văn bản cấp trên (danh mục)", "packs": "Bộ quy tắc", "no_file": "Chưa chọn tệp.",
        "too_large": "Tệp quá lớn (giới hạn {limit}).", "busy": "Không kiểm tra được tệp này (tiến trình kiểm tra "
        "bị dừng). Hãy thử lại hoặc gửi cho người duyệt.", "unsupported": "Định dạng {suffix} chưa được hỗ trợ; "
        "hãy dùng .docx, .doc, .odt, .pdf, .html, .txt hoặc bản quét .png, .jpg, .tif.", "drop": "Thả tệp vào đây",
        "time_limit": "quá {seconds:g} giây nên dừng kiểm tra (đổi bằng --limit timeout=…)",
        "stopping": "Máy chủ đang dừng; hãy thử lại sau.",
    },
    "en": {
        "title": "Plan self-check",
        "lead": "Choose or drop a draft plan (.docx, .doc, .odt, .pdf, .html, .txt, or a scan: .png, .jpg, .tif) to "
        "see what a reviewer will find. The file is not stored.", "file": "Plan file",
        "pack": "Rule pack or parent directive",
        "auto": "Chosen from the subject", "check": "Check", "download": "Download the annotated Word file",
        "result": "Result", "other": "Tiếng Việt", "api": "API (JSON)", "parents": "Parent directives (registry)",
        "packs": "Rule packs", "no_file": "No file chosen.", "too_large": "The file is too large (limit {limit}).",
        "busy": "This file could not be checked (the checking process stopped). Try again or send it to the "
        "reviewer.", "unsupported": "The format {suffix} is not supported; use .docx, .doc, .odt, "
        ".pdf, .html, .txt or a scan (.png, .jpg, .tif).",
        "drop": "Drop the file here",
        "time_limit": "gave up after {seconds:g} s (change it with --limit timeout=…)",
        "stopping": "The server is stopping; try again later.",
    },
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@cache
def _templates() -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([jinja2.PackageLoader("checker", "web/templates"),
                                  jinja2.PackageLoader("checker", "formatters/templates")])
    return jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True)


def directives() -> list[tuple[str, str]]:
    """(symbol, description) of the directives in the shipped registry, for the parent choice."""
    try:
        params = load_pack("ttdn").rules["cites-parent"].params
    except (PackError, KeyError):
        return []
    entries = getattr(params, "registry", [])
    return [(e.symbol, f"{e.symbol} — {e.title or ''}".strip(" —")) for e in entries]


def report_of(document: DocumentReport, lang: str) -> Report:
    """The report of one checked upload, with the rules of its pack."""
    packs = [load_pack(document.pack)] if document.pack and "+" not in document.pack else []
    return make_report([document], packs, lang)


def page(lang: str, report: Report | None = None, problem: str | None = None, download: tuple[str, bytes] | None = None,
         pack: str | None = None, parent: str | None = None) -> str:
    """The self-check page: the form, then ``problem`` or the result of ``report`` with the annotated file
    ``download`` (its name and bytes) offered, the form keeping the ``pack`` or ``parent`` chosen."""
    link = None
    if download is not None:
        name, data = download
        link = {"name": name, "href": f"data:{DOCX};base64," + base64.b64encode(data).decode("ascii")}
    selected = f"parent:{parent}" if parent else f"pack:{pack}" if pack else ""
    return _templates().get_template("page.html.j2").render(
        lang=lang, t=WORDS[lang], v=view.build(report) if report is not None else None, w=view.WORDS[lang],
        problem=problem, download=link, packs=list(BUILTIN), directives=directives(), selected=selected,
        version=__version__, other="en" if lang == "vi" else "vi",
        accept=",".join(SUPPORTED))


def download_name(document: DocumentReport) -> str:
    return f"{PurePath(document.path).stem or 'ke-hoach'}.checked.docx"


def json_body(document: DocumentReport, lang: str, limit: int = RESPONSE_SIZE) -> bytes:
    """The JSON report of ``document``, at most ``limit`` bytes (see :func:`bounded`)."""
    return bounded(document, lambda d: json_format.render(report_of(d, lang)).encode("utf-8"), limit)


def page_body(document: DocumentReport, lang: str, annotated: bytes | None = None, pack: str | None = None,
              parent: str | None = None, limit: int = RESPONSE_SIZE) -> bytes:
    """The page showing ``document``'s result with its ``annotated`` Word file to download, at most ``limit``
    bytes: without the file, with a note, when the page would be over with it; then as :func:`bounded`."""
    def render(d: DocumentReport, download: tuple[str, bytes] | None = None) -> bytes:
        return page(lang, report_of(d, lang), None, download, pack, parent).encode("utf-8")

    if annotated is not None:
        body = render(document, (download_name(document), annotated))
        if len(body) <= limit:
            return body
        document = _noted(document, f"Bản Word có nhận xét ({_size(len(annotated))}) quá lớn để gửi kèm trang (giới "
                                    f"hạn {_size(limit)}): hãy dùng plancheck check --annotate (the annotated Word "
                                    f"file, {_size(len(annotated))}, is too large to send with the page (limit "
                                    f"{_size(limit)}): use plancheck check --annotate)")
    return bounded(document, render, limit)


def bounded(document: DocumentReport, render: Callable[[DocumentReport], bytes], limit: int) -> bytes:
    """``render(document)`` if it is at most ``limit`` bytes, else ``render`` of a shortened copy: each list of
    the report (findings, the plan's citations, tasks, sections …, each theme's evidence) cut to its first
    entries — findings errors first, in their order — as many as fit, and a note saying so in the plan. A
    last line of defence: the engine already caps what one document can produce."""
    body = render(document)
    size = len(body)
    if size <= limit:
        return body
    keep = int(_longest(document) * limit / size)  # the lists are most of a large report
    while True:
        body = render(_shortened(document, keep, size, limit))
        if len(body) <= limit:
            return body
        if keep == 0:
            break
        keep //= 2
    # Even with every list empty, the rest is too large (texts of monstrous length): say only that.
    reason = (f"{shown(document.path)}: báo cáo quá lớn để gửi qua trang web ({_size(size)}, giới hạn "
              f"{_size(limit)}); hãy dùng plancheck check (the report is too large for the web service)")
    return render(unreadable(document.path, reason, "input-too-large"))


def _shortened(document: DocumentReport, keep: int, size: int, limit: int) -> DocumentReport:
    findings = document.findings
    if len(findings) > keep:
        ranked = sorted(range(len(findings)), key=lambda i: -SEVERITY_RANK[findings[i].severity])
        findings = [findings[i] for i in sorted(ranked[:keep])]
    update: dict[str, Any] = {"findings": findings, "themes": _cut(document.themes, keep)}
    if document.plan is not None:
        update["plan"] = _cut(document.plan, keep, skip=json_format.PLAN_INTERNALS | {"notes"})
    shortened = document.model_copy(update=update)
    return _noted(shortened, f"Báo cáo quá lớn để gửi qua trang web ({_size(size)}, giới hạn {_size(limit)}): mỗi danh "
                             f"sách (phát hiện, trích dẫn, nhiệm vụ, mục …) chỉ giữ {keep} mục đầu, phát hiện mức lỗi "
                             f"trước; plancheck check cho báo cáo đầy đủ (the report is too large for the web service "
                             f"({_size(size)}, limit {_size(limit)}): each list (findings, citations, tasks, sections "
                             f"…) keeps its first {keep} entries, errors first; plancheck check gives all of it)")


M = TypeVar("M")


def _cut(value: M, keep: int, skip: frozenset[str] | set[str] = frozenset()) -> M:
    """``value`` with every list in it, at any depth, cut to its first ``keep`` entries (fields in ``skip``
    of the outermost model left as they are)."""
    if isinstance(value, BaseModel):
        update = {}
        for name in type(value).model_fields:
            if name not in skip:
                field = getattr(value, name)
                cut = _cut(field, keep)
                if cut is not field:
                    update[name] = cut
        return value.model_copy(update=update) if update else value
    if isinstance(value, list):
        items = [_cut(item, keep) for item in value[:keep]]
        if len(value) > keep or any(a is not b for a, b in zip(items, value, strict=False)):
            return items  # type: ignore[return-value]
    return value


def _longest(document: DocumentReport) -> int:
    """The length of the longest list of the report and of its plan."""
    lengths = [len(document.findings), *(len(t.evidence) for t in document.themes)]
    if document.plan is not None:
        lengths += [len(v) for k, v in document.plan if isinstance(v, list) and k not in json_format.PLAN_INTERNALS]
    return max(lengths, default=0)


def _noted(document: DocumentReport, note: str) -> DocumentReport:
    """``document`` with ``note`` added to its plan's notes (shown by the page and in the JSON)."""
    if document.plan is None:
        return document  # an unreadable file: its report is one short finding
    plan = document.plan.model_copy(update={"notes": [*document.plan.notes, note]})
    return document.model_copy(update={"plan": plan})


def _size(count: int) -> str:
    return f"{count / MB:.1f} MB" if count >= MB else f"{count / 1024:.0f} KB"
