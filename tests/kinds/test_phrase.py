"""phrase: a phrase or regex must appear (or must not), anywhere, in some parts or in some sections."""

from __future__ import annotations

import pytest
from conftest import CONTENT, PURPOSE, build_plan, line_of, one_rule_pack, rule_findings

from checker.engine.packs import PackError, load_pack

VV = r"(?<!\w)(?:v\.\s?v(?!\w)\.?|vv(?!\w))"


@pytest.fixture
def pack(write_pack):
    """``pack(**params)``: a pack with one ``phrase`` rule ``r`` (severity warning)."""
    return one_rule_pack(write_pack, "phrase", "warning")


findings = rule_findings


# --- must: appear -------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase", ["tổ chức thực hiện", "TỔ CHỨC   THỰC HIỆN", "Văn hoá và Thông tin"])
def test_phrase_found_after_folding(check_text, pack, phrase):
    # Case, runs of spaces and old-style tone placement (hoá) do not matter.
    assert findings(check_text(build_plan(), rules=pack(phrases=[phrase]))) == []


def test_phrase_missing(check_text, pack):
    report = check_text(build_plan(), rules=pack(phrases=["Trên đây là Kế hoạch"]))
    [finding] = findings(report)
    assert (finding.code, finding.severity, finding.location) == ("phrase-missing", "warning", None)
    assert finding.message == "Không thấy cụm từ «Trên đây là Kế hoạch» (cần ít nhất 1 lần, có 0)."
    assert finding.suggestion == "Bổ sung cụm từ «Trên đây là Kế hoạch»."


def test_phrase_missing_in_english(check_text, pack):
    report = check_text(build_plan(), rules=pack(phrases=["Trên đây là Kế hoạch", "Trên đây là Hướng dẫn"]), lang="en")
    assert [f.message for f in findings(report)] == [
        "Not found: the phrase 'Trên đây là Kế hoạch' or 'Trên đây là Hướng dẫn' (needed at least 1 time(s), found 0)."
    ]


def test_phrase_matches_whole_words_only(check_text, pack):
    # "thông tin" is in the plan, "thông" alone too, but "thôn" only inside "thông".
    assert [f.code for f in findings(check_text(build_plan(), rules=pack(phrases=["thôn"])))] == ["phrase-missing"]


def test_pattern_on_folded_text(check_text, pack):
    assert findings(check_text(build_plan(), rules=pack(pattern=r"số:\s*\d+/KH-"))) == []
    [finding] = findings(check_text(build_plan(), rules=pack(pattern=r"số:\s*\d+/hd-")))
    assert finding.message == r"Không thấy mẫu «số:\s*\d+/hd-» (cần ít nhất 1 lần, có 0)."


def test_only_in_given_parts(check_text, pack):
    assert findings(check_text(build_plan(), rules=pack(phrases=["mạng xã hội"], parts=["content"]))) == []
    [finding] = findings(check_text(build_plan(), rules=pack(phrases=["mạng xã hội"],
                                                                  parts=["purpose", "implementation"])))
    assert finding.message == ("Không thấy cụm từ «mạng xã hội» trong phần mục đích, yêu cầu, tổ chức thực hiện "
                               "(cần ít nhất 1 lần, có 0).")


def test_only_in_sections_whose_title_matches(check_text, pack):
    assert findings(check_text(build_plan(), rules=pack(phrases=["chủ trì"], section="tổ chức thực hiện"))) == []
    [finding] = findings(check_text(build_plan(), rules=pack(phrases=["chủ trì"], section="NỘI DUNG")))
    assert finding.message == "Không thấy cụm từ «chủ trì» trong mục «NỘI DUNG» (cần ít nhất 1 lần, có 0)."


def test_a_section_ends_where_the_next_one_at_its_depth_begins(check_text, pack):
    # I.2 "Yêu cầu" holds "Bám sát …" but not the bullet of I.1 "Mục đích" nor anything of II.
    text = build_plan(purpose=PURPOSE.replace("I. MỤC ĐÍCH, YÊU CẦU", "I. MỤC TIÊU"))
    assert findings(check_text(text, rules=pack(phrases=["bám sát"], section="yêu cầu"))) == []
    for outside in ("nâng cao nhận thức", "mạng xã hội"):
        report = check_text(text, rules=pack(phrases=[outside], section="yêu cầu"))
        assert [f.code for f in findings(report)] == ["phrase-missing"], outside


def test_min_count(check_text, pack):
    # "Tuyên truyền" opens items 1, 4 and 7 of II. NỘI DUNG.
    assert findings(check_text(build_plan(), rules=pack(phrases=["tuyên truyền"], min_count=3))) == []
    [finding] = findings(check_text(build_plan(), rules=pack(phrases=["tuyên truyền"], min_count=4)))
    assert finding.message == "Không thấy cụm từ «tuyên truyền» (cần ít nhất 4 lần, có 3)."


