"""The GitHub Actions formatter (``--format github``): one workflow command per finding that counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import report_of

from checker.engine.waivers import WaiverEntry, apply_waivers
from checker.formatters import github
from checker.model.document import Location
from checker.model.report import DocumentReport, Finding, Report

ROOT = Path(__file__).resolve().parents[1]
TASK = "samples/defects/task-without-unit.txt"
NO_BASIS = "samples/defects/no-basis.txt"
VAN_NINH = "samples/ke-hoach-ttdn-van-ninh-2019.docx"
TRA_VINH = "samples/ke-hoach-ttdn-mttq-tra-vinh-2023.docx"  # an info finding located by paragraph
TASK_QUOTE = ("6. Theo dõi, tổng hợp diễn biến thông tin đối ngoại, kịp thời đề xuất chủ trương, biện pháp phản bác "
              "các thông tin, luận điệu sai trái làm ảnh hưởng đến uy tín,…")


def one(report: Report, finding: Finding | None = None, path: str = "a.txt") -> str:
    """The single annotation line of a report of one finding."""
    if finding is not None:
        report = Report(version="0", lang=report.lang,
                        documents=[DocumentReport(path=path, status="checked", findings=[finding])])
    lines = github.render(report).splitlines()
    assert len(lines) == 2 and lines[1].startswith("::notice title=plancheck::")
    return lines[0]


@pytest.fixture(scope="module")
def task_vi() -> Report:
    return report_of([TASK])


def test_one_line_per_finding_then_the_summary(task_vi: Report) -> None:
    text = github.render(task_vi)
    assert text.endswith("\n")
    lines = text.splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::warning", "::error", "::notice"]
    assert lines[-1] == "::notice title=plancheck::Tổng cộng: 1 văn bản, 1 lỗi, 1 cảnh báo, 0 thông tin"


def test_the_known_finding_is_on_its_line_with_quote_and_fix(task_vi: Report) -> None:
    line = github.render(task_vi).splitlines()[1]
    assert line == (
        f"::error file={TASK},line=103,col=1,endColumn=264,title=assigns-tasks (task-without-unit)::"
        "Nhiệm vụ «6. Theo dõi, tổng hợp diễn biến thông…» không có cơ quan, đơn vị chịu trách nhiệm."
        "%0AVị trí: dòng 103 · III. › 6."
        f"%0ATrích: «{TASK_QUOTE}»"
        "%0ACách sửa: Ghi rõ cơ quan chủ trì ở đầu nhiệm vụ, ví dụ «Phòng Văn hóa và Thông tin chủ trì, …».")


def test_document_wide_finding_is_on_the_file(task_vi: Report) -> None:
    line = github.render(task_vi).splitlines()[0]
    assert line == (f"::warning file={TASK},title=has-own-date (field-missing)::Văn bản không có ngày ban hành."
                    "%0ACách sửa: Bổ sung ngày ban hành theo thể thức văn bản.")


def test_word_document_has_no_line_and_says_where_in_the_message() -> None:
    report = report_of([TRA_VINH])
    lines = github.render(report).splitlines()
    (info,) = [line for line in lines if "has-deadline" in line]
    (finding,) = [f for f in report.documents[0].findings if f.rule == "has-deadline"]
    assert info.startswith(f"::notice file={TRA_VINH},title=has-deadline (period-only)::{finding.message}"
                           "%0AVị trí: đoạn 25 · III. › 4.%0ATrích: «Ban Thường trực")
    assert "line=" not in info and "col=" not in info
    assert "email: dcpltv@gmail.com" in info  # colons are not escaped in the message


def test_escaping_of_message_and_properties() -> None:
    finding = Finding(rule="r", code="x:y,z%", severity="warning", message="50% done,\r\nnext: step",
                      evidence="a,b", suggestion="fix: 100%", location=Location(block=0, line=7))
    line = one(Report(version="0", lang="en"), finding, path="dir,x/a:b%.txt")
    assert line == ("::warning file=dir%2Cx/a%3Ab%25.txt,line=7,title=r (x%3Ay%2Cz%25)::"
                    "50%25 done,%0D%0Anext: step%0AAt: line 7%0AQuote: «a,b»%0AFix: fix: 100%25")
    assert github.escape_data("%0A") == "%250A"  # an escape sequence in the text is not taken for one


def test_pdf_line_is_not_a_file_line() -> None:
    finding = Finding(rule="r", code="c", severity="error", message="m",
                      location=Location(block=3, page=2, line=5, section=["II.", "1."]))
    line = one(Report(version="0", lang="en"), finding, path="k.pdf")
    assert line == "::error file=k.pdf,title=r (c)::m%0AAt: page 2, line 5 · II. › 1."


def test_info_is_a_notice() -> None:
    line = one(Report(version="0"), Finding(rule="r", code="c", severity="info", message="m"))
    assert line == "::notice file=a.txt,title=r (c)::m"


def test_waived_and_baseline_findings_are_not_annotated() -> None:
    waiver = WaiverEntry(source="w.yaml", index=1, rule="assigns-tasks", document="task-without-unit.txt",
                         reason="Nhiệm vụ 6 do BCH Quân sự chủ trì", accepted_by="Nguyễn Văn A")
    report = apply_waivers(report_of([TASK, NO_BASIS]), [waiver], date(2024, 6, 1))
    doc, other = report.documents
    assert [f.rule for f in doc.findings if f.waiver is not None] == ["assigns-tasks"]
    known = [f.model_copy(update={"baseline": True}) if f.rule == "has-own-date" else f for f in doc.findings]
    report = report.model_copy(update={"documents": [doc.model_copy(update={"findings": known}), other]})
    lines = github.render(report).splitlines()
    assert not any(TASK in line for line in lines)  # the other document's findings are still annotated
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::notice"]
    assert lines[-1] == "::notice title=plancheck::Tổng cộng: 2 văn bản, 1 lỗi, 1 cảnh báo, 0 thông tin, 2 đã chấp nhận"


def test_english() -> None:
    lines = github.render(report_of([TASK], "en")).splitlines()
    assert lines[1].startswith(f"::error file={TASK},line=103,col=1,endColumn=264,"
                               "title=assigns-tasks (task-without-unit)::"
                               "The task '6. Theo dõi, tổng hợp diễn biến thông…' has no responsible unit."
                               "%0AAt: line 103 · III. › 6.%0AQuote: «6. Theo dõi")
    assert "%0AFix: Name the lead unit at the start of the task" in lines[1]
    assert lines[-1] == "::notice title=plancheck::Total: documents: 1, errors: 1, warnings: 1, info: 0"


def test_unreadable_document(tmp_path: Path) -> None:
    garbage = tmp_path / "hỏng, bản 2.docx"
    garbage.write_bytes(b"\x00\x01 not a zip package")
    report = report_of([VAN_NINH, garbage], "en")
    lines = github.render(report).splitlines()
    reason = report.documents[1].error
    assert reason is not None and "not a valid .docx file" in reason
    escaped = str(garbage).replace(",", "%2C")
    assert lines[0] == f"::error file={escaped},title=readable (unreadable)::{reason}"
    assert lines[-1] == ("::notice title=plancheck::Total: documents: 2, errors: 1, warnings: 0, info: 0, "
                         "unreadable: 1")
    assert len(lines) == 2  # the Word plan has no finding


def test_a_clean_report_gives_only_the_summary() -> None:
    report = Report(version="0", lang="en", documents=[DocumentReport(path="a.txt", status="checked")])
    assert github.render(report) == "::notice title=plancheck::Total: documents: 1, errors: 0, warnings: 0, info: 0\n"
