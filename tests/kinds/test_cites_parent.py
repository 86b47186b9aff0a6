"""cites_parent: the basis clause cites a numbered directive, and the expected parent correctly."""

from __future__ import annotations

import pytest
from conftest import BASIS, build_plan, by_rule, line_of

RULE = "cites-parent"
TAIL = ", Ủy ban nhân dân huyện ban hành Kế hoạch như sau:"
PARENT_PACK = """\
extends: ttdn
rules:
  cites-parent:
    params:
      parent:
        symbol: 93-HD/BTGTU
        date: 2023-02-15
        issuer: Ban Tuyên giáo Tỉnh ủy
"""


def basis(citation: str) -> str:
    return citation + TAIL


@pytest.fixture
def parent_pack(write_pack):
    return write_pack(PARENT_PACK)


def only(report, code):
    findings = by_rule(report, RULE)
    assert [f.code for f in findings] == [code], [f.message for f in findings]
    return findings[0]


# --- basis -------------------------------------------------------------------------------------

def test_basis_citing_a_numbered_directive_passes(check_text):
    report = check_text(build_plan())
    assert by_rule(report, RULE) == []
    assert [c.symbol for c in report.plan.basis] == ["93-HD/BTGTU"]
    assert report.plan.basis[0].issuer == "Ban Tuyên giáo Tỉnh ủy"


def test_no_basis_when_the_opening_cites_nothing(check_text):
    text = build_plan(basis="Để tổ chức tốt các hoạt động thông tin đối ngoại năm 2023" + TAIL)
    finding = only(check_text(text), "no-basis")
    assert finding.severity == "error"
    assert finding.message == "Phần căn cứ không dẫn văn bản chỉ đạo nào có số, ký hiệu."
    assert finding.location is None
    assert finding.evidence is None


def test_no_basis_when_the_basis_cites_only_an_unnumbered_document(check_text):
    text = build_plan(basis="Căn cứ Nghị quyết Đại hội XIII của Đảng; Ủy ban nhân dân huyện ban hành Kế hoạch như sau:")
    finding = only(check_text(text), "no-basis")
    assert finding.severity == "error"
    assert finding.evidence == "Nghị quyết Đại hội XIII của Đảng"
    assert finding.location.line == line_of(text, "Căn cứ Nghị quyết")
    assert (finding.location.start, finding.location.end) == (7, 39)


def test_a_citation_outside_the_basis_does_not_count_as_basis(check_text):
    purpose = "I. MỤC ĐÍCH, YÊU CẦU\n- Triển khai Hướng dẫn số 93-HD/BTGTU của Ban Tuyên giáo Tỉnh ủy."
    report = check_text(build_plan(basis="", purpose=purpose))
    assert [f.code for f in by_rule(report, RULE)] == ["no-basis"]


# --- the expected parent -------------------------------------------------------------------------

@pytest.mark.parametrize("parent", ["93-HD/BTGTU", "93 - HD/BTGTU", "93–HD/BTGTU", "93-hd/btgtu"])
def test_parent_given_on_the_command_line_is_found_after_canonicalising(check_text, parent):
    assert by_rule(check_text(build_plan(), parent=parent), RULE) == []


def test_parent_not_cited(check_text):
    finding = only(check_text(build_plan(), parent="97/HD-MTTW-BTT"), "parent-not-cited")
    assert finding.severity == "error"
    assert finding.message == "Văn bản không dẫn văn bản cấp trên 97/HD-MTTW-BTT."
    assert finding.suggestion == "Thêm vào phần căn cứ: số 97/HD-MTTW-BTT."
    assert finding.location is None


def test_parent_with_another_number_is_not_cited(check_text):
    assert only(check_text(build_plan(), parent="94-HD/BTGTU"), "parent-not-cited")


