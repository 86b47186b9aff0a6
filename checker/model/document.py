"""What a reader returns: the blocks of a document in reading order, each with its location.

Every reader (.txt, .docx, .doc, .odt, .html, .pdf) returns this same :class:`Document`, so nothing
downstream ever sees a file format.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

BlockKind = Literal["paragraph", "table_cell", "footnote"]


class Location(BaseModel):
    """Where a piece of text sits in its source file.

    ``block`` is the index into :attr:`Document.blocks`; the other fields say where that block came
    from in terms a person can find: a line number for text files, a page and line for PDF files,
    a paragraph index or a table/row/cell for Word files, a footnote number for footnote text.
    ``start``/``end`` are character offsets inside the block.
    """

    model_config = ConfigDict(frozen=True)

    block: int
    page: int | None = None
    line: int | None = None
    paragraph: int | None = None
    footnote: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    start: int | None = None
    end: int | None = None
    column: int | None = Field(None, description="Text files, a span on a one-line block: its first column "
                               "(from 1, in characters of the text as read, NFC).")
    end_column: int | None = Field(None, description="The column just after the span (exclusive), with column.")
    section: list[str] = Field(default_factory=list)

    def describe(self, lang: str = "vi") -> str:
        """A short human description: ``dòng 12``, ``đoạn 5``, ``bảng 1, hàng 2, ô 3``."""
        vi = lang != "en"
        if self.footnote is not None:
            return f"{'chú thích' if vi else 'footnote'} {self.footnote}"
        if self.page is not None:
            place = f"{'trang' if vi else 'page'} {self.page}"
            return place + (f", {'dòng' if vi else 'line'} {self.line}" if self.line is not None else "")
        if self.table is not None:
            parts = [
                ("bảng" if vi else "table", self.table),
                ("hàng" if vi else "row", self.row),
                ("ô" if vi else "cell", self.cell),
            ]
            return ", ".join(f"{name} {value}" for name, value in parts if value is not None)
        if self.line is not None:
            return f"{'dòng' if vi else 'line'} {self.line}"
        if self.paragraph is not None:
            return f"{'đoạn' if vi else 'paragraph'} {self.paragraph}"
        return f"{'khối' if vi else 'block'} {self.block}"


class Block(BaseModel):
    """One paragraph (or one table-cell paragraph) of text.

    ``text`` is the original text after Unicode NFC composition and removal of invisible
    characters (zero-width spaces, BOM); it is what reports quote. Matching uses
    :func:`checker.text.normalize.fold`, which keeps offsets aligned with ``text``.
    """

    model_config = ConfigDict(frozen=True)

    index: int
    text: str
    kind: BlockKind = "paragraph"
    page: int | None = None
    line: int | None = None
    end_line: int | None = None
    column: int | None = Field(None, description="Text files: the column (from 1, in characters of the text as "
                               "read) where the block starts on its first line.")
    paragraph: int | None = None
    footnote: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    style: str | None = None
    outline_level: int | None = None

    def location(self, start: int | None = None, end: int | None = None,
                 section: list[str] | None = None) -> Location:
        """The location of this block, or of a span inside it."""
        one_line = self.column is not None and self.end_line in (None, self.line)
        spans = one_line and start is not None and end is not None
        return Location(
            block=self.index,
            page=self.page,
            line=self.line,
            paragraph=self.paragraph,
            footnote=self.footnote,
            table=self.table,
            row=self.row,
            cell=self.cell,
            start=start,
            end=end,
            column=self.column + start if spans and self.column is not None and start is not None else None,
            end_column=self.column + end if spans and self.column is not None and end is not None else None,
            section=section or [],
        )


Modification = Literal["none", "signing", "annotations", "other"]


class Signature(BaseModel):
    """A digital signature of a PDF, as read and validated (:mod:`checker.read.pdf_signatures`).

    ``trusted`` is None when no trust store was given (``check --trust-roots``): the signature is then reported
    as signed, its certificate chain not checked, never as valid."""

    model_config = ConfigDict(frozen=True)

    field: str | None = Field(None, description="The name of the signature field.")
    signer: str | None = Field(None, description="The common name (CN) of the signer's certificate.")
    organisation: str | None = Field(None, description="The organisation (O, else OU) of the signer's certificate.")
    signed_at: dt.datetime | None = Field(None, description="When it was signed: the timestamp's time, else the "
                                          "time the signer's software recorded.")
    intact: bool = Field(False, description="The signed bytes are unchanged and the signature is cryptographically "
                         "valid.")
    covers_whole: bool = Field(False, description="The signature covers the whole file: nothing was added after "
                               "signing.")
    modification: Modification = Field("none", description="What was added after signing: none (covers the whole "
                                       "file), signing (later signatures, timestamps or filled form fields), "
                                       "annotations (comments), other (the content changed, or the changes could "
                                       "not be told apart).")
    modified_after: str | None = Field(None, description="What changed after signing, in words (Vietnamese, then "
                                       "English in brackets), when the signature does not cover the whole file.")
    trusted: bool | None = Field(None, description="The certificate chains to a root of the trust store; None when "
                                 "no trust store was given (the chain not checked).")
    problem: str | None = Field(None, description="Why the signature is not intact or not trusted (Vietnamese, "
                                "then English in brackets).")


class OcrInfo(BaseModel):
    """How the text of scanned pages was read: by OCR, which can misread. A finding that rests on such text
    is marked (:attr:`checker.model.report.Finding.ocr`) for a second look."""

    model_config = ConfigDict(frozen=True)

    engine: str = Field(description="The OCR engine and its version, e.g. 'Tesseract 5.3.0'.")
    languages: str = Field(description="The language data used, e.g. 'vie'.")
    pages: list[int] = Field(description="The pages read by OCR, counted from 1.")
    confidence: float = Field(description="Mean confidence of the words read, 0-100.")

    def describe(self, lang: str = "vi") -> str:
        """``chữ trang 1, 2 được nhận dạng bằng OCR (Tesseract 5.3.0, vie), độ tin cậy trung bình 91,5%``."""
        pages = ", ".join(map(str, self.pages))
        if lang == "en":
            return (f"text of page(s) {pages} read by OCR ({self.engine}, {self.languages}), mean confidence "
                    f"{self.confidence:.1f}%")
        confidence = f"{self.confidence:.1f}".replace(".", ",")
        return (f"chữ trang {pages} được nhận dạng bằng OCR ({self.engine}, {self.languages}), độ tin cậy trung "
                f"bình {confidence}%")


class Document(BaseModel):
    """A document as read from a file, before any interpretation."""

    path: str
    format: Literal["txt", "docx", "html", "pdf", "doc", "odt", "image"]
    encoding: str | None = None
    blocks: list[Block]
    notes: list[str] = Field(
        default_factory=list,
        description="What the reader had to do to read the file (encoding guessed, lines joined…).",
    )
    signatures: list[Signature] = Field(default_factory=list, description="The digital signatures of a PDF.")
    ocr: OcrInfo | None = Field(None, description="Set when some pages were scans read by OCR.")
