"""JSON report, following ``schemas/report.schema.json``, which it names as its ``$schema``, with its
``format_version`` (see :data:`checker.model.report.REPORT_FORMAT`).

The plan's raw blocks and per-block bookkeeping are left out: they are the text itself, which
the user already has; ``plancheck parse --blocks`` shows them.

Accepted findings are kept: a waived finding carries its ``waiver`` (reason, accepted_by, expires,
source, index), a known one ``"baseline": true``; the report adds ``waiver_problems`` and, with a
baseline, ``baseline`` (known, new and fixed counts, the file written).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checker.model.report import Report

PLAN_INTERNALS = {"blocks", "block_parts", "block_sections"}


_EXCLUDE = {"documents": {"__all__": {"plan": PLAN_INTERNALS}}}


def as_data(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data."""
    return report.model_dump(mode="json", exclude=_EXCLUDE, by_alias=True)


def render(report: Report) -> str:
    """The same text as ``json.dumps(as_data(report), ensure_ascii=False, indent=2)``, written by pydantic's
    serializer (the standard library's encoder runs in Python when it indents: 5× slower)."""
    return report.model_dump_json(indent=2, exclude=_EXCLUDE, by_alias=True) + "\n"


def pieces(report: Report) -> Iterator[str]:
    """The text of :func:`render` in pieces, one per document, for writing as it is made: the report of a
    large batch (100 MB for 2,000 plans, twice that as a Python string) is never held whole."""
    frame = render(report.model_copy(update={"documents": []}))
    head, found, tail = frame.partition('\n  "documents": []')  # JSON strings hold no raw line break
    assert found, "every report has its documents"
    yield head + '\n  "documents": ['
    for number, document in enumerate(report.documents):
        text = document.model_dump_json(indent=2, exclude={"plan": PLAN_INTERNALS})
        yield ("," if number else "") + "\n    " + text.replace("\n", "\n    ")
    yield ("\n  ]" if report.documents else "]") + tail
