"""The Vietnamese alphabet, as a set of letters and as regex character classes.

Unit names, issuers and citations are told from running text by their capitals (``Sở Nội vụ``, and
names opening with ``Ở``, ``Ấ``, ``Ứ`` … too), so every module needs the same complete class of
capitals; the reader needs the same letters to recognise Vietnamese text in an unknown encoding.
The letters are generated, not typed: the 12 vowels ``a ă â e ê i o ô ơ u ư y`` with each of the
five tone marks (and none), composed to NFC, plus ``đ``.

``Ð`` (U+00D0, Eth) is in :data:`UPPER` because real text types it for ``Đ`` (domain notes §6); it is
not in :data:`LETTERS`, which must not take a Windows-1252 misreading for Vietnamese.

>>> import re
>>> bool(re.match(f"[{UPPER}]", "Ở")), bool(re.match(f"[{UPPER}]", "ở"))
(True, False)
"""

from __future__ import annotations

import unicodedata

_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # none, huyền, sắc, hỏi, ngã, nặng

#: The letters of the Vietnamese alphabet outside ASCII, small and capital (ă, Ư, ở, Ỹ, đ, Đ …).
LETTERS: frozenset[str] = frozenset(
    unicodedata.normalize("NFC", vowel + tone)
    for base in _VOWELS
    for vowel in (base, base.upper())
    for tone in _TONES
) - frozenset("aeiouyAEIOUY") | {"đ", "Đ"}

#: Body of a regex character class matching any Vietnamese capital: ``f"[{UPPER}]"``.
UPPER = "A-Z" + "".join(sorted(c for c in LETTERS if c.isupper())) + "Ð"
#: Body of a regex character class matching any Vietnamese small letter: ``f"[{LOWER}]"``.
LOWER = "a-z" + "".join(sorted(c for c in LETTERS if c.islower()))
