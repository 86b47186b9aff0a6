"""Markdown report for reviewers: a summary table, then each document's findings by severity, its theme
coverage, and the waiver problems and baseline comparison. Vietnamese or English (``report.lang``).

The layout is ``templates/report.md.j2``; what it shows comes from :mod:`checker.formatters.view`.
Every value the template prints is escaped for Markdown by the environment's ``finalize`` (so that a
``*``, ``|``, ``<`` or ``[`` in a document's text is shown as written, never read as Markdown or HTML,
and a line break does not end a list item); table cells go through the ``cell`` filter, which also
keeps line breaks as ``<br>``. Control characters are shown as escapes first
(:func:`checker.text.visible.visible`; file names, line breaks included, already by the view). A pure
function: no clock, no files.
"""

from __future__ import annotations

import re
from functools import cache

import jinja2

from checker.formatters import view
from checker.model.report import Report
from checker.text.visible import visible

# ASCII punctuation that means something in CommonMark or GitHub Markdown, inline or in a table.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&])")
_NEWLINES = re.compile(r"\s*(?:\r\n|\r|\n)\s*")


class Raw(str):
    """Text that is already Markdown: ``finalize`` leaves it alone."""


def escape(value: object) -> str:
    """``value`` as literal Markdown text on one line."""
    if isinstance(value, Raw):
        return value
    text = "" if value is None else visible(str(value), keep="\r\n")
    return _SPECIAL.sub(r"\\\1", _NEWLINES.sub(" ", text))


def cell(value: object) -> Raw:
    """``value`` as the literal text of a table cell: escaped, line breaks kept as ``<br>``."""
    text = "" if value is None else str(value)
    return Raw("<br>".join(escape(line) for line in _NEWLINES.split(text)))


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("checker", "formatters/templates"),
        autoescape=False, finalize=escape, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters["cell"] = cell
    return env


def render(report: Report) -> str:
    text = _environment().get_template("report.md.j2").render(v=view.build(report))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
