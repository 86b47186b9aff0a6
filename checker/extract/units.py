"""Recognising responsible units (*đơn vị*) in Vietnamese task sentences.

A task item usually opens with its unit(s) and then a verb (``Sở Thông tin và Truyền thông
hướng dẫn …``) or a colon (``Đài Truyền thanh - Truyền hình huyện: …``); or it says
``Giao X chủ trì, phối hợp với Y …``. Unit names are recognised by their head word (Ban, Sở,
Phòng, Ủy ban, …) and end where a lower-case verb begins: unit names capitalise their key words
(``Sở Thông tin và Truyền thông``) while verbs are lower case (``thông tin``, ``tuyên truyền``).
A list of units splits at ``,`` / ``và`` before each new head word, except inside the name of an
office serving several bodies (``Văn phòng HĐND và UBND huyện`` is one unit).
"""

from __future__ import annotations

import re

from checker.extract.lexicon import lexicon, spellings
from checker.text.alternation import longest_first
from checker.text.letters import UPPER
from checker.text.normalize import fold

_WORDS = lexicon()
#: Head words that open the name of a body, office or office-holder (``bodies.yaml``: ``heads``).
UNIT_HEADS = _WORDS.heads
#: What follows a head word when it is not a unit at all (``not_units``): "Hội nghị hiệp thương", "Ban
#: hành kế hoạch", "Tổ chức các hội nghị", "Báo cáo kết quả", "phòng, chống ma túy", "đội ngũ cán bộ".
NOT_UNITS = _WORDS.not_units
_HEAD_RE = re.compile(
    r"^(?:(?:các|những|mọi)\s+)?(?!" + "|".join(re.escape(w) + r"\b" for w in NOT_UNITS) + r")"
    # "Tổ chức" opens a unit only as a kind of organisation; otherwise it is the verb "organise".
    + r"(?!tổ chức\s+(?!chính trị|thành viên|cơ sở|đảng|đoàn|công đoàn|xã hội|hội\s+(?!nghị|thi|thảo|diễn)))"
    + r"(?:" + longest_first(UNIT_HEADS) + r")\b"
)

#: Verbs (lower case, as written in running text) that end a unit name (``verbs``).
VERBS = _WORDS.verbs
_VERB_RE = re.compile(r"(?<![\wÀ-ỹ])(?:" + longest_first(s for v in VERBS for s in spellings(v)) + r")(?![\wÀ-ỹ])")
_NAMED_AFTER = re.compile(rf"^(?:(?:các|những)\s+)?[{UPPER}]")
_LEADS = re.compile(r"^\s*(?:" + longest_first(_WORDS.leads) + r")\s+", re.IGNORECASE)
# A new unit starts after ", " / "; " / " và " only where a unit head follows, written with a capital
# or as "các …": "Sở Văn hóa, Thể thao và Du lịch" and "Sở Thông tin và Truyền thông" stay whole.
_SEPARATOR = re.compile(r"\s*[,;]\s*(?:và\s+)?|\s+và\s+")


def _opens_new_unit(rest: str) -> bool:
    return (rest[:1].isupper() or rest.startswith("các ")) and starts_with_unit(rest)


# A catch-all group: "các cơ quan, đơn vị (có) liên quan", "các địa phương", "cơ quan, tổ chức, cá nhân".
_GROUP = (r"(?:(?:các|những|mọi)\s+)?(?:(?:cơ quan|đơn vị|địa phương|ngành|cấp|tổ chức|cá nhân|bộ phận|lực lượng)"
          r"(?:\s*,\s*|\s+và\s+|\s+)?(?:các\s+)?)+(?:có\s+)?(?:liên quan|có liên quan)?")
VAGUE = re.compile(rf"^{_GROUP}\s*$")
_GROUP_RE = re.compile(_GROUP)

