"""A thing two rules find missing is reported once (checker.engine.run.report_once).

The case that matters: ``--against PARENT`` with the TTĐN pack, where the pack's theme and the parent's own
content item both miss the same subject. Here the two rules are written by hand (a base pack and a pack that
extends it, as a derived pack extends the built-in one), so the test does not depend on derived phrases.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import by_rule
from test_against import PARENT as AGAINST_PARENT
from test_against import PLAN as AGAINST_PLAN

from checker.api import Against, check_file
from checker.engine.run import make_report
from checker.formatters import text

BASE = """\
rules:
  themes:
    kind: covers_themes
    params:
      themes:
        - id: kieu-bao
          label: {vi: Người Việt Nam ở nước ngoài, en: Overseas Vietnamese}
          phrases: ["người Việt Nam ở nước ngoài", "kiều bào"]
        - id: bien-dao
          label: {vi: "Biển, đảo", en: Sea and islands}
          phrases: ["biển, đảo", "Hoàng Sa"]
"""

PARENT_ITEMS = """\
extends: base.yaml
rules:
  parent-themes:
    kind: covers_themes
    params:
      themes:
        - id: van-dong-kieu-bao
          label: {vi: Vận động kiều bào hướng về quê hương, en: Mobilising overseas Vietnamese}
          phrases: ["Kiều bào", "quê hương"]
        - id: le-hoi
          label: {vi: Giới thiệu lễ hội truyền thống, en: Traditional festivals}
          phrases: ["lễ hội", "làng nghề"]
"""

PLAN = """\
KẾ HOẠCH
Công tác thông tin đối ngoại năm 2023

