"""Time expressions in task tables: what counts as a time and what does not."""

from __future__ import annotations

import pytest

from checker.text.timeframes import parse_timeframe


@pytest.mark.parametrize(("text", "kind", "found"), [
    ("Quý I/2026", "quarter", "Quý I"),
    ("Trong quý IV năm 2026", "quarter", "quý IV"),
    ("Tháng 01/2026", "month", "Tháng 01/2026"),
    ("Ban hành kế hoạch trong tháng 01 hằng năm và tổ chức thực hiện", "month", "tháng 01 hằng năm"),
    ("Năm 2026", "year", "Năm 2026"),
    ("Cả năm 2023", "year", "năm 2023"),
    ("Hằng năm", "period", "Hằng năm"),
    ("Thường xuyên, hằng quý", "period", "Thường xuyên"),
    ("6 tháng, năm", "period", "6 tháng"),
    ("Sau 03 tháng kể từ khi có văn bản của Trung ương", "relative", "Sau 03 tháng"),
    ("Chậm nhất là ngày 31/12/2025", "date", "31/12/2025"),
    ("Từ 20 giờ 15 phút - 20 giờ 45 phút ngày 23 tháng 1", "date", "ngày 23 tháng 1"),
])
def test_times_are_recognised(text, kind, found):
    result = parse_timeframe(text)
    assert result is not None and (result.kind, result.text, result.problem) == (kind, found, None)


@pytest.mark.parametrize("text", ["Theo kế hoạch của tỉnh", "Theo hướng dẫn của Trung ương", "Khi có yêu cầu", ""])
def test_texts_without_a_time(text):
    assert parse_timeframe(text) is None


def test_impossible_date_is_found_with_its_problem():
    result = parse_timeframe("Trước ngày 31/11/2026")
    assert result is not None and (result.kind, result.text, result.problem) == ("date", "31/11/2026", "impossible")
