"""Tasks and their units: items of the implementation part, labelled items anywhere, units named
after an opening clause, grouping headings, prose paragraphs, and what is not a task."""

from __future__ import annotations

from checker.extract import extract_plan
from checker.model.plan import Plan
from checker.read.txt import read_txt_bytes

HEAD = ("KẾ HOẠCH\nCông tác năm 2026\n\nCăn cứ Quyết định số 368/QĐ-TTg ngày 28/2/2013 của Thủ tướng Chính phủ;\n"
        "I. MỤC ĐÍCH, YÊU CẦU\nNâng cao nhận thức.\n")
END = "Trên đây là Kế hoạch./.\nNơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n"


def parse(body: str) -> Plan:
    return extract_plan(read_txt_bytes((HEAD + body + END).encode("utf-8"), "plan.txt"))


def test_units_after_an_opening_clause():
    # corpus 004, 018, 021: "Căn cứ …, <unit> <verb> …"
    plan = parse("III. TỔ CHỨC THỰC HIỆN\n1. Căn cứ nội dung Kế hoạch này và điều kiện thực tế, các sở, ban, ngành, "
                 "UBND các xã, phường xây dựng Kế hoạch của đơn vị mình.\n"
                 "2. Kết thúc cuộc bầu cử, Ban Thường trực Ủy ban MTTQ Việt Nam phường chịu trách nhiệm tổng hợp.\n")
    assert [t.units for t in plan.tasks] == [["các sở, ban, ngành", "UBND các xã, phường"],
                                             ["Ban Thường trực Ủy ban MTTQ Việt Nam phường"]]


def test_labelled_items_give_lead_and_coordinating_units_and_time():
    # corpus 011: each item of "II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM" ends with labelled lines
    plan = parse("II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN\n"
                 "1. Xây dựng, ban hành các văn bản chỉ đạo\n"
                 "1.1. Xây dựng và ban hành Hướng dẫn của Ban Thường trực\n"
                 "- Bảo đảm thống nhất với hướng dẫn của cấp trên.\n"
                 "- Thời gian hoàn thành: Tháng 11/2025.\n"
                 "- Đơn vị chủ trì: Đồng chí Phó chủ tịch Thường trực, phụ trách lĩnh vực Giám sát và "
                 "Phản biện xã hội\n"
                 "- Đơn vị phối hợp: Các đ/c Phó chủ tịch, Trưởng đoàn thể xã.\n"
                 "1.2. Xây dựng kế hoạch tuyên truyền\n"
                 "- Đơn vị chủ trì: Ban Thường trực Ủy ban MTTQ xã.\n")
    assert [t.units for t in plan.tasks] == [
        ["Đồng chí Phó chủ tịch Thường trực, phụ trách lĩnh vực Giám sát và Phản biện xã hội"],
        ["Ban Thường trực Ủy ban MTTQ xã"],
    ]
    first = plan.tasks[0]
    assert first.timeframe == "Tháng 11/2025"
    assert "Trưởng đoàn thể xã" in first.coordinating
    assert first.location.section == ["II.", "1.", "1.1."]


def test_labels_under_lettered_lines_and_in_the_content_part():
    # corpus 027: "II. NHIỆM VỤ" / "1.1. …" / "a) Nhiệm vụ: …" / "b) Cơ quan thực hiện:" / "- Đơn vị chủ trì: …"
    plan = parse("II. NHIỆM VỤ\n1. Về dữ liệu\n1.1. Xây dựng Chiến lược dữ liệu của thành phố:\n"
                 "a) Nhiệm vụ: Tham mưu UBND Thành phố rà soát Chiến lược.\nb) Cơ quan thực hiện:\n"
                 "- Đơn vị chủ trì: Sở Khoa học và Công nghệ.\n- Đơn vị phối hợp: Các Sở, ban, ngành.\n"
                 "c) Thời gian thực hiện: Hoàn thành trong năm 2025.\n"
                 "1.2. Tuyên truyền về dữ liệu số trên các phương tiện thông tin.\n"
                 "III. TỔ CHỨC THỰC HIỆN\n1. Sở Khoa học và Công nghệ theo dõi, đôn đốc.\n")
    assert [t.units for t in plan.tasks] == [["Sở Khoa học và Công nghệ"], ["Sở Khoa học và Công nghệ"]]
    assert plan.tasks[0].coordinating == ["Các Sở, ban, ngành"]
    assert plan.tasks[0].timeframe == "Hoàn thành trong năm 2025"


