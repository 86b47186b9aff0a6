"""OpenDocument list numbering: the label (``II.``, ``1.2.``, ``a)``, ``-``) shown before a list paragraph.

As in Word, an .odt keeps list numbers out of the text: a paragraph inside ``text:list`` /
``text:list-item`` says only that it is an item, at the depth of its nesting, and the list style
(``text:list-style``, named by the list or by the paragraph style) says how each level is drawn.
Headings may be numbered by the document's outline style (LibreOffice's chapter numbering) instead.
This module computes the label LibreOffice shows, drawn as :mod:`checker.read.docx_numbering` draws
Word's, so that a plan reads the same from either file.

* **Levels.** ``text:list-level-style-number`` (or ``text:outline-level-style``): ``style:num-format``
  (``1``, ``a``, ``A``, ``i``, ``I``; empty for none; other formats are drawn as decimals),
  ``style:num-prefix`` and ``style:num-suffix`` around the number, ``text:display-levels`` (how many
  levels the label shows: 2 gives ``1.2.``, the levels above joined by dots, each in its own format)
  and ``text:start-value``. ``text:list-level-style-bullet`` is drawn as ``-`` or ``+`` as Word's
  bullets are; an image bullet as ``-``.
* **Counters.** Each top-level ``text:list`` starts a list of its own, unless it continues another:
  ``text:continue-list`` names the ``xml:id`` of the list it continues, ``text:continue-numbering="true"``
  continues the last list of the same style (ODF 1.1). Nested lists belong to the list around them, one
  level deeper. The first paragraph of an item advances its level's counter (from the start value the
  first time, or from the item's ``text:start-value``) and restarts the deeper levels; an item holding only
  a nested list, a ``text:list-header`` and the second paragraph of an item are not numbered.
* **Outline.** A heading (``text:h``) outside any list is numbered by the outline style at its outline level,
  unless it is a list header; ``text:restart-numbering`` with ``text:start-value`` restarts it.

The label is followed by one space; a label the text already types is not added again (the reader uses
:func:`checker.read.docx_walk.with_label`). The ``text:number`` a producer may store in a paragraph (a
copy of its label) is not read: the label is computed.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from checker.read.docx_numbering import bullet, format_number
from checker.read.odt_styles import ODF, list_levels

_LEVELS = 10  # ODF list styles have ten levels
_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman", "": "none"}


@dataclass(frozen=True)
class Level:
    """One level of a list style: how it counts and what it shows."""

    kind: str = "number"  # number, bullet or image
    fmt: str = "decimal"  # a w:numFmt name, for docx_numbering.format_number
    prefix: str = ""
    suffix: str = ""
    display: int = 1
    start: int = 1
    char: str = ""  # the bullet character


def _int(value: str | None, default: int) -> int:
    return int(value) if value and value.isdigit() else default


def read_level(node: etree._Element) -> Level:
    """A ``text:list-level-style-*`` or ``text:outline-level-style`` element as a :class:`Level`."""
    if node.tag == ODF.text_list_level_style_bullet:
        return Level(kind="bullet", char=node.get(ODF.text_bullet_char, ""))
    if node.tag == ODF.text_list_level_style_image:
        return Level(kind="image")
    return Level(fmt=_FORMATS.get(node.get(ODF.style_num_format, ""), "decimal"),
                 prefix=node.get(ODF.style_num_prefix, ""), suffix=node.get(ODF.style_num_suffix, ""),
                 display=_int(node.get(ODF.text_display_levels), 1), start=_int(node.get(ODF.text_start_value), 1))


def levels_of(style: etree._Element | None) -> dict[int, Level]:
    """Level (1-based) → :class:`Level` of a ``text:list-style`` or ``text:outline-style``."""
    return {number: read_level(node) for number, node in list_levels(style).items()}


class Counters:
    """The counters of one list (or of the outline): :meth:`label` advances them paragraph by paragraph."""

    def __init__(self) -> None:
        self.values: list[int | None] = [None] * (_LEVELS + 1)  # 1-based levels

    def label(self, level: int, levels: dict[int, Level], start: int | None = None) -> str:
        """Advance the counter of ``level`` (1-based) and return its label drawn with ``levels`` (the list
        style in force there); ``start`` restarts the counter at that value."""
        if not 1 <= level <= _LEVELS:
            return ""
        shown = levels.get(level)
        current = self.values[level]
        first = shown.start if shown is not None else 1
        self.values[level] = start if start is not None else first if current is None else current + 1
        for deeper in range(level + 1, _LEVELS + 1):
            self.values[deeper] = None
        if shown is None:
            return ""  # a level the style does not define: no label
        if shown.kind == "bullet":
            return bullet(shown.char, level - 1)
        if shown.kind == "image":
            return "-"
        numbers = []
        for upper in range(max(1, level - shown.display + 1), level + 1):
            drawn = levels.get(upper, Level())
            value = self.values[upper]
            numbers.append(format_number(drawn.start if value is None else value, drawn.fmt))
        label = (shown.prefix + ".".join(n for n in numbers if n) + shown.suffix).strip()
        return label if any(c.isalnum() for c in label) else ""


class Lists:
    """The lists of a document: which counters each ``text:list`` uses, and the outline's."""

    def __init__(self, outline: etree._Element | None) -> None:
        self.outline = Counters()
        self.outline_levels = levels_of(outline)
        self._by_id: dict[str, Counters] = {}
        self._last_of_style: dict[str, Counters] = {}
        self.count = 0  # labels produced, for the reader's notes

    def start(self, element: etree._Element, style_name: str) -> Counters:
        """The counters of the top-level ``text:list`` ``element``, whose list style is ``style_name``."""
        continued = element.get(ODF.text_continue_list)
        if continued and continued in self._by_id:
            counters = self._by_id[continued]
        elif element.get(ODF.text_continue_numbering) == "true" and style_name in self._last_of_style:
            counters = self._last_of_style[style_name]
        else:
            counters = Counters()
        own_id = element.get(ODF.xml_id)
        if own_id:
            self._by_id[own_id] = counters
        self._last_of_style[style_name] = counters
        return counters

    def counted(self, label: str) -> str:
        """``label``, counted for the reader's notes when it is not empty."""
        if label:
            self.count += 1
        return label
