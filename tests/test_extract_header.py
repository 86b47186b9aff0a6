"""The formal header: issuer, number-symbol, place and date, type title and subject.

Cases come from the corpus layouts: Word header tables (one block per cell paragraph), text copies
with the two header columns on one line (tab between them) or wrapped line by line, mottos split
over two lines, blank draft numbers, subjects that open with a basis verb.
"""

from __future__ import annotations

from checker.extract import extract_plan
from checker.extract.header import read_header
from checker.model.document import Block, Document
from checker.model.plan import Plan
from checker.read.txt import read_txt_bytes

BODY = "Căn cứ Quyết định số 368/QĐ-TTg ngày 28/2/2013 của Thủ tướng Chính phủ;\nI. MỤC ĐÍCH, YÊU CẦU\n"


def parse(text: str) -> Plan:
    return extract_plan(read_txt_bytes(text.encode("utf-8"), "plan.txt"))


def docx(*paragraphs: tuple[int, str]) -> Plan:
    """A Word document given as (paragraph number, text) pairs; equal numbers = one paragraph
    split at soft line breaks."""
    blocks = [Block(index=i, text=t, paragraph=p) for i, (p, t) in enumerate(paragraphs)]
    return extract_plan(Document(path="plan.docx", format="docx", blocks=blocks))


# --- issuer, number, place and date -------------------------------------------------------------

def test_state_header_in_two_columns_on_one_line():
    plan = parse("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN VẠN NINH\tĐộc lập - Tự do - Hạnh phúc\n"
                 "Số: 45/KH-UBND\tVạn Ninh, ngày 15 tháng 3 năm 2019\n\nKẾ HOẠCH\nHoạt động thông tin đối ngoại\n\n"
                 + BODY)
    assert plan.issuer == "ỦY BAN NHÂN DÂN HUYỆN VẠN NINH"
    assert plan.number_symbol == "45/KH-UBND"
    assert (plan.place, str(plan.date)) == ("Vạn Ninh", "2019-03-15")


def test_motto_wrapped_over_two_lines_is_not_part_of_the_issuer():
    # corpus 020-027: "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM"; 019: "ĐẢNG CỘNG SẢN" / "VIỆT NAM"
    state = parse("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\n-------\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n"
                  "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 182/KH-UBND\n"
                  "Đồng Nai, ngày 20\ntháng 11 năm 2025\n\n"
                  "KẾ HOẠCH\n\nTRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH\n\n" + BODY)
    assert state.issuer == "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI"
    assert (state.number_symbol, state.date_text) == ("182/KH-UBND", "ngày 20 tháng 11 năm 2025")
    party = parse("BAN CHẤP HÀNH\nTRUNG ƯƠNG\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n*\nĐẢNG CỘNG SẢN\nVIỆT NAM\n---------------\n"
                  "Số 37-HD/BTGDVTW\nHà Nội, ngày 19\ntháng 11 năm 2025\n\n"
                  "HƯỚNG DẪN\n\nVỀ\nVIỆC ĐỔI MỚI BẢN TIN\n\n" + BODY)
    assert party.issuer == "BAN CHẤP HÀNH TRUNG ƯƠNG BAN TUYÊN GIÁO VÀ DÂN VẬN"
    assert party.number_symbol == "37-HD/BTGDVTW"
    assert party.title == "VỀ VIỆC ĐỔI MỚI BẢN TIN"


def test_youth_union_motto_and_number_on_the_next_line():
    # corpus 029: "Số:" alone, "- KH/ĐTN" below it, and the Đoàn motto
    plan = parse("THÀNH ĐOÀN HÀ NỘI\nBCH ĐOÀN XÃ PHÚC THỊNH\n***\nSố:\n- KH/ĐTN\n\nĐOÀN TNCS HỒ CHÍ MINH\n"
                 "Phúc Thịnh, ngày 5 tháng 1 năm 2025\n\nKẾ HOẠCH\nTổ chức chương trình Xuân tình nguyện\n" + BODY)
    assert plan.issuer == "THÀNH ĐOÀN HÀ NỘI BCH ĐOÀN XÃ PHÚC THỊNH"
    assert plan.symbol_parts is not None and plan.symbol_parts.number is None and plan.symbol_parts.type_code == "KH"
    assert plan.place == "Phúc Thịnh"


