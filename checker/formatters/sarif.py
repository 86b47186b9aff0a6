"""SARIF 2.1.0 report (``schemas/sarif-2.1.0.schema.json``), for code-scanning tools and SARIF viewers.

One run; ``tool.driver.rules`` holds the rules that ran (``Report.rules``) plus any rule a finding names
that is not among them, such as the always-on ``readable`` of an unreadable file. Each finding is one
result, referring to its rule by ``ruleId`` and ``ruleIndex``; its ``level`` is its own severity
(``info`` → ``note``).

Locations. Each result names its document in ``physicalLocation.artifactLocation`` (and
``run.artifacts``): the path as given, as a URI reference (forward slashes, spaces and non-ASCII
letters percent-encoded as UTF-8; a relative path is relative to ``%SRCROOT%``, the folder plancheck
was run from; an absolute path is a ``file:`` URI). Only a location that is a line of the file itself
gets a ``region`` — text and HTML files (``Location.line`` without ``page``) — with ``startLine``,
``endLine`` when the block runs over several lines, ``startColumn``/``endColumn`` when the reader
knows them (a span on a one-line block of a .txt file: the run's ``columnKind`` is
``unicodeCodePoints``, counted on the text as read, which is NFC with invisible characters dropped, so a
file typed in decomposed Unicode may be off by its combining marks), and the quoted evidence as
``snippet``. Word files (paragraph, table cell, footnote) and
PDF files (whose ``line`` counts the text lines of a page, not of the file) get no region. Every
located finding also has a ``logicalLocation``: ``name`` is the place (``đoạn 5``, ``bảng 1, hàng 2,
ô 3``, ``trang 2, dòng 14``…), ``fullyQualifiedName`` the section path ending with it (``III. › 4. ›
đoạn 25``) and ``kind`` one of ``line``, ``page-line``, ``paragraph``, ``table-cell``, ``footnote``,
``block``. A document-wide finding names only the document.

The message is the finding's message; without a region it adds the place and the quote (SARIF has
no snippet without a region), and it always ends with the fix. ``properties`` repeat the case
``code``, the ``evidence`` and the ``suggestion`` for programs. ``partialFingerprints`` identify a
finding the way the baseline does (rule, case, folded quote, not the location), numbered among the
identical ones of its document, so that an alert survives a paragraph moving.

Accepted findings: a waived one carries ``suppressions`` (``kind: external``, ``state: accepted``, the
reason and who accepted it as justification, the waivers file as location). When the report was
compared with a baseline, every result has a ``baselineState``: ``unchanged`` for a finding in the
baseline, ``new`` otherwise (a waived finding too: baselines never record waived findings; its
suppression says it is accepted). Unreadable files, what readers had to repair (notes) and problems of the
waivers file are listed as notifications of the invocation; theme coverage is in the properties of
each document's artifact (covered, missing, and notRequired: themes not yet in force in the plan's year).

Every text in the log has its control characters but line breaks shown as escapes
(:func:`checker.text.visible.visible`: ESC → ``\\x1b``, RLO → ``\\u202e``), since SARIF viewers print the
messages; artifact URIs are percent-encoded anyway.

A pure function of the report: nothing is read from disk or the clock, and the output is stable.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections import Counter
from typing import Any
from urllib.parse import quote

from checker.engine.baseline import fingerprint
from checker.formatters.view import ocr_line, ocr_lines, section_path
from checker.formatters.view import where as place_of
from checker.model.document import Block, Location
from checker.model.report import DocumentReport, Finding, Report
from checker.text.visible import visible

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
SRCROOT = "%SRCROOT%"
READABLE = "readable"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
LANGUAGES = {"vi": "vi-VN", "en": "en-US"}
FINGERPRINT = "plancheck/v1"
MIME_TYPES = {
    ".txt": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}

_WORDS = {
    "vi": {
        "fix": "Cách sửa", "at": "Vị trí", "quote": "Trích", "until": "đến",
        "root": "Thư mục chạy plancheck; đường dẫn tương đối của văn bản tính từ đây.",
        "kind": "Loại kiểm tra",
        "help": "Mô tả đầy đủ, các trường hợp và cách sửa: plancheck rules show {id} "
                "(thêm --rules nếu đã kiểm tra bằng bộ quy tắc riêng).",
        "readable_short": "Tệp phải đọc được (luôn bật, không thuộc bộ quy tắc nào).",
        "readable_full": "Tệp phải đọc được: định dạng được hỗ trợ (.docx, .doc, .odt, .txt, .html, .pdf, "
                         "bản quét .png, .jpg, .tif), không hỏng, "
                         "mã hóa ký tự xác định được. Tệp không đọc được được báo là một lỗi của riêng tệp đó, kèm "
                         "lý do và cách khắc phục; các tệp khác vẫn được kiểm tra.",
    },
    "en": {
        "fix": "Fix", "at": "At", "quote": "Quote", "until": "until",
        "root": "The folder plancheck was run from; relative document paths start here.",
        "kind": "Check kind",
        "help": "Full description, cases and fixes: plancheck rules show {id} "
                "(add --rules if the check used a pack of your own).",
        "readable_short": "The file must be readable (always on, not part of any pack).",
        "readable_full": "The file must be readable: a supported format (.docx, .doc, .odt, .txt, .html, .pdf, "
                         "scans as .png, .jpg, .tif), not "
                         "damaged, with a detectable text encoding. An unreadable file is reported as an error of "
                         "that file alone, with the reason and the fix; the other files are still checked.",
    },
}

_DRIVE = re.compile(r"^[A-Za-z]:/")


def artifact_uri(path: str) -> tuple[str, bool]:
    """``path`` as a URI reference, and whether it is relative (to ``%SRCROOT%``).

    Backslashes become slashes; every character outside the RFC 3986 unreserved set and ``/`` is
    percent-encoded from UTF-8 (``Kế hoạch.docx`` → ``K%E1%BA%BF%20ho%E1%BA%A1ch.docx``), so a
    ``:`` in a relative path cannot pass for a scheme. Absolute paths become ``file:`` URIs. The
    name is not Unicode-normalised: the URI must name the file as it is on disk.
    """
    text = path.replace("\\", "/")
    if _DRIVE.match(text):  # C:/… (Windows)
        return "file:///" + text[:2] + quote(text[2:], safe="/"), False
    if text.startswith("//"):  # //server/share/… (Windows UNC)
        return "file:" + quote(text, safe="/"), False
    if text.startswith("/"):
        return "file://" + quote(text, safe="/"), False
    return quote(posixpath.normpath(text), safe="/"), True


def _artifact_location(path: str, index: int | None = None) -> dict[str, Any]:
    uri, relative = artifact_uri(path)
    location: dict[str, Any] = {"uri": uri}
    if relative:
        location["uriBaseId"] = SRCROOT
    if index is not None:
        location["index"] = index
    return location


def _mime_type(path: str) -> str | None:
    suffix = posixpath.splitext(path.replace("\\", "/"))[1].lower()
    return MIME_TYPES.get(suffix)


def _level(severity: str) -> str:
    return LEVELS.get(severity, "warning")


class _Rules:
    """``tool.driver.rules``, with the index of each rule id."""

    def __init__(self, report: Report) -> None:
        self.words = _WORDS[report.lang]
        self.descriptors: list[dict[str, Any]] = []
        self.index: dict[str, int] = {}
        for info in report.rules:
            if info.id in self.index:
                continue
            self._add({
                "id": info.id,
                "name": info.id,
                "shortDescription": {"text": info.summary},
                "fullDescription": {"text": f"{info.summary} {self.words['kind']}: {info.kind}."},
                "help": {"text": f"{info.summary}\n{self.words['help'].format(id=info.id)}"},
                "defaultConfiguration": {"level": _level(info.severity)},
                "properties": {"kind": info.kind},
            })
        for doc in report.documents:
            for finding in doc.findings:
                if finding.rule not in self.index:
                    self._add(self._extra(finding))

    def _extra(self, finding: Finding) -> dict[str, Any]:
        """A rule a finding names that is not in ``Report.rules``: ``readable``, or one of a hand-made report."""
        if finding.rule == READABLE:
            return {
                "id": READABLE,
                "name": READABLE,
                "shortDescription": {"text": self.words["readable_short"]},
                "fullDescription": {"text": self.words["readable_full"]},
                "help": {"text": f"{self.words['readable_full']}\n{self.words['help'].format(id=READABLE)}"},
                "defaultConfiguration": {"level": "error"},
            }
        return {"id": finding.rule, "name": finding.rule, "defaultConfiguration": {"level": _level(finding.severity)}}

    def _add(self, descriptor: dict[str, Any]) -> None:
        self.index[descriptor["id"]] = len(self.descriptors)
        self.descriptors.append(descriptor)

    def reference(self, rule: str) -> dict[str, Any]:
        """A ``reportingDescriptorReference`` to ``rule``."""
        reference: dict[str, Any] = {"id": rule}
        if rule in self.index:
            reference["index"] = self.index[rule]
        return reference


def _block(doc: DocumentReport, location: Location) -> Block | None:
    """The block a location points into, when the report still has the plan's blocks."""
    blocks = doc.plan.blocks if doc.plan is not None else []
    if 0 <= location.block < len(blocks) and blocks[location.block].index == location.block:
        return blocks[location.block]
    return None


