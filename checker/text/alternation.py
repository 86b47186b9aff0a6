"""Regex source for "any one of these words", the way every word list of the grammar is matched."""

from __future__ import annotations

import re
from collections.abc import Iterable


def longest_first(words: Iterable[str]) -> str:
    """The words, escaped, as one alternation (no group, no anchors), longest first: a regex alternation takes
    the first alternative that matches, so ``triển khai thực hiện`` must come before ``triển khai``."""
    return "|".join(sorted(dict.fromkeys(map(re.escape, words)), key=len, reverse=True))
