"""has_deadline: the plan says when results must be reported, with a real date near its year."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import build_plan, by_rule, line_of

RULE = "has-deadline"
DUTY = "Các cơ quan, đơn vị báo cáo kết quả về Ủy ban nhân dân huyện (qua Phòng Văn hóa và Thông tin) {}."


def duty(when: str) -> str:
    return DUTY.format(when)


def only(report, code):
    findings = by_rule(report, RULE)
    assert [f.code for f in findings] == [code], [f.message for f in findings]
    return findings[0]


def test_dated_deadline_passes(check_text):
    report = check_text(build_plan(), rules="default")
    assert by_rule(report, RULE) == []
    (reporting,) = report.plan.reporting
    assert reporting.deadline == dt.date(2023, 11, 5)
    assert reporting.via == "Phòng Văn hóa và Thông tin"


@pytest.mark.parametrize(
    ("when", "deadline"),
    [
        ("trước ngày 05 tháng 11 năm 2023", dt.date(2023, 11, 5)),
        ("chậm nhất ngày 5/11/2023", dt.date(2023, 11, 5)),
        ("trong tháng 11/2023", dt.date(2023, 11, 30)),
        ("trước ngày 05/11/2024", dt.date(2024, 11, 5)),  # one year off is allowed by default
    ],
)
def test_other_deadline_forms_pass(check_text, when, deadline):
    report = check_text(build_plan(reporting=duty(when)), rules="default")
    assert by_rule(report, RULE) == []
    assert [d.deadline for d in report.plan.reporting] == [deadline]


def test_no_deadline_when_it_is_only_theo_quy_dinh(check_text):
    text = build_plan(reporting=duty("theo quy định"))
    finding = only(check_text(text, rules="default"), "no-deadline")
    assert finding.severity == "error"
    assert finding.message == "Văn bản không quy định thời hạn hoặc định kỳ báo cáo kết quả."
    assert finding.evidence == duty("theo quy định")
    assert finding.location.line == line_of(text, "theo quy định")
    assert finding.location.section == ["III.", "2."]


def test_no_deadline_when_no_reporting_duty_at_all(check_text):
    finding = only(check_text(build_plan(reporting=""), rules="default"), "no-deadline")
    assert finding.severity == "error"
    assert finding.location is None
    assert finding.evidence is None


@pytest.mark.parametrize("when", ["trước ngày 31/11/2023", "trước ngày 31 tháng 11 năm 2023"])
def test_impossible_deadline(check_text, when):
    text = build_plan(reporting=duty(when))
    finding = only(check_text(text, rules="default"), "impossible-deadline")
    assert finding.severity == "error"
    written = when.removeprefix("trước ngày ") if "/" in when else when.removeprefix("trước ")
    assert finding.message == f"Thời hạn báo cáo «{written}» không phải là ngày có thật."
    assert finding.evidence == duty(when)
    assert finding.location.line == line_of(text, "31")


def test_deadline_before_plan(check_text):
    finding = only(check_text(build_plan(reporting=duty("trước ngày 05/01/2023")), rules="default"),
                   "deadline-before-plan")
    assert finding.severity == "warning"
    assert finding.message == "Thời hạn báo cáo 05/01/2023 sớm hơn ngày ban hành kế hoạch (20/02/2023)."


def test_deadline_far(check_text):
    finding = only(check_text(build_plan(reporting=duty("trước ngày 05/11/2025")), rules="default"), "deadline-far")
    assert finding.severity == "warning"
    assert finding.message == "Thời hạn báo cáo 05/11/2025 cách xa năm của kế hoạch (2023)."
    assert finding.evidence == duty("trước ngày 05/11/2025")


def test_deadline_far_uses_the_title_year_without_a_date(check_text):
    text = build_plan(header="ỦY BAN NHÂN DÂN\nHUYỆN VĨNH LINH", reporting=duty("trước ngày 05/11/2025"))
    report = check_text(text, rules="default")
    assert report.plan.date is None
    assert only(report, "deadline-far").message.endswith("(2023).")


def test_max_years_off_is_a_parameter(check_text, write_pack):
    pack = write_pack("extends: default\nrules:\n  has-deadline:\n    params: {max_years_off: 0}\n")
    report = check_text(build_plan(reporting=duty("trước ngày 05/11/2024")), rules=str(pack))
    assert only(report, "deadline-far").severity == "warning"


@pytest.mark.parametrize(
    ("when", "period"),
    [
        ("định kỳ 6 tháng, năm", "định kỳ 6 tháng, năm"),
        ("6 tháng, năm", "6 tháng, năm"),
        ("định kỳ hằng quý", "định kỳ hằng quý"),
        ("trước ngày 15/6 và 15/12 hằng năm", "hằng năm (15/6 và 15/12)"),
    ],
)
def test_period_only(check_text, when, period):
    text = build_plan(reporting=duty(when))
    finding = only(check_text(text, rules="default"), "period-only")
    assert finding.severity == "info"
    assert finding.message == f"Văn bản chỉ quy định báo cáo định kỳ ({period}), không có hạn cụ thể."
    assert finding.suggestion is None
    assert finding.evidence == duty(when)
    assert finding.location.line == line_of(text, when)


def test_english_messages(check_text):
    report = check_text(build_plan(reporting=duty("theo quy định")), rules="default", lang="en")
    assert only(report, "no-deadline").message == "The document sets no reporting deadline or period."
    report = check_text(build_plan(reporting=duty("trước ngày 31/11/2023")), rules="default", lang="en")
    assert only(report, "impossible-deadline").message == "The reporting deadline '31/11/2023' is not a real date."


def test_a_time_limit_counted_from_an_event_passes(check_text):
    # "gửi hồ sơ … trong thời hạn 07 ngày làm việc kể từ …": no calendar date, but a deadline all the same
    text = build_plan(reporting="Các chi bộ gửi hồ sơ đại hội về Văn phòng Đảng ủy trong thời hạn 07 ngày làm việc "
                                "kể từ ngày kết thúc Đại hội.")
    report = check_text(text, rules="default")
    assert by_rule(report, RULE) == []
    (reporting,) = report.plan.reporting
    assert reporting.deadline_relative == "trong thời hạn 07 ngày làm việc kể từ ngày kết thúc Đại hội"