I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức về công tác thông tin đối ngoại.
II. NỘI DUNG
1. Tuyên truyền về chủ quyền biển, đảo Hoàng Sa, Trường Sa.
2. Giới thiệu lễ hội truyền thống và làng nghề của xã.
3. Vận động kiều bào hướng về quê hương.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Đảng ủy chủ trì theo dõi, tổng hợp kết quả.
"""
KIEU_BAO = "3. Vận động kiều bào hướng về quê hương.\n"


def packs(write_pack, base: str = BASE, items: str = PARENT_ITEMS) -> str:
    write_pack(base, "base.yaml")
    return str(write_pack(items, "derived.yaml"))


def missing(report) -> list[tuple[str, str]]:
    """(rule, theme id) of each theme finding."""
    return [(f.rule, f.message.rsplit("(", 1)[1].rstrip(").")) for f in report.findings
            if f.rule in ("themes", "parent-themes")]


def test_a_theme_both_rules_miss_is_reported_once_by_the_parents_item(check_text, write_pack) -> None:
    report = check_text(PLAN.replace(KIEU_BAO, ""), rules=packs(write_pack))
    # "kiều bào" is a phrase of both themes (matched case-insensitively): one subject, one finding, the one
    # of the rule the extending pack adds (the parent's own item).
    assert missing(report) == [("parent-themes", "van-dong-kieu-bao")]
    themes = {t.id: t for t in report.themes}
    assert not themes["kieu-bao"].covered and themes["kieu-bao"].reported_with == "van-dong-kieu-bao"
    assert themes["van-dong-kieu-bao"].reported_with is None


def test_the_themes_list_says_which_finding_stands_for_the_other(check_text, write_pack) -> None:
    report = check_text(PLAN.replace(KIEU_BAO, ""), rules=packs(write_pack))
    printed = text.render(make_report([report], [], "vi"))
    assert "thiếu: kieu-bao (báo cùng van-dong-kieu-bao), van-dong-kieu-bao" in printed
    english = check_text(PLAN.replace(KIEU_BAO, ""), rules=packs(write_pack), lang="en")
    assert "missing: kieu-bao (reported with van-dong-kieu-bao)" in text.render(make_report([english], [], "en"))


HCM_BASE = """\
rules:
  themes:
    kind: covers_themes
    params:
      themes:
        - id: ho-chi-minh
          label: {vi: "Tư tưởng, đạo đức, phong cách Hồ Chí Minh", en: Hồ Chí Minh's thought}
          phrases: ["tư tưởng Hồ Chí Minh", "di sản Hồ Chí Minh"]
"""


@pytest.mark.parametrize(("label", "phrases"), [
    # The pack's phrase is in the title of the parent's item (its derived phrases are other words) …
    ("Tuyên truyền về giá trị, tư tưởng Hồ Chí Minh", '["giá trị", "phổ quát"]'),
    # … or the item's phrase is one of the words of the pack's phrase.
    ("Tiếp tục đẩy mạnh tuyên truyền, thông tin về giá trị", '["di sản", "phổ quát"]'),
])
def test_a_phrase_of_one_in_the_label_or_phrases_of_the_other_is_the_same_subject(
        check_text, write_pack, label, phrases) -> None:
    items = f"""\
extends: base.yaml
rules:
  parent-themes:
    kind: covers_themes
    params:
      themes:
        - id: hcm-item
          label: {{vi: "{label}", en: "{label}"}}
          phrases: {phrases}
"""
    report = check_text(PLAN, rules=packs(write_pack, HCM_BASE, items))
    assert missing(report) == [("parent-themes", "hcm-item")]
    assert {t.id: t.reported_with for t in report.themes}["ho-chi-minh"] == "hcm-item"


def test_words_in_common_that_make_no_whole_phrase_of_the_other_are_not_the_same_subject(check_text,
                                                                                        write_pack) -> None:
    # Both speak of "tư tưởng" and "chí minh", but neither has a phrase found whole in the other's label or
    # phrases ("chí minh bạch" is not in "… Hồ Chí Minh", "tư tưởng đổi" not in "tư tưởng Hồ Chí Minh").
    items = """\
extends: base.yaml
rules:
  parent-themes:
    kind: covers_themes
    params:
      themes:
        - id: other
          label: {vi: "Tuyên truyền tư tưởng đổi mới", en: x}
          phrases: ["tư tưởng đổi", "chí minh bạch"]
"""
    report = check_text(PLAN, rules=packs(write_pack, HCM_BASE, items))
    assert sorted(missing(report)) == [("parent-themes", "other"), ("themes", "ho-chi-minh")]


def test_themes_with_no_phrase_in_common_are_both_reported(check_text, write_pack) -> None:
    plan = PLAN.replace(KIEU_BAO, "").replace("1. Tuyên truyền về chủ quyền biển, đảo Hoàng Sa, Trường Sa.\n", "")
    report = check_text(plan, rules=packs(write_pack))
    assert sorted(missing(report)) == [("parent-themes", "van-dong-kieu-bao"), ("themes", "bien-dao")]
    assert {t.id: t.reported_with for t in report.themes}["bien-dao"] is None


def test_a_theme_only_one_rule_misses_is_reported(check_text, write_pack) -> None:
    # The pack's theme is covered by "người Việt Nam ở nước ngoài"; the parent's item is not.
    plan = PLAN.replace(KIEU_BAO, "3. Thông tin về người Việt Nam ở nước ngoài.\n")
    report = check_text(plan, rules=packs(write_pack))
    assert missing(report) == [("parent-themes", "van-dong-kieu-bao")]


def test_two_themes_of_one_rule_never_stand_for_each_other(check_text, write_pack) -> None:
    base = BASE.replace('phrases: ["biển, đảo", "Hoàng Sa"]', 'phrases: ["biển, đảo", "kiều bào"]')
    plan = PLAN.replace(KIEU_BAO, "").replace("1. Tuyên truyền về chủ quyền biển, đảo Hoàng Sa, Trường Sa.\n", "")
    report = check_text(plan, rules=str(write_pack(base, "base.yaml")))
    assert sorted(missing(report)) == [("themes", "bien-dao"), ("themes", "kieu-bao")]


def test_a_finding_that_quotes_the_plan_is_kept_over_a_document_wide_one(check_text, write_pack) -> None:
    # The pack's theme is named only in the purpose section (a finding with its quote); the parent's item is
    # missing altogether (document-wide). The quote is the more specific: it is kept, even from the base pack.
    plan = PLAN.replace(KIEU_BAO, "").replace(
        "- Nâng cao nhận thức về công tác thông tin đối ngoại.",
        "- Tranh thủ sự ủng hộ của người Việt Nam ở nước ngoài.")
    report = check_text(plan, rules=packs(write_pack))
    (finding,) = [f for f in report.findings if f.rule in ("themes", "parent-themes")]
    assert (finding.rule, finding.code) == ("themes", "theme-only-in-purpose")
    assert finding.evidence is not None and "người Việt Nam ở nước ngoài" in finding.evidence
    assert {t.id: t.reported_with for t in report.themes}["van-dong-kieu-bao"] == "kieu-bao"


def test_without_a_duplicate_nothing_changes(check_text, write_pack) -> None:
    report = check_text(PLAN, rules=packs(write_pack))
    assert missing(report) == [] and all(t.covered and t.reported_with is None for t in report.themes)
    assert by_rule(report, "themes") == []


def test_the_ttdn_pack_against_a_parent_reports_a_missing_theme_once(tmp_path: Path) -> None:
    """The real case: ``check --rules ttdn --against PARENT`` (tests/test_against.py's parent and plan)."""
    parent = tmp_path / "huong-dan.txt"
    parent.write_text(AGAINST_PARENT, encoding="utf-8")
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text(AGAINST_PLAN.replace("3. Vận động kiều bào hướng về quê hương, chăm lo đồng bào định cư ở nước "
                                   "ngoài.\n", ""), encoding="utf-8")
    report = check_file(plan, "ttdn", against=Against(parent))
    about_kieu_bao = [f for f in report.findings if f.rule in ("covers-themes", "covers-parent-themes")
                      and ("kiều bào" in (f.suggestion or "") or "(kieu-bao)" in f.message)]
    assert [f.rule for f in about_kieu_bao] == ["covers-parent-themes"]
    assert {t.id: t.reported_with for t in report.themes}["kieu-bao"] == about_kieu_bao[0].message.rsplit(
        "(", 1)[1].rstrip(").")


def test_a_phrase_common_in_ordinary_plans_never_makes_two_subjects_one() -> None:
    from checker.engine.background import background
    from checker.kinds.base import Subject

    funds = Subject.of("kinh-phi", "Bảo đảm kinh phí tuyên truyền", ["tuyên truyền", "kinh phí"])
    budget = Subject.of("du-toan", "Lập dự toán kinh phí", ["dự toán", "kinh phí"])
    assert background().generic("kinh phí")
    assert funds.same_as(budget)  # without the background, «kinh phí» alone makes them one
    assert not funds.same_as(budget, background().generic)
    overseas = Subject.of("kieu-bao", "Kiều bào", ["kiều bào"])
    assert overseas.same_as(Subject.of("van-dong", "Vận động kiều bào về quê", ["quê hương"]), background().generic)
