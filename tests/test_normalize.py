"""Normalising Vietnamese text: clean() for quoting, fold() for matching (same length as its input)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from checker.text.normalize import clean, fold, squash, strip_diacritics


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Ð", "đ"),  # U+00D0 Eth typed for Đ
        ("BCÐ-TTÐN", "bcđ-ttđn"),
        ("ð", "đ"),
        ("uỷ ban", "ủy ban"),
        ("Uỷ ban nhân dân", "ủy ban nhân dân"),
        ("hoà bình", "hòa bình"),
        ("HOÀ BÌNH", "hòa bình"),
        ("thuỷ lợi", "thủy lợi"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("Toà án", "tòa án"),
        ("“Kế hoạch”", '"kế hoạch"'),
        ("‘số’", "'số'"),
        ("«a»", '"a"'),
        ("Độc lập – Tự do – Hạnh phúc", "độc lập - tự do - hạnh phúc"),
        ("a—b", "a-b"),
        ("a\u2212b", "a-b"),
        ("Vĩnh\u00a0Linh", "vĩnh linh"),
        ("a\u202fb\u2009c\tđ", "a b c đ"),
        ("chính trị¹ và xã hội²", "chính trị  và xã hội "),
        ("quý", "quý"),  # "uý" after q is not the old tone placement
        ("QUÝ I", "quý i"),
        ("hoàn thành", "hoàn thành"),  # a final consonant: no old/new difference
        ("thuý", "thúy"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded
    assert len(fold(text)) == len(text)


def test_fold_keeps_offsets_of_the_original():
    text = "Thực hiện “Hướng dẫn” về hoà bình, Uỷ ban nhân dân\u00a0huyện."
    folded = fold(text)
    start = folded.index("hòa bình")
    assert text[start:start + len("hòa bình")] == "hoà bình"
    start = folded.index("ủy ban nhân dân huyện")
    assert text[start:start + 5] == "Uỷ ba"


def test_clean_composes_and_drops_invisible_characters():
    assert clean(unicodedata.normalize("NFD", "Hoà bình")) == "Hoà bình"
    assert clean("\ufeffKế\u200b hoạch\u200d") == "Kế hoạch"
    assert clean("báo\u00adcáo") == "báo\u00adcáo"  # the soft hyphen is a letter in TCVN3 text


def test_clean_drops_control_characters_but_tab_and_line_breaks():
    # ESC would start a terminal sequence (clear the screen, recolour), BEL rings, BS overwrites.
    assert clean("Kế\x1b[2J hoạch\x07 số\x08 5\x1b]0;tên\x07") == "Kế[2J hoạch số 5]0;tên"
    assert clean("a\tb\r\nc\rd\x85e") == "a\tb\nc\nd\ne"  # tab kept, line breaks written \n
    assert clean("trang một\fTrang hai\vdòng") == "trang một Trang hai dòng"  # page and soft breaks: spacing
    assert clean("a\x00b\x1cc\x1fd") == "abcd"
    assert clean("a\x00b", keep_nul=True) == "a\x00b"  # a reader's placeholder survives when asked for
    assert clean("mã\x9b2K\x7f") == "mã2K"  # C1 and DEL, as before


def test_squash_and_strip_diacritics():
    assert squash("  Ủy  ban\u00a0\nnhân dân ") == "ủy ban nhân dân"
    assert strip_diacritics("Ban Tuyên giáo Tỉnh uỷ") == "ban tuyen giao tinh uy"
    assert strip_diacritics("ĐẢNG") == "dang"


@given(st.text())
@example("İSTANBUL hoà")  # "İ".lower() is two characters
@example("ﬁ uỷ")
def test_fold_preserves_length(text):
    assert len(fold(text)) == len(text)


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)
