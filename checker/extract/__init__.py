"""From a read :class:`~checker.model.document.Document` to the structured :class:`~checker.model.plan.Plan`.

Each step lives in its own module (header, sections, basis and citations, tasks and units,
reporting, closing); this module only orders them. Extraction never raises on odd text: what it
cannot find stays empty and the rules report it.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import Literal

from checker.extract.basis import read_basis
from checker.extract.citations import find_citations
from checker.extract.closing import read_recipients, read_signer
from checker.extract.header import read_header, year_of_title
from checker.extract.reporting import find_duties
from checker.extract.sections import (
    CLOSING,
    appendix_start,
    assign_parts,
    attached_documents,
    block_parts,
    build_sections,
    classify_part,
    top_level,
)
from checker.extract.task_tables import table_tasks
from checker.extract.tasks import assigned_tasks, tasks_in
from checker.limits import cap_note, current
from checker.model.document import Block, Document
from checker.model.plan import Citation, Plan, Section, Task
from checker.text.identity import parse_body, with_place_from
from checker.text.normalize import fold


def _tasks(tops: list[Section], blocks: list[Block], paths: list[list[str]], end: int,
           closes: Callable[[int], bool], tables: frozenset[int]) -> list[Task]:
    """The tasks of the top-level sections ``tops`` (ending at ``end``; ``closes`` tells the closing lines)."""
    tasks: list[Task] = []
    for pos, section in enumerate(tops):
        limit = tops[pos + 1].block if pos + 1 < len(tops) else end
        stop = next((i for i in range(section.block, limit) if closes(i)), limit)
        if section.part == "implementation":
            tasks.extend(tasks_in(section, blocks, stop, paths, tables))
        elif section.part in ("content", "other", "funding"):
            # Duties outside the implementation part: "Trung tâm Y tế … chủ trì" in the content, "Sở Tài chính
            # chủ trì, tham mưu" under funding, the per-agency items of a letter or directive.
            tasks.extend(assigned_tasks(section, blocks, stop, paths, own=section.level > 1, tables=tables))
    return tasks


def extract_plan(document: Document) -> Plan:
    """Extract everything plancheck knows how to find from one document."""
    blocks = document.blocks
    header = read_header(blocks)
    body_start = header.body_start if header.title_block is not None else 0
    roots, paths = build_sections(blocks, body_start)
    recipients, recipients_at = read_recipients(blocks)
    end = appendix_start(blocks, recipients_at, roots)
    parts = assign_parts(roots, end)
    kinds = block_parts(blocks, roots, body_start, end)
    tops = [s for s in top_level(roots) if s.block < end]
    first_section = min((s.block for s in tops), default=len(blocks))
    preamble = [b for b in blocks[body_start:first_section]]
    if header.title_block is None and not tops:
        preamble = preamble[:6]  # a text with no title and no sections: only its opening counts
    basis, basis_issuer = read_basis(preamble, paths, header.symbol.canonical if header.symbol else None)

    notes = list(document.notes)
    cap = current().citations
    citations: list[Citation] = []
    for block in blocks[body_start:]:
        citations.extend(islice(find_citations(block, paths[block.index]), cap + 1 - len(citations)))
        if len(citations) > cap:
            beyond = citations[cap].location
            del citations[cap:]
            notes.append(cap_note(
                f"Chỉ đọc {cap} trích dẫn văn bản đầu tiên; các trích dẫn từ {beyond.describe('vi')} trở đi không "
                "được kiểm tra", f"only the first {cap} citations of other documents were read; those from "
                f"{beyond.describe('en')} on are not checked", "citations"))
            break

    # Task tables count wherever they are, appendices (phụ lục phân công) included; their cells are read row by
    # row there, not again as paragraphs of the part they stand in.
    from_tables = table_tasks(blocks, paths)
    tables = frozenset(t.location.table for t in from_tables if t.location.table is not None)
    tasks = _tasks(tops, blocks, paths, end, lambda i: kinds[i] in ("closing", "recipients", "signature"), tables)
    # A plan issued by a decision follows it as an attachment ("KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)"):
    # its parts hand out the tasks.
    for start, stop in attached_documents(blocks, end if recipients_at is None else recipients_at):
        attached = [s for s in top_level(roots) if start <= s.block < stop]
        for pos, section in enumerate(attached):
            section.part = classify_part(section.title)
            # its blocks belong to that part, as a plan's own do (the rules judge an attached plan alike)
            until = attached[pos + 1].block if pos + 1 < len(attached) else stop
            for i in range(section.block, until):
                if kinds[i] == "other":
                    kinds[i] = section.part
        tasks.extend(_tasks(attached, blocks, paths, stop, lambda i: bool(CLOSING.match(fold(blocks[i].text.strip()))),
                            tables))
    tasks.extend(from_tables)

    reporting = []
    # Attachments count: task tables (phụ lục phân công) set deadlines too.
    for block in blocks[body_start:]:
        if kinds[block.index] in ("recipients", "signature"):
            continue
        reporting.extend(find_duties(block, paths[block.index]))

    closing_at = next((i for i, k in enumerate(kinds) if k in ("closing", "recipients")), None)
    if recipients_at is not None:
        signer_from = recipients_at
    elif closing_at is not None:
        signer_from = closing_at
    else:  # neither "Nơi nhận" nor a closing sentence: the signature follows the last section
        signer_from = tops[-1].block if tops else body_start
    signer = read_signer(blocks, signer_from)

    issuer = header.issuer
    issuer_source: Literal["header", "basis"] | None = "header" if header.issuer else None
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
        symbol_parts=header.symbol,
        issuer=issuer,
        issuer_source=issuer_source,
        issuing_body=header.issuing_body or issuer,
        unit=with_place_from(parse_body(issuer), (b.text for b in blocks), header.place),
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
        signatures=document.signatures,
        block_parts=kinds,
        block_sections=paths,
        blocks=blocks,
        notes=notes,
        ocr=document.ocr,
    )
