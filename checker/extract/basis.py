"""The basis clause (*Căn cứ …*, *Thực hiện …*) between the title and section I (domain notes §3).

The clause is one paragraph (``Thực hiện Nghị quyết số …; Nghị quyết số …, UBND tỉnh ban hành …
như sau:``) or a list of paragraphs, each opening with *Căn cứ* (``Căn cứ Luật …;`` / ``Căn cứ
Nghị định số …;``) or continuing the list after a ``;`` (``Công văn số 6676/BYT-CDS …``). Other
paragraphs of the preamble — background (``Sau 8 năm triển khai thực hiện Nghị quyết số 21-NQ/TW
…``) and the closing sentence that restates the subject — are not part of it. A preamble with no
paragraph opening that way (a web copy, a guidance that starts with the situation) is searched
from the first basis verb on, as before.
"""

from __future__ import annotations

import re
from itertools import islice

from checker.extract.citations import find_citations, find_named_citations
from checker.extract.units import starts_with_unit
from checker.extract.vocabulary import BASIS_VERB
from checker.limits import current
from checker.model.document import Block
from checker.model.plan import Citation
from checker.text.letters import UPPER
from checker.text.normalize import fold

_BASIS_VERB = re.compile(rf"(?<![\wÀ-ỹ]){BASIS_VERB}(?![\wÀ-ỹ])")
# A paragraph of the clause opens with a basis verb; "Theo …" opens background too ("Theo số liệu …").
_OPENS_BASIS = re.compile(rf"^[\s\-–+•*]*(?!theo\b){BASIS_VERB}(?![\wÀ-ỹ])")
_ISSUER_IN_BASIS = re.compile(
    rf"(?:^|[,;.]\s*)(?P<who>[{UPPER}][^,;.]{{3,100}}?)\s+(?i:ban hành|xây dựng|hướng dẫn|triển khai|đề ra)\s+"
    r"(?i:kế hoạch|hướng dẫn|chương trình|thực hiện|công tác)"
)


def _clause_blocks(blocks: list[Block]) -> list[tuple[Block, int]]:
    """The paragraphs of the basis clause with the offset its citations start from."""
    clause: list[tuple[Block, int]] = []
    continues = False
    for block in blocks:
        if block.kind == "footnote":
            continue  # a note on a basis line explains it; the clause goes on after the note
        text = block.text.strip()
        if _OPENS_BASIS.match(fold(text)) or continues:
            clause.append((block, 0))
            continues = text.endswith((";", ","))
        else:
            continues = False
    if clause:
        return clause
    for block in blocks:  # no paragraph opens the clause: search from the first basis verb
        verb = _BASIS_VERB.search(fold(block.text))
        if verb:
            clause.append((block, verb.start()))
    return clause


def read_basis(blocks: list[Block], paths: list[list[str]],
               own: str | None = None) -> tuple[list[Citation], str | None]:
    """Citations in the basis clause of the preamble ``blocks``, and the issuer named at its end
    (``…, Ban Thường vụ Huyện ủy hướng dẫn …``) when the header names none. ``own``: the document's own
    symbol, which is no basis of its own (a decision's attached plan names it: "Ban hành kèm theo Quyết định
    số …"); a document cited in the subject of another is not either (see :func:`_in_subject`)."""
    basis: list[Citation] = []
    issuer: str | None = None
    for block in blocks:
        m = _ISSUER_IN_BASIS.search(block.text)
        if m and starts_with_unit(m.group("who")):
            issuer = m.group("who").strip()
            break
    seen: set[str] = set()
    cap = current().citations
    for block, start in _clause_blocks(blocks):
        path = paths[block.index]
        # At most the citations cap from each block: the plan's own citations are capped (with a note) alike.
        numbered = list(islice(find_citations(block, path, start, blank=True), cap))
        named = list(islice(find_named_citations(block, start, len(block.text), path), cap))
        previous_end: int | None = None
        for citation in sorted(numbered + named, key=lambda c: c.location.start or 0):
            at = citation.location.start or 0
            nested = previous_end is not None and _in_subject(block.text, previous_end, at)
            previous_end = citation.location.end if citation.location.end is not None else at
            if nested or (own is not None and citation.symbol == own):
                continue
            key = citation.symbol or _name_key(citation.text)
            if key not in seen:
                seen.add(key)
                basis.append(citation)
    return basis, issuer


# What a cited document is about can cite another document: "Kết luận số 57-KL/TW … về tiếp tục thực hiện Nghị quyết
# 36-NQ/TW", "Nghị quyết số 50/NQ-CP … ban hành kế hoạch triển khai Nghị quyết số 163/2024/QH15". That one is the
# subject of the basis, not a basis of its own; a list of documents ("…; Nghị quyết số …", "… và Quyết định số …")
# is not.
_SUBJECT_LEAD = re.compile(r"(?<![\wÀ-ỹ])(?:về(?: việc)?|thực hiện|triển khai(?: thực hiện)?|sơ kết|tổng kết|thi hành|"
                           r"sửa đổi, bổ sung|quy định chi tiết|hướng dẫn|cụ thể hóa)(?:\s+\S+){0,3}\s*$")


def _in_subject(text: str, previous_end: int, at: int) -> bool:
    """Whether the citation at ``at`` stands in the subject of the one that ended at ``previous_end``."""
    between = fold(text[previous_end:at])
    if ";" in between or re.search(r"[.!?]\s", between) or re.search(r"(?:^|[,;]|\s)và\s*$|(?:^|[,;])\s*$",
                                                                     between):
        return False  # a list: "…; Nghị quyết số …", "… về học tập và Quyết định số …"
    if re.search(r"(?<![\wÀ-ỹ])bởi\s*(?:\S+\s*){0,1}$", between):
        return False  # "… được sửa đổi, bổ sung bởi Luật số 83/2025/QH15": the amending law is a basis too
    return bool(_SUBJECT_LEAD.search(between))


def _name_key(text: str) -> str:
    """Two mentions of one un-numbered document compare equal (``Luật Thi đua, khen thưởng`` with
    and without its date)."""
    return re.sub(r"\s+ngày\b.*$", "", fold(text)).strip()
