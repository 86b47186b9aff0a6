"""Deriving a rule pack from a parent directive (``plancheck rules derive``).

The parent (a *Hướng dẫn* or *Kế hoạch* that lower bodies must answer) gives:

* its identity, for ``cites-parent.params.parent`` (commented out with a TODO when it has no number);
* one theme per content item (the children of its content section(s), else the blocks of that part),
  with the item's most characteristic 2–3 word phrases: frequent in the item, rare in the other items
  and in the rest of the document, never made only of stop words or generic words;
* a ``date_order`` rule when it sets a dated reporting deadline.

The result is commented YAML text for a reviewer to check; nothing is written here.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from checker.engine.packs import load_pack
from checker.kinds.cites_parent import ParentSpec
from checker.kinds.covers_themes import CoversThemesParams
from checker.model.plan import Plan, Section
from checker.text.normalize import fold, strip_diacritics

MIN_WORDS = 8
MIN_PHRASES = 2
MAX_PHRASES = 6
MAX_ID = 40
MAX_LABEL = 80

_STOP = {
    "và", "của", "các", "những", "trong", "với", "cho", "được", "để", "theo", "về", "là", "có", "này", "đó",
    "trên", "tại", "từ", "một", "như", "khi", "đã", "sẽ", "đang", "cũng", "thì", "mà", "nhằm", "bằng", "vào",
    "nhất", "hơn", "rất", "đến", "lại", "nên", "còn", "do", "vì", "nếu", "hoặc", "hay", "qua", "sau", "trước",
    "mỗi", "mọi", "nhiều", "cả", "giữa", "bị", "phải", "cần", "việc", "nhau", "ở", "chưa", "gồm", "nhà",
    "tiếp", "làm", "đây", "năm", "tháng", "ngày", "số", "ra", "người",
}
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
]
_GENERIC_WORDS = [tuple(g.split()) for g in _GENERIC]
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")


@dataclass
class Item:
    """A content item of the parent: a numbered/lettered child of its content section, or a block."""

    marker: str
    title: str
    blocks: list[int]
    words: int = 0
    phrases: list[str] = field(default_factory=list)
    id: str = ""


def _chunks(text: str) -> list[list[str]]:
    """Runs of letter-only words separated only by white space (what ``phrase_pattern`` matches)."""
    runs: list[list[str]] = [[]]
    for m in _TOKEN.finditer(fold(text)):
        token = m.group(0)
        if token.isalpha():
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def _weak(words: list[str]) -> list[bool]:
    """Which words are stop words or part of a generic phrase."""
    weak = [w in _STOP for w in words]
    for generic in _GENERIC_WORDS:
        n = len(generic)
        for i in range(len(words) - n + 1):
            if tuple(words[i:i + n]) == generic:
                weak[i:i + n] = [True] * n
    return weak


def _ngrams(text: str) -> list[str]:
    """The candidate 2- and 3-word phrases of a text, one per occurrence."""
    found = []
    for words in _chunks(text):
        weak = _weak(words)
        for n in (2, 3):
            for i in range(len(words) - n + 1):
                if any(weak[i:i + n]):
                    continue
                found.append(" ".join(words[i:i + n]))
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


def content_items(plan: Plan) -> list[Item]:
    """The content items: children of the content section(s), else the blocks of the content part."""
    tops = sorted(plan.sections, key=lambda s: s.block)
    items: list[Item] = []
    for index, section in enumerate(tops):
        if section.part != "content":
            continue
        end = next((s.block for s in tops[index + 1:] if s.block > section.block), len(plan.blocks))
        children: list[Section] = sorted(section.children, key=lambda s: s.block)
        if children:
            for n, child in enumerate(children):
                stop = children[n + 1].block if n + 1 < len(children) else end
                items.append(Item(child.marker, child.title, list(range(child.block, stop))))
        else:
            for block in range(section.block + 1, end):
                text = plan.blocks[block].text.strip()
                if text:
                    marker = text.split(" ", 1)[0] if text[:1] in "-+•*" else ""
                    items.append(Item(marker, text[len(marker):].strip(), [block]))
    for item in items:
        item.words = _word_count(" ".join(plan.blocks[b].text for b in item.blocks))
    return items


def _characteristic(items: list[Item], plan: Plan) -> None:
    """Fill each kept item's phrases: tf in the item × idf over the items and the rest of the document."""
    in_item = {b for item in items for b in item.blocks}
    rest = Counter(g for b in plan.blocks if b.index not in in_item for g in _ngrams(b.text))
    counts = [Counter(g for b in item.blocks for g in _ngrams(plan.blocks[b].text)) for item in items]
    docs = [*counts, rest]
    df = Counter(g for c in docs for g in c)
    total = Counter[str]()
    for c in docs:
        total.update(c)
    for item, tf in zip(items, counts, strict=True):
        if item.words < MIN_WORDS:
            continue
        order = {g: i for i, g in enumerate(tf)}

        def score(g: str, tf: Counter[str] = tf, order: dict[str, int] = order) -> tuple[float, int, int]:
            others = total[g] - tf[g]
            idf = math.log(1 + len(docs) / df[g])
            return (tf[g] * idf / (1 + others), len(g.split()) == 3, -order[g])

        ranked = sorted(tf, key=score, reverse=True)
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
    """Two phrases share a pair of consecutive words ('chủ quyền' / 'chủ quyền biển')."""
    def pairs(text: str) -> set[tuple[str, str]]:
        words = text.split()
        return set(zip(words, words[1:], strict=False))
    return bool(pairs(a) & pairs(b))


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _first_words(plan: Plan, item: Item, count: int = 12) -> str:
    text = " ".join(plan.blocks[b].text for b in item.blocks).strip()
    text = text[len(item.marker):] if text.startswith(item.marker) else text
    words = re.sub(r"\s+", " ", text).strip().split(" ")
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _doc_name(plan: Plan) -> str:
    kind = plan.doc_type_name or plan.doc_type or "Văn bản"
    kind = kind[:1].upper() + kind[1:].lower()
    parts = [kind]
    if plan.number_symbol:
        parts.append(f"số {plan.number_symbol}")
    if plan.date:
        parts.append(f"ngày {plan.date.strftime('%d/%m/%Y')}")
    if plan.issuer:
        parts.append(f"của {plan.issuer}")
    return " ".join(parts)


