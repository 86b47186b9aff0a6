"""Annotated copies of checked documents: each finding as a Word comment on the text it is about.

For a .docx plan, the copy is the original package with comments added (python-docx's comments API):
each finding that has a location is anchored on the run(s) holding its text (a run is split at the
span's edges when it is plain text, so the comment covers exactly the quoted words); one summary comment
on the first words of the document gives the verdict, the counts and the findings that concern the whole
document. Any other input (.txt, .html, .pdf, .doc) gets a .docx rendition of the extracted text with the
same comments. The original file is never written; the copy is written as :mod:`checker.output` writes
every output (atomically unless the path is a link, a FIFO or a device), so a failed run leaves no
half-written file.
"""

from __future__ import annotations

import copy
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from checker.formatters.signatures import LABEL, signature_lines
from checker.formatters.view import ocr_line, ocr_suffix
from checker.model.plan import Plan
from checker.model.report import DocumentReport, Finding
from checker.output import write_output
from checker.read.docx import read_docx_bytes
from checker.read.errors import ReadError, file_bytes, shown

AUTHOR = "plancheck"
INITIALS = "PC"

_WORDS = {
    "vi": {"error": "Lỗi", "warning": "Cảnh báo", "info": "Thông tin", "fix": "Cách sửa", "quote": "Trích",
           "passed": "ĐẠT: không có lỗi.", "failed": "CHƯA ĐẠT", "summary": "plancheck — kết quả kiểm tra",
           "counts": "{errors} lỗi, {warnings} cảnh báo, {infos} thông tin", "whole": "Phát hiện chung cho cả văn bản:",
           "accepted": "đã chấp nhận", "pack": "Bộ quy tắc", "rendition": "Bản trình bày lại nội dung đã trích "
           "từ tệp {name} (tệp gốc không phải .docx), kèm nhận xét của plancheck.",
           "unplaced": "Không định vị được trong văn bản:"},
    "en": {"error": "Error", "warning": "Warning", "info": "Info", "fix": "Fix", "quote": "Quote",
           "passed": "PASSED: no errors.", "failed": "FAILED", "summary": "plancheck — check result",
           "counts": "{errors} errors, {warnings} warnings, {infos} info",
           "whole": "Findings about the whole document:",
           "accepted": "accepted", "pack": "Rule pack", "rendition": "Rendition of the text extracted from {name} "
           "(the original is not a .docx), with plancheck's comments.",
           "unplaced": "Could not be placed in the text:"},
}


class AnnotateError(Exception):
    """The annotated copy cannot be written; ``message(lang)`` says why."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en

    def message(self, lang: str) -> str:
        """The reason in ``lang``, control characters in the file names it holds shown as escapes."""
        return shown(self.en if lang == "en" else self.vi)


@dataclass
class Annotated:
    """What was written: the file, the comments anchored on text, and the summary comment."""

    path: Path
    comments: int
    unplaced: int  # findings with a location whose text was not found (listed in the summary comment)


def comment_lines(finding: Finding, lang: str) -> list[str]:
    """The text of a finding's comment: severity, rule and case, message; the quote; the fix; acceptance."""
    w = _WORDS[lang]
    lines = [f"[{w[finding.severity]}] {finding.rule} ({finding.code}): {finding.message}{ocr_suffix(finding, lang)}"]
    if finding.suggestion:
        lines.append(f"{w['fix']}: {finding.suggestion}")
    if finding.waiver is not None:
        lines.append(f"({w['accepted']}: {finding.waiver.reason} — {finding.waiver.accepted_by})")
    elif finding.baseline:
        lines.append(f"({w['accepted']}: baseline)")
    return lines


def _summary_lines(report: DocumentReport, whole: list[Finding], unplaced: list[Finding], lang: str) -> list[str]:
    w = _WORDS[lang]
    counts = {s: report.count(s, include_accepted=False) for s in ("error", "warning", "info")}
    verdict = w[report.verdict()]  # the copy is made of a readable document: passed or failed
    lines = [w["summary"], f"{verdict} — " + w["counts"].format(errors=counts["error"], warnings=counts["warning"],
                                                                infos=counts["info"])]
    if report.pack:
        lines.append(f"{w['pack']}: {report.pack}")
    scanned = ocr_line(report.plan, lang)
    if scanned:
        lines.append(f"OCR: {scanned}")
    lines.extend(f"{LABEL[lang]}: {line}" for line in signature_lines(report.plan, lang))
    for title, findings in ((w["whole"], whole), (w["unplaced"], unplaced)):
        if findings:
            lines.append(title)
            for finding in findings:
                lines.extend("• " + line if i == 0 else "   " + line
                             for i, line in enumerate(comment_lines(finding, lang)))
    return lines


