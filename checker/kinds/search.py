"""Searching a plan's text for phrases, as the theme and handed-down-task kinds do.

Evidence is searched block by block on folded text in the parts given; a phrase inside the proper
name of a body ("Phòng Văn hóa và Thông tin" for the phrase "văn hóa") does not count.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from checker.kinds.base import phrase_pattern, quote
from checker.model.plan import Plan
from checker.model.report import Evidence
from checker.text.normalize import fold

# "Phòng Văn hóa và Thông tin", "Sở Văn hóa, Thể thao và Du lịch", "Hội nghị Văn hóa toàn quốc": a
# theme word that is part of a proper name says nothing about the plan's content.
_NAME_BEFORE = re.compile(
    r"(?:Phòng|Sở|Bộ|Ban|Trung tâm|Trung Tâm|Cục|Chi cục|Viện|Hội nghị|Hội|Đài|Báo|Trường|Ủy ban|Uỷ ban|Vụ)"
    r"(?:\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]\w*,?)*\s+$"
)


def _inside_unit_name(text: str, start: int) -> bool:
    return text[start:start + 1].isupper() and bool(_NAME_BEFORE.search(text[max(0, start - 60):start]))


SEARCHED = {"content", "implementation", "funding", "other", "closing", "preamble"}

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class BlockIndex:
    """A plan's blocks folded once, and for each word the blocks it occurs in (in reading order).

    A phrase pattern matches only where every word of the phrase stands as a whole word (its pattern is
    word-bounded), so the blocks holding all of a phrase's words are the only ones worth a regex search:
    the cost of a theme grows with the blocks that could match, not with blocks × phrases."""

    folded: list[str]
    postings: dict[str, list[int]]

    @classmethod
    def of(cls, plan: Plan) -> BlockIndex:
        folded = [fold(block.text) for block in plan.blocks]
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for index, text in enumerate(folded):
            for word in set(_WORD.findall(text)):
                postings[word].append(index)
        return cls(folded, postings)

    def candidates(self, phrase: str) -> list[int] | None:
        """Indexes of the blocks holding every word of ``phrase``; None when it has no words (any block)."""
        words = _words(phrase)
        if not words:
            return None
        lists = sorted((self.postings.get(w, []) for w in words), key=len)
        if len(lists) == 1:
            return lists[0]
        others = [set(found) for found in lists[1:]]
        return [i for i in lists[0] if all(i in found for found in others)]


@lru_cache(maxsize=4096)
def _words(phrase: str) -> frozenset[str]:
    return frozenset(_WORD.findall(fold(phrase)))


_last: tuple[Plan, BlockIndex] | None = None


def block_index(plan: Plan) -> BlockIndex:
    """The index of ``plan``, built once for all the rules that search it (the last plan's is kept)."""
    global _last
    found = _last  # read once: another thread may replace it meanwhile
    if found is None or found[0] is not plan or len(found[1].folded) != len(plan.blocks):
        found = _last = (plan, BlockIndex.of(plan))
    return found[1]


def find_evidence(plan: Plan, phrases: list[str], parts: set[str], limit: int) -> list[Evidence]:
    """Up to ``limit`` quotes, one per block in reading order: in each block, the first phrase (in the
    order given) that matches outside a body's name. Only the blocks holding all the words of a phrase
    are searched for it (see :class:`BlockIndex`)."""
    index = block_index(plan)
    wanted: dict[int, list[re.Pattern[str]]] = {}
    for phrase in phrases:
        blocks = index.candidates(phrase)
        for i in range(len(plan.blocks)) if blocks is None else blocks:
            wanted.setdefault(i, []).append(phrase_pattern(phrase))
    found: list[Evidence] = []
    for i in sorted(wanted):
        block = plan.blocks[i]
        part = plan.block_parts[i] if i < len(plan.block_parts) else "other"
        if part not in parts:
            continue
        folded = index.folded[i]
        for pattern in wanted[i]:
            m = next((m for m in pattern.finditer(folded) if not _inside_unit_name(block.text, m.start())), None)
            if m:
                path = plan.block_sections[i] if i < len(plan.block_sections) else []
                found.append(Evidence(
                    quote=quote(block.text, m.start(), m.end()),
                    phrase=block.text[m.start():m.end()],
                    location=block.location(m.start(), m.end(), path),
                ))
                break
        if len(found) >= limit:
            break
    return found
