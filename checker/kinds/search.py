"""Searching a plan's text for phrases, as the theme and handed-down-task kinds do.

Evidence is searched block by block on folded text in the parts given; a phrase inside the proper
name of a body ("Phòng Văn hóa và Thông tin" for the phrase "văn hóa") does not count.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.kinds.base import quote
from checker.model.plan import Plan
from checker.model.report import Evidence

# "Phòng Văn hóa và Thông tin", "Sở Văn hóa, Thể thao và Du lịch", "Hội nghị Văn hóa toàn quốc": a
# theme word that is part of a proper name says nothing about the plan's content.
_NAME_BEFORE = re.compile(
    r"(?:Phòng|Sở|Bộ|Ban|Trung tâm|Trung Tâm|Cục|Chi cục|Viện|Hội nghị|Hội|Đài|Báo|Trường|Ủy ban|Uỷ ban|Vụ)"
    r"(?:\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]\w*,?)*\s+$"
)


def _inside_unit_name(text: str, start: int) -> bool:
    return text[start:start + 1].isupper() and bool(_NAME_BEFORE.search(text[max(0, start - 60):start]))


SEARCHED = {"content", "implementation", "funding", "other", "closing", "preamble"}


@lru_cache(maxsize=1024)
def _any_of(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One pattern matching wherever any of ``patterns`` does: a single scan rules a block out."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))


def find_evidence(plan: Plan, folded_blocks: list[str], patterns: list[re.Pattern[str]], parts: set[str],
          limit: int) -> list[Evidence]:
    """Up to ``limit`` quotes, one per block in reading order: in each block, the first pattern (in the
    order given) that matches outside a body's name. Blocks where no pattern matches at all are ruled out
    by one combined scan, so the cost grows with the text, not with text × phrases."""
    found: list[Evidence] = []
    anywhere = _any_of(tuple(patterns))
    for block in plan.blocks:
        part = plan.block_parts[block.index] if block.index < len(plan.block_parts) else "other"
        if part not in parts:
            continue
        folded = folded_blocks[block.index]
        if anywhere.search(folded) is None:
            continue
        for pattern in patterns:
            m = next((m for m in pattern.finditer(folded) if not _inside_unit_name(block.text, m.start())), None)
            if m:
                path = plan.block_sections[block.index] if block.index < len(plan.block_sections) else []
                found.append(Evidence(
                    quote=quote(block.text, m.start(), m.end()),
                    phrase=block.text[m.start():m.end()],
                    location=block.location(m.start(), m.end(), path),
                ))
                break
        if len(found) >= limit:
            break
    return found