def _logical_kind(location: Location) -> str:
    if location.footnote is not None:
        return "footnote"
    if location.page is not None:
        return "page-line" if location.line is not None else "page"
    if location.table is not None:
        return "table-cell"
    if location.line is not None:
        return "line"
    if location.paragraph is not None:
        return "paragraph"
    return "block"


def _region(finding: Finding, location: Location, block: Block | None) -> dict[str, Any] | None:
    """The lines of a text or HTML file the finding is on; None where a location is not a line of the file."""
    if location.line is None or location.page is not None or location.footnote is not None:
        return None
    region: dict[str, Any] = {"startLine": location.line}
    if block is not None and block.line == location.line and block.end_line and block.end_line > location.line:
        region["endLine"] = block.end_line
    if location.column is not None and location.end_column is not None:
        region["startColumn"] = location.column
        region["endColumn"] = location.end_column
    if finding.evidence:
        region["snippet"] = {"text": finding.evidence}
    return region


def _justification(finding: Finding, words: dict[str, str], lang: str) -> str:
    assert finding.waiver is not None
    waiver = finding.waiver
    text = f"{waiver.reason} — {waiver.accepted_by}"
    if waiver.expires is not None:
        day = waiver.expires.isoformat() if lang == "en" else f"{waiver.expires:%d/%m/%Y}"
        text += f", {words['until']} {day}"
    return text


