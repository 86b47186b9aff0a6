"""The basis clause: which paragraphs belong to it and the citations read from them."""

from __future__ import annotations

from checker.extract import extract_plan
from checker.extract.citations import find_citations
from checker.model.document import Block
from checker.model.plan import Plan
from checker.read.txt import read_txt_bytes

BODY = "I. MỤC ĐÍCH, YÊU CẦU\nNâng cao nhận thức.\n"


def parse(preamble: str) -> Plan:
    text = "KẾ HOẠCH\nCông tác năm 2026\n\n" + preamble + "\n" + BODY
    return extract_plan(read_txt_bytes(text.encode("utf-8"), "plan.txt"))


def symbols(plan: Plan) -> list[str | None]:
    return [c.symbol for c in plan.basis]


def test_list_of_can_cu_paragraphs():
    plan = parse("Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;\n"
                 "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ về phân cấp trong lĩnh vực thi đua, "
                 "khen thưởng; quy định chi tiết và hướng dẫn thi hành Luật Thi đua, khen thưởng;\n"
                 "Căn cứ Kế hoạch số 9669/KH-UBND ngày 24/12/2025 của UBND tỉnh Lâm Đồng;\n"
                 "UBND tỉnh ban hành Kế hoạch như sau:")
    # the law mentioned again inside the decree's description is no second citation (corpus 004)
    assert symbols(plan) == [None, "152/2025/NĐ-CP", "9669/KH-UBND"]
    assert plan.basis[0].text == "Luật Thi đua, khen thưởng ngày 15/6/2022"
    assert plan.basis[0].type == "L"


def test_list_continued_without_the_verb_after_a_semicolon():
    # corpus 022: "Thực hiện Chỉ thị số 27/CT-TTg …;" / "Công văn số 6676/BYT-CDS …"
    plan = parse("Thực hiện Chỉ thị số 27/CT-TTg ngày 15 tháng 8 năm 2024 của Thủ tướng Chính phủ;\n"
                 "Công văn số 6676/BYT-CDS ngày 29 tháng 10 năm 2024 của Bộ Y tế về việc triển khai thực hiện.\n"
                 "Sau 8 năm triển khai thực hiện Nghị quyết số 21-NQ/TW ngày 25 tháng 10 năm 2017, công tác dân số "
                 "đạt nhiều kết quả.")
    assert symbols(plan) == ["27/CT-TTg", "6676/BYT-CDS"]  # the background paragraph is not the basis
    assert (plan.basis[1].type, plan.basis[1].issuer) == ("CV", "Bộ Y tế")


def test_basis_verb_inside_a_paragraph_when_none_opens_one():
    plan = parse("Năm 2023, tình hình thế giới có nhiều biến động. Thực hiện Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 "
                 "của Ban Tuyên giáo Tỉnh ủy, Ban Thường vụ Huyện ủy hướng dẫn công tác như sau:")
    assert symbols(plan) == ["93-HD/BTGTU"]
    assert plan.issuer == "Ban Thường vụ Huyện ủy" and plan.issuer_source == "basis"


def test_programme_cited_by_name_after_the_verb():
    # corpus 007: a lower-case name right after "Thực hiện"; the name ends at "(gọi chung là …)"
    plan = parse("Thực hiện Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030 "
                 "(gọi chung là Chương trình), "
                 "Ủy ban nhân dân tỉnh xây dựng kế hoạch như sau:")
    assert [(c.symbol, c.type, c.text) for c in plan.basis] == [
        (None, "CTr", "Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030")]


def test_named_citation_ends_before_what_the_plan_does():
    plan = parse("Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng; Chỉ thị số 45-CT/TW "
                 "ngày 14 tháng 4 năm 2025 của Bộ Chính trị;\n"
                 "Căn cứ Luật Việc làm trên địa bàn Thành phố với các nội dung sau")
    assert [c.text for c in plan.basis] == [
        "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        "Chỉ thị số 45-CT/TW ngày 14 tháng 4 năm 2025 của Bộ Chính trị",
        "Luật Việc làm",
    ]


