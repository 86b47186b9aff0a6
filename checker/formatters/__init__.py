"""Report formatters: pure functions ``Report -> str``, one module each, chosen from this dict.

Modules are imported when a format is used, not when the command starts (``--format text`` does not pay
for Jinja2 or the SARIF code).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from importlib import import_module

from checker.model.report import Report

_MODULES = {
    "text": "text", "json": "json_format", "sarif": "sarif", "junit": "junit", "github": "github",
    "markdown": "markdown", "html": "html",
}


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
