"""Legacy 8-bit Vietnamese fonts (TCVN3/ABC and VNI): detect them and convert to Unicode.

Before Unicode, Vietnamese documents were typed in fonts that draw Vietnamese letters in place of
the Windows-1252 (Latin-1) characters. Read without the font, the text is mojibake (domain notes §6):

* **TCVN3 (ABC)**, fonts ``.VnTime``, ``.VnArial``, ``.VnTimeH`` …: one byte per letter, small letters
  only (``Céng hßa x· héi chñ nghÜa ViÖt Nam``; ``§`` is ``Đ``; the soft hyphen U+00AD is ``ư``, so
  nothing may strip soft hyphens before the text is converted). The only capitals with a code of
  their own are ``Ă Â Ê Ô Ơ Ư Đ``; other capitals with a diacritic are written with the *same* codes
  as the small letters in an all-capitals font whose name ends in ``H`` (``.VnTimeH``): there
  ``CéNG HßA`` is ``CỘNG HÒA``.
* **VNI** (``VNI-Times``, ``VNI-Helve`` …): a base letter followed by a mark character
  (``Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam``; capitals have capital marks: ``COÄNG``).

The tables below follow the TCVN 5712:1993 VN3 code chart (the upper half of GNU libiconv's
``tcvn.h``, which is VN1, agrees on every small letter) and the VNI-Windows key layout as used by
the xvnkb and vietnamese-conversion projects; they are generated from the character lists, not
copied. Both conversions compose to NFC.

>>> to_unicode("Céng hßa x· héi chñ nghÜa ViÖt Nam", "tcvn3")
'Cộng hòa xã hội chủ nghĩa Việt Nam'
>>> to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni")
'Cộng hòa xã hội chủ nghĩa Việt Nam'
>>> to_unicode("CéNG HßA", "tcvn3", upper_font=True)
'CỘNG HÒA'
>>> detect_legacy("Céng hßa x· héi chñ nghÜa ViÖt Nam"), detect_legacy("Cộng hòa xã hội chủ nghĩa Việt Nam")
('tcvn3', None)
>>> convert_run("KÕ ho¹ch", ".VnTimeH"), convert_run("Kế hoạch", "Times New Roman")
('KẾ HOẠCH', None)
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from checker.text.alternation import longest_first
from checker.text.syllables import is_syllable

Encoding = Literal["tcvn3", "vni"]

#: How the notes and reports name each legacy encoding.
NAMES: dict[str, str] = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}


def legacy_note(encoding: Encoding) -> str:
    """The reader's note (``Document.notes``) for a text whose legacy font was converted."""
    return (f"Văn bản dùng phông chữ cũ {NAMES[encoding]}, đã chuyển mã sang Unicode "
            f"(legacy font {NAMES[encoding]} converted to Unicode)")

# ---------------------------------------------------------------------------------------------------
# TCVN3 (TCVN 5712:1993, VN3). Every small letter, in the code chart's order of vowels; for each
# vowel the tones are listed as: huyền (grave), hỏi (hook), ngã (tilde), sắc (acute), nặng (dot).
_TONE_ORDER = "\u0300\u0309\u0303\u0301\u0323"
_TCVN3_VOWELS = (
    # vowel, its codes for the five tones in _TONE_ORDER
    ("a", "\xb5\xb6\xb7\xb8\xb9"),
    ("ă", "\xbb\xbc\xbd\xbe\xc6"),
    ("â", "\xc7\xc8\xc9\xca\xcb"),
    ("e", "\xcc\xce\xcf\xd0\xd1"),
    ("ê", "\xd2\xd3\xd4\xd5\xd6"),
    ("i", "\xd7\xd8\xdc\xdd\xde"),
    ("o", "\xdf\xe1\xe2\xe3\xe4"),
    ("ô", "\xe5\xe6\xe7\xe8\xe9"),
    ("ơ", "\xea\xeb\xec\xed\xee"),
    ("u", "\xef\xf1\xf2\xf3\xf4"),
    ("ư", "\xf5\xf6\xf7\xf8\xf9"),
    ("y", "\xfa\xfb\xfc\xfd\xfe"),
)
# Letters without a tone: the seven capitals and the seven small letters 0xA1-0xAE (0xAD, the soft
# hyphen, is ư).
_TCVN3_PLAIN = dict(zip("\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xab\xac\xad\xae", "ĂÂÊÔƠƯĐăâêôơưđ", strict=True))