def _suppression(finding: Finding, words: dict[str, str], lang: str) -> dict[str, Any]:
    assert finding.waiver is not None
    waiver = finding.waiver
    properties: dict[str, Any] = {"reason": waiver.reason, "acceptedBy": waiver.accepted_by, "waiver": waiver.index}
    if waiver.expires is not None:
        properties["expires"] = waiver.expires.isoformat()
    return {
        "kind": "external",
        "state": "accepted",
        "justification": _justification(finding, words, lang),
        "location": {"physicalLocation": {"artifactLocation": _artifact_location(waiver.source)}},
        "properties": properties,
    }


def _fingerprint(finding: Finding, occurrence: int) -> str:
    """Rule, case and folded quote (the baseline's fingerprint), and which occurrence of them in the document."""
    key = f"{finding.rule}\n{finding.code}\n{fingerprint(finding)}"
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()}:{occurrence}"


def _result(finding: Finding, doc: DocumentReport, artifact: dict[str, Any], rules: _Rules, lang: str,
            compared: bool, occurrence: int) -> dict[str, Any]:
    words = _WORDS[lang]
    physical: dict[str, Any] = {"artifactLocation": dict(artifact)}
    where: dict[str, Any] = {"physicalLocation": physical}
    lines = [finding.message]
    region = None
    location = finding.location
    if location is not None:
        region = _region(finding, location, _block(doc, location))
        if region is not None:
            physical["region"] = region
        else:
            lines.append(f"{words['at']}: {place_of(location, lang)}")
        name = location.describe(lang)
        where["logicalLocations"] = [{"name": name, "fullyQualifiedName": " › ".join([*section_path(location), name]),
                                      "kind": _logical_kind(location)}]
    if finding.evidence and (region is None or "snippet" not in region):
        lines.append(f"{words['quote']}: «{finding.evidence}»")
    if finding.suggestion:
        lines.append(f"{words['fix']}: {finding.suggestion}")
    lines.extend(ocr_lines(finding, lang))
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rules.index[finding.rule],
        "level": _level(finding.severity),
        "message": {"text": "\n".join(lines)},
        "locations": [where],
    }
    if finding.waiver is not None:
        result["suppressions"] = [_suppression(finding, words, lang)]
    if compared:
        result["baselineState"] = "unchanged" if finding.baseline else "new"
    result["partialFingerprints"] = {FINGERPRINT: _fingerprint(finding, occurrence)}
    properties: dict[str, Any] = {"code": finding.code}
    if finding.evidence:
        properties["evidence"] = finding.evidence
    if finding.suggestion:
        properties["suggestion"] = finding.suggestion
    if finding.ocr:
        properties["ocr"] = True
    result["properties"] = properties
    return result


