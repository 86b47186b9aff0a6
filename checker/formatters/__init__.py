"""Report formatters: pure functions ``Report -> str``, one module each, chosen from this dict."""

from __future__ import annotations

from collections.abc import Callable

from checker.formatters import github, json_format, junit, sarif, text
from checker.model.report import Report

FORMATTERS: dict[str, Callable[[Report], str]] = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
}
