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
    """The cited issuer names the expected body. Names that both read as a body (kind, level, place:
    :mod:`checker.text.identity`) are compared as bodies, so ``Ủy ban MTTQ tỉnh Bến Tre`` is not the Trà
    Vinh one and ``BTGTU`` is the ``Ban Tuyên giáo Tỉnh ủy``; otherwise one name must contain the other
    once both are loosened."""
    from checker.text.identity import parse_body, same_body

    a_body, b_body = parse_body(expected), parse_body(cited)
    if a_body is not None and b_body is not None:
        return same_body(a_body, b_body)
    a, b = loose_name(expected), loose_name(cited)
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "
