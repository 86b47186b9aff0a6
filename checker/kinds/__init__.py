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
    count_range,
    covers_themes,
    date_order,
    digital_signature,
    field_present,
    handed_down,
    has_deadline,
    has_field,
    has_parts,
    is_plan,
    phrase,
    section_exists,
    task_table,
)

KINDS: dict[str, ModuleType] = {
    module.NAME: module
    for module in (is_plan, cites_parent, covers_themes, assigns_tasks, task_table, handed_down, has_deadline,
                   has_parts, has_field, digital_signature,
                   # Generic kinds: reviewers write new checks with them as data, without new code.
                   phrase, section_exists, field_present, date_order, count_range)
}
