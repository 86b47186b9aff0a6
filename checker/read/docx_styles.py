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
from types import SimpleNamespace

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


class Styles:
    """Style id → display name, outline level and numbering (following ``w:basedOn``)."""

    def __init__(self, root: etree._Element | None, w: SimpleNamespace) -> None:
        self._w = w
        self._by_id: dict[str, etree._Element] = {}
        self.default_font: str | None = None
        self._fonts: dict[str | None, str | None] = {}
        self._names: dict[str, str] = {}
        self._levels: dict[str, int | None] = {}
        self._numbering: dict[str | None, tuple[str | None, int | None]] = {}
        if root is not None:
            for style in root.iter(w.style):
                self._by_id.setdefault(style.get(w.a_styleId, ""), style)
            default = root.find(f"{w.docDefaults}/{w.rPrDefault}/{w.rPr}")
            self.default_font = font_of(default, w) if default is not None else None

    def font(self, style_id: str | None) -> str | None:
        """The font a (paragraph or character) style gives its text, following ``w:basedOn``."""
        if style_id not in self._fonts:
            self._fonts[style_id] = self._font(style_id)
        return self._fonts[style_id]

    def _font(self, style_id: str | None) -> str | None:
        for style in self._chain(style_id):
            rpr = style.find(self._w.rPr)
            found = font_of(rpr, self._w) if rpr is not None else None
            if found:
                return found
        return None

    def name(self, style_id: str) -> str:
        """The name users see (``heading 1``); the id itself when the style is unknown."""
        if style_id not in self._names:
            self._names[style_id] = self._name(style_id)
        return self._names[style_id]

    def _name(self, style_id: str) -> str:
        style = self._by_id.get(style_id)
        node = style.find(self._w.name) if style is not None else None
        return node.get(self._w.val, style_id) if node is not None else style_id

    def _chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and the styles it is based on, nearest first; basedOn cycles are cut."""
        chain: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id not in seen:  # basedOn chains can be cyclic in damaged files
            seen.add(style_id)
            style = self._by_id.get(style_id)
            if style is None:
                break
            chain.append(style)
            based = style.find(self._w.basedOn)
            style_id = based.get(self._w.val, "") if based is not None else ""
        return chain

    def outline_level(self, style_id: str) -> int | None:
        """The 1-based outline level a style gives its paragraphs, or None for body text."""
        if style_id not in self._levels:
            self._levels[style_id] = self._outline_level(style_id)
        return self._levels[style_id]

    def _outline_level(self, style_id: str) -> int | None:
        w = self._w
        for style in self._chain(style_id):
            level = style.find(f"{w.pPr}/{w.outlineLvl}")
            if level is not None:
                return outline_level(level.get(w.val))
            heading = _HEADING_NAME.match(self.name(style.get(w.a_styleId, "")))
            if heading:
                return int(heading.group(1))
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """``(numId, ilvl)`` a style gives; each from the nearest style in the chain that sets it."""
        if style_id not in self._numbering:
            self._numbering[style_id] = self._style_numbering(style_id)
        return self._numbering[style_id]

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        w = self._w
        num_id: str | None = None
        ilvl: int | None = None
        for style in self._chain(style_id):
            num_pr = style.find(f"{w.pPr}/{w.numPr}")
            if num_pr is None:
                continue
            num_node, ilvl_node = num_pr.find(w.numId), num_pr.find(w.ilvl)
            if num_id is None and num_node is not None:
                num_id = num_node.get(w.val)
            if ilvl is None and ilvl_node is not None:
                ilvl = to_int(ilvl_node.get(w.val))
        return num_id, ilvl
