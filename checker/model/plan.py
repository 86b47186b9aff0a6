"""The structured plan extracted from a :class:`~checker.model.document.Document`.

Rule kinds see only this model. Its JSON Schema is exported to ``schemas/plan.schema.json``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.model.document import Block, Location, OcrInfo, Signature

Part = Literal[
    "header", "preamble", "purpose", "content", "implementation", "funding", "closing", "recipients",
    "signature", "other",
]


class DateValue(BaseModel):
    """A date as written, with its calendar value when it has one.

    ``value`` is ``None`` when the text names no complete date (a blank day in a draft) or an
    impossible one (``31/02/2023``); ``problem`` says which.
    """

    model_config = ConfigDict(frozen=True)

    text: str
    value: dt.date | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    problem: Literal["impossible", "incomplete"] | None = None


class NumberSymbol(BaseModel):
    """A document's number and symbol (*số, ký hiệu*), e.g. ``93-HD/BTGTU`` or ``368/QĐ-TTg``."""

    model_config = ConfigDict(frozen=True)

    raw: str = Field(description="As written in the document.")
    canonical: str = Field(description="Spaces removed, dashes and Đ unified; the form reports show.")
    system: Literal["state", "party", "unknown"]
    number: str | None = Field(None, description="The number; None when left blank in a draft.")
    year: int | None = None
    type_code: str | None = Field(None, description="Document-type code (KH, HD, QĐ, …) if any.")
    agency: str | None = None
    problems: list[str] = Field(default_factory=list, description="Why the symbol is malformed, if it is.")

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity for comparison: (number, type, agency), case-insensitive."""
        return (
            (self.number or "").lstrip("0"),
            (self.type_code or "").upper(),
            (self.agency or "").upper(),
        )


class Citation(BaseModel):
    """A reference to another document in running text."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(description="The citation as written.")
    type: str | None = Field(None, description="Type code, from the symbol or else from the type words.")
    type_words: str | None = Field(None, description="The type as written: 'Hướng dẫn', 'Kết luận'.")
    word_type: str | None = Field(None, description="The type code the words name (Hướng dẫn → HD); it can "
                                  "differ from the symbol's code when one of them is mistyped.")
    symbol: str | None = Field(None, description="Canonical number-symbol; None for un-numbered citations.")
    symbol_parts: NumberSymbol | None = Field(None, description="The symbol taken apart, with its problems.")
    date: dt.date | None = None
    date_text: str | None = None
    date_problem: str | None = None
    issuer: str | None = None
    location: Location


class Section(BaseModel):
    """A heading or list item with the items nested under it."""

    marker: str = Field(description="The label as written: 'II.', '1.', '1.1', 'a)', '-', '+'.")
    level: int = Field(description="1 for I., 2 for 1., 3 for 1.1, 4 for a), 5 for -, 6 for +.")
    title: str = Field(description="The text after the marker (first 200 characters).")
    block: int
    part: Part | None = Field(None, description="Which standard part a top-level section is.")
    children: list[Section] = Field(default_factory=list)


class StandardParts(BaseModel):
    """The headings of the standard parts of a plan, where present."""

    purpose: str | None = None
    content: str | None = None
    implementation: str | None = None
    funding: str | None = None


class Task(BaseModel):
    """A duty handed to one or more units in the implementation part."""

    units: list[str] = Field(default_factory=list, description="Responsible (lead) units.")
    coordinating: list[str] = Field(default_factory=list, description="Units that coordinate (phối hợp).")
    vague: bool = Field(False, description="True when the only assignee is a catch-all such as "
                        "'các cơ quan, đơn vị liên quan'.")
    timeframe: str | None = None
    text: str
    source: Literal["text", "table"] = Field("text", description="'table' for a row of a task table.")
    location: Location
    cells: dict[Literal["task", "unit", "partner", "time"], Location] = Field(
        default_factory=dict, description="A row of a task table: where each of its cells that holds text is, by "
        "column, so that a finding about one cell names and quotes that cell.")


class ReportingDuty(BaseModel):
    """A duty to report results, with its deadline and/or period."""

    text: str
    deadline: dt.date | None = None
    deadline_text: str | None = None
    deadline_problem: str | None = None
    deadline_relative: str | None = Field(None, description="A time limit counted from an event, as written: "
                                          "'trong thời hạn 07 ngày làm việc kể từ ngày kết thúc Đại hội'.")
    period: str | None = Field(None, description="A recurring period: '6 tháng, năm', 'hằng quý', …")
    recipient: str | None = None
    via: str | None = Field(None, description="The unit that collects the report (qua …).")
    location: Location


