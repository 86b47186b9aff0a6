"""Units expected to submit a plan, and which documents each one sent.

``plancheck check DIR --expect UNITS.txt`` reads the units one per line; ``--expect parent`` reads them
from the parent directive of ``--against``:

* the bodies its implementation part tells to build a plan or to report (``Căn cứ Hướng dẫn này, xây
  dựng kế hoạch …``, ``… báo cáo kết quả về Ban Tuyên giáo Tỉnh ủy``);
* when it tells no one in those words, its *Nơi nhận* — less the filing copy (``Lưu VT``), the bodies
  only informed or reported to (``(để b/c)``), the parent's superiors (a body at a higher level:
  ``Ban Tuyên giáo TW`` for a provincial guidance) and the parent's own organisation (``Thường trực
  Huyện ủy`` for a guidance of the ``Ban Thường vụ Huyện ủy``).

A group (``Các huyện ủy, thị ủy``, ``Mặt trận và các đoàn thể huyện``) names no unit that could be
matched: it expands to nothing, and the report lists it so that the reviewer writes its units in a
``--expect`` file. A unit named without its level (``Sở Thông tin và Truyền thông``) is the parent's
peer: it is read at the parent's level and place.

A document is a unit's submission when its issuer is the same body (:mod:`checker.text.identity`: kind,
level and place agree; a standing board stands for its organisation); a document whose issuer cannot be
read counts when its file name names the unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from checker.model.plan import Body, Plan
from checker.model.report import DocumentReport, ExpectedUnit
from checker.text.identity import level_rank, parse_body, placed, same_body
from checker.text.names import loose_name
from checker.text.normalize import fold


class UnitsError(Exception):
    """The list of units cannot be read; the message names the file."""


def read_units(path: str | Path) -> list[str]:
    """Units expected to submit: one per line; blank lines and lines starting with ``#`` are skipped."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UnitsError(f"{path}: cannot read the list of units / không đọc được danh sách đơn vị: {exc}") from exc
    units = [_entry(line) for line in text.splitlines()]
    return [u for u in units if u and not u.startswith("#")]


def _entry(text: str) -> str:
    return text.strip().lstrip("-•*+").strip().rstrip(";,.").strip()


# --- From the parent directive -----------------------------------------------------------------------------------

_FILING = re.compile(r"^(?:lưu|như trên|như kính gửi)\b", re.I)
_INFORMED = re.compile(r"\b(?:để\s+)?(?:b/c|báo cáo|biết|t/h|theo dõi)\)?\s*$", re.I)
# A class of bodies: "Các huyện ủy", "UBND các xã", "Ủy ban MTTQ cấp xã", "đảng ủy trực thuộc".
_GROUP = re.compile(r"(?:^|\s)(?:các|những|mọi)\s|\bcấp\s+(?:tỉnh|huyện|xã|cơ sở)\b|\btrực thuộc\b", re.I)
# A duty that asks for a plan or a report from the unit it is handed to.
_SUBMITS = re.compile(r"\b(?:xây dựng|ban hành|cụ thể hóa)(?:\s+(?:và|cụ thể|triển khai|ban hành|xây dựng)){0,2}"
                      r"\s+(?:kế hoạch|chương trình (?:hành động|công tác|thực hiện))\b"
                      r"|\bbáo cáo(?:\s+\S+){0,6}?\s+(?:về|gửi)\b|\bgửi\s+(?:kế hoạch|báo cáo)\b")


class ParentUnits:
    """The units a parent directive expects, the groups it names that name no unit, and the entries of its
    *Nơi nhận* left out (filing, informed, superiors, itself)."""

    def __init__(self, units: list[str], groups: list[str], left_out: list[str]) -> None:
        self.units, self.groups, self.left_out = units, groups, left_out


def _names(entry: str) -> list[str]:
    """One line of *Nơi nhận* or one task's assignee as names: ``Báo Sóc Trăng, Đài Phát thanh …`` and
    ``HĐND - UBND xã`` are two bodies each (split where every piece names a body)."""
    for separator in (r",\s*", r"\s+-\s+", r"\s+và\s+"):
        pieces = [p.strip() for p in re.split(separator, entry) if p.strip()]
        if len(pieces) > 1 and all(parse_body(p) is not None for p in pieces):
            return pieces
    return [entry]


