"""The JUnit XML formatter (``--format junit``): suites, testcases, failures and counts, from real reports."""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import Any, cast

import pytest
from conftest import report_of
from lxml import etree

from checker.api import check_file
from checker.engine.packs import load_pack
from checker.engine.run import make_report
from checker.engine.waivers import WaiverEntry, apply_waivers
from checker.formatters import junit
from checker.model.document import Location
from checker.model.report import DocumentReport, Finding, Report, RuleInfo

ROOT = Path(__file__).resolve().parents[1]
TASK = "samples/defects/task-without-unit.txt"
MISSING = "samples/defects/missing-theme.txt"  # two covers-themes errors: kieu-bao, the-gioi
VAN_NINH = "samples/ke-hoach-ttdn-van-ninh-2019.docx"
TRA_VINH = "samples/ke-hoach-ttdn-mttq-tra-vinh-2023.docx"  # an info finding (has-deadline, period-only)
TTDN_RULES = ["is-plan", "cites-parent", "assigns-tasks", "task-table", "has-deadline", "has-standard-parts",
              "has-own-date", "has-signer", "has-recipients", "covers-themes"]
# The pack's rules: the three on digital signatures (when: format pdf) run on no .txt document.
PACK_RULES = [*TTDN_RULES[:-1], "signature-invalid", "signature-untrusted", "signature-signer", "covers-themes"]
TASK_MESSAGE_VI = "Nhiệm vụ «6. Theo dõi, tổng hợp diễn biến thông…» không có cơ quan, đơn vị chịu trách nhiệm."
TASK_MESSAGE_EN = "The task '6. Theo dõi, tổng hợp diễn biến thông…' has no responsible unit."
TASK_QUOTE = ("6. Theo dõi, tổng hợp diễn biến thông tin đối ngoại, kịp thời đề xuất chủ trương, biện pháp phản bác "
              "các thông tin, luận điệu sai trái làm ảnh hưởng đến uy tín,…")


def parse(report: Report) -> etree._Element:
    text = junit.render(report)
    assert text.startswith("<?xml version='1.0' encoding='UTF-8'?>\n")
    return etree.fromstring(text.encode("utf-8"))


def select(root: etree._Element, path: str, **variables: str) -> list[etree._Element]:
    found = cast(Any, root).xpath(path, **variables)  # the stubs do not allow XPath variables
    assert isinstance(found, list)
    return [e for e in found if isinstance(e, etree._Element)]


def case(root: etree._Element, path: str, rule: str) -> etree._Element:
    (found,) = select(root, "testsuite[@name=$p]/testcase[@classname=$p and @name=$r]", p=path, r=rule)
    return found


def text(element: etree._Element) -> str:
    assert element.text is not None
    return element.text


@pytest.fixture(scope="module")
def task_vi() -> Report:
    return report_of([TASK])


@pytest.fixture(scope="module")
def task_en() -> Report:
    return report_of([TASK], "en")


@pytest.fixture(scope="module")
def missing_vi() -> Report:
    return report_of([MISSING])


@pytest.fixture
def garbage(tmp_path: Path) -> Path:
    path = tmp_path / "hong.docx"
    path.write_bytes(b"\x00\x01 not a zip package \xff")
    return path


def test_the_task_sample_has_the_findings_these_tests_expect(task_vi: Report) -> None:
    assert [r.id for r in task_vi.rules] == PACK_RULES
    # A 2019 plan: the themes 2023 guidance introduced are not required of it.
    assert [(f.rule, f.severity) for f in task_vi.documents[0].findings] == [
        ("has-own-date", "warning"), ("assigns-tasks", "error")]


def test_one_suite_per_document_one_testcase_per_rule(task_vi: Report) -> None:
    root = parse(task_vi)
    assert root.tag == "testsuites" and root.get("name") == "plancheck"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == TASK
    assert [c.get("name") for c in suite.findall("testcase")] == TTDN_RULES
    assert {c.get("classname") for c in suite.findall("testcase")} == {TASK}
    # has-own-date and assigns-tasks fail; the 8 others pass.
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("10", "2", "0")
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("10", "2", "0")
    for rule in ("is-plan", "cites-parent", "task-table", "has-deadline", "has-signer", "covers-themes"):
        assert len(case(root, TASK, rule)) == 0  # a passing testcase is empty


def test_failure_of_the_known_rule_has_its_message_location_quote_and_fix(task_vi: Report) -> None:
    (failure,) = case(parse(task_vi), TASK, "assigns-tasks")
    assert failure.tag == "failure"
    assert failure.get("type") == "error"
    assert failure.get("message") == TASK_MESSAGE_VI
    assert text(failure) == (
        f"[lỗi] task-without-unit: {TASK_MESSAGE_VI}\n"
        "  Vị trí: dòng 103 · III. › 6.\n"
        f"  Trích: «{TASK_QUOTE}»\n"
        "  Cách sửa: Ghi rõ cơ quan chủ trì ở đầu nhiệm vụ, ví dụ «Phòng Văn hóa và Thông tin chủ trì, …».")


