"""JUnit XML report, as read by the test reporters of Jenkins, GitLab and GitHub.

A pure function of the report (no clock, no files): the same report always gives the same text.

* ``<testsuites name="plancheck">`` holds one ``<testsuite>`` per document, named by its path;
* each suite has one ``<testcase classname=PATH name=RULE>`` per rule that ran on the document
  (``DocumentReport.rules``, else ``Report.rules``), in that order, and one more for any rule that gave a
  finding without being listed there;
* a rule with findings that count (not waived, not in the baseline) at severity error or warning fails:
  one ``<failure type=SEVERITY message=FIRST MESSAGE>`` whose text lists each such finding (severity, code,
  message, location with section path, quote, fix), errors first, then in report order;
* info findings and accepted findings (marked with the waiver's reason, or as in the baseline) go to the
  testcase's ``<system-out>``: they never fail it;
* a signed PDF's suite lists its digital signatures as ``<property name="signature">`` (who, when, intact,
  whole file, trust);
* an unreadable document has a single testcase ``readable`` with an ``<error>`` carrying the reason.

Control characters are shown as escapes (:func:`checker.text.visible.visible`; line breaks too, but those
between the lines made here); what XML cannot carry at all becomes U+FFFD. Counts (``tests``, ``failures``,
``errors``) are exact on every suite and on ``<testsuites>``. There are no ``time`` or ``timestamp``
attributes (they are optional). Waiver problems and the baseline summary are not part of this format: the
text and JSON reports show them.
"""

from __future__ import annotations

import re

from lxml import etree

from checker.formatters.signatures import signature_lines
from checker.formatters.view import details, marks, ocr_line, ocr_suffix
from checker.model.report import SEVERITY_RANK, DocumentReport, Finding, Report
from checker.text.visible import visible

READABLE_RULE = "readable"

_WORDS = {
    "vi": {
        "error": "lỗi", "warning": "cảnh báo", "info": "thông tin", "unreadable": "Không đọc được văn bản",
    },
    "en": {
        "error": "error", "warning": "warning", "info": "info", "unreadable": "The document could not be read",
    },
}

# Characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/U+FFFF): lxml refuses them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    """``text`` with its control characters but line breaks shown as escapes, and any other character XML
    cannot carry (U+FFFE, U+FFFF) replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", visible(text, keep="\r\n"))


def _name(path: str) -> str:
    """A file's path as an attribute: every control character escaped, line breaks too."""
    return _xml(visible(path))


def _mark(finding: Finding, lang: str) -> str:
    return "".join(f" ({mark})" for mark in marks(finding, lang)) + ocr_suffix(finding, lang)


def describe(finding: Finding, lang: str) -> str:
    """One finding as a few lines: severity, code and message, then location, quote and fix when known."""
    w = _WORDS[lang]
    lines = [f"[{w[finding.severity]}] {finding.code}: {finding.message}{_mark(finding, lang)}"]
    # A line break inside a message or quote is shown escaped: only the lines made here break the text.
    return "\n".join(map(visible, [*lines, *(f"  {line}" for line in details(finding, lang))]))


def _testcase(suite: etree._Element, path: str, rule: str, findings: list[Finding], lang: str) -> tuple[int, int]:
    """Add the testcase of ``rule``; return (failures, errors) it adds."""
    case = etree.SubElement(suite, "testcase", classname=_name(path), name=_xml(rule))
    failing = [f for f in findings if not f.accepted and f.severity in ("error", "warning")]
    # Errors first, each severity in report order (sorted() is stable).
    failing = sorted(failing, key=lambda f: -SEVERITY_RANK[f.severity])
    quiet = [f for f in findings if all(f is not g for g in failing)]
    failures = 0
    if failing:
        first = failing[0]
        failure = etree.SubElement(case, "failure", type=first.severity, message=_xml(first.message))
        failure.text = _xml("\n\n".join(describe(f, lang) for f in failing))
        failures = 1
    if quiet:
        out = etree.SubElement(case, "system-out")
        out.text = _xml("\n\n".join(describe(f, lang) for f in quiet))
    return failures, 0


def _unreadable(suite: etree._Element, doc: DocumentReport, lang: str) -> tuple[int, int]:
    """The single ``readable`` testcase of a document that could not be read."""
    case = etree.SubElement(suite, "testcase", classname=_name(doc.path), name=READABLE_RULE)
    findings = [f for f in doc.findings if f.rule == READABLE_RULE] or [
        Finding(rule=READABLE_RULE, code="unreadable", severity="error",
                message=doc.error or _WORDS[lang]["unreadable"])]
    counting = [f for f in findings if not f.accepted]
    if not counting:  # a waiver accepted that the file cannot be read
        out = etree.SubElement(case, "system-out")
        out.text = _xml("\n\n".join(describe(f, lang) for f in findings))
        return 0, 0
    reason = doc.error or counting[0].message
    error = etree.SubElement(case, "error", type=counting[0].code, message=_xml(reason))
    error.text = _xml("\n\n".join(describe(f, lang) for f in counting))
    return 0, 1


def _properties(suite: etree._Element, doc: DocumentReport, lang: str) -> None:
    """The suite's one ``<properties>`` (its first child, as JUnit has it), when there is something to say: each
    digital signature of a signed PDF (``signature``), and what was read by OCR with what mean confidence
    (``ocr``)."""
    found = [("signature", line) for line in signature_lines(doc.plan, lang)]
    scanned = ocr_line(doc.plan, lang)
    if scanned:
        found.append(("ocr", scanned))
    if found:
        properties = etree.SubElement(suite, "properties")
        for name, value in found:
            etree.SubElement(properties, "property", name=name, value=_xml(value))


def _suite(root: etree._Element, doc: DocumentReport, rules: list[str], lang: str) -> tuple[int, int, int]:
    suite = etree.SubElement(root, "testsuite", name=_name(doc.path))
    _properties(suite, doc, lang)
    if doc.status == "unreadable":
        failures, errors = _unreadable(suite, doc, lang)
        tests = 1
    else:
        # The rules that ran, then any rule that gave a finding without being listed (never lose a finding).
        names = list(dict.fromkeys([*(doc.rules or rules), *(f.rule for f in doc.findings)]))
        failures = errors = 0
        for rule in names:
            fails, errs = _testcase(suite, doc.path, rule, [f for f in doc.findings if f.rule == rule], lang)
            failures, errors = failures + fails, errors + errs
        tests = len(names)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    return tests, failures, errors


def render(report: Report) -> str:
    lang = report.lang if report.lang in _WORDS else "vi"
    root = etree.Element("testsuites", name="plancheck")
    rules = [rule.id for rule in report.rules]
    totals = [0, 0, 0]
    for doc in report.documents:
        counts = _suite(root, doc, rules, lang)
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    # Attributes in the usual order: name, tests, failures, errors.
    for key, value in zip(("tests", "failures", "errors"), totals, strict=True):
        root.set(key, str(value))
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data.decode("utf-8")
