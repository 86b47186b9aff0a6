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
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

from lxml import etree

from checker.model.document import Block
from checker.read.docx_notes import NoteKind, Notes
from checker.read.docx_numbering import Numbering, Story
from checker.read.docx_styles import Styles, font_of, outline_level, to_int
from checker.text.legacy import convert_run
from checker.text.markers import split_marker
from checker.text.normalize import clean

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_NOTE = "\x00"  # stands for a note reference while a paragraph's text is cleaned and split (never in XML)
_DASHES = str.maketrans("–—•·", "----")


@dataclass
class _Paragraph:
    """What :meth:`Walker.collect` gathers from one paragraph."""

    parts: list[str] = field(default_factory=list)
    notes: list[tuple[NoteKind, str]] = field(default_factory=list)
    boxes: list[etree._Element] = field(default_factory=list)
    fields: list[bool] = field(default_factory=list)  # open fields: True while in the field's code
    style_id: str | None = None  # the paragraph style, for the font of runs that name none


def with_label(label: str, text: str) -> str:
    """``label`` + one space + ``text``, unless the text already types that marker."""
    if not label:
        return text
    typed, mine = split_marker(text), split_marker(f"{label} x")
    if typed and mine and typed[0].translate(_DASHES) == mine[0].translate(_DASHES):
        return text
    return f"{label} {text}"


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
        # Containers that only wrap content: read through them.
        self.transparent = {w.sdt, w.sdtContent, w.customXml, w.smartTag, f"{MC}AlternateContent"}
        # Content that is not part of the current text.
        # (run properties hold no text: skipping them halves the elements visited)
        self.skipped = {w.deleted, w.moveFrom, w.delText, w.delInstrText, w.instrText, w.pPr, w.rPr, f"{MC}Fallback"}

    @property
    def labels(self) -> int:
        """How many numbering labels were put in front of paragraphs (body, boxes and notes)."""
        stories = [self.body_story, *self.note_stories.values()]
        return sum(story.count for story in stories if story is not None)

    def children(self, element: etree._Element) -> list[etree._Element]:
        """Child elements, looking through content controls and similar wrappers."""
        out = []
        for child in element:
            if not isinstance(child.tag, str) or child.tag in self.skipped:
                continue
            out.extend(self.children(child) if child.tag in self.transparent or child.tag == f"{MC}Choice"
                       else [child])
        return out

    def walk_body(self, body: etree._Element) -> None:
        for child in self.children(body):
            if child.tag == self.w.p:
                self.paragraphs += 1
                self.add(child, {"paragraph": self.paragraphs})
            elif child.tag == self.w.tbl:
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
        for child in self.children(element):
            if child.tag == self.w.p:
                out.append(child)
            elif child.tag in (self.w.tbl, self.w.tr, self.w.tc):
                out.extend(self.cell_paragraphs(child))
        return out

    def add(self, para: etree._Element, where: dict[str, int]) -> None:
        """Add the blocks of one paragraph at ``where``, then its notes and text boxes."""
        w = self.w
        pstyle = para.find(f"{w.pPr}/{w.pStyle}")
        style_id = pstyle.get(w.val) if pstyle is not None else None
        found = _Paragraph(style_id=style_id)
        self.collect(para, found)
        label = self.label(para, style_id)
        direct = para.find(f"{w.pPr}/{w.outlineLvl}")
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
        for line in clean("".join(found.parts)).split("\n"):
            text = line.replace(_NOTE, "").strip()
            if text:
                text, label = with_label(label, text), ""
                self.blocks.append(Block(index=len(self.blocks), text=text, kind=kind, style=style,
                                         outline_level=level, **where))
                self.origins.append(self.citing if self.in_note and self.citing is not None else para)
            for _ in range(line.count(_NOTE)):
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
        outer, self.story, self.in_note = self.story, self.note_stories[kind], True
        try:
            for para in self.cell_paragraphs(note):
                self.add(para, {"footnote": number})
        finally:
            self.story, self.in_note = outer, False

    def label(self, para: etree._Element, style_id: str | None) -> str:
        """The automatic-numbering label of ``para`` (counters advance even for an empty paragraph)."""
        w = self.w
        if self.story is None or para.find(f"{w.pPr}/{w.rPr}/{w.deleted}") is not None:
            return ""  # no numbering part, or a paragraph whose mark is a tracked deletion
        num_pr = para.find(f"{w.pPr}/{w.numPr}")
        num_node = num_pr.find(w.numId) if num_pr is not None else None
        ilvl_node = num_pr.find(w.ilvl) if num_pr is not None else None
        num_id = num_node.get(w.val) if num_node is not None else None
        ilvl = to_int(ilvl_node.get(w.val)) if ilvl_node is not None else None
        if num_id is None or ilvl is None:
            style_num, style_ilvl = self.styles.numbering(style_id)
            num_id = style_num if num_id is None else num_id
            ilvl = style_ilvl if ilvl is None else ilvl
        if not num_id or num_id == "0":  # numId 0 switches off the numbering a style gives
            return ""
        return self.story.label(num_id, ilvl, style_id)

    def collect(self, element: etree._Element, found: _Paragraph) -> None:
        """Gather the visible text under ``element`` (a paragraph or part of one) into ``found``."""
        w = self.w
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in self.skipped:
                continue
            if tag == w.t:
                if not any(found.fields):  # text between a field's begin and separate is its code
                    found.parts.append(self.unlegacy(child, found))
            elif tag == w.fldChar:
                self.field(child.get(w.a_fldCharType), found.fields)
            elif tag in (w.tab, w.ptab):
                found.parts.append("\t")
            elif tag in (w.br, w.cr):
                # A soft line break (Shift+Enter) separates lines as Enter does in header,
                # signature and recipient blocks; the paragraph is split into blocks there.
                found.parts.append("\n")
            elif tag == w.noBreakHyphen:
                found.parts.append("-")
            elif tag in (w.footnoteReference, w.endnoteReference):
                if not self.in_note:
                    found.notes.append(("footnote" if tag == w.footnoteReference else "endnote", child.get(w.a_id, "")))
                    found.parts.append(_NOTE)
            elif tag == w.txbxContent:
                found.boxes.append(child)  # read after the paragraph, not inside its sentence
            elif tag == f"{MC}AlternateContent":
                choice = child.find(f"{MC}Choice")  # Word shows the first choice; never the fallback
                if choice is not None:
                    self.collect(choice, found)
            else:
                self.collect(child, found)

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