def test_place_wrapped_before_the_date_in_a_hard_wrapped_copy():
    # corpus 026: "Thành phố Hồ Chí" / "Minh, ngày 18 …" (lines of ~80 columns, blank between paragraphs)
    filler = "\n\n".join(["Nội dung được trình bày thành các đoạn ngắn, mỗi dòng dài khoảng tám mươi ký tự"] * 8)
    plan = parse("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n-------\nSố: 172/KH-UBND\nThành phố Hồ Chí\n"
                 "Minh, ngày 18 tháng 11 năm 2025\n\nKẾ HOẠCH\n\nTRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM\n\n" + BODY + filler)
    assert plan.place == "Thành phố Hồ Chí Minh"
    assert plan.number_symbol == "172/KH-UBND"


def test_letter_header_is_read_without_a_type_title():
    # corpus 009: a công văn has "V/v …" instead of a title; it is a letter (CV), not a plan, and keeps its header
    plan = parse("UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 2775 /SNV-CCHC&VTLT\n"
                 "V/v hướng dẫn Báo cáo tự đánh\ngiá, chấm điểm\n\nLâm Đồng, ngày 10 tháng 11 năm 2025\n\nKính gửi:\n"
                 "- Các cơ quan chuyên môn thuộc UBND tỉnh;\n")
    assert plan.doc_type == "CV"
    assert (plan.number_symbol, plan.issuer, str(plan.date)) == ("2775/SNV-CCHC&VTLT", "UBND TỈNH LÂM ĐỒNG SỞ NỘI VỤ",
                                                                 "2025-11-10")
    assert not [s for s in plan.sections if s.level == 1]  # "V/v" is not a Roman heading "V/"


def test_no_formal_header_leaves_the_fields_empty():
    plan = parse("KẾ HOẠCH\nCông tác thông tin đối ngoại năm 2023\n\n" + BODY)
    assert (plan.issuer_source, plan.number_symbol, plan.date) == (None, None, None)
    assert plan.year == 2023


# --- the subject under the type title ------------------------------------------------------------

def test_subject_opening_with_a_basis_verb_is_the_title():
    # corpus 007, 011, 013: the subject itself says "Triển khai thực hiện …" / "Thực hiện công tác …"
    plan = parse("KẾ HOẠCH\nTriển khai thực hiện Chương trình mục tiêu quốc gia\nphòng, chống ma túy đến năm 2030\n\n"
                 "Thực hiện Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030, Ủy ban nhân dân tỉnh "
                 "xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n")
    assert plan.title == "Triển khai thực hiện Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030"
    assert plan.blocks[plan.block_parts.index("preamble")].text.startswith("Thực hiện Chương trình")


def test_capitals_subject_opening_with_a_basis_verb():
    plan = parse("KẾ HOẠCH\n\nTRIỂN KHAI THỰC HIỆN\nCHỈ THỊ SỐ 32/CT-TTG NGÀY 21/10/2025 CỦA THỦ TƯỚNG CHÍNH PHỦ\n\n"
                 "Thực hiện Chỉ thị số 32/CT-TTg ngày 21/10/2025 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch "
                 "như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n")
    assert plan.title == "TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 32/CT-TTG NGÀY 21/10/2025 CỦA THỦ TƯỚNG CHÍNH PHỦ"
    assert [c.symbol for c in plan.basis] == ["32/CT-TTg"]


