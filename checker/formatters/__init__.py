"""Report formatters: pure functions ``Report -> str``, one module each, chosen from this dict."""

from __future__ import annotations

from collections.abc import Callable

from checker.formatters import github, html, json_format, junit, markdown, sarif, text
from checker.model.report import Report

FORMATTERS: dict[str, Callable[[Report], str]] = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "markdown": markdown.render,
    "html": html.render,
}
