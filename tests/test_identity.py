"""Who a body is: names read into kind, level and place, and when two names are the same body."""

from __future__ import annotations

import pytest

from checker.text.identity import level_rank, parse_body, same_name, with_place_from


@pytest.mark.parametrize(("written", "full"), [
    # A two-line header, superior first: the body is the last line, in the superior's place.
    ("ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH BAN THƯỜNG TRỰC",
     "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh"),
    ("UBND TỈNH LÂM ĐỒNG SỞ NỘI VỤ", "Sở Nội vụ tỉnh Lâm Đồng"),
    ("ĐẢNG BỘ TỈNH KHÁNH HOÀ ĐẢNG UỶ XÃ CÔNG HẢI", "Đảng ủy xã Công Hải"),
    ("THÀNH ĐOÀN HÀ NỘI BCH ĐOÀN XÃ PHÚC THỊNH", "Ban Chấp hành Đoàn xã Phúc Thịnh"),
    # Abbreviations expanded, capitals written in the case of running text (never "Bch đoàn").
    ("BCH ĐOÀN XÃ PHÚC THỊNH", "Ban Chấp hành Đoàn xã Phúc Thịnh"),
    ("BTGTU", "Ban Tuyên giáo Tỉnh ủy"),
    ("TT. Huyện ủy", "Thường trực Huyện ủy"),
    ("Sở TT và TT", "Sở Thông tin và Truyền thông"),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch"),
    ("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "Ủy ban nhân dân tỉnh Đắk Lắk"),
    ("Phòng VH-TT huyện Vạn Ninh", "Phòng VH-TT huyện Vạn Ninh"),
    # Written as a sentence: the department belongs to the organisation after it.
    ("Phòng Văn hóa và Thông tin UBND huyện Vạn Ninh", "Phòng Văn hóa và Thông tin huyện Vạn Ninh"),
    ("Bộ Công an", "Bộ Công an"),
    ("Sở Lao động - Thương binh và Xã hội tỉnh Nghệ An", "Sở Lao động - Thương binh và Xã hội tỉnh Nghệ An"),
    ("Ban Tuyên giáo TW (Hà Nội và T79)", "Ban Tuyên giáo Trung ương"),
    ("BAN CHẤP HÀNH TRUNG ƯƠNG BAN TỔ CHỨC", "Ban Tổ chức Trung ương"),
    ("UBND huyen Van Ninh", "Ủy ban nhân dân huyện Van Ninh"),
])
def test_a_name_is_written_in_full(written: str, full: str) -> None:
    body = parse_body(written)
    assert body is not None and body.text == full


def test_the_parts_of_a_name() -> None:
    body = parse_body("ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH BAN THƯỜNG TRỰC")
    assert body is not None and body.kind == "Ban Thường trực" and body.role == "board"
    assert body.of is not None and (body.of.level, body.of.place) == ("xã", "Lương Minh")
    department = parse_body("UBND TỈNH LÂM ĐỒNG SỞ NỘI VỤ")
    assert department is not None and (department.kind, department.name) == ("Sở", "Nội vụ")
    assert department.of is not None and department.of.kind == "Ủy ban nhân dân"


@pytest.mark.parametrize("written", ["Các huyện ủy, thị ủy", "Đ/c Nguyễn Văn A", "Lưu VT", ""])
def test_what_names_no_body(written: str) -> None:
    assert parse_body(written) is None


@pytest.mark.parametrize(("a", "b", "same"), [
    ("ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH BAN THƯỜNG TRỰC", "Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh",
     True),
    ("BCH ĐOÀN XÃ PHÚC THỊNH", "Ban Chấp hành Đoàn xã Phúc Thịnh", True),
    ("BCH ĐOÀN XÃ PHÚC THỊNH", "Ban Chấp hành Đoàn", True),  # a name without a place agrees with any place
    ("ỦY BAN NHÂN DÂN TỈNH KHÁNH HOÀ", "UBND tinh Khanh Hoa", True),  # spelling variants
    ("Ban Tuyên giáo Tỉnh ủy", "BTGTU", True),
    # A standing board acts for its organisation; a department does not.
    ("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Trà Vinh", "Ủy ban MTTQ tỉnh Trà Vinh", True),
    ("UBND TỈNH LÂM ĐỒNG SỞ NỘI VỤ", "UBND tỉnh Lâm Đồng", False),
    ("UBND TỈNH LÂM ĐỒNG SỞ NỘI VỤ", "Sở Nội vụ", True),
    # Never across places, levels or kinds.
    ("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Trà Vinh", "Ủy ban MTTQ tỉnh Bến Tre", False),
    ("UBND huyện Vạn Ninh", "UBND xã Vạn Ninh", False),
    ("Ban Tuyên giáo Huyện ủy", "BTGTU", False),
    ("Sở Tư pháp", "Sở Tài chính", False),
    ("Hội đồng nhân dân huyện Vạn Ninh", "Ủy ban nhân dân huyện Vạn Ninh", False),
])
def test_same_body(a: str, b: str, same: bool) -> None:
    assert same_name(a, b) is same
    assert same_name(b, a) is same


def test_a_level_without_a_place_is_completed_from_the_text() -> None:
    body = parse_body("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh")
    text = ["Căn cứ Kế hoạch của Ban Chỉ đạo tỉnh Trà Vinh …", "… trên địa bàn tỉnh Trà Vinh."]
    placed = with_place_from(body, text)
    assert placed is not None and placed.text == "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Trà Vinh"
    assert not same_name(placed.text, "Ủy ban MTTQ tỉnh Bến Tre")
    dated = with_place_from(parse_body("Huyện ủy"), ["Không nêu địa danh."], dated_at="Vĩnh Linh")
    assert dated is not None and dated.text == "Huyện ủy Vĩnh Linh"


def test_levels_rank_a_centrally_run_city_with_the_provinces() -> None:
    assert level_rank(parse_body("Ban Tuyên giáo Trung ương")) == 0
    assert level_rank(parse_body("UBND thành phố Hà Nội")) == level_rank(parse_body("UBND tỉnh Nghệ An")) == 1
    assert level_rank(parse_body("UBND thành phố Đà Lạt")) == level_rank(parse_body("UBND huyện Vạn Ninh")) == 2
    assert level_rank(parse_body("UBND xã Lương Minh")) == 3
