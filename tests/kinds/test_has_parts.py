"""has_parts: the plan has its purpose, content and implementation parts (and funding when required)."""

from __future__ import annotations

import pytest
from conftest import CONTENT, IMPLEMENTATION, PURPOSE, build_plan, by_rule

RULE = "has-standard-parts"
FUNDING_PACK = (
    "extends: default\nrules:\n  has-standard-parts:\n"
    "    params: {parts: [purpose, content, implementation, funding]}\n"
)


def test_complete_plan_passes(check_text):
    report = check_text(build_plan(), rules="default")
    assert by_rule(report, RULE) == []
    assert report.plan.parts.purpose == "I. MỤC ĐÍCH, YÊU CẦU"
    assert report.plan.parts.content == "II. NỘI DUNG"
    assert report.plan.parts.implementation == "III. TỔ CHỨC THỰC HIỆN"


@pytest.mark.parametrize(
    ("piece", "replacement"),
    [
        ("content", CONTENT.replace("II. NỘI DUNG", "II. NHIỆM VỤ VÀ GIẢI PHÁP")),
        ("content", CONTENT.replace("II. NỘI DUNG", "II. NỘI DUNG VÀ HÌNH THỨC")),
        ("purpose", PURPOSE.replace("I. MỤC ĐÍCH", "I- MỤC ĐÍCH")),
        ("purpose", PURPOSE.replace("I. MỤC ĐÍCH, YÊU CẦU", "I. Mục đích, yêu cầu")),
    ],
)
def test_heading_variants_pass(check_text, piece, replacement):
    assert by_rule(check_text(build_plan(**{piece: replacement}), rules="default"), RULE) == []


@pytest.mark.parametrize(
    ("piece", "label", "label_en"),
    [
        ("purpose", "Mục đích, yêu cầu", "Purpose and requirements"),
        ("content", "Nội dung / Nhiệm vụ, giải pháp", "Content / tasks and measures"),
        ("implementation", "Tổ chức thực hiện", "Implementation"),
    ],
)
def test_part_missing(check_text, piece, label, label_en):
    report = check_text(build_plan(**{piece: ""}), rules="default")
    findings = by_rule(report, RULE)
    assert [(f.code, f.severity) for f in findings] == [("part-missing", "error")]
    assert findings[0].message == f"Thiếu phần «{label}»."
    assert findings[0].location is None
    report = check_text(build_plan(**{piece: ""}), rules="default", lang="en")
    assert [f.message for f in by_rule(report, RULE)] == [f"The part '{label_en}' is missing."]


def test_every_missing_part_is_reported(check_text):
    report = check_text(build_plan(purpose="", content=""), rules="default")
    assert [f.message for f in by_rule(report, RULE)] == [
        "Thiếu phần «Mục đích, yêu cầu».",
        "Thiếu phần «Nội dung / Nhiệm vụ, giải pháp».",
    ]


def test_funding_part_when_required(check_text, write_pack):
    pack = str(write_pack(FUNDING_PACK))
    assert [f.message for f in by_rule(check_text(build_plan(), rules=pack), RULE)] == ["Thiếu phần «Kinh phí»."]
    implementation = IMPLEMENTATION + "\nIV. KINH PHÍ\nKinh phí thực hiện từ nguồn ngân sách huyện năm 2023."
    report = check_text(build_plan(implementation=implementation), rules=pack)
    assert by_rule(report, RULE) == []
    assert report.plan.parts.funding == "IV. KINH PHÍ"


# --- issue 15: the standard parts depend on the document type ----------------------------------------------

GUIDANCE_TITLE = "HƯỚNG DẪN\nQuy trình hiệp thương, giới thiệu người ứng cử năm 2026"
GUIDANCE_BODY = ("I. HƯỚNG DẪN CHUNG\nHội nghị hiệp thương do Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh tổ chức.\n"
                 "II. TRÌNH TỰ, THỦ TỤC\n1. Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh chủ trì hội nghị.")
# A guidance built as a procedure: none of the headings of a plan.
GUIDANCE = {"title": GUIDANCE_TITLE, "purpose": GUIDANCE_BODY, "content": "", "implementation": ""}


def test_a_guidance_is_not_held_to_the_parts_of_a_plan(check_text):
    report = check_text(build_plan(**GUIDANCE), rules="default")
    assert report.plan.doc_type == "HD"
    assert by_rule(report, RULE) == []
    # the same body under a plan's title misses all three parts
    plan = check_text(build_plan(**{**GUIDANCE, "title": GUIDANCE_TITLE.replace("HƯỚNG DẪN", "KẾ HOẠCH")}),
                      rules="default")
    assert plan.plan.doc_type == "KH"
    assert [f.message for f in by_rule(plan, RULE)] == [
        "Thiếu phần «Mục đích, yêu cầu».", "Thiếu phần «Nội dung / Nhiệm vụ, giải pháp».",
        "Thiếu phần «Tổ chức thực hiện».",
    ]


def test_parts_by_type_gives_a_type_its_own_parts(check_text, write_pack):
    pack = str(write_pack("extends: default\nrules:\n  has-standard-parts:\n"
                          "    params: {parts_by_type: {hd: [implementation]}}\n"))  # a code in any case
    report = check_text(build_plan(**GUIDANCE), rules=pack)
    assert [f.message for f in by_rule(report, RULE)] == ["Thiếu phần «Tổ chức thực hiện»."]
    with_implementation = {**GUIDANCE, "implementation": IMPLEMENTATION}
    assert by_rule(check_text(build_plan(**with_implementation), rules=pack), RULE) == []
    # a plan keeps the parts of `parts`
    assert len(by_rule(check_text(build_plan(purpose=""), rules=pack), RULE)) == 1


def test_an_unknown_type_code_is_a_pack_error(write_pack):
    from checker.engine.packs import PackError, load_pack

    pack = write_pack("extends: default\nrules:\n  has-standard-parts:\n    params: {parts_by_type: {HDX: []}}\n")
    with pytest.raises(PackError) as caught:
        load_pack(str(pack))
    assert "parts_by_type" in str(caught.value) and "HDX" in str(caught.value)