def test_content_items_are_tasks_only_when_they_name_a_unit():
    # a duty given in the content part ("Sở Văn hóa tuyên truyền …") is an assignment; a content item that
    # names nobody ("Quảng bá hình ảnh …") is content, not a task missing its unit
    plan = parse("II. NỘI DUNG\n1. Sở Văn hóa tuyên truyền về thành tựu.\n2. Quảng bá hình ảnh địa phương.\n"
                 "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì.\n")
    assert [t.units for t in plan.tasks] == [["Sở Văn hóa"], ["Sở Nội vụ"]]


def test_item_without_unit_over_unlabelled_bullets_is_one_task():
    # bullets that name no unit are the duties of their item, not tasks of their own
    plan = parse("III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì theo dõi.\n2. Theo dõi, tổng hợp tình hình\n"
                 "- Nắm bắt dư luận xã hội.\n- Tổng hợp số liệu.\n")
    assert [t.units for t in plan.tasks] == [["Sở Nội vụ"], []]
    assert plan.tasks[1].text.startswith("2. Theo dõi, tổng hợp tình hình - Nắm bắt dư luận")


def test_grouping_heading_whose_sub_items_name_units():
    plan = parse("III. TỔ CHỨC THỰC HIỆN\n1. Phân công cụ thể\n1.1. Sở Tài chính bố trí kinh phí.\n"
                 "1.2. Sở Y tế chủ trì công tác điều trị.\n")
    assert [t.units for t in plan.tasks] == [["Sở Tài chính"], ["Sở Y tế"]]


def test_paragraphs_under_a_heading_are_tasks():
    # corpus 002, 005: "1. Công tác triển khai" followed by plain paragraphs
    plan = parse("II. TỔ CHỨC THỰC HIỆN\n1. Công tác triển khai\n"
                 "Các sở, ban, ngành và Ủy ban nhân dân các xã, phường căn cứ các nhiệm vụ được giao "
                 "xây dựng kế hoạch.\n"
                 "Sở Nội vụ có trách nhiệm giúp Ủy ban nhân dân tỉnh theo dõi, kiểm tra.\n"
                 "2. Kinh phí thực hiện\nKinh phí được bố trí từ ngân sách nhà nước.\n")
    assert [t.units for t in plan.tasks] == [["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"], ["Sở Nội vụ"]]


def test_items_that_are_not_tasks():
    # corpus 007 "Thời gian thực hiện Kế hoạch: …", corpus 010 "Hướng dẫn này có hiệu lực từ ngày ký", funding
    plan = parse("III. TỔ CHỨC THỰC HIỆN\n1. Thời gian thực hiện Kế hoạch: Từ khi ban hành đến hết năm 2030.\n"
                 "2. Kế hoạch này có hiệu lực từ ngày ký.\n3. Kinh phí thực hiện từ ngân sách.\n"
                 "4. Giao Công an tỉnh là cơ quan thường trực.\n")
    assert [t.units for t in plan.tasks] == [["Công an tỉnh"]]


def test_event_plan_committees_are_the_responsible_units():
    # corpus 030: "III. THÀNH LẬP BAN TỔ CHỨC" with the committee and its sub-committees
    plan = parse("III. THÀNH LẬP BAN TỔ CHỨC\n1. Ban tổ chức\n- Ông: Trương Đình Nam\n- Trưởng ban\n"
                 "2. Tiểu ban hậu cần\n- Bà: Nguyễn Như Quỳnh\n")
    assert plan.parts.implementation == "III. THÀNH LẬP BAN TỔ CHỨC"
    assert [t.units for t in plan.tasks] == [["Ban tổ chức"], ["Tiểu ban hậu cần"]]


def test_coordinating_units_are_listed_once():
    plan = parse("III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n- Phối hợp Công an tỉnh tham mưu.\n"
                 "- Phối hợp Công an tỉnh kiểm tra.\n")
    assert plan.tasks[0].coordinating == ["Công an tỉnh"]