def _compose(base: str, mark: str = "") -> str:
    return unicodedata.normalize("NFC", base + mark)


#: TCVN3 code (as the Latin-1 character of the same number) → Unicode letter.
TCVN3: dict[str, str] = dict(_TCVN3_PLAIN)
for _vowel, _codes in _TCVN3_VOWELS:
    for _code, _tone in zip(_codes, _TONE_ORDER, strict=True):
        TCVN3[_code] = _compose(_vowel, _tone)
_TCVN3_TABLE = str.maketrans(TCVN3)
# The codes whose letter is small: in an all-capitals (H) font they are drawn as capitals.
_TCVN3_SMALL = frozenset(code for code, letter in TCVN3.items() if letter.islower())
_TCVN3_VOWEL_CAPITALS = frozenset("\xa1\xa2\xa3\xa4\xa5\xa6")  # Ă Â Ê Ô Ơ Ư

# ---------------------------------------------------------------------------------------------------
# VNI-Windows. A vowel is followed by one mark character; small letters take the small marks, capitals
# the capital marks (Latin-1 case pairs: ù/Ù …). A few letters are one character of their own.
_VNI_TONES = dict(zip("ùøûõï", "\u0301\u0300\u0309\u0303\u0323", strict=True))  # sắc huyền hỏi ngã nặng
# Circumflex (â, ê, ô) and breve (ă): the mark character carries the tone as well.
_VNI_CIRCUMFLEX = dict(zip("âáàåãä", ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"), strict=True))
_VNI_BREVE = dict(zip("êéèúüë", ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"), strict=True))
_VNI_SINGLE = {
    "ô": "ơ", "ö": "ư", "ñ": "đ",
    "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị",  # i carries its tone in one character
    "î": "ỵ",
}


def _vni_table() -> dict[str, str]:
    small: dict[str, str] = {}
    for vowel in "aeouy":
        for mark, tone in _VNI_TONES.items():
            if vowel + mark != "yï":  # ỵ has a character of its own, î
                small[vowel + mark] = _compose(vowel, tone)
    for vowel, hat in (("a", "â"), ("e", "ê"), ("o", "ô")):
        for mark, tone in _VNI_CIRCUMFLEX.items():
            small[vowel + mark] = _compose(hat, tone)
    for mark, tone in _VNI_BREVE.items():
        small["a" + mark] = _compose("ă", tone)
    for code, letter in (("ô", "ơ"), ("ö", "ư")):
        for mark, tone in _VNI_TONES.items():
            small[code + mark] = _compose(letter, tone)
    small.update(_VNI_SINGLE)
    table = dict(small)
    for code, letter in small.items():
        table[code.upper()] = letter.upper()
    return table


#: VNI sequence (one or two Latin-1 characters) → Unicode letter; one sequence per letter.
VNI: dict[str, str] = _vni_table()
# Also read: a capital base with a small mark (or the reverse), as left by re-casing text by hand (the
# case of the base decides), and y with the dot-below mark for ỵ.
_VNI_LENIENT = {
    code[0] + code[1].swapcase(): letter for code, letter in VNI.items()
    if len(code) == 2 and code[0] + code[1].swapcase() not in VNI
} | {"yï": "ỵ", "YÏ": "Ỵ", "yÏ": "ỵ", "Yï": "Ỵ"}
_VNI_PATTERN = re.compile(longest_first({**VNI, **_VNI_LENIENT}))


def _vni_replace(match: re.Match[str]) -> str:
    code = match.group(0)
    return VNI.get(code) or _VNI_LENIENT[code]


# ---------------------------------------------------------------------------------------------------
# Fonts

_TCVN3_PREFIX = ".vn"
_VNI_PREFIXES = ("vni-", "vni ")


def legacy_font(font: str | None) -> tuple[Encoding, bool] | None:
    """The legacy encoding a font name implies and whether it is an all-capitals (``H``) font.

    TCVN3 fonts are named ``.Vn…`` (``.VnTime``, ``.VnArial Narrow``); their all-capitals twins add
    ``H`` (``.VnTimeH``, ``.VnArialH``, ``.VnArial NarrowH``). VNI fonts are named ``VNI-…``
    (``VNI-Times``, ``VNI-Helve-Condense``). Case and surrounding spaces are ignored.

    >>> legacy_font(".VnTimeH"), legacy_font("VNI-Times"), legacy_font("Arial")
    (('tcvn3', True), ('vni', False), None)
    """
    if not font:
        return None
    name = font.strip().lower()
    if name.startswith(_TCVN3_PREFIX) and len(name) > len(_TCVN3_PREFIX):
        return "tcvn3", name.endswith("h")
    if name.startswith(_VNI_PREFIXES):
        return "vni", False
    return None


def convert_run(text: str, font: str | None) -> str | None:
    """Convert the text of a Word run set in a legacy font; ``None`` when the font is not one.

    For the .docx reader: call it with each run's text and its font name (``w:rFonts/@w:ascii``,
    falling back to ``@w:hAnsi``, or the style's font when the run names none). A ``None`` result
    means "not a legacy font: keep the text as it is"; otherwise use the returned Unicode text (NFC)
    instead of the run's text, and say in ``Document.notes`` that a legacy font was converted
    (:data:`NAMES` gives the display name of the encoding ``legacy_font(font)[0]``).

    * ``.VnTime``, ``.VnArial`` … (TCVN3): converted with the small-letter table, exactly as the font
      draws it (``KÕ`` in ``.VnTime`` is ``Kế``).
    * ``.VnTimeH``, ``.VnArialH`` … (TCVN3 all-capitals): every letter becomes a capital, ASCII ones
      too, as the font draws them (``kÕ ho¹ch`` → ``KẾ HOẠCH``).
    * ``VNI-Times``, ``VNI-Helve`` … (VNI): base letters and their marks are combined.

    A run that is already Unicode Vietnamese (it has letters outside Latin-1: a Unicode document
    merely formatted with an old font name) is returned unchanged, except for the capitals of an ``H``
    font. A run of Latin-1 letters only is converted, as the font draws it; a reader that suspects a
    Unicode document formatted in old fonts can first ask :func:`detect_legacy` about the text of all
    its legacy-font runs together.

    >>> convert_run("Céng hßa", ".VnTime"), convert_run("céng hßa", ".VNTIMEH"), convert_run("Coäng", "VNI-Times")
    ('Cộng hòa', 'CỘNG HÒA', 'Cộng')
    >>> convert_run("Cộng hòa", "Times New Roman") is None
    True
    """
    found = legacy_font(font)
    if found is None:
        return None
    encoding, upper = found
    if _unicode_vietnamese(text):
        return _upper(text) if upper else unicodedata.normalize("NFC", text)
    return to_unicode(text, encoding, upper_font=upper, guess_caps=False)


# ---------------------------------------------------------------------------------------------------
# Conversion

_TCVN3_WORD = re.compile("[A-Za-z" + re.escape("".join(sorted(TCVN3))) + "]+")
# Word groups that may share an all-capitals font end at a line break, a column gap or a clause mark.
_GROUP_BREAK = re.compile(r"\n|\t| {2,}|[:;()\[\]]")


def to_unicode(text: str, encoding: Encoding, upper_font: bool = False, *, guess_caps: bool = True) -> str:
    """Convert ``text`` (legacy-font text read as Windows-1252/Latin-1 characters) to NFC Unicode.

    Characters that are not part of the encoding (ASCII, digits, punctuation, letters already in
    Unicode) are kept. ``upper_font=True`` is for text set in an all-capitals font (``.VnTimeH``):
    every letter becomes a capital.

    TCVN3 has no codes for most capitals, so text without font information (a .txt file) holds
    headings typed in an ``H`` font as small-letter codes between ASCII capitals (``KÕ HO¹CH``).
    With ``guess_caps`` (the default) a group of capital words (no line break, column gap or ``:;()``
    between them) is taken as set in the ``H`` font when one of them could only be typed in it
    (``HO¹CH``: a small-letter code between capitals; ``TH¦``: capitals with a TCVN3 vowel capital);
    its short words are then capitals too (``KÕ`` → ``KẾ``). ``Sè: 44/KH-UBND`` stays ``Số`` and
    ``Së KH&§T`` stays ``Sở KH&ĐT``. Capitals in sentence case (``Ủy ban``) cannot be told from small
    letters and stay small. VNI has codes for every capital and needs no guessing.

    >>> to_unicode("KÕ HO¹CH\\nSè: 44/KH-UBND", "tcvn3")
    'KẾ HOẠCH\\nSố: 44/KH-UBND'
    >>> to_unicode("KÕ HO¹CH", "tcvn3", guess_caps=False)
    'Kế HOạCH'
    """
    if encoding == "tcvn3":
        converted = _tcvn3_caps(text) if guess_caps and not upper_font else text.translate(_TCVN3_TABLE)
    elif encoding == "vni":
        converted = _VNI_PATTERN.sub(_vni_replace, text)
    else:  # pragma: no cover - guarded by the Literal type
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    if upper_font:
        converted = _upper(converted)
    return unicodedata.normalize("NFC", converted)


def convert_text(text: str, encoding: Encoding) -> str:
    """Convert a whole text found to be in ``encoding``, line by line, guessing TCVN3 capitals.

    Lines that are already Unicode Vietnamese (a file pieced together from a legacy document and a
    Unicode one) are kept as they are; converting them would garble them.
    """
    lines = text.splitlines(keepends=True)
    return "".join(line if _unicode_vietnamese(line) else to_unicode(line, encoding) for line in lines)


def _upper(text: str) -> str:
    # Upper-case letter by letter, keeping a letter whose capital is longer (ß → SS): offsets stay put.
    return "".join(c.upper() if len(c.upper()) == 1 else c for c in text)


def _tcvn3_caps(text: str) -> str:
    """TCVN3 conversion with the capitals of all-capitals (``H``) fonts restored; see :func:`to_unicode`."""
    upper: list[re.Match[str]] = []
    for group in _groups(text):
        kinds = [_caps_kind(word.group(0)) for word in group]
        if "strong" in kinds:
            upper.extend(word for word, kind in zip(group, kinds, strict=True) if kind != "neutral")
    out: list[str] = []
    pos = 0
    for word in upper:
        out.append(text[pos:word.start()].translate(_TCVN3_TABLE))
        out.append(_upper(word.group(0).translate(_TCVN3_TABLE)))
        pos = word.end()
    out.append(text[pos:].translate(_TCVN3_TABLE))
    return "".join(out)


def _groups(text: str) -> list[list[re.Match[str]]]:
    """Runs of words without a small letter that no line break, column gap or clause mark separates."""
    groups: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for word in _TCVN3_WORD.finditer(text):
        if current and _GROUP_BREAK.search(text, current[-1].end(), word.start()):
            groups.append(current)
            current = []
        if _caps_kind(word.group(0)) == "small":
            if current:
                groups.append(current)
            current = []
        else:
            current.append(word)
    if current:
        groups.append(current)
    return groups


def _caps_kind(word: str) -> str:
    """How a TCVN3 word bears on capitals: ``strong``, ``weak``, ``neutral`` or ``small``.

    Letters with a fixed case are ASCII letters and the seven TCVN3 capitals. ``strong`` is evidence of
    an ``H`` font: a small-letter code among two or more fixed letters that are all capitals
    (``HO¹CH``), or three capitals with a TCVN3 vowel capital (``TH¦``, ``L¦¥NG``: acronyms such as
    ``GD§T`` have no such vowel). ``weak``: small-letter codes and at most one fixed letter, a capital
    (``KÕ``, ``ë``). ``neutral``: capitals only, nothing to convert (``UBND``). ``small``: a fixed small
    letter (``ViÖt``).
    """
    fixed = [c for c in word if c not in _TCVN3_SMALL]
    if any(c.islower() for c in fixed):
        return "small"
    if not any(c in _TCVN3_SMALL for c in word):
        return "strong" if len(fixed) >= 3 and any(c in _TCVN3_VOWEL_CAPITALS for c in fixed) else "neutral"
    return "strong" if len(fixed) >= 2 else "weak"


# ---------------------------------------------------------------------------------------------------
# Detection

# Vietnamese letters outside Latin-1: a text that has them is Unicode Vietnamese, not a legacy font.
_VIET_ONLY = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")
# Candidate words: ASCII letters and every character of the Latin-1 upper half but NBSP (legacy fonts
# put letters on punctuation codes: ¸ · ¶ § « and the soft hyphen).
_WORD = re.compile("[A-Za-z\u00a1-\u00ff]+")
_TOUCHED = re.compile("[\u0080-\u00ff]")

#: At least this many words with Latin-1 characters are needed to call a text legacy.
MIN_WORDS = 3
#: Share of those words that must read as Vietnamese syllables once converted …
MIN_SCORE = 0.7
#: … and by how much that share must beat the text read as it is (French, English, Windows-1258).
MIN_GAIN = 0.3
_SAMPLE = 3000  # words scored at most: enough for any decision, bounded time on big files


def detect_legacy(text: str) -> Encoding | None:
    """Whether ``text`` is TCVN3 or VNI text read as Windows-1252/Latin-1 characters, or neither.

    The decision is statistical. Words holding characters of the Latin-1 upper half are converted
    with each table and checked against the shape of a Vietnamese syllable (initial consonant,
    rhyme from the closed list of Vietnamese rhymes, at most one tone, a sắc or nặng tone on ``-c``,
    ``-ch``, ``-p``, ``-t``). A text is legacy when at least :data:`MIN_WORDS` words are affected, at
    least :data:`MIN_SCORE` of them become syllables and that share beats the text read as it is by
    :data:`MIN_GAIN`. A text with Vietnamese letters outside Latin-1 (``ơ``, ``ư``, ``ạ`` …) is
    Unicode Vietnamese and never legacy; French or English words with accents do not become
    Vietnamese syllables with either table.

    >>> detect_legacy("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
    'vni'
    >>> detect_legacy("Le café était très bon à Noël, près de la forêt.") is None
    True
    """
    if not _TOUCHED.search(text):
        return None
    viet_only = len(_VIET_ONLY.findall(unicodedata.normalize("NFC", text)))
    words = _WORD.findall(text)
    if viet_only > 0.05 * len(words):
        return None  # Unicode Vietnamese, as most texts are: decided without looking at each word
    touched = [w for w in words if _TOUCHED.search(w)]
    if len(touched) < MIN_WORDS or viet_only > 0.05 * len(touched):
        return None
    touched = touched[:_SAMPLE]
    as_is = _score(touched)
    scores = {enc: _score([to_unicode(w, enc, guess_caps=False) for w in touched]) for enc in ("tcvn3", "vni")}
    best: Encoding = "tcvn3" if scores["tcvn3"] >= scores["vni"] else "vni"
    if scores["tcvn3"] == scores["vni"] or scores[best] < MIN_SCORE or scores[best] < as_is + MIN_GAIN:
        return None
    return best


def _unicode_vietnamese(text: str) -> bool:
    """Whether ``text`` holds Vietnamese letters outside Latin-1, i.e. is already Unicode Vietnamese."""
    return bool(_VIET_ONLY.search(unicodedata.normalize("NFC", text)))


def _score(words: list[str]) -> float:
    return sum(map(is_syllable, words)) / len(words) if words else 0.0


