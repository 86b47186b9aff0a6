"""Who a body is: reading a unit's name into kind, name, level and place, and telling when two names
are the same body.

A name is read in three steps, with the words of ``identity.yaml`` beside this module:

1. **Abbreviations are expanded** (``UBND`` → *Ủy ban nhân dân*, ``BCH`` → *Ban Chấp hành*, ``BTGTU`` →
   *Ban Tuyên giáo Tỉnh ủy*; ``TT`` is *Thường trực* only before an organisation: ``TT. Huyện ủy``).
2. **The name is cut where a kind of body opens** (longest words first): organisations (*Ủy ban nhân
   dân*, *Tỉnh ủy*, *Đoàn*), boards (*Ban Thường trực*, *Ban Tuyên giáo*, *Văn phòng*) and departments
   (*Sở*, *Phòng*, *Bộ*). A department's own name runs on until a level word or an organisation that owns
   departments (``Bộ Công an``, ``Sở Nội vụ tỉnh …``). After the kind come its name and its place: a level
   word (*tỉnh*, *huyện*, *xã* …) and the place's name; *Tỉnh ủy Khánh Hòa* says the level in its kind.
3. **Which piece is the body.** A board with nothing after it but an organisation is that
   organisation's board (``Ban Chấp hành Đoàn xã Phúc Thịnh``). Pieces written the way a header is —
   the superior first, the body on the last line (``UBND TỈNH LÂM ĐỒNG`` / ``SỞ NỘI VỤ``, ``ỦY BAN MTTQ
   … XÃ LƯƠNG MINH`` / ``BAN THƯỜNG TRỰC``) — make the last piece the body, in the superior's place. A
   department or board followed by an organisation, the way a sentence is written (``Phòng Văn hóa và
   Thông tin UBND huyện Vạn Ninh``), is that organisation's.

Two names are the **same body** (:func:`same_body`) when their kinds are the same, their own names and
the organisations they belong to agree, and their places agree: the same level, and the same place's
name where both give one (spelling variants — ``Khánh Hoà``/``Khánh Hòa``, a missing diacritic — are
accepted by a fuzzy score, rapidfuzz, never a different place). A standing board (*Ban Thường trực*, *Ban
Thường vụ*, *Ban Chấp hành*, *Thường trực*) issues documents on behalf of its organisation, so it matches
the organisation too: a plan from the *Ban Thường trực Ủy ban MTTQ xã Lương Minh* is the *Ủy ban MTTQ xã
Lương Minh*'s. A department never stands for its organisation: a *Sở Nội vụ* letter is not the *UBND
tỉnh*'s.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

from checker.model.plan import Body
from checker.text.normalize import fold, strip_diacritics
from checker.text.syllables import is_syllable

PATH = Path(__file__).with_name("identity.yaml")
SIMILAR = 90
"""rapidfuzz ratio (0–100) from which two names of the same kind and level are spelling variants."""

Role = Literal["organisation", "board", "department"]


@dataclass(frozen=True)
class Kind:
    """One kind of body: how it is written in full, the words that name it, its role and what it says."""

    text: str
    keys: tuple[tuple[str, ...], ...]  # each way of writing it, as folded words
    written: tuple[str, ...]  # each way of writing it, in the case of running text
    role: Role
    level: str | None = None
    owns: bool = False
    acts_for: bool = False


@dataclass(frozen=True)
class Words:
    """The identity lexicon, loaded once."""

    abbreviations: dict[str, str]
    before_organisation: dict[str, str]
    levels: dict[str, int]
    central_cities: frozenset[str]
    not_places: tuple[tuple[str, ...], ...]
    kinds: tuple[Kind, ...]  # longest way of writing first


def _key(word: str) -> str:
    """A word as matched: folded, without the punctuation around it."""
    return fold(word).strip(".,;:()[]\"'“”-–/")


@cache
def words() -> Words:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(PATH.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (safe loader)
    kinds = []
    for entry in data["kinds"]:
        written = [str(w) for w in entry["words"]]
        kinds.append(Kind(text=written[0], keys=tuple(tuple(_key(w) for w in x.split()) for x in written),
                          written=tuple(written),
                          role=entry["role"], level=entry.get("level"), owns=bool(entry.get("owns")),
                          acts_for=bool(entry.get("acts_for"))))
    kinds.sort(key=lambda k: -max(len(key) for key in k.keys))
    return Words(
        abbreviations={fold(k): str(v) for k, v in data["abbreviations"].items()},
        before_organisation={fold(k): str(v) for k, v in data["before_organisation"].items()},
        levels={fold(k): int(v) for k, v in data["levels"].items()},
        central_cities=frozenset(fold(c) for c in data["central_cities"]),
        not_places=tuple(tuple(fold(p).split()) for p in data["not_places"]),
        kinds=tuple(kinds),
    )


# --- 1. Words, abbreviations expanded ---------------------------------------------------------------------------

_REMARK = re.compile(r"\([^()]*\)")  # "(để b/c)", "(Hà Nội và T79)": not part of the name


def _split_abbreviation(token: str, known: dict[str, str]) -> list[str] | None:
    """``BTGTU`` → ``[btg, tu]`` when a run of capitals splits whole into known abbreviations."""
    key = fold(token)
    if not key:
        return []
    for end in range(len(key), 0, -1):
        head = key[:end]
        if head in known:
            rest = _split_abbreviation(key[end:], known)
            if rest is not None:
                return [head, *rest]
    return None


def _expanded(text: str) -> list[str]:
    """The name's words, abbreviations written out."""
    table = words()
    phrases = sorted((k for k in table.abbreviations if " " in k), key=len, reverse=True)
    for phrase in phrases:  # "Sở TT và TT"
        text = re.sub(r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)",
                      table.abbreviations[phrase], text, flags=re.IGNORECASE)
    tokens = _REMARK.sub(" ", unicodedata.normalize("NFC", text)).split()
    out: list[str] = []
    for pos, token in enumerate(tokens):
        bare = token.rstrip(".")
        key = fold(bare)
        capitals = bare.isupper() and len(bare) >= 2
        if key in table.before_organisation and capitals and pos + 1 < len(tokens) \
                and _kind_at([_key(t) for t in tokens[pos + 1:pos + 8]], 0, organisation_only=True):
            out.extend(table.before_organisation[key].split())
        elif key in table.abbreviations and (capitals or not _is_word(bare)):
            out.extend(table.abbreviations[key].split())
        elif capitals and len(bare) >= 4 and not _is_word(bare) \
                and (parts := _split_abbreviation(bare, table.abbreviations)):
            for part in parts:
                out.extend(table.abbreviations[part].split())
        else:
            out.append(token)
    return out


