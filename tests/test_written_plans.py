"""plancheck on the plans written for testing (tests/written): recall and precision of the responsible units,
document type and reporting verdict, kept above floors a little under the figures when they were set."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from checker import parse_file

ROOT = Path(__file__).resolve().parents[1]
WRITTEN = ROOT / "tests" / "written"
_spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
assert _spec is not None and _spec.loader is not None
accuracy = sys.modules.get("accuracy") or importlib.util.module_from_spec(_spec)
if "accuracy" not in sys.modules:
    sys.modules["accuracy"] = accuracy
    _spec.loader.exec_module(accuracy)

PLANS = sorted(WRITTEN.glob("*.txt"))


@functools.cache
def _figures() -> dict[str, float]:
    hits = expected = found = types = verdicts = 0
    for path in PLANS:
        reading = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
        plan = parse_file(path)
        got = {accuracy.unit_key(u) for t in plan.tasks for u in t.units}
        want = {accuracy.unit_key(u) for u in reading["units"]}
        hits, expected, found = hits + len(got & want), expected + len(want), found + len(got)
        types += reading["type"] == plan.doc_type
        verdicts += (reading["reporting"] == "none") == (accuracy.found_reporting(plan) == "none")
    return {"unit_recall": hits / expected, "unit_precision": hits / found, "type": types / len(PLANS),
            "reporting_verdict": verdicts / len(PLANS)}


def test_the_written_plans_are_there():
    assert len(PLANS) >= 40
    for path in PLANS:
        reading = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
        assert set(reading) == {"type", "basis", "units", "reporting"}, path.name


@pytest.mark.parametrize(("field", "floor"), [
    ("unit_recall", 0.93), ("unit_precision", 0.91), ("type", 0.95), ("reporting_verdict", 0.90),
])
def test_figures_stay_above_their_floors(field, floor):
    figures = _figures()
    assert figures[field] >= floor, figures
