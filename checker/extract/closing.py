"""The end of a document: recipients (*Nơi nhận*) and the signer.

State signature blocks use ``TM.``, ``KT.``, ``Q.``, ``TL.``, ``TUQ.``; party ones ``T/M``, ``K/T``,
``T/L``. Each opens an authority line naming the collective or the head signed for (``T/M BAN
THƯỜNG VỤ``, ``KT. CHỦ TỊCH``), and authorities nest (``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH``);
the signer's own position follows (``PHÓ BÍ THƯ``), then the name. A copy from the web may keep
only the name, or nothing at all.

The recipients and the signature stand side by side in the original (a two-column table). Word
keeps them in two cells; a text copy interleaves their lines (``Nơi nhận:`` / ``KT. CHỦ TỊCH`` /
``- Bộ Nội vụ;`` …) or puts several recipients on one line (``- V01, C04 - Bộ Công an;   -
Thường trực Tỉnh ủy;``). Word's automatic bullets leave items with no dash at all.
"""

from __future__ import annotations

import re

from checker.extract.sections import RECIPIENTS_HEADING
from checker.extract.vocabulary import AUTHORITY
from checker.model.document import Block
from checker.model.plan import Signer
from checker.text.normalize import fold

_SIGNED = re.compile(r"^\((?:đã ký|ký|vbđt|ký tên|đã ký và đóng dấu|ký, ghi rõ họ tên)[^)]*\)$")
# Margin notes a PDF copy places between the signature lines: "(để t/h)", "(để b/cáo)".
_NOTE = re.compile(r"^\([^()]{0,40}\)$")
SURNAMES = {
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
    "dương", "lý", "lâm", "đinh", "trịnh", "đoàn", "mai", "trương", "tạ", "cao", "hà", "lương", "lưu",
    "chu", "đào", "tô", "thái", "châu", "quách", "kiều", "tăng", "triệu", "văn", "la", "từ", "khổng", "thân",
    "vương", "giang", "mạc", "tôn", "nông", "hứa", "lại", "đàm", "kim", "phùng", "doãn", "diệp", "âu", "lò",
    "lan", "lục", "ma", "hầu", "vi", "sầm", "khúc", "ninh", "phí", "quan", "thạch", "y",
}
_TITLE_WORDS = {"chủ", "tịch", "phó", "trưởng", "ban", "bí", "thư", "giám", "đốc", "thường", "trực", "ủy", "viên"}
_BULLET = "-–+•*"
# Words that never end the name in an authority line: a line ending with one was wrapped.
_UNFINISHED = {"nhân", "thường", "chủ", "phó"}
# Annotations that span two recipient lines: "Ban TT UBTW MTTQ VN; (Để" / "Ban Thường vụ Tỉnh ủy; báo cáo)".
_SPLIT_NOTE = re.compile(r"\(\s*để\s*$|^\s*(?:báo cáo|b/c|thực hiện|t/h|biết|phối hợp|p/h)\s*\)", re.IGNORECASE)


def _is_signature_line(text: str) -> bool:
    """A line of the signature block (authority, title in capitals, margin note, signed mark, name)."""
    folded = fold(text)
    return bool(AUTHORITY.match(text) or (text.isupper() and len(text) < 80) or _SIGNED.match(folded)
                or _NOTE.match(text) or looks_like_name(text, strict=False))


def _split_items(lines: list[str]) -> list[str]:
    """Join wrapped recipient lines and split lines holding several recipients into items."""
    joined: list[str] = []
    for line in lines:
        line = re.sub(r"\(\s*để\s*$", "", line, flags=re.IGNORECASE).strip()
        starts_item = line[:1] in _BULLET
        if joined and not starts_item and not joined[-1].rstrip().endswith((";", ".")):
            joined[-1] = f"{joined[-1].rstrip()} {line}"
        else:
            joined.append(line)
    items: list[str] = []
    for line in joined:
        # "- A;  - B;" on one line, and items separated by ";" in a Word cell without bullets.
        for piece in re.split(r";\s*(?=[-–+•*]\s)|;\s+(?=[^\s(])", line):
            piece = _SPLIT_NOTE.sub("", piece.strip())
            item = re.sub(r"\(\s*để\s*$", "", piece).lstrip(_BULLET + " ").rstrip(" ;,.").strip()
            if item and not _SPLIT_NOTE.match(item) and not item.startswith("(") and not item[:1].islower():
                items.append(item)
    return items


