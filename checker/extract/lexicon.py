"""The lexicon of responsible units (``bodies.yaml`` beside this module), loaded once.

The words are data so that a reviewer can extend them without touching the grammar in
:mod:`checker.extract.units`: head words that open a unit's name, what only looks like a unit, phrases
that stay inside a name although they hold a verb, the verbs that end a name, the words that hand
a unit its task (``Giao``, ``Đề nghị``), and the defining clauses that make a catch-all group a definite set
(``được kiểm tra``, ``nêu tại mục 2``). Every entry is folded (lower case, new-style tone placement),
so ``Đảng uỷ`` and ``Đảng ủy`` both match ``đảng ủy``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import NamedTuple

import yaml

from checker.text.normalize import OLD_TO_NEW, fold

PATH = Path(__file__).with_name("bodies.yaml")


class Lexicon(NamedTuple):
    heads: tuple[str, ...]
    not_units: tuple[str, ...]
    name_phrases: tuple[str, ...]
    verbs: tuple[str, ...]
    dash_verbs: tuple[str, ...]
    leads: tuple[str, ...]
    generic_heads: tuple[str, ...]
    selections: tuple[str, ...]
    selection_roles: tuple[str, ...]
    pointers: tuple[str, ...]
    listing_places: tuple[str, ...]
    named_before: tuple[str, ...]


@cache
def lexicon() -> Lexicon:
    """The lexicon, each list folded, without duplicates, in file order."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where PyYAML has it: 2 ms instead of 16
    data = yaml.load(PATH.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (a safe loader)

    def words(key: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(fold(str(w)).strip() for w in data[key]))

    return Lexicon(*(words(key) for key in Lexicon._fields))


_NEW_TO_OLD = {new: old for old, new in OLD_TO_NEW.items()}


def spellings(word: str) -> tuple[str, ...]:
    """A folded word and, when it has one, its old-style tone placement (``hóa`` → ``hoá``), for patterns
    run on text as written rather than folded."""
    old = word
    for new, previous in _NEW_TO_OLD.items():
        old = old.replace(new, previous)
    return (word, old) if old != word else (word,)
