"""Dates as Vietnamese documents write them.

Forms: ``d/m/yyyy``, ``dd/mm/yyyy``, ``dd-mm-yyyy``, ``dd.mm.yyyy`` and
``ngày d tháng m năm yyyy`` (with the day or month left blank in drafts). An impossible date
(``30/02/2013``) is kept with ``problem="impossible"``; it never raises.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from checker.model.plan import DateValue

_NUMERIC = r"(?P<d>\d{1,2})\s?(?P<sep>[/.\-–])\s?(?P<m>\d{1,2})\s?(?P=sep)\s?(?P<y>\d{4})"
_WORDS = (
    # Drafts leave the day or month blank, as spaces or as dots/ellipsis/underscores.
    r"ngày\s*(?:(?P<wd>\d{1,2})|[.…_]+)?\s*(?:[,]\s*)?tháng\s*(?:(?P<wm>\d{1,2})|[.…_]+)?\s*(?:[,]\s*)?"
    r"năm\s*(?P<wy>\d{4})"
)
DATE_PATTERN = re.compile(rf"(?<![\d/.\-])(?:{_NUMERIC})(?![\d/])|{_WORDS}", re.IGNORECASE)


def make_date(text: str, day: int | None, month: int | None, year: int | None) -> DateValue:
    """Build a :class:`DateValue`, flagging an impossible or incomplete date instead of failing."""
    if day is None or month is None or year is None:
        return DateValue(text=text, day=day, month=month, year=year, problem="incomplete")
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return DateValue(text=text, day=day, month=month, year=year, problem="impossible")
    return DateValue(text=text, value=value, day=day, month=month, year=year)


def date_from_match(m: re.Match[str]) -> DateValue:
    """The date a :data:`DATE_PATTERN` match names; its text is the whole match."""
    if m.group("d") is not None:
        return make_date(m.group(0), int(m.group("d")), int(m.group("m")), int(m.group("y")))
    day = int(m.group("wd")) if m.group("wd") else None
    month = int(m.group("wm")) if m.group("wm") else None
    return make_date(m.group(0), day, month, int(m.group("wy")))


def find_dates(text: str) -> Iterator[tuple[int, int, DateValue]]:
    """Every date in ``text`` with its span."""
    for m in DATE_PATTERN.finditer(text):
        yield m.start(), m.end(), date_from_match(m)


def parse_date(text: str) -> DateValue | None:
    """The first date in ``text``, or None."""
    for _start, _end, value in find_dates(text):
        return value
    return None
