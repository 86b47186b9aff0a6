"""Every rule kind documents itself twice: its module docstring in English and ``DOC_VI`` in Vietnamese.

Both name every case code of the kind's messages; ``DOC_VI`` also names every top-level param.
"""

from __future__ import annotations

import re
from types import ModuleType

import pytest

from checker.kinds import KINDS

MODULES = sorted(KINDS.items())


def _mentions(text: str, word: str) -> bool:
    """``word`` appears as a whole identifier (``min`` not inside ``min_count``, ``date`` not in ``date-order``)."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


@pytest.mark.parametrize(("name", "module"), MODULES, ids=[name for name, _ in MODULES])
def test_kind_has_vietnamese_doc(name: str, module: ModuleType) -> None:
    assert isinstance(getattr(module, "DOC_VI", None), str), f"{name} has no DOC_VI"
    assert module.DOC_VI.startswith(f"{module.NAME} — ")
    assert module.__doc__ is not None and module.__doc__.startswith(f"{module.NAME} — ")


@pytest.mark.parametrize(("name", "module"), MODULES, ids=[name for name, _ in MODULES])
def test_both_docs_name_every_case(name: str, module: ModuleType) -> None:
    for code in module.MESSAGES:
        assert _mentions(module.__doc__ or "", code), f"{name}: the English doc does not name '{code}'"
        assert _mentions(module.DOC_VI, code), f"{name}: DOC_VI does not name '{code}'"


@pytest.mark.parametrize(("name", "module"), MODULES, ids=[name for name, _ in MODULES])
def test_vietnamese_doc_names_every_param(name: str, module: ModuleType) -> None:
    for field in module.PARAMS.model_fields:
        assert _mentions(module.DOC_VI, field), f"{name}: DOC_VI does not name the param '{field}'"
