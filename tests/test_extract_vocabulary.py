"""Words and letters shared by the extraction steps: basis verbs, signature authorities, Vietnamese capitals."""

from __future__ import annotations

import re
import unicodedata

import pytest

from checker.extract.vocabulary import AUTHORITY, BASIS_VERB
from checker.text.letters import LETTERS, LOWER, UPPER

_BASIS = re.compile(rf"^{BASIS_VERB}(?![\w])")


@pytest.mark.parametrize(("text", "verb"), [
    ("căn cứ luật", "căn cứ"), ("thực hiện chỉ thị", "thực hiện"),
    ("triển khai thực hiện kế hoạch", "triển khai thực hiện"),
    ("tiếp tục triển khai nghị quyết", "tiếp tục triển khai"), ("thi hành luật", "thi hành"), ("theo kế hoạch", "theo"),
])
def test_basis_verbs_longest_first(text, verb):
    m = _BASIS.match(text)
    assert m is not None and m.group(0) == verb


@pytest.mark.parametrize(("line", "is_authority"), [
    ("T/M BAN THƯỜNG VỤ", True), ("K/T TRƯỞNG BAN", True), ("TM. ỦY BAN NHÂN DÂN", True), ("KT CHỦ TỊCH", False),
    ("KT. CHỦ TỊCH", True), ("TUQ. CHỦ TỊCH", True), ("PHÓ CHỦ TỊCH", False), ("Tm. Ban", False),
])
def test_authority(line, is_authority):
    assert bool(AUTHORITY.match(line)) is is_authority


def test_upper_and_lower_cover_the_vietnamese_alphabet():
    vowels = "aăâeêioôơuưy"
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    small = {unicodedata.normalize("NFC", v + t) for v in vowels for t in tones} | set("bcdđghklmnpqrstvx")
    for ch in small:
        assert re.fullmatch(f"[{LOWER}]", ch) and not re.fullmatch(f"[{UPPER}]", ch), ch
        assert re.fullmatch(f"[{UPPER}]", ch.upper()) and not re.fullmatch(f"[{LOWER}]", ch.upper()), ch
    assert all(re.fullmatch(f"[{UPPER}]", ch) for ch in "ỞẤẾỚỨỦÐ")  # Ð (Eth) is typed for Đ in real text
    # the reader's set: the same letters outside ASCII, but not Ð, which a Windows-1252 misreading produces
    assert {c for c in small | {c.upper() for c in small} if not c.isascii()} == LETTERS
