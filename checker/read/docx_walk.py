"""Walking a Word body in reading order and turning its paragraphs into blocks.

What becomes a block:

* body paragraphs → ``paragraph`` blocks numbered by their position among body paragraphs (empty
  ones count, so numbers match what Word users see); a soft line break (Shift+Enter) splits a
  paragraph into several blocks with the same number;
* paragraphs inside tables → ``table_cell`` blocks with table/row/cell numbers (nested tables are
  flattened into their cell, a merged cell is one cell);
* paragraphs inside text boxes (``w:txbxContent`` of a drawing or a VML shape) → blocks right after
  the paragraph that anchors the box, with its location: a box is not glued into the sentence;
* footnotes and endnotes → ``footnote`` blocks right after the block that references them (see
  :mod:`checker.read.docx_notes`); the reference mark itself is not text.

The label of Word's automatic numbering (:mod:`checker.read.docx_numbering`) is put in front of the
paragraph's first block. Text is what Word shows in the final view: insertions and ``w:moveTo`` are
kept, deletions and ``w:moveFrom`` dropped; fields show their result, never their code; hyperlinks,
smart tags and content controls are read through; the fallback of ``mc:AlternateContent`` is
skipped. Comments, headers and footers live in other parts and are never read.

Reading is on the path of every check, so the walk does as little per element as it can: which text
elements each paragraph holds, its properties and the fonts its part names come from one pass over
the part (:mod:`checker.read.docx_index`), style answers are remembered, and the font of each run is
looked up only where a legacy (TCVN3/VNI) font can reach it (:meth:`Walker.may_be_legacy`); in most
documents, nowhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from types import SimpleNamespace

from lxml import etree

from checker.model.document import Block
from checker.read.docx_index import BOX, ENDNOTE, FIELD, FOOTNOTE, MC, TEXT, Part, actions, index, skipped
from checker.read.docx_notes import NoteKind, Notes
from checker.read.docx_numbering import Numbering, Story
from checker.read.docx_styles import Styles, first_children, font_of, outline_level, to_int
from checker.text.legacy import convert_run, legacy_font
from checker.text.markers import split_marker
from checker.text.normalize import clean

NOTE = "\x00"  # stands for a note reference while a paragraph's text is cleaned and split (never in XML)
_DASHES = str.maketrans("–—•·", "----")


@dataclass
class _Paragraph:
    """What :meth:`Walker.collect` gathers from one paragraph."""

    parts: list[str] = field(default_factory=list)
    notes: list[tuple[NoteKind, str]] = field(default_factory=list)
    boxes: list[etree._Element] = field(default_factory=list)
    fields: list[bool] = field(default_factory=list)  # open fields: True while in the field's code
    style_id: str | None = None  # the paragraph style, for the font of runs that name none
    legacy: bool = True  # whether a run may be in a legacy font (else its font is not looked up)


def with_label(label: str, text: str) -> str:
    """``label`` + one space + ``text``, unless the text already types that marker."""
    if not label:
        return text
    typed, mine = split_marker(text), split_marker(f"{label} x")
    if typed and mine and typed[0].translate(_DASHES) == mine[0].translate(_DASHES):
        return text
    return f"{label} {text}"


def lines_of(parts: list[str], label: str) -> Iterator[tuple[str, int]]:
    """The lines of a paragraph's gathered text (``parts``, each note reference a :data:`NOTE`), cleaned and
    split at line breaks: for each, its text stripped ('' when it has none) with ``label`` in front of the first
    line with text, and how many notes it references (placed after it, even when it has no text)."""
    for line in clean("".join(parts), keep_nul=True).split("\n") if parts else ():
        text = line.replace(NOTE, "").strip()
        if text:
            text, label = with_label(label, text), ""
        yield text, line.count(NOTE)


class Walker:
    """Walks the body in reading order and collects blocks."""

    def __init__(self, w: SimpleNamespace, styles: Styles, numbering: Numbering | None = None,
                 notes: Notes | None = None) -> None:
        self.w, self.styles, self.notes = w, styles, notes
        self.numbering = numbering
        self.body_story: Story | None = numbering.story() if numbering else None
        self.note_stories: dict[NoteKind, Story | None] = {
            "footnote": numbering.story() if numbering else None,
            "endnote": numbering.story() if numbering else None,
        }
        self.story = self.body_story
        self.blocks: list[Block] = []
        # The w:p each block comes from (for a note: the body paragraph citing it), for annotating the file.
        self.origins: list[etree._Element] = []
        self.citing: etree._Element | None = None
        self.paragraphs = 0
        self.tables = 0
        self.in_note = False
        self.legacy_runs = 0  # runs converted from a TCVN3 or VNI font
        # Containers that only wrap content: read through them (every mc:Choice at block level).
        self.transparent = {w.sdt, w.sdtContent, w.customXml, w.smartTag, f"{MC}AlternateContent", f"{MC}Choice"}
        self.skipped = skipped(w)  # content that is not part of the current text
        self.actions = actions(w)
        # Each part read (document, footnotes, endnotes) is indexed when the walk first enters it.
        self.parts: dict[etree._Element, tuple[Part, bool]] = {}
        self.part, self.every_run = Part(), True

    def enter(self, element: etree._Element) -> tuple[Part, bool]:
        """Make the part holding ``element`` the current one (indexed the first time); return the one left."""
        outer = self.part, self.every_run
        root = element.getroottree().getroot()
        if root not in self.parts:
            part = index(root, self.w, self.actions)
            self.parts[root] = part, self.legacy_everywhere(part)
        self.part, self.every_run = self.parts[root]
        return outer

    def legacy_everywhere(self, part: Part) -> bool:
        """Whether a run of the part may be in a legacy font whatever its paragraph's style.

        A run's font is its own, else its character style's, else its paragraph style's, else the
        default (:meth:`unlegacy`), and ``convert_run`` converts only runs whose font ``legacy_font``
        knows: true when a legacy font is among the first two kinds or is the default.
        """
        return (any(legacy_font(font) for font in part.fonts) or legacy_font(self.styles.default_font) is not None
                or any(legacy_font(self.styles.font(style)) for style in part.run_styles))

    def may_be_legacy(self, style_id: str | None) -> bool:
        """Whether a run of a paragraph of style ``style_id`` may be in a legacy font (then each run is looked at)."""
        return self.every_run or (style_id is not None and legacy_font(self.styles.font(style_id)) is not None)

    @property
    def labels(self) -> int:
        """How many numbering labels were put in front of paragraphs (body, boxes and notes)."""
        stories = [self.body_story, *self.note_stories.values()]
        return sum(story.count for story in stories if story is not None)

    def children(self, element: etree._Element) -> list[etree._Element]:
        """Child elements, looking through content controls and similar wrappers."""
        out = []
        skipped, transparent = self.skipped, self.transparent
        for child in element:
            tag = child.tag
            if tag in transparent:
                out.extend(self.children(child))
            elif isinstance(tag, str) and tag not in skipped:
                out.append(child)
        return out

    def walk_body(self, body: etree._Element) -> None:
        self.enter(body)
        p, tbl = self.w.p, self.w.tbl
        for child in self.children(body):
            if child.tag == p:
                self.paragraphs += 1
                self.add(child, {"paragraph": self.paragraphs})
            elif child.tag == tbl:
                self.tables += 1
                self.walk_table(child, self.tables)

    def walk_table(self, table: etree._Element, number: int) -> None:
        rows = [c for c in self.children(table) if c.tag == self.w.tr]
        for row_no, row in enumerate(rows, start=1):
            cells = [c for c in self.children(row) if c.tag == self.w.tc]
            for cell_no, cell in enumerate(cells, start=1):  # a gridSpan cell is one w:tc: one cell
                for para in self.cell_paragraphs(cell):
                    self.add(para, {"table": number, "row": row_no, "cell": cell_no})

    def cell_paragraphs(self, element: etree._Element) -> list[etree._Element]:
        """Paragraphs of a cell (or text box, or note) in order; nested tables are flattened."""
        out = []
        w = self.w
        for child in self.children(element):
            tag = child.tag
            if tag == w.p:
                out.append(child)
            elif tag == w.tbl or tag == w.tr or tag == w.tc:
                out.extend(self.cell_paragraphs(child))
        return out

    def add(self, para: etree._Element, where: dict[str, int]) -> None:
        """Add the blocks of one paragraph at ``where``, then its notes and text boxes."""
        w = self.w
        properties = self.part.properties.get(para, {})
        pstyle, direct = properties.get(w.pStyle), properties.get(w.outlineLvl)
        style_id = pstyle.get(w.val) if pstyle is not None else None
        found = _Paragraph(style_id=style_id, legacy=self.may_be_legacy(style_id))
        self.collect(para, found)
        label = self.label(style_id, properties.get(w.numPr), para in self.part.deleted_marks)
        if "footnote" in where:
            level = None  # a note is never a heading, whatever its style says
        elif direct is not None:
            level = outline_level(direct.get(w.val))
        else:
            level = self.styles.outline_level(style_id) if style_id else None
        kind = "footnote" if "footnote" in where else "table_cell" if "table" in where else "paragraph"
        style = self.styles.name(style_id) if style_id else None
        notes = iter(found.notes)
        if not self.in_note:
            self.citing = para
        for text, cited in lines_of(found.parts, label):
            if text:
                self.blocks.append(Block(index=len(self.blocks), text=text, kind=kind, style=style,
                                         outline_level=level, **where))
                self.origins.append(self.citing if self.in_note and self.citing is not None else para)
            for _ in range(cited):
                self.add_note(*next(notes))
        for box in found.boxes:
            for inner in self.cell_paragraphs(box):
                self.add(inner, where)

    def add_note(self, kind: NoteKind, note_id: str) -> None:
        """Place the note referenced here (first reference only) as footnote blocks."""
        taken = self.notes.take(kind, note_id) if self.notes else None
        if taken is None:
            return
        number, note = taken
        outer_part = self.enter(note)
        outer, self.story, self.in_note = self.story, self.note_stories[kind], True
        try:
            for para in self.cell_paragraphs(note):
                self.add(para, {"footnote": number})
        finally:
            self.story, self.in_note = outer, False
            self.part, self.every_run = outer_part

    def label(self, style_id: str | None, num_pr: etree._Element | None, mark_deleted: bool) -> str:
        """The automatic-numbering label of a paragraph (counters advance even for an empty paragraph)."""
        if self.story is None or mark_deleted:
            return ""  # no numbering part, or a paragraph whose mark is a tracked deletion
        w = self.w
        first = first_children(num_pr) if num_pr is not None else {}
        num_node, ilvl_node = first.get(w.numId), first.get(w.ilvl)
        num_id = num_node.get(w.val) if num_node is not None else None
        ilvl = to_int(ilvl_node.get(w.val)) if ilvl_node is not None else None
        if num_id is None or ilvl is None:
            style_num, style_ilvl = self.styles.numbering(style_id)
            num_id = style_num if num_id is None else num_id
            ilvl = style_ilvl if ilvl is None else ilvl
        if not num_id or num_id == "0":  # numId 0 switches off the numbering a style gives
            return ""
        return self.story.label(num_id, ilvl, style_id)

    def collect(self, para: etree._Element, found: _Paragraph) -> None:
        """Gather the visible text of ``para`` into ``found``, from the elements its part's index gives it."""
        actions, parts, fields = self.actions, found.parts, found.fields
        for node in self.part.content.get(para, ()):
            action = actions[node.tag]
            if action == TEXT:
                if not (fields and any(fields)):  # text between a field's begin and separate is its code
                    parts.append(self.unlegacy(node, found) if found.legacy else node.text or "")
            elif isinstance(action, str):
                parts.append(action)
            elif action == FIELD:
                self.field(node.get(self.w.a_fldCharType), fields)
            elif action in (FOOTNOTE, ENDNOTE):
                if not self.in_note:
                    found.notes.append(("footnote" if action == FOOTNOTE else "endnote", node.get(self.w.a_id, "")))
                    parts.append(NOTE)
            elif action == BOX:
                found.boxes.append(node)  # read after the paragraph, not inside its sentence

    def unlegacy(self, text_node: etree._Element, found: _Paragraph) -> str:
        """The text of a ``w:t``, converted to Unicode when its run is set in a TCVN3 or VNI font.

        The font is the run's own (``w:rFonts``), else its character style's, else the paragraph
        style's, else the document default: the same order Word uses to draw it.
        """
        text = text_node.text or ""
        if not text:
            return text
        w = self.w
        run = text_node.getparent()
        rpr = run.find(w.rPr) if run is not None and run.tag == w.r else None
        font = font_of(rpr, w) if rpr is not None else None
        if font is None and rpr is not None:
            rstyle = rpr.find(w.rStyle)
            font = self.styles.font(rstyle.get(w.val)) if rstyle is not None else None
        font = font or self.styles.font(found.style_id) or self.styles.default_font
        converted = convert_run(text, font) if font else None
        if converted is None:
            return text
        self.legacy_runs += 1
        return converted

    @staticmethod
    def field(kind: str | None, fields: list[bool]) -> None:
        """Track complex fields: ``begin`` opens the code, ``separate`` starts the result, ``end`` closes."""
        if kind == "begin":
            fields.append(True)
        elif kind == "separate" and fields:
            fields[-1] = False
        elif kind == "end" and fields:
            fields.pop()
