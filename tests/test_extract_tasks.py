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


def test_content_items_without_labels_are_not_tasks():
    plan = parse("II. NỘI DUNG\n1. Sở Văn hóa tuyên truyền về thành tựu.\n2. Quảng bá hình ảnh địa phương.\n"
                 "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì.\n")
    assert [t.units for t in plan.tasks] == [["Sở Nội vụ"]]


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