def _peer(body: Body, parent: Body | None) -> Body:
    """A body named without a level is at the parent's level and place (a guidance of a province names
    ``Sở Thông tin và Truyền thông`` for the province's)."""
    if parent is None:
        return body
    where = parent.of if parent.level is None and parent.of is not None else parent
    if not where.place:
        return body
    if body.of is not None and body.of.level is not None:
        return body
    if body.level is None or (body.level == where.level and not body.place):
        return placed(body, where.level, where.place)
    return body


def _own(body: Body, parent: Body | None) -> bool:
    """The parent itself or its organisation (``Thường trực Huyện ủy`` for the ``Ban Thường vụ Huyện ủy``)."""
    if parent is None:
        return False
    if same_body(body, parent):
        return True
    return parent.of is not None and same_body(body, parent.of) or body.of is not None and parent.of is not None \
        and same_body(body.of, parent.of)


def _higher(body: Body, parent: Body | None) -> bool:
    mine, theirs = level_rank(body), level_rank(parent)
    return mine is not None and theirs is not None and mine < theirs


def parent_units(plan: Plan) -> ParentUnits:
    """The units ``plan`` (a parent directive) expects to submit."""
    parent = plan.unit
    units: list[str] = []
    groups: list[str] = []
    left_out: list[str] = []

    def add(name: str, entry: str) -> None:
        if _GROUP.search(name) or _GROUP.search(" " + name):
            if entry not in groups:
                groups.append(entry)
            return
        body = parse_body(name)
        if body is None:
            left_out.append(name)
            return
        if _higher(body, parent) or _own(body, parent):
            left_out.append(name)
            return
        written = _peer(body, parent).text
        if not any(same_body(parse_body(u), parse_body(written)) for u in units):
            units.append(written)

    told = [t for t in plan.tasks if t.units and _SUBMITS.search(fold(t.text))]
    for task in told:
        for unit in task.units:
            for name in _names(unit):
                add(name, unit)
    if not told:
        for entry in plan.recipients:
            name = _entry(entry)
            if not name:
                continue
            if _FILING.search(name) or _INFORMED.search(name):
                left_out.append(name)
                continue
            for piece in _names(name):
                add(piece, name)
    return ParentUnits(units, groups, left_out)


# --- Matching submissions ---------------------------------------------------------------------------------------

def _by_path(document: DocumentReport, unit: str, wanted: Body | None) -> bool:
    stem = Path(document.path).stem.replace("-", " ").replace("_", " ")
    named = parse_body(stem)
    if wanted is not None and named is not None:
        return same_body(named, wanted)
    return bool(loose_name(unit)) and f" {loose_name(unit)} " in f" {loose_name(stem)} "


def submitted_by(document: DocumentReport, unit: str, wanted: Body | None = None) -> bool:
    """``document`` is the submission of ``unit`` (``wanted``: the unit read as a body)."""
    plan = document.plan
    body = plan.unit if plan is not None else None
    if body is not None and wanted is not None:
        return same_body(body, wanted)
    issuer = loose_name(plan.issuer or plan.issuing_body if plan else None)
    if issuer and wanted is None:
        # A unit that does not read as a body ("Đ/c Lương Đức Hải"): one name inside the other, the
        # shorter saying enough to tell units apart.
        name = loose_name(unit)
        if f" {name} " in f" {issuer} " or (len(issuer.split()) >= 4 and f" {issuer} " in f" {name} "):
            return True
    return _by_path(document, unit, wanted)


def match_units(units: Iterable[str], documents: list[DocumentReport]) -> list[ExpectedUnit]:
    """Which documents each expected unit submitted."""
    out = []
    for unit in units:
        wanted = parse_body(unit)
        out.append(ExpectedUnit(unit=unit, documents=[d.path for d in documents if submitted_by(d, unit, wanted)]))
    return out
