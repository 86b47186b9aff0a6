"""section_exists: a section whose title contains one of the given texts exists (optionally at a level)."""

from __future__ import annotations

import pytest
from conftest import IMPLEMENTATION, build_plan, one_rule_pack, rule_findings

from checker.engine.packs import PackError, load_pack

FUNDING_TOP = IMPLEMENTATION + "\nIV. KINH PHÍ THỰC HIỆN\nKinh phí thực hiện từ nguồn ngân sách huyện năm 2023."
FUNDING_SUB = IMPLEMENTATION + "\n3. Kinh phí: từ nguồn ngân sách huyện năm 2023."
FUNDING_BULLET = IMPLEMENTATION + "\n- Phòng Tài chính - Kế hoạch cân đối kinh phí thực hiện."


@pytest.fixture
def pack(write_pack):
    """``pack(**params)``: a pack with one ``section_exists`` rule ``r`` (severity warning)."""
    return one_rule_pack(write_pack, "section_exists", "warning")


findings = rule_findings


@pytest.mark.parametrize("titles, level", [
    (["tổ chức thực hiện"], None),
    (["Tổ Chức Thực Hiện"], 1),
    (["kinh phí", "nội dung"], None),  # any one of the titles
    (["mục đích"], 2),  # "1. Mục đích" under I.
])
def test_section_found(check_text, pack, titles, level):
    params = {"titles": titles} | ({"level": level} if level else {})
    assert findings(check_text(build_plan(), rules=pack(**params))) == []


def test_section_missing(check_text, pack):
    [finding] = findings(check_text(build_plan(), rules=pack(titles=["Kinh phí"])))
    assert (finding.code, finding.severity, finding.location) == ("section-missing", "warning", None)
    assert finding.message == "Văn bản không có mục «Kinh phí»."
    assert finding.suggestion == "Bổ sung mục «Kinh phí»."


def test_section_missing_names_every_title_and_the_level(check_text, pack):
    [finding] = findings(check_text(build_plan(), rules=pack(titles=["Kinh phí", "Nguồn lực"], level=1)))
    assert finding.message == "Văn bản không có mục «Kinh phí» hoặc «Nguồn lực» ở cấp 1 (I., II. …)."
    assert finding.suggestion == "Bổ sung mục «Kinh phí» ở cấp 1 (I., II. …)."


def test_section_missing_in_english(check_text, pack):
    [finding] = findings(check_text(build_plan(), rules=pack(titles=["Kinh phí"], level=3), lang="en"))
    assert finding.message == "The document has no section titled 'Kinh phí' at level 3 (1.1, 1.2 …)."
    assert finding.suggestion == "Add a section 'Kinh phí' at level 3 (1.1, 1.2 …)."


@pytest.mark.parametrize("implementation, level, found", [
    (FUNDING_TOP, None, True),
    (FUNDING_TOP, 1, True),
    (FUNDING_SUB, None, True),  # "3. Kinh phí" under III. counts without a level …
    (FUNDING_SUB, 1, False),  # … but is not a level-1 section
    (FUNDING_SUB, 2, True),
    (FUNDING_BULLET, None, False),  # a bullet sentence mentioning funds is not a section
    (FUNDING_BULLET, 5, True),  # unless bullets are asked for
])
def test_depth_and_level(check_text, pack, implementation, level, found):
    params = {"titles": ["kinh phí"]} | ({"level": level} if level else {})
    codes = [f.code for f in findings(check_text(build_plan(implementation=implementation), rules=pack(**params)))]
    assert codes == ([] if found else ["section-missing"])


def test_old_style_tone_marks_in_title(check_text, pack):
    text = build_plan(implementation=IMPLEMENTATION + "\nIV. HOÀ GIẢI VÀ PHỐI HỢP")
    assert findings(check_text(text, rules=pack(titles=["hòa giải"]))) == []


@pytest.mark.parametrize("params, key, words", [
    ({"titles": ["x"], "title": "y"}, "params.title", "Extra inputs are not permitted"),
    ({}, "params.titles", "Field required"),
    ({"titles": []}, "params.titles", "at least 1 item"),
    ({"titles": [" "]}, "params.titles", "must not be empty"),
    ({"titles": ["x"], "level": 7}, "params.level", "less than or equal to 6"),
    ({"titles": ["x"], "level": 0}, "params.level", "greater than or equal to 1"),
])
def test_invalid_params_are_rejected_naming_the_key(pack, params, key, words):
    with pytest.raises(PackError) as caught:
        load_pack(pack(**params))
    [problem] = caught.value.problems
    assert f"rule 'r', key '{key}'" in problem
    assert words in problem