def test_unit_broken_off_its_marker_in_a_hard_wrapped_copy():
    # corpus 020: "2.4. Bộ" / "Chỉ huy Quân sự tỉnh" in a copy wrapped at 80 columns, paragraphs
    # separated by blank lines; the two sentence-case lines are one paragraph.
    wrapped = ("a) Chủ trì, phối hợp với các đơn vị, địa phương có liên quan tại khu vực biên giới,\n"
               "cửa khẩu đẩy mạnh các hoạt động tuyên truyền, vận động Nhân dân chấp hành nghiêm\n"
               "pháp luật về phòng, chống ma túy, không tham gia vận chuyển trái phép chất ma túy.\n")
    body = ("III. TỔ CHỨC THỰC HIỆN\n\n2.4. Bộ\nChỉ huy Quân sự tỉnh\n\n" + wrapped + "\n2.5. Sở\nY tế\n\n" + wrapped
            + "\n" + wrapped)
    plan = parse(body)
    assert [t.units for t in plan.tasks] == [["Bộ Chỉ huy Quân sự tỉnh"], ["Sở Y tế"]]


def test_labels_at_the_end_of_a_group_serve_its_unlabelled_items():
    # corpus 011: "3. …" / "3.1 …" / "3.2 …" / "3.3 …" / "- Đơn vị chủ trì: …" labels the whole group
    plan = parse("II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN\n"
                 "1. Tổ chức theo dõi, giám sát công tác bầu cử\n"
                 "1.1. Tham gia các đoàn kiểm tra, giám sát công tác bầu cử khi có yêu cầu.\n"
                 "1.2. Tổng hợp các khó khăn, vướng mắc trong quá trình triển khai.\n"
                 "1.3. Theo dõi, đôn đốc công tác bầu cử.\n"
                 "- Thời gian thực hiện: Từ tháng 12/2025 đến quý I/2026.\n"
                 "- Đơn vị chủ trì: Ban Thường trực Ủy ban MTTQ Việt Nam xã\n")
    assert [t.units for t in plan.tasks] == [["Ban Thường trực Ủy ban MTTQ Việt Nam xã"]] * 3
    assert plan.tasks[0].text.startswith("1.1. Tham gia")


def test_rules_in_a_mixed_section_are_not_tasks_without_units():
    # corpus 012: "4. Quy định về thành phần …" in a section that also holds content is a rule, not a task
    plan = parse("II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN\n"
                 "1. Hội nghị hiệp thương lần thứ nhất\n"
                 "- Thời gian: Dự kiến ngày 05/12/2025.\n"
                 "- Đơn vị chủ trì: Ban Thường trực Ủy ban MTTQ xã.\n"
                 "2. Quy định về hình thức biểu quyết\n"
                 "- Hình thức biểu quyết: Hội nghị quyết định biểu quyết bằng hình thức giơ tay.\n"
                 "- Tổ kiểm phiếu thực hiện kiểm đếm và công bố kết quả.\n")
    assert [t.units for t in plan.tasks if not t.units] == []
    assert ["Ban Thường trực Ủy ban MTTQ xã"] in [t.units for t in plan.tasks]


def test_labelled_item_without_a_lead_label_is_a_task_without_unit():
    plan = parse("II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN\n"
                 "1. Hội nghị hiệp thương lần thứ nhất\n"
                 "- Thời gian: Dự kiến ngày 05/12/2025.\n"
                 "- Đơn vị chủ trì: Ban Thường trực Ủy ban MTTQ xã.\n"
                 "2. Tổng hợp danh sách người ứng cử\n"
                 "- Thời gian hoàn thành: Tháng 01/2026.\n")
    assert [(t.units, t.text[:33]) for t in plan.tasks] == [
        (["Ban Thường trực Ủy ban MTTQ xã"], "1. Hội nghị hiệp thương lần thứ n"),
        ([], "2. Tổng hợp danh sách người ứng c"),
    ]


def test_item_without_unit_in_a_plain_implementation_section_is_a_task_without_unit():
    plan = parse("III. TỔ CHỨC THỰC HIỆN\n1. Phòng Văn hóa và Thông tin chủ trì triển khai Kế hoạch.\n"
                 "2. Theo dõi, tổng hợp diễn biến thông tin đối ngoại.\n")
    assert [t.units for t in plan.tasks] == [["Phòng Văn hóa và Thông tin"], []]