def test_subject_lines_up_to_the_basis_clause_whatever_their_case():
    # corpus 008: "… gắn với tổng kết thực hiện" / "Chương trình phòng, chống ma túy giai đoạn 2021 - 2025"
    plan = parse("KẾ HOẠCH\nTổng kết thực hiện Chiến lược quốc gia\nđến năm 2030, gắn với tổng kết thực hiện\n"
                 "Chương trình phòng, chống ma túy giai đoạn 2021 - 2025\n"
                 "Thực hiện Quyết định số 1001/QĐ-TTg ngày 27/6/2011 của Thủ tướng Chính phủ, như sau:\n"
                 "I. MỤC ĐÍCH, YÊU CẦU\n")
    assert plan.title == ("Tổng kết thực hiện Chiến lược quốc gia đến năm 2030, gắn với tổng kết thực hiện "
                          "Chương trình phòng, chống ma túy giai đoạn 2021 - 2025")


def test_subject_wrapped_with_list_items_in_parentheses():
    # corpus 028: "… (1) Tình trạng úng ngập;" / "(2) Ùn tắc giao thông; …"
    plan = parse("KẾ HOẠCH\nGiải quyết 5 điểm nghẽn về (1) Tình trạng úng ngập;\n"
                 "(2) Ùn tắc giao thông; (3) Trật tự đô thị;\n"
                 "ô nhiễm không khí trên địa bàn xã\n" + BODY)
    assert plan.title == ("Giải quyết 5 điểm nghẽn về (1) Tình trạng úng ngập; (2) Ùn tắc giao thông; "
                          "(3) Trật tự đô thị; ô nhiễm không khí trên địa bàn xã")


def test_sentence_case_subject_does_not_swallow_the_first_paragraph():
    plan = parse("KẾ HOẠCH\nCông tác thông tin đối ngoại năm 2023\nBan Thường vụ Huyện ủy ban hành kế hoạch "
                 "để các cấp ủy thực hiện thống nhất trên địa bàn huyện trong năm 2023 như sau\nI. MỤC ĐÍCH\n")
    assert plan.title == "Công tác thông tin đối ngoại năm 2023"


def test_basis_right_after_the_type_is_not_a_subject():
    plan = parse("KẾ HOẠCH\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
                 "I. MỤC ĐÍCH, YÊU CẦU\n")
    assert plan.title is None
    assert plan.basis and plan.basis[0].text.startswith("Luật Tổ chức chính quyền địa phương")


def test_word_subject_split_at_soft_line_breaks_or_over_paragraphs():
    # corpus 017.docx: one paragraph split at Shift+Enter; 004.docx: two paragraphs, the second lower case
    plan = docx((2, "HƯỚNG DẪN"), (3, "Quy trình hiệp thương, giới thiệu người ứng cử đại biểu Quốc hội"),
                (4, "khóa XVI, đại biểu Hội đồng nhân dân các cấp"), (4, "Của Ủy ban Mặt trận Tổ quốc tỉnh Quảng Ninh"),
                (5, "Căn cứ Nghị quyết số 101/2025/UBTVQH15, ngày 26/9/2025 của Ủy ban Thường vụ Quốc hội;"),
                (6, "I. THÀNH PHẦN HỘI NGHỊ"))
    assert plan.title == ("Quy trình hiệp thương, giới thiệu người ứng cử đại biểu Quốc hội khóa XVI, "
                          "đại biểu Hội đồng "
                          "nhân dân các cấp Của Ủy ban Mặt trận Tổ quốc tỉnh Quảng Ninh")


def test_title_block_and_body_start():
    blocks = [Block(index=i, text=t) for i, t in enumerate(["Số: 12/KH-UBND", "KẾ HOẠCH", "Công tác năm 2023",
                                                             "-----", "Căn cứ Luật Báo chí;"])]
    header = read_header(blocks)
    assert (header.title_block, header.body_start) == (1, 4)


