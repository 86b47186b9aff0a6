"""Word automatic numbering: the label (``II.``, ``1.2.``, ``a)``, ``-``) shown before a paragraph.

Word keeps list numbers out of the text: a paragraph says only *which list and level* it belongs to
(``w:numPr`` with ``w:numId`` and ``w:ilvl``, on the paragraph or inherited from its style), and
``word/numbering.xml`` says how that level is drawn. A reader that skips this loses every heading
number of a plan written with Word lists (corpus 017: 216 numbered paragraphs), so sections and
tasks would not be found. This module computes the label Word shows, so the reader can put it in
front of the text exactly as a typed ``II. NỘI DUNG`` would be.

How the label is computed:

* **Definitions.** ``w:abstractNum`` holds up to nine ``w:lvl``: ``w:start`` (first value),
  ``w:numFmt`` (decimal, decimalZero, upperRoman, lowerRoman, upperLetter, lowerLetter, bullet,
  none; other formats fall back to decimal), ``w:lvlText`` (the pattern: ``%1.`` → ``II.``,
  ``%1.%2.`` → ``1.2.``, ``%2)`` → ``b)``, or a literal such as ``2.5.%1.``), ``w:isLgl`` (show
  every level as a decimal number) and ``w:lvlRestart``. ``w:num`` (the id paragraphs use) points
  to an abstractNum and may override levels (``w:lvlOverride`` with ``w:startOverride`` or a whole
  ``w:lvl``). ``w:numStyleLink`` (a list style) is followed to the abstractNum that defines it.
* **Counters.** Nums sharing an abstractNum share counters, as Word continues such lists; a num
  with a ``w:startOverride`` (how Word writes "restart at 1") has counters of its own. Using a
  level moves its counter to ``start`` the first time and adds one afterwards; the deeper levels
  restart, unless their ``w:lvlRestart`` says to restart only after a shallower level (or never,
  ``0``). A level shown in a pattern but never used shows its start value.
* **Stories.** Footnotes and endnotes are numbered apart from the body (as LibreOffice does): each
  :class:`Story` has its own counters.
* **Bullets.** Word draws bullets with Symbol/Wingdings private-use characters (U+F0B7 ``•``,
  U+F0A7 ``▪``, U+F0D8 …), ``•``, ``-``, ``–``, ``o``, ``+``. Plans write ``-`` and, one level
  deeper, ``+``: so ``+`` stays ``+``, ``o``/``◦``/``○`` below the first level becomes ``+``, every
  other bullet becomes ``-``. An empty bullet (``lvlText=""``) or format ``none`` gives no label.

The suffix Word puts after the label (tab, space or nothing) is always one space here; the reader
does not add a label that the text already types (``1. Mục đích`` numbered ``1.`` stays as it is).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from types import SimpleNamespace

from lxml import etree

from checker.read.docx_styles import first_children, to_int
from checker.text.markers import roman

_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
_CIRCLES = {"o", "◦", "○", "\uf06f", "\uf0a1"}  # hollow circles Word uses for a second-level bullet
_FALSE = {"0", "false", "off"}
_MAX_LETTERS = 26 * 30  # zzz… beyond this is a damaged file, not a list: shown as a number


@dataclass(frozen=True)
class Level:
    """One ``w:lvl``: how a level counts and what it shows."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: 1-based level whose use restarts this one; 0 = never
    legal: bool = False
    style: str | None = None  # w:pStyle: the paragraph style linked to this level


def format_number(value: int, fmt: str) -> str:
    """The counter ``value`` drawn in the ``w:numFmt`` ``fmt``."""
    if fmt == "none":
        return ""
    if fmt in ("upperRoman", "lowerRoman"):
        text = roman(value)
        return text.upper() if fmt == "upperRoman" else text
    if fmt in ("upperLetter", "lowerLetter") and 1 <= value <= _MAX_LETTERS:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)  # z, aa, bb … like Word
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero" and 0 <= value < 10:
        return f"0{value}"
    return str(value)  # decimal, and every format we do not draw (ordinal, cardinalText, chicago …)


def bullet(symbol: str, ilvl: int) -> str:
    """The typed marker a plan would use for a Word bullet: ``-`` or ``+`` (or none when empty)."""
    symbol = symbol.strip()
    if not symbol:
        return ""
    if symbol == "+" or (ilvl > 0 and symbol in _CIRCLES):
        return "+"
    return "-"