def test_parent_cited_only_outside_the_basis(check_text):
    purpose = (
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
        "- Triển khai thực hiện Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 của Ban Tuyên giáo Tỉnh ủy."
    )
    text = build_plan(
        basis=basis("Căn cứ Quyết định số 368/QĐ-TTg ngày 28/02/2013 của Thủ tướng Chính phủ"),
        purpose=purpose,
    )
    finding = only(check_text(text, parent="93-HD/BTGTU"), "parent-not-in-basis")
    assert finding.severity == "warning"
    assert finding.message == "Văn bản cấp trên 93-HD/BTGTU được nhắc đến nhưng không nằm trong phần căn cứ."
    assert finding.evidence == "Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 của Ban Tuyên giáo Tỉnh ủy"
    assert finding.location.line == line_of(text, "Triển khai thực hiện Hướng dẫn")
    assert finding.location.section == ["I.", "1.", "-"]


def test_parent_pack_passes_when_symbol_date_and_issuer_agree(check_text, parent_pack):
    assert by_rule(check_text(build_plan(), rules=str(parent_pack)), RULE) == []


def test_parent_date_in_words_is_the_same_date(check_text, parent_pack):
    text = build_plan(basis=basis(
        "Thực hiện Hướng dẫn số 93-HD/BTGTU ngày 15 tháng 02 năm 2023 của Ban Tuyên giáo Tỉnh ủy"))
    assert by_rule(check_text(text, rules=str(parent_pack)), RULE) == []


def test_parent_cited_without_date_is_a_warning_not_a_mismatch(check_text, parent_pack):
    text = build_plan(basis=BASIS.replace(" ngày 15/02/2023", ""))
    report = check_text(text, rules=str(parent_pack))
    finding = only(report, "parent-date-missing")
    assert finding.severity == "warning"
    assert finding.message == "Văn bản 93-HD/BTGTU được dẫn mà không ghi ngày ban hành."
    assert finding.suggestion == "Ghi rõ «ngày 15/02/2023» sau số, ký hiệu."
    assert "parent-date-mismatch" not in {f.code for f in report.findings}


def test_parent_date_mismatch(check_text, parent_pack):
    text = build_plan(basis=BASIS.replace("15/02/2023", "16/02/2023"))
    finding = only(check_text(text, rules=str(parent_pack)), "parent-date-mismatch")
    assert finding.severity == "error"
    assert finding.message == (
        "Văn bản 93-HD/BTGTU được dẫn với ngày 16/02/2023, nhưng ngày ban hành là 15/02/2023."
    )
    assert finding.suggestion == "Sửa ngày thành 15/02/2023."
    assert finding.evidence == "Hướng dẫn số 93-HD/BTGTU ngày 16/02/2023 của Ban Tuyên giáo Tỉnh ủy"
    assert finding.location.line == line_of(text, "Thực hiện Hướng dẫn")
    assert finding.location.section == []


def test_parent_issuer_mismatch(check_text, parent_pack):
    text = build_plan(basis=BASIS.replace("Ban Tuyên giáo", "Ban Dân vận"))
    finding = only(check_text(text, rules=str(parent_pack)), "parent-issuer-mismatch")
    assert finding.severity == "warning"
    assert finding.message == (
        "Văn bản 93-HD/BTGTU được ghi là của «Ban Dân vận Tỉnh ủy», "
        "nhưng cơ quan ban hành là «Ban Tuyên giáo Tỉnh ủy»."
    )
    assert finding.evidence == "Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 của Ban Dân vận Tỉnh ủy"


def test_parent_issuer_is_compared_loosely(check_text, parent_pack):
    text = build_plan(basis=BASIS.replace("Ban Tuyên giáo Tỉnh ủy", "Ban Tuyen giao Tinh uy"))
    assert by_rule(check_text(text, rules=str(parent_pack)), RULE) == []


# --- symbols and dates of cited directives ---------------------------------------------------------