def _is_word(token: str) -> bool:
    """Every piece of the token is a Vietnamese syllable (``THAO``, ``Hóa``): a word, not an abbreviation
    (``VH-TT``, ``BTGTU``)."""
    pieces = [p for p in re.split(r"[-–.,;:/&]+", token) if p]
    return bool(pieces) and all(is_syllable(p) for p in pieces)


# --- 2. Pieces: a kind, then its name and place -----------------------------------------------------------------

def _kind_at(keys: Sequence[str], at: int, *, organisation_only: bool = False, loose: bool = False,
             owners_only: bool = False) -> tuple[Kind, int, str] | None:
    """The kind of body whose words open at ``at``, how many words they take and how it is written."""
    for kind in words().kinds:
        if organisation_only and kind.role != "organisation":
            continue
        if owners_only and not kind.owns:
            continue
        for written, text in zip(kind.keys, kind.written, strict=True):
            got = tuple(keys[at:at + len(written)])
            if got == written or (loose and tuple(map(strip_diacritics, got)) == tuple(map(strip_diacritics, written))):
                return kind, len(written), text
    return None


def _level_at(keys: Sequence[str], at: int, loose: bool) -> int:
    """How many words a level word takes at ``at`` (0 when none opens there)."""
    table = words()
    for size in (2, 1):
        got = " ".join(keys[at:at + size])
        bare_levels = {strip_diacritics(k) for k in table.levels} if loose else set()
        if len(keys[at:at + size]) == size and (got in table.levels or strip_diacritics(got) in bare_levels):
            following = tuple(keys[at:at + 3])
            if any(following[:len(p)] == p for p in table.not_places):
                return 0
            return size
    return 0