# A defining clause after a catch-all group (bodies.yaml, before ``verbs``): a selection ("được giao", "có tên")
# with the roles it picks for, then optionally a pointer to where the set is listed ("tại Phụ lục I kèm theo Kế
# hoạch này", "nêu tại mục 2 Phần II"), which may follow the duties the selection names as a list of verbs
# ("được giao nhiệm vụ theo dõi, kiểm tra, đôn đốc tại Phụ lục"); or a pointer alone; or "nêu trên". Matched on
# folded text.
_W = r"(?![\wÀ-ỹ])"
_PLACE = (r"(?:các\s+)?(?:" + longest_first(_WORDS.listing_places) + rf"){_W}"
          rf"(?:\s+(?:số\s+)?(?:[ivxlcdm]+|\d+(?:[./]\d+)*|[a-zđ]\)?|này){_W})*")
_POINTER = r"(?:" + longest_first(_WORDS.pointers) + rf"){_W}"
_REFERENCE = (rf"{_POINTER}\s+{_PLACE}(?:\s*(?:,|và|hoặc)?\s*(?:{_POINTER}\s+)?{_PLACE})*"
              rf"(?:\s+kèm theo(?:\s+{_PLACE})?)?")
_SELECTION = (r"(?:" + longest_first(_WORDS.selections) + rf"){_W}"
              r"(?:\s+(?:" + longest_first(_WORDS.selection_roles) + rf"){_W})*")
_VERB_LIST = r"(?:" + longest_first(VERBS) + rf"){_W}(?:\s*(?:,|và)\s*(?:" + longest_first(VERBS) + rf"){_W})*"
_DEFINING = re.compile(
    rf"\s*(?:{_SELECTION}(?:\s+(?:{_VERB_LIST}\s+)?{_REFERENCE})?|{_REFERENCE}|"
    r"(?:" + longest_first(_WORDS.named_before) + rf"){_W})"
)


def defining_clause(folded: str, at: int) -> int:
    """Where a defining clause that starts at ``folded[at]`` ends (``at`` when none starts there):
    ``được giao tại Phụ lục`` in ``các đơn vị được giao tại Phụ lục chủ trì …``."""
    m = _DEFINING.match(folded, at)
    return m.end() if m else at


def _defined_from(name: str) -> int:
    """Where the defining clause of a definite set (a catch-all group and the clause that picks it out) starts in
    ``name``; -1 when ``name`` is no such set."""
    folded = fold(name)
    group = _GROUP_RE.match(folded)
    if group is None or not group.group(0).strip():
        return -1
    at = len(folded[: group.end()].rstrip())
    return at if defining_clause(folded, at) > at else -1


def verb_at(text: str, pos: int) -> str | None:
    """The verb of :data:`VERBS` that starts at ``text[pos]``, if any."""
    m = _VERB_RE.match(text, pos)
    return m.group(0) if m else None


# How much of a text decides what it opens with: the longest head word with "các"/"những" before it and
# the word after it (NOT_UNITS) fit well inside. Looking at no more keeps the tests made at every
# separator or verb of a long text (split_units, next_verb) linear instead of quadratic.
_HEAD_WINDOW = 120


def starts_with_unit(text: str) -> bool:
    """True when ``text`` opens with a unit head word (``Ban``, ``Sở``, ``Ủy ban`` …)."""
    return bool(_HEAD_RE.match(fold(text[: 2 * _HEAD_WINDOW].lstrip(" -–+*•")[:_HEAD_WINDOW])))


# "Văn phòng HĐND và UBND huyện", "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh": one office serving
# several bodies, named bare and sharing the level written after the last of them. Once a body
# carries its level ("Văn phòng UBND tỉnh, UBND các huyện"; "Văn phòng Huyện ủy và UBND huyện",
# the level being in "Huyện ủy") the office's name is complete and what follows is another unit.
_BODY = r"(?:hđnd|ubnd|hội đồng nhân dân|ủy ban nhân dân|đoàn đbqh|đoàn đại biểu quốc hội|đđbqh|đbqh)"
_OFFICE_SO_FAR = re.compile(rf"^văn phòng\s+{_BODY}(?:\s*(?:,|và|&)\s*{_BODY})*$")
_BODY_NEXT = re.compile(rf"^{_BODY}(?![\wÀ-ỹ])")


def _same_office(so_far: str, rest: str) -> bool:
    """Whether the body opening ``rest`` is one more body served by the office named in ``so_far``."""
    return bool(len(so_far) <= 2 * _HEAD_WINDOW and _OFFICE_SO_FAR.match(fold(so_far).strip(" ,;"))
                and _BODY_NEXT.match(fold(rest[:_HEAD_WINDOW])))


