"""field_present: a plan field is present and not empty, and optionally equals or matches a value."""

from __future__ import annotations

import pytest
from conftest import CLOSING, HEADER, TITLE, build_plan, line_of, one_rule_pack, rule_findings

from checker.engine.packs import PackError, load_pack

FIELDS = ["doc_type", "number_symbol", "issuer", "date", "title", "basis", "tasks", "reporting", "recipients",
          "signer", "signer.name", "signer.authority"]


@pytest.fixture
def pack(write_pack):
    """``pack(**params)``: a pack with one ``field_present`` rule ``r`` (severity error)."""
    return one_rule_pack(write_pack, "field_present", "error")


findings = rule_findings


@pytest.mark.parametrize("field", FIELDS)
def test_every_field_present_in_a_complete_plan(check_text, pack, field):
    assert findings(check_text(build_plan(), rules=pack(field=field))) == []


@pytest.mark.parametrize("field, pieces, label", [
    # no type title and no symbol (whose code, KH, would name the type: issue 14)
    ("doc_type", {"title": "Công tác thông tin đối ngoại năm 2023", "header": HEADER.replace("Số: 44/KH-UBND\n", "")},
     "loại văn bản"),
    ("number_symbol", {"header": HEADER.replace("Số: 44/KH-UBND\n", "")}, "số, ký hiệu"),
    ("date", {"header": HEADER.replace("\nVĩnh Linh, ngày 20 tháng 02 năm 2023", "")}, "ngày ban hành"),
    ("issuer", {"header": HEADER.replace("ỦY BAN NHÂN DÂN\nHUYỆN VĨNH LINH\n", ""), "closing": "Nơi nhận:\n- Lưu: VT.",
                "basis": "Thực hiện Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023, ban hành Kế hoạch như sau:"},
     "cơ quan ban hành"),
    ("title", {"title": "KẾ HOẠCH"}, "trích yếu (tên văn bản)"),
    ("tasks", {"implementation": "", "reporting": ""}, "nhiệm vụ giao cho cơ quan, đơn vị"),
    ("basis", {"basis": ""}, "căn cứ ban hành"),
    ("reporting", {"reporting": ""}, "chế độ báo cáo"),
    ("recipients", {"closing": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An"}, "nơi nhận"),
    ("signer", {"closing": "Nơi nhận:\n- Ban Tuyên giáo Tỉnh ủy;\n- Lưu: VT."}, "người ký"),
    ("signer.name", {"closing": CLOSING.replace("\nNguyễn Văn An", "")}, "họ tên người ký"),
])
def test_field_missing(check_text, pack, field, pieces, label):
    [finding] = findings(check_text(build_plan(**pieces), rules=pack(field=field)))
    assert (finding.code, finding.severity, finding.location) == ("field-missing", "error", None)
    assert finding.message == f"Văn bản không có {label}."
    assert finding.suggestion == f"Bổ sung {label}."


def test_field_missing_in_english(check_text, pack):
    [finding] = findings(check_text(build_plan(reporting=""), rules=pack(field="reporting"), lang="en"))
    assert finding.message == "The document has no reporting duty."


def test_equals_compares_folded_text(check_text, pack):
    for params in ({"field": "doc_type", "equals": "KH"}, {"field": "doc_type", "equals": "kh"},
                   {"field": "issuer", "equals": "Uỷ ban nhân dân  huyện Vĩnh Linh"}):
        assert findings(check_text(build_plan(), rules=pack(**params))) == [], params


def test_doc_type_mismatch(check_text, pack):
    text = build_plan()
    [finding] = findings(check_text(text, rules=pack(field="doc_type", equals="HD")))
    assert (finding.code, finding.severity) == ("field-mismatch", "error")
    assert finding.message == "Loại văn bản là «KH», nhưng phải là «HD»."
    assert finding.suggestion == "Sửa loại văn bản cho đúng."
    assert finding.location.line == line_of(text, "KẾ HOẠCH")  # where the type is written
    assert finding.evidence == "KẾ HOẠCH"


def test_doc_type_mismatch_in_english(check_text, pack):
    text = build_plan(title=TITLE.replace("KẾ HOẠCH", "HƯỚNG DẪN"))
    [finding] = findings(check_text(text, rules=pack(field="doc_type", equals="KH"), lang="en"))
    assert finding.message == "The document type is 'HD'; it must be 'KH'."


def test_matches(check_text, pack):
    assert findings(check_text(build_plan(), rules=pack(field="number_symbol", matches=r"^\d+/KH-"))) == []
    text = build_plan()
    [finding] = findings(check_text(text, rules=pack(field="number_symbol", matches=r"^\d+/hd-")))
    assert finding.message == r"Số, ký hiệu là «44/KH-UBND», nhưng phải khớp mẫu «^\d+/hd-»."
    assert finding.location.line == line_of(text, "Số: 44/KH-UBND")
    assert finding.evidence == "Số: 44/KH-UBND"


def test_signer_fields(check_text, pack):
    assert findings(check_text(build_plan(), rules=pack(field="signer.authority", matches=r"^kt\."))) == []
    report = check_text(build_plan(), rules=pack(field="signer.name", equals="Trần Văn Bình"))
    [finding] = findings(report)
    assert finding.message == "Họ tên người ký là «Nguyễn Văn An», nhưng phải là «Trần Văn Bình»."
    assert finding.location == report.plan.signer.location


def test_title_matches(check_text, pack):
    assert findings(check_text(build_plan(), rules=pack(field="title", matches="năm 20(2[3-9])"))) == []
    [finding] = findings(check_text(build_plan(), rules=pack(field="title", matches="năm 2024")))
    assert finding.message == ("Trích yếu (tên văn bản) là «Công tác thông tin đối ngoại năm 2023», "
                               "nhưng phải khớp mẫu «năm 2024».")


@pytest.mark.parametrize("params, key, words", [
    ({"field": "date", "value": "x"}, "params.value", "Extra inputs are not permitted"),
    ({"field": "signer.title"}, "params.field", "'signer.authority'"),
    ({"field": "tasks", "equals": "3"}, "params.equals", "applies only to text fields"),
    ({"field": "date", "matches": "2023"}, "params.matches", "applies only to text fields"),
    ({"field": "title", "matches": "năm (20"}, "params.matches", "not a valid regular expression"),
    ({"field": "doc_type", "equals": "KH", "matches": "kh"}, "params.matches", "not both"),
])
def test_invalid_params_are_rejected_naming_the_key(pack, params, key, words):
    with pytest.raises(PackError) as caught:
        load_pack(pack(**params))
    [problem] = caught.value.problems
    assert f"rule 'r', key '{key}'" in problem
    assert words in problem