def _add_comment(word: WordDocument, runs: list[Run], lines: list[str]) -> None:
    comment = word.add_comment(runs, text=lines[0], author=AUTHOR, initials=INITIALS)
    for line in lines[1:]:
        comment.add_paragraph(line)


# --- Word originals -----------------------------------------------------------------------------------------

def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("\u00a0", " ")


def _text_runs(paragraph: etree._Element) -> list[etree._Element]:
    """The paragraph's runs that carry shown text, in order (through hyperlinks and insertions; not
    deleted text, not text boxes)."""
    out = []
    for run in paragraph.iter(qn("w:r")):
        ancestors = {a.tag for a in run.iterancestors()}
        if qn("w:del") in ancestors or qn("w:moveFrom") in ancestors or qn("w:txbxContent") in ancestors:
            continue
        if run.find(qn("w:t")) is not None:
            out.append(run)
    return out


def _run_text(run: etree._Element) -> str:
    return _norm("".join(t.text or "" for t in run.iter(qn("w:t"))))


def _split(run: etree._Element, at: int) -> etree._Element:
    """Split a plain-text run at character ``at``; returns the second half (inserted after the run)."""
    texts = run.findall(qn("w:t"))
    other = [c for c in run if c.tag not in (qn("w:rPr"), qn("w:t"))]
    text = texts[0].text or "" if len(texts) == 1 else ""
    if len(texts) != 1 or other or not 0 < at < len(text) or _norm(text) != text:
        return run
    second = copy.deepcopy(run)
    second_text = second.find(qn("w:t"))
    assert second_text is not None  # a copy of a run with one w:t
    texts[0].text, second_text.text = text[:at], text[at:]
    for half in (texts[0], second_text):
        half.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.addnext(second)
    return second


def _anchor(paragraph: etree._Element, span: str | None) -> list[etree._Element]:
    """The runs to anchor a comment on: those holding ``span`` (split to its edges), else every run."""
    runs = _text_runs(paragraph)
    if not runs:
        return []
    if not span:
        return runs
    texts = [_run_text(r) for r in runs]
    joined = "".join(texts)
    at = joined.find(_norm(span))
    if at < 0:
        return runs
    end = at + len(_norm(span))
    starts, pos = [], 0
    for text in texts:
        starts.append(pos)
        pos += len(text)
    first = max(i for i, s in enumerate(starts) if s <= at)
    last = max(i for i, s in enumerate(starts) if s < end)
    head, tail = runs[first], runs[last]
    if end - starts[last] < len(texts[last]):
        _split(tail, end - starts[last])  # the tail keeps the span's end
    if at > starts[first]:
        second = _split(head, at - starts[first])
        if second is not head:
            if tail is head:
                tail = second
            head = second
    return [head, tail]


def _span(plan: Plan | None, finding: Finding) -> str | None:
    location = finding.location
    if plan is None or location is None or location.block >= len(plan.blocks):
        return None
    text = plan.blocks[location.block].text
    if location.start is not None and location.end is not None and location.end > location.start:
        return text[location.start:location.end]
    return text.strip() or None


def _annotate_docx(data: bytes, source: str, report: DocumentReport, lang: str) -> tuple[WordDocument, int, int]:
    origins: list[str] = []
    read_docx_bytes(data, source, origins)
    word = docx.Document(io.BytesIO(data))
    body = word.element
    plan = report.plan
    placed, whole, unplaced = 0, [], []
    for finding in report.findings:
        location = finding.location
        if location is None:
            whole.append(finding)
            continue
        found = body.xpath(origins[location.block]) if location.block < len(origins) else []
        runs = _anchor(found[0], _span(plan, finding)) if found else []
        if not runs:
            unplaced.append(finding)
            continue
        paragraph = Paragraph(cast(CT_P, found[0]), word._body)
        _add_comment(word, [Run(cast(CT_R, r), paragraph) for r in runs], comment_lines(finding, lang))
        placed += 1
    first = next((p for p in body.iter(qn("w:p")) if _text_runs(p)), None)
    if first is None:  # an empty document: give the summary a paragraph of its own
        first = word.add_paragraph(AUTHOR)._p
    runs = _text_runs(first)
    _add_comment(word, [Run(cast(CT_R, runs[0]), Paragraph(cast(CT_P, first), word._body))],
                 _summary_lines(report, whole, unplaced, lang))
    return word, placed, len(unplaced)


