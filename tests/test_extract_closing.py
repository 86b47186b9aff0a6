"""Recipients (*Nơi nhận*) and the signer, as text copies and Word files lay them out."""

from __future__ import annotations

import pytest

from checker.extract.closing import looks_like_name, read_recipients, read_signer
from checker.model.document import Block


def blocks(text: str) -> list[Block]:
    return [Block(index=i, text=line.strip()) for i, line in enumerate(t for t in text.splitlines() if t.strip())]


def test_several_recipients_on_one_line():
    # corpus 006: "- V01, C04 - Bộ Công an;          - Thường trực Tỉnh ủy;"
    found, at = read_recipients(blocks("Nơi nhận:\n- V01, C04 - Bộ Công an;          - Thường trực Tỉnh ủy;\n"
                                       "- Lưu: VT, NC.\nKT. CHỦ TỊCH"))
    assert (found, at) == (["V01, C04 - Bộ Công an", "Thường trực Tỉnh ủy", "Lưu: VT, NC"], 0)


def test_recipients_inline_after_the_heading():
    found, _ = read_recipients(blocks("Nơi nhận: - Bộ Nội vụ; - Thường trực Tỉnh ủy; - Lưu: VT."))
    assert found == ["Bộ Nội vụ", "Thường trực Tỉnh ủy", "Lưu: VT"]


def test_wrapped_recipient_lines_are_joined():
    # corpus 011: "- Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng," / "VP Đảng uỷ;" and "… Ban công" / "tác MT thôn;"
    found, _ = read_recipients(blocks("Nơi nhận:\n- Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng,\nVP Đảng uỷ;\n"
                                      "- Bí thư Chi bộ, Trưởng thôn, Ban công\ntác MT thôn;\n- Lưu: MTTQ\n"
                                      "TM. BAN THƯỜNG TRỰC"))
    assert found == ["Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng, VP Đảng uỷ",
                     "Bí thư Chi bộ, Trưởng thôn, Ban công tác MT thôn",
                     "Lưu: MTTQ"]


def test_word_bullets_and_a_note_spanning_two_lines():
    # corpus 017: no dashes (automatic bullets); "(Để" / "báo cáo)" written beside the first two items
    found, _ = read_recipients(blocks("Nơi nhận:\nBan TT UBTW MTTQ VN; (Để\nBan Thường vụ Tỉnh ủy;      báo cáo)\n"
                                      "UBND tỉnh;\n-   Lưu VP, Ban DC.\nTM. BAN THƯỜNG TRỰC\nNguyễn Chí Thành"))
    assert found == ["Ban TT UBTW MTTQ VN", "Ban Thường vụ Tỉnh ủy", "UBND tỉnh", "Lưu VP, Ban DC"]


def test_signature_lines_read_between_the_recipients():
    # corpus 003: the two columns read line by line
    text = ("Nơi nhận:\nKT. CHỦ TỊCH\n- Chủ tịch, PCT. UBND tỉnh;\n- UBND các xã, phường;\n- Lưu: VT.\n"
            "PHÓ CHỦ TỊCH\nNguyễn Ngọc Phúc\nPhụ lục I\n")
    found, at = read_recipients(blocks(text))
    assert found == ["Chủ tịch, PCT. UBND tỉnh", "UBND các xã, phường", "Lưu: VT"]
    signer = read_signer(blocks(text), at)
    assert signer is not None
    assert (signer.authority, signer.title, signer.name) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc")


def test_no_recipients_heading():
    assert read_recipients(blocks("Trên đây là Kế hoạch./.\nNguyễn Văn An")) == ([], None)
    assert read_recipients(blocks("Nơi nhận văn bản xác định những cơ quan nhận văn bản.")) == ([], None)


@pytest.mark.parametrize(("text", "authority", "title", "name"), [
    # the authority line as written, the position under it, the person (seed 000, Vĩnh Linh)
    ("T/M BAN THƯỜNG VỤ\n\nPHÓ BÍ THƯ\n\n\nNguyễn Thị Hương", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ",
     "Nguyễn Thị Hương"),
    # seed 002, Sóc Trăng: a position of several words
    ("K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN TUYÊN GIÁO TRỰC\n\n\nLâm Sách", "K/T TRƯỞNG BAN",
     "PHÓ TRƯỞNG BAN TUYÊN GIÁO TRỰC", "Lâm Sách"),
    # a surname outside the list, in a signature block (corpus 011-018)
    ("TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\nLan Thị Vân", "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Lan Thị Vân"),
    # margin notes of a PDF copy between the lines (corpus 029)
    ("TM. BAN THƯỜNG VỤ\nBÍ THƯ\n(để t/h)\nTrương Đình Nam", "TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Trương Đình Nam"),
    # nested authorities, the collective's name wrapped (corpus 021, 022)
    ("TM. ỦY BAN NHÂN\nDÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Thanh An", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
     "PHÓ CHỦ TỊCH", "Bùi Thanh An"),
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thị Ngọc Điệp", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
     "PHÓ CHỦ TỊCH", "Nguyễn Thị Ngọc Điệp"),
    # the last authority line wrapped before its last word; the mark alone on its line
    ("KT. CHỦ\nTỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"),
    ("T/M\nBAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nNguyễn Thị Hương", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Thị Hương"),
    # no position line: the head signs in person
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn Bình", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Bình"),
    ("K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n(Đã ký)\nPhạm Tất Thắng", "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Phạm Tất Thắng"),
    # no authority: the name, and the role written above it (corpus 030)
    ("- Lưu VP.\nNgười lập kế hoạch\nĐỗ Ngọc Nam", None, "Người lập kế hoạch", "Đỗ Ngọc Nam"),
])
def test_signer(text, authority, title, name):
    signer = read_signer(blocks(text), 0)
    assert signer is not None
    assert (signer.authority, signer.title, signer.name) == (authority, title, name)


@pytest.mark.parametrize(("text", "strict", "expected"), [
    ("Nguyễn Thị Hương", True, True),
    ("TRẦN NGỌC KHIÊM", True, True),
    ("Lan Thị Vân", True, True),
    ("Giàng Seo Phử", True, False),  # a surname outside the list: a name only inside a signature block
    ("Giàng Seo Phử", False, True),
    ("PHÓ CHỦ TỊCH", False, False),
    ("Phó Chủ tịch", False, False),
    ("Người lập kế hoạch", False, False),
    ("Ủy ban bầu cử xã", False, False),
])
def test_looks_like_name(text, strict, expected):
    assert looks_like_name(text, strict=strict) is expected