def read_recipients(blocks: list[Block]) -> tuple[list[str], int | None]:
    """The recipients listed after ``Nơi nhận:`` and the index of that heading block."""
    for pos, block in enumerate(blocks):
        folded = fold(block.text.strip())
        if not RECIPIENTS_HEADING.match(folded):
            continue
        inline = block.text.split(":", 1)[1].strip() if ":" in block.text else ""
        lines = [inline] if inline else []
        column = (block.table, block.cell) if block.table is not None else None
        for follower in blocks[pos + 1:]:
            text = re.sub(r"\(\s*để\s*$", "", follower.text.strip(), flags=re.IGNORECASE).strip()
            if not text:
                continue
            if column is not None:  # Word: the recipients fill their column of the table
                if follower.table != column[0]:
                    break
                if follower.cell == column[1]:
                    lines.append(text)
                continue
            is_item = (text[0] in _BULLET or ";" in text or text.endswith(",")
                       or fold(text).startswith("lưu"))
            after_last = bool(lines) and fold(lines[-1].lstrip(_BULLET + " ")).startswith("lưu")
            if is_item and not after_last and not AUTHORITY.match(text):
                lines.append(text)
            elif lines and not after_last and text[:1].islower() and not lines[-1].rstrip().endswith((";", ".")):
                lines.append(text)  # a wrapped item: "- Bí thư Chi bộ, Trưởng thôn, Ban công" / "tác MT thôn;"
            elif _is_signature_line(text) and not after_last:
                continue  # the signature column read line by line between the recipients
            else:
                break
        return _split_items(lines), block.index
    return [], None


def looks_like_name(text: str, strict: bool = True) -> bool:
    """``Nguyễn Thị Hương``, ``TRẦN NGỌC KHIÊM``: 2–5 capitalised words, a known surname first.

    With ``strict=False`` (inside a signature block, right under the title) any surname is
    accepted (``Lan Thị Vân``), but a name in capitals must still start with a known surname
    so that titles (``PHÓ CHỦ TỊCH``) are not taken for names.
    """
    words = text.strip().split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in text) or ":" in text:
        return False
    if not all(w[:1].isupper() for w in words) or any(not w.isalpha() for w in words):
        return False
    folded = [fold(w) for w in words]
    if all(w in _TITLE_WORDS for w in folded):
        return False
    if folded[0] in SURNAMES:
        return True
    return not strict and not text.isupper() and all(w[1:].islower() for w in words)


def _unfinished(line: str) -> bool:
    """An authority line wrapped before its last word (``TM. ỦY BAN NHÂN`` / ``DÂN``), or a bare mark."""
    words = fold(line).split()
    return AUTHORITY.fullmatch(line.strip()) is not None or (bool(words) and words[-1] in _UNFINISHED)


def read_signer(blocks: list[Block], after: int) -> Signer | None:
    """The signer in ``blocks`` from index ``after`` on (after the closing or recipients).

    ``authority`` is every authority line as written (``T/M BAN THƯỜNG VỤ``; nested ``TM. ỦY BAN NHÂN
    DÂN KT. CHỦ TỊCH``), ``title`` the position lines under the last one (``PHÓ BÍ THƯ``), ``name`` the
    person. Without an authority, the name is the last name-like line and the title the role above it.
    """
    tail = [b for b in blocks if b.index >= after]
    for pos, block in enumerate(tail):
        if not AUTHORITY.match(block.text.strip()):
            continue
        authority = [block.text.strip()]
        titles: list[str] = []
        name = None
        name_block = block
        for follower in tail[pos + 1: pos + 16]:
            text = follower.text.strip()
            if (_SIGNED.match(fold(text)) or _NOTE.match(text) or not text
                    or (text[:1] in _BULLET and not text.isupper())):
                continue  # signed marks, margin notes and recipients read between the signature lines
            if looks_like_name(text, strict=False):
                name, name_block = text, follower
                break
            if AUTHORITY.match(text) and len(text) < 80:
                authority.extend(titles + [text])  # nested: what stood between belongs to the outer authority
                titles = []
                continue
            if text.isupper() and len(text) < 80:
                if not titles and _unfinished(authority[-1]):
                    authority.append(text)  # "TM. ỦY BAN NHÂN" / "DÂN"; "T/M" / "BAN THƯỜNG VỤ"
                else:
                    titles.append(text)
                continue
            if text.endswith((";", ",")) or fold(text).startswith("lưu"):
                continue  # a recipient without a dash (Word bullets)
            break
        return Signer(authority=" ".join(" ".join(authority).split()), title=" ".join(titles) or None,
                      name=name, location=name_block.location())
    for pos in range(len(tail) - 1, max(len(tail) - 13, -1), -1):
        text = tail[pos].text.strip()
        if looks_like_name(text):
            return Signer(title=_title_above(tail, pos), name=text, location=tail[pos].location())
    return None


def _title_above(tail: list[Block], pos: int) -> str | None:
    """The line above a signer's name when it names a role (``Người lập kế hoạch``)."""
    for block in reversed(tail[max(0, pos - 4): pos]):
        text = block.text.strip()
        if not text or _SIGNED.match(fold(text)) or _NOTE.match(text):
            continue
        if len(text) <= 60 and text[:1] not in _BULLET and not text.endswith((";", ".", ":", ",")):
            return text
        return None
    return None