def _has_number(plan: Plan) -> bool:
    if not plan.number_symbol or plan.symbol_parts is None or not plan.symbol_parts.number:
        return False
    try:
        ParentSpec(symbol=plan.number_symbol)
    except ValueError:
        return False
    return True


def derive(plan: Plan, source: str | Path, extends: str = "default") -> str:
    """The commented YAML text of a pack that extends ``extends`` and checks plans answering ``plan``."""
    items = content_items(plan)
    _characteristic(items, plan)
    kept = [i for i in items if i.phrases]
    taken: set[str] = set()
    for item in kept:
        item.id = slug(item.title or item.marker, taken)
    rule_ids = set(load_pack(extends).rules)
    theme_rule = "covers-themes" if "covers-themes" not in rule_ids else "covers-parent-themes"
    name = Path(source).name
    kind = plan.doc_type_name or ""
    title = (f"{kind[:1].upper()}{kind[1:].lower()} {plan.title or ''}").strip()
    lines = [
        f"# plancheck rule pack derived by `plancheck rules derive` from {name}:",
        f"#   {_doc_name(plan)}" + (f" — {plan.title}" if plan.title else ""),
        "# REVIEW BEFORE USE: the phrases of each theme were picked automatically (word pairs and triples",
        "# frequent in the item, rare in the other items and in the rest of the directive). Keep those a plan",
        "# answering the item would write, add synonyms, drop accidental ones; translate the 'en' labels.",
        "# Một người rà soát cần xem lại các cụm từ (phrases) của từng chủ đề trước khi dùng bộ quy tắc này.",
        f"name: {_q('derived-' + slug(Path(source).stem))}",
        f"description: {_q('Plans answering ' + _doc_name(plan))}",
        f"extends: {extends}",
        "rules:",
    ]
    date = plan.date.isoformat() if plan.date else None
    fields = [("symbol", _q(plan.number_symbol) if plan.number_symbol else None), ("date", date),
              ("issuer", _q(plan.issuer) if plan.issuer else None), ("title", _q(title) if title else None)]
    if _has_number(plan):
        lines += ["  cites-parent:", "    params:", "      parent:           # the directive plans must cite"]
        lines += [f"        {key}: {value}" for key, value in fields if value]
    else:
        lines += ["  # The parent has no number-symbol (a web copy?): fill it in, then uncomment.",
                  "  # cites-parent:", "  #   params:", "  #     parent:         # TODO: điền số, ký hiệu",
                  "  #       symbol: \"\"  # TODO: điền số, ký hiệu"]
        lines += [f"  #       {key}: {value}" for key, value in fields[1:] if value]
    lines.append("")
    if kept:
        params = {"themes": [{"id": i.id, "label": {"vi": label(i.title), "en": label(i.title)},
                              "phrases": i.phrases} for i in kept]}
        CoversThemesParams.model_validate(params)  # what load_pack will check
        lines += [
            f"  {theme_rule}:",
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
                f"        # {item.marker} {_first_words(plan, item)}".rstrip(),
                f"        - id: {item.id}",
                "          label:",
                f"            vi: {_q(label(item.title))}",
                f"            en: {_q(label(item.title))}  # TODO: translate",
                f"          phrases: [{', '.join(_q(p) for p in item.phrases)}]",
            ]
    else:
        lines.append("  # No content item with enough words was found: no covers_themes rule.")
    skipped = [i for i in items if not i.phrases]
    if skipped:
        lines.append("  # Skipped (fewer than 8 words or no characteristic phrase): "
                     + "; ".join(f"{i.marker} {label(i.title)}".strip() for i in skipped))
    deadlines = [r.deadline for r in plan.reporting if r.deadline]
    if deadlines:
        last = max(deadlines)
        lines += [
            "",
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
    return "\n".join(lines) + "\n"