class Numbering:
    """The list definitions of ``word/numbering.xml``.

    ``style_num_id`` maps a style id to the ``w:numId`` of its ``w:numPr`` (for list styles).
    """

    def __init__(self, root: etree._Element, w: SimpleNamespace,
                 style_num_id: Callable[[str], str | None] = lambda _style: None) -> None:
        self._w = w
        self._style_num_id = style_num_id
        self._abstract: dict[str, etree._Element] = {}
        self._links: dict[str, str] = {}  # abstractNum id → list style it takes its levels from
        self._linked: dict[str, str] = {}  # list style → abstractNum id that defines it
        for node in root.iter(w.abstractNum):
            key = node.get(w.a_abstractNumId, "")
            self._abstract.setdefault(key, node)
            first = first_children(node)
            link, defines = first.get(w.numStyleLink), first.get(w.styleLink)
            if link is not None:
                self._links[key] = link.get(w.val, "")
            if defines is not None:
                self._linked.setdefault(defines.get(w.val, ""), key)
        self._raw: dict[str, etree._Element] = {node.get(w.a_numId, ""): node for node in root.iter(w.num)}
        # Levels are read when a paragraph first uses a list: numbering.xml often defines dozens of
        # lists of nine levels (templates, pasted styles) for a handful in use.
        self._levels_of: dict[str, dict[int, Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, Level], bool]] = {}

    def _num(self, num_id: str) -> tuple[str, dict[int, Level], bool]:
        """The abstractNum key, levels (overrides applied) and own-counters flag of the ``w:num`` ``num_id``."""
        w, node = self._w, self._raw[num_id]
        ref = first_children(node).get(w.abstractNumId)
        key = ref.get(w.val, "") if ref is not None else ""
        if key in self._links:  # a list style: follow it to the abstractNum that holds the levels
            target = self._raw.get(self._style_num_id(self._links[key]) or "")
            target_ref = first_children(target).get(w.abstractNumId) if target is not None else None
            key = target_ref.get(w.val, "") if target_ref is not None else self._linked.get(self._links[key], key)
        levels = dict(self._abstract_levels(key))
        own = False
        for override in node.iter(w.lvlOverride):
            ilvl = to_int(override.get(w.a_ilvl))
            if ilvl is None or not 0 <= ilvl < _LEVELS:
                continue
            first = first_children(override)
            lvl = first.get(w.lvl)
            if lvl is not None:
                levels[ilvl] = self._level(lvl)
            start = first.get(w.startOverride)
            if start is not None:
                levels[ilvl] = replace(levels.get(ilvl, Level()), start=to_int(start.get(w.val), 0) or 0)
                own = True
        return key, levels, own

    def _abstract_levels(self, key: str) -> dict[int, Level]:
        """The levels of the (first) abstractNum ``key``; none when the file has no such abstractNum."""
        if key not in self._levels_of:
            node = self._abstract.get(key)
            self._levels_of[key] = self._levels(node) if node is not None else {}
        return self._levels_of[key]

    def _levels(self, node: etree._Element) -> dict[int, Level]:
        levels: dict[int, Level] = {}
        for lvl in node.iterchildren(self._w.lvl):
            ilvl = to_int(lvl.get(self._w.a_ilvl))
            if ilvl is not None and 0 <= ilvl < _LEVELS:
                levels.setdefault(ilvl, self._level(lvl))
        return levels

    def _level(self, lvl: etree._Element) -> Level:
        w = self._w
        first = first_children(lvl)

        def val(tag: str) -> str | None:
            node = first.get(tag)
            return node.get(w.val) if node is not None else None

        legal = first.get(w.isLgl)
        return Level(
            start=to_int(val(w.start), 1) or 0, fmt=val(w.numFmt) or "decimal", text=val(w.lvlText) or "",
            restart=to_int(val(w.lvlRestart)), legal=legal is not None and legal.get(w.val, "1") not in _FALSE,
            style=val(w.pStyle),
        )

    def list_for(self, num_id: str) -> tuple[str, dict[int, Level]] | None:
        """The counter key and levels of ``num_id``; None when the num is unknown or defines nothing."""
        if num_id not in self._nums:
            if num_id not in self._raw:
                return None
            self._nums[num_id] = self._num(num_id)
        found = self._nums[num_id]
        if not found[1]:
            return None
        key, levels, own = found
        return (f"num:{num_id}" if own else f"abstract:{key}"), levels

    def story(self) -> Story:
        """Fresh counters for a story (the body, or the footnotes)."""
        return Story(self)


class Story:
    """The counters of one story; :meth:`label` advances them as paragraphs are met in order."""

    def __init__(self, numbering: Numbering) -> None:
        self._numbering = numbering
        self._values: dict[str, list[int | None]] = {}
        self.count = 0  # labels produced, for the reader's notes

    def label(self, num_id: str, ilvl: int | None, style_id: str | None = None) -> str:
        """Advance the counters for a paragraph of list ``num_id`` at level ``ilvl``; return its label.

        ``ilvl`` None (a style that names the list but not the level) takes the level linked to the
        paragraph's style by ``w:pStyle``, else level 0.
        """
        found = self._numbering.list_for(num_id)
        if found is None:
            return ""
        key, levels = found
        if ilvl is None:
            ilvl = next((i for i, lvl in sorted(levels.items()) if style_id and lvl.style == style_id), 0)
        if not 0 <= ilvl < _LEVELS or ilvl not in levels:
            return ""
        values = self._values.setdefault(key, [None] * _LEVELS)
        current = values[ilvl]
        values[ilvl] = levels[ilvl].start if current is None else current + 1
        for deeper in range(ilvl + 1, _LEVELS):
            restart = levels[deeper].restart if deeper in levels else None
            if restart == 0:
                continue  # this level never restarts
            limit = deeper if restart is None or restart > deeper else restart
            if ilvl < limit:  # a level at or above the 1-based level `limit` was used
                values[deeper] = None
        text = self._render(levels, values, ilvl)
        if text:
            self.count += 1
        return text

    @staticmethod
    def _render(levels: dict[int, Level], values: list[int | None], ilvl: int) -> str:
        level = levels[ilvl]
        if level.fmt == "bullet":
            return bullet(level.text, ilvl)

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = levels.get(index, Level())
            value = values[index]
            fmt = "decimal" if level.legal and shown.fmt != "none" else shown.fmt
            return format_number(shown.start if value is None else value, fmt)

        label = _PLACEHOLDER.sub(number, level.text).strip()
        if not any(c.isalnum() for c in label):
            # "-" typed as the pattern of a numbered level is a bullet; "." left by format none is nothing
            return bullet(label, ilvl) if not _PLACEHOLDER.search(level.text) else ""
        return label