_PORTFOLIO = re.compile(r"(?<![\wÀ-ỹ])phụ trách(?![\wÀ-ỹ])")
_STRONG_HEAD = re.compile(r"(?:các\s+)?(?:sở|phòng|công an|ban chỉ huy|bộ chỉ huy|ủy ban nhân dân|ubnd|trung tâm|"
                          r"văn phòng|đài|báo|ủy ban mặt trận|mttq|hội đồng nhân dân|hđnd|chi cục|cục|thanh tra|"
                          r"đoàn thanh niên|hội liên hiệp|hội nông dân|hội cựu chiến binh|liên đoàn)(?![\wÀ-ỹ])")


def split_units(names: str) -> list[str]:
    """Split ``"Báo Sóc Trăng, Đài Phát thanh và Truyền hình Sóc Trăng"`` into two units; keep
    ``"Văn phòng HĐND và UBND huyện"`` (one office) whole."""
    parts: list[str] = []
    start = 0
    for sep in _SEPARATOR.finditer(names):
        rest = names[sep.end(): sep.end() + 2 * _HEAD_WINDOW]  # enough to see what opens there
        so_far = fold(names[start:sep.start()][-_HEAD_WINDOW:])
        person = _PORTFOLIO.search(so_far) or fold(names[start:start + 8]).startswith(("đồng chí", "đ/c"))
        if person and (not _STRONG_HEAD.match(fold(rest)) or "lĩnh vực" in so_far):
            # "Phó chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng": one person's fields;
            # "Đồng chí Ủy viên Ban Thường vụ Đảng ủy, Chủ tịch Ủy ban MTTQ xã": one person, two offices. A body
            # after it ("…, Công an xã, Ban Chỉ huy Quân sự xã") is a unit of its own.
            continue
        if _opens_new_unit(rest) and not _same_office(names[start:sep.start()], rest):
            parts.append(names[start:sep.start()])
            start = sep.end()
    parts.append(names[start:])
    cleaned = [p.strip(" ,;:.-–") for p in parts]
    return [p for p in cleaned if p]


def _head_end(text: str) -> int:
    m = _HEAD_RE.match(fold(text[:_HEAD_WINDOW]))
    return m.end() if m else 0


def is_vague(unit: str) -> bool:
    """``các cơ quan, đơn vị liên quan``, ``các địa phương``: nobody accountable. A group picked out by a defining
    clause (``các đơn vị được kiểm tra``, ``các đơn vị nêu tại mục 2``) is a definite set, and not vague."""
    return bool(VAGUE.match(fold(unit).strip(" ,;:.")))


_DUTY_WORDS = re.compile(r"chủ trì|phối hợp|trách nhiệm|tham mưu|như sau")


def _colon_names_units(head: str) -> bool:
    """``Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban:`` names a unit although it holds a
    lower-case verb-like word; ``Sở Nội vụ chủ trì … như sau:`` does not, nor does ``Đảng ủy UBND xã chỉ
    đạo UBND xã:`` (a verb that leads what follows it: another body, in capitals)."""
    if len(head.split()) > 12 or _DUTY_WORDS.search(fold(head)):
        return False
    verb = next_verb(head, max(_head_end(head), 1))
    return verb is None or not head[verb.end():].lstrip()[:1].isupper()


_PERSONS = re.compile(r"^(?:(?:các|những)\s+)?(?:cán bộ|chuyên viên|công chức|phó chủ tịch|chủ tịch|đồng chí|"
                      r"phó trưởng|trưởng|phó giám đốc|giám đốc|phó bí thư|bí thư|thành viên|ủy viên|lãnh đạo|"
                      r"phó hiệu trưởng|hiệu trưởng|giáo viên)\b")
# After "phụ trách lĩnh vực …" the topic words (giám sát, tuyên truyền) are not duties; only these are.
_DUTY_VERBS = re.compile(r"(?<![\wÀ-ỹ])(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|tham mưu|là|được giao)"
                         r"(?![\wÀ-ỹ])")
