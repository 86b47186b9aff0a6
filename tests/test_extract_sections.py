"""Sections and standard parts: markers, wrapped headings, headings naming two parts, attachments
after the signature, and the recipients/signature region."""

from __future__ import annotations

import pytest

from checker.extract import extract_plan
from checker.extract.sections import classify_part
from checker.model.document import Block, Document
from checker.model.plan import Plan
from checker.read.txt import read_txt_bytes
from checker.text.markers import split_marker

HEAD = "KẾ HOẠCH\nCông tác năm 2026\n\nCăn cứ Quyết định số 368/QĐ-TTg ngày 28/2/2013 của Thủ tướng Chính phủ;\n"


def parse(text: str) -> Plan:
    return extract_plan(read_txt_bytes(text.encode("utf-8"), "plan.txt"))


@pytest.mark.parametrize(("text", "expected"), [
    ("II. NỘI DUNG", ("II.", 1, "NỘI DUNG")),
    ("a) Nội dung", ("a)", 4, "Nội dung")),
    ("b. Các biên bản hội nghị", ("b.", 4, "Các biên bản hội nghị")),  # corpus 018 letters with a dot
    ("----------------Thực hiện Chỉ thị số - CT/ĐU", None),  # a rule glued to the text (corpus 029)
    ("-----", None),
    ("- Tăng cường", ("-", 5, "Tăng cường")),
    ("V/v hướng dẫn Báo cáo", None),  # "về việc", not Roman V (corpus 009)
    ("v.v. và các nội dung khác", None),
])
def test_markers(text, expected):
    assert split_marker(text) == expected


@pytest.mark.parametrize(("title", "part"), [
    ("TỔ CHỨC THỰC HIỆN", "implementation"),
    ("PHÂN CÔNG NHIỆM VỤ", "implementation"),
    ("THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN", "implementation"),
    ("NHIỆM VỤ, GIẢI PHÁP, PHÂN CÔNG TRÁCH NHIỆM", "implementation"),
    ("THÀNH LẬP BAN TỔ CHỨC", "implementation"),  # corpus 030: the organising committee
    ("KINH PHÍ THỰC HIỆN", "funding"),
    ("MỤC ĐÍCH, YÊU CẦU", "purpose"),
    ("NỘI DUNG TRỌNG TÂM", "content"),
    ("KIẾN NGHỊ", "other"),
])
def test_classify_part(title, part):
    assert classify_part(title) == part


def test_heading_wrapped_in_a_copy_is_joined():
    # corpus 022-027: "III. TỔ CHỨC" / "THỰC HIỆN" (thuvienphapluat rendering)
    plan = parse(HEAD + "I. MỤC ĐÍCH,\nYÊU CẦU\n\nII. NỘI DUNG\nTuyên truyền.\n\nIII. TỔ CHỨC\nTHỰC HIỆN\n\n"
                 "1. Sở Y tế chủ trì tổ chức triển khai.\n")
    assert plan.parts.implementation == "III. TỔ CHỨC THỰC HIỆN"
    assert plan.tasks[0].units == ["Sở Y tế"]


def test_heading_naming_purpose_and_tasks_fills_both_parts():
    # corpus 002: "I. MỤC TIÊU, NHIỆM VỤ" holds the targets and the tasks of each field
    plan = parse(HEAD + "I. MỤC TIÊU, NHIỆM VỤ\n1. Cải cách thể chế\nII. TỔ CHỨC THỰC HIỆN\n"
                 "1. Sở Nội vụ chủ trì theo dõi.\n")
    assert plan.parts.purpose == plan.parts.content == "I. MỤC TIÊU, NHIỆM VỤ"
    assert plan.block_parts[[b.text for b in plan.blocks].index("1. Cải cách thể chế")] == "content"


def test_heading_naming_content_and_assignment_fills_both_parts():
    # corpus 011, 012: "II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN"
    plan = parse(HEAD + "I. MỤC ĐÍCH, YÊU CẦU\nII. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN\n"
                 "1. Ban Thường trực Ủy ban MTTQ xã chủ trì hội nghị hiệp thương.\n")
    assert plan.parts.content == plan.parts.implementation
    assert plan.tasks[0].units == ["Ban Thường trực Ủy ban MTTQ xã"]