@dataclass
class Piece:
    kind: Kind
    kind_text: str  # the kind as written (the words the name uses: "Đoàn", not the kind's full name)
    written: list[str]  # the words after the kind, as written
    name: list[str]
    level: str | None
    place: list[str]

    @property
    def bare(self) -> bool:
        """Nothing after the kind: a board named by what follows it."""
        return not self.name and self.level is None


def _pieces(tokens: list[str], loose: bool) -> list[Piece] | None:
    """The name cut where kinds of body open; None when it does not open with one."""
    keys = [_key(t) for t in tokens]
    pieces: list[Piece] = []
    at = 0
    while at < len(keys) and not keys[at]:
        at += 1
    found = _kind_at(keys, at, loose=loose)
    if found is None:
        return None
    while found is not None:
        kind, size, kind_text = found
        start = at + size
        end = start
        in_place = False
        nxt: tuple[Kind, int, str] | None = None
        while end < len(keys):
            if _level_at(keys, end, loose):
                in_place = True
            if end > start or kind.role != "department":
                # A department's name runs on past other kinds ("Bộ Công an") until an owner is named.
                nxt = _kind_at(keys, end, loose=loose, owners_only=kind.role == "department" and not in_place)
                if nxt is not None and loose and in_place and nxt[1] == 1:
                    nxt = None  # without diacritics, one word in a place's name is that name ("Phong Dien")
                if nxt is not None:
                    break
            end += 1
        pieces.append(_piece(kind, kind_text, tokens[start:end], keys[start:end], loose))
        at, found = end, nxt
    return pieces


def _piece(kind: Kind, kind_text: str, tokens: list[str], keys: list[str], loose: bool) -> Piece:
    while keys and not keys[-1]:  # a dash or a stray mark after the name
        tokens, keys = tokens[:-1], keys[:-1]
    if kind.text.startswith(("Ủy ban Mặt trận", "Mặt trận")):
        while [strip_diacritics(k) for k in keys[:2]] == ["viet", "nam"]:
            tokens, keys = tokens[2:], keys[2:]
    if kind.level:
        return Piece(kind, kind_text, tokens, [], kind.level, tokens)
    for at in range(len(keys)):
        size = _level_at(keys, at, loose)
        if size:
            level = " ".join(keys[at:at + size])
            if loose:
                level = next(k for k in words().levels if strip_diacritics(k) == strip_diacritics(level))
            place = [] if level == "trung ương" else tokens[at + size:]
            return Piece(kind, kind_text, tokens, tokens[:at], level, place)
    return Piece(kind, kind_text, tokens, tokens, None, [])


# --- 3. The body ------------------------------------------------------------------------------------------------

