"""Recognising responsible units: head words, where a name ends, and words that only look like units."""

from __future__ import annotations

import pytest

from checker.extract.units import (
    coordinating_units,
    is_vague,
    lead_units_in,
    leading_units,
    split_units,
    starts_with_unit,
)


@pytest.mark.parametrize("text", [
    "Hội nghị hiệp thương lần thứ nhất",  # corpus 012: a meeting, not the "Hội" of an association
    "Ban hành Kế hoạch tiếp công dân",  # corpus 011: the verb "issue"
    "Tổ chức các hội nghị hiệp thương",  # corpus 011: the verb "organise"
    "Tổ chức hội nghị cử tri",
    "Báo cáo kết quả hội nghị",
    "Trường hợp không thỏa thuận được",
    "Đội ngũ cán bộ làm công tác tuyên truyền",
    "Phòng, chống ma túy trong trường học",
    "Cơ sở vật chất phục vụ bầu cử",
])
def test_words_that_only_look_like_units(text):
    assert not starts_with_unit(text)
    assert leading_units(text) == ([], 0)


@pytest.mark.parametrize("text", [
    "Hội Nông dân tỉnh", "Các tổ chức thành viên", "Tổ chức chính trị - xã hội", "Tổ công tác liên ngành",
    "Các tỉnh ủy, thành ủy", "Các thành viên khác trong tiểu ban", "Quốc hội", "UB MTTQ xã", "Trưởng thôn",
    "Các cơ sở Đoàn – Hội – Đội trực thuộc", "Đội Thanh niên xung kích", "cấp có thẩm quyền",
])
def test_unit_heads(text):
    assert starts_with_unit(text)


@pytest.mark.parametrize(("text", "units"), [
    # a one-syllable verb glued to a capitalised syllable is the end of a word ("Đào tạo")
    ("Sở Giáo dục và Đào tạo - Đẩy mạnh công tác tuyên truyền", ["Sở Giáo dục và Đào tạo"]),
    # a capitalised verb after a dash starts the duty
    ("Công an tỉnh - Chủ trì, phối hợp với các đơn vị", ["Công an tỉnh"]),
    ("Phòng Văn hoá - Xã hội; Trung tâm Văn hoá, Thông tin và Thể thao: - Phối hợp",
     ["Phòng Văn hoá - Xã hội", "Trung tâm Văn hoá, Thông tin và Thể thao"]),
    # "phụ trách …" describes a person; the topics after it are no duties
    ("Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội",
     ["Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội"]),
    ("Phó chủ tịch phụ trách lĩnh vực Công tác Xã hội - Chủ trì xây dựng kế hoạch",
     ["Phó chủ tịch phụ trách lĩnh vực Công tác Xã hội"]),
    # bodies named after their work
    ("Đoàn kiểm tra trong quá trình kiểm tra nếu có vấn đề phát sinh", ["Đoàn kiểm tra"]),
    ("Tiểu ban hậu cần", ["Tiểu ban hậu cần"]),
    # after "các" a verb-like word is a noun
    ("Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh và các tổ chức chính trị - xã hội phối hợp tuyên truyền",
     ["Ủy ban Mặt trận Tổ quốc tỉnh", "các tổ chức chính trị - xã hội"]),
    ("Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương cụ thể hóa hướng dẫn này",
     ["Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương"]),
    ("Giao Phòng Văn hóa và Thông tin chủ trì, phối hợp với Đài Truyền thanh", ["Phòng Văn hóa và Thông tin"]),
    ("Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban: Phụ trách chung",
     ["Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban"]),
    ("Đối với các Thôn, Xóm, Tổ dân phố:", ["các Thôn", "Xóm", "Tổ dân phố"]),
])
def test_leading_units(text, units):
    assert leading_units(text)[0] == units


def test_a_case_after_doi_voi_is_no_unit():
    # corpus 012: "Đối với thôn có dưới 100 cử tri: Phải tổ chức hội nghị toàn thể"
    assert leading_units("Đối với thôn có dưới 100 cử tri: Phải tổ chức hội nghị toàn thể cử tri") == ([], 0)


