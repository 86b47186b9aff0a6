"""count_range: how many tasks, reporting duties, recipients, citations or sections the plan has."""

from __future__ import annotations

import pytest
from conftest import IMPLEMENTATION, build_plan, one_rule_pack, rule_findings

from checker.engine.packs import PackError, load_pack
from checker.kinds.count_range import count

VAGUE = IMPLEMENTATION + "\n3. Các cơ quan, đơn vị liên quan phối hợp thực hiện."


@pytest.fixture
def pack(write_pack):
    """``pack(**params)``: a pack with one ``count_range`` rule ``r`` (severity warning)."""
    return one_rule_pack(write_pack, "count_range", "warning")


findings = rule_findings


@pytest.mark.parametrize("what, expected", [
    ("tasks", 2), ("tasks-with-unit", 2), ("reporting", 1), ("recipients", 2), ("basis", 1), ("citations", 1),
    # I., 1., 2. | II., 1.–11. | III., 1., 2.: bullets and the "-" lines of Nơi nhận are not sections.
    ("sections", 18), ("top-sections", 3),
])
def test_counts_of_the_complete_plan(parse_text, what, expected):
    assert count(parse_text(build_plan()), what) == expected


def test_tasks_with_unit_leave_out_catch_all_assignees(parse_text):
    plan = parse_text(build_plan(implementation=VAGUE))
    assert (count(plan, "tasks"), count(plan, "tasks-with-unit")) == (3, 2)


@pytest.mark.parametrize("params", [
    {"count": "tasks", "min": 2}, {"count": "tasks", "max": 2}, {"count": "top-sections", "min": 3, "max": 3},
    {"count": "reporting", "min": 0, "max": 5},
])
def test_count_in_range(check_text, pack, params):
    assert findings(check_text(build_plan(), rules=pack(**params))) == []


def test_too_few(check_text, pack):
    [finding] = findings(check_text(build_plan(implementation=VAGUE), rules=pack(count="tasks-with-unit", min=3)))
    assert (finding.code, finding.severity, finding.location) == ("count-out-of-range", "warning", None)
    assert finding.message == "Văn bản có 2 nhiệm vụ có đơn vị chịu trách nhiệm, trong khi cần ít nhất 3."
    assert finding.suggestion == "Bổ sung nhiệm vụ có đơn vị chịu trách nhiệm (cần ít nhất 3)."


def test_too_many(check_text, pack):
    [finding] = findings(check_text(build_plan(), rules=pack(count="recipients", max=1)))
    assert finding.message == "Văn bản có 2 nơi nhận, trong khi cần nhiều nhất 1."
    assert finding.suggestion == "Rút bớt nơi nhận (cần nhiều nhất 1)."


def test_outside_a_range(check_text, pack):
    [finding] = findings(check_text(build_plan(), rules=pack(count="top-sections", min=4, max=6)))
    assert finding.message == "Văn bản có 3 mục lớn, trong khi cần từ 4 đến 6."


def test_out_of_range_in_english(check_text, pack):
    [finding] = findings(check_text(build_plan(basis=""), rules=pack(count="basis", min=1), lang="en"))
    assert finding.message == "The document has 0 basis citations; at least 1 expected."
    assert finding.suggestion == "Add basis citations: at least 1 expected."
    [finding] = findings(check_text(build_plan(), rules=pack(count="sections", max=10), lang="en"))
    assert finding.message == "The document has 18 sections; at most 10 expected."


@pytest.mark.parametrize("params, key, words", [
    ({"count": "tasks", "min": 1, "minimum": 3}, "params.minimum", "Extra inputs are not permitted"),
    ({"count": "taks", "min": 3}, "params.count", "'tasks-with-unit'"),
    ({"count": "tasks"}, "params.max", "give 'min', 'max' or both"),
    ({"count": "tasks", "min": 5, "max": 3}, "params.max", "'max' (3) is below 'min' (5)"),
    ({"count": "tasks", "min": -1}, "params.min", "greater than or equal to 0"),
])
def test_invalid_params_are_rejected_naming_the_key(pack, params, key, words):
    with pytest.raises(PackError) as caught:
        load_pack(pack(**params))
    [problem] = caught.value.problems
    assert f"rule 'r', key '{key}'" in problem
    assert words in problem
