"""covers_themes: each required theme appears, with quoted evidence, outside the purpose section."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import BASIS, CONTENT, HEADER, REPORTING, TITLE, build_plan, by_rule, line_of

from checker.api import check_file
from checker.engine.packs import PackError, load_pack

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


# --- themes that apply from a year (since) ----------------------------------------------------------------

HCM_LINE = "8. Học tập và làm theo tư tưởng Hồ Chí Minh.\n"


def dated_pack(write_pack, since: int = 2023, by: str = "93-HD/BTGTU"):
    """A pack with one theme, ``hcm``, required from ``since``."""
    return str(write_pack(
        "rules:\n"
        "  covers-themes:\n"
        "    kind: covers_themes\n"
        "    params:\n"
        "      themes:\n"
        "        - id: hcm\n"
        "          label: {vi: Tư tưởng Hồ Chí Minh, en: Hồ Chí Minh's thought}\n"
        "          phrases: [\"tư tưởng Hồ Chí Minh\"]\n"
        f"          since: {since}\n"
        f"          introduced_by: \"{by}\"\n"
    ))


def plan_of_year(year: int | None, content: str = CONTENT.replace(HCM_LINE, "")) -> str:
    """The complete plan dated in ``year`` (its date and title), or with no year anywhere for None."""
    if year is None:
        header = "\n".join(line for line in HEADER.splitlines() if "ngày" not in line)
        return build_plan(header=header, title="KẾ HOẠCH\nCông tác thông tin đối ngoại", content=content,
                          basis=BASIS.replace(" ngày 15/02/2023", ""), reporting=REPORTING.replace("05/11/2023",
                                                                                                  "05/11"))
    return build_plan(header=HEADER.replace("năm 2023", f"năm {year}"), title=TITLE.replace("2023", str(year)),
                      content=content)


def test_a_theme_is_not_required_of_a_plan_before_its_year(check_text, write_pack):
    report = check_text(plan_of_year(2022), rules=dated_pack(write_pack))
    assert report.plan.year == 2022
    assert by_rule(report, RULE) == []
    coverage = theme(report, "hcm")
    assert (coverage.covered, coverage.required, coverage.since, coverage.introduced_by) == (
        False, False, 2023, "93-HD/BTGTU")


def test_a_theme_is_required_from_its_year_on(check_text, write_pack):
    for year in (2023, 2025):
        report = check_text(plan_of_year(year), rules=dated_pack(write_pack))
        findings = by_rule(report, RULE)
        assert [(f.code, f.severity) for f in findings] == [("theme-missing", "error")], year
        # The year is known: the message is the plain one.
        assert findings[0].message == "Văn bản không đề cập chủ đề «Tư tưởng Hồ Chí Minh» (hcm).", year
        assert theme(report, "hcm").required, year


def test_a_plan_of_an_earlier_year_that_covers_the_theme_shows_it_covered(check_text, write_pack):
    report = check_text(plan_of_year(2019, content=CONTENT), rules=dated_pack(write_pack))
    coverage = theme(report, "hcm")
    assert coverage.covered and not coverage.required
    assert coverage.evidence[0].phrase == "tư tưởng Hồ Chí Minh"


def test_the_year_comes_from_the_title_when_the_plan_has_no_date(check_text, write_pack):
    header = "\n".join(line for line in HEADER.splitlines() if "ngày" not in line)
    text = build_plan(header=header, title="KẾ HOẠCH\nCông tác thông tin đối ngoại năm 2019",
                      content=CONTENT.replace(HCM_LINE, ""))
    report = check_text(text, rules=dated_pack(write_pack))
    assert (report.plan.date, report.plan.year) == (None, 2019)
    assert by_rule(report, RULE) == [] and not theme(report, "hcm").required


def test_a_plan_whose_year_is_unknown_is_checked_and_told_why(check_text, write_pack):
    report = check_text(plan_of_year(None), rules=dated_pack(write_pack))
    assert report.plan.year is None
    (finding,) = by_rule(report, RULE)
    assert finding.code == "theme-missing"
    assert finding.message == (
        "Văn bản không đề cập chủ đề «Tư tưởng Hồ Chí Minh» (hcm). Chủ đề bắt buộc từ năm 2023 (93-HD/BTGTU); "
        "không xác định được năm của văn bản nên vẫn kiểm tra.")
    english = check_text(plan_of_year(None), rules=dated_pack(write_pack), lang="en")
    assert by_rule(english, RULE)[0].message.endswith(
        "The theme is required from 2023 (93-HD/BTGTU); the document's year is unknown, so it is checked.")
    assert theme(report, "hcm").required


def test_a_theme_only_in_purpose_before_its_year_is_no_finding(check_text, write_pack):
    purpose = "I. MỤC ĐÍCH, YÊU CẦU\n1. Học tập và làm theo tư tưởng Hồ Chí Minh."
    text = build_plan(header=HEADER.replace("năm 2023", "năm 2019"), title=TITLE.replace("2023", "2019"),
                      purpose=purpose, content=CONTENT.replace(HCM_LINE, ""))
    report = check_text(text, rules=dated_pack(write_pack))
    assert by_rule(report, RULE) == []
    coverage = theme(report, "hcm")
    assert (coverage.covered, coverage.only_in_purpose, coverage.required) == (False, True, False)
    # From its year on, the same plan is told to turn it into a duty.
    later = build_plan(purpose=purpose, content=CONTENT.replace(HCM_LINE, ""))
    assert [f.code for f in by_rule(check_text(later, rules=dated_pack(write_pack)), RULE)] == [
        "theme-only-in-purpose"]


@pytest.mark.parametrize("since", ["1800", "\"năm 2023\"", "2023.5"])
def test_a_bad_since_is_a_pack_error(write_pack, since):
    pack = write_pack("rules:\n  covers-themes:\n    kind: covers_themes\n    params:\n      themes:\n"
                      "        - id: hcm\n          label: {vi: a, en: b}\n          phrases: [x]\n"
                      f"          since: {since}\n", name="bad.yaml")
    with pytest.raises(PackError, match="since"):
        load_pack(str(pack))


def test_the_ttdn_pack_requires_hcm_and_cyberspace_from_2023(check_text):
    without = CONTENT.replace(HCM_LINE, "").replace("11. Đẩy mạnh thông tin trên mạng xã hội và không gian mạng.", "")
    old = check_text(plan_of_year(2019, content=without))
    assert by_rule(old, RULE) == []
    assert [t.id for t in old.themes if not t.required] == ["ho-chi-minh", "khong-gian-mang"]
    new = check_text(plan_of_year(2023, content=without))
    assert sorted(f.message.rsplit("(", 1)[1] for f in by_rule(new, RULE)) == ["ho-chi-minh).", "khong-gian-mang)."]


SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def test_seed_plans_before_2023_do_not_fail_on_the_themes_of_2023() -> None:
    """The seeds include the 2019 Vạn Ninh plan, which answers 368/QĐ-TTg and has no duty on Hồ Chí Minh or
    cyberspace: themes the 2023 guidance introduced are listed as not required, and are no finding."""
    reports = [check_file(path) for path in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []
    older = [r for r in reports if r.pack == "ttdn" and r.plan is not None and r.plan.year is not None
             and r.plan.year < 2023]
    if not older:
        pytest.skip("no seed plan dated before 2023 (../shared/seeds absent?)")
    for report in older:
        later = {t.id for t in report.themes if t.since is not None and t.since > report.plan.year}
        assert later >= {"ho-chi-minh", "khong-gian-mang"}, report.path
        reported = [f.message for f in by_rule(report, RULE)]
        assert not [m for m in reported if any(f"({theme})" in m for theme in later)], report.path
        assert all(t.covered or not t.required for t in report.themes if t.id in later), report.path