# Bodies named after what they do: "Đoàn kiểm tra", "Tổ công tác", "Ban chỉ đạo".
_TEAM = re.compile(r"^(?:(?:các|những)\s+)?(?:đoàn|tổ|ban|tiểu ban|nhóm|đội)$")
_NOUNS = {"hậu cần"}
_TEAM_WORK = {"kiểm tra", "giám sát", "công tác", "tổ chức", "chỉ đạo", "biên tập", "tuyên truyền", "vận động"}
# A capitalised verb after a dash or colon starts the duty: "Sở Y tế - Chủ trì, phối hợp …".
# (Not every verb: "Trung tâm Văn hóa - Thông tin" is a name.)
_DASH_VERBS = _WORDS.dash_verbs
_DASH_VERB_WORDS = longest_first(_DASH_VERBS)
_DASH_VERB = re.compile(r"\s*[-–:]\s+(?=(?:" + _DASH_VERB_WORDS + r")(?![\wÀ-ỹ]))")
# A dash glued to the duty ("Công đoàn cơ sở -Chủ động …"): only before a capital, which the folded text
# no longer shows, so the caller checks the letter in the text as written.
_GLUED_DASH_VERB = re.compile(r"\s+[-–](?=(?:" + _DASH_VERB_WORDS + r")(?![\wÀ-ỹ]))")
# Duties that open with a capital when a copy joins a unit's heading to its first duty ("5. Ban Xây dựng Đảng" /
# "Chủ trì, phối hợp …"); none of these words ever stands capitalised inside a name (unlike "Ban Tổ chức", "Sở
# Xây dựng", "Ban Quản lý", "Ủy ban Kiểm tra").
_CAPITAL_VERB = re.compile(r"\s+(?=(?:Chủ trì|Phối hợp|Thực hiện|Tham mưu|Triển khai|Chịu trách nhiệm|Có trách nhiệm|"
                           r"Tăng cường|Đẩy mạnh|Tiếp tục|Chủ động|Theo dõi|Đôn đốc|Rà soát)(?![\wÀ-ỹ]))")
#: Regex source (folded text, no anchors) for the levels of administration that close a body's name ("Công an
#: huyện", "UBND các xã", "Trung tâm Y tế thị xã").
LEVELS = "tỉnh|huyện|xã|phường|thị trấn|thị xã|thành phố|quận|đặc khu|thôn"
# After the level or place that closes a body's name ("Công an huyện", "Trung tâm Y tế huyện"), a lower-case word
# is the duty, whatever its verb ("Công an huyện đấu tranh …", "Chi cục Thuế thu …"), unless the name goes on
# ("UBND các xã, phường thuộc huyện", "… huyện và …", "… tỉnh có liên quan").
_LEVEL_WORD = re.compile(r"(?<![\wÀ-ỹ])(?!xã\s+hội)(?:" + LEVELS + r")\s+(?=[a-zà-ỹđ])")
_GOES_ON = re.compile(
    r"(?:ủy|uỷ|đoàn|đội|và|các|cấp|thuộc|trực thuộc|có|liên quan|trên|đóng|nơi|hoặc|cùng|" + LEVELS
    + r"|bản|ấp|làng|tổ dân phố|khu vực|miền|ven|vùng|biên giới|miền núi|đồng bằng|nông thôn|mới|cũ|trung ương|"
    r"lân cận|đã|được)(?![\wÀ-ỹ])"
)
_GAP = re.compile(r"\s+")


def _after_level(text: str, folded: str, start: int) -> re.Match[str] | None:
    """Where the duty begins after a name's level or place word (see _LEVEL_WORD), as a match of the space."""
    for m in _LEVEL_WORD.finditer(folded, start, start + 2 * _HEAD_WINDOW):
        if text[m.start()].isupper():
            continue  # "Tỉnh đoàn", "Huyện ủy": the head of a name, not its level
        if text[m.end():m.end() + 1].islower() and not _GOES_ON.match(folded, m.end()):
            return _GAP.match(text, m.end() - 1) if text[m.end() - 1].isspace() else None
    return None


# Phrases inside names that hold a verb ("Các cơ quan tham mưu, giúp việc Đảng ủy").
_NAME_PHRASE = re.compile(r"(?<![\wÀ-ỹ])(?:" + longest_first(_WORDS.name_phrases) + r")(?![\wÀ-ỹ])")