def test_law_named_before_its_number():
    # corpus 011, 018: "Luật Bầu cử … số 85/2015/QH13, ngày 25/6/2015"
    plan = parse("Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13, ngày 25/6/2015;")
    citation = plan.basis[0]
    assert (citation.symbol, citation.type, str(citation.date)) == ("85/2015/QH13", "L", "2015-06-25")
    assert citation.text.startswith("Luật Bầu cử đại biểu Quốc hội")


def test_draft_citation_with_its_number_left_blank():
    # corpus 029: "Thực hiện Chỉ thị số - CT/ĐU ngày /12/2025 của Ban Thường vụ Đảng ủy xã"
    plan = parse("----------------Thực hiện Chỉ thị số - CT/ĐU ngày /12/2025 của Ban Thường vụ Đảng ủy xã Phúc Thịnh "
                 "về việc tập trung thực hiện các nhiệm vụ;")
    found = [(c.symbol, c.symbol_parts, c.type, c.text) for c in plan.basis]
    assert found == [(None, None, "CT", "Chỉ thị số - CT/ĐU")]


def test_blank_numbers_outside_the_basis_are_the_documents_own():
    block = Block(index=0, text="(Kèm theo Kế hoạch số    /KH-UBND ngày   /01/2026 của UBND tỉnh)")
    assert list(find_citations(block)) == []


def test_issuer_loses_a_trailing_colon():
    # corpus 028: "Thực hiện các Kế hoạch của UBND thành phố Hà Nội: số 330/KH-UBND ngày 07/12/2025 …"
    plan = parse("Thực hiện các Kế hoạch của UBND thành phố Hà Nội: số 330/KH-UBND ngày 07/12/2025 về việc triển khai; "
                 "số 332/KH-UBND ngày 10/12/2025 về việc thực hiện.")
    assert symbols(plan) == ["330/KH-UBND", "332/KH-UBND"]
    assert plan.basis[0].issuer == "UBND thành phố Hà Nội"


def test_a_document_cited_in_the_subject_of_another_is_no_basis_of_its_own():
    plan = parse("Thực hiện Nghị quyết số 50/NQ-CP ngày 13/3/2025 của Chính phủ ban hành kế hoạch triển khai "
                       "Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội; Kết luận số 57-KL/TW ngày 15/6/2023 "
                       "của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 36-NQ/TW; Quyết định số 01/QĐ-UBND và "
                       "Quyết định số 02/QĐ-UBND của Ủy ban nhân dân tỉnh.")
    assert [c.symbol for c in plan.basis] == ["50/NQ-CP", "57-KL/TW", "01/QĐ-UBND", "02/QĐ-UBND"]


def test_the_document_s_own_symbol_is_no_basis():
    # a decision's attached plan opens "Thực hiện Quyết định số 254/QĐ-UBND …" — the decision itself
    text = ("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 254/QĐ-UBND\nSơn La, ngày 17 tháng 02 năm 2023\n\nQUYẾT ĐỊNH\n"
            "Ban hành Kế hoạch năm 2023\n\nCăn cứ Luật Bảo vệ bí mật nhà nước;\n"
            "Thực hiện Quyết định số 254/QĐ-UBND ngày 17/02/2023 và Chỉ thị số 14/CT-TTg ngày 10/5/2022;\n" + BODY)
    plan = extract_plan(read_txt_bytes(text.encode("utf-8"), "qd.txt"))
    assert symbols(plan) == [None, "14/CT-TTg"]


def test_an_amending_law_is_a_basis_of_its_own():
    plan = parse("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 được sửa đổi, bổ sung bởi Luật số "
                 "83/2025/QH15;")
    assert symbols(plan) == ["72/2025/QH15", "83/2025/QH15"]


def test_a_second_document_after_the_subject_of_the_first_is_listed():
    plan = parse("Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về học tập và Quyết định số "
                 "99/QĐ-UBND ngày 01/8/2023 của UBND tỉnh, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:")
    assert symbols(plan) == ["05-CT/TW", "99/QĐ-UBND"]
