"""The end of a document: recipients (*Nơi nhận*) and the signer.

State signature blocks use ``TM.``, ``KT.``, ``Q.``, ``TL.``, ``TUQ.``; party ones ``T/M``, ``K/T``,
``T/L``. The name is the last line of the block; a copy from the web may keep only the name,
or nothing at all.
"""

from __future__ import annotations

import re

from checker.model.document import Block
from checker.model.plan import Signer
from checker.text.normalize import fold

_AUTHORITY = re.compile(r"^(?P<a>T/M|K/T|T/L|TM\s*\.|KT\s*\.|TL\s*\.|TUQ\s*\.|Q\s*\.)\s*(?P<rest>.*)$")
_SIGNED = re.compile(r"^\((?:đã ký|ký|vbđt|ký tên|đã ký và đóng dấu|ký, ghi rõ họ tên)[^)]*\)$")
SURNAMES = {
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
    "dương", "lý", "lâm", "đinh", "trịnh", "đoàn", "mai", "trương", "tạ", "cao", "hà", "lương", "lưu",
    "chu", "đào", "tô", "thái", "châu", "quách", "kiều", "tăng", "triệu", "văn", "la", "từ", "khổng", "thân",
    "vương", "giang", "mạc", "tôn", "nông", "hứa", "lại", "đàm", "kim", "phùng", "doãn", "diệp", "âu", "lò",
}
_TITLE_WORDS = {"chủ", "tịch", "phó", "trưởng", "ban", "bí", "thư", "giám", "đốc", "thường", "trực", "ủy", "viên"}


def read_recipients(blocks: list[Block]) -> tuple[list[str], int | None]:
    """The recipients listed after ``Nơi nhận:`` and the index of that heading block."""
    for pos, block in enumerate(blocks):
        folded = fold(block.text.strip())
        if not folded.startswith("nơi nhận"):
            continue
        recipients: list[str] = []
        inline = block.text.split(":", 1)[1].strip() if ":" in block.text else ""
        lines = [inline] if inline else []
        for follower in blocks[pos + 1:]:
            text = follower.text.strip()
            if not text or text[0] not in "-–+•*":
                if recipients or lines:
                    break
                continue
            lines.append(text)
        for line in lines:
            item = line.lstrip("-–+•* ").rstrip(" ;,.")
            if item:
                recipients.append(item)
        return recipients, block.index
    return [], None


def looks_like_name(text: str) -> bool:
    """``Nguyễn Thị Hương``, ``TRẦN NGỌC KHIÊM``: 2–5 capitalised words, a known surname first."""
    words = text.strip().split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in text) or ":" in text:
        return False
    if not all(w[:1].isupper() for w in words):
        return False
    folded = [fold(w) for w in words]
    return folded[0] in SURNAMES and not all(w in _TITLE_WORDS for w in folded)


def read_signer(blocks: list[Block], after: int) -> Signer | None:
    """The signer in ``blocks`` from index ``after`` on (after the closing or recipients)."""
    tail = [b for b in blocks if b.index >= after]
    for pos, block in enumerate(tail):
        m = _AUTHORITY.match(block.text.strip())
        if not m:
            continue
        authority = re.sub(r"\s+", "", m.group("a"))
        titles = [m.group("rest").strip()] if m.group("rest").strip() else []
        name = None
        name_block = block
        for follower in tail[pos + 1: pos + 8]:
            text = follower.text.strip()
            if _SIGNED.match(fold(text)):
                continue
            if looks_like_name(text):
                name, name_block = text, follower
                break
            if text.isupper() and len(text) < 80:
                titles.append(text)
                continue
            break
        return Signer(authority=authority, title=" ".join(titles) or None, name=name,
                      location=name_block.location())
    for block in reversed(tail[-12:] if len(tail) > 12 else tail):
        text = block.text.strip()
        if looks_like_name(text):
            return Signer(name=text, location=block.location())
    return None