# A noun of a list of bodies that is also a verb: "các cơ quan, tổ chức có liên quan", "…, tổ chức, cá nhân";
# what follows it in the list.
_LIST_NOUNS = ("tổ chức", "lãnh đạo", "thành viên")
_LIST_GOES_ON = r"\s*(?:,|;|và\s|có liên quan|liên quan|$)"
_AFTER_LIST_NOUN = re.compile(_LIST_GOES_ON)
_LISTED = re.compile("(?:" + "|".join(_LIST_NOUNS) + ")" + _LIST_GOES_ON)
# One-syllable verbs that end a capitalised word of a name ("Sở Giáo dục và Đào tạo", "Định hướng", "Tiếp nhận",
# "Thành lập"); any other ends the name ("Truyền hình Hà Tĩnh tăng thời lượng …").
_WORD_ENDS = frozenset({"tạo", "hướng", "lập", "nhận", "giao", "chuyển", "tiếp", "chỉ", "trình", "cử", "mở", "đăng"})


def _first_end(text: str, folded: str, start: int) -> re.Match[str] | None:
    """The earliest end of a name from ``start`` whatever the verb: after a dash (spaced, or glued to a capital),
    before a capitalised duty, after a level word; on a tie the spaced dash wins."""
    ends = (
        _DASH_VERB.search(folded, start),
        next((m for m in _GLUED_DASH_VERB.finditer(folded, start) if text[m.end():m.end() + 1].isupper()), None),
        _CAPITAL_VERB.search(text, start),
        _after_level(text, folded, start),
    )
    return min((m for m in ends if m is not None), key=lambda m: m.start(), default=None)


def next_verb(text: str, start: int) -> re.Match[str] | None:
    """The first verb at or after ``start`` that ends a unit name.

    Unit names capitalise the first syllable of each word only (``Sở Giáo dục và Đào tạo``,
    ``Bộ Chỉ huy``), so a one-syllable verb right after a capitalised syllable is the end of that
    word (``tạo``), not a verb. ``phụ trách`` after a person (``Cán bộ phụ trách lĩnh vực …``,
    ``Phó chủ tịch phụ trách …``) describes the person and belongs to the name, as does the work a
    team is named after (``Đoàn kiểm tra``). A verb after a dash ends the name whatever its case. A catch-all
    group picked out by a defining clause (``Các đơn vị được giao tại Phụ lục``, :func:`defining_clause`) is a
    definite set: the clause belongs to its name.
    """
    folded = fold(text)
    dash = _first_end(text, folded, start)
    pattern = _VERB_RE
    pos = start
    # Where the name begins (after a bullet); each verb looks only at a bounded stretch before it, so
    # that a long run of skipped verbs ("Sở Đào tạo Đào tạo …") stays linear.
    lead_start = len(text) - len(text.lstrip(" -–+*•"))
    # Name phrases that hold a verb, within reach of the name's start.
    inside = [m.span() for m in _NAME_PHRASE.finditer(folded, lead_start, lead_start + 2 * _HEAD_WINDOW)]
    while True:
        verb = pattern.search(text, pos)
        if dash is not None and (verb is None or dash.start() < verb.start()):
            return dash
        if verb is None:
            return None
        at, word = verb.start(), verb.group(0)
        phrase = next((end for begin, end in inside if begin <= at < end), None)
        if phrase is not None:
            pos = phrase
            continue
        clause = defining_clause(folded, at) if at - lead_start <= _HEAD_WINDOW else at
        if clause > at and is_vague(text[lead_start:at]):
            pos = clause
            if dash is not None and dash.start() < clause:
                dash = _first_end(text, folded, clause)
            continue
        # In a list of bodies a head word is a noun: "các cơ quan, tổ chức, đơn vị …" ("tổ chức" is a verb too).
        if (word in _LIST_NOUNS and text[max(0, at - 2): at] == ", "
                and _AFTER_LIST_NOUN.match(text[verb.end(): verb.end() + 14])):
            pos = verb.end()
            continue
        before = text[max(0, at - _HEAD_WINDOW): at].rstrip()
        last_word = before.rsplit(None, 1)[-1] if before else ""
        glued = word in _WORD_ENDS and last_word[:1].isupper() and text[at - 1: at] == " "
        # "các tổ chức", "những hoạt động": after a plural marker the word is a noun; "hậu cần" is a word.
        noun = fold(last_word) in ("các", "những") or fold(text[max(0, at - 4): verb.end()]) in _NOUNS
        describes = word == "phụ trách" and _PERSONS.match(fold(text[lead_start: min(at, lead_start + _HEAD_WINDOW)]))
        team = (word in _TEAM_WORK and at - lead_start <= _HEAD_WINDOW
                and _TEAM.match(fold(text[lead_start:at].rstrip())))
        if not (glued or noun or describes or team):
            return verb
        if describes:
            pattern = _DUTY_VERBS
        pos = verb.end()


