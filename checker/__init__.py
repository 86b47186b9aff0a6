"""plancheck: checks Vietnamese plans against the directives they answer.

``checker.parse_file`` and ``checker.check_file`` are the Python API (see :mod:`checker.api`). They
are loaded on first use so that importing a small part of the package (``checker.text.dates``)
does not load the rule engine and JSON Schema validation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "check_file", "parse_file"]

if TYPE_CHECKING:
    from checker.api import check_file, parse_file


def __getattr__(name: str) -> Any:
    if name in ("check_file", "parse_file"):
        from checker import api

        return getattr(api, name)
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