# --- issue 14: assignments read by their grammar, wherever they stand --------------------------------------

def parse_body(body: str) -> Plan:
    """A plan whose parts are numbered as the body numbers them (no Roman part above)."""
    head = "KẾ HOẠCH\nCông tác năm 2026\n\nCăn cứ Quyết định số 368/QĐ-TTg ngày 28/2/2013 của Thủ tướng Chính phủ;\n"
    return extract_plan(read_txt_bytes((head + body + END).encode("utf-8"), "plan.txt"))


def test_parts_numbered_in_arabic_with_implementation_as_item_three_and_a_split_heading():
    plan = parse_body("1. MỤC ĐÍCH, YÊU CẦU\nNâng cao nhận thức.\n2. NỘI DUNG\n- Tuyên truyền về bầu cử.\n"
                      "3. TỔ CHỨC\nTHỰC HIỆN\n"
                 "3.1. Phòng Văn hóa - Xã hội chủ trì, phối hợp với các đơn vị tổ chức tuyên truyền.\n"
                 "3.2. Công an xã đảm bảo an ninh trật tự.\n")
    assert plan.parts.implementation == "3. TỔ CHỨC THỰC HIỆN"
    assert [t.units for t in plan.tasks] == [["Phòng Văn hóa - Xã hội"], ["Công an xã"]]


def test_assignment_lines_without_dash_under_items_without_dash():
    plan = parse("II. NHIỆM VỤ\n1. Tuyên truyền về chuyển đổi số\nCơ quan chủ trì: Sở Khoa học và Công nghệ\n"
                 "Cơ quan phối hợp: Các sở, ngành\nThời gian thực hiện: Năm 2026\n"
                 "2. Xây dựng cơ sở dữ liệu\n- Cơ quan chủ trì, thực hiện: Sở Nội vụ.\n"
                 "3. Hỗ trợ doanh nghiệp\nĐơn vị chủ trì: Sở Tài chính.\n"
                 "4. Cập nhật bản đồ số\nCơ quan thực hiện: Trung tâm Chuyển đổi số tỉnh.\n")
    assert [t.units for t in plan.tasks] == [["Sở Khoa học và Công nghệ"], ["Sở Nội vụ"], ["Sở Tài chính"],
                                             ["Trung tâm Chuyển đổi số tỉnh"]]
    assert plan.tasks[0].coordinating == ["Các sở, ngành"]
    assert plan.tasks[0].timeframe == "Năm 2026"


def test_a_bare_lead_label_heads_the_list_of_its_units():
    # "2. Cơ quan chủ trì" (no colon) then the units, one a line; "b) Cơ quan phối hợp" ends the list
    plan = parse("II. TUYÊN TRUYỀN\n1. Nội dung, biện pháp\na) Tổ chức hội nghị quán triệt.\n"
                 "2. Cơ quan chủ trì, phối hợp\na) Cơ quan chủ trì\n- Ban Chỉ đạo quốc gia.\n"
                 "- Ban Chỉ đạo các quân khu; Ban Chỉ đạo các tỉnh.\nb) Cơ quan phối hợp\n"
                 "- Mặt trận Tổ quốc Việt Nam.\n3. Thời gian thực hiện: Tháng 12/2013.\n")
    [task] = plan.tasks
    assert task.units == ["Ban Chỉ đạo quốc gia", "Ban Chỉ đạo các quân khu", "Ban Chỉ đạo các tỉnh"]
    assert task.coordinating == ["Mặt trận Tổ quốc Việt Nam"]
    assert task.timeframe == "Tháng 12/2013"


def test_requests_are_assignments():
    # bodies outside the issuer's authority are asked, not ordered: they are still the responsible units
    plan = parse("III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì triển khai.\n"
                 "2. Đề nghị Hiệp hội Doanh nghiệp tỉnh:\n- Vận động hội viên tham gia.\n"
                 "3. Kính đề nghị Ban Chấp hành Công đoàn cơ sở thực hiện tốt Kế hoạch này.\n"
                 "4. Đề nghị Ủy ban MTTQ tỉnh và các tổ chức chính trị - xã hội phối hợp tuyên truyền.\n")
    assert [t.units for t in plan.tasks] == [
        ["Sở Nội vụ"], ["Hiệp hội Doanh nghiệp tỉnh"], ["Ban Chấp hành Công đoàn cơ sở"],
        ["Ủy ban MTTQ tỉnh", "các tổ chức chính trị - xã hội"]]