def test_web_headline_above_the_title_is_not_the_issuer():
    # A page saved from a portal keeps its headline and posting date above "KẾ HOẠCH".
    text = ("Kế hoạch hoạt động thông tin đối ngoại trên địa bàn huyện Vạn Ninh năm 2019\n"
            "Ngày cập nhật 20/03/2019\n\nKẾ HOẠCH\nHoạt động thông tin đối ngoại năm 2019\n\n"
            "Căn cứ Quyết định số 368/QĐ-TTg ngày 28/2/2013 của Thủ tướng Chính phủ.\n\n"
            "Để tổ chức tốt các hoạt động, Ủy ban nhân dân huyện Vạn Ninh ban hành Kế hoạch như sau:\n\n"
            "I. Mục đích yêu cầu:\n")
    plan = extract_plan(read_txt_bytes(text.encode("utf-8"), "page.txt"))
    assert (plan.issuer, plan.issuer_source) == ("Ủy ban nhân dân huyện Vạn Ninh", "basis")


# --- the type of a document without a type title (issue 14) -------------------------------------------------

LETTER = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố: 228/SNV-CCHC\nV/v triển khai công tác cải cách hành chính\n"
          "Lâm Đồng, ngày 10 tháng 11 năm 2025\nKính gửi: Các sở, ban, ngành\n"
          "Thực hiện Kế hoạch số 9669/KH-UBND ngày 24/12/2025 của UBND tỉnh, Sở Nội vụ đề nghị:\n"
          "1. Các sở, ban, ngành báo cáo kết quả trước ngày 30/11/2025.\n")


def test_a_letter_is_a_cong_van():
    plan = parse(LETTER)
    assert (plan.doc_type, plan.doc_type_name, plan.number_symbol) == ("CV", "Công văn", "228/SNV-CCHC")
    # the V/v line alone says it too (a draft without number)
    plan = parse(LETTER.replace("Số: 228/SNV-CCHC\n", ""))
    assert plan.doc_type == "CV"


def test_a_type_named_only_in_the_symbol_or_a_sentence_case_subject():
    party = ("ĐẢNG BỘ TỈNH KHÁNH HÒA\nBAN THƯỜNG VỤ\nSố 545-HD/BTV\nNha Trang, ngày 02 tháng 10 năm 2025\n"
             "Hướng dẫn một số nội dung về tổ chức đại hội\n"
             "Căn cứ Điều lệ Đảng, Ban Thường vụ hướng dẫn như sau:\n1. Các chi bộ tổ chức đại hội.\n")
    assert parse(party).doc_type == "HD"
    without_symbol = party.replace("Số 545-HD/BTV\n", "")
    assert parse(without_symbol).doc_type == "HD"


def test_a_web_copy_says_what_the_document_is():
    page = ("Trang chủ\nSố hiệu:\n171/CV-BCĐ\nLoại văn bản:\nCông văn\nNơi ban hành:\nBan Chỉ đạo\n"
            "Kính gửi: Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n"
            "1. Về tổ chức thực hiện chức năng, nhiệm vụ của chính quyền địa phương.\n")
    assert parse(page).doc_type == "CV"


def test_a_news_article_quoting_a_plan_is_not_that_plan():
    article = ("Tin tức - Sự kiện\nKế hoạch triển khai công tác thông tin đối ngoại năm 2025 được ban hành\n"
               "Ngày 15/3, Ban Tuyên giáo Tỉnh ủy đã ban hành Kế hoạch số 12-KH/BTGTU về công tác thông tin "
               "đối ngoại. Theo đó, các cấp ủy cần tập trung tuyên truyền.\n")
    assert parse(article).doc_type is None


def test_cong_dien_and_nghi_quyet_titles():
    assert parse("CÔNG ĐIỆN\nVề việc ứng phó mưa lũ\nThủ tướng Chính phủ điện:\n").doc_type == "CĐ"
    assert parse("NGHỊ QUYẾT\nVề nhiệm vụ năm 2026\nCăn cứ Luật Tổ chức chính quyền địa phương;\n").doc_type == "NQ"


def test_a_wrapped_subject_line_of_a_letter_names_no_type():
    plan = parse("SỞ NỘI VỤ\nSố: 229/SNV-TCBC\nV/v triển khai\nKế hoạch tuyển dụng công chức năm 2024\n"
                 "Lâm Đồng, ngày 10 tháng 3 năm 2024\nKính gửi: Các sở, ban, ngành.\n")
    assert plan.doc_type == "CV"
