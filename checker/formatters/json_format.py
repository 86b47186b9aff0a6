"""JSON report, following ``schemas/report.schema.json``.

The plan's raw blocks and per-block bookkeeping are left out: they are the text itself, which
the user already has; ``plancheck parse --blocks`` shows them.

Accepted findings are kept: a waived finding carries its ``waiver`` (reason, accepted_by, expires,
source, index), a known one ``"baseline": true``; the report adds ``waiver_problems`` and, with a
baseline, ``baseline`` (known, new and fixed counts, the file written).
"""

from __future__ import annotations

import json
from typing import Any

from checker.model.report import Report

PLAN_INTERNALS = {"blocks", "block_parts", "block_sections"}


def as_data(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data."""
    exclude = {"documents": {"__all__": {"plan": PLAN_INTERNALS}}}
    return report.model_dump(mode="json", exclude=exclude)


def render(report: Report) -> str:
    return json.dumps(as_data(report), ensure_ascii=False, indent=2) + "\n"