def test_duties_in_the_content_and_funding_parts():
    plan = parse("II. NỘI DUNG\n1. Tăng cường phòng bệnh\nTrung tâm Y tế huyện chủ trì tổ chức tiêm chủng.\n"
                 "2. Truyền thông\n- Quảng bá hình ảnh địa phương.\n"
                 "III. KINH PHÍ\nKinh phí từ ngân sách nhà nước. Sở Tài chính chủ trì, tham mưu bố trí kinh phí.\n"
                 "IV. TỔ CHỨC THỰC HIỆN\n1. Phòng Y tế theo dõi, đôn đốc.\n")
    assert [t.units for t in plan.tasks] == [["Trung tâm Y tế huyện"], ["Sở Tài chính"], ["Phòng Y tế"]]


def test_units_of_a_directive_or_letter_item_by_item():
    # a Chỉ thị / công văn has no implementation part: each item hands one body its duties
    plan = parse_body("1. Sở Nông nghiệp và Môi trường\n- Rà soát, cập nhật cơ sở dữ liệu.\n"
                 "2. Sở Xây dựng: theo dõi, đôn đốc các địa phương.\n"
                 "3. Giao Công an Thành phố\nChỉ đạo Công an các phường phối hợp.\n"
                 "4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố phối hợp tuyên truyền.\n")
    assert [t.units for t in plan.tasks] == [["Sở Nông nghiệp và Môi trường"], ["Sở Xây dựng"],
                                             ["Công an Thành phố"], ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố"]]


def test_what_the_content_part_says_about_its_subjects_hands_out_no_task():
    # who the plan is about, slogans, the members of a team, the steps of a procedure
    plan = parse("II. ĐỐI TƯỢNG\n1. Cơ quan chuyên môn thuộc UBND tỉnh.\n2. Ban quản lý các khu công nghiệp.\n"
                 "III. KHẨU HIỆU\n1. Chủ tịch Hồ Chí Minh vĩ đại sống mãi!\n"
                 "IV. KIỂM TRA\n1. Tổ chức đoàn kiểm tra\n- Trưởng đoàn: Đại diện Ban Thường trực Ủy ban MTTQ xã\n"
                 "- Thành viên đoàn: đồng chí Nguyễn Văn B\n"
                 "V. TRÌNH TỰ, THỦ TỤC\n1. Trưởng ban công tác Mặt trận chủ trì hội nghị cử tri.\n"
                 "2. Đề nghị các cơ quan, tổ chức, đơn vị gửi biên bản về Ban Thường trực.\n")
    assert [t.units for t in plan.tasks] == [["các cơ quan, tổ chức, đơn vị"]]


def test_a_decision_s_attached_plan_hands_out_the_tasks():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 254/QĐ-UBND\nSơn La, ngày 17 tháng 02 năm 2023\n\nQUYẾT ĐỊNH\n"
            "Ban hành Kế hoạch bảo vệ bí mật nhà nước năm 2023\n\nCăn cứ Luật Bảo vệ bí mật nhà nước;\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch bảo vệ bí mật nhà nước.\n"
            "Điều 2. Quyết định có hiệu lực kể từ ngày ký.\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n"
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n\nKẾ HOẠCH\nBảo vệ bí mật nhà nước năm 2023\n"
            "(Ban hành kèm theo Quyết định số 254/QĐ-UBND ngày 17/02/2023 của UBND tỉnh)\n"
            "I. MỤC ĐÍCH, YÊU CẦU\nNâng cao nhận thức.\nII. TỔ CHỨC THỰC HIỆN\n"
            "1. Công an tỉnh chủ trì, hướng dẫn thực hiện Kế hoạch.\n2. Sở Nội vụ tham mưu thi đua, khen thưởng.\n")
    plan = extract_plan(read_txt_bytes(text.encode("utf-8"), "qd.txt"))
    assert plan.doc_type == "QĐ"
    assert [t.units for t in plan.tasks] == [["Công an tỉnh"], ["Sở Nội vụ"]]
    # the attached plan's blocks belong to its parts, so the rules judge it as they judge a plan of its own
    assert plan.block_parts[plan.tasks[0].location.block] == "implementation"


