"""Tests for legacy-font text (TCVN3/ABC, VNI): tables, detection, conversion and the .txt reader."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import to_cp1258

from checker.extract import extract_plan
from checker.read.txt import read_txt, read_txt_bytes
from checker.text.legacy import (
    TCVN3,
    VNI,
    convert_run,
    convert_text,
    detect_legacy,
    is_syllable,
    legacy_font,
    to_unicode,
)
from checker.text.letters import LETTERS

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
REAL_TEXTS = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus").glob("*.txt"))
EXPECTED = "Cộng hòa xã hội chủ nghĩa Việt Nam"
TCVN3_EXAMPLE = "Céng hßa x· héi chñ nghÜa ViÖt Nam"  # domain notes §6
VNI_EXAMPLE = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"

_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
SMALL_LETTERS = [unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in _TONES] + ["đ"]
EVERY_SMALL = " ".join(SMALL_LETTERS)
EVERY_CAPITAL = EVERY_SMALL.upper()

# Sentence case whose capitals TCVN3's small-letter fonts can write (ASCII, Ă Â Ê Ô Ơ Ư Đ).
SENTENCES = [
    EXPECTED,
    "Độc lập - Tự do - Hạnh phúc",
    "Tiếng Việt có sáu thanh: ngang, huyền, sắc, hỏi, ngã, nặng.",
    "Ước mơ của Ông Đỗ là được về quê ăn Tết với gia đình ở Ân Thi.",
    "Những người lính trẻ ấy vượt suối, băng rừng, giữ vững biên cương của Tổ quốc.",
    "Quyết định số 368/QĐ-TTg; khuya, quở trách, thuở, nguyệt, khuỷu tay, ngoằn ngoèo, nghiêng.",
    "Ơn nghĩa sinh thành, Ăn quả nhớ kẻ trồng cây, Êm đềm, Ưu tiên, Đông Âu, Ông bà.",
]
# All-capitals headings: in TCVN3 they are set in an "H" font.
HEADINGS = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "KẾ HOẠCH",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
    "XÃ LƯƠNG MINH",
    "TỔ CHỨC THỰC HIỆN",
]

# Reverse tables, built here from the forward tables (a capital TCVN3 lacks takes its small code, as an
# H font does).
TO_TCVN3 = {letter: code for code, letter in TCVN3.items()}
TO_VNI = {letter: code for code, letter in VNI.items()}


def tcvn3(text: str) -> str:
    return "".join(TO_TCVN3.get(c) or TO_TCVN3.get(c.lower(), c) for c in unicodedata.normalize("NFC", text))


def vni(text: str) -> str:
    return "".join(TO_VNI.get(c, c) for c in unicodedata.normalize("NFC", text))


# --- tables -------------------------------------------------------------------------------------------

def test_tcvn3_table_covers_every_small_letter_and_seven_capitals():
    assert set(TCVN3.values()) == {c for c in SMALL_LETTERS if not c.isascii()} | set("ĂÂÊÔƠƯĐ")
    assert len(TCVN3) == len(set(TCVN3.values())) == 74  # one code per letter
    assert all(0xA1 <= ord(code) <= 0xFE for code in TCVN3)
    # spot checks against the TCVN 5712 VN3 chart
    assert (TCVN3["\xa7"], TCVN3["\xad"], TCVN3["\xb8"], TCVN3["\xe9"], TCVN3["\xdc"], TCVN3["\xfe"]) == (
        "Đ", "ư", "á", "ộ", "ĩ", "ỵ")


def test_vni_table_covers_every_letter_in_both_cases():
    every = set(SMALL_LETTERS) | {c.upper() for c in SMALL_LETTERS}
    non_ascii = {c for c in every if not c.isascii()}
    assert non_ascii <= set(VNI.values())
    assert len(VNI) == len(set(VNI.values()))
    assert (VNI["oä"], VNI["aø"], VNI["ñ"], VNI["ôï"], VNI["ó"], VNI["AÊ"]) == ("ộ", "à", "đ", "ợ", "ĩ", "Ă")


# --- conversion ---------------------------------------------------------------------------------------

def test_known_examples():
    assert to_unicode(TCVN3_EXAMPLE, "tcvn3") == EXPECTED
    assert to_unicode(VNI_EXAMPLE, "vni") == EXPECTED
    assert to_unicode("§éc lËp - Tù do - H¹nh phóc", "tcvn3") == "Độc lập - Tự do - Hạnh phúc"
    assert to_unicode("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "vni") == EXPECTED.upper()


def test_soft_hyphen_is_the_letter_u_horn_in_tcvn3():
    assert to_unicode("n\u00adíc Th\u00ad¬ng m¹i", "tcvn3") == "nước Thương mại"


@pytest.mark.parametrize("text", [EVERY_SMALL, *SENTENCES])
def test_tcvn3_round_trip(text):
    assert to_unicode(tcvn3(text), "tcvn3") == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("text", [EVERY_CAPITAL, *HEADINGS])
def test_tcvn3_capitals_round_trip_through_the_h_font(text):
    assert to_unicode(tcvn3(text), "tcvn3", upper_font=True) == text
    small_ascii = "".join(c.lower() if c.isascii() else c for c in tcvn3(text))
    assert to_unicode(small_ascii, "tcvn3", upper_font=True) == text  # H fonts draw a-z as capitals too


@pytest.mark.parametrize("text", HEADINGS)
def test_tcvn3_capitals_are_guessed_without_the_font(text):
    assert to_unicode(tcvn3(text), "tcvn3") == text
    assert to_unicode(tcvn3(text), "tcvn3", guess_caps=False) != text


def test_guessed_capitals_stay_in_their_group():
    # "Số" beside an acronym, or a column away from a heading, is a small-letter font.
    assert to_unicode("Sè: 44/KH-UBND    CéNG HßA X· HéI", "tcvn3") == "Số: 44/KH-UBND    CỘNG HÒA XÃ HỘI"
    assert to_unicode("- Së KH&§T; Bé GD§T", "tcvn3") == "- Sở KH&ĐT; Bộ GDĐT"
    assert to_unicode("Giao Së T\u00ad ph¸p", "tcvn3") == "Giao Sở Tư pháp"


@pytest.mark.parametrize("text", [EVERY_SMALL, EVERY_CAPITAL, *SENTENCES, *HEADINGS, "Ấp Bắc, Ủy ban, Ứng dụng"])
def test_vni_round_trip(text):
    assert to_unicode(vni(text), "vni") == unicodedata.normalize("NFC", text)


def test_vni_mark_case_follows_the_base():
    assert to_unicode("Coäng", "vni") == to_unicode("CoÄng", "vni") == "Cộng"
    assert to_unicode("COäNG", "vni") == "CỘNG"
    assert to_unicode("yï", "vni") == to_unicode("î", "vni") == "ỵ"


def test_results_are_nfc_and_ascii_is_kept():
    text = "Số 368/QĐ-TTg (2023): 100% “đạt”"
    for encoding, encode in (("tcvn3", tcvn3), ("vni", vni)):
        out = to_unicode(encode(text), encoding)
        assert out == unicodedata.normalize("NFC", out) == text


# --- detection ----------------------------------------------------------------------------------------

UNICODE_VI = ("Thực hiện Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 của Ban Tuyên giáo Tỉnh ủy, Ủy ban nhân dân "
              "huyện ban hành Kế hoạch công tác thông tin đối ngoại năm 2023 như sau: các cơ quan, đơn vị "
              "tổ chức thực hiện.")
ENGLISH = "The café served crème brûlée; a naïve résumé was handed over by the façade's owner. © 2024"
FRENCH = ("Le gouvernement a présenté hier un projet de loi très attendu. Les élèves étaient à l'école près "
          "de la forêt où ils ont déjeuné; Noël approche, ça fait plaisir à tout le monde.")
GERMAN = "Die Straße führt über die Brücke nach München. Schöne Grüße aus Köln, Ihr Müller."


@pytest.mark.parametrize(("text", "expected"), [
    (TCVN3_EXAMPLE, "tcvn3"),
    (tcvn3(UNICODE_VI), "tcvn3"),
    (tcvn3("\n".join(HEADINGS)), "tcvn3"),
    (VNI_EXAMPLE, "vni"),
    (vni(UNICODE_VI), "vni"),
    (vni("\n".join(HEADINGS)), "vni"),
    (EXPECTED, None),
    (UNICODE_VI, None),
    (unicodedata.normalize("NFD", UNICODE_VI), None),
    (ENGLISH, None),
    (FRENCH, None),
    (GERMAN, None),
    ("Plain ASCII text, nothing to see.", None),
    ("ViÖt Nam", None),  # one word is too little evidence
])
def test_detect_legacy(text, expected):
    assert detect_legacy(text) == expected


def test_windows_1258_read_as_windows_1252_is_not_legacy():
    # Windows-1258 writes tones as combining bytes; read as Windows-1252 they look like Latin-1 letters.
    assert detect_legacy(to_cp1258(UNICODE_VI).decode("cp1252", errors="replace")) is None


@pytest.mark.parametrize("path", REAL_TEXTS, ids=lambda p: p.name)
def test_every_real_text_converted_to_legacy_is_detected_and_restored(path):
    original = unicodedata.normalize("NFC", path.read_text(encoding="utf-8-sig"))
    assert detect_legacy(original) is None
    for encoding, encode in (("tcvn3", tcvn3), ("vni", vni)):
        legacy = encode(original)
        assert detect_legacy(legacy) == encoding
        # TCVN3 small-letter fonts cannot write "Ủy" in sentence case: compare case-insensitively. Lines
        # where the Unicode original itself holds stray Latin-1 symbols (008: "Ö", "¾"; footnote "¹") are
        # ambiguous once encoded and are left out.
        pairs = [(a, b) for a, b in zip(convert_text(legacy, encoding).splitlines(), original.splitlines(), strict=True)
                 if not any("\u00a1" <= c <= "\u00ff" and c not in LETTERS for c in b)]
        assert [a.lower() for a, _ in pairs] == [b.lower() for _, b in pairs]


def test_is_syllable():
    assert all(map(is_syllable, ["nghiêng", "được", "Việt", "khuỷu", "quốc", "gì", "oong", "ạch"]))
    assert not any(map(is_syllable, ["café", "cỏc", "hoỉa", "trốs", "Noởl", "cac", "thẳngg"]))


# --- Word runs ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "font", "expected"), [
    ("Céng hßa", ".VnTime", "Cộng hòa"),
    ("KÕ HO¹CH", ".VnTime", "Kế HOạCH"),  # what the small-letter font draws
    ("KÕ ho¹ch", ".VnTimeH", "KẾ HOẠCH"),
    ("céng hßa", ".VnArialH", "CỘNG HÒA"),
    ("Céng hßa", " .vntime ", "Cộng hòa"),
    ("Céng hßa", ".VnArial Narrow", "Cộng hòa"),
    ("Coäng hoøa", "VNI-Times", "Cộng hòa"),
    ("Coäng hoøa", "vni-helve-condense", "Cộng hòa"),
    ("Cộng hòa", ".VnTime", "Cộng hòa"),  # already Unicode: kept
    ("Céng hßa", "Times New Roman", None),
    ("Céng hßa", "", None),
    ("Céng hßa", None, None),
])
def test_convert_run(text, font, expected):
    assert convert_run(text, font) == expected


def test_legacy_font():
    assert legacy_font(".VnTimeH") == ("tcvn3", True)
    assert legacy_font(".VnBlack") == ("tcvn3", False)
    assert legacy_font("VNI-Times") == ("vni", False)
    assert legacy_font("Times New Roman") is None
    assert legacy_font(".Vn") is None


# --- .txt files ---------------------------------------------------------------------------------------

HEADER = "ỦY BAN NHÂN DÂN\nHUYỆN VĨNH LINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
PLAN = HEADER + """\
Số: 44/KH-UBND
Vĩnh Linh, ngày 20 tháng 02 năm 2023