def test_lead_and_coordinating_units_inside_a_text():
    text = "Tham mưu UBND tỉnh; giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Công an tỉnh thực hiện."
    assert lead_units_in(text) == ["Sở Nội vụ"]
    assert coordinating_units(text) == ["Sở Tài chính", "Công an tỉnh"]


def test_lead_unit_with_a_capital_outside_the_old_letter_class():
    # "Ủ" (and Ở, Ấ, Ứ …) were missing from the hand-typed capital class; checker.text.letters has them all
    assert lead_units_in("Trong quá trình thực hiện, Ủy ban nhân dân các xã chủ trì tổ chức.") == [
        "Ủy ban nhân dân các xã"]


@pytest.mark.parametrize(("names", "units"), [
    # one office serving several bodies (samples Vạn Ninh III.1, corpus 021)
    ("Văn phòng HĐND và UBND huyện", ["Văn phòng HĐND và UBND huyện"]),
    ("Văn phòng HĐND, UBND xã", ["Văn phòng HĐND, UBND xã"]),
    ("Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh", ["Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"]),
    ("Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
     ["Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
    # the office's name is complete once a body carries its level, or when another office follows
    ("Văn phòng UBND tỉnh, UBND các huyện", ["Văn phòng UBND tỉnh", "UBND các huyện"]),
    ("Văn phòng Huyện ủy và UBND huyện", ["Văn phòng Huyện ủy", "UBND huyện"]),
    ("Văn phòng Tỉnh uỷ và Văn phòng Uỷ ban nhân dân tỉnh", ["Văn phòng Tỉnh uỷ", "Văn phòng Uỷ ban nhân dân tỉnh"]),
    ("Văn phòng Tỉnh ủy và các Ban xây dựng Đảng", ["Văn phòng Tỉnh ủy", "các Ban xây dựng Đảng"]),
    # two units, each with "và" inside its name (seed 002, Sóc Trăng)
    ("Báo Sóc Trăng, Đài Phát thanh và Truyền hình Sóc Trăng",
     ["Báo Sóc Trăng", "Đài Phát thanh và Truyền hình Sóc Trăng"]),
])
def test_split_units(names, units):
    assert split_units(names) == units


def test_office_of_several_bodies_leads_a_task():
    assert leading_units("Văn phòng HĐND và UBND huyện: Phối hợp với các ban ngành liên quan")[0] == [
        "Văn phòng HĐND và UBND huyện"]
    assert leading_units("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh triệu tập và chủ trì hội nghị")[
        0] == ["Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"]


@pytest.mark.parametrize(("unit", "vague"), [
    ("các cơ quan, đơn vị liên quan", True), ("các địa phương", True), ("Sở Nội vụ", False),
    # a catch-all picked out by a defining clause is a definite set
    ("Các cơ quan, đơn vị được kiểm tra", False), ("các đơn vị nêu trên", False),
])
def test_vague(unit, vague):
    assert is_vague(unit) is vague


# --- issue 15: a catch-all group restricted by a defining clause names a definite set -----------------------

@pytest.mark.parametrize(("text", "unit"), [
    ("Các cơ quan, đơn vị, địa phương được kiểm tra chuẩn bị báo cáo.",
     "Các cơ quan, đơn vị, địa phương được kiểm tra"),
    ("Các đơn vị được giao tại Phụ lục II chủ trì thực hiện.", "Các đơn vị được giao tại Phụ lục II"),
    ("Giao các cơ quan, đơn vị có tên tại Phụ lục kèm theo chủ động triển khai.",
     "các cơ quan, đơn vị có tên tại Phụ lục kèm theo"),
    ("Các đơn vị nêu tại mục 2 Phần II có trách nhiệm báo cáo.", "Các đơn vị nêu tại mục 2 Phần II"),
    ("Các địa phương theo danh sách kèm theo tổ chức tuyên truyền.", "Các địa phương theo danh sách kèm theo"),
    ("Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách nhiệm báo cáo.",
     "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này"),
    # the duties a selection names, as a list of verbs, before the pointer to where the set is listed
    ("Cơ quan, đơn vị được giao nhiệm vụ theo dõi, đôn đốc tại Phụ lục I thường xuyên kiểm tra.",
     "Cơ quan, đơn vị được giao nhiệm vụ theo dõi, đôn đốc tại Phụ lục I"),
    ("Các đơn vị liên quan nêu trên phối hợp thực hiện.", "Các đơn vị liên quan nêu trên"),
])
def test_a_defining_clause_makes_a_catch_all_a_definite_set(text, unit):
    assert leading_units(text)[0] == [unit]
    assert not is_vague(unit)


@pytest.mark.parametrize(("text", "unit"), [
    ("Các cơ quan, đơn vị căn cứ Kế hoạch này xây dựng kế hoạch.", "Các cơ quan, đơn vị"),  # no clause: a duty
    ("Các địa phương trong tỉnh tổ chức tuyên truyền.", "Các địa phương"),  # a place, not where a set is listed
    ("Các cơ quan, đơn vị được giao tổ chức tuyên truyền.", "Các cơ quan, đơn vị được giao"),  # definite
    ("Sở Y tế được giao tại Phụ lục chủ trì.", "Sở Y tế"),  # a named body keeps its name
])
def test_what_is_no_defining_clause(text, unit):
    assert leading_units(text)[0] == [unit]


# --- issue 14: names with commas, dashes, brackets; what is no unit ----------------------------------------

@pytest.mark.parametrize(("text", "units"), [
    ("Các cơ quan tham mưu, giúp việc Đảng uỷ chủ động triển khai.", ["Các cơ quan tham mưu, giúp việc Đảng uỷ"]),
    ("Sở Văn hóa, Thể thao và Du lịch chủ trì tuyên truyền.", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Ủy ban MTTQ Việt Nam và các tổ chức chính trị - xã hội tuyên truyền.",
     ["Ủy ban MTTQ Việt Nam", "các tổ chức chính trị - xã hội"]),
    ("Công đoàn cơ sở -Chủ động tuyên truyền đến đoàn viên.", ["Công đoàn cơ sở"]),  # a dash glued to the duty
    ("Các cơ quan, đơn vị có liên quan tới việc triển khai phối hợp thực hiện.", ["Các cơ quan, đơn vị có liên quan"]),
    ("Sở Nội vụ (cơ quan thường trực Ban Vì sự tiến bộ phụ nữ) chủ trì tổ chức.", ["Sở Nội vụ"]),
    # "tổ chức" is a noun of the list; "được phân bổ" picks the set out (issue 15) and stays in its name
    ("Đề nghị các cơ quan, tổ chức, đơn vị được phân bổ giới thiệu người ứng cử.",
     ["các cơ quan, tổ chức, đơn vị được phân bổ"]),
    ("Các địa phương, nhất là các xã ven biển, tăng cường tuyên truyền.", ["Các địa phương"]),
    ("Hội đồng nhân dân tỉnh, thành phần dự hội nghị gồm: Thường trực Hội đồng nhân dân.", ["Hội đồng nhân dân tỉnh"]),
    ("Cơ sở đào tạo đại học tham gia đào tạo nguồn nhân lực số.", ["Cơ sở đào tạo đại học"]),
    ("Các cơ quan, tổ chức có liên quan phối hợp thực hiện.", ["Các cơ quan, tổ chức có liên quan"]),
])
def test_names_with_commas_dashes_and_brackets(text, units):
    assert leading_units(text)[0] == units


@pytest.mark.parametrize("text", [
    "Chính phủ quy định chi tiết Điều này.",  # a quoted article of law
    "Cơ quan chủ trì, thành phần, số lượng cử tri tham dự hội nghị.",  # what a meeting has
    "Tổ chức, quản lý chặt chẽ công tác hoàn trả mặt đường.",  # a verb
    "Chủ tịch Hồ Chí Minh vĩ đại sống mãi!",  # a slogan
])
def test_texts_that_name_no_unit(text):
    assert leading_units(text)[0] == []


def test_a_verb_phrase_is_not_swallowed_into_the_name():
    assert leading_units("Các Sở, ngành, đơn vị liên quan kiện toàn và bổ sung thành viên.")[0] == [
        "Các Sở, ngành, đơn vị liên quan"]


@pytest.mark.parametrize(("text", "units"), [
    # a copy joined the unit's heading to its first duty, written with a capital
    ("Ban xây dựng Đảng Chủ trì, phối hợp với Văn phòng Đảng ủy.", ["Ban xây dựng Đảng"]),
    ("Sở Xây dựng Chủ trì, phối hợp với các sở.", ["Sở Xây dựng"]),  # "Xây dựng" in the name stays
    # a semicolon always separates two names; a name never ends on a conjunction
    ("Ban Chỉ đạo các quân khu; các tỉnh: tổ chức tìm kiếm.", ["Ban Chỉ đạo các quân khu", "các tỉnh"]),
    # the verb before the colon leads another body: the name ends before it
    ("Đảng ủy Ủy ban nhân dân xã chỉ đạo Ủy ban nhân dân xã: xây dựng kế hoạch.", ["Đảng ủy Ủy ban nhân dân xã"]),
])
def test_where_a_name_ends(text, units):
    assert leading_units(text)[0] == units


def test_who_gave_an_order_is_not_who_acts():
    assert leading_units("Thủ tướng Chính phủ tại Công điện số 225/CĐ-TTg ngày 20/11/2025: khẩn trương.")[0] == []


@pytest.mark.parametrize(("text", "units"), [
    ("Ban Tổ chức - Kiểm tra Tỉnh đoàn: hướng dẫn đại hội chi đoàn.", ["Ban Tổ chức - Kiểm tra Tỉnh đoàn"]),
    ("Tổ bầu cử số 3 niêm yết danh sách cử tri.", ["Tổ bầu cử số 3"]),
    ("Trung tâm Dịch vụ tổng hợp xã chuẩn bị hội trường.", ["Trung tâm Dịch vụ tổng hợp xã"]),
    ("Phòng Kế hoạch tổng hợp theo dõi tiến độ.", ["Phòng Kế hoạch tổng hợp"]),
    ("Các công đoàn cấp trên trực tiếp cơ sở tuyên truyền đến đoàn viên.", ["Các công đoàn cấp trên trực tiếp cơ sở"]),
    ("Báo và Phát thanh, Truyền hình Hà Tĩnh tăng thời lượng phát sóng.", ["Báo và Phát thanh, Truyền hình Hà Tĩnh"]),
    ("Phòng Tài chính - Kế hoạch cân đối, bố trí kinh phí.", ["Phòng Tài chính - Kế hoạch"]),
    ("Khoa Truyền nhiễm chủ trì tập huấn phòng dịch.", ["Khoa Truyền nhiễm"]),
    ("Phó Hiệu trưởng phụ trách chuyên môn: chỉ đạo xây dựng nội dung ôn tập.",
     ["Phó Hiệu trưởng phụ trách chuyên môn"]),
])
def test_names_that_hold_words_that_are_also_verbs(text, units):
    assert leading_units(text)[0] == units


def test_khoa_hoc_is_no_unit():
    assert leading_units("Khoa học và công nghệ là động lực phát triển.")[0] == []


def test_bodies_after_a_person_with_a_portfolio_are_units_of_their_own():
    assert leading_units("Cán bộ phụ trách tư pháp xã, Công an xã, Ban Chỉ huy Quân sự xã phối hợp thực hiện.")[0] == [
        "Cán bộ phụ trách tư pháp xã", "Công an xã", "Ban Chỉ huy Quân sự xã"]


@pytest.mark.parametrize(("text", "units"), [
    ("Công chức Văn hóa - Xã hội xã: tham mưu UBND xã tổ chức tuyên truyền.", ["Công chức Văn hóa - Xã hội xã"]),
    ("Kế toán Ủy ban MTTQ Việt Nam xã: bảo đảm kinh phí.", ["Kế toán Ủy ban MTTQ Việt Nam xã"]),
    ("Đảng đoàn Hội đồng nhân dân tỉnh chỉ đạo cụ thể hóa nghị quyết.", ["Đảng đoàn Hội đồng nhân dân tỉnh"]),
    ("Câu lạc bộ Hướng dẫn viên du lịch: cử hướng dẫn viên tham gia.", ["Câu lạc bộ Hướng dẫn viên du lịch"]),
])
def test_posts_and_party_groups(text, units):
    assert leading_units(text)[0] == units
