"""Rule kinds: the code behind rules. One module per kind; this dict is the registry.

Each kind module exposes ``NAME``, ``PARAMS`` (a pydantic model forbidding unknown keys),
``MESSAGES`` (code → :class:`~checker.kinds.base.Message`), ``check(plan, params)`` and a module
docstring that is its user documentation (``plancheck rules show``).
"""

from __future__ import annotations

from types import ModuleType

from checker.kinds import (
    assigns_tasks,
    cites_parent,
    covers_themes,
    has_deadline,
    has_field,
    has_parts,
    is_plan,
    task_table,
)

KINDS: dict[str, ModuleType] = {
    module.NAME: module
    for module in (is_plan, cites_parent, covers_themes, assigns_tasks, task_table, has_deadline, has_parts, has_field)
}