KẾ HOẠCH
Công tác thông tin đối ngoại năm 2023

Căn cứ Quyết định số 368/QĐ-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về việc ban hành Kế hoạch thực hiện \
Chiến lược thông tin đối ngoại;
Ủy ban nhân dân huyện ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao nhận thức của cán bộ, đảng viên và nhân dân về công tác thông tin đối ngoại.
II. NỘI DUNG
1. Tuyên truyền chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước.
III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa và Thông tin chủ trì, phối hợp với các cơ quan liên quan triển khai Kế hoạch.
"""


def _notes(doc) -> list[str]:
    return [n for n in doc.notes if "legacy font" in n]


@pytest.mark.parametrize(("encoding", "encode", "name"), [("tcvn3", tcvn3, "TCVN3 (ABC)"), ("vni", vni, "VNI")])
@pytest.mark.parametrize("as_utf8", [False, True], ids=["ansi", "utf8"])
def test_txt_header_in_a_legacy_font(tmp_path, encoding, encode, name, as_utf8):
    text = encode(HEADER)
    path = tmp_path / "header.txt"
    path.write_bytes(text.encode("utf-8" if as_utf8 else "cp1252"))
    doc = read_txt(path)
    assert [b.text for b in doc.blocks] == HEADER.splitlines()
    assert doc.encoding == ("utf-8" if as_utf8 else encoding)
    assert _notes(doc) == [f"Văn bản dùng phông chữ cũ {name}, đã chuyển mã sang Unicode "
                           f"(legacy font {name} converted to Unicode)"]
    assert not any("đoán là" in n for n in doc.notes)


def test_txt_soft_hyphen_survives_until_conversion():
    data = "Së Th\u00ad¬ng m¹i vµ Bé T\u00ad ph¸p tæ chøc n\u00adíc s¹ch cho ng\u00adêi d©n.".encode("cp1252")
    doc = read_txt_bytes(data, "mem.txt")
    assert doc.blocks[0].text == "Sở Thương mại và Bộ Tư pháp tổ chức nước sạch cho người dân."


def test_txt_tcvn3_plan_is_extracted():
    doc = read_txt_bytes(tcvn3(PLAN).encode("cp1252"), "plan.txt")
    assert _notes(doc)
    assert "KẾ HOẠCH" in [b.text for b in doc.blocks]
    plan = extract_plan(doc)
    assert plan.doc_type == "KH"
    assert [c.symbol for c in plan.basis] == ["368/QĐ-TTg"]


def test_txt_windows_1258_is_not_taken_for_legacy():
    doc = read_txt_bytes(to_cp1258(PLAN), "plan.txt")
    assert doc.encoding == "cp1258" and not _notes(doc)


@pytest.mark.parametrize("path", REAL_TEXTS, ids=lambda p: p.name)
def test_real_unicode_texts_are_not_converted(path):
    doc = read_txt(path)
    assert not _notes(doc)
    assert doc.encoding in ("utf-8", "utf-8-sig")






def test_docstring_examples():
    import doctest

    import checker.text.legacy as legacy

    assert doctest.testmod(legacy).failed == 0
