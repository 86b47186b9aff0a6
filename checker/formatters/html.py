"""HTML report for reviewers: one self-contained page (inline CSS, no scripts, no external assets) with a
summary table, each document's findings by severity with the offending text marked in its sentence
(``<mark>``), its theme coverage, and the waiver problems and baseline comparison. Vietnamese or
English (``report.lang``, also the page's ``lang``).

The layout is ``templates/report.html.j2``, rendered with autoescaping on; what it shows comes from
:mod:`checker.formatters.view`. Every value is passed through :func:`checker.text.visible.visible` before it
is escaped (``finalize``), so a control character shows as an escape (``\\x1b``) rather than as nothing or
a replacement box. A pure function: no clock, no files.
"""

from __future__ import annotations

from functools import cache

import jinja2
from markupsafe import Markup

from checker.formatters import view
from checker.model.report import Report
from checker.text.visible import visible


def shown(value: object) -> object:
    """A template value with its control characters escaped, line breaks too (no text the report quotes
    holds one, and none may start a line of the page's source); markup made by the template is left alone."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return visible(value)
    return value


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("checker", "formatters/templates"),
        autoescape=True, finalize=shown, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )


def render(report: Report) -> str:
    return _environment().get_template("report.html.j2").render(v=view.build(report))
