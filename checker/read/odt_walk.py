"""Walking an OpenDocument body (``office:text``) in reading order and turning its paragraphs into blocks.

What becomes a block, as the .docx reader makes them (:mod:`checker.read.docx_walk`):

* paragraphs and headings (``text:p``, ``text:h``) of the body, in lists or not → ``paragraph`` blocks
  numbered by their position among body paragraphs (empty ones count); a line break (``text:line-break``)
  splits a paragraph into several blocks with the same number; a heading's ``text:outline-level`` is the
  block's ``outline_level`` and the paragraph style's name (``Heading 1``) its ``style``;
* paragraphs in tables → ``table_cell`` blocks with table/row/cell numbers from 1 (rows inside header-row
  and row-group wrappers count in order; nested tables are flattened into their cell). Cells are counted as
  Word counts them: a cell spanning columns is one cell and the ``table:covered-table-cell`` beside it is
  none; under a cell spanning rows, the covered cell is counted as Word's continuation cell is. A repeated
  row or cell (``number-rows-repeated``) is read once and counted as many times as it is repeated;
* paragraphs of text boxes and shapes (``draw:frame`` / ``draw:text-box``, ``draw:custom-shape``) → blocks
  right after the paragraph that anchors them, with its location;
* a frame whose text box holds a table, anchored to a body paragraph, is how LibreOffice keeps a Word
  floating table (a two-column header beside the title): it is read where Word keeps it, before the
  paragraph, its table numbered and its cells located as the body's tables are;
* footnotes and endnotes (``text:note``) → ``footnote`` blocks right after the block that references them,
  numbered as their citation shows (each kind from 1 in order otherwise); the citation itself is not text.

The list label (:mod:`checker.read.odt_lists`) is put in front of the paragraph's first block. Text is what
LibreOffice shows: white space in the XML is collapsed as ODF says (``text:s text:c="3"`` is three spaces,
``text:tab`` a tab), spans, links and fields (dates, page numbers…) give their shown text, tracked deletions
(kept apart in ``text:tracked-changes``) and comments (``office:annotation``) are not text, a hidden section
(``text:display="none"``) is skipped, indexes (a table of contents) are read as the paragraphs they show.
Text in a legacy font (TCVN3, VNI) is converted to Unicode: the font is the span's text style's, else the
paragraph style's, else the default paragraph style's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from checker.model.document import Block
from checker.read.docx_notes import NoteKind
from checker.read.docx_walk import NOTE, lines_of
from checker.read.odt_lists import Counters, Level, Lists, levels_of
from checker.read.odt_styles import ODF, Styles
from checker.text.legacy import convert_run, legacy_font

_WHITE = re.compile(r"[ \t\r\n]+")
_DRAW = "{" + ODF.namespaces["draw"] + "}"
_PARAGRAPHS = {ODF.text_p, ODF.text_h}
# Block-level containers read through: sections, and the indexes a document shows (their *-source templates
# are not shown and are not read).
_THROUGH = {ODF.text_section, ODF.text_index_body, ODF.text_index_title, ODF.text_table_of_content,
            ODF.text_illustration_index, ODF.text_table_index, ODF.text_object_index, ODF.text_user_index,
            ODF.text_alphabetical_index, ODF.text_bibliography}
# Inline content that is not text: comments, a stored copy of the list label, ruby annotations. (A frame's
# alternative text, svg:title and svg:desc, is no paragraph: reading a frame never reaches it.)
_NOT_TEXT = {ODF.office_annotation, ODF.office_annotation_end, ODF.text_number, ODF.text_ruby_text}
_ROW_WRAPPERS = {ODF.table_table_header_rows, ODF.table_table_rows, ODF.table_table_row_group}


def _floating_table(box: etree._Element) -> etree._Element | None:
    """The text box of a frame whose text box holds a table among its blocks (LibreOffice's form of a Word
    floating table); None for any other box."""
    text_box = box.find(ODF.draw_text_box) if box.tag == ODF.draw_frame else None
    return text_box if text_box is not None and text_box.find(ODF.table_table) is not None else None


def count(value: str | None) -> int:
    """A repeat or span count (``table:number-columns-spanned`` …): 1 when missing or not a positive number."""
    return int(value) if value and value.isascii() and value.isdigit() and int(value) > 0 else 1


@dataclass
class _Paragraph:
    """What :meth:`Walker.collect` gathers from one paragraph."""

    parts: list[str] = field(default_factory=list)
    notes: list[etree._Element] = field(default_factory=list)
    boxes: list[etree._Element] = field(default_factory=list)
    space: bool = True  # the text so far ends in a space white space collapses into (or is empty)


@dataclass
class _List:
    """Where a list stands: its counters, the level styles in force, its depth (1 at the top)."""

    counters: Counters
    levels: dict[int, Level]
    depth: int


class Walker:
    """Walks the body in reading order and collects blocks."""

    def __init__(self, styles: Styles, lists: Lists) -> None:
        self.styles, self.lists = styles, lists
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0
        self.in_note = False
        self.legacy_runs = 0  # pieces of text converted from a TCVN3 or VNI font
        self.numbers: dict[NoteKind, int] = {"footnote": 0, "endnote": 0}
        self.placed: dict[NoteKind, int] = {"footnote": 0, "endnote": 0}
        self._levels: dict[str, dict[int, Level]] = {}
        self._numbered: dict[str, Counters] = {}  # text:list-id → counters of text:numbered-paragraph

    # --- block level ------------------------------------------------------------------------------------------

    def flow(self, container: etree._Element, where: dict[str, int] | None) -> None:
        """The blocks of the content of ``container``; ``where`` None: body paragraphs, numbered in order."""
        for child in container:
            tag = child.tag
            if tag in _PARAGRAPHS:
                self.paragraph(child, where)
            elif tag == ODF.text_list:
                self.walk_list(child, where, None)
            elif tag == ODF.table_table:
                if where is None:
                    self.tables += 1
                    self.table(child, self.tables)
                else:
                    self.flattened(child, where)
            elif tag == ODF.text_numbered_paragraph:
                self.numbered_paragraph(child, where)
            elif tag in _THROUGH:
                if child.get(ODF.text_display) != "none":
                    self.flow(child, where)
            elif isinstance(tag, str) and tag.startswith(_DRAW):
                self.box(child, where)  # a frame anchored to the page, at body level
            # Anything else holds no text of the document: tracked changes, declarations, forms, page breaks.

    def list_levels(self, name: str | None) -> dict[int, Level]:
        key = name or ""
        if key not in self._levels:
            self._levels[key] = levels_of(self.styles.list_style(name))
        return self._levels[key]

    def walk_list(self, element: etree._Element, where: dict[str, int] | None, outer: _List | None) -> None:
        name = element.get(ODF.text_style_name)
        if outer is None:
            if not name:  # a list without a style takes the one its first paragraph's style attaches
                first = next(element.iter(*_PARAGRAPHS), None)
                name = self.styles.list_style_name(first.get(ODF.text_style_name)) if first is not None else None
            here = _List(self.lists.start(element, name or ""), self.list_levels(name), 1)
        else:
            here = _List(outer.counters, self.list_levels(name) if name else outer.levels, outer.depth + 1)
        for item in element:
            if item.tag in (ODF.text_list_item, ODF.text_list_header):
                self.item(item, where, here, numbered=item.tag == ODF.text_list_item)

    def item(self, item: etree._Element, where: dict[str, int] | None, here: _List, numbered: bool) -> None:
        """A list item: its first paragraph gets the label; an item that opens with a nested list has none."""
        start = item.get(ODF.text_start_value)
        first = True
        for child in item:
            tag = child.tag
            if tag in _PARAGRAPHS:
                label = ""
                if first and numbered:
                    restart = count(start) if start else None
                    label = self.lists.counted(here.counters.label(here.depth, here.levels, restart))
                self.paragraph(child, where, label)
            elif tag == ODF.text_list:
                self.walk_list(child, where, here)
            else:
                continue
            first = False

    def numbered_paragraph(self, element: etree._Element, where: dict[str, int] | None) -> None:
        """ODF 1.2's other way to write a list item: a paragraph with its list id and level."""
        key = element.get(ODF.text_list_id, "")
        counters = self._numbered.setdefault(key, Counters())
        name = element.get(ODF.text_style_name)
        start = element.get(ODF.text_start_value)
        label = counters.label(count(element.get(ODF.text_level)), self.list_levels(name),
                               count(start) if start else None)
        label = self.lists.counted(label)
        for child in element:
            if child.tag in _PARAGRAPHS:
                self.paragraph(child, where, label)
                label = ""

    def rows(self, table: etree._Element) -> list[etree._Element]:
        """The rows of a table in order, through header-row, rows and row-group wrappers."""
        out = []
        for child in table:
            if child.tag == ODF.table_table_row:
                out.append(child)
            elif child.tag in _ROW_WRAPPERS:
                out.extend(self.rows(child))
        return out

    def table(self, table: etree._Element, number: int) -> None:
        below: dict[int, list[int]] = {}  # first column of a cell spanning rows → [its columns, rows left]
        row_no = 0
        for row in self.rows(table):
            row_no += 1
            started = self.row(row, {"table": number, "row": row_no}, below)
            repeat = count(row.get(ODF.table_number_rows_repeated))
            row_no += repeat - 1
            for column in list(below):
                below[column][1] -= repeat
                if below[column][1] <= 0:
                    del below[column]
            below.update(started)

    def row(self, row: etree._Element, where: dict[str, int], below: dict[int, list[int]]) -> dict[int, list[int]]:
        """Read the cells of a row; return the cells that span rows down from it."""
        started: dict[int, list[int]] = {}
        cell_no = column = beside = 0  # beside: columns up to here are covered by a cell of this row
        for cell in row:
            repeat = count(cell.get(ODF.table_number_columns_repeated))
            if cell.tag == ODF.table_table_cell:
                cell_no += 1
                self.flow(cell, {**where, "cell": cell_no})
                spanned = count(cell.get(ODF.table_number_columns_spanned))
                rows = count(cell.get(ODF.table_number_rows_spanned))
                if rows > 1:
                    started[column] = [spanned, rows - 1]
                beside = column + spanned
                cell_no += repeat - 1
                column += repeat
            elif cell.tag == ODF.table_covered_table_cell:
                end = column + repeat
                while column < end:  # steps over spans, not over each repeated cell
                    if column < beside:
                        column = min(end, beside)
                    elif column in below:  # under a cell spanning rows: Word's continuation cell
                        cell_no += 1
                        beside = column + below[column][0]
                        column += 1
                    else:  # covered by nothing this reader knows of (a damaged file): not a cell
                        column = min([c for c in below if c > column] + [end])
        return started

    def flattened(self, table: etree._Element, where: dict[str, int]) -> None:
        """A table inside a cell, a note or a box: its paragraphs, in the place of what holds it."""
        for row in self.rows(table):
            for cell in row:
                if cell.tag == ODF.table_table_cell:
                    self.flow(cell, where)

    def box(self, element: etree._Element, where: dict[str, int] | None) -> None:
        """The paragraphs of a frame, text box or shape (not of a picture), at ``where``: a shape holds them
        directly, a frame in its text box; frames in frames are read in turn (:meth:`flow`)."""
        if element.tag != ODF.draw_image:
            self.flow(element, where)

    # --- paragraphs ---------------------------------------------------------------------------------------------

    def paragraph(self, para: etree._Element, where: dict[str, int] | None, label: str | None = None) -> None:
        """Add the blocks of one paragraph or heading, then its notes and boxes; ``label`` None: not in a list."""
        heading = para.tag == ODF.text_h
        style_id = para.get(ODF.text_style_name)
        level = self.outline_level(para, style_id) if heading else None
        if label is None:
            label = self.outline_label(para, level) if heading and level is not None else ""
        found = _Paragraph()
        self.collect(para, found, self.styles.font("paragraph", style_id))
        floating = {box: text_box for box in found.boxes
                    if where is None and (text_box := _floating_table(box)) is not None}
        for text_box in floating.values():
            self.flow(text_box, None)  # as the body's own table, before the paragraph
        if where is None:
            self.paragraphs += 1
            where = {"paragraph": self.paragraphs}
        kind = "footnote" if "footnote" in where else "table_cell" if "table" in where else "paragraph"
        if kind == "footnote":
            level = None  # a note is never a heading
        style = self.styles.name(style_id)
        notes = iter(found.notes)
        for text, cited in lines_of(found.parts, label):
            if text:
                self.blocks.append(Block(index=len(self.blocks), text=text, kind=kind, style=style,
                                         outline_level=level, **where))
            for _ in range(cited):
                self.add_note(next(notes))
        for box in found.boxes:
            if box not in floating:
                self.box(box, where)

    def outline_level(self, heading: etree._Element, style_id: str | None) -> int | None:
        """A heading's ``text:outline-level`` (else its style's default level, else 1); None when damaged."""
        value = heading.get(ODF.text_outline_level)
        if value is None:
            return self.styles.default_outline_level(style_id) or 1
        return int(value) if value.isascii() and value.isdigit() and 1 <= int(value) <= 10 else None

    def outline_label(self, heading: etree._Element, level: int) -> str:
        """The outline (chapter) numbering label of a heading outside any list."""
        if heading.get(ODF.text_is_list_header) == "true":
            return ""
        start = heading.get(ODF.text_start_value) if heading.get(ODF.text_restart_numbering) == "true" else None
        label = self.lists.outline.label(level, self.lists.outline_levels, count(start) if start else None)
        return self.lists.counted(label)

    def add_note(self, note: etree._Element) -> None:
        """Place a referenced note as footnote blocks, numbered as its citation shows."""
        kind: NoteKind = "endnote" if note.get(ODF.text_note_class) == "endnote" else "footnote"
        self.numbers[kind] += 1
        citation = note.find(ODF.text_note_citation)
        shown = (citation.text or "").strip() if citation is not None else ""
        number = int(shown) if shown.isascii() and shown.isdigit() and len(shown) < 7 else self.numbers[kind]
        body = note.find(ODF.text_note_body)
        if body is None:
            return
        self.placed[kind] += 1
        self.in_note = True
        try:
            self.flow(body, {"footnote": number})
        finally:
            self.in_note = False

    def collect(self, element: etree._Element, found: _Paragraph, font: str | None) -> None:
        """Gather the shown text of ``element`` into ``found``; ``font`` is the font its text is set in."""
        if element.text:
            self.chars(element.text, found, font)
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _NOT_TEXT:
                pass
            elif tag == ODF.text_s:
                found.parts.append(" " * min(count(child.get(ODF.text_c)), 1000))
                found.space = False
            elif tag == ODF.text_tab:
                found.parts.append("\t")
                found.space = False
            elif tag == ODF.text_line_break:
                found.parts.append("\n")
                found.space = True
            elif tag == ODF.text_note:
                if not self.in_note:
                    found.notes.append(child)
                    found.parts.append(NOTE)
            elif tag.startswith(_DRAW):
                found.boxes.append(child)  # read after the paragraph, not inside its sentence
            elif tag == ODF.text_hidden_text and child.get(ODF.text_is_hidden) == "true":
                pass
            elif tag == ODF.text_span:
                self.collect(child, found, self.styles.font("text", child.get(ODF.text_style_name)) or font)
            else:  # links, fields (dates, page numbers…), meta, ruby bases: their shown text
                self.collect(child, found, font)
            if child.tail:
                self.chars(child.tail, found, font)

    def chars(self, text: str, found: _Paragraph, font: str | None) -> None:
        """Character data: white space collapsed to one space (none at the start of the paragraph), and
        converted to Unicode when set in a legacy font."""
        text = _WHITE.sub(" ", text)
        if found.space and text.startswith(" "):
            text = text[1:]
        if not text:
            return
        if font and legacy_font(font):
            converted = convert_run(text, font)
            if converted is not None:
                self.legacy_runs += 1
                text = converted
        found.parts.append(text)
        found.space = text.endswith(" ")
