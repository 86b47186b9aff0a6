"""One pass over a WordprocessingML part that tells the walk what each paragraph holds.

:mod:`checker.read.docx_walk` reads a paragraph as a walk down its elements would: it acts on the
text elements (``w:t``, tabs, breaks, field characters, note references, text boxes; :func:`actions`)
that it reaches through every other element except the skipped ones (deletions, field codes,
properties, the fallback of ``mc:AlternateContent``), entering an ``mc:AlternateContent`` only
through its first ``mc:Choice``. Walking so in Python visits every run and everything in it, which
cost most of the reading time. :func:`index` makes one pass over the whole part instead, in which
lxml's C iteration hands out only the elements of interest, and gives each text element to its
paragraph by looking at the few elements above it.

The answer is the same as the walk's for any tree: a text element belongs to the nearest paragraph
above it when nothing in between stops the walk, and also to the paragraphs above that one when
nothing stops the walk between them (a paragraph inside a run, as only damaged or hostile files
have, is read as part of the outer paragraph).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import cast

from lxml import etree

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# What the walk does with an element of a tag (see actions); a string action is text written as it is.
SKIP, TEXT, FIELD, FOOTNOTE, ENDNOTE, BOX, CHOICE = range(7)


def skipped(w: SimpleNamespace) -> set[str]:
    """Content that is not part of the current text (run properties hold none, but are never looked in)."""
    return {w.deleted, w.moveFrom, w.delText, w.delInstrText, w.instrText, w.pPr, w.rPr, f"{MC}Fallback"}


def actions(w: SimpleNamespace) -> dict[str, int | str]:
    """Tag → what the walk does with such an element; elements of other tags are read through."""
    found: dict[str, int | str] = {
        w.t: TEXT, w.fldChar: FIELD, w.tab: "\t", w.ptab: "\t",
        # A soft line break (Shift+Enter) separates lines as Enter does in header, signature and
        # recipient blocks; the paragraph is split into blocks there.
        w.br: "\n", w.cr: "\n",
        w.noBreakHyphen: "-", w.footnoteReference: FOOTNOTE, w.endnoteReference: ENDNOTE,
        w.txbxContent: BOX, f"{MC}AlternateContent": CHOICE,
    }
    found.update(dict.fromkeys(skipped(w), SKIP))
    return found


@dataclass
class Part:
    """What :func:`index` found in a part (the document, the footnotes or the endnotes)."""

    #: Paragraph → the elements the walk acts on in it (never SKIP or CHOICE ones), in document order.
    content: dict[etree._Element, list[etree._Element]] = field(default_factory=dict)
    #: Paragraph → tag → the first ``w:pStyle``, ``w:numPr`` or ``w:outlineLvl`` of its ``w:pPr``
    #: children, as ``paragraph.find("w:pPr/w:pStyle")`` gives it.
    properties: dict[etree._Element, dict[str, etree._Element]] = field(default_factory=dict)
    #: Paragraphs whose mark is a tracked deletion (a ``w:pPr/w:rPr/w:del``).
    deleted_marks: set[etree._Element] = field(default_factory=set)
    #: Attribute values of the ``w:rFonts`` (a few more than the ascii and hAnsi font names a run is drawn
    #: with, read in one call) and character styles of the ``w:rStyle`` in the part.
    fonts: set[str] = field(default_factory=set)
    run_styles: set[str] = field(default_factory=set)


def index(root: etree._Element, w: SimpleNamespace, acts: dict[str, int | str]) -> Part:
    """Index the part whose root is ``root``; ``acts`` is :func:`actions` for its namespace."""
    part = Part()
    owners = _Owners(w, acts)
    content, chains, p = part.content, owners.chains, w.p
    texts = {tag for tag, act in acts.items() if act not in (SKIP, CHOICE)}
    properties = {w.pStyle, w.numPr, w.outlineLvl}
    stops = {*acts, p}  # a parent of these tags is no run to read through
    for node in root.iter(*texts, *properties, w.deleted, w.rFonts, w.rStyle):
        tag = node.tag
        if tag in texts:
            # Usually a run (read through) in a paragraph: two steps up, no general walk.
            parent = node.getparent()
            grand = parent.getparent() if parent is not None else None
            if parent is not None and grand is not None and grand.tag == p and parent.tag not in stops:
                paragraph: etree._Element | None = grand
            else:
                paragraph = owners.nearest(node)
            if paragraph is not None:
                for owner in chains.get(paragraph) or owners.chain(paragraph):
                    content.setdefault(owner, []).append(node)
        elif tag in properties:
            paragraph = _above(node, w.pPr)
            if paragraph is not None:
                part.properties.setdefault(paragraph, {}).setdefault(tag, node)
        elif tag == w.deleted:
            rpr = node.getparent()
            paragraph = _above(rpr, w.pPr) if rpr is not None and rpr.tag == w.rPr else None
            if paragraph is not None:
                part.deleted_marks.add(paragraph)
        elif tag == w.rFonts:
            part.fonts.update(cast(list[str], node.values()))  # ascii, hAnsi and a few more: no harm
        else:
            part.run_styles.add(node.get(w.val) or "")
    part.fonts.discard("")
    part.run_styles.discard("")
    return part


def _above(node: etree._Element, tag: str) -> etree._Element | None:
    """The grandparent of ``node`` when its parent has ``tag``, else None."""
    parent = node.getparent()
    return parent.getparent() if parent is not None and parent.tag == tag else None


class _Owners:
    """Which paragraphs a walk from each paragraph down reaches a given element in."""

    def __init__(self, w: SimpleNamespace, acts: dict[str, int | str]) -> None:
        self.p, self.acts, self.choice = w.p, acts, f"{MC}Choice"
        self.memo: dict[etree._Element, etree._Element | None] = {}  # element → nearest reaching paragraph
        self.chains: dict[etree._Element, list[etree._Element]] = {}  # paragraph → it and the ones above

    def chain(self, paragraph: etree._Element) -> list[etree._Element]:
        """``paragraph`` and the paragraphs whose walk reaches it, nearest first."""
        found = self.chains.get(paragraph)
        if found is None:
            outer = self.outer(paragraph)
            found = self.chains[paragraph] = [paragraph, *self.chain(outer)] if outer is not None else [paragraph]
        return found

    def outer(self, paragraph: etree._Element) -> etree._Element | None:
        """The nearest paragraph whose walk reaches ``paragraph``: None but in damaged or hostile files.

        Every paragraph asks, so the answer for its parent (a cell, the body) is remembered.
        """
        parent = paragraph.getparent()
        if parent is None or parent.tag == self.p:
            return parent
        if parent.tag in self.acts:
            return None  # a paragraph is no mc:Choice: any element with an action stops the walk
        if parent not in self.memo:
            self.memo[parent] = self.nearest(parent, remember=True)
        return self.memo[parent]

    def nearest(self, node: etree._Element, remember: bool = False) -> etree._Element | None:
        """The nearest paragraph above ``node`` whose walk reaches it, or None when something stops the walk.

        With ``remember``, the answer is kept for every element passed on the way (it is theirs too):
        the walks up from the paragraphs of one table share their rows, the table and the body.
        """
        passed = []
        child, parent = node, node.getparent()
        found = None
        while parent is not None:
            if remember and child in self.memo:
                found = self.memo[child]
                break
            tag = parent.tag
            if tag == self.p:
                found = parent
                break
            act = self.acts.get(tag)
            if act is not None and not (act == CHOICE and self.first_choice(parent, child)):
                break
            passed.append(child)
            child, parent = parent, parent.getparent()
        if remember:
            self.memo.update(dict.fromkeys(passed, found))
        return found

    def first_choice(self, content: etree._Element, child: etree._Element) -> bool:
        """Whether ``child`` is the first ``mc:Choice`` of ``content`` (an mc:AlternateContent): the one Word shows."""
        return child.tag == self.choice and content.find(self.choice) is child