def leading_units(text: str) -> tuple[list[str], int]:
    """Units named at the start of a task text, and where the duty text begins.

    ``"Giao Phòng Văn hóa và Thông tin chủ trì, …"`` → (["Phòng Văn hóa và Thông tin"], 31).
    Returns ([], 0) when the text opens with a verb (no unit).
    """
    lead = _LEADS.match(text)
    offset = lead.end() if lead else 0
    body = text[offset:]
    if not starts_with_unit(body) or _QUOTED_LAW.search(fold(text[:400])):
        return [], 0
    if lead and fold(lead.group(0)).strip() == "đối với" and not _NAMED_AFTER.match(body):
        return [], 0  # "Đối với thôn có dưới 100 cử tri: …" is a case, "Đối với các Thôn, Xóm: …" a unit
    colon = body.find(":")
    verb = next_verb(body, max(_head_end(body), 1))
    if colon != -1 and colon < 250 and (verb is None or colon < verb.start() or _colon_names_units(body[:colon])):
        units, at = named_units(body[:colon]), offset + colon + 1
    elif verb is not None and verb.start() > 1:
        # "Ủy ban nhân dân các xã thực hiện" — keep "Ủy ban nhân dân các xã", not an empty name.
        units, at = named_units(body[: verb.start()]), offset + verb.start()
    elif len(body) <= 160:  # a heading such as "1. Ban Tuyên giáo Huyện ủy" with duties below
        units, at = named_units(body), len(text)
    else:
        return [], 0
    return (units, at) if units else ([], 0)


# A quoted article of law ("Chính phủ quy định chi tiết Điều này") assigns nothing to anyone.
_QUOTED_LAW = re.compile(r"(?<![\wÀ-ỹ])(?:điều|khoản|điểm|luật|bộ luật|nghị định|thông tư|pháp lệnh) này(?![\wÀ-ỹ])")
_BARE_HEADS = frozenset(_WORDS.generic_heads)


# After a comma, a unit's name goes on only into more of a name: a capital ("Sở Văn hóa, Thể thao và Du lịch"),
# another head ("Sở, ban, ngành", "cơ quan, đơn vị"), a place or level ("UBND các xã, phường, đặc khu"), or a
# phrase of the lexicon ("tham mưu, giúp việc"). Anything else ("Hội đồng nhân dân tỉnh, thành phần dự hội
# nghị gồm …") is the sentence going on, and the name ends at the comma.
_PLACE_WORDS = re.compile(r"(?:" + LEVELS + r"|làng|bản|ấp|xóm|khu phố|tổ dân phố|khu dân cư|cấp|trung ương|"
                          r"địa phương|đơn vị|ngành|đoàn thể|cá nhân|lực lượng)(?![\wÀ-ỹ])")
_COMMA = re.compile(r"\s*,\s*")


def _name_goes_on(rest: str) -> bool:
    folded = fold(rest[:_HEAD_WINDOW])
    return (rest[:1].isupper() or starts_with_unit(rest) or bool(_PLACE_WORDS.match(folded))
            or bool(_NAME_PHRASE.match(folded)) or folded.startswith(("các ", "và ", "phụ trách "))
            or bool(_LISTED.match(folded)))


# After a comma, these open what the sentence adds about the units, never more of a name: "Các địa phương, nhất
# là các xã ven biển", "…, trong đó …", "…, kể cả …".
_ASIDE = re.compile(r"(?:nhất là|đặc biệt là|nhất|đặc biệt|trong đó|kể cả|bao gồm|gồm|chủ yếu|trước hết)(?![\wÀ-ỹ])")


def _cut_sentence(name: str) -> str:
    defined = _defined_from(name)
    for comma in _COMMA.finditer(name):
        if 0 <= defined < comma.start():
            break  # the commas of a defining clause ("được giao nhiệm vụ theo dõi, kiểm tra tại …") are its own
        rest = name[comma.end():]
        if _ASIDE.match(fold(rest[:20])) or (not _name_goes_on(rest) and next_verb(rest, 0) is not None):
            return name[:comma.start()]
    return name


_RELATED = re.compile(r"(?<![\wÀ-ỹ])(?:có\s+)?liên quan(?![\wÀ-ỹ])")


def _without_aside(name: str) -> str:
    """"Sở Nội vụ (cơ quan thường trực Ban …)" → "Sở Nội vụ": what stands in brackets says what the body is, it is
    no part of its name (an unclosed bracket runs to the end)."""
    at = name.find("(")
    return name[:at].rstrip() if at > 0 else name


def _after_related(name: str) -> str:
    """A group ends with "(có) liên quan": "Các sở, ban, ngành tỉnh có liên quan tới việc …" → "… có liên quan"
    (unless a defining clause picks the group out: "Các đơn vị liên quan được giao tại Phụ lục")."""
    if _defined_from(name) >= 0:
        return name
    m = _RELATED.search(fold(name))
    return name[: m.end()] if m else name


def named_units(names: str) -> list[str]:
    """:func:`split_units`, each name cut where the sentence goes on after a comma, without the bare head words
    that name no one ("Cơ quan chủ trì, thành phần …" and "Tổ chức, quản lý …" open with a noun or a verb, not
    a unit; "Các đơn vị" is a group, and stays) and without slogans ("… vĩ đại sống mãi!")."""
    pieces = [p for part in split_units(names) for p in part.split(";")]
    units = [_TRAILING.sub("", _after_related(_cut_sentence(_without_aside(u)))).strip(" ,;:.-–/")
             for u in pieces if "!" not in u]
    return [u for u in units if u and fold(u).removeprefix("những ") not in _BARE_HEADS and not _CITES.search(u)]


# A name never ends on a conjunction ("… các tổ chức chính trị - xã hội và"), and never holds a citation ("Thủ
# tướng Chính phủ tại Công điện số 225/CĐ-TTg": who gave an order, not who is to act).
_TRAILING = re.compile(r"(?:\s+(?:và|hoặc|với|cùng))+\s*$")
_CITES = re.compile(r"\d+\s*/\s*[A-ZĐ]")


_PARTNERS = re.compile(r"phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+(?P<who>[^.;:]+)", re.IGNORECASE)
_LEAD_IN = re.compile(rf"(?:^|[\s,;(])(?:giao\s+)?(?P<who>(?:[{UPPER}][^,;:()]{{2,120}}?))\s+chủ trì\b")


def lead_units_in(text: str) -> list[str]:
    """Units named as ``X chủ trì`` anywhere in a text."""
    found: list[str] = []
    for m in _LEAD_IN.finditer(text):
        # "Kinh phí từ ngân sách. Sở Tài chính chủ trì …": the unit opens the sentence that says "chủ trì".
        who = _LEADS.sub("", re.split(r"[.!?]\s+", m.group("who"))[-1]).strip()
        if not starts_with_unit(who) or _QUOTED_LAW.search(fold(who)):
            continue
        # "Văn phòng Đoàn ĐBQH và HĐND tỉnh triệu tập và chủ trì …": the name ends at its first verb.
        verb = next_verb(who, max(_head_end(who), 1))
        if verb is not None and verb.start() > 1:
            who = who[: verb.start()]
        found.extend(named_units(who))
    return found


def coordinating_units(text: str) -> list[str]:
    """Units after ``phối hợp với`` (up to the next verb or punctuation)."""
    found: list[str] = []
    for m in _PARTNERS.finditer(text):
        who = m.group("who")
        verb = next_verb(who, _head_end(who))
        if verb is not None and verb.start() > 0:
            who = who[: verb.start()]
        for unit in split_units(who):
            if starts_with_unit(unit):
                found.append(unit.strip())
    return found
