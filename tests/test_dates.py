"""Dates as Vietnamese documents write them: examples and properties."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.text.dates import DATE_PATTERN, date_from_match, find_dates, make_date, parse_date

FORMS = {
    "d/m/yyyy": lambda d: f"{d.day}/{d.month}/{d.year}",
    "dd/mm/yyyy": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "dd-mm-yyyy": lambda d: f"{d.day:02d}-{d.month:02d}-{d.year}",
    "dd.mm.yyyy": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "words": lambda d: f"ngày {d.day} tháng {d.month} năm {d.year}",
    "words-padded": lambda d: f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}",
}


@pytest.mark.parametrize(
    ("text", "value", "written"),
    [
        ("ngày 15/02/2023", dt.date(2023, 2, 15), "15/02/2023"),
        ("ban hành ngày 9/2/2023 của", dt.date(2023, 2, 9), "9/2/2023"),
        ("Quyết định số 31-QĐ/TW, ngày 01-10-1997", dt.date(1997, 10, 1), "01-10-1997"),
        ("ngày 07 tháng 9 năm 2015 của Chính phủ", dt.date(2015, 9, 7), "ngày 07 tháng 9 năm 2015"),
        ("Vĩnh Linh, ngày 20 tháng 02 năm 2023", dt.date(2023, 2, 20), "ngày 20 tháng 02 năm 2023"),
        ("Ngày 20 Tháng 02 Năm 2023", dt.date(2023, 2, 20), "Ngày 20 Tháng 02 Năm 2023"),
        ("ngày 15 / 6 / 2023", dt.date(2023, 6, 15), "15 / 6 / 2023"),
        ("ngày 15–6–2023", dt.date(2023, 6, 15), "15–6–2023"),
    ],
)
def test_parse_date_examples(text, value, written):
    date = parse_date(text)
    assert date is not None
    assert (date.value, date.text, date.problem) == (value, written, None)


@pytest.mark.parametrize(
    ("text", "day", "month", "year"),
    [("30/2/2013", 30, 2, 2013), ("31/11/2023", 31, 11, 2023), ("29/02/2023", 29, 2, 2023),
     ("ngày 31 tháng 4 năm 2024", 31, 4, 2024), ("15/13/2023", 15, 13, 2023), ("00/01/2023", 0, 1, 2023)],
)
def test_impossible_dates_are_kept_with_a_problem(text, day, month, year):
    date = parse_date(text)
    assert (date.value, date.problem) == (None, "impossible")
    assert (date.day, date.month, date.year) == (day, month, year)


def test_leap_day_is_possible():
    assert parse_date("29/02/2024").value == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "day", "month"), [("ngày    tháng 02 năm 2023", None, 2), ("ngày  tháng  năm 2026", None, None)]
)
def test_blank_day_or_month_is_incomplete(text, day, month):
    date = parse_date(text)
    assert (date.value, date.problem, date.day, date.month) == (None, "incomplete", day, month)


@pytest.mark.parametrize("text", ["tỷ lệ 2/3", "1/2/3/2023", "số 12/2024/TT-BTTTT", "năm 2023", "12/2023"])
def test_not_dates(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("09/02/2023", make_date("09/02/2023", 9, 2, 2023)),
    ("ngày 07 tháng 9 năm 2015", make_date("ngày 07 tháng 9 năm 2015", 7, 9, 2015)),
    ("ngày … tháng 3 năm 2024", make_date("ngày … tháng 3 năm 2024", None, 3, 2024)),
    ("31/11/2025", make_date("31/11/2025", 31, 11, 2025)),
])
def test_date_from_match(text, expected):
    # the one place a DATE_PATTERN match becomes a DateValue (header, citations and reporting use it)
    m = DATE_PATTERN.search(text)
    assert m is not None and date_from_match(m) == expected


def test_find_dates_gives_spans():
    text = "Hướng dẫn ngày 15/02/2023, báo cáo trước ngày 05 tháng 11 năm 2023."
    assert [(text[s:e], d.value) for s, e, d in find_dates(text)] == [
        ("15/02/2023", dt.date(2023, 2, 15)),
        ("ngày 05 tháng 11 năm 2023", dt.date(2023, 11, 5)),
    ]


# --- properties ---------------------------------------------------------------------------------

_dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


@pytest.mark.parametrize("form", sorted(FORMS))
@given(date=_dates)
def test_every_valid_date_parses_back_in_every_form(form, date):
    written = FORMS[form](date)
    parsed = parse_date(f"Thực hiện văn bản {written} của Ủy ban.")
    assert parsed is not None
    assert (parsed.value, parsed.problem) == (date, None)
    assert parsed.text == written


@st.composite
def _impossible(draw):
    """A day past the end of its month, or a month past December (both written with 1-2 digits)."""
    year = draw(st.integers(1000, 9999))
    if draw(st.booleans()):
        month = draw(st.integers(1, 12))
        day = draw(st.integers(calendar.monthrange(year, month)[1] + 1, 99))
    else:
        month = draw(st.integers(13, 99))
        day = draw(st.integers(1, 31))
    return day, month, year


@given(_impossible(), st.sampled_from(["{d}/{m}/{y}", "{d:02d}-{m:02d}-{y}", "ngày {d} tháng {m} năm {y}"]))
def test_impossible_day_or_month_is_flagged(dmy, template):
    day, month, year = dmy
    parsed = parse_date(template.format(d=day, m=month, y=year))
    assert (parsed.value, parsed.problem) == (None, "impossible")
    assert (parsed.day, parsed.month, parsed.year) == (day, month, year)


@given(st.integers(0, 99), st.integers(0, 99), st.integers(1000, 9999))
def test_make_date_never_raises(day, month, year):
    value = make_date("x", day, month, year)
    try:
        expected = dt.date(year, month, day)
    except ValueError:
        assert (value.value, value.problem) == (None, "impossible")
    else:
        assert (value.value, value.problem) == (expected, None)


@given(st.text())
def test_find_dates_never_raises(text):
    for start, end, date in find_dates(text):
        assert 0 <= start < end <= len(text)
        assert (date.value is None) == (date.problem is not None)