def test_an_appendix_task_table_flattened_one_cell_per_line():
    # a .txt copy of a Word task table: each cell on a line, an empty cell an empty line
    table = ("PHỤ LỤC\nSTT\nNhiệm vụ\nThời gian\nChủ trì thực hiện\nPhối hợp thực hiện\nI\nCải cách thể chế\n\n\n\n"
             "1\nRà soát văn bản quy phạm pháp luật.\nThường xuyên\nSở Tư pháp\n\n"
             "2\nCông bố thủ tục hành chính.\nQuý I/2026\nVăn phòng UBND tỉnh\nSở Tư pháp; UBND các xã\n")
    plan = parse("III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi.\n" + table)
    rows = [t for t in plan.tasks if t.source == "table"]
    assert [(t.units, t.coordinating, t.timeframe) for t in rows] == [
        (["Sở Tư pháp"], [], "Thường xuyên"),
        (["Văn phòng UBND tỉnh"], ["Sở Tư pháp", "UBND các xã"], "Quý I/2026"),
    ]
    assert rows[1].location.table == 1 and rows[1].location.row == 4  # numbered from 1, as in a Word table


def test_a_heading_that_names_a_topic_is_not_a_unit():
    plan = parse_body("1. NHIỆM VỤ, GIẢI PHÁP\n1.1. Doanh nghiệp số\n- Phát triển doanh nghiệp công nghệ số.\n"
                      "1.2. Sở Khoa học và Công nghệ\n- Chủ trì phát triển hạ tầng số.\n")
    assert [t.units for t in plan.tasks] == [["Sở Khoa học và Công nghệ"]]


def test_a_part_of_aims_and_tasks_hands_out_tasks():
    # "I. MỤC TIÊU, NHIỆM VỤ" is no part of aims only; "Cải cách thủ tục hành chính" is no procedure
    plan = parse_body("I. MỤC TIÊU, NHIỆM VỤ\n1. Cải cách thủ tục hành chính\na) Mục tiêu\n"
                      "- Sở Tư pháp đạt 100% thủ tục được công bố.\nb) Nhiệm vụ\n"
                      "- Các cơ quan Trung ương đóng trên địa bàn tỉnh phối hợp giải quyết thủ tục hành chính.\n"
                      "- Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc.\n")
    assert [t.units for t in plan.tasks] == [["Các cơ quan Trung ương đóng trên địa bàn tỉnh"],
                                             ["Văn phòng Ủy ban nhân dân tỉnh"]]


def test_a_unit_s_item_that_hands_tasks_on_in_words():
    # corpus 063: "8. Giám đốc Sở, Thủ trưởng cơ quan …" / "b) Giao Thanh tra thành phố …" / "c) Giao Công an …"
    plan = parse_body("8. Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành thành phố\n"
                      "a) Tăng cường kiểm tra việc khai thác nước dưới đất.\n"
                      "b) Giao Thanh tra thành phố tổ chức thanh tra các công trình.\n"
                      "c) Giao Công an thành phố kịp thời xử lý vi phạm.\n")
    assert [t.units for t in plan.tasks][1:] == [["Thanh tra thành phố"], ["Công an thành phố"]]