CLOSING = ("Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh./.\nNơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT.\nKT. CHỦ TỊCH\n"
           "PHÓ CHỦ TỊCH\nNguyễn Văn An\n")


def test_attachments_after_the_signature_are_not_parts_of_the_plan():
    # corpus 003, 008: a reporting outline with Roman headings of its own follows the signature
    plan = parse(HEAD + "I. MỤC ĐÍCH, YÊU CẦU\nII. NỘI DUNG\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì kiểm tra.\n"
                 + CLOSING + "Phụ lục II\nĐỀ CƯƠNG BÁO CÁO\nI. CÔNG TÁC CHỈ ĐẠO\nII. NỘI DUNG CẢI CÁCH\n"
                 "III. TỔ CHỨC THỰC HIỆN\n1. Phòng Nội vụ báo cáo.\n")
    assert plan.parts.content == "II. NỘI DUNG"
    assert [t.units for t in plan.tasks] == [["Sở Nội vụ"]]
    appendix = [b.text for b in plan.blocks].index("Phụ lục II")
    assert set(plan.block_parts[appendix:]) == {"other"}
    assert plan.signer is not None and plan.signer.name == "Nguyễn Văn An"


def test_recipients_without_dashes_run_to_the_signature():
    # Word's automatic bullets leave no dash (corpus 017)
    plan = parse(HEAD + "I. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì.\nNơi nhận:\nBộ Nội vụ;\nThường trực Tỉnh ủy;\n"
                 "Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n")
    parts = dict(zip([b.text for b in plan.blocks], plan.block_parts, strict=True))
    assert [parts[t] for t in ("Bộ Nội vụ;", "Thường trực Tỉnh ủy;", "Lưu: VT.")] == ["recipients"] * 3
    assert parts["KT. CHỦ TỊCH"] == parts["Nguyễn Văn An"] == "signature"


def test_word_recipients_fill_their_column_of_the_table():
    # corpus 003.docx: "Nơi nhận:" in row 1, the list in row 2 of the same column, the signer beside it
    cells = [(1, 1, "Nơi nhận:"), (1, 2, "KT. CHỦ TỊCH"), (2, 1, "- Bộ Nội vụ;"), (2, 1, "- Lưu: VT."),
             (2, 2, "PHÓ CHỦ TỊCH"), (2, 2, "Nguyễn Ngọc Phúc")]
    blocks = [Block(index=0, text="KẾ HOẠCH", paragraph=1), Block(index=1, text="Công tác năm 2026", paragraph=2)]
    blocks += [Block(index=i + 2, text=t, kind="table_cell", table=2, row=r, cell=c)
               for i, (r, c, t) in enumerate(cells)]
    plan = extract_plan(Document(path="p.docx", format="docx", blocks=blocks))
    assert plan.recipients == ["Bộ Nội vụ", "Lưu: VT"]
    assert plan.block_parts[2:] == ["recipients", "signature", "recipients", "recipients", "signature", "signature"]
    assert plan.signer is not None
    assert (plan.signer.authority, plan.signer.title, plan.signer.name) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                                                                            "Nguyễn Ngọc Phúc")


def test_a_paragraph_about_recipients_is_not_the_recipients_heading():
    # corpus 010 (format guidance): "Nơi nhận văn bản xác định những cơ quan …"
    plan = parse(HEAD + "I. HƯỚNG DẪN CHUNG\nNơi nhận văn bản xác định những cơ quan, tổ chức nhận văn bản.\n"
                 "II. TỔ CHỨC THỰC HIỆN\n1. Giao Cục Lưu trữ hướng dẫn thực hiện.\n" + CLOSING)
    assert plan.recipients == ["Bộ Nội vụ", "Lưu: VT"]
    assert plan.tasks and plan.tasks[0].units == ["Cục Lưu trữ"]
