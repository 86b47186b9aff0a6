"""Report formatters: pure functions ``Report -> str``, one module each, chosen from this dict.

Modules are imported when a format is used, not when the command starts (``--format text`` does not pay
for Jinja2 or the SARIF code).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from importlib import import_module
from typing import Literal

from checker.model.report import Report

_MODULES = {
    "text": "text", "json": "json_format", "sarif": "sarif", "junit": "junit", "github": "github",
    "markdown": "markdown", "html": "html",
}

#: How much of a plan a report can need: all of it; all but its text (the blocks, their parts and sections:
#: one entry per paragraph); only its header (type, number-symbol, title, issuer, date, notes) and which
#: themes it covers, each with the first quote that shows it covered.
PlanPart = Literal["all", "no-text", "header"]
# What each format prints of the plans (a batch keeps no more, see checker.batch.slim): html, markdown and
# sarif quote findings in their sentence or give line regions (view.finding_quote, SARIF regions); JSON
# prints the plan but its text; the others print only its header and the themes covered (text: with the first
# quote) and missing.
_READS: dict[str, PlanPart] = {"html": "all", "markdown": "all", "sarif": "all", "json": "no-text"}


def reads(name: str) -> PlanPart:
    """How much of each plan the format ``name`` prints."""
    return _READS.get(name, "header")


def rendered(name: str, report: Report) -> str | Iterator[str]:
    """``report`` in the format ``name``: in pieces, to be written as they are made, when the format's module
    offers them (``pieces``: the JSON report of a large batch is never held whole), else as one text."""
    module = import_module(f"checker.formatters.{_MODULES[name]}")
    pieces: Callable[[Report], Iterator[str]] | None = getattr(module, "pieces", None)
    return pieces(report) if pieces is not None else FORMATTERS[name](report)


class _Formatters(Mapping[str, Callable[[Report], str]]):
    """Format name → ``render`` function, imported on first use."""

    def __getitem__(self, name: str) -> Callable[[Report], str]:
        render: Callable[[Report], str] = import_module(f"checker.formatters.{_MODULES[name]}").render
        return render

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


FORMATTERS: Mapping[str, Callable[[Report], str]] = _Formatters()