def test_who_in_a_body_answers_for_a_duty():
    # corpus 011, 012: "1. Ban Thường trực …" / "- Đồng chí Chủ tịch … chịu trách nhiệm chỉ đạo chung …"; a person
    # with two offices is one unit; a fields list after "phụ trách lĩnh vực" stays in the name; members listed by
    # title ("- Trưởng ban: …") are no duties
    plan = parse("III. TỔ CHỨC THỰC HIỆN\n1. Ban Thường trực Ủy ban MTTQ Việt Nam xã\n"
                 "- Đồng chí Ủy viên Ban Thường vụ Đảng ủy, Chủ tịch Ủy ban MTTQ Việt Nam xã lãnh đạo, chỉ đạo chung.\n"
                 "- Đồng chí Phó Chủ tịch Thường trực trực tiếp tham mưu xây dựng chương trình.\n"
                 "- Phối hợp với các tổ chức thành viên.\n"
                 "2. Các Phó chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng\n"
                 "- Theo dõi, hướng dẫn các tổ chức thành viên.\n"
                 "3. Ban tổ chức\n- Trưởng ban: Đồng chí Nguyễn Văn An\n")
    assert [t.units for t in plan.tasks] == [
        ["Ban Thường trực Ủy ban MTTQ Việt Nam xã"],
        ["Đồng chí Ủy viên Ban Thường vụ Đảng ủy, Chủ tịch Ủy ban MTTQ Việt Nam xã"],
        ["Đồng chí Phó Chủ tịch Thường trực"],
        ["Các Phó chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng"],
        ["Ban tổ chức"],
    ]


def test_a_later_sentence_of_an_item_names_the_unit():
    # corpus 002: "- Có giải pháp giảm tỷ lệ trễ hẹn …. Thủ trưởng các cơ quan, đơn vị, địa phương định kỳ hằng tuần
    # tổ chức rà soát …"; a sentence that only describes ("Cán bộ, đảng viên là …") names no unit
    plan = parse_body("1. NHIỆM VỤ\n- Có giải pháp giảm tỷ lệ trễ hẹn trong giải quyết hồ sơ. Thủ trưởng các cơ quan, "
                      "đơn vị, địa phương định kỳ hằng tuần tổ chức rà soát tình hình giải quyết hồ sơ.\n"
                      "- Nâng cao chất lượng phục vụ. Cán bộ, công chức tận tụy phục vụ Nhân dân.\n")
    assert [t.units for t in plan.tasks] == [["Thủ trưởng các cơ quan, đơn vị, địa phương"]]


def test_a_paragraph_after_a_list_hands_out_its_own_task():
    # the request under the last lettered item of a part is a task of its own
    plan = parse("III. TỔ CHỨC THỰC HIỆN\n1. Hội Cựu chiến binh huyện\n"
                 "a) Ban Tuyên giáo Hội phối hợp với Huyện đoàn tổ chức tọa đàm.\n"
                 "b) Hội CCB các xã chủ động thăm hỏi hội viên.\n\n"
                 "Đề nghị Ủy ban nhân dân huyện quan tâm hỗ trợ kinh phí tổ chức các hoạt động.\n"
                 "Chủ tịch Ủy ban nhân dân các xã báo cáo kết quả về Hội Cựu chiến binh huyện.\n")
    units = [u for t in plan.tasks for u in t.units]
    assert units == ["Hội Cựu chiến binh huyện", "Ủy ban nhân dân huyện", "Chủ tịch Ủy ban nhân dân các xã"]


def test_a_task_table_in_the_implementation_part_is_read_once():
    table = ("STT\nNội dung\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian hoàn thành\n"
             "1\nTập huấn giáo viên.\nPhòng Giáo dục Mầm non - Tiểu học\nTrường Cao đẳng Sư phạm\nTháng 9/2025\n"
             "2\nBiên soạn tài liệu song ngữ.\nPhòng Giáo dục dân tộc\n\nTháng 12/2025\n")
    plan = parse("III. TỔ CHỨC THỰC HIỆN\n1. Phân công cụ thể\n" + table)
    assert [(t.source, t.units) for t in plan.tasks] == [
        ("table", ["Phòng Giáo dục Mầm non - Tiểu học"]), ("table", ["Phòng Giáo dục dân tộc"])]


def test_the_addressees_of_a_cong_dien_open_no_section():
    text = ("CÔNG ĐIỆN\nVề việc ứng phó bão số 5\n\nCHỦ TỊCH UBND TỈNH điện:\n- Giám đốc các Sở;\n"
            "- Chủ tịch UBND các xã, phường;\n- Giám đốc Công an tỉnh.\n"
            "Thực hiện Công điện số 176/CĐ-TTg ngày 02/9/2025 của Thủ tướng Chính phủ, Chủ tịch UBND tỉnh yêu cầu:\n"
            "1. Giám đốc Công an tỉnh chỉ đạo lực lượng ứng trực 24/24 giờ.\n")
    plan = extract_plan(read_txt_bytes(text.encode("utf-8"), "cd.txt"))
    assert [c.symbol for c in plan.basis] == ["176/CĐ-TTg"]
    assert [t.units for t in plan.tasks] == [["Giám đốc Công an tỉnh"]]