# --- must: not-appear ---------------------------------------------------------------------------

def test_forbidden_absent(check_text, pack):
    assert findings(check_text(build_plan(), rules=pack(pattern=VV, must="not-appear"))) == []


def test_forbidden_found_once_per_match_with_location(check_text, pack):
    content = CONTENT + "\n12. Quảng bá văn hóa, ẩm thực v.v. và các lễ hội truyền thống…v.v."
    purpose = PURPOSE + "\n- Bảo đảm tiết kiệm, hiệu quả vv"  # outside the searched part
    text = build_plan(content=content, purpose=purpose)
    report = check_text(text, rules=pack(pattern=VV, must="not-appear", parts=["content", "implementation"]))
    found = findings(report)
    assert [f.code for f in found] == ["phrase-forbidden", "phrase-forbidden"]
    line = text.splitlines()[line_of(text, "ẩm thực v.v.") - 1]
    for finding in found:
        assert finding.severity == "warning"
        assert finding.message == ("Văn bản có «v.v.» trong phần nội dung, tổ chức thực hiện, "
                                   "là cách viết không được dùng.")
        assert finding.suggestion == "Bỏ hoặc viết lại «v.v.»."
        assert finding.location.line == line_of(text, "ẩm thực v.v.")
        assert finding.location.section == ["II.", "12."]
        assert line[finding.location.start:finding.location.end] == "v.v."
    assert [f.location.start for f in found] == [line.index("v.v."), line.rindex("v.v.")]
    # The evidence is the sentence around each match.
    assert [f.evidence for f in found] == ["…Quảng bá văn hóa, ẩm thực v.v. và các lễ hội truyền thống…v.v.",
                                           "…và các lễ hội truyền thống…v.v."]


def test_forbidden_phrase_anywhere_in_english(check_text, pack):
    text = build_plan(content=CONTENT + "\n12. Các nội dung khác, vv")
    [finding] = findings(check_text(text, rules=pack(pattern=VV, must="not-appear"), lang="en"))
    assert finding.message == "The text contains 'vv', which must not be used."
    assert finding.suggestion == "Remove or rewrite 'vv'."


def test_overlapping_phrases_give_one_finding(check_text, pack):
    text = build_plan(content=CONTENT + "\n12. Đề xuất Kinh phí hoạt động của Ban Chỉ đạo.")
    report = check_text(text, rules=pack(phrases=["kinh phí", "kinh phí hoạt động"], must="not-appear"))
    assert [f.message for f in findings(report)] == [
        "Văn bản có «Kinh phí hoạt động», là cách viết không được dùng."
    ]


def test_forbidden_only_in_sections_whose_title_matches(check_text, pack):
    params = {"phrases": ["chủ trì"], "must": "not-appear"}
    [finding] = findings(check_text(build_plan(), rules=pack(**params, section="tổ chức thực hiện")))
    assert finding.message == "Văn bản có «chủ trì» trong mục «tổ chức thực hiện», là cách viết không được dùng."
    assert finding.location.section == ["III.", "1."]
    assert findings(check_text(build_plan(), rules=pack(**params, section="mục đích"))) == []


# --- params -------------------------------------------------------------------------------------

@pytest.mark.parametrize("params, key, words", [
    ({"phrases": ["x"], "phrase": ["y"]}, "params.phrase", "Extra inputs are not permitted"),
    ({"pattern": "v(\\.v"}, "params.pattern", "not a valid regular expression"),
    ({"pattern": "(v\\.v)?"}, "params.pattern", "matches empty text"),
    ({}, "params.pattern", "give either 'phrases'"),
    ({"phrases": ["x"], "pattern": "x"}, "params.pattern", "give either 'phrases'"),
    ({"phrases": []}, "params.phrases", "at least 1 item"),
    ({"phrases": ["  "]}, "params.phrases", "must not be empty"),
    ({"phrases": ["x"], "section": " "}, "params.section", "must not be empty"),
    ({"phrases": ["x"], "must": "absent"}, "params.must", "'appear' or 'not-appear'"),
    ({"phrases": ["x"], "parts": ["noi-dung"]}, "params.parts.0", "'content'"),
    ({"phrases": ["x"], "must": "not-appear", "min_count": 2}, "params.min_count", "only to 'must: appear'"),
    ({"phrases": ["x"], "min_count": 0}, "params.min_count", "greater than or equal to 1"),
])
def test_invalid_params_are_rejected_naming_the_key(pack, params, key, words):
    with pytest.raises(PackError) as caught:
        load_pack(pack(**params))
    [problem] = caught.value.problems
    assert f"rule 'r', key '{key}'" in problem
    assert words in problem
