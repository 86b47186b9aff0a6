"""Vietnamese syllables and the words a PDF text layer glues together (issue 14)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract import extract_plan
from checker.read.txt import read_txt_bytes
from checker.text.syllables import is_syllable, repair_glued, split_glued


@pytest.mark.parametrize("syllable", [
    "Nguyễn", "nghiêng", "khuya", "người", "chuyện", "quốc", "giữa", "hoàn", "thuỷ", "thủy", "Đảng", "trưởng",
    "được", "tỉnh", "huyện", "xã", "gì", "khoẻ", "hoà", "học", "các", "tập", "ương",
    "Quỳnh", "giếng", "Kon", "Kạn", "oong",  # qu and gi take the rhyme's glide; k before any vowel in names
])
def test_syllables(syllable):
    assert is_syllable(syllable)


@pytest.mark.parametrize("text", [
    "vềt",  # a falling tone cannot close on t
    "chủt", "nhâ",  # â needs a final
    "ghu",  # gh only before i, e, ê
    "nhând", "online",
    "tiê", "huyn", "chuyn", "ngha", "đuợc", "Biang",  # no such rhyme (iê and ươ need a final); ngh before a
])
def test_not_syllables(text):
    assert not is_syllable(text)


@pytest.mark.parametrize(("token", "spaced"), [
    ("chủtrì", "chủ trì"), ("vềthực", "về thực"), ("thểthao", "thể thao"), ("cửđại", "cử đại"),
    ("uỷUỷ", "uỷ Uỷ"), ("uỷban", "uỷ ban"), ("đảngviên", "đảng viên"), ("bầucửđại", "bầu cử đại"),
    ("trưởngBộ", "trưởng Bộ"),
])
def test_glued_syllables_are_spaced(token, spaced):
    assert split_glued(token) == spaced


@pytest.mark.parametrize("token", ["online", "VNeID", "QyĐ", "ĐUCA", "UBND", "iPhone", "eKYC", "café", "Nguyễn"])
def test_words_that_are_not_glued_are_kept(token):
    assert split_glued(token) == token


def test_a_damaged_text_layer_is_repaired_and_a_sound_one_left_alone():
    damaged = ("Đảng uỷUỷ ban nhân dân xã chủtrì, phối hợp vềthực hiện Kế hoạch; các chi bộ tổchức "
               "quán triệt đến cán bộ, đảngviên.")
    repaired, count = repair_glued(damaged)
    assert count == 5
    assert repaired == ("Đảng uỷ Uỷ ban nhân dân xã chủ trì, phối hợp về thực hiện Kế hoạch; các chi bộ tổ chức "
                        "quán triệt đến cán bộ, đảng viên.")
    # one or two odd tokens (a typo, a foreign name) are not enough to call a text damaged
    assert repair_glued("Ông nguời Lênin đọc panô.") == ("Ông nguời Lênin đọc panô.", 0)


@given(st.text(alphabet="abcdeghiklmnopqrstuvxyàáảãạăắâấđèéêếìíòóôốơớùúưứỳý ", max_size=40))
def test_repair_never_loses_letters(text):
    repaired, _ = repair_glued(text, least=1)
    assert repaired.replace(" ", "") == text.replace(" ", "")


def test_units_of_a_plan_whose_text_layer_glued_its_words():
    # corpus 066-068: commune Party committee plans copied from a PDF text layer
    text = ("KẾ HOẠCH\nLãnh đạo cuộc bầu cử năm 2026\nThực hiện Chỉ thịsố46-CT/TW của Bộ Chính trị;\n"
            "I. MỤC ĐÍCH, YÊU CẦU\nBảo đảm bầu cửđại biểu thành công.\nII. TỔ CHỨC THỰC HIỆN\n"
            "1. Đảng uỷUỷ ban nhân dân xã chủtrì, phối hợp vềthực hiện Kế hoạch.\n"
            "2. Văn phòng Đảng uỷphối hợp theo dõi, tổng hợp.\n")
    plan = extract_plan(read_txt_bytes(text.encode("utf-8"), "plan.txt"))
    assert [t.units for t in plan.tasks] == [["Đảng uỷ Uỷ ban nhân dân xã"], ["Văn phòng Đảng uỷ"]]
    assert [c.symbol for c in plan.basis] == ["46-CT/TW"]
    assert any("từ bị dính liền" in note for note in plan.notes)


def test_a_long_run_of_vowels_is_split_in_time():
    # every cut of this token is tried once (dynamic programming), not once per path: no exponential search
    token = "oaoaoaoaoaoaoaoaoaoaoàoq"
    assert split_glued(token) == token  # "q" ends no syllable: the token is left alone
