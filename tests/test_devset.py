"""The development set (tests/devset, a person's reading of each corpus document) and plancheck's figures on it.

The readings are checked for form everywhere; the figures only where ../shared/corpus is present. The floors
sit a little under the figures measured when they were set (benchmarks/accuracy.py prints them): a change that
reads fewer units, types or deadlines right fails here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "devset"
CORPUS = ROOT.parent / "shared" / "corpus"
_spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
assert _spec is not None and _spec.loader is not None
accuracy = importlib.util.module_from_spec(_spec)
sys.modules["accuracy"] = accuracy  # its dataclasses look their module up
_spec.loader.exec_module(accuracy)

KEYS = {"type", "number", "basis", "basis_optional", "units", "units_optional", "reporting", "reporting_quote"}
TYPES = {"KH", "HD", "QĐ", "CV", "CĐ", "CT", "NQ", "KL", "TB", "CTr", "BC", "TTr", "QC", "QĐi", "TT", "ĐA", "PA", None}
READINGS = sorted(DEVSET.glob("*.yaml"))


def test_there_are_enough_readings():
    assert len(READINGS) >= 40


@pytest.mark.parametrize("path", READINGS, ids=lambda p: p.stem)
def test_each_reading_has_the_fields_of_the_readme(path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == KEYS, path.name
    assert data["type"] in TYPES
    assert data["reporting"] in ("dated", "period", "none")
    if data["reporting"] != "none":
        assert data["reporting_quote"], "a reporting verdict quotes the words that decide it"
    for unit in data["units"]:
        forms = unit if isinstance(unit, list) else [unit]
        assert forms and all(isinstance(f, str) and f.strip() for f in forms), unit


@pytest.mark.parametrize(("a", "b"), [
    ("UBND các xã, phường", "Ủy ban nhân dân các xã, phường"),
    ("Các Sở, ban, ngành", "sở, ban, ngành"),
    ("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("Đảng uỷ xã", "Đảng ủy xã"),
    ("Phòng Văn hóa-Xã hội", "Phòng Văn hóa - Xã hội"),
])
def test_names_of_one_unit_compare_equal(a, b):
    assert accuracy.unit_key(a) == accuracy.unit_key(b)


def test_names_of_two_units_do_not():
    assert accuracy.unit_key("Sở Tư pháp") != accuracy.unit_key("Sở Tài chính")
    assert accuracy.unit_key("Công an tỉnh") != accuracy.unit_key("Công an")


#: The floors: figures measured on the development set when it was written, less a margin.
FLOORS = {
    "txt": {"unit_recall": 0.85, "unit_precision": 0.86, "type": 0.98, "basis_f1": 0.97, "reporting_verdict": 0.95},
    "docx": {"unit_recall": 0.85, "unit_precision": 0.82, "type": 0.98, "basis_f1": 0.97, "reporting_verdict": 0.88},
    "doc": {"unit_recall": 0.95, "unit_precision": 0.90, "type": 0.98, "basis_f1": 0.97, "reporting_verdict": 0.95},
}


@pytest.fixture(scope="module")
def scores():
    if not CORPUS.is_dir():
        pytest.skip("corpus not available (../shared/corpus)")
    return accuracy.evaluate(DEVSET, CORPUS, ROOT.parent / "shared" / "seeds")


@pytest.mark.parametrize("fmt", sorted(FLOORS))
def test_figures_stay_above_their_floors(scores, fmt):
    figures = accuracy.totals([s for s in scores if s.format == fmt])
    low = {k: round(figures[k], 3) for k, floor in FLOORS[fmt].items() if figures[k] < floor}
    assert not low, f"{fmt}: below the floor: {low} (floors {FLOORS[fmt]})"
