"""covers_themes: each required theme appears, with quoted evidence, outside the purpose section."""

from __future__ import annotations

import unicodedata

import pytest
from conftest import CONTENT, build_plan, by_rule, line_of

RULE = "covers-themes"
TTDN_IDS = [
    "chinh-thuc", "thanh-tuu", "quang-ba", "bien-dao", "nhan-quyen", "dau-tranh", "doi-ngoai",
    "ho-chi-minh", "kieu-bao", "the-gioi", "khong-gian-mang",
]
BIEN_DAO_LINE = "4. Tuyên truyền về chủ quyền biển, đảo và biên giới quốc gia."
CONTENT_WITHOUT_BIEN_DAO = CONTENT.replace(BIEN_DAO_LINE + "\n", "")


def theme(report, theme_id):
    return next(t for t in report.themes if t.id == theme_id)


def small_pack(write_pack, phrase: str, max_evidence: int = 3):
    """A pack with one rule, one theme ``t`` matched by ``phrase``."""
    return str(write_pack(
        "rules:\n"
        "  covers-themes:\n"
        "    kind: covers_themes\n"
        "    params:\n"
        f"      max_evidence: {max_evidence}\n"
        "      themes:\n"
        "        - id: t\n"
        "          label: {vi: Chủ đề, en: Theme}\n"
        f"          phrases: [\"{phrase}\"]\n"
    ))


def test_every_ttdn_theme_is_covered_by_the_complete_plan(check_text):
    report = check_text(build_plan())
    assert by_rule(report, RULE) == []
    assert [t.id for t in report.themes] == TTDN_IDS
    assert all(t.covered and not t.only_in_purpose for t in report.themes)


def test_covered_theme_evidence_has_quote_phrase_and_location(check_text):
    text = build_plan()
    bien_dao = theme(check_text(text), "bien-dao")
    assert bien_dao.label == "Chủ quyền biển, đảo, biên giới, lãnh thổ"
    assert len(bien_dao.evidence) == 1
    evidence = bien_dao.evidence[0]
    # The first phrase of the theme that the paragraph contains; the quote drops the item marker.
    assert evidence.phrase == "biển, đảo"
    assert evidence.quote == "…Tuyên truyền về chủ quyền biển, đảo và biên giới quốc gia."
    assert evidence.location.line == line_of(text, BIEN_DAO_LINE)
    assert evidence.location.section == ["II.", "4."]
    start = BIEN_DAO_LINE.index("biển, đảo")
    assert (evidence.location.start, evidence.location.end) == (start, start + len("biển, đảo"))


def test_max_evidence_limits_the_quotes_kept(check_text, write_pack):
    content = "II. NỘI DUNG\n1. Tuyên truyền về hòa bình.\n2. Giữ gìn hòa bình.\n3. Vì hòa bình."
    text = build_plan(content=content)
    assert len(theme(check_text(text, rules=small_pack(write_pack, "hòa bình", 2)), "t").evidence) == 2
    assert len(theme(check_text(text, rules=small_pack(write_pack, "hòa bình", 3)), "t").evidence) == 3


def test_theme_missing(check_text):
    report = check_text(build_plan(content=CONTENT_WITHOUT_BIEN_DAO))
    findings = by_rule(report, RULE)
    assert [(f.code, f.severity) for f in findings] == [("theme-missing", "error")]
    assert findings[0].message == (
        "Văn bản không đề cập chủ đề «Chủ quyền biển, đảo, biên giới, lãnh thổ» (bien-dao)."
    )
    assert findings[0].suggestion == (
        "Bổ sung nhiệm vụ về Chủ quyền biển, đảo, biên giới, lãnh thổ vào phần nội dung, "
        "ví dụ nêu: biển, đảo, biển đảo, Biển Đông, chủ quyền."
    )
    assert findings[0].location is None
    coverage = theme(report, "bien-dao")
    assert (coverage.covered, coverage.only_in_purpose, coverage.evidence) == (False, False, [])
    assert [t.id for t in report.themes if not t.covered] == ["bien-dao"]