@pytest.mark.parametrize(
    ("citation", "raw", "problems", "canonical"),
    [
        ("Căn cứ Quyết định số 368/QĐ-Ttg ngày 28/02/2013 của Thủ tướng Chính phủ",
         "368/QĐ-Ttg", "sai chữ hoa/thường", "368/QĐ-TTg"),
        ("Thực hiện Kết luận số 132- KL/TW ngày 18/3/2022 của Bộ Chính trị",
         "132- KL/TW", "có dấu cách thừa", "132-KL/TW"),
        ("Căn cứ Quyết định số 368/QÐ-TTg ngày 28/02/2013 của Thủ tướng Chính phủ",
         "368/QÐ-TTg", "dùng ký tự Ð (U+00D0) thay cho Đ", "368/QĐ-TTg"),
        ("Căn cứ Nghị định số 72/NĐ-CP ngày 07 tháng 9 năm 2015 của Chính phủ",
         "72/NĐ-CP", "thiếu năm ban hành", "72/NĐ-CP"),
    ],
)
def test_malformed_symbol(check_text, citation, raw, problems, canonical):
    text = build_plan(basis=basis(citation))
    finding = only(check_text(text), "malformed-symbol")
    assert finding.severity == "warning"
    assert finding.message == f"Số, ký hiệu «{raw}» viết chưa đúng quy cách ({problems})."
    assert finding.suggestion == f"Viết là {canonical}."
    assert finding.evidence == citation.split(" ", 2)[2]  # without the verb "Căn cứ" / "Thực hiện"
    assert finding.location.line == line_of(text, raw)


def test_malformed_symbol_evidence_is_the_citation(check_text):
    text = build_plan(basis=basis("Căn cứ Quyết định số 368/QĐ-Ttg ngày 28/02/2013 của Thủ tướng Chính phủ"))
    finding = only(check_text(text), "malformed-symbol")
    assert finding.evidence == "Quyết định số 368/QĐ-Ttg ngày 28/02/2013 của Thủ tướng Chính phủ"
    assert (finding.location.start, finding.location.end) == (7, 71)


def test_impossible_date(check_text):
    text = build_plan(basis=basis("Căn cứ Quyết định số 368/QĐ-TTg ngày 30/2/2013 của Thủ tướng Chính phủ"))
    finding = only(check_text(text), "impossible-date")
    assert finding.severity == "warning"
    assert finding.message == "Ngày «30/2/2013» của văn bản 368/QĐ-TTg không tồn tại."
    assert finding.evidence == "Quyết định số 368/QĐ-TTg ngày 30/2/2013 của Thủ tướng Chính phủ"
    assert finding.location.line == line_of(text, "30/2/2013")


def test_impossible_parent_date_is_not_also_a_date_mismatch(check_text, write_pack):
    pack = write_pack("extends: default\nrules:\n  cites-parent:\n    params:\n"
                      "      parent: {symbol: 368/QĐ-TTg, date: 2013-02-28}\n")
    text = build_plan(basis=basis("Căn cứ Quyết định số 368/QĐ-TTg ngày 30/2/2013 của Thủ tướng Chính phủ"))
    assert only(check_text(text, rules=str(pack)), "impossible-date")


def test_cited_after_plan(check_text):
    text = build_plan(basis=BASIS.replace("15/02/2023", "15/03/2023"))
    report = check_text(text)
    # The shipped directive registry knows 93-HD/BTGTU was issued on 15/02/2023: that is flagged too.
    assert [f.code for f in by_rule(report, RULE)] == ["cited-after-plan", "registry-date-mismatch"]
    finding = by_rule(report, RULE)[0]
    assert finding.severity == "warning"
    assert finding.message == (
        "Văn bản 93-HD/BTGTU ghi ngày 15/03/2023, sau ngày của chính kế hoạch (20/02/2023)."
    )
    assert finding.evidence == "Hướng dẫn số 93-HD/BTGTU ngày 15/03/2023 của Ban Tuyên giáo Tỉnh ủy"


