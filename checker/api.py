"""The Python API: ``parse_file`` and ``check_file`` (re-exported from :mod:`checker`)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from checker.engine.packs import Pack, load_pack
from checker.engine.run import check_plan, resolve_pack, unreadable
from checker.extract import extract_plan
from checker.kinds import cites_parent
from checker.model.plan import Plan
from checker.model.report import DocumentReport
from checker.read import read_file
from checker.read.errors import ReadError


def parse_file(path: str | Path) -> Plan:
    """Read and extract one document. Raises :class:`~checker.read.errors.ReadError` if unreadable."""
    return extract_plan(read_file(path))


def check_file(
    path: str | Path,
    rules: str | Pack | None = None,
    *,
    parent: str | None = None,
    lang: str = "vi",
) -> DocumentReport:
    """Check one document and return its report; an unreadable file gives an ``unreadable`` report.

    ``rules`` is a built-in pack name (``"default"``, ``"ttdn"``), a path to a YAML pack, or a loaded
    :class:`~checker.engine.packs.Pack`; None picks ``ttdn`` for foreign-information plans and
    ``default`` otherwise. ``parent`` is the expected parent's number-symbol (``--parent``); a
    pack that names the same parent keeps its date and issuer. Rule-pack errors raise
    :class:`~checker.engine.packs.PackError`, before the document is read.
    """
    if isinstance(rules, str):
        load_pack(rules)  # validate the pack before reading any document
    try:
        plan = parse_file(path)
    except ReadError as exc:
        return unreadable(path, exc.message(lang))
    pack = resolve_pack(rules, plan)
    if parent:
        expected = parent
        pack = pack.with_params(cites_parent.NAME, lambda params: cites_parent.with_parent(
            cast(cites_parent.CitesParentParams, params), expected))
    return check_plan(plan, pack, lang)
