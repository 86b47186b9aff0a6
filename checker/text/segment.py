"""Vietnamese word segmentation: which syllables make one word (``vận dụng``, ``sáng tạo``, ``thông tin
đối ngoại``), so that a phrase picked from a text is made of whole words.

Vietnamese writes a space between syllables, not between words; a phrase cut from syllables alone can
start inside a word (``dụng sáng tạo`` of ``vận dụng sáng tạo``). The segmenter is underthesea's CRF
model (trained on VLSP 2013, shipped inside its wheel: nothing is downloaded), imported only where a
text is segmented (deriving a pack from a parent directive), as it takes a third of a second to load.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from checker.text.normalize import fold

_RUN = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)*")  # letters-only words separated by spaces


@lru_cache(maxsize=4096)
def _segmented(run: str) -> tuple[str, ...]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # underthesea never needs the network for this
    from underthesea import word_tokenize

    return tuple(" ".join(fold(w).split()) for w in word_tokenize(run) if w.strip())


def word_runs(text: str) -> list[list[str]]:
    """The text's runs of words between punctuation and numbers, each word folded and possibly of several
    syllables: ``Vận dụng sáng tạo, linh hoạt`` → ``[["vận dụng", "sáng tạo"], ["linh hoạt"]]``."""
    runs = []
    for match in _RUN.finditer(text):
        words = list(_segmented(" ".join(match.group(0).split())))
        if words:
            runs.append(words)
    return runs
