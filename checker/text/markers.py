"""Heading and list-item markers at the start of a paragraph.

Vietnamese plans nest ``I.`` → ``1.`` → ``1.1`` → ``a)`` → ``-`` → ``+``; Roman headings are also
written ``I-``, ``I/`` or ``I:``. :func:`split_marker` returns the marker, its level and the text
after it; :func:`bare_marker` recognises a line that holds only a marker (``2.3.``), which a
hard-wrapped copy leaves when it breaks a heading right after its number.

Items are numbered ``1.`` to ``99.`` without context. A longer list (a plan with hundreds of tasks) goes
on with ``100.``, ``101.`` …: a number of three or four digits is a marker only when the caller, who
follows the list, passes the number of the item before it (``previous=99``); otherwise a year or an
amount opening a hard-wrapped line (``2019. Các cơ quan …``) would open a section.
"""

from __future__ import annotations

import re

ROMAN = "XVIII|XVII|XVI|XIV|XIII|XII|XIX|XV|XI|XX|IX|VIII|VII|VI|IV|V|III|II|I|X"
#: The bullets that open list items (levels 5 and 6): a bullet names no section.
BULLETS = "-–—•·*●○▪►+"
_MARKERS: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(rf"^(?P<m>(?:PHẦN\s+)?(?:{ROMAN})\s*[.\-–/:)])(?=\s*\S)", re.IGNORECASE)),
    # "A. MỤC ĐÍCH, YÊU CẦU", "C. MỘT SỐ NỘI DUNG …": parts lettered in capitals (their titles in capitals too).
    (1, re.compile(r"^(?P<m>[A-ZĐ]\.)(?=\s+\S)")),
    (3, re.compile(r"^(?P<m>\d{1,2}\.\d{1,2}(?:\.\d{1,2})*\.?)(?=\s*\S)")),
    # "(1) Tiếp tục …": a numbered sub-item under "1." (ranked as "1.1").
    (3, re.compile(r"^(?P<m>\(\d{1,2}\))(?=\s*\S)")),
    (2, re.compile(r"^(?P<m>(?P<n>\d{1,4})\s?[.)])(?=\s*[^\d\s])")),
    (4, re.compile(r"^(?P<m>[a-zđ]\)|[a-zđ]\.(?=\s))(?=\s*\S)")),  # a) and a.
    (5, re.compile(r"^(?P<m>[" + re.escape(BULLETS.replace("+", "")) + r"])(?=\s*\S)")),
    (6, re.compile(r"^(?P<m>\+)(?=\s*\S)")),
]


# A run of three or more dashes, stars or underscores is a separator rule, not a bullet; copies
# from PDF glue it to the next paragraph ("----------------Thực hiện Chỉ thị …", corpus 029).
_ABOUT = re.compile(r"^V\s*/\s*v\b", re.IGNORECASE)
_RULE = re.compile(r"^[-–—_*=.·•]{3,}\s*")
_RULE_STARTS = frozenset("-–—_*=.·•")


def split_marker(text: str, previous: int | None = None) -> tuple[str, int, str] | None:
    """``"II. NỘI DUNG"`` → ``("II.", 1, "NỘI DUNG")``; None when the text opens with no marker.

    ``previous`` is the number of the numbered item (``99.``) before this text, when known: ``100.`` is
    then a marker too (see the module docstring)."""
    stripped = text.lstrip()
    if stripped[:1] in _RULE_STARTS:
        stripped = _RULE.sub("", stripped)
    # Most lines open with a letter that no marker can open with: decided without trying the patterns.
    # A capital opens only a Roman numeral or "PHẦN"; a small letter only "a)", "a." or "phần II.".
    first = stripped[:1]
    if first == "(" and not stripped[1:2].isdigit():
        return None
    if first.isupper() and first not in "IVXPİ" and stripped[1:2] != ".":  # İ: re.IGNORECASE matches it with i
        return None
    if first.islower() and first != "p" and stripped[1:2] not in (")", "."):
        return None
    for level, pattern in _MARKERS:
        m = pattern.match(stripped)
        if not m:
            continue
        marker = m.group("m")
        rest = stripped[m.end():].strip()
        if level == 1 and not marker.lstrip("PHẦNphần ").rstrip(".-–/:) ").isupper():
            continue
        if level == 1 and _ABOUT.match(stripped):
            continue  # "V/v hướng dẫn …" is "về việc", the subject line of a letter
        if level == 1 and marker[0] not in "IVXLP" and not (len(rest) >= 4 and rest.isupper()):
            continue  # a lettered part has a title in capitals ("A. Nguyễn Văn …" is no part)
        if level in (2, 3) and not re.match(r"[^\W\d_]|[(\"'“]", rest):
            continue  # "2.5% dân", "1.000 người": numbers, not markers
        if level == 2 and len(m.group("n")) > 2 and (previous is None or int(m.group("n")) != previous + 1):
            continue  # "2019. Các …": a long number is an item only right after its predecessor
        return marker.replace(" ", ""), level, rest
    return None


# Numbered, lettered and Roman markers standing alone; a bare number ("12", the row number of a
# flattened table) is no marker, and bullets never stand alone.
_BARE = re.compile(rf"^(?:(?:PHẦN\s+)?(?:{ROMAN})\s*[.\-–/:)]|\d{{1,2}}(?:\.\d{{1,2}})*\s?[.)]|[a-zđ][.)])$")


def bare_marker(text: str) -> bool:
    """True when ``text`` is a marker and nothing else: ``"2.3."``, ``"2.10."``, ``"II."``, ``"a)"``."""
    return bool(_BARE.match(text.strip()))


_ITEM_NUMBER = re.compile(r"^(\d{1,4})\s?[.)]$")


def item_number(marker: str) -> int | None:
    """The number of a numbered-item marker (``"100."`` → 100, ``"3)"`` → 3); None for other markers."""
    m = _ITEM_NUMBER.match(marker)
    return int(m.group(1)) if m else None


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def roman(value: int) -> str:
    """``4`` → ``iv``; values below 1 or above 3999 stay decimal (Word does the same)."""
    if not 1 <= value <= 3999:
        return str(value)
    out = []
    for number, letters in _ROMAN:
        count, value = divmod(value, number)
        out.append(letters * count)
    return "".join(out)