# --- Other formats: a rendition --------------------------------------------------------------------------------

def _rendition(report: DocumentReport, lang: str) -> tuple[WordDocument, int, int]:
    word = docx.Document()
    plan = report.plan
    intro = word.add_paragraph(_WORDS[lang]["rendition"].format(name=Path(report.path).name))
    intro.runs[0].italic = True
    blocks = plan.blocks if plan is not None else []
    spans: dict[int, list[tuple[int, int, Finding]]] = {}
    whole, unplaced = [], []
    for finding in report.findings:
        location = finding.location
        if location is None:
            whole.append(finding)
        elif location.block >= len(blocks):
            unplaced.append(finding)
        else:
            text = blocks[location.block].text
            start, end = location.start, location.end
            if start is None or end is None or not 0 <= start < end <= len(text):
                start, end = 0, len(text)
            spans.setdefault(location.block, []).append((start, end, finding))
    placed = 0
    for block in blocks:
        paragraph = word.add_paragraph()
        cuts = sorted({0, len(block.text), *(p for s, e, _ in spans.get(block.index, []) for p in (s, e))})
        runs = {}
        for left, right in zip(cuts, cuts[1:], strict=False):
            runs[left] = paragraph.add_run(block.text[left:right])
            if block.kind == "footnote":
                runs[left].italic = True
        ends = {right: runs[left] for left, right in zip(cuts, cuts[1:], strict=False)}
        for start, end, finding in spans.get(block.index, []):
            if start in runs and end in ends:
                _add_comment(word, [runs[start], ends[end]], comment_lines(finding, lang))
                placed += 1
            else:
                unplaced.append(finding)
    _add_comment(word, [intro.runs[0]], _summary_lines(report, whole, unplaced, lang))
    return word, placed, len(unplaced)


# --- Writing -------------------------------------------------------------------------------------------------

def annotate(report: DocumentReport, output: str | Path, lang: str = "vi") -> Annotated:
    """Write the annotated copy of the document ``report`` is about to ``output`` (a .docx).

    Raises :class:`AnnotateError` when the document was not readable, when ``output`` is the document
    itself, or when it cannot be written; :class:`~checker.read.errors.ReadError` if the .docx changed
    since it was checked and can no longer be read.
    """
    source, out = Path(report.path), Path(output)
    if report.status != "checked":
        raise AnnotateError(f"{source}: không đọc được nên không có bản ghi chú ({report.error})",
                            f"{source}: unreadable, so no annotated copy ({report.error})")
    if out.suffix.lower() != ".docx":
        raise AnnotateError(f"{out}: bản ghi chú phải là tệp .docx", f"{out}: the annotated copy must be a .docx file")
    if out.exists() and source.exists() and out.resolve() == source.resolve():
        raise AnnotateError(f"{out}: không ghi đè lên văn bản gốc; hãy chọn tên khác",
                            f"{out}: refusing to overwrite the original; choose another name")
    if source.suffix.lower() == ".docx":
        try:
            word, placed, unplaced = _annotate_docx(file_bytes(source), str(source), report, lang)
        except ReadError:
            raise
        except Exception as exc:  # a package python-docx cannot open: fall back to a rendition
            if report.plan is None:
                raise AnnotateError(f"{source}: không mở được để ghi chú ({exc})",
                                    f"{source}: cannot be opened for annotation ({exc})") from exc
            word, placed, unplaced = _rendition(report, lang)
    else:
        word, placed, unplaced = _rendition(report, lang)
    _save(word, out)
    return Annotated(out, placed, unplaced)


def _save(word: WordDocument, out: Path) -> None:
    try:
        write_output(out, word.save)
    except OSError as exc:
        raise AnnotateError(f"{out}: không ghi được ({exc.strerror or exc})",
                            f"{out}: cannot write ({exc.strerror or exc})") from exc
