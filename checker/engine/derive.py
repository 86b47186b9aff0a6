"""Deriving a rule pack from a parent directive (``plancheck rules derive``).

The parent (a *Hướng dẫn* or *Kế hoạch* that lower bodies must answer) gives:

* its identity, for ``cites-parent.params.parent`` (commented out with a TODO when it has no number);
* one theme per content item (the children of its content section(s), else the blocks of that part),
  with the item's most characteristic phrases: one to three whole words (Vietnamese word segmentation,
  :mod:`checker.text.segment`, so never ``dụng sáng tạo`` of ``vận dụng sáng tạo``), frequent in the item,
  rare in the other items and the rest of the document, and rare in ordinary plans (the background of
  :mod:`checker.engine.background`: a phrase that many plans on any subject use — ``kinh tế``, ``hội
  nghị`` — is never picked); never a stop word or a generic word of plans (``công tác``, ``triển khai``);
* a ``date_order`` rule when it sets a dated reporting deadline.

The result is commented YAML text for a reviewer to check; nothing is written here.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from checker.engine.background import background
from checker.engine.packs import BUILTIN, Pack, load_pack
from checker.kinds.cites_parent import ParentSpec
from checker.kinds.covers_themes import CoversThemesParams
from checker.kinds.handed_down import HandedDownParams
from checker.model.plan import Plan, Section
from checker.text.normalize import fold, strip_diacritics
from checker.text.segment import NOUNS, tagged_runs

MIN_WORDS = 8
MIN_PHRASES = 2
MAX_PHRASES = 6
MAX_ITEMS = 20
MAX_ID = 40
MAX_LABEL = 80

_STOP = {
    "và", "của", "các", "những", "trong", "với", "cho", "được", "để", "theo", "về", "là", "có", "này", "đó",
    "trên", "tại", "từ", "một", "như", "khi", "đã", "sẽ", "đang", "cũng", "thì", "mà", "nhằm", "bằng", "vào",
    "nhất", "hơn", "rất", "đến", "lại", "nên", "còn", "do", "vì", "nếu", "hoặc", "hay", "qua", "sau", "trước",
    "mỗi", "mọi", "nhiều", "cả", "giữa", "bị", "phải", "cần", "việc", "nhau", "ở", "chưa", "gồm", "nhà",
    "tiếp", "làm", "đây", "năm", "tháng", "ngày", "số", "ra", "người", "lần", "bên", "cùng", "nhưng", "không",
    "biết", "kèm", "tới", "thêm", "đặt", "gì", "ai", "nào", "vẫn", "luôn", "đều", "chỉ", "một cách",
}
# Words opening with a numeral or an ordinal ("thứ xiv", "hai các", "khóa xii") are counts, not subjects.
_COUNTING = {"một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "thứ", "khóa", "lần"}
# Multi-word stop and generic phrases (folded); single generic words are in _STOP above.
_GENERIC = [
    "các cấp", "nói chung", "nói riêng", "hiện nay", "đồng thời", "trong đó", "thông qua", "liên quan",
    "như sau", "sau đây", "đối với", "một số", "hơn nữa", "bên cạnh",
    "công tác", "thực hiện", "tổ chức", "tăng cường", "đẩy mạnh", "nâng cao", "tuyên truyền", "triển khai",
    "nhiệm vụ", "giải pháp", "tiếp tục", "xây dựng", "kế hoạch", "hướng dẫn", "chỉ đạo", "hiệu quả",
    "kịp thời", "chủ động", "phối hợp", "cơ quan", "đơn vị", "địa phương", "nội dung", "phương thức",
    "kết quả", "đảm bảo", "bảo đảm", "phát huy", "vai trò", "trách nhiệm", "vấn đề", "lĩnh vực", "chú trọng",
    "quan tâm", "tham mưu", "góp phần", "thường xuyên", "toàn diện", "tích cực", "mạnh mẽ", "sâu rộng",
    "trọng tâm", "yêu cầu", "mục đích", "ban hành", "báo cáo", "theo dõi", "đôn đốc", "kiểm tra",
    "sử dụng", "hình thức", "lần thứ", "cơ sở", "tình hình", "hoạt động", "tối đa", "đáp ứng", "cụ thể",
    "phát triển", "hệ thống", "chất lượng", "toàn bộ", "đầy đủ", "chặt chẽ", "nghiêm túc", "sâu sắc", "rộng rãi",
    "căn cứ", "quy định", "đề nghị", "thời gian", "tổng hợp", "chủ trì", "nơi nhận",
]
_GENERIC_WORDS = [tuple(g.split()) for g in _GENERIC]
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")


@dataclass
class Item:
    """A content item of the parent (a numbered/lettered/bulleted part of its content section), or a task
    it hands down to lower bodies."""

    marker: str
    title: str
    blocks: list[int]
    text: str = ""
    words: int = 0
    phrases: list[str] = field(default_factory=list)
    id: str = ""
    unit: str = ""  # for a handed-down task: the bodies it is given to
    context: str = ""  # the heading a listed item stands under ("1. Về nội dung")


def _chunks(text: str) -> list[list[str]]:
    """Runs of letter-only syllables separated only by white space (for counting an item's words)."""
    runs: list[list[str]] = [[]]
    for m in _TOKEN.finditer(fold(text)):
        token = m.group(0)
        if token.isalpha():
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


_GENERIC_SET = frozenset(_GENERIC)
MAX_SYLLABLES = 4


def _weak(word: str) -> bool:
    """A stop word, a generic word of plans, or a word made only of stop syllables."""
    syllables = word.split()
    return word in _STOP or word in _GENERIC_SET or all(s in _STOP for s in syllables) or syllables[0] in _COUNTING


def candidates(text: str) -> list[str]:
    """The candidate phrases of a text, one per occurrence: one to three whole words, none of them weak,
    two to four syllables in all, holding a noun (a single word must be one: ``kiều bào``, ``Biển Đông``,
    never ``củng cố`` or ``nhanh chóng``), and a phrase of several words neither opening nor ending on a
    word of one syllable unless it is two such words (``vận dụng sáng tạo``, ``hội thi``; never ``dụng
    sáng tạo``, as ``vận dụng`` is one word, nor ``tỉnh phân công``)."""
    found = []
    for run in tagged_runs(text):
        words = [w for w, _tag in run]
        nouns = [tag in NOUNS for _w, tag in run]
        weak = [_weak(w) for w in words]
        for n in (1, 2, 3):
            for i in range(len(words) - n + 1):
                if any(weak[i:i + n]) or not any(nouns[i:i + n]):
                    continue
                one = [" " not in w for w in words[i:i + n]]
                if n > 1 and (one[0] or one[-1]) and not (n == 2 and all(one)):
                    continue  # "tỉnh phân công", but "hội thi" (two words of one syllable) is kept
                phrase = " ".join(words[i:i + n])
                if 2 <= phrase.count(" ") + 1 <= MAX_SYLLABLES:
                    found.append(phrase)
    return found


def _word_count(text: str) -> int:
    return sum(len(c) for c in _chunks(text))


def slug(text: str, taken: set[str] | None = None) -> str:
    """Kebab-case ASCII id of a title (at most ~40 characters), made unique against ``taken``."""
    words = re.sub(r"[^a-z0-9]+", " ", strip_diacritics(text)).split()
    base = ""
    for word in words:
        if base and len(base) + 1 + len(word) > MAX_ID:
            break
        base = f"{base}-{word}" if base else word[:MAX_ID]
    base = base or "chu-de"
    result, n = base, 2
    while taken is not None and result in taken:
        result, n = f"{base}-{n}", n + 1
    if taken is not None:
        taken.add(result)
    return result


def label(title: str) -> str:
    text = re.sub(r"\s+", " ", title).strip().rstrip(":;,.").strip()
    if len(text) <= MAX_LABEL:
        return text
    cut = text[:MAX_LABEL - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_NOTE_TEXT = re.compile(r"^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s")
_NOTE_REF = re.compile(r"(?<=\S)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")


def _notes(plan: Plan) -> dict[int, int]:
    """Footnote text blocks by footnote number: Word footnotes, and lines of a .txt copy that start
    with a superscript number (they sit wherever the page break put them)."""
    notes: dict[int, int] = {}
    for block in plan.blocks:
        if block.kind == "footnote" and block.footnote is not None:
            notes.setdefault(block.footnote, block.index)
        elif m := _NOTE_TEXT.match(block.text):
            notes.setdefault(int(m.group(1).translate(_SUPERSCRIPT)), block.index)
    return notes


def _item(plan: Plan, marker: str, title: str, blocks: list[int], notes: dict[int, int]) -> Item:
    """An item of these blocks: footnote texts among them are left out, those they refer to are added."""
    note_blocks = set(notes.values())
    own = [b for b in blocks if b not in note_blocks and plan.blocks[b].kind != "footnote"]
    referred = []
    for b in own:
        for m in _NOTE_REF.finditer(plan.blocks[b].text):
            block = notes.get(int(m.group(1).translate(_SUPERSCRIPT)))
            if block is not None and block not in referred:
                referred.append(block)
    text = " ".join(plan.blocks[b].text for b in [*own, *referred])
    return Item(marker, title, [*own, *referred], text=text, words=_word_count(text))


def content_items(plan: Plan) -> list[Item]:
    """The content items: the parts of the content section(s) (of the numbered sections that are no
    standard part, when no heading names the content), else the blocks of the content part.

    A part whose items are themselves listed (``1. Về nội dung`` followed by ``- …`` lines) gives one
    item per listed line, since each names something a plan must take up, unless that makes more than
    ``MAX_ITEMS`` items (a procedural guide whose steps are lists): then one item per part, or per
    content section.
    """
    for depth in (3, 2, 1):
        items = _content_items(plan, depth)
        if len(items) <= MAX_ITEMS:
            break
    return items


def _content_items(plan: Plan, depth: int) -> list[Item]:
    """Items ``depth`` levels down: 3 the listed lines of each part, 2 the parts, 1 the sections."""
    notes = _notes(plan)
    tops = sorted(plan.sections, key=lambda s: s.block)
    content = {id(s) for s in tops if s.part == "content"}
    if not content:  # no heading says "nội dung": the numbered parts before the implementation part are
        stop = next((s.block for s in tops if s.part in ("implementation", "closing", "recipients")), len(plan.blocks))
        content = {id(s) for s in tops if s.part in (None, "other") and s.level <= 2 and s.block < stop}
    items: list[Item] = []
    for index, section in enumerate(tops):
        if id(section) not in content:
            continue
        end = next((s.block for s in tops[index + 1:] if s.block > section.block), len(plan.blocks))
        children: list[Section] = sorted(section.children, key=lambda s: s.block)
        if depth == 1 and children:
            items.append(_item(plan, section.marker, section.title, list(range(section.block, end)), notes))
            continue
        if not children:
            for block in range(section.block + 1, end):
                text = plan.blocks[block].text.strip()
                if text and block not in notes.values():
                    marker = text.split(" ", 1)[0] if text[:1] in "-+•*" else ""
                    items.append(_item(plan, marker, text[len(marker):].strip(), [block], notes))
            continue
        for n, child in enumerate(children):
            stop = children[n + 1].block if n + 1 < len(children) else end
            listed = sorted(child.children, key=lambda s: s.block)
            if len(listed) < 2 or depth < 3:
                items.append(_item(plan, child.marker, child.title, list(range(child.block, stop)), notes))
                continue
            for k, sub in enumerate(listed):
                sub_stop = listed[k + 1].block if k + 1 < len(listed) else stop
                item = _item(plan, sub.marker, sub.title, list(range(sub.block, sub_stop)), notes)
                item.context = f"{child.marker} {label(child.title)}"
                items.append(item)
    return items


_LEADING_MARKER = re.compile(r"^\s*(?:[0-9IVXivx]+[.)]|[a-zđ]\)|[-+•*])\s*")
_CLASS_OF_BODIES = re.compile(r"(?:^|\s)(?:các|những|mọi)\s")


def handed_down(plan: Plan) -> list[Item]:
    """The parent's tasks given to a class of lower bodies ("Ban tuyên giáo các huyện ủy …", "Các tổ
    chức cơ sở Đảng"): a plan answering the parent must take them up and assign them."""
    items = []
    for task in plan.tasks:
        units = [u for u in task.units if _CLASS_OF_BODIES.search(" " + fold(u))]
        if not units:
            continue
        block = task.location.block
        duty = _LEADING_MARKER.sub("", task.text)
        at = fold(duty).find(fold(units[-1]))
        if 0 <= at < 40:  # "4. Ban tuyên giáo các huyện ủy … tham mưu …": the duty follows the unit
            duty = duty[at + len(units[-1]):].lstrip(" -–:,")
        items.append(Item("", duty, [block] if block is not None else [], text=task.text,
                          words=_word_count(task.text), unit="; ".join(units)))
    return items


def _characteristic(items: list[Item], plan: Plan) -> None:
    """Fill each kept item's phrases: tf in the item × idf over the items and the rest of the document ×
    rarity in ordinary plans; phrases generic in ordinary plans are never picked."""
    in_item = {b for item in items for b in item.blocks}
    rest = Counter(g for b in plan.blocks if b.index not in in_item for g in candidates(b.text))
    counts = [Counter(candidates(item.text)) for item in items]
    docs = [*counts, rest]
    df = Counter(g for c in docs for g in c)
    total = Counter[str]()
    for c in docs:
        total.update(c)
    common = background()
    for item, tf in zip(items, counts, strict=True):
        if item.words < MIN_WORDS:
            continue
        order = {g: i for i, g in enumerate(tf)}

        def score(g: str, tf: Counter[str] = tf, order: dict[str, int] = order) -> tuple[float, int, int]:
            others = total[g] - tf[g]
            idf = math.log(1 + len(docs) / df[g])
            return (tf[g] * idf / (1 + others) * common.rarity(g), -len(g.split()), -order[g])

        ranked = sorted((g for g in tf if not common.generic(g)), key=score, reverse=True)
        exclusive = [g for g in ranked if total[g] == tf[g]]
        chosen: list[str] = []
        for pool, limit in ((exclusive, MAX_PHRASES), (ranked, MIN_PHRASES)):
            for g in pool:
                if len(chosen) >= limit:
                    break
                if g not in chosen and not any(_overlap(g, c) for c in chosen):
                    chosen.append(g)
        item.phrases = chosen


def _overlap(a: str, b: str) -> bool:
    """One phrase inside the other, on whole syllables ('chủ quyền' / 'chủ quyền biển')."""
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _first_words(plan: Plan, item: Item, count: int = 12) -> str:
    text = (item.text or " ".join(plan.blocks[b].text for b in item.blocks)).strip()
    text = text[len(item.marker):] if item.marker and text.startswith(item.marker) else text
    words = re.sub(r"\s+", " ", text).strip().split(" ")
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


MAX_SOURCE = 240
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+(?=[A-ZĐÀ-Ỹ\-–+•*])")


def _heading(text: str) -> bool:
    """A short line without a full stop: the heading over an item's lines ("2. Về phương thức")."""
    return len(text.split()) <= 8 and not text.rstrip().endswith((".", ";"))


def source_sentence(plan: Plan, item: Item) -> str:
    """The parent's own first sentence of the item (its marker, and a short heading over its lines, left
    out), at most ``MAX_SOURCE`` characters cut at a word: quoted in the fix of a plan that misses it."""
    text = item.text.strip()
    first = plan.blocks[item.blocks[0]].text.strip() if item.blocks else ""
    if len(item.blocks) > 1 and _heading(first) and text.startswith(first) and text[len(first):].strip():
        text = text[len(first):].strip()
    text = text[len(item.marker):] if item.marker and text.startswith(item.marker) else text
    text = _LEADING_MARKER.sub("", re.sub(r"\s+", " ", re.sub("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", "", text)).strip())
    pieces = _SENTENCE_END.split(text, maxsplit=2)
    sentence = pieces[0].strip()
    if sentence.endswith(":") and len(pieces) > 1:  # a lead-in to a list: its first line says what is meant
        sentence = f"{sentence} {_LEADING_MARKER.sub('', pieces[1].strip())}"
    sentence = sentence.rstrip(".;:")
    if len(sentence) > MAX_SOURCE:
        sentence = sentence[:MAX_SOURCE].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return sentence


def _doc_name(plan: Plan) -> str:
    kind = plan.doc_type_name or plan.doc_type or "Văn bản"
    kind = kind[:1].upper() + kind[1:].lower()
    parts = [kind]
    if plan.number_symbol and plan.symbol_parts and plan.symbol_parts.number:
        parts.append(f"số {plan.number_symbol}")
    if plan.date:
        parts.append(f"ngày {plan.date.strftime('%d/%m/%Y')}")
    if plan.unit_name:
        parts.append(f"của {plan.unit_name}")
    return " ".join(parts)


def _usable_symbol(plan: Plan) -> bool:
    """The parent has a number-symbol ``cites-parent`` can hold (its number may be blank in a draft)."""
    if not plan.number_symbol or plan.symbol_parts is None:
        return False
    try:
        ParentSpec(symbol=plan.number_symbol)
    except ValueError:
        return False
    return True


@dataclass
class Derived:
    """What a parent directive asks of the plans answering it."""

    items: list[Item]  # content items, with their phrases (empty when too short to characterise)
    tasks: list[Item]  # tasks handed down to a class of lower bodies, with their phrases
    deadline: dt.date | None  # the last reporting deadline the parent sets


def analyse(plan: Plan) -> Derived:
    """The content items, handed-down tasks and deadline of a parent directive."""
    items = content_items(plan)
    tasks = handed_down(plan)
    _characteristic([*items, *tasks], plan)
    taken: set[str] = set()
    for item in [*items, *tasks]:
        if item.phrases:
            item.id = slug(item.title or item.marker, taken)
    deadlines = [r.deadline for r in plan.reporting if r.deadline]
    return Derived(items, tasks, max(deadlines) if deadlines else None)


def _parent_lines(plan: Plan, title: str) -> list[str]:
    date = plan.date.isoformat() if plan.date else None
    issuer = plan.unit_name
    fields = [("date", date), ("issuer", _q(issuer) if issuer else None), ("title", _q(title) if title else None)]
    if not _usable_symbol(plan):
        lines = ["  # The parent has no number-symbol (a web copy?): fill it in, then uncomment.",
                 "  # cites-parent:", "  #   params:", "  #     parent:",
                 "  #       symbol: \"\"  # TODO: điền số, ký hiệu"]
        return lines + [f"  #       {key}: {value}" for key, value in fields if value]
    lines = ["  cites-parent:", "    params:", "      parent:           # the directive plans must cite"]
    assert plan.symbol_parts is not None
    if not plan.symbol_parts.number:
        lines.append("        # No number yet (a draft): any number with this type and issuer code is accepted.")
    lines.append(f"        symbol: {_q(plan.number_symbol or '')}")
    if issuer and plan.issuer and issuer != plan.issuer:
        lines.append(f"        # header: {plan.issuer}")
    return lines + [f"        {key}: {value}" for key, value in fields if value]


def _theme_lines(plan: Plan, kept: list[Item], rule_id: str) -> list[str]:
    params = {"themes": [{"id": i.id, "label": {"vi": label(i.title), "en": label(i.title)},
                          "phrases": i.phrases, "source": source_sentence(plan, i)} for i in kept]}
    CoversThemesParams.model_validate(params)  # what load_pack will check
    lines = [
        f"  {rule_id}:",
        "    kind: covers_themes",
        "    severity: error",
        "    message:",
        f"      vi: {_q('Kế hoạch phải có nhiệm vụ về từng nội dung của ' + _doc_name(plan) + '.')}",
        f"      en: {_q('The plan must give duties on each content item of its parent directive.')}",
        "    params:",
        "      max_evidence: 3",
        "      themes:",
    ]
    for item in kept:
        lines += [
            f"        # {item.context + ' › ' if item.context else item.marker + ' '}{_first_words(plan, item)}",
            f"        - id: {item.id}",
            "          label:",
            f"            vi: {_q(label(item.title))}",
            f"            en: {_q(label(item.title))}  # TODO: translate",
            f"          phrases: [{', '.join(_q(p) for p in item.phrases)}]",
            f"          source: {_q(source_sentence(plan, item))}  # quoted in the fix",
        ]
    return lines


def _task_lines(plan: Plan, kept: list[Item]) -> list[str]:
    params = {"tasks": [{"id": i.id, "label": {"vi": label(i.title), "en": label(i.title)},
                         "unit": i.unit, "phrases": i.phrases, "source": source_sentence(plan, i)} for i in kept]}
    HandedDownParams.model_validate(params)
    lines = [
        "  handed-down-tasks:",
        "    kind: handed_down",
        "    severity: warning   # phrases picked automatically: raise to error once reviewed",
        "    params:",
        "      tasks:",
    ]
    for item in kept:
        lines += [
            f"        # {_first_words(plan, item, 24)}",
            f"        - id: {item.id}",
            "          label:",
            f"            vi: {_q(label(item.title))}",
            f"            en: {_q(label(item.title))}  # TODO: translate",
            f"          unit: {_q(item.unit)}",
            f"          phrases: [{', '.join(_q(p) for p in item.phrases)}]",
            f"          source: {_q(source_sentence(plan, item))}  # quoted in the fix",
        ]
    return lines


def _deadline_lines(last: dt.date) -> list[str]:
    return [
        "  deadline-before-parent:",
        "    kind: date_order",
        "    severity: error",
        "    message:",
        f"      vi: {_q('Thời hạn báo cáo không được sau thời hạn của văn bản cấp trên (' + last.strftime('%d/%m/%Y') + ').')}",  # noqa: E501
        f"      en: {_q('Reporting deadlines must not be after the parent’s (' + last.isoformat() + ').')}",
        "    params:",
        "      date: last-deadline",
        "      must_be: on-or-before",
        f"      other: {last.isoformat()}",
    ]


def derive(plan: Plan, source: str | Path, extends: str = "default", found: Derived | None = None) -> str:
    """The commented YAML text of a pack that extends ``extends`` and checks plans answering ``plan``."""
    found = found or analyse(plan)  # given when the caller analysed the parent already
    kept = [i for i in found.items if i.phrases]
    rule_ids = set(load_pack(extends).rules)
    theme_rule = "covers-themes" if "covers-themes" not in rule_ids else "covers-parent-themes"
    name = Path(source).name
    kind = plan.doc_type_name or ""
    title = (f"{kind[:1].upper()}{kind[1:].lower()} {plan.title or ''}").strip()
    lines = [
        f"# plancheck rule pack derived by `plancheck rules derive` from {name}:",
        f"#   {_doc_name(plan)}" + (f" — {plan.title}" if plan.title else ""),
        "# REVIEW BEFORE USE: the phrases of each theme were picked automatically (word pairs to quadruples",
        "# frequent in the item, rare in the other items and in the rest of the directive). Keep those a plan",
        "# answering the item would write, add synonyms, drop accidental ones; translate the 'en' labels.",
        "# Một người rà soát cần xem lại các cụm từ (phrases) của từng chủ đề trước khi dùng bộ quy tắc này.",
        f"name: {_q('derived-' + slug(Path(source).stem))}",
        f"description: {_q('Plans answering ' + _doc_name(plan))}",
        f"extends: {_q(extends)}",
        "rules:",
        *_parent_lines(plan, title),
        "",
    ]
    if kept:
        lines += _theme_lines(plan, kept, theme_rule)
    else:
        lines.append("  # No content item with enough words was found: no covers_themes rule.")
    skipped = [i for i in found.items if not i.phrases]
    if skipped:
        lines.append(f"  # Skipped (fewer than {MIN_WORDS} words or no characteristic phrase): "
                     + "; ".join(f"{i.marker} {label(i.title)}".strip() for i in skipped))
    tasks = [t for t in found.tasks if t.phrases]
    if tasks:
        lines += ["", *_task_lines(plan, tasks)]
    if found.deadline:
        lines += ["", *_deadline_lines(found.deadline)]
    if not (_usable_symbol(plan) or kept or tasks or found.deadline):
        # Nothing derived (a Công điện or a short letter with no number, content item, task or deadline): the
        # pack is the base pack alone, which still checks the citation against the registry.
        at = lines.index("rules:")
        lines[at] = "rules: {}  # nothing to derive from this parent: the base pack's rules alone"
    return "\n".join(lines) + "\n"


def pack_against(parent: Plan, source: str | Path, base: str, found: Derived | None = None) -> Pack:
    """The pack ``check --against PARENT`` runs: ``base`` plus what :func:`derive` finds in the parent.

    The derived text goes through the same loader as a pack file (validated the same way); it is
    written to a private temporary directory that is removed at once.
    """
    extends = base if base in BUILTIN else str(Path(base).resolve())
    text = derive(parent, source, extends, found)
    with tempfile.TemporaryDirectory(prefix="plancheck-") as tmp:
        path = Path(tmp) / "against.yaml"
        path.write_text(text, encoding="utf-8")
        loaded = load_pack(str(path))
    return Pack(name=f"{Path(base).stem}+{Path(source).name}", path=str(source),
                rules=loaded.rules, tests=[])
