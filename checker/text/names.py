"""Comparing names of bodies loosely: ``UBND tỉnh Khánh Hòa`` = ``Ủy ban nhân dân tỉnh Khánh Hoà``.

Used where a name written by one office must be recognised in another's text: the issuer of a cited
directive (``cites_parent``) and the units expected to submit a plan (``check --expect``).
"""

from __future__ import annotations

from checker.text.normalize import strip_diacritics

_ABBREVIATIONS = (("uy ban nhan dan", "ubnd"), ("hoi dong nhan dan", "hdnd"), ("mat tran to quoc", "mttq"),
                  ("ban tuyen giao", "btg"), ("trung uong", "tw"), ("ban thuong truc", "btt"),
                  ("ban thuong vu", "btv"), (" viet nam", ""))


def loose_name(text: str | None) -> str:
    """A name for loose comparison: no diacritics, usual abbreviations (``Ủy ban nhân dân`` = ``UBND``)."""
    loose = f" {strip_diacritics(text or '')} "
    for long, short in _ABBREVIATIONS:
        loose = loose.replace(long, short)
    return " ".join(loose.split())


def same_issuer(expected: str, cited: str) -> bool:
    """The cited issuer names the expected body: one name contains the other once both are loosened
    (``Ban Thường trực`` in ``Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Quảng Ninh``)."""
    a, b = loose_name(expected), loose_name(cited)
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "
