"""Where the shipped data lives: the rule packs (``rules/``) and the JSON Schemas (``schemas/``).

In a source checkout or an editable install they are the top-level folders of the repository; a
regular (wheel) install puts copies under ``<prefix>/share/plancheck/`` (see ``data-files`` in
``pyproject.toml``). Nothing here imports the rest of the package.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[1]
_INSTALLED = Path(sys.prefix) / "share" / "plancheck"


@cache
def data_dir(name: str) -> Path:
    """The folder ``rules`` or ``schemas``: the checkout's when present, else the installed copy."""
    for base in (_CHECKOUT, _INSTALLED):
        candidate = base / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"plancheck data folder '{name}' not found in {_CHECKOUT} or {_INSTALLED}")


def rules_dir() -> Path:
    return data_dir("rules")


def schemas_dir() -> Path:
    return data_dir("schemas")