# --- from the review of the change -----------------------------------------------------------------------

LETTER_HEAD = ("ỦY BAN NHÂN DÂN\nHUYỆN VĨNH LINH\nSố: 45/UBND-VP\nV/v tăng cường phòng cháy\n"
               "Vĩnh Linh, ngày 10 tháng 3 năm 2024\nKính gửi: Các phòng, ban; UBND các xã, thị trấn.\n"
               "Chủ tịch UBND huyện yêu cầu:\n")


def test_a_letter_s_items_are_read_whatever_words_they_hold():
    # "… yêu cầu …", "… trách nhiệm của …", "… tổ chức thực hiện …" in an item do not make it a part heading
    text = LETTER_HEAD + ("1. Công an huyện tăng cường kiểm tra.\n"
                          "2. Phòng Kinh tế và Hạ tầng rà soát các công trình, bảo đảm yêu cầu về phòng cháy.\n"
                          "3. Phòng Nội vụ nâng cao trách nhiệm của người đứng đầu.\n"
                          "4. UBND các xã, thị trấn tổ chức thực hiện nghiêm túc.\n")
    plan = extract_plan(read_txt_bytes(text.encode("utf-8"), "cv.txt"))
    assert [t.units for t in plan.tasks] == [["Công an huyện"], ["Phòng Kinh tế và Hạ tầng"], ["Phòng Nội vụ"],
                                             ["UBND các xã, thị trấn"]]


def test_a_name_ends_after_its_level_word_whatever_the_verb():
    plan = parse_body("1. NHIỆM VỤ\n1.1. Công an huyện đấu tranh, ngăn chặn các loại tội phạm.\n"
                      "1.2. Trung tâm Y tế huyện tiêm vắc xin cho trẻ.\n"
                      "1.3. UBND các xã, phường thuộc huyện chủ động bố trí kinh phí.\n")
    assert [t.units for t in plan.tasks] == [["Công an huyện"], ["Trung tâm Y tế huyện"],
                                             ["UBND các xã, phường thuộc huyện"]]


def test_a_committee_s_members_are_no_tasks():
    plan = parse("III. TỔ CHỨC THỰC HIỆN\n1. Thành lập Ban Chỉ đạo huyện, gồm:\n"
                 "- Trưởng ban: Đồng chí Nguyễn Văn A, Chủ tịch UBND huyện;\n- Phó Trưởng ban: Đồng chí Trần Văn B;\n"
                 "- Thành viên: Lãnh đạo các phòng, ban liên quan.\n2. Phòng Nội vụ chủ trì theo dõi.\n")
    assert [t.units for t in plan.tasks] == [["Phòng Nội vụ"]]


def test_topics_and_the_people_a_plan_speaks_of_are_no_units():
    plan = parse_body("1. NỘI DUNG\n1.1. Bệnh viện thân thiện với người bệnh\n- Cải tiến quy trình khám bệnh.\n"
                      "1.2. Cán bộ, công chức, viên chức\n- Nâng cao đạo đức công vụ.\n"
                      "1.3. Các sở, ngành khác theo chức năng, nhiệm vụ chủ động triển khai.\n")
    assert [t.units for t in plan.tasks] == [["Các sở, ngành khác"]]


def test_lettered_sub_items_with_their_own_labels_are_tasks_of_their_own():
    plan = parse_body("1. NHIỆM VỤ\n1.1. Cải cách thể chế\na) Rà soát văn bản.\n- Cơ quan chủ trì: Phòng Tư pháp\n"
                      "b) Kiểm soát thủ tục.\n- Cơ quan chủ trì: Văn phòng HĐND và UBND huyện\n"
                      "c) Công bố danh mục.\n- Thời gian: Quý IV/2024\n")
    assert [t.units for t in plan.tasks] == [["Phòng Tư pháp"], ["Văn phòng HĐND và UBND huyện"]]