def parse_body(text: str | None) -> Body | None:
    """The body a name names, or None when the name does not open with a kind of body (a class of bodies
    ``Các huyện ủy``, a person, a sentence)."""
    if not text or not text.strip():
        return None
    loose = not any(unicodedata.combining(c) or c in "đĐ" for c in unicodedata.normalize("NFD", text))
    pieces = _pieces(_expanded(text), loose)
    if not pieces:
        return None
    units: list[Body] = []
    at = 0
    while at < len(pieces):
        piece = pieces[at]
        if piece.kind.role == "board" and piece.bare and at + 1 < len(pieces) \
                and pieces[at + 1].kind.role == "organisation":
            units.append(_body(piece, of=_body(pieces[at + 1])))
            at += 2
        else:
            units.append(_body(piece))
            at += 1
    first, last = units[0], units[-1]
    if len(units) > 1 and first.role != "organisation" and last.role == "organisation":
        # Written as a sentence: "Phòng Văn hóa và Thông tin UBND huyện Vạn Ninh".
        return _rewrite(first, of=first.of or units[1])
    # Written as a header: the superior first, the body last.
    superiors = units[:-1]
    if not superiors:
        return last
    of = last.of or (superiors[-1] if last.role != "organisation" else None)
    place_from = next((u for u in reversed(superiors) if u.level), None)
    body = _rewrite(last, of=of)
    if body.level is None and (body.of is None or body.of.level is None) and place_from is not None:
        body = _rewrite(body, level=place_from.level, place=place_from.place)
    return body


def placed(body: Body, level: str | None, place: str | None) -> Body:
    """``body`` at ``level`` and ``place``, its name written again."""
    return _rewrite(body, level=level, place=place)


def _cased(tokens: Sequence[str], place: bool = False) -> str:
    """Words written in capitals, in the case of running text: a place's name each word capitalised,
    another name its first word and the words after a comma or *và* (``Văn hóa, Thể thao và Du lịch``)."""
    text = " ".join(tokens)
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    if place:  # every word of a place's name capitalised (Đắk Lắk, whose words are not Vietnamese syllables)
        return " ".join(w[:1].upper() + w[1:].lower() for w in text.split(" "))
    # Words in capitals are written in lower case, abbreviations (VH-TT) kept as they are.
    lower = " ".join(t.lower() if _is_word(t) else t for t in tokens)
    return re.sub(r"(^|,\s*|\svà\s|\s-\s)(\w)", lambda m: m.group(1) + m.group(2).upper(), lower)


def _body(piece: Piece, of: Body | None = None) -> Body:
    name = _cased(piece.name) if piece.name else None
    place = _cased(piece.place, place=True) if piece.place else None
    return _rewrite(Body(kind=piece.kind_text, role=piece.kind.role, name=name, level=piece.level, place=place,
                         of=of, text=""))


def _rewrite(body: Body, **changes: Any) -> Body:
    """The body with ``changes``, its full name written again."""
    body = body.model_copy(update=changes)
    return body.model_copy(update={"text": _written(body)})


def _written(body: Body) -> str:
    kind = _kind(body.kind)
    parts = [body.kind]
    if body.name:
        parts.append(body.name)
    where = _where(body)
    if body.of is not None and body.role == "board" and body.of.role == "board" and body.of.of is None \
            and _where(body.of):
        # A board of a Party's executive committee is named by its level: "BAN CHẤP HÀNH TRUNG ƯƠNG" /
        # "BAN TỔ CHỨC" is the "Ban Tổ chức Trung ương".
        parts.append(_where(body.of))
    elif body.of is not None and body.role == "board":
        parts.append(body.of.text)
    elif where and not (kind is not None and kind.level and not body.place):
        parts.append(where)
    elif body.of is not None and body.role == "department" and body.of.level:
        parts.append(_where(body.of))
    return " ".join(p for p in parts if p)


def _where(body: Body) -> str:
    kind = _kind(body.kind)
    if kind is not None and kind.level:  # "Tỉnh ủy Khánh Hòa": the kind says the level
        return body.place or ""
    if body.level == "trung ương":
        return "Trung ương"
    return " ".join(p for p in (body.level, body.place) if p)


@cache
def _kinds_by_text() -> dict[str, Kind]:
    return {fold(text): k for k in words().kinds for text in k.written}


def _kind(text: str) -> Kind | None:
    """The kind a body's kind as written belongs to (``Đoàn`` and ``Đoàn Thanh niên`` are one kind)."""
    return _kinds_by_text().get(fold(text))


# --- The place of a body that names only its level ------------------------------------------------------------

_PLACE_IN_TEXT = re.compile(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ"
                            r"ÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][\wÀ-ỹ]*\s?){1,4})")


