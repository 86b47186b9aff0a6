"""How common a phrase is in ordinary plans: the background a derived pack's phrases are weighed against.

A phrase that many plans on any subject use (``kinh tế``, ``hội nghị``, ``căn cứ``) says nothing about
which item of a parent a plan takes up, so it must never decide coverage. ``background.json`` beside this
module counts, for each candidate phrase, in how many of a set of ordinary plans it occurs; the plans are
``tests/written/`` (44 plans on many subjects, written for this project). Rebuild it after changing how
candidates are found (``python -m checker.engine.background``); a test fails while it is stale.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

PATH = Path(__file__).with_name("background.json")
SOURCES = Path(__file__).resolve().parents[2] / "tests" / "written"
GENERIC_SHARE = 0.2
"""A phrase found in at least this share of the background plans is generic: never a theme's phrase."""


class Background:
    """Document frequencies of phrases over the background plans."""

    def __init__(self, documents: int, frequency: dict[str, int]) -> None:
        self.documents = documents
        self.frequency = frequency

    def share(self, phrase: str) -> float:
        """The share of background plans that use the phrase."""
        return self.frequency.get(phrase, 0) / self.documents if self.documents else 0.0

    def rarity(self, phrase: str) -> float:
        """Inverse document frequency over the background: high for a phrase ordinary plans do not use."""
        return math.log((self.documents + 1) / (self.frequency.get(phrase, 0) + 1)) + 1

    def generic(self, phrase: str) -> bool:
        return self.share(phrase) >= GENERIC_SHARE


@cache
def background() -> Background:
    data = json.loads(PATH.read_text(encoding="utf-8"))
    return Background(int(data["documents"]), {str(k): int(v) for k, v in data["frequency"].items()})


def build(texts: Iterable[str], candidates: Callable[[str], list[str]]) -> dict[str, object]:
    """The background of ``texts``: each candidate phrase and the number of texts it occurs in (phrases
    found in one text only are left out: they weigh nothing)."""
    frequency: Counter[str] = Counter()
    count = 0
    for text in texts:
        count += 1
        frequency.update(set(candidates(text)))
    kept = {p: n for p, n in sorted(frequency.items()) if n > 1}
    return {"documents": count, "frequency": kept}


def rendered() -> str:
    from checker.engine.derive import candidates  # the phrase finder the background is for

    texts = [p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt"))]
    return json.dumps(build(texts, candidates), ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    text = rendered()
    if "--check" in argv:
        if not PATH.exists() or PATH.read_text(encoding="utf-8") != text:
            print(f"{PATH} is stale: run python -m checker.engine.background", file=sys.stderr)
            return 1
        return 0
    PATH.write_text(text, encoding="utf-8")
    print(f"wrote {PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