def test_one_failure_lists_every_finding_of_the_rule(missing_vi: Report) -> None:
    (failure,) = case(parse(missing_vi), MISSING, "covers-themes")
    assert failure.get("type") == "error"
    assert failure.get("message") == missing_vi.documents[0].findings[0].message
    entries = text(failure).split("\n\n")
    assert len(entries) == 2
    assert entries[0].startswith("[lỗi] theme-missing: ") and "(kieu-bao)" in entries[0]
    assert entries[1].startswith("[lỗi] theme-missing: ") and "(the-gioi)" in entries[1]
    assert all("\n  Cách sửa: Bổ sung nhiệm vụ về " in e for e in entries)
    assert "Vị trí" not in text(failure)  # document-wide findings have no location


def test_warning_fails_with_type_warning(task_vi: Report) -> None:
    (failure,) = case(parse(task_vi), TASK, "has-own-date")
    assert (failure.tag, failure.get("type")) == ("failure", "warning")
    assert text(failure) == ("[cảnh báo] field-missing: Văn bản không có ngày ban hành.\n"
                            "  Cách sửa: Bổ sung ngày ban hành theo thể thức văn bản.")


def test_english(task_en: Report) -> None:
    root = parse(task_en)
    (failure,) = case(root, TASK, "assigns-tasks")
    assert failure.get("message") == TASK_MESSAGE_EN
    assert text(failure).splitlines() == [
        f"[error] task-without-unit: {TASK_MESSAGE_EN}",
        "  At: line 103 · III. › 6.",
        f"  Quote: «{TASK_QUOTE}»",
        "  Fix: Name the lead unit at the start of the task, e.g. 'Phòng Văn hóa và Thông tin chủ trì, …'."]
    (warning,) = case(root, TASK, "has-own-date")
    assert text(warning).startswith("[warning] field-missing: The document has no date of issue.")


def test_several_documents_and_an_unreadable_one(garbage: Path) -> None:
    report = report_of([TASK, TRA_VINH, garbage])
    assert report.documents[2].status == "unreadable"
    root = parse(report)
    assert [s.get("name") for s in root.findall("testsuite")] == [TASK, TRA_VINH, str(garbage)]
    counts = [(s.get("tests"), s.get("failures"), s.get("errors")) for s in root.findall("testsuite")]
    # The Word plan misses a theme: covers-themes fails, nothing else (its info finding does not fail).
    assert counts == [("10", "2", "0"), ("10", "1", "0"), ("1", "0", "1")]
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("21", "3", "1")
    assert [c.get("name") for c in select(root, "testsuite[@name=$p]/testcase[failure]", p=TRA_VINH)] == [
        "covers-themes"]
    (unreadable,) = select(root, "testsuite[@name=$p]/testcase", p=str(garbage))
    assert (unreadable.get("classname"), unreadable.get("name")) == (str(garbage), "readable")
    (error,) = unreadable
    assert error.tag == "error" and error.get("type") == "unreadable"
    reason = report.documents[2].error
    assert reason is not None and "không phải .docx hợp lệ" in reason
    assert error.get("message") == reason
    assert text(error) == f"[lỗi] unreadable: {reason}"


def test_counts_match_the_elements(garbage: Path) -> None:
    root = parse(report_of([TASK, VAN_NINH, TRA_VINH, garbage]))
    for suite in root.findall("testsuite"):
        assert int(suite.get("tests", "-1")) == len(suite.findall("testcase"))
        assert int(suite.get("failures", "-1")) == len(suite.findall("testcase/failure"))
        assert int(suite.get("errors", "-1")) == len(suite.findall("testcase/error"))
    for key, path in (("tests", "testsuite/testcase"), ("failures", "testsuite/testcase/failure"),
                      ("errors", "testsuite/testcase/error")):
        assert int(root.get(key, "-1")) == len(root.findall(path))
    assert root.get("tests") == "31"


def test_info_only_rule_passes_with_system_out() -> None:
    report = report_of([TRA_VINH])
    (info,) = [f for f in report.documents[0].findings if f.severity == "info"]
    assert (info.rule, info.code) == ("has-deadline", "period-only")
    root = parse(report)
    testcase = case(root, TRA_VINH, "has-deadline")
    assert testcase.find("failure") is None and testcase.find("error") is None
    (out,) = testcase
    assert out.tag == "system-out"
    assert text(out).startswith(f"[thông tin] period-only: {info.message}\n  Vị trí: đoạn 25 · III. › 4.\n")
    assert f"  Trích: «{info.evidence}»" in text(out)
    assert root.get("failures") == "1"  # only covers-themes


