"""Vietnamese word segmentation: which syllables make one word (``vận dụng``, ``sáng tạo``, ``thông tin
đối ngoại``), so that a phrase picked from a text is made of whole words, and what part of speech each
word is (a theme is named by nouns: ``kiều bào``, ``Biển Đông``, not ``củng cố`` or ``nhanh chóng``).

Vietnamese writes a space between syllables, not between words; a phrase cut from syllables alone can
start inside a word (``dụng sáng tạo`` of ``vận dụng sáng tạo``). The tagger is underthesea's CRF
part-of-speech model (trained on VLSP 2013, which segments words as it tags them; shipped inside its
wheel: nothing is downloaded), imported only where a text is segmented (deriving a pack from a parent
directive), as it takes half a second to load.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from checker.text.normalize import fold

_RUN = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)*")  # letters-only words separated by spaces


NOUNS = frozenset({"N", "Np", "Nc", "Nu", "Ny", "Nb"})
"""The tags of nouns (common, proper, classifier, unit, abbreviation, borrowed)."""


@lru_cache(maxsize=4096)
def _tagged(run: str) -> tuple[tuple[str, str], ...]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # underthesea never needs the network for this
    from underthesea import pos_tag

    words = [(w, tag) for w, tag in pos_tag(run) if w.strip()]
    # A capitalised word inside a sentence is a name, whatever the tagger says ("vào Hội đồng Nhân quyền"
    # at the end of a sentence is tagged a numeral): a proper noun.
    return tuple((" ".join(fold(w).split()), "Np" if at and w[:1].isupper() else tag)
                 for at, (w, tag) in enumerate(words))


def tagged_runs(text: str) -> list[list[tuple[str, str]]]:
    """The text's runs of words between punctuation and numbers, each word folded (possibly of several
    syllables) with its part-of-speech tag: ``Vận động kiều bào`` → ``[[("vận động", "V"), ("kiều bào",
    "N")]]``."""
    runs = []
    for match in _RUN.finditer(text):
        words = list(_tagged(" ".join(match.group(0).split())))
        if words:
            runs.append(words)
    return runs
