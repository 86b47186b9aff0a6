"""rules/examples/generic.yaml: a pack written only as data with the generic kinds loads and runs."""

from __future__ import annotations

from pathlib import Path

from conftest import CONTENT, HEADER, REPORTING, TITLE, build_plan, line_of

from checker import check_file
from checker.engine.packs import load_pack

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "rules" / "examples" / "generic.yaml"
GENERIC = {
    "has-closing-sentence": "phrase",
    "no-etcetera": "phrase",
    "has-funding-section": "section_exists",
    "is-ke-hoach": "field_present",
    "deadline-by-dec-15": "date_order",
    "enough-unit-tasks": "count_range",
}


def test_example_pack_extends_default_and_uses_every_generic_kind(monkeypatch):
    monkeypatch.chdir(ROOT)
    pack = load_pack("rules/examples/generic.yaml")
    default = load_pack("default")
    assert list(pack.rules) == [*default.rules, *GENERIC]
    assert {rule_id: pack.rules[rule_id].kind for rule_id in GENERIC} == GENERIC


def test_example_pack_on_the_van_ninh_plan():
    # The plan closes with "Trên đây là Kế hoạch …", writes no "v.v.", is a KH, asks for reports by
    # 05/11/2019 and gives 8 tasks to named units; it has no funding section.
    report = check_file(ROOT / "samples" / "ke-hoach-ttdn-van-ninh-2019.docx", load_pack(str(EXAMPLE)))
    assert report.status == "checked"
    assert [(f.rule, f.code, f.severity, f.message, f.suggestion, f.location) for f in report.findings] == [
        ("has-funding-section", "section-missing", "warning", "Kế hoạch chưa có mục «Kinh phí thực hiện».",
         "Bổ sung mục «Kinh phí».", None),
    ]


def test_example_pack_finds_one_problem_per_rule(check_text):
    text = build_plan(
        header=HEADER.replace("/KH-", "/HD-"),
        title=TITLE.replace("KẾ HOẠCH", "HƯỚNG DẪN"),
        content=CONTENT + "\n12. Quảng bá ẩm thực, lễ hội v.v.",
        reporting=REPORTING.replace("05/11/2023", "20/12/2026"),
    )
    report = check_text(text, rules=str(EXAMPLE))
    generic = [(f.rule, f.code, f.severity, f.message, f.location.line if f.location else None)
               for f in report.findings if f.rule in GENERIC]
    assert generic == [
        ("enough-unit-tasks", "count-out-of-range", "warning",
         "Văn bản có 2 nhiệm vụ có đơn vị chịu trách nhiệm, trong khi cần ít nhất 3.", None),
        ("has-closing-sentence", "phrase-missing", "warning", "Kế hoạch thiếu câu kết «Trên đây là Kế hoạch …».",
         None),
        ("has-funding-section", "section-missing", "warning", "Kế hoạch chưa có mục «Kinh phí thực hiện».", None),
        ("is-ke-hoach", "field-mismatch", "error", "Văn bản là loại «HD», không phải Kế hoạch (KH).",
         line_of(text, "HƯỚNG DẪN")),
        ("no-etcetera", "phrase-forbidden", "warning",
         "Không dùng «v.v.» trong phần nội dung, tổ chức thực hiện; liệt kê cụ thể các nội dung, nhiệm vụ.",
         line_of(text, "lễ hội v.v.")),
        ("deadline-by-dec-15", "date-order", "error",
         "Thời hạn báo cáo muộn nhất (20/12/2026) muộn hơn hạn tổng hợp ngày 15/12/2026.",
         line_of(text, "20/12/2026")),
    ]
