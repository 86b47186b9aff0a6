"""Reporting duties: deadline, period, recipient and the unit that collects the reports."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract.reporting import find_duties, unit_name
from checker.model.document import Block
from checker.model.plan import ReportingDuty


def duties(text: str) -> list[ReportingDuty]:
    return find_duties(Block(index=0, text=text), [])


def one(text: str) -> ReportingDuty:
    found = duties(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "deadline", "period"), [
    ("Báo cáo phải được gửi về Sở Nội vụ trước ngày 30/11/2025.", dt.date(2025, 11, 30), None),
    ("Báo cáo Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh chậm nhất ngày 03/02/2026.", dt.date(2026, 2, 3), None),
    # the lead word stands before the recipient (corpus 018)
    ("Thời gian chậm nhất gửi báo cáo về Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh ngày 23/3/2026.",
     dt.date(2026, 3, 23), None),
    # a time of day before the date (corpus 009)
    ("Các đơn vị báo cáo kết quả trước 17 giờ 00 phút, ngày 05/12/2025.", dt.date(2025, 12, 5), None),
    # a month (corpus 020)
    ("Hoàn thành, báo cáo kết quả Ủy ban nhân dân tỉnh (qua Công an tỉnh) trong tháng 11/2025.",
     dt.date(2025, 11, 30), None),
    # several steps with their months: the report's is the one after "báo cáo" (corpus 002 appendix)
    ("Ban hành kế hoạch trong tháng 01/2026, tổ chức kiểm tra chậm nhất trong tháng 6/2026 và báo cáo kết quả "
     "khắc phục chậm nhất trong tháng 8/2026.", dt.date(2026, 8, 31), None),
    ("Định kỳ 6 tháng, 1 năm báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Công an tỉnh).", None,
     "định kỳ 6 tháng, 1 năm"),
    ("Các huyện báo cáo định kỳ hằng quý về Sở Thông tin và Truyền thông.", None, "định kỳ hằng quý"),
    ("Các đơn vị báo cáo kết quả trước ngày 15/6 và 15/12 hằng năm về Sở Nội vụ.", None, "hằng năm (15/6 và 15/12)"),
    ("báo cáo UBND Thành phố kết quả thực hiện thông qua Sở Khoa học và Công nghệ trước ngày 15 hằng tháng.", None,
     "trước ngày 15 hằng tháng"),
    # corpus 004: folded into the periodic and annual report
    ("Đánh giá kết quả thực hiện (lồng ghép trong báo cáo đánh giá công tác CCHC định kỳ và năm của tỉnh).", None,
     "định kỳ và năm"),
])
def test_deadline_and_period(text, deadline, period):
    duty = one(text)
    assert (duty.deadline, duty.period) == (deadline, period)


@pytest.mark.parametrize(("text", "deadline", "period"), [
    # a date of other work coordinated before the report, and a date introduced as no deadline
    ("Các phòng, ban tổ chức Hội nghị vào ngày 15/3/2024 và báo cáo kết quả về UBND huyện.", None, None),
    ("Tổ chức Hội nghị trước ngày 15/3/2024 và báo cáo kết quả về UBND huyện.", None, None),
    ("Các đơn vị báo cáo kết quả tổ chức Hội nghị vào ngày 15/3/2024 về UBND huyện.", None, None),
    # a quarterly bulletin in an aside is no reporting period (Trà Vinh appendix, task table row 4)
    ("Đa dạng hóa phương thức tuyên truyền (trang thông tin điện tử, Fanpage, nhóm zalo, thông tin Mặt trận "
     "hàng quý) và nắm tình hình dư luận xã hội, kịp thời báo cáo Mặt trận cấp trên.", None, None),
    ("Đa dạng hóa phương thức tuyên truyền (thông tin Mặt trận hàng quý) để báo cáo Mặt trận cấp trên.", None, None),
    # a time phrase opening the sentence qualifies the report (corpus 007), and so does a fronted deadline
    ("hằng năm, tham mưu Ủy ban nhân dân tỉnh báo cáo Hội đồng nhân dân tỉnh tại kỳ họp cuối năm;", None,
     "hằng năm"),
    ("Trước ngày 15/12/2025, các đơn vị báo cáo kết quả về Sở Nội vụ.", dt.date(2025, 12, 15), None),
    # verbs of one chain: the update's monthly date is the report's (corpus 027)
    ("Cập nhật số liệu trước ngày 20 hằng tháng lên phần mềm để tổng hợp, báo cáo Chính phủ.", None,
     "trước ngày 20 hằng tháng"),
    # a yearly summary report is an explicit period even "theo quy định" (see the module docstring)
    ("Các đơn vị báo cáo sơ kết 6 tháng, tổng kết năm về Sở Nội vụ theo quy định.", None,
     "sơ kết 6 tháng, tổng kết năm"),
    ("Ủy ban nhân dân các xã báo cáo tổng kết năm 2024 về Sở Nội vụ theo quy định.", None, "tổng kết năm"),
])
def test_dates_and_periods_of_other_clauses_do_not_count(text, deadline, period):
    duty = one(text)
    assert (duty.deadline, duty.period) == (deadline, period)


def test_a_period_of_other_work_alone_makes_no_duty():
    # corpus 005: the survey is yearly, the report says nothing of when
    assert duties("Thực hiện khảo sát thường xuyên hằng năm và báo cáo kết quả thực hiện") == []


def test_by_regulation_is_a_duty_without_a_deadline():
    duty = one("Sở Nội vụ định kỳ tổng hợp, báo cáo kết quả thực hiện cho Ủy ban nhân dân tỉnh theo quy định.")
    assert (duty.deadline, duty.deadline_text, duty.period) == (None, None, None)
    assert duty.recipient == "Ủy ban nhân dân tỉnh"


def test_impossible_deadline_is_kept_with_its_problem():
    duty = one("Các đơn vị báo cáo về Sở Nội vụ trước ngày 31/11/2025.")
    assert (duty.deadline, duty.deadline_text, duty.deadline_problem) == (None, "31/11/2025", "impossible")


@pytest.mark.parametrize(("text", "recipient"), [
    # the name ends where the sentence goes on with what is reported or when (corpus 001, 012, 022, 023)
    ("định kỳ tổng hợp báo cáo UBND tỉnh tình hình và kết quả thực hiện kế hoạch này.", "UBND tỉnh"),
    ("Gửi biên bản và báo cáo tình hình về Ban Thường trực Ủy ban MTTQ xã ngay sau khi kết thúc hội nghị.",
     "Ban Thường trực Ủy ban MTTQ xã"),
    ("định kỳ tổng hợp, báo cáo Ủy ban nhân dân thành phố kết quả thực hiện theo quy định.",
     "Ủy ban nhân dân thành phố"),
    ("Hướng dẫn, theo dõi, tổng hợp, báo cáo UBND tỉnh kết quả Đợt thi đua;", "UBND tỉnh"),
    # after "báo cáo kết quả" (corpus 020)
    ("Hoàn thành, báo cáo kết quả Ủy ban nhân dân tỉnh (qua Công an tỉnh) trong tháng 11/2025.",
     "Ủy ban nhân dân tỉnh"),
    # several recipients
    ("định kỳ báo cáo kết quả thực hiện về Bộ Công an, UBND tỉnh theo quy định./.", "Bộ Công an, UBND tỉnh"),
    ("báo cáo Ủy ban bầu cử tỉnh, Hội đồng Thi đua - Khen thưởng tỉnh theo quy định.",
     "Ủy ban bầu cử tỉnh, Hội đồng Thi đua - Khen thưởng tỉnh"),
    ("kịp thời báo cáo cơ quan có thẩm quyền xem xét, quyết định theo quy định.", "cơ quan có thẩm quyền"),
    ("để báo cáo cấp ủy, chính quyền và Ủy ban MTTQ Việt Nam cấp trên theo quy định.",
     "cấp ủy, chính quyền và Ủy ban MTTQ Việt Nam cấp trên"),
])
def test_recipient(text, recipient):
    assert one(text).recipient == recipient


@pytest.mark.parametrize(("text", "via"), [
    ("Báo cáo UBND tỉnh (thông qua Sở Nội vụ) công tác tuyên truyền theo quy định.", "Sở Nội vụ"),  # corpus 001
    ("báo cáo Ủy ban nhân dân Thành phố (qua Sở Nội vụ để tổng hợp) theo quy định.", "Sở Nội vụ"),  # corpus 026
    ("báo cáo UBND Thành phố kết quả thực hiện thông qua Sở Khoa học và Công nghệ theo quy định.",
     "Sở Khoa học và Công nghệ"),  # corpus 027
])
def test_via(text, via):
    assert one(text).via == via


def test_not_duties():
    assert duties("Đội ngũ báo cáo viên, tuyên truyền viên được tập huấn.") == []
    assert duties("Thực hiện Báo cáo số 12/BC-UBND ngày 05/3/2025 của Ủy ban nhân dân tỉnh.") == []
    # a "cho" that introduces no unit (corpus 018) is no recipient, and the sentence no duty
    assert duties("Trường hợp người ứng cử báo cáo cho hội nghị tiếp xúc cử tri được thực hiện an toàn.") == []


@pytest.mark.parametrize(("text", "name"), [
    ("UBND tỉnh Lâm Đồng xem xét, quyết định", "UBND tỉnh Lâm Đồng"),
    ("Sở Giáo dục và Đào tạo tổng hợp", "Sở Giáo dục và Đào tạo"),
    ("Ủy ban nhân dân các xã trên địa bàn", "Ủy ban nhân dân các xã"),
    ("Bộ Công an (qua Cục A03)", "Bộ Công an"),
    ("Ban Bí thư.", "Ban Bí thư"),
    ("hội nghị tiếp xúc cử tri", None),
])
def test_unit_name(text, name):
    assert unit_name(text) == name


# --- reporting that does not say "báo cáo" (issue 14) -------------------------------------------------------

def test_sending_the_minutes_by_a_date_is_reporting():
    duty = one("Các chi bộ gửi Biên bản hội nghị về Văn phòng Đảng ủy chậm nhất ngày 04/02/2026.")
    assert duty.deadline == dt.date(2026, 2, 4)
    duty = one("Chậm nhất là 17 giờ 00 ngày 01 tháng 2 năm 2026, biên bản hội nghị cử tri phải được chuyển đến "
               "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh.")
    assert duty.deadline == dt.date(2026, 2, 1)


def test_a_time_limit_counted_from_an_event_is_a_deadline():
    duty = one("Các đảng bộ gửi hồ sơ đại hội về Ban Tổ chức Huyện ủy trong thời hạn 07 ngày làm việc kể từ ngày "
               "kết thúc Đại hội.")
    assert duty.deadline is None
    assert duty.deadline_relative == "trong thời hạn 07 ngày làm việc kể từ ngày kết thúc Đại hội"
    duty = one("Trường hợp bổ sung quy hoạch, cấp ủy phải báo cáo sau 30 ngày kể từ ngày được phê duyệt.")
    assert duty.deadline_relative == "sau 30 ngày kể từ ngày được phê duyệt"


def test_a_deadline_for_the_work_the_report_closes():
    duty = one("Thực hiện rà soát, thống kê các công trình khai thác nước dưới đất, hoàn thành trước ngày 31/12/2025 "
               "và tổng hợp báo cáo về Sở Nông nghiệp và Môi trường.")
    assert duty.deadline == dt.date(2025, 12, 31)
    # a date that schedules a meeting is not one
    duty = one("Tổ chức Hội nghị vào ngày 15/3/2024 và báo cáo kết quả về Ủy ban nhân dân huyện.")
    assert duty.deadline is None


def test_a_yearly_summary_report():
    duty = one("Phòng Nội vụ theo dõi, tổng hợp kết quả, báo cáo Ủy ban nhân dân huyện hằng năm.")
    assert duty.period == "hằng năm"


@pytest.mark.parametrize("text", [
    "Các đơn vị gửi hồ sơ đề nghị khen thưởng về Sở Nội vụ trước ngày 15/02/2027.",  # a proposal
    "Các đơn vị gửi hồ sơ đăng ký về Công an tỉnh trước ngày 05/11/2025.",  # an application
    "Các đơn vị gửi biên bản hội nghị về Ban Thường trực.",  # records, but no time limit
])
def test_what_is_no_reporting_duty(text):
    assert duties(text) == []


def test_a_period_that_opens_the_sentence_qualifies_its_report():
    duty = one("Định kỳ 6 tháng, năm, Văn phòng Đảng ủy tổng hợp tình hình thực hiện, báo cáo Ban Thường vụ Đảng ủy.")
    assert duty.period == "định kỳ 6 tháng, năm"
    duty = one("Định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12), UBND các xã báo cáo kết quả về "
               "UBND huyện.")
    assert duty.period is not None


def test_a_time_limit_in_hours():
    duty = one("Các đơn vị báo cáo Sở Y tế trong thời hạn 24 giờ kể từ khi phát hiện ca bệnh.")
    assert duty.deadline_relative == "trong thời hạn 24 giờ kể từ khi phát hiện ca bệnh"


def test_results_sent_to_no_body_are_no_report():
    assert duties("Kết quả xét tuyển được gửi đến thí sinh trước ngày 20/8/2024.") == []
    assert duties("Thí sinh nộp hồ sơ dự thi về Hội đồng tuyển dụng trước ngày 15/7/2024.") == []


def test_a_time_limit_that_opens_the_sentence():
    duty = one("Chậm nhất 10 ngày sau đại hội, các chi bộ gửi hồ sơ đại hội về Ban Thường vụ Huyện ủy.")
    assert duty.deadline_relative == "Chậm nhất 10 ngày sau đại hội"
