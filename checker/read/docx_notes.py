"""Footnotes and endnotes of a .docx: their bodies, and the numbers Word shows for them.

``word/footnotes.xml`` and ``word/endnotes.xml`` hold one ``w:footnote`` / ``w:endnote`` per note,
keyed by ``w:id``; the body text marks the place with ``w:footnoteReference`` /
``w:endnoteReference w:id="…"``. The separator lines Word keeps in the same parts (``w:type`` =
``separator``, ``continuationSeparator``, ``continuationNotice``) are not notes and are skipped.

Numbers: Word numbers notes in the order their references appear, from 1 (or from the
``w:numStart`` of the body's ``w:footnotePr`` / ``w:endnotePr``); footnotes and endnotes are counted
separately. :meth:`Notes.take` is called by the reader for each reference in reading order and
gives the number and the paragraphs of the note the first time it is referenced; a note that is
never referenced is not shown by Word and is not read. Limits: a note with a custom mark
(``w:customMarkFollows``) still gets the next number; restarts per section or page are ignored
(there are no pages in the model).

The reader turns every paragraph of a note into a block of kind ``footnote`` whose ``footnote``
field is that number (endnotes too: the model has one kind for both), placed right after the block
that holds the reference, so the note belongs to the section that cites it.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Literal

from lxml import etree

from checker.read.docx_styles import to_int

NoteKind = Literal["footnote", "endnote"]
_NOT_NOTES = {"separator", "continuationSeparator", "continuationNotice"}


class Notes:
    """The notes of a document by kind and id, numbered as their references are met."""

    def __init__(self, w: SimpleNamespace, footnotes: etree._Element | None, endnotes: etree._Element | None,
                 body: etree._Element | None = None) -> None:
        self._w = w
        self._bodies: dict[NoteKind, dict[str, etree._Element]] = {
            "footnote": self._read(footnotes, w.footnote),
            "endnote": self._read(endnotes, w.endnote),
        }
        self._next: dict[NoteKind, int] = {
            "footnote": self._start(body, w.footnotePr),
            "endnote": self._start(body, w.endnotePr),
        }
        self._placed: set[tuple[NoteKind, str]] = set()

    def _read(self, root: etree._Element | None, tag: str) -> dict[str, etree._Element]:
        notes: dict[str, etree._Element] = {}
        if root is None:
            return notes
        for note in root.iter(tag):
            if note.get(self._w.a_type, "normal") not in _NOT_NOTES:
                notes.setdefault(note.get(self._w.a_id, ""), note)
        return notes

    def _start(self, body: etree._Element | None, tag: str) -> int:
        """``w:numStart`` of the last section's note properties; 1 when absent or damaged."""
        if body is None:
            return 1
        props = body.find(f"{self._w.sectPr}/{tag}/{self._w.numStart}")
        start = to_int(props.get(self._w.val)) if props is not None else None
        return start if start is not None and start >= 0 else 1

    def count(self, kind: NoteKind) -> int:
        """How many notes of ``kind`` the document defines (separators excluded)."""
        return len(self._bodies[kind])

    def take(self, kind: NoteKind, note_id: str) -> tuple[int, etree._Element] | None:
        """Count a reference to note ``note_id``; its number and element the first time, else None.

        None too for a reference to a note the part does not have (a damaged file).
        """
        number = self._next[kind]
        self._next[kind] += 1  # Word draws a number at every reference, even a dangling or repeated one
        note = self._bodies[kind].get(note_id)
        if note is None or (kind, note_id) in self._placed:
            return None
        self._placed.add((kind, note_id))
        return number, note

    def placed(self, kind: NoteKind) -> int:
        """How many notes of ``kind`` were placed after their reference."""
        return sum(1 for placed_kind, _ in self._placed if placed_kind == kind)