def _ocr_properties(doc: DocumentReport, lang: str) -> dict[str, Any]:
    """The artifact's ``ocr`` property: engine, languages, pages and mean confidence, and the same in words."""
    plan = doc.plan
    if plan is None or plan.ocr is None:
        return {}
    return {"ocr": {**plan.ocr.model_dump(mode="json"), "description": ocr_line(plan, lang)}}


def _artifact(doc: DocumentReport, lang: str) -> dict[str, Any]:
    artifact: dict[str, Any] = {"location": _artifact_location(doc.path), "roles": ["analysisTarget"]}
    mime = _mime_type(doc.path)
    if mime is not None:
        artifact["mimeType"] = mime
    properties: dict[str, Any] = {"status": doc.status}
    if doc.pack is not None:
        properties["pack"] = doc.pack
    if doc.themes:
        properties["themes"] = {"covered": [t.id for t in doc.themes if t.covered],
                                "missing": [t.id for t in doc.themes if t.required and not t.covered]}
        not_required = [t.id for t in doc.themes if not (t.required or t.covered)]
        if not_required:  # themes later guidance introduced, not yet in force in the plan's year
            properties["themes"]["notRequired"] = not_required
    if doc.plan is not None and doc.plan.signatures:  # a signed PDF: who signed, when, whether each holds
        properties["signatures"] = [s.model_dump(mode="json") for s in doc.plan.signatures]
    properties.update(_ocr_properties(doc, lang))
    artifact["properties"] = properties
    return artifact


def _uses_base(data: Any) -> bool:
    """True when some artifact location in ``data`` is relative to ``%SRCROOT%``."""
    if isinstance(data, dict):
        return data.get("uriBaseId") == SRCROOT or any(_uses_base(v) for v in data.values())
    if isinstance(data, list):
        return any(_uses_base(v) for v in data)
    return False


def _shown(data: Any) -> Any:
    """``data`` with every string's control characters but line breaks shown as escapes."""
    if isinstance(data, str):
        return visible(data, keep="\r\n")
    if isinstance(data, dict):
        return {key: _shown(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_shown(value) for value in data]
    return data


def as_data(report: Report) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log (JSON-ready data)."""
    words = _WORDS[report.lang]
    rules = _Rules(report)
    compared = report.baseline is not None or any(f.baseline for d in report.documents for f in d.findings)
    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    execution: list[dict[str, Any]] = []
    for doc in report.documents:
        if doc.path not in artifact_index:
            artifact_index[doc.path] = len(artifacts)
            artifacts.append(_artifact(doc, report.lang))
        where = _artifact_location(doc.path, artifact_index[doc.path])
        seen: Counter[tuple[str, str, str]] = Counter()
        for finding in doc.findings:
            key = (finding.rule, finding.code, fingerprint(finding))
            seen[key] += 1
            results.append(_result(finding, doc, where, rules, report.lang, compared, seen[key]))
        if doc.status == "unreadable":
            execution.append({
                "level": "error",
                "message": {"text": doc.error or doc.path},  # the reader's reason, naming the file
                "locations": [{"physicalLocation": {"artifactLocation": dict(where)}}],
                "associatedRule": rules.reference(READABLE),
            })
        for note in doc.plan.notes if doc.plan is not None else []:
            execution.append({"level": "note", "message": {"text": note},
                              "locations": [{"physicalLocation": {"artifactLocation": dict(where)}}]})
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if execution:
        invocation["toolExecutionNotifications"] = execution
    if report.waiver_problems:
        invocation["toolConfigurationNotifications"] = [
            {
                "level": "warning",
                "message": {"text": problem.message},
                "locations": [{"physicalLocation": {"artifactLocation": _artifact_location(problem.source)}}],
                "associatedRule": rules.reference(problem.rule),
                "properties": {"code": problem.code, "waiver": problem.index, "document": problem.document},
            }
            for problem in report.waiver_problems
        ]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "plancheck", "version": report.version, "rules": rules.descriptors}},
        "invocations": [invocation],
        "language": LANGUAGES[report.lang],
        "columnKind": "unicodeCodePoints",
    }
    if _uses_base(artifacts) or _uses_base(results) or _uses_base(invocation):
        run["originalUriBaseIds"] = {SRCROOT: {"description": {"text": words["root"]}}}
    run["artifacts"] = artifacts
    run["results"] = results
    if report.baseline is not None:
        run["properties"] = {"baseline": report.baseline.model_dump(mode="json")}
    return {"$schema": SCHEMA, "version": VERSION, "runs": [_shown(run)]}


def render(report: Report) -> str:
    return json.dumps(as_data(report), ensure_ascii=False, indent=2) + "\n"
