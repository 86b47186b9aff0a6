"""is_plan: the document is a plan-like administrative document; a non-plan gets no other finding."""

from __future__ import annotations

import pytest
from conftest import build_plan, by_rule

RULE = "is-plan"
ARTICLE = """\
Trang chủ | Tin tức | Sự kiện
Tìm kiếm tin tức
Nhiệm vụ và giải pháp nhằm tuyên truyền Kết luận 57-KL/TW, ngày 15/6/2023 của Bộ Chính trị
Ngày 15/6/2023, Bộ Chính trị ban hành Kết luận số 57-KL/TW về tiếp tục nâng cao chất lượng, hiệu quả \
công tác thông tin đối ngoại trong tình hình mới.
Kết luận nêu rõ cần đấu tranh, phản bác các luận điệu sai trái, xuyên tạc của các thế lực thù địch.
Các tin khác
Thống kê lượt truy cập
"""


@pytest.mark.parametrize(("title", "doc_type"), [("KẾ HOẠCH", "KH"), ("HƯỚNG DẪN", "HD"), ("CHƯƠNG TRÌNH", "CTr")])
def test_plan_like_documents_pass(check_text, title, doc_type):
    report = check_text(build_plan(title=f"{title}\nCông tác thông tin đối ngoại năm 2023"), rules="default")
    assert by_rule(report, RULE) == []
    assert report.plan.doc_type == doc_type


@pytest.mark.parametrize("rules", ["default", "ttdn", None])
def test_article_is_not_a_plan_and_no_other_rule_runs(check_text, rules):
    report = check_text(ARTICLE, rules=rules)
    assert [(f.rule, f.code, f.severity) for f in report.findings] == [("is-plan", "not-a-plan", "error")]
    assert report.findings[0].location is None
    assert report.findings[0].message.startswith("Văn bản không phải là kế hoạch hay hướng dẫn")
    assert report.themes == []


def test_unexpected_type(check_text):
    report = check_text(build_plan(title="BÁO CÁO\nKết quả công tác thông tin đối ngoại năm 2023"), rules="default")
    findings = by_rule(report, RULE)
    assert [(f.code, f.severity) for f in findings] == [("unexpected-type", "warning")]
    assert findings[0].message == "Văn bản là báo cáo (BC), không phải kế hoạch (loại được kiểm tra: KH, HD, CTr)."


def test_types_is_a_parameter(check_text, write_pack):
    pack = write_pack("extends: default\nrules:\n  is-plan:\n    params: {types: [KH]}\n")
    report = check_text(build_plan(title="HƯỚNG DẪN\nCông tác thông tin đối ngoại năm 2023"), rules=str(pack))
    assert [f.message for f in by_rule(report, RULE)] == [
        "Văn bản là hướng dẫn (HD), không phải kế hoạch (loại được kiểm tra: KH)."
    ]


def test_english_messages(check_text):
    report = check_text(ARTICLE, rules="default", lang="en")
    assert report.findings[0].message == (
        "This is not a plan or guidance (no document-type title such as 'KẾ HOẠCH'); no other rule was run."
    )
    report = check_text(build_plan(title="BÁO CÁO\nKết quả năm 2023"), rules="default", lang="en")
    assert [f.message for f in by_rule(report, RULE)] == [
        "The document is a report (BC), not a plan (checked types: KH, HD, CTr)."
    ]


LETTER = """\
ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 4085/UBND-ĐT
V/v rà soát dữ liệu số nhà
Lâm Đồng, ngày 25 tháng 11 năm 2025
Kính gửi: Các sở, ngành; UBND các xã, phường.
Thực hiện Kế hoạch số 94/KH-UBND ngày 19/9/2025 của UBND tỉnh, Chủ tịch UBND tỉnh chỉ đạo như sau:
1. Giao Sở Nông nghiệp và Môi trường chia sẻ cơ sở dữ liệu đất đai.
2. Giao Công an tỉnh hướng dẫn UBND các xã rà soát dữ liệu.
3. Theo dõi, đôn đốc việc cập nhật dữ liệu.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""


def test_a_task_assigning_letter_is_named_and_gets_the_task_and_deadline_checks(check_text):
    report = check_text(LETTER, rules="default")
    assert report.plan.doc_type == "CV"
    [finding] = by_rule(report, RULE)
    assert (finding.code, finding.message) == (
        "unexpected-type", "Văn bản là công văn (CV), không phải kế hoạch (loại được kiểm tra: KH, HD, CTr).")
    # items 1 and 2 hand their bodies a task (item 3, naming nobody, instructs the addressees)
    assert [t.units for t in report.plan.tasks] == [["Sở Nông nghiệp và Môi trường"], ["Công an tỉnh"]]
    assert "assigns-tasks" in report.rules
    assert ("has-deadline", "no-deadline") in {(f.rule, f.code) for f in report.findings}
    assert not [f for f in report.findings if f.rule == "has-standard-parts"]  # a letter has no such parts


def test_every_type_read_from_a_title_has_an_english_name():
    from checker.extract.header import TITLE_TYPES
    from checker.kinds.is_plan import TYPE_NAMES_EN

    assert set(TITLE_TYPES.values()) - set(TYPE_NAMES_EN) == set()
