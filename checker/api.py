"""The Python API: ``parse_file`` and ``check_file`` (re-exported from :mod:`checker`)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, cast

from checker.engine.packs import Pack, load_pack
from checker.engine.run import check_plan, choose_pack_name, resolve_pack, unreadable
from checker.engine.selection import Selection
from checker.extract import extract_plan
from checker.kinds import cites_parent
from checker.model.plan import Plan
from checker.model.report import DocumentReport
from checker.read import read_file
from checker.read.errors import ReadError
from checker.text.symbols import parse_symbol, same_document

if TYPE_CHECKING:
    from checker.engine.derive import Derived


def parse_file(path: str | Path) -> Plan:
    """Read and extract one document. Raises :class:`~checker.read.errors.ReadError` if unreadable."""
    return extract_plan(read_file(path))


class Against:
    """A parent directive read once for ``check --against PARENT``: its derived pack for each base pack.

    Reading the parent raises :class:`~checker.read.errors.ReadError`, like :func:`parse_file`.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.plan = parse_file(path)
        self.packs: dict[str, Pack] = {}

    def pack(self, base: str) -> Pack:
        """``base`` (a built-in name or a pack file) with the rules derived from the parent."""
        if base not in self.packs:
            from checker.engine.derive import pack_against

            self.packs[base] = pack_against(self.plan, self.path, base, self.found)
        return self.packs[base]

    @cached_property
    def found(self) -> Derived:
        """What the parent asks of its plans (content items, handed-down tasks, deadline), analysed once."""
        from checker.engine.derive import analyse

        return analyse(self.plan)

    def as_parent(self, symbol: str) -> cites_parent.ParentSpec | None:
        """``--parent SYMBOL`` for this parent: its own date, issuer and title with that symbol, unless
        the parent carries another number-symbol (then the option names another document)."""
        own = parse_symbol(self.plan.number_symbol) if self.plan.number_symbol else None
        wanted = parse_symbol(symbol)
        if own is not None and own.number and wanted is not None and not same_document(own, wanted):
            return None
        return cites_parent.ParentSpec(symbol=symbol, date=self.plan.date,
                                       issuer=self.plan.unit_name)


def check_file(
    path: str | Path,
    rules: str | Pack | None = None,
    *,
    parent: str | None = None,
    against: Against | None = None,
    lang: str = "vi",
    selection: Selection | None = None,
) -> DocumentReport:
    """Check one document and return its report; an unreadable file gives an ``unreadable`` report.

    ``rules`` is a built-in pack name (``"default"``, ``"ttdn"``), a path to a YAML pack, or a loaded
    :class:`~checker.engine.packs.Pack`; None picks ``ttdn`` for foreign-information plans and
    ``default`` otherwise. ``parent`` is the expected parent's number-symbol (``--parent``); a
    pack that names the same parent keeps its date and issuer. Rule-pack errors raise
    :class:`~checker.engine.packs.PackError`, before the document is read. ``against`` adds the
    rules derived from a parent directive (:class:`Against`) to the pack (``rules`` is then a name or
    a path, or None for the built-in pack chosen by the plan's subject). ``selection`` keeps only the
    rules it selects (``--select`` / ``--ignore``).
    """
    if isinstance(rules, str):
        load_pack(rules)  # validate the pack before reading any document
    try:
        plan = parse_file(path)
    except ReadError as exc:
        return unreadable(path, exc.message(lang), exc.code)
    if against is not None and not isinstance(rules, Pack):
        pack = against.pack(rules or choose_pack_name(plan))
    else:
        pack = resolve_pack(rules, plan)
    if parent:
        expected = parent
        known_as = against.as_parent(parent) if against is not None else None
        pack = pack.with_params(cites_parent.NAME, lambda params: cites_parent.with_parent(
            cast(cites_parent.CitesParentParams, params), expected, known_as))
    if selection is not None:
        pack = pack.selected(selection)  # --select / --ignore
    return check_plan(plan, pack, lang)
