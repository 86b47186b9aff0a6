"""Normalising Vietnamese text.

Two levels:

* :func:`clean` is applied by readers to the text they keep: Unicode NFC, invisible characters
  (zero-width characters, BOM, direction marks and overrides, C0 controls but tab and line breaks, DEL and
  C1 controls) removed, line breaks written ``\\n``. Reports quote this text, so it must look exactly like
  the original, and it reaches terminals: no control character may be left in it.
* :func:`fold` is for matching only. It maps each character of a cleaned text to exactly one
  character (so offsets found in the folded text are valid in the original): lower case,
  ``Ð``→``đ``, odd spaces → space, smart quotes → ``"``/``'``, dashes → ``-``, superscript
  footnote markers → space, and old-style tone placement (``hoà``, ``uỷ``) → new style
  (``hòa``, ``ủy``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache


class Translator:
    """``str.translate`` with a table of one-character mappings, skipped when the text holds none of the
    table's characters: most texts hold none, and translating looks up every character of a non-ASCII text,
    where one regex scan for the characters costs a fraction of that."""

    def __init__(self, table: Mapping[int, str | int | None]) -> None:
        self.table = table
        self.present = re.compile("[" + re.escape("".join(map(chr, table))) + "]")

    def __call__(self, text: str) -> str:
        return text.translate(self.table) if self.present.search(text) else text


# Characters a reader drops: zero-width space/joiners, word joiner, BOM, and the bidirectional controls
# (LRM/RLM, the embeddings and overrides U+202A-U+202E, the isolates U+2066-U+2069, the Arabic letter
# mark). Vietnamese is written left to right, so a direction control in a plan is debris from copying or a
# trick: an RLO (U+202E) displays the text after it reversed, and a mark inside "93-HD/BTGTU" hides the
# citation from matching. The soft hyphen is NOT here (in TCVN3 text it is a letter; legacy-font
# conversion happens before cleaning).
# DEL and the C1 controls (U+0080-U+009F, mojibake of Windows-1252 text or planted escapes: U+009B opens
# a terminal control sequence) are dropped too, except NEL (U+0085), a line break (see clean()).
# So are the C0 controls but tab, line feed and carriage return (a line break, see clean()): an HTML page
# can write ESC as "&#27;" and BEL as "&#7;", and a report printing them would clear the terminal or ring
# it. Vertical tab and form feed (a soft line break, a page break) become a space, so the words on either
# side stay apart; NUL is dropped unless the caller keeps it as a placeholder (see clean()).
_INVISIBLE: dict[int, str | None] = dict.fromkeys(
    [*map(ord, "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
               "\u2066\u2067\u2068\u2069\x7f"),
     *(c for c in range(0x80, 0xA0) if c != 0x85),
     *(c for c in range(0x01, 0x20) if chr(c) not in "\t\n\r\v\f")],
    None,
)
_INVISIBLE.update({ord("\v"): " ", ord("\f"): " "})
_drop_invisible = Translator(_INVISIBLE)
_drop_invisible_and_nul = Translator({**_INVISIBLE, 0: None})

_ONE_TO_ONE = {
    "\u00d0": "\u0110",  # Ð (Eth) typed for Đ
    "\u00f0": "\u0111",  # ð for đ
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
    "\u2003": " ", "\u3000": " ", "\t": " ",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u2026": ".",
}
# Superscript digits and the like, used as footnote markers glued to words (chính trị¹).
for _c in "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079\u207d\u207e":
    _ONE_TO_ONE[_c] = " "
_FOLD_TABLE = str.maketrans(_ONE_TO_ONE)
_fold_characters = Translator(_FOLD_TABLE)

# Old-style tone placement on oa/oe/uy syllables without a final consonant, to the new style
# used by most current documents. Both spellings are accepted by the Vietnamese standard.
_TONES = {"\u0300": "grave", "\u0301": "acute", "\u0309": "hook", "\u0303": "tilde", "\u0323": "dot"}


def _with_tone(base: str, mark: str) -> str:
    return unicodedata.normalize("NFC", base + mark)


_OLD_TO_NEW: dict[str, str] = {}
for _mark in _TONES:
    for _first, _second in (("o", "a"), ("o", "e"), ("u", "y")):
        # hoà -> hòa, khoẻ -> khỏe, uỷ -> ủy
        _OLD_TO_NEW[_first + _with_tone(_second, _mark)] = _with_tone(_first, _mark) + _second
#: Old-style tone placement → new (``uỷ`` → ``ủy``), for the lexicons that write both.
OLD_TO_NEW: Mapping[str, str] = _OLD_TO_NEW
# Matched on lower-cased text with one character class per first vowel ("o[àá…èé…]|u[ỳý…]"): an
# alternation of the 15 literals, case-insensitive, tried at every position, was most of folding's cost.
_SECOND_VOWELS: dict[str, str] = {}
for _old in _OLD_TO_NEW:
    _SECOND_VOWELS[_old[0]] = _SECOND_VOWELS.get(_old[0], "") + _old[1]
_OLD_STYLE = re.compile(
    "(?<!q)(" + "|".join(f"{first}[{seconds}]" for first, seconds in _SECOND_VOWELS.items()) + r")(?![a-zà-ỹđ])"
)


# Line breaks other than \n: CR LF, a lone CR (old Mac files; a carriage return planted in a Word run
# would move a terminal's cursor back over the report), NEL and the paragraph separator.
_LINE_BREAKS = re.compile("\r\n?|[\x85\u2029]")


def clean(text: str, *, keep_nul: bool = False) -> str:
    """Drop invisible characters and control characters, write every line break as ``\\n`` and compose to
    NFC; the result is what reports quote. ``keep_nul``: NUL is kept, for a reader that marks places in the
    text with it while the text is cleaned (a placeholder no document can hold; the caller removes it).

    The invisibles go first: one between a letter and its tone mark (``e\\u200b\\u0301``) would otherwise
    block the composition and leave the text not NFC once it is gone."""
    visible = _drop_invisible(text) if keep_nul else _drop_invisible_and_nul(text)
    return unicodedata.normalize("NFC", _LINE_BREAKS.sub("\n", visible))


def _old_to_new(m: re.Match[str]) -> str:
    return _OLD_TO_NEW[m.group(1)]


@lru_cache(maxsize=2048)  # a plan folds a few hundred distinct texts; room for the largest
def fold(text: str) -> str:
    """Fold a cleaned text for matching; ``len(fold(t)) == len(t)`` always.

    Cached: extraction and the rules fold the same paragraphs and clauses many times (the cache is
    bounded, so a long batch does not grow it)."""
    mapped = _fold_characters(text)
    folded = mapped.lower()
    if len(folded) != len(text):  # a lower-casing that changes length (not Vietnamese): keep offsets
        folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in mapped)
    return _OLD_STYLE.sub(_old_to_new, folded)


_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Fold and collapse runs of white space: for comparing names, not for offsets."""
    return _SPACES.sub(" ", fold(text)).strip()


def strip_diacritics(text: str) -> str:
    """``Ủy ban`` → ``uy ban``: for loose matching of names typed without diacritics."""
    decomposed = unicodedata.normalize("NFD", squash(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
