"""WordprocessingML names and the styles part, shared by the .docx reader modules.

:func:`wordml_names` gives the Clark names (``{namespace}tag``) of the elements and attributes the
reader uses, for the document's namespace (transitional or strict OOXML). :class:`Styles` answers
what a paragraph inherits from its style, following ``w:basedOn``: the display name, the outline
level (``Heading N`` and ``w:outlineLvl``), the automatic numbering (``w:numPr``) and the font.
Its answers are remembered per style id: the reader asks them for every paragraph (and, in a document
with legacy fonts, for every run), and a document uses a handful of styles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import SimpleNamespace
from typing import TypeVar

from lxml import etree

_TAGS = (
    "body p pPr rPr pStyle outlineLvl tbl tr tc t tab ptab br cr noBreakHyphen moveFrom delText "
    "delInstrText instrText sdt sdtContent customXml smartTag style name basedOn numPr numId ilvl "
    "abstractNum abstractNumId num lvl start numFmt lvlText lvlRestart isLgl lvlOverride startOverride "
    "numStyleLink styleLink footnote endnote footnoteReference endnoteReference footnotePr endnotePr "
    "numStart sectPr txbxContent fldChar r rFonts rStyle docDefaults rPrDefault"
)
# Attributes carry the same namespace as the elements.
_ATTRIBUTES = ("val", "styleId", "id", "type", "fldCharType", "abstractNumId", "numId", "ilvl", "ascii", "hAnsi")
_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


def wordml_names(ns: str) -> SimpleNamespace:
    """Clark names of the WordprocessingML elements we use, for the document's namespace.

    Element names are attributes of the result (``w.p``, ``w.numPr``); attribute names are
    prefixed with ``a_`` (``w.a_val``) because some clash (``w:numId`` is both an element and an
    attribute). ``w:del`` is ``w.deleted`` (``del`` is a Python keyword).
    """
    names = {tag: f"{{{ns}}}{tag}" for tag in _TAGS.split()}
    names.update({f"a_{attr}": f"{{{ns}}}{attr}" for attr in _ATTRIBUTES})
    names["deleted"] = f"{{{ns}}}del"
    names["val"] = names["a_val"]  # the most used attribute, kept short
    return SimpleNamespace(**names)


def font_of(rpr: etree._Element, w: SimpleNamespace) -> str | None:
    """The font named by a run-properties element (``w:rFonts`` ascii, else hAnsi), or None."""
    fonts = rpr.find(w.rFonts)
    if fonts is None:
        return None
    return fonts.get(w.a_ascii) or fonts.get(w.a_hAnsi)


def first_children(element: etree._Element) -> dict[object, etree._Element]:
    """Tag → first child element with that tag: what ``element.find(tag)`` gives for each tag.

    For elements asked about several children (a list level, a w:numPr): one pass over
    the children costs less than one ``find``, which runs lxml's ElementPath in Python.
    """
    first: dict[object, etree._Element] = {}
    for child in element:
        first.setdefault(child.tag, child)
    return first


def to_int(value: str | None, default: int | None = None) -> int | None:
    """``int(value)``, or ``default`` when the value is missing or not a number (damaged files)."""
    try:
        return int(value or "")
    except ValueError:
        return default


def outline_level(value: str | None) -> int | None:
    """w:outlineLvl is 0-based with 9 meaning body text; we report 1-based levels like Heading N."""
    number = to_int(value)
    return number + 1 if number is not None and 0 <= number < 9 else None


MAX_DEPTH = 64
"""Styles a ``w:basedOn`` chain is followed through. Word's own chains are a few styles deep; a deeper one
comes only from a damaged or crafted file and is cut there (so is a chain that comes back on itself)."""

_T = TypeVar("_T")


class Styles:
    """Style id → display name, outline level and numbering (following ``w:basedOn``).

    Each question (font, outline level, numbering) is answered for a style from its own properties, else
    from the answer for the style it is based on, remembered for every style passed on the way: each style
    is looked at once per question however long the chains (a 6,000-deep chain with a paragraph in each
    style costs 6,000 looks, not 18 million). A walk passes at most :data:`MAX_DEPTH` styles not answered
    before; ``cut`` tells whether one was cut there."""

    def __init__(self, root: etree._Element | None, w: SimpleNamespace) -> None:
        self._w = w
        self._by_id: dict[str, etree._Element] = {}
        self.default_font: str | None = None
        self.cut = False
        self._fonts: dict[str, str | None] = {}
        self._names: dict[str, str] = {}
        self._levels: dict[str, tuple[int | None] | None] = {}
        self._num_ids: dict[str, str | None] = {}
        self._ilvls: dict[str, int | None] = {}
        if root is not None:
            for style in root.iter(w.style):
                self._by_id.setdefault(style.get(w.a_styleId, ""), style)
            default = root.find(f"{w.docDefaults}/{w.rPrDefault}/{w.rPr}")
            self.default_font = font_of(default, w) if default is not None else None

    def _inherited(self, style_id: str | None, own: Callable[[etree._Element], _T | None],
                   memo: dict[str, _T | None]) -> _T | None:
        """What ``own`` finds on the style, or else on the nearest style of its ``w:basedOn`` chain."""
        if not style_id:
            return None
        if style_id in memo:
            return memo[style_id]
        passed: list[str] = []
        found: _T | None = None
        current: str | None = style_id
        while current:
            if current in memo:
                found = memo[current]
                break
            style = self._by_id.get(current)
            if style is None or current in passed:  # an unknown style, or a cycle (damaged files have them)
                break
            if len(passed) == MAX_DEPTH:
                self.cut = True
                break
            passed.append(current)
            found = own(style)
            if found is not None:
                break
            based = style.find(self._w.basedOn)
            current = based.get(self._w.val, "") if based is not None else None
        for passed_id in passed:
            memo[passed_id] = found
        return found

    def font(self, style_id: str | None) -> str | None:
        """The font a (paragraph or character) style gives its text, following ``w:basedOn``."""
        return self._inherited(style_id, self._own_font, self._fonts)

    def _own_font(self, style: etree._Element) -> str | None:
        rpr = style.find(self._w.rPr)
        return font_of(rpr, self._w) if rpr is not None else None

    def name(self, style_id: str) -> str:
        """The name users see (``heading 1``); the id itself when the style is unknown."""
        if style_id not in self._names:
            self._names[style_id] = self._name(style_id)
        return self._names[style_id]

    def _name(self, style_id: str) -> str:
        style = self._by_id.get(style_id)
        node = style.find(self._w.name) if style is not None else None
        return node.get(self._w.val, style_id) if node is not None else style_id

    def outline_level(self, style_id: str) -> int | None:
        """The 1-based outline level a style gives its paragraphs, or None for body text."""
        level = self._inherited(style_id, self._own_level, self._levels)
        return level[0] if level is not None else None

    def _own_level(self, style: etree._Element) -> tuple[int | None] | None:
        """(level,) when the style sets one, body text (9) giving (None,); None when it sets none."""
        w = self._w
        level = style.find(f"{w.pPr}/{w.outlineLvl}")
        if level is not None:
            return (outline_level(level.get(w.val)),)
        heading = _HEADING_NAME.match(self.name(style.get(w.a_styleId, "")))
        return (int(heading.group(1)),) if heading else None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """``(numId, ilvl)`` a style gives; each from the nearest style in the chain that sets it."""
        return (self._inherited(style_id, self._own_num_id, self._num_ids),
                self._inherited(style_id, self._own_ilvl, self._ilvls))

    def _own_num_id(self, style: etree._Element) -> str | None:
        node = style.find(f"{self._w.pPr}/{self._w.numPr}/{self._w.numId}")
        return node.get(self._w.val) if node is not None else None

    def _own_ilvl(self, style: etree._Element) -> int | None:
        node = style.find(f"{self._w.pPr}/{self._w.numPr}/{self._w.ilvl}")
        return to_int(node.get(self._w.val)) if node is not None else None
