"""has_field: the plan's own date, signer, recipients and number-symbol are present and complete."""

from __future__ import annotations

import pytest
from conftest import CLOSING, build_plan, by_rule, line_of

ISSUER = "ỦY BAN NHÂN DÂN\nHUYỆN VĨNH LINH\n"
NUMBER_PACK = "rules:\n  has-number:\n    kind: has_field\n    severity: warning\n    params: {field: number_symbol}\n"


def only(report, rule, code):
    findings = by_rule(report, rule)
    assert [f.code for f in findings] == [code], [f.message for f in findings]
    return findings[0]


def test_complete_plan_has_every_field(check_text, write_pack):
    report = check_text(build_plan(), rules="default")
    for rule in ("has-own-date", "has-signer", "has-recipients"):
        assert by_rule(report, rule) == []
    assert report.plan.signer.name == "Nguyễn Văn An"
    assert report.plan.recipients == ["Ban Tuyên giáo Tỉnh ủy", "Lưu: VT"]
    assert by_rule(check_text(build_plan(), rules=str(write_pack(NUMBER_PACK))), "has-number") == []


# --- date ---------------------------------------------------------------------------------------

def test_date_missing(check_text):
    report = check_text(build_plan(header=ISSUER + "Số: 44/KH-UBND"), rules="default")
    finding = only(report, "has-own-date", "field-missing")
    assert finding.severity == "warning"
    assert finding.message == "Văn bản không có ngày ban hành."
    assert finding.location is None


def test_date_incomplete(check_text):
    written = "ngày    tháng 02 năm 2023"
    report = check_text(build_plan(header=ISSUER + f"Số: 44/KH-UBND\nVĩnh Linh, {written}"), rules="default")
    finding = only(report, "has-own-date", "field-incomplete")
    assert finding.severity == "warning"
    assert finding.message == f"Ngày ban hành chưa đầy đủ: «{written}»."


def test_impossible_own_date_is_invalid_not_incomplete(check_text):
    written = "ngày 30 tháng 02 năm 2023"
    report = check_text(build_plan(header=ISSUER + f"Số: 44/KH-UBND\nVĩnh Linh, {written}"), rules="default")
    finding = only(report, "has-own-date", "field-invalid")
    assert finding.severity == "warning"  # the rule's severity in the default pack
    assert finding.message == f"Ngày ban hành «{written}» không phải là ngày có thật."


@pytest.mark.parametrize("written", ["ngày … tháng 01 năm 2026", "ngày ... tháng 01 năm 2026"])
def test_date_with_dots_for_the_day_is_incomplete(check_text, written):
    report = check_text(build_plan(header=ISSUER + f"Số: 44/KH-UBND\nVĩnh Linh, {written}"), rules="default")
    assert only(report, "has-own-date", "field-incomplete").message == f"Ngày ban hành chưa đầy đủ: «{written}»."


def test_date_incomplete_is_never_worse_than_a_warning(check_text, write_pack):
    pack = write_pack("extends: default\nrules:\n  has-own-date:\n    severity: error\n")
    text = build_plan(header=ISSUER + "Vĩnh Linh, ngày    tháng 02 năm 2023")
    assert only(check_text(text, rules=str(pack)), "has-own-date", "field-incomplete").severity == "warning"
    text = build_plan(header=ISSUER)
    assert only(check_text(text, rules=str(pack)), "has-own-date", "field-missing").severity == "error"


# --- signer -------------------------------------------------------------------------------------

def test_signer_missing(check_text):
    report = check_text(build_plan(closing="Nơi nhận:\n- Ban Tuyên giáo Tỉnh ủy;\n- Lưu: VT."), rules="default")
    finding = only(report, "has-signer", "field-missing")
    assert finding.severity == "warning"
    assert finding.message == "Văn bản không có người ký (thẩm quyền, chức vụ, họ tên)."


def test_signer_without_name(check_text):
    text = build_plan(closing=CLOSING.replace("\nNguyễn Văn An", ""))
    finding = only(check_text(text, rules="default"), "has-signer", "field-incomplete")
    assert finding.severity == "warning"
    assert finding.message == "Người ký (thẩm quyền, chức vụ, họ tên) chưa đầy đủ: «KT. CHỦ TỊCH / PHÓ CHỦ TỊCH»."
    assert finding.location.line == line_of(text, "KT. CHỦ TỊCH")


def test_signer_after_a_closing_sentence_without_recipients(check_text):
    closing = ("Trên đây là Kế hoạch công tác thông tin đối ngoại năm 2023 của Ủy ban nhân dân huyện.\n"
               "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An")
    report = check_text(build_plan(closing=closing), rules="default")
    assert by_rule(report, "has-signer") == []
    signer = report.plan.signer
    assert (signer.authority, signer.title, signer.name) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An")


def test_signer_found_without_recipients_or_closing_sentence(check_text):
    report = check_text(build_plan(closing="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An"), rules="default")
    assert by_rule(report, "has-signer") == []


# --- recipients ---------------------------------------------------------------------------------

def test_recipients_missing(check_text):
    closing = "Trên đây là Kế hoạch của Ủy ban nhân dân huyện.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An"
    finding = only(check_text(build_plan(closing=closing), rules="default"), "has-recipients", "field-missing")
    assert finding.severity == "warning"
    assert finding.message == "Văn bản không có nơi nhận."
    assert finding.suggestion == "Bổ sung nơi nhận theo thể thức văn bản."


# --- number-symbol ------------------------------------------------------------------------------

def test_number_symbol_missing(check_text, write_pack):
    text = build_plan(header=ISSUER + "Vĩnh Linh, ngày 20 tháng 02 năm 2023")
    finding = only(check_text(text, rules=str(write_pack(NUMBER_PACK))), "has-number", "field-missing")
    assert finding.severity == "warning"
    assert finding.message == "Văn bản không có số, ký hiệu."


def test_number_symbol_with_blank_number(check_text, write_pack):
    text = build_plan(header=ISSUER + "Số:    /KH-UBND\nVĩnh Linh, ngày 20 tháng 02 năm 2023")
    finding = only(check_text(text, rules=str(write_pack(NUMBER_PACK))), "has-number", "field-incomplete")
    assert finding.severity == "warning"
    assert finding.message == "Số, ký hiệu chưa đầy đủ: «/KH-UBND»."


def test_party_number_symbol_without_colon(check_text, write_pack):
    header = "ĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY VĨNH LINH\nSố 93-HD/HU\nVĩnh Linh, ngày 20 tháng 02 năm 2023"
    report = check_text(build_plan(header=header), rules=str(write_pack(NUMBER_PACK)))
    assert by_rule(report, "has-number") == []
    assert report.plan.number_symbol == "93-HD/HU"


def test_english_message(check_text):
    report = check_text(build_plan(header=ISSUER), rules="default", lang="en")
    assert only(report, "has-own-date", "field-missing").message == "The document has no date of issue."