def test_waived_finding_does_not_fail_and_is_shown_with_its_reason(task_vi: Report) -> None:
    waiver = WaiverEntry(source="w.yaml", index=1, rule="assigns-tasks", document="task-without-unit.txt",
                         reason="Nhiệm vụ 6 do BCH Quân sự chủ trì", accepted_by="Nguyễn Văn A",
                         expires=date(2099, 12, 31))
    report = apply_waivers(task_vi, [waiver], date(2024, 6, 1))
    root = parse(report)
    testcase = case(root, TASK, "assigns-tasks")
    assert testcase.find("failure") is None
    (out,) = testcase
    assert out.tag == "system-out"
    assert text(out).splitlines()[0] == (f"[lỗi] task-without-unit: {TASK_MESSAGE_VI} (đã chấp nhận: Nhiệm vụ 6 do BCH "
                                        "Quân sự chủ trì — Nguyễn Văn A, đến 31/12/2099)")
    assert (root.get("failures"), root[0].get("failures")) == ("1", "1")  # has-own-date still fails


def test_baseline_finding_does_not_fail_but_a_new_one_of_the_same_rule_does() -> None:
    missing_en = report_of([MISSING], "en")
    doc = missing_en.documents[0]
    known = [f.model_copy(update={"baseline": True}) if f.code == "theme-missing" and "kieu-bao" in f.message
             else f for f in doc.findings]
    report = missing_en.model_copy(update={"documents": [doc.model_copy(update={"findings": known})]})
    testcase = case(parse(report), MISSING, "covers-themes")
    failure, out = testcase
    assert failure.tag == "failure" and "(the-gioi)" in failure.get("message", "")
    assert "kieu-bao" not in text(failure)
    assert out.tag == "system-out" and text(out).startswith("[error] theme-missing: ")
    assert text(out).splitlines()[0].endswith("(kieu-bao). (in baseline)")


def test_error_comes_first_and_names_the_failure() -> None:
    findings = [Finding(rule="r", code="w", severity="warning", message="first, a warning"),
                Finding(rule="r", code="e", severity="error", message="then an error"),
                Finding(rule="r", code="i", severity="info", message="and some info")]
    report = Report(version="0", lang="en", rules=[RuleInfo(id="r", kind="k", severity="error", summary="s")],
                    documents=[DocumentReport(path="a.txt", status="checked", findings=findings)])
    failure, out = case(parse(report), "a.txt", "r")
    assert (failure.get("type"), failure.get("message")) == ("error", "then an error")
    assert text(failure) == "[error] e: then an error\n\n[warning] w: first, a warning"
    assert text(out) == "[info] i: and some info"


def test_a_rule_missing_from_report_rules_still_gets_a_testcase() -> None:
    with contextlib.chdir(ROOT):
        doc = check_file(TASK).model_copy(update={"rules": []})  # a report from elsewhere, without rules
        report = make_report([doc], [], "vi")  # no packs: report.rules is empty
    root = parse(report)
    assert [c.get("name") for c in root.iter("testcase")] == ["has-own-date", "assigns-tasks"]
    assert (root.get("tests"), root.get("failures")) == ("2", "2")


def test_only_the_rules_that_ran_on_a_document_are_testcases() -> None:
    """An article is no plan: only is-plan runs on it, the other rules of the pack are not 'passed'."""
    with contextlib.chdir(ROOT):
        article = check_file("samples/bai-viet-ket-luan-57.txt")
        report = make_report([article], [load_pack(article.pack or "default")], "vi")
    assert [c.get("name") for c in parse(report).iter("testcase")] == ["is-plan"]


def test_characters_xml_cannot_carry_are_escaped_or_replaced() -> None:
    # Control characters are shown as escapes (as in every format); the non-characters U+FFFE and U+FFFF,
    # which XML cannot carry either, become U+FFFD.
    finding = Finding(rule="r", code="c", severity="error", message="bad\x0bchar\x00s\uffff",
                      evidence="a\x0cb", location=Location(block=0, line=1))
    report = Report(version="0", documents=[DocumentReport(path="a.txt", status="checked", findings=[finding])])
    (failure,) = case(parse(report), "a.txt", "r")
    assert failure.get("message") == "bad\\x0bchar\\x00s\ufffd"
    assert "«a\\x0cb»" in text(failure)


def test_render_is_deterministic(task_vi: Report) -> None:
    assert junit.render(task_vi) == junit.render(task_vi.model_copy(deep=True))


def test_a_signed_scan_has_one_properties_element_with_its_signature_and_its_ocr() -> None:
    """JUnit gives a suite one <properties>: a signed PDF read by OCR lists both there."""
    from checker.model.document import OcrInfo, Signature
    from checker.model.plan import Plan

    plan = Plan(path="quet.pdf", format="pdf",
                ocr=OcrInfo(engine="Tesseract 5.3.0", languages="vie", pages=[1, 2], confidence=91.5),
                signatures=[Signature(signer="Nguyễn Văn An", intact=True, covers_whole=True)])
    report = Report(version="test", lang="en", documents=[DocumentReport(path="quet.pdf", status="checked",
                                                                          plan=plan)])
    [suite] = etree.fromstring(junit.render(report).encode("utf-8")).iter("testsuite")
    [properties] = suite.findall("properties")
    assert [p.get("name") for p in properties] == ["signature", "ocr"]
    assert properties[0].get("value", "").startswith("Nguyễn Văn An; intact; covers the whole file")
    assert "mean confidence 91.5%" in properties[1].get("value", "")
