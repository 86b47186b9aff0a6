"""date_order: one date (plan date, deadlines, the parent's cited date, a literal) before or after another."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import HEADER, REPORTING, build_plan, line_of, one_rule_pack, rule_findings

from checker.engine.packs import PackError, load_pack

PLAN_DATE = "Vĩnh Linh, ngày 20 tháng 02 năm 2023"  # the parent 93-HD/BTGTU is dated 15/02/2023
TWO_DEADLINES = REPORTING + "\nCác cơ quan gửi báo cáo sơ kết 6 tháng trước ngày 15/6/2023."
PARENT = {"other": "parent-citation", "symbol": "93-HD/BTGTU"}


@pytest.fixture
def pack(write_pack):
    """``pack(**params)``: a pack with one ``date_order`` rule ``r`` (severity error)."""
    return one_rule_pack(write_pack, "date_order", "error")


findings = rule_findings


@pytest.mark.parametrize("params", [
    {"date": "plan-date", "must_be": "after", **PARENT},
    {"date": "plan-date", "must_be": "on-or-after", **PARENT, "max_days": 5},
    {"date": "first-deadline", "must_be": "on-or-before", "other": dt.date(2023, 11, 5)},  # unquoted in YAML
    {"date": "first-deadline", "must_be": "on-or-before", "other": "2023-11-05"},  # quoted
    {"date": "2023-01-01", "must_be": "before", "other": "plan-date"},
    {"date": "parent-citation", "must_be": "before", "other": "first-deadline", "symbol": "93 - HD/BTGTU"},
])
def test_dates_in_order(check_text, pack, params):
    assert findings(check_text(build_plan(), rules=pack(**params))) == []


def test_plan_dated_before_its_parent(check_text, pack):
    text = build_plan()
    [finding] = findings(check_text(text, rules=pack(date="plan-date", must_be="before", **PARENT)))
    assert (finding.code, finding.severity) == ("date-order", "error")
    assert finding.message == ("Ngày ban hành kế hoạch (20/02/2023) phải trước "
                               "ngày của văn bản 93-HD/BTGTU (15/02/2023).")
    assert finding.suggestion == "Kiểm tra lại hai ngày này."
    assert finding.location.line == line_of(text, PLAN_DATE)
    assert PLAN_DATE[finding.location.start:finding.location.end] == "ngày 20 tháng 02 năm 2023"
    assert finding.evidence == "ngày 20 tháng 02 năm 2023"


def test_deadline_after_a_literal_date(check_text, pack):
    text = build_plan()
    [finding] = findings(check_text(text, rules=pack(date="first-deadline", must_be="before", other="2023-11-05")))
    assert finding.message == "Thời hạn báo cáo sớm nhất (05/11/2023) phải trước ngày 05/11/2023."
    assert finding.location.line == line_of(text, "trước ngày 05/11/2023")
    assert "trước ngày 05/11/2023" in finding.evidence


def test_date_order_in_english(check_text, pack):
    report = check_text(build_plan(), rules=pack(date="last-deadline", must_be="on-or-before", other="2023-06-30"),
                        lang="en")
    [finding] = findings(report)
    assert finding.message == "The latest reporting deadline (05/11/2023) must be on or before 30/06/2023."


def test_first_and_last_deadline(check_text, pack):
    text = build_plan(reporting=TWO_DEADLINES)
    assert findings(check_text(text, rules=pack(date="first-deadline", must_be="before", other="2023-07-01"))) == []
    [finding] = findings(check_text(text, rules=pack(date="last-deadline", must_be="before", other="2023-07-01")))
    assert finding.message == "Thời hạn báo cáo muộn nhất (05/11/2023) phải trước ngày 01/07/2023."
    [finding] = findings(check_text(text, rules=pack(date="first-deadline", must_be="on-or-after", other="2023-07-01")))
    assert finding.message == "Thời hạn báo cáo sớm nhất (15/06/2023) không được trước ngày 01/07/2023."
    assert finding.location.line == line_of(text, "15/6/2023")


def test_dates_too_far_apart(check_text, pack):
    text = build_plan()
    [finding] = findings(check_text(text, rules=pack(date="plan-date", must_be="after", **PARENT, max_days=3)))
    assert (finding.code, finding.severity) == ("date-too-far", "error")
    assert finding.message == ("Ngày ban hành kế hoạch (20/02/2023) cách ngày của văn bản 93-HD/BTGTU (15/02/2023) "
                               "5 ngày, quá 3 ngày.")
    assert finding.location.line == line_of(text, PLAN_DATE)


@pytest.mark.parametrize("pieces, params, missing", [
    ({"reporting": ""}, {"date": "first-deadline", "must_be": "before", "other": "2023-12-31"},
     "thời hạn báo cáo sớm nhất"),
    ({"header": HEADER.replace("\n" + PLAN_DATE, "")}, {"date": "plan-date", "must_be": "after", **PARENT},
     "ngày ban hành kế hoạch"),
    ({}, {"date": "plan-date", "must_be": "after", "other": "parent-citation", "symbol": "368/QĐ-TTg"},
     "ngày của văn bản 368/QĐ-TTg"),
    ({"basis": "Thực hiện Hướng dẫn số 93-HD/BTGTU của Ban Tuyên giáo Tỉnh ủy, ban hành Kế hoạch như sau:"},
     {"date": "plan-date", "must_be": "after", **PARENT}, "ngày của văn bản 93-HD/BTGTU"),
])
def test_date_unknown(check_text, pack, pieces, params, missing):
    [finding] = findings(check_text(build_plan(**pieces), rules=pack(**params)))
    assert (finding.code, finding.severity) == ("date-unknown", "info")  # milder than the rule's error
    assert finding.message == f"Không so sánh được ngày: không xác định được {missing}."
    assert finding.suggestion is None


def test_undated_citation_is_located(check_text, pack):
    basis = "Thực hiện Hướng dẫn số 93-HD/BTGTU của Ban Tuyên giáo Tỉnh ủy, ban hành Kế hoạch như sau:"
    text = build_plan(basis=basis)
    [finding] = findings(check_text(text, rules=pack(date="parent-citation", must_be="before", other="plan-date",
                                                     symbol="93-HD/BTGTU"), lang="en"))
    assert finding.message == "The dates cannot be compared: the date of 93-HD/BTGTU is unknown."
    assert finding.location.line == line_of(text, "93-HD/BTGTU")


@pytest.mark.parametrize("params, key, words", [
    ({"date": "plan-date", "must_be": "after", "other": "2023-01-01", "others": "x"}, "params.others",
     "Extra inputs are not permitted"),
    ({"date": "plan-date", "must_be": "after", "other": "tomorrow"}, "params.other",
     "'tomorrow' is not one of plan-date, first-deadline, last-deadline, parent-citation or a date YYYY-MM-DD"),
    ({"date": "2023-02-30", "must_be": "after", "other": "plan-date"}, "params.date", "not a real date"),
    ({"date": "plan-date", "must_be": "earlier", "other": "2023-01-01"}, "params.must_be", "'on-or-before'"),
    ({"date": "plan-date", "must_be": "after", "other": "parent-citation"}, "params.symbol", "needs 'symbol'"),
    ({"date": "plan-date", "must_be": "after", "other": "parent-citation", "symbol": "Hướng dẫn 93"},
     "params.symbol", "not a number-symbol"),
    ({"date": "plan-date", "must_be": "after", "other": "2023-01-01", "symbol": "93-HD/BTGTU"}, "params.symbol",
     "only when 'date' or 'other' is 'parent-citation'"),
    ({"date": "plan-date", "must_be": "after", "other": "2023-01-01", "max_days": -1}, "params.max_days",
     "greater than or equal to 0"),
])
def test_invalid_params_are_rejected_naming_the_key(pack, params, key, words):
    with pytest.raises(PackError) as caught:
        load_pack(pack(**params))
    [problem] = caught.value.problems
    assert f"rule 'r', key '{key}'" in problem
    assert words in problem
