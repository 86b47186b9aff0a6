"""Vietnamese syllables, and words a PDF text layer glued together (``chủtrì``, ``Đảng uỷUỷ ban``).

Vietnamese is written one syllable at a time, and a syllable has a fixed shape: an initial consonant
(``b``, ``ch``, ``ngh``, ``qu`` … or none), a vowel nucleus with its glides (``a``, ``ươ``, ``uyê`` …) and a
final (``c``, ``ch``, ``m``, ``n``, ``ng``, ``nh``, ``p``, ``t`` or none); a syllable closed by ``c``, ``ch``,
``p`` or ``t`` carries the acute or the dot-below tone only, and ``ă``, ``â`` never end one. A text layer that
lost the spaces between syllables gives tokens of two or more such shapes run together. :func:`split_glued`
cuts such a token where every piece is a syllable (``vềthực`` → ``về thực``: ``vềt`` is no syllable, a falling
tone cannot close on ``t``), and a lower-case letter followed by a capital (``uỷUỷ``) where both sides are
syllables. A token without a Vietnamese diacritic is left alone (``online``, ``Zalo``), and so are numbers,
symbols and abbreviations (``VNeID``, ``QyĐ``).

:func:`repair_glued` applies this to a text when it holds enough glued tokens to be a damaged text layer
(one or two odd tokens are more likely names or foreign words).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONES = {"\u0300": "grave", "\u0301": "acute", "\u0303": "tilde", "\u0309": "hook", "\u0323": "dot"}
# Spelled as in the orthography, longest first; the tone-less rhymes are the closed list of Vietnamese rhymes.
_INITIALS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k",
             "l", "m", "n", "p", "r", "s", "t", "v", "x", "")
_RHYMES_TEXT = """
    a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
    o oc oi om on ong op ot oong ooc oa oac oach oai oam oan oang oanh oao oap oat oay
    oăc oăm oăn oăng oăt oe oem oen oeo oet
    ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
    u uc ui um un ung up ut ua uân uâng uât uây uê uêch uênh uy uya uych uyên uyêt uynh uyt uyu
    uôc uôi uôm uôn uông uôt uơ
    ư ưc ưi ưm ưn ưng ưt ưu ưa ươc ươi ươm ươn ương ươp ươt ươu
    y yêm yên yêng yêt yêu
"""
_RHYMES = frozenset(_RHYMES_TEXT.split())
_FRONT = "ieêy"  # the vowels gh and ngh come before
_VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợ"
                         "ùúủũụưừứửữựỳýỷỹỵ]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MAX_TOKEN = 24  # three or four syllables at most: longer runs are not worth the search


def _tone_and_base(syllable: str) -> tuple[str | None, str]:
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [c for c in decomposed if c in _TONES]
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return (_TONES[tones[0]] if tones else None) if len(tones) <= 1 else "many", base


@lru_cache(maxsize=4096)
def is_syllable(text: str) -> bool:
    """Whether ``text`` (one token, any case) has the shape of a Vietnamese syllable: an initial, one of the
    rhymes of the language (``qu`` and ``gi`` take the rhyme's glide: ``quỳnh``, ``giếng``), at most one
    tone, and the acute or dot-below tone only on a rhyme closed by ``c``, ``ch``, ``p``, ``t``. ``gh`` and
    ``ngh`` come only before ``i``, ``e``, ``ê``; ``k`` is let before any vowel, as place names write it
    (*Kon Tum*, *Bắc Kạn*).

    >>> is_syllable("Việt"), is_syllable("Quỳnh"), is_syllable("cỏc"), is_syllable("café"), is_syllable("tiê")
    (True, True, False, False, False)
    """
    tone, base = _tone_and_base(text.lower())
    if tone == "many":
        return False
    if base.endswith(("c", "ch", "p", "t")) and tone not in ("acute", "dot"):
        return False
    for initial in _INITIALS:
        if not base.startswith(initial):
            continue
        rhyme = base[len(initial):]
        if initial in ("gh", "ngh") and not rhyme.startswith(tuple(_FRONT)):
            continue
        if rhyme in _RHYMES or (initial == "qu" and "u" + rhyme in _RHYMES and rhyme[:1] != "u") \
                or (initial == "gi" and "i" + rhyme in _RHYMES and rhyme[:1] != "i"):
            return True
    return False


def _pieces(token: str) -> list[str] | None:
    """``token`` cut into syllables, fewest pieces first; None when it cannot be. Dynamic programming over the
    token's suffixes: quadratic in its length, whatever the token."""
    best: list[list[str] | None] = [None] * (len(token) + 1)
    best[len(token)] = []
    for start in range(len(token) - 1, -1, -1):
        for cut in range(start + 1, len(token) + 1):
            rest = best[cut]
            if rest is not None and is_syllable(token[start:cut]) and (
                    best[start] is None or 1 + len(rest) < len(best[start] or [])):
                best[start] = [token[start:cut], *rest]
    return best[0]


def _at_capitals(token: str) -> list[str]:
    """``uỷUỷban`` → ``["uỷ", "Uỷban"]``: cut before each capital that follows a small letter."""
    parts: list[str] = []
    start = 0
    for i in range(1, len(token)):
        if token[i].isupper() and token[i - 1].islower():
            parts.append(token[start:i])
            start = i
    parts.append(token[start:])
    return parts


@lru_cache(maxsize=4096)
def split_glued(token: str) -> str:
    """A token of glued syllables written with spaces (``chủtrì`` → ``chủ trì``, ``uỷUỷ`` → ``uỷ Uỷ``); any
    other token as it is."""
    if len(token) > _MAX_TOKEN or token.isupper() or not _VIETNAMESE.search(token.lower()) or is_syllable(token):
        return token  # capitals are abbreviations as often as words (ĐUCA, UBND)
    # A capital inside the token is a syllable's start ("uỷUỷ", "KếHoạch"), never inside a Vietnamese word.
    parts = _at_capitals(token)
    if len(parts) > 1 and any(p.isupper() and len(p) > 1 for p in parts):
        return token  # an abbreviation (VNeID, PTTH)
    out: list[str] = []
    for part in parts:
        pieces = _pieces(part) if _VIETNAMESE.search(part.lower()) or len(parts) > 1 else None
        if pieces is None:
            return token
        out.extend(pieces)
    return " ".join(out)


def glued_tokens(text: str) -> int:
    """How many tokens of ``text`` are glued syllables."""
    return sum(1 for m in _WORD.finditer(text) if split_glued(m.group(0)) != m.group(0))


def repair_glued(text: str, least: int = 5) -> tuple[str, int]:
    """``text`` with its glued syllables spaced, and how many tokens were cut; unchanged when it holds fewer
    than ``least`` glued tokens."""
    count = glued_tokens(text)
    if count < least:
        return text, 0
    spaced = _WORD.sub(lambda m: split_glued(m.group(0)), text)
    # The same layer glues words to numbers ("Chỉ thịsố46-CT/TW"); a symbol's letters are capitals ("QH15").
    return _NUMBER_GLUED.sub(" ", spaced), count


_NUMBER_GLUED = re.compile(r"(?<=[a-zà-ỹđ])(?=\d)")
