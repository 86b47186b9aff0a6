"""assigns_tasks: every task in Tổ chức thực hiện names the unit that answers for it."""

from __future__ import annotations

import pytest
from conftest import build_plan, by_rule, line_of

RULE = "assigns-tasks"
HEAD = "III. TỔ CHỨC THỰC HIỆN\n"
LEAD = "1. Phòng Văn hóa và Thông tin chủ trì, phối hợp với Công an huyện triển khai Kế hoạch này.\n"


def only(report, code):
    findings = by_rule(report, RULE)
    assert [f.code for f in findings] == [code], [f.message for f in findings]
    return findings[0]


def test_tasks_with_lead_units_pass(check_text):
    report = check_text(build_plan(), rules="default")
    assert by_rule(report, RULE) == []
    assert [t.units for t in report.plan.tasks] == [["Phòng Văn hóa và Thông tin"], ["Công an huyện"]]
    assert report.plan.tasks[0].coordinating == ["Đài Truyền thanh huyện"]


@pytest.mark.parametrize(
    "item",
    [
        "2. Giao Phòng Văn hóa và Thông tin chủ trì, phối hợp với Công an huyện tổ chức tuyên truyền.",
        "2. Đài Truyền thanh - Truyền hình huyện:\n- Tăng cường thời lượng tuyên truyền về thông tin đối ngoại.",
        "2. Ủy ban nhân dân các xã, thị trấn thực hiện tuyên truyền trên địa bàn.",
    ],
)
def test_other_ways_of_naming_the_unit_pass(check_text, item):
    report = check_text(build_plan(implementation=HEAD + LEAD + item, reporting=""), rules="default")
    assert by_rule(report, RULE) == []
    assert all(t.units for t in report.plan.tasks)


def test_no_implementation(check_text):
    finding = only(check_text(build_plan(implementation=""), rules="default"), "no-implementation")
    assert finding.severity == "error"
    assert finding.message == "Văn bản không có phần «Tổ chức thực hiện» phân công nhiệm vụ."
    assert finding.location is None


def test_no_tasks(check_text):
    report = check_text(build_plan(implementation="III. TỔ CHỨC THỰC HIỆN", reporting=""), rules="default")
    finding = only(report, "no-tasks")
    assert finding.severity == "error"
    assert finding.message == "Phần «III. TỔ CHỨC THỰC HIỆN» không giao nhiệm vụ cụ thể nào."
    assert finding.location is None


def test_task_without_unit(check_text):
    task = "2. Theo dõi, tổng hợp diễn biến thông tin đối ngoại trên địa bàn huyện."
    text = build_plan(implementation=HEAD + LEAD + task, reporting="")
    finding = only(check_text(text, rules="default"), "task-without-unit")
    assert finding.severity == "error"
    assert finding.message == (
        "Nhiệm vụ «2. Theo dõi, tổng hợp diễn biến thông…» không có cơ quan, đơn vị chịu trách nhiệm."
    )
    assert finding.evidence == task
    assert finding.location.line == line_of(text, "2. Theo dõi")
    assert finding.location.section == ["III.", "2."]


def test_task_without_unit_is_a_warning_when_the_rule_is(check_text, write_pack):
    pack = write_pack("extends: default\nrules:\n  assigns-tasks:\n    severity: warning\n")
    text = build_plan(implementation=HEAD + LEAD + "2. Theo dõi, tổng hợp tình hình.", reporting="")
    assert only(check_text(text, rules=str(pack)), "task-without-unit").severity == "warning"


@pytest.mark.parametrize(
    ("item", "units"),
    [
        ("2. Các cơ quan, đơn vị liên quan: phối hợp thực hiện tốt Kế hoạch này.", "Các cơ quan, đơn vị liên quan"),
        ("2. Các địa phương: tổ chức tuyên truyền trên địa bàn.", "Các địa phương"),
        ("2. Các cơ quan, đơn vị căn cứ Kế hoạch này tổ chức tuyên truyền.", "Các cơ quan, đơn vị"),
    ],
)
def test_vague_assignee(check_text, item, units):
    text = build_plan(implementation=HEAD + LEAD + item, reporting="")
    finding = only(check_text(text, rules="default"), "vague-assignee")
    assert finding.severity == "warning"
    assert finding.message == f"Nhiệm vụ giao chung chung cho «{units}», không rõ ai chịu trách nhiệm."
    assert finding.evidence == item
    assert finding.location.line == line_of(text, item)
    assert finding.location.section == ["III.", "2."]


@pytest.mark.parametrize(
    "item",
    [
        "2. Các cơ quan, đơn vị được kiểm tra chuẩn bị báo cáo theo đề cương.",
        "2. Các đơn vị được giao tại Phụ lục chủ trì triển khai.",
        "2. Giao các cơ quan, đơn vị có tên tại Phụ lục kèm theo chủ động thực hiện.",
        "2. Các đơn vị nêu tại mục 1 phối hợp chặt chẽ trong quá trình thực hiện.",
    ],
)
def test_a_catch_all_picked_out_by_a_defining_clause_is_not_vague(check_text, item):
    # "được kiểm tra", "được giao tại Phụ lục", "có tên tại …", "nêu tại mục 1": a definite set, named elsewhere
    report = check_text(build_plan(implementation=HEAD + LEAD + item, reporting=""), rules="default")
    assert by_rule(report, RULE) == []
    task = report.plan.tasks[-1]
    assert task.units and not task.vague


def test_allow_vague_silences_vague_assignees_only(check_text, write_pack):
    pack = write_pack("extends: default\nrules:\n  assigns-tasks:\n    params: {allow_vague: true}\n")
    implementation = (HEAD + LEAD + "2. Các địa phương: tổ chức tuyên truyền trên địa bàn.\n"
                      "3. Theo dõi, tổng hợp tình hình.")
    report = check_text(build_plan(implementation=implementation, reporting=""), rules=str(pack))
    assert [f.code for f in by_rule(report, RULE)] == ["task-without-unit"]


def test_english_message(check_text):
    text = build_plan(implementation=HEAD + LEAD + "2. Theo dõi, tổng hợp tình hình.", reporting="")
    finding = only(check_text(text, rules="default", lang="en"), "task-without-unit")
    assert finding.message == "The task '2. Theo dõi, tổng hợp tình hình.' has no responsible unit."
    assert finding.suggestion.startswith("Name the lead unit at the start of the task")