def with_place_from(body: Body | None, texts: Iterable[str], dated_at: str | None = None) -> Body | None:
    """A body whose name gives only its level (*Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh*) given the
    place its own text names most often at that level (*tỉnh Trà Vinh*), else the place of its date line
    (``dated_at``: *Sóc Trăng, ngày …*); a body with a place is kept as it is."""
    if body is None:
        return None
    holder = body.of if body.level is None and body.of is not None else body
    if holder.level is None or holder.place or holder.level == "trung ương":
        return body
    counts: Counter[str] = Counter()
    for text in texts:
        for match in _PLACE_IN_TEXT.finditer(text):
            if fold(match.group(1)) == holder.level:
                counts[" ".join(match.group(2).split())] += 1
    place = counts.most_common(1)[0][0] if counts else dated_at
    if not place:
        return body
    if holder is body:
        return _rewrite(body, place=place)
    return _rewrite(body, of=_rewrite(holder, place=place))


# --- Same body --------------------------------------------------------------------------------------------------

def _loose(text: str | None) -> str:
    return " ".join(strip_diacritics(text or "").replace("-", " ").replace(",", " ").split())


def _similar(a: str | None, b: str | None) -> bool:
    from rapidfuzz import fuzz  # only where names are compared

    x, y = _loose(a), _loose(b)
    return x == y or fuzz.ratio(x, y) >= SIMILAR


def _where_of(body: Body) -> tuple[str | None, str | None]:
    """The level and place of a body, or of the organisation it belongs to."""
    if body.level is None and body.of is not None:
        return _where_of(body.of)
    return body.level, body.place


def places_agree(a: Body, b: Body) -> bool:
    """The same level and place where both say them (a name that says none agrees with any)."""
    (level_a, place_a), (level_b, place_b) = _where_of(a), _where_of(b)
    if level_a and level_b and not _same_level(level_a, place_a, level_b, place_b):
        return False
    return not (place_a and place_b) or _similar(place_a, place_b)


def _same_level(level_a: str, place_a: str | None, level_b: str, place_b: str | None) -> bool:
    return rank(level_a, place_a) == rank(level_b, place_b) if {level_a, level_b} <= {"tỉnh", "thành phố"} \
        else level_a == level_b


def rank(level: str | None, place: str | None = None) -> int | None:
    """How high a level stands: 0 central, 1 province (a centrally run *thành phố* too), 2 district,
    3 commune."""
    if level is None:
        return None
    table = words()
    if level == "thành phố" and place and _loose(place) in {_loose(c) for c in table.central_cities}:
        return 1
    return table.levels.get(level)


def _same_unit(a: Body, b: Body) -> bool:
    """The same kind, own name and organisation (places aside)."""
    kind_a, kind_b = _kind(a.kind), _kind(b.kind)
    if kind_a is None or kind_a != kind_b:
        return False
    if (a.name or b.name) and not _similar(a.name, b.name):
        return False
    return a.of is None or b.of is None or _same_unit(a.of, b.of)


def _acts_for(board: Body, organisation: Body) -> bool:
    kind = _kind(board.kind)
    return bool(kind and kind.acts_for and board.of is not None and _same_unit(board.of, organisation))


def same_body(a: Body | None, b: Body | None) -> bool:
    """``a`` and ``b`` name the same body, or one is the standing board that acts for the other."""
    if a is None or b is None or not places_agree(a, b):
        return False
    return _same_unit(a, b) or _acts_for(a, b) or _acts_for(b, a)


def same_name(a: str | None, b: str | None) -> bool:
    """Two names of bodies are the same body (both read with :func:`parse_body`)."""
    return same_body(parse_body(a), parse_body(b))


def level_rank(body: Body | None) -> int | None:
    """How high the body stands (see :func:`rank`); a body named by its kind alone has no rank."""
    if body is None:
        return None
    level, place = _where_of(body)
    return rank(level, place)