class Signer(BaseModel):
    """The signature block: ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH`` / ``Trần Ngọc Khiêm``."""

    authority: str | None = Field(None, description="The authority line(s) as written, marker included: "
                                  "'T/M BAN THƯỜNG VỤ', 'KT. CHỦ TỊCH', 'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH'.")
    title: str | None = Field(None, description="The signer's position: 'PHÓ BÍ THƯ', 'PHÓ CHỦ TỊCH'.")
    name: str | None = None
    location: Location | None = None


class Body(BaseModel):
    """Who a body is, read from its name: kind, name, level and place, and the organisation it belongs to.

    ``ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH`` / ``BAN THƯỜNG TRỰC`` is the board (*Ban Thường trực*) of the
    organisation *Ủy ban Mặt trận Tổ quốc Việt Nam* at the level *xã*, place *Lương Minh*. Two names are the
    same body when kind, name, level and place agree (see :mod:`checker.text.identity`)."""

    kind: str = Field(description="The kind as written in full: 'Ủy ban nhân dân', 'Ban Thường trực', 'Sở'.")
    role: Literal["organisation", "board", "department"]
    name: str | None = Field(None, description="A department's or named board's own name: 'Nội vụ'.")
    level: str | None = Field(None, description="trung ương, tỉnh, thành phố, huyện, quận, thị xã, xã, phường, "
                              "thị trấn.")
    place: str | None = Field(None, description="The place's name at that level: 'Lương Minh'.")
    of: Body | None = Field(None, description="The organisation a board or department belongs to.")
    text: str = Field(description="The name in full, cased as in running text: 'Ban Chấp hành Đoàn xã Phúc "
                      "Thịnh'.")


class Plan(BaseModel):
    """Everything plancheck extracts from one document."""

    path: str
    format: str
    doc_type: str | None = Field(None, description="KH, HD, CTr, …; None when the text is not an "
                                 "administrative document (e.g. a news article).")
    doc_type_name: str | None = None
    number_symbol: str | None = Field(None, description="Canonical own number-symbol.")
    symbol_parts: NumberSymbol | None = Field(None, description="The own symbol taken apart, with its problems.")
    issuer: str | None = None
    issuer_source: Literal["header", "basis", "signature"] | None = None
    issuing_body: str | None = Field(None, description="The body that issued the document: the last line of a "
                                     "two-line header when it names a body under the one above (SỞ NỘI VỤ under "
                                     "UBND TỈNH LÂM ĐỒNG → 'Sở Nội vụ'), else the issuer.")
    unit: Body | None = Field(None, description="The issuing body's identity, read from the issuer (its place "
                              "completed from the text when the name gives only the level: 'tỉnh').")
    place: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    date_problem: str | None = None
    year: int | None = Field(None, description="The plan's year: from its date, else its title.")
    title: str | None = None
    basis: list[Citation] = Field(default_factory=list, description="Citations in the basis clause.")
    citations: list[Citation] = Field(default_factory=list, description="All numbered citations.")
    sections: list[Section] = Field(default_factory=list)
    parts: StandardParts = Field(default_factory=StandardParts)
    tasks: list[Task] = Field(default_factory=list)
    reporting: list[ReportingDuty] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    signer: Signer | None = None
    signatures: list[Signature] = Field(default_factory=list, description="The digital signatures of a PDF, "
                                        "with who signed, when, and whether each holds.")
    block_parts: list[Part] = Field(default_factory=list, description="The part each block belongs to.")
    block_sections: list[list[str]] = Field(default_factory=list,
                                            description="Section path (markers) of each block.")
    blocks: list[Block] = Field(default_factory=list, description="The text, for rules that search it.")
    notes: list[str] = Field(default_factory=list)
    ocr: OcrInfo | None = Field(None, description="Set when some pages were scans read by OCR: their text may "
                                "hold misread characters.")

    @property
    def unit_name(self) -> str | None:
        """The issuing unit's name in full, in the case of running text (``Sở Nội vụ tỉnh Lâm Đồng`` for the
        header ``UBND TỈNH LÂM ĐỒNG`` / ``SỞ NỘI VỤ``); as written when it does not read as a body."""
        if self.unit is not None:
            return self.unit.text
        return self.issuing_body or self.issuer
