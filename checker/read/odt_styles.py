"""OpenDocument names and styles, for the .odt reader.

:data:`ODF` gives the Clark names (``{namespace}local``) of the elements and attributes the reader uses.
:class:`Styles` answers what a paragraph or a span inherits from its style, following
``style:parent-style-name``: the name users see, the font (for legacy TCVN3/VNI text), the list style
a paragraph style attaches, and the list styles and outline numbering themselves (their levels are
read by :mod:`checker.read.odt_lists`).

Where styles live: the automatic styles of ``content.xml`` (``P1``, ``T1``, ``L1``: direct formatting,
never shown to users) are looked up first, then the common styles of ``styles.xml`` (``Heading_20_1``,
shown as ``Heading 1``). The automatic styles of ``styles.xml`` belong to headers and footers and may
reuse the same names, so they are not used for the body.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from lxml import etree

_NAMESPACES = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
    "xml": "http://www.w3.org/XML/1998/namespace",
}
_NAMES = {
    "office": "document-content document-styles body text automatic-styles styles font-face-decls annotation "
              "annotation-end",
    "style": "style default-style parent-style-name name display-name family list-style-name text-properties "
             "font-name font-face default-outline-level num-format num-prefix num-suffix",
    "text": "p h span a s c tab line-break soft-page-break list list-item list-header style-name "
            "continue-numbering continue-list start-value outline-level is-list-header restart-numbering note "
            "note-class note-citation note-body label number section display tracked-changes deletion "
            "list-style list-level-style-number list-level-style-bullet list-level-style-image level "
            "display-levels bullet-char outline-style outline-level-style ruby ruby-text hidden-text is-hidden "
            "numbered-paragraph list-id index-body index-title table-of-content illustration-index table-index "
            "object-index user-index alphabetical-index bibliography",
    "table": "table table-row table-cell covered-table-cell table-header-rows table-rows table-row-group "
             "number-columns-spanned number-rows-spanned number-columns-repeated number-rows-repeated",
    "draw": "frame text-box image",
    "fo": "font-family",
    "svg": "font-family",
    "manifest": "file-entry full-path encryption-data",
    "xml": "id",
}


def _names() -> SimpleNamespace:
    """``ODF.text_p`` is ``{urn:…:text:1.0}p``: prefix, underscore, local name with ``-`` as ``_``."""
    found = {}
    for prefix, locals_ in _NAMES.items():
        for local in locals_.split():
            found[f"{prefix}_{local.replace('-', '_')}"] = f"{{{_NAMESPACES[prefix]}}}{local}"
    return SimpleNamespace(namespaces=_NAMESPACES, **found)


ODF = _names()
_ENCODED = re.compile(r"_([0-9A-Fa-f]{2,4})_")
_LIST_LEVELS = {ODF.text_list_level_style_number, ODF.text_list_level_style_bullet, ODF.text_list_level_style_image}


def shown_name(name: str) -> str:
    """A style name as users see it when the style has no ``style:display-name``: LibreOffice writes the
    characters a name may not hold as their hex code between underscores (``Heading_20_1`` is ``Heading 1``)."""
    return _ENCODED.sub(lambda m: chr(int(m.group(1), 16)), name)


def _unquoted(family: str | None) -> str | None:
    """The first font of an ``svg:font-family`` / ``fo:font-family`` list, without its quotes."""
    if not family:
        return None
    return family.split(",")[0].strip().strip("'\"").strip() or None


class Styles:
    """Paragraph and text styles, font faces, list styles and the outline style of one document.

    ``content`` is the root of ``content.xml``, ``common`` that of ``styles.xml`` (None when missing or
    damaged: names are then the style names as written, and there is no outline numbering).
    """

    def __init__(self, content: etree._Element, common: etree._Element | None) -> None:
        self._automatic: dict[tuple[str, str], etree._Element] = {}
        self._common: dict[tuple[str, str], etree._Element] = {}
        self._lists: dict[str, etree._Element] = {}
        self._fonts: dict[str, str] = {}
        self._defaults: dict[str, etree._Element] = {}
        self.outline: etree._Element | None = None
        for root, styles in ((common, self._common), (content, self._automatic)):
            if root is None:
                continue
            for decls in root.iterchildren(ODF.office_font_face_decls):
                for face in decls.iterchildren(ODF.style_font_face):
                    name = face.get(ODF.style_name, "")
                    self._fonts.setdefault(name, _unquoted(face.get(ODF.svg_font_family)) or name)
            section = ODF.office_styles if styles is self._common else ODF.office_automatic_styles
            for holder in root.iterchildren(section):
                self._read(holder, styles)
        self._cache: dict[tuple[str, str, str], str | None] = {}

    def _read(self, holder: etree._Element, styles: dict[tuple[str, str], etree._Element]) -> None:
        for node in holder:
            tag = node.tag
            if tag == ODF.style_style:
                styles.setdefault((node.get(ODF.style_family, ""), node.get(ODF.style_name, "")), node)
            elif tag in (ODF.text_list_style, ODF.text_outline_style):  # a list may name the outline style
                self._lists.setdefault(node.get(ODF.style_name, ""), node)
            elif tag == ODF.style_default_style:
                self._defaults.setdefault(node.get(ODF.style_family, ""), node)
            if tag == ODF.text_outline_style and self.outline is None:
                self.outline = node

    def _chain(self, family: str, name: str | None) -> list[etree._Element]:
        """The style and the styles it inherits from, nearest first; parent cycles are cut."""
        chain: list[etree._Element] = []
        seen: set[str] = set()
        automatic = True  # the first lookup may be an automatic style; parents are common styles
        while name and name not in seen:
            seen.add(name)
            style = self._automatic.get((family, name)) if automatic else None
            if style is None:
                style = self._common.get((family, name))
            if style is None:
                break
            chain.append(style)
            automatic = False
            name = style.get(ODF.style_parent_style_name)
        return chain

    def _remembered(self, what: str, family: str, name: str | None) -> str | None:
        key = (what, family, name or "")
        if key not in self._cache:
            self._cache[key] = getattr(self, f"_{what}")(family, name)
        return self._cache[key]

    def name(self, name: str | None) -> str | None:
        """The name users see of a paragraph style: an automatic style (direct formatting) is named after the
        common style it is based on; None for a paragraph without a style."""
        return self._remembered("name", "paragraph", name)

    def _name(self, family: str, name: str | None) -> str | None:
        if not name:
            return None
        for style in self._chain(family, name):
            if (family, style.get(ODF.style_name, "")) in self._common:
                shown = style.get(ODF.style_display_name)
                return shown or shown_name(style.get(ODF.style_name, ""))
        return shown_name(name)

    def font(self, family: str, name: str | None) -> str | None:
        """The font a paragraph or text style gives its text (a paragraph style falls back to the default
        paragraph style's font); None when no style in the chain names one."""
        return self._remembered("font", family, name)

    def _font(self, family: str, name: str | None) -> str | None:
        chain = self._chain(family, name)
        if family == "paragraph" and "paragraph" in self._defaults:
            chain.append(self._defaults["paragraph"])
        for style in chain:
            props = style.find(ODF.style_text_properties)
            if props is None:
                continue
            face = props.get(ODF.style_font_name)
            if face:
                return self._fonts.get(face, face)
            family_name = _unquoted(props.get(ODF.fo_font_family))
            if family_name:
                return family_name
        return None

    def list_style_name(self, name: str | None) -> str | None:
        """The list style a paragraph style attaches (``style:list-style-name``, inherited)."""
        return self._remembered("list_style_name", "paragraph", name)

    def _list_style_name(self, family: str, name: str | None) -> str | None:
        for style in self._chain(family, name):
            found = style.get(ODF.style_list_style_name)
            if found is not None:
                return found or None  # an empty name switches the numbering off
        return None

    def default_outline_level(self, name: str | None) -> int | None:
        """``style:default-outline-level`` of a paragraph style (inherited), for a heading that gives none."""
        level = self._remembered("default_outline_level", "paragraph", name)
        return int(level) if level else None

    def _default_outline_level(self, family: str, name: str | None) -> str | None:
        for style in self._chain(family, name):
            found = style.get(ODF.style_default_outline_level)
            if found is not None:
                return found if found.isdigit() else None
        return None

    def list_style(self, name: str | None) -> etree._Element | None:
        """The ``text:list-style`` element named ``name``."""
        return self._lists.get(name) if name else None


def list_levels(style: etree._Element | None) -> dict[int, etree._Element]:
    """Level (1-based) → the level-style element of a list style or of the outline style, first one kept."""
    levels: dict[int, etree._Element] = {}
    if style is None:
        return levels
    for node in style:
        if node.tag in _LIST_LEVELS or node.tag == ODF.text_outline_level_style:
            level = node.get(ODF.text_level, "")
            if level.isdigit():
                levels.setdefault(int(level), node)
    return levels