def test_cited_on_the_plan_date_is_not_after_it(check_text):
    text = build_plan(basis=BASIS.replace("15/02/2023", "20/02/2023"))
    assert "cited-after-plan" not in [f.code for f in by_rule(check_text(text), RULE)]


# --- the directive registry -----------------------------------------------------------------------

def test_registry_gives_the_known_date_as_the_fix(check_text):
    text = build_plan(basis=BASIS.replace("15/02/2023", "16/02/2023"))
    finding = only(check_text(text), "registry-date-mismatch")
    assert finding.severity == "warning"
    assert finding.message == ("Văn bản 93-HD/BTGTU được dẫn với ngày 16/02/2023; theo danh mục văn bản, "
                               "ngày ban hành là 15/02/2023.")
    assert finding.suggestion == "Sửa ngày thành 15/02/2023."


def test_registry_knows_a_symbol_typed_with_the_wrong_case(check_text):
    text = build_plan(basis=basis("Căn cứ Quyết định số 368/QĐ-Ttg ngày 28/3/2013 của Thủ tướng Chính phủ"))
    codes = [f.code for f in by_rule(check_text(text), RULE)]
    assert codes == ["malformed-symbol", "registry-date-mismatch"]


def test_superseded_and_child_directives_from_a_pack_registry(check_text, write_pack, tmp_path):
    (tmp_path / "known.yaml").write_text(
        "directives:\n"
        "  - {symbol: 93-HD/BTGTU, date: 2023-02-15, issuer: Ban Tuyên giáo Tỉnh ủy, parent: 57-KL/TW,\n"
        "     superseded_by: 110-HD/BTGTU}\n", encoding="utf-8")
    pack = write_pack("extends: default\nrules:\n  cites-parent:\n    params:\n      registry: known.yaml\n"
                      "      parent: {symbol: 57-KL/TW}\n")
    findings = by_rule(check_text(build_plan(), rules=str(pack)), RULE)
    assert [(f.code, f.severity) for f in findings] == [  # document-wide first, then by place
        ("parent-not-cited", "error"), ("superseded", "warning"), ("cites-child", "warning")]
    assert findings[1].message == "Văn bản 93-HD/BTGTU (93-HD/BTGTU) đã được thay thế bởi 110-HD/BTGTU."
    assert findings[2].suggestion == "Dẫn 57-KL/TW trong phần căn cứ."


def test_a_bad_registry_names_its_file_and_entry(write_pack, tmp_path):
    from checker.engine.packs import PackError, load_pack

    (tmp_path / "known.yaml").write_text("directives:\n  - {symbol: 93-HD/BTGTU, datum: 2023-02-15}\n",
                                         encoding="utf-8")
    pack = write_pack("extends: default\nrules:\n  cites-parent:\n    params:\n      registry: known.yaml\n")
    with pytest.raises(PackError) as caught:
        load_pack(str(pack))
    message = str(caught.value)
    assert str(tmp_path / "known.yaml") in message and "directives.0" in message and "datum" in message


# --- language -----------------------------------------------------------------------------------

def test_english_messages(check_text):
    text = build_plan(basis=basis("Căn cứ Quyết định số 368/QĐ-Ttg ngày 30/2/2013 của Thủ tướng Chính phủ"))
    messages = {f.code: (f.message, f.suggestion) for f in by_rule(check_text(text, lang="en"), RULE)}
    assert messages == {
        "malformed-symbol": ("The number-symbol '368/QĐ-Ttg' is malformed (wrong letter case).",
                             "Write it as 368/QĐ-TTg."),
        "impossible-date": ("The date '30/2/2013' of 368/QĐ-TTg does not exist.",
                            "Check the issue date of 368/QĐ-TTg."),
    }


def test_english_parent_not_cited(check_text):
    finding = only(check_text(build_plan(), parent="97/HD-MTTW-BTT", lang="en"), "parent-not-cited")
    assert finding.message == "The document does not cite its parent directive 97/HD-MTTW-BTT."
