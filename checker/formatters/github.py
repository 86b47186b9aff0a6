"""GitHub Actions workflow commands: one annotation per finding that counts, then a summary notice.

A pure function of the report. Each finding that is not accepted (waived or in the baseline) gives one line::

    ::error file=PATH,line=N,title=RULE (code)::MESSAGE

``::warning`` for warnings, ``::notice`` for info. ``line`` is given only when it is a line of the file
itself: text and HTML files (a PDF's line is counted within its page, a Word document has none). ``col``
and ``endColumn`` are added when the reader knows them (a span on a one-line paragraph of a .txt file);
``endLine`` is never given. Without a line, the annotation is on
the file and the message starts with the place in words (``paragraph 12 · III. › 6.``); with one it adds
the section path the same way. The quote and the fix follow, one per line.

Values are escaped exactly as ``@actions/core`` does: the message ``%`` → ``%25``, CR → ``%0D``, LF →
``%0A``; properties also ``:`` → ``%3A`` and ``,`` → ``%2C``. Before that, control characters but the
message's own line breaks are shown as escapes (:func:`checker.text.visible.visible`: ESC → ``\\x1b``, a
line feed in a file name → ``\\x0a``, RLO → ``\\u202e``): the log viewer renders ANSI colours and
direction overrides, and a file name must never end the command's line.

Each digital signature of a signed PDF gives a ``::notice file=PATH,title=Chữ ký số::`` line (who signed, when,
intact, whole file, trust), after the findings.

The output always ends with one ``::notice title=plancheck::`` line that counts documents and findings (those
that count, then the accepted ones, unreadable documents and waiver problems when there are any), so a
clean run shows that plancheck ran. GitHub shows at most 10 annotations of each type per step; every line
is still in the log, and the summary gives the totals.

A document with pages read by OCR adds a ``::notice file=PATH,title=plancheck OCR::`` line saying which, with
what mean confidence; the titles of its findings that rest on that text end in ``[OCR]``.
"""

from __future__ import annotations

from checker.formatters.signatures import LABEL, signature_lines
from checker.formatters.view import details, ocr_line, ocr_lines
from checker.model.document import Location
from checker.model.report import DocumentReport, Finding, Report
from checker.text.visible import visible

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}

def escape_data(value: str) -> str:
    """The message of a command: control characters but line breaks shown as escapes, then escaped like
    ``escapeData`` of ``@actions/core`` (line breaks become ``%0D``/``%0A``, shown by GitHub as such)."""
    return visible(value, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A property value (``file=``, ``title=``): every control character shown as an escape (a line break in
    a file name too), then escaped like ``escapeProperty`` of ``@actions/core``."""
    return escape_data(visible(value)).replace(":", "%3A").replace(",", "%2C")


def file_line(location: Location | None) -> int | None:
    """The line of the file the finding is on, when there is one (not a page's line, not a paragraph)."""
    if location is None or location.page is not None or location.footnote is not None:
        return None
    return location.line


def _message(finding: Finding, lang: str) -> str:
    return "\n".join([finding.message, *details(finding, lang), *ocr_lines(finding, lang)])


def annotation(doc: DocumentReport, finding: Finding, lang: str) -> str:
    """The workflow command of one finding."""
    properties = [("file", doc.path)]
    line = file_line(finding.location)
    if line is not None:
        properties.append(("line", str(line)))
        location = finding.location
        if location is not None and location.column is not None and location.end_column is not None:
            properties += [("col", str(location.column)), ("endColumn", str(location.end_column))]
    properties.append(("title", f"{finding.rule} ({finding.code})" + (" [OCR]" if finding.ocr else "")))
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{_COMMAND[finding.severity]} {props}::{escape_data(_message(finding, lang))}"


def summary(report: Report) -> str:
    """``Total: documents: 2, errors: 3, …`` / ``Tổng cộng: 2 văn bản, 3 lỗi, …``: what the run found."""
    counts = {s: sum(d.count(s, include_accepted=False) for d in report.documents)
              for s in ("error", "warning", "info")}
    accepted = sum(1 for d in report.documents for f in d.findings if f.accepted)
    unreadable = sum(1 for d in report.documents if d.status == "unreadable")
    problems = len(report.waiver_problems)
    if report.lang == "en":
        text = (f"Total: documents: {len(report.documents)}, errors: {counts['error']}, "
                f"warnings: {counts['warning']}, info: {counts['info']}")
        extra = [(unreadable, "unreadable: {}"), (accepted, "accepted: {}"), (problems, "waiver problems: {}"),
                 (len(report.skipped), "skipped lock/hidden files: {}")]
    else:
        text = (f"Tổng cộng: {len(report.documents)} văn bản, {counts['error']} lỗi, "
                f"{counts['warning']} cảnh báo, {counts['info']} thông tin")
        extra = [(unreadable, "{} không đọc được"), (accepted, "{} đã chấp nhận"),
                 (problems, "{} mục chấp nhận có vấn đề"), (len(report.skipped), "bỏ qua {} tệp khóa/ẩn")]
    return text + "".join(f", {pattern.format(n)}" for n, pattern in extra if n)


def signature_notices(report: Report, lang: str) -> list[str]:
    """A notice on each signed PDF for each of its digital signatures: who signed, when, whether it holds."""
    title = escape_property(LABEL[lang])
    return [f"::notice file={escape_property(doc.path)},title={title}::{escape_data(line)}"
            for doc in report.documents for line in signature_lines(doc.plan, lang)]


def _ocr_notices(report: Report, lang: str) -> list[str]:
    """One ``::notice file=PATH,title=plancheck OCR::…`` per document with pages read by OCR: which, with what
    mean confidence (its findings' titles end in ``[OCR]``)."""
    out = []
    for doc in report.documents:
        scanned = ocr_line(doc.plan, lang)
        if scanned:
            out.append(f"::notice file={escape_property(doc.path)},title=plancheck OCR::{escape_data(scanned)}")
    return out


def render(report: Report) -> str:
    lang = report.lang if report.lang in ("vi", "en") else "vi"
    lines = [annotation(doc, finding, lang)
             for doc in report.documents for finding in doc.findings if not finding.accepted]
    lines += signature_notices(report, lang)
    lines.extend(_ocr_notices(report, lang))
    lines.append(f"::notice title=plancheck::{escape_data(summary(report))}")
    return "\n".join(lines) + "\n"