def test_theme_only_in_purpose(check_text):
    purpose = "I. MỤC ĐÍCH, YÊU CẦU\n1. Góp phần bảo vệ vững chắc chủ quyền biển, đảo của Tổ quốc."
    text = build_plan(purpose=purpose, content=CONTENT_WITHOUT_BIEN_DAO)
    report = check_text(text)
    findings = by_rule(report, RULE)
    assert [(f.code, f.severity) for f in findings] == [("theme-only-in-purpose", "error")]
    finding = findings[0]
    assert finding.message == (
        "Chủ đề «Chủ quyền biển, đảo, biên giới, lãnh thổ» (bien-dao) chỉ được nêu ở phần mục đích, "
        "yêu cầu, chưa thành nhiệm vụ cụ thể."
    )
    assert finding.evidence == "…Góp phần bảo vệ vững chắc chủ quyền biển, đảo của Tổ quốc."
    assert finding.location.line == line_of(text, "Góp phần bảo vệ")
    assert finding.location.section == ["I.", "1."]
    coverage = theme(report, "bien-dao")
    assert (coverage.covered, coverage.only_in_purpose) == (False, True)
    assert coverage.evidence[0].phrase == "biển, đảo"


def test_english_theme_label_and_message(check_text):
    report = check_text(build_plan(content=CONTENT_WITHOUT_BIEN_DAO), lang="en")
    (finding,) = by_rule(report, RULE)
    assert finding.message == (
        "The document does not cover the theme 'Sovereignty over sea, islands and borders' (bien-dao)."
    )
    assert theme(report, "bien-dao").label == "Sovereignty over sea, islands and borders"


@pytest.mark.parametrize(
    ("phrase", "written"),
    [
        ("hòa bình", "Tuyên truyền về hoà bình, hữu nghị."),  # old-style tone in the text
        ("hoà bình", "Tuyên truyền về hòa bình, hữu nghị."),  # old-style tone in the pack
        ("ủy ban mặt trận", "Phối hợp với Uỷ ban Mặt trận Tổ quốc huyện."),
        ("HÒA BÌNH", "TUYÊN TRUYỀN VỀ HOÀ BÌNH."),
    ],
)
def test_old_style_tone_placement_still_matches(check_text, write_pack, phrase, written):
    text = build_plan(content="II. NỘI DUNG\n1. " + written)
    report = check_text(text, rules=small_pack(write_pack, phrase))
    assert by_rule(report, RULE) == []
    coverage = theme(report, "t")
    assert coverage.covered
    assert coverage.evidence[0].location.line == line_of(text, written)


def test_phrase_matches_whole_words_only(check_text, write_pack):
    text = build_plan(content="II. NỘI DUNG\n1. Tuyên truyền về các dân tộc thiểu số.")
    report = check_text(text, rules=small_pack(write_pack, "dân tộc thiểu"))
    assert theme(report, "t").covered
    report = check_text(text, rules=small_pack(write_pack, "tộc thiể"))
    assert [f.code for f in by_rule(report, RULE)] == ["theme-missing"]


def test_nfd_input_still_matches_and_quotes_composed_text(check_text):
    report = check_text(unicodedata.normalize("NFD", build_plan()))
    assert by_rule(report, RULE) == []
    quote = theme(report, "bien-dao").evidence[0].quote
    assert quote == "…Tuyên truyền về chủ quyền biển, đảo và biên giới quốc gia."
    assert unicodedata.is_normalized("NFC", quote)


def test_quote_keeps_the_first_character_of_the_paragraph(check_text, write_pack):
    content = "II. NỘI DUNG\nTuyên truyền về hòa bình, hữu nghị giữa các dân tộc."
    report = check_text(build_plan(content=content), rules=small_pack(write_pack, "hòa bình"))
    assert theme(report, "t").evidence[0].quote == "Tuyên truyền về hòa bình, hữu nghị giữa các dân tộc."


def test_a_unit_name_does_not_cover_a_theme(check_text):
    content = CONTENT.replace("3. Quảng bá hình ảnh, văn hóa, du lịch của huyện Vĩnh Linh.\n", "")
    report = check_text(build_plan(content=content))
    assert not theme(report, "quang-ba").covered
