"""From a read :class:`~checker.model.document.Document` to the structured :class:`~checker.model.plan.Plan`.

Each step lives in its own module (header, citations, sections, tasks, reporting, closing); this
module only orders them. Extraction never raises on odd text: what it cannot find stays empty and
the rules report it.
"""

from __future__ import annotations

import re

from checker.extract.citations import find_citations, find_named_citations
from checker.extract.closing import read_recipients, read_signer
from checker.extract.header import read_header, year_of_title
from checker.extract.reporting import find_duties
from checker.extract.sections import assign_parts, block_parts, build_sections, top_level
from checker.extract.tasks import tasks_in
from checker.extract.units import starts_with_unit
from checker.model.document import Block, Document
from checker.model.plan import Citation, Plan
from checker.text.normalize import fold

_BASIS_VERB = re.compile(r"(?<![\wÀ-ỹ])(?:căn cứ|thực hiện|triển khai|tiếp tục thực hiện|thi hành|theo)(?![\wÀ-ỹ])")
_ISSUER_IN_BASIS = re.compile(
    r"(?:^|[,;.]\s*)(?P<who>[A-ZĐÂĂÊÔƠƯỦ][^,;.]{3,100}?)\s+(?:ban hành|xây dựng|hướng dẫn|triển khai|đề ra)\s+"
    r"(?:kế hoạch|hướng dẫn|chương trình|thực hiện|công tác)",
    re.IGNORECASE,
)


def _basis(blocks: list[Block], paths: list[list[str]]) -> tuple[list[Citation], str | None]:
    """Citations in the basis clause, and the issuer named at its end when there is one."""
    basis: list[Citation] = []
    issuer: str | None = None
    seen: set[str] = set()
    for block in blocks:
        m = _ISSUER_IN_BASIS.search(block.text)
        if m and issuer is None and starts_with_unit(m.group("who")):
            issuer = m.group("who").strip()
        verb = _BASIS_VERB.search(fold(block.text))
        if not verb:
            continue
        numbered = list(find_citations(block, paths[block.index], verb.start()))
        named = list(find_named_citations(block, verb.start(), len(block.text), paths[block.index]))
        for citation in sorted(numbered + named, key=lambda c: c.location.start or 0):
            key = citation.symbol or citation.text
            if key not in seen:
                seen.add(key)
                basis.append(citation)
    return basis, issuer


def extract_plan(document: Document) -> Plan:
    """Extract everything plancheck knows how to find from one document."""
    blocks = document.blocks
    header = read_header(blocks)
    body_start = header.body_start if header.title_block is not None else 0
    roots, paths = build_sections(blocks, body_start)
    parts = assign_parts(roots)
    kinds = block_parts(blocks, roots, body_start, body_start)
    tops = top_level(roots)
    first_section = min((s.block for s in tops), default=len(blocks))
    preamble = [b for b in blocks[body_start:first_section]]
    if header.title_block is None and not tops:
        preamble = preamble[:6]  # a text with no title and no sections: only its opening counts
    basis, basis_issuer = _basis(preamble, paths)

    citations: list[Citation] = []
    for block in blocks[body_start:]:
        citations.extend(find_citations(block, paths[block.index]))

    tasks = []
    for pos, section in enumerate(tops):
        if section.part != "implementation":
            continue
        limit = tops[pos + 1].block if pos + 1 < len(tops) else len(blocks)
        ends = [i for i in range(section.block, limit) if kinds[i] in ("closing", "recipients", "signature")]
        tasks.extend(tasks_in(section, blocks, min(ends, default=limit), paths))

    reporting = []
    for block in blocks[body_start:]:
        if kinds[block.index] in ("recipients", "signature"):
            continue
        reporting.extend(find_duties(block, paths[block.index]))

    recipients, recipients_at = read_recipients(blocks)
    closing_at = next((i for i, k in enumerate(kinds) if k in ("closing", "recipients")), len(blocks))
    signer = read_signer(blocks, recipients_at if recipients_at is not None else closing_at)

    issuer, issuer_source = header.issuer, "header" if header.issuer else None
    if issuer is None and basis_issuer:
        issuer, issuer_source = basis_issuer, "basis"
    date = header.date
    year = (date.year if date else None) or year_of_title(header.title)
    return Plan(
        path=document.path,
        format=document.format,
        doc_type=header.doc_type,
        doc_type_name=header.doc_type_name,
        number_symbol=header.symbol.canonical if header.symbol else None,
        symbol=header.symbol,
        issuer=issuer,
        issuer_source=issuer_source,  # type: ignore[arg-type]
        place=header.place,
        date=date.value if date else None,
        date_text=date.text if date else None,
        date_problem=date.problem if date else None,
        year=year,
        title=header.title,
        basis=basis,
        citations=citations,
        sections=roots,
        parts=parts,
        tasks=tasks,
        reporting=reporting,
        recipients=recipients,
        signer=signer,
        block_parts=kinds,
        block_sections=paths,
        blocks=blocks,
        notes=list(document.notes),
    )
