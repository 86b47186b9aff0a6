"""What every rule kind shares: its parameter base class and the problems it yields.

A kind is code; a rule (YAML) picks a kind and sets its params, id, severity and message. A kind
never reads files and never decides the rule id: it yields :class:`Problem` objects naming one
of its message ``code``s with the values to fill in, and the engine renders them in the
reader's language and stamps the rule id and severity.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from checker.model.document import Location
from checker.text.normalize import fold, squash

Level = Literal["error", "warning", "info"]


class Params(BaseModel):
    """Base of every kind's parameters: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Subject:
    """What a problem is about, so that the engine can tell two rules reporting the same thing: the id the
    kind gives it (a theme's id), its phrases, and the text they are matched in (its label and phrases).

    Two subjects are the same when a phrase of one is found, as :func:`phrase_pattern` finds it in a plan
    (folded, whole words), in the label or phrases of the other: «kiều bào» in both, or «tư tưởng Hồ Chí Minh»
    in the title of a parent's content item. Problems of two different rules on the same subject report one
    thing; the engine keeps one of them (see :func:`checker.engine.run.report_once`)."""

    id: str
    phrases: tuple[str, ...]
    text: str

    @classmethod
    def of(cls, id: str, label: str, phrases: Iterable[str]) -> Subject:
        phrases = tuple(phrases)
        # " · " between the pieces: a phrase never matches across the end of one and the start of the next.
        return cls(id, phrases, squash(" · ".join([label, *phrases])))

    def same_as(self, other: Subject, generic: Callable[[str], bool] = lambda phrase: False) -> bool:
        """A phrase of one found in the other; ``generic`` phrases (words plans on any subject use: «kinh
        phí», «địa bàn») do not tell two subjects apart, so they never make them the same."""
        return any(phrase_pattern(p).search(other.text) for p in self.phrases if not generic(squash(p))) or \
            any(phrase_pattern(p).search(self.text) for p in other.phrases if not generic(squash(p)))


@dataclass(frozen=True)
class Problem:
    """A finding before the engine renders it.

    ``level`` is None for the rule's own severity, or a lower level for a milder case of the
    same rule (a vague assignee is a warning even when a missing unit is an error). An ``args``
    value that is a ``{"vi": …, "en": …}`` mapping is rendered in the reader's language.
    ``subject`` says what the problem is about when another rule may report the same thing.
    """

    code: str
    args: dict[str, Any] = field(default_factory=dict)
    level: Level | None = None
    location: Location | None = None
    evidence: str | None = None
    subject: Subject | None = None


@dataclass(frozen=True)
class Coverage:
    """How a theme is covered, before the engine picks the label's language (see covers_themes).

    ``required`` is False for a theme that applies only from a later year (``since``) than the plan's.
    """

    id: str
    label: dict[str, str]
    covered: bool
    only_in_purpose: bool = False
    evidence: tuple[Any, ...] = ()
    required: bool = True
    since: int | None = None
    introduced_by: str | None = None


@dataclass(frozen=True)
class Message:
    """A message in both languages, with an optional fix; ``{name}`` fields come from the args."""

    vi: str
    en: str
    fix_vi: str | None = None
    fix_en: str | None = None


def example_hint(source: str | None, phrases: list[str]) -> dict[str, str]:
    """How a fix says what to write: the parent's own sentence when the rule quotes it (a pack derived
    from the parent), else a few of the phrases looked for."""
    if source:
        return {"vi": f"như văn bản cấp trên yêu cầu: «{source}»", "en": f"as the parent directive asks: “{source}”"}
    listed = ", ".join(phrases[:4])
    return {"vi": f"ví dụ nêu: {listed}", "en": f"e.g. mentioning: {listed}"}


def quote(text: str, start: int | None = None, end: int | None = None, width: int = 220) -> str:
    """The sentence around ``text[start:end]``, at most ``width`` characters, for evidence."""
    if start is None or end is None:
        return text[:width] + ("…" if len(text) > width else "")
    # The sentence starts after the last ". " or "; " before the match (or at the block start).
    left = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start))
    left = left + 2 if left != -1 else 0
    right_candidates = [i for i in (text.find(". ", end), text.find("; ", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    if right - left > width:
        left = max(left, start - width // 2)
        right = min(right, left + width)
    snippet = text[left:right].strip()
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(text) else "")


_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A word-bounded, space-tolerant pattern for a folded phrase."""
    words = [re.escape(w) for w in _SPACE.split(fold(phrase).strip()) if w]
    # \w is Unicode-aware: it covers every precomposed Vietnamese letter (and compiles far faster than a
    # class with the range À-ỹ, which matters for packs of hundreds of phrases).
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")
