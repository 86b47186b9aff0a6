"""How well plancheck reads the development set: responsible units, document type, basis, reporting.

    python benchmarks/accuracy.py [--corpus DIR] [--seeds DIR] [--devset DIR] [--docs] [--misses]
                                  [--json FILE]

``tests/devset/*.yaml`` holds a person's reading of each document of ``../shared/corpus`` and
``../shared/seeds`` (see its README). For every document read there, in every format the shared folders
hold (the .txt copy and the original .docx/.pdf/.doc), this compares plancheck's reading with it:

* **units** — the set of lead units of the document's tasks against the expected set: recall and
  precision (names compared folded: case, tone placement, a leading *các*/*những*, common abbreviations);
* **type** — the document-type code (``KH``, ``HD``, ``CV`` …; none for a text that is no document);
* **basis** — the numbered citations of the basis clause: recall, precision and F1;
* **reporting** — the verdict a reviewer acts on: does the document set a reporting deadline (a date or
  a period) or not; and whether a dated one is found where one is expected.

It prints the figures overall and per format, then (``--docs``) per document, and (``--misses``) what
was missed and what was extra. Figures, not assertions: ``tests/test_devset.py`` holds the floors.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.model.plan import Plan  # noqa: E402
from checker.text.normalize import fold  # noqa: E402
from checker.text.symbols import parse_symbol  # noqa: E402

SHARED = ROOT.parent / "shared"
DEVSET = ROOT / "tests" / "devset"
#: Original formats measured beside the .txt copy (.doc only where it can be read).
ORIGINALS = (".docx", ".pdf", ".doc", ".html", ".odt")

# Abbreviations expanded before names are compared ("UBND các xã" = "Ủy ban nhân dân các xã").
_ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "ubmttq": "ủy ban mặt trận tổ quốc",
    "mttq": "mặt trận tổ quốc", "ub": "ủy ban", "bch": "ban chấp hành", "btv": "ban thường vụ",
    "btt": "ban thường trực", "vhttdl": "văn hóa, thể thao và du lịch", "gdđt": "giáo dục và đào tạo",
    "pt-th": "phát thanh - truyền hình", "ptth": "phát thanh - truyền hình", "cqđp": "chính quyền địa phương",
    "lđlđ": "liên đoàn lao động", "đtn": "đoàn thanh niên", "tncs": "thanh niên cộng sản",
}
_ABBREVIATION = re.compile(r"(?<![\wÀ-ỹ])(" + "|".join(map(re.escape, _ABBREVIATIONS)) + r")(?![\wÀ-ỹ])")
_LEADING = re.compile(r"^(?:(?:các|những|mọi)\s+)+")
_SPACES = re.compile(r"\s+")
_PUNCT_EDGES = " ,;:.-–()\"'"


def unit_key(name: str) -> str:
    """The form two names of one unit share: folded, abbreviations expanded, ``các`` and the edges dropped."""
    text = _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group(1)], fold(name))
    text = _SPACES.sub(" ", text.replace(" - ", " - ")).strip(_PUNCT_EDGES)
    text = re.sub(r"\s*-\s*", " - ", text)
    text = re.sub(r"\s*,\s*", ", ", text)
    return _LEADING.sub("", text).strip(_PUNCT_EDGES)


def symbol_key(symbol: str) -> str:
    parsed = parse_symbol(symbol)
    return parsed.canonical.upper() if parsed is not None else symbol.replace(" ", "").upper()


@dataclass
class Expected:
    """One document's reading (a YAML file of the development set)."""

    stem: str
    folder: str
    type: str | None
    basis: set[str]
    basis_optional: set[str]
    units: list[set[str]]  # each unit: the keys of its forms
    units_optional: set[str]
    reporting: str  # dated | period | none

    @classmethod
    def load(cls, path: Path) -> Expected:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        stem = path.stem
        folder = "seeds" if stem.startswith("seed-") else "corpus"
        units: list[set[str]] = []
        for unit in data.get("units") or []:
            forms = unit if isinstance(unit, list) else [unit]
            units.append({unit_key(str(f)) for f in forms})
        return cls(
            stem=stem,
            folder=folder,
            type=data.get("type"),
            basis={symbol_key(str(s)) for s in data.get("basis") or []},
            basis_optional={symbol_key(str(s)) for s in data.get("basis_optional") or []},
            units=units,
            units_optional={unit_key(str(u)) for u in _flatten(data.get("units_optional") or [])},
            reporting=str(data.get("reporting") or "none"),
        )

    def files(self, roots: dict[str, Path]) -> list[Path]:
        folder = roots[self.folder]
        if not folder.is_dir():
            return []
        if self.folder == "seeds":
            prefix = self.stem.removeprefix("seed-") + "_"
            return sorted(p for p in folder.iterdir() if p.name.startswith(prefix))
        return sorted(p for p in folder.iterdir() if p.stem == self.stem and p.suffix in (".txt", *ORIGINALS))


def _flatten(items: Iterable[Any]) -> Iterable[Any]:
    for item in items:
        if isinstance(item, list):
            yield from item
        else:
            yield item


def found_units(plan: Plan) -> set[str]:
    return {unit_key(u) for task in plan.tasks for u in task.units if unit_key(u)}


def found_reporting(plan: Plan) -> str:
    if any(d.deadline is not None or getattr(d, "deadline_relative", None) or d.deadline_text and d.deadline_problem
           for d in plan.reporting):
        return "dated"
    if any(d.period for d in plan.reporting):
        return "period"
    return "none"


@dataclass
class Score:
    """What one file got right and wrong."""

    name: str
    format: str
    unit_hits: int = 0
    unit_expected: int = 0
    unit_found: int = 0  # found names that count (optional ones left out)
    units_missed: list[str] = field(default_factory=list)
    units_extra: list[str] = field(default_factory=list)
    type_expected: str | None = None
    type_found: str | None = None
    basis_hits: int = 0
    basis_expected: int = 0
    basis_found: int = 0
    basis_missed: list[str] = field(default_factory=list)
    basis_extra: list[str] = field(default_factory=list)
    reporting_expected: str = "none"
    reporting_found: str = "none"
    error: str | None = None

    @property
    def type_ok(self) -> bool:
        return self.type_expected == self.type_found

    @property
    def verdict_ok(self) -> bool:
        return (self.reporting_expected == "none") == (self.reporting_found == "none")


def score(expected: Expected, path: Path) -> Score:
    from checker import parse_file
    from checker.read.errors import ReadError

    result = Score(name=f"{expected.folder}/{path.name}", format=path.suffix.lstrip("."),
                   type_expected=expected.type, reporting_expected=expected.reporting)
    result.unit_expected = len(expected.units)
    result.basis_expected = len(expected.basis)
    try:
        plan = parse_file(path)
    except ReadError as exc:
        result.error = exc.reason_en
        return result
    found = found_units(plan)
    matched: set[str] = set()
    for forms in expected.units:
        hit = forms & found
        if hit:
            result.unit_hits += 1
            matched |= hit
        else:
            result.units_missed.append(sorted(forms)[0])
    extra = found - matched - expected.units_optional
    result.unit_found = result.unit_hits + len(extra)
    result.units_extra = sorted(extra)
    result.type_found = plan.doc_type
    symbols = {symbol_key(c.symbol) for c in plan.basis if c.symbol}
    result.basis_hits = len(expected.basis & symbols)
    basis_extra = symbols - expected.basis - expected.basis_optional
    result.basis_found = result.basis_hits + len(basis_extra)
    result.basis_missed = sorted(expected.basis - symbols)
    result.basis_extra = sorted(basis_extra)
    result.reporting_found = found_reporting(plan)
    return result


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def totals(scores: list[Score]) -> dict[str, float]:
    """Recall, precision and accuracy per field over ``scores``."""
    read = [s for s in scores if s.error is None]
    recall = _ratio(sum(s.unit_hits for s in read), sum(s.unit_expected for s in scores))
    precision = _ratio(sum(s.unit_hits for s in read), sum(s.unit_found for s in read))
    b_recall = _ratio(sum(s.basis_hits for s in read), sum(s.basis_expected for s in scores))
    b_precision = _ratio(sum(s.basis_hits for s in read), sum(s.basis_found for s in read))
    return {
        "files": len(scores),
        "unreadable": len(scores) - len(read),
        "unit_recall": recall,
        "unit_precision": precision,
        "type": _ratio(sum(s.type_ok for s in read), len(scores)),
        "basis_recall": b_recall,
        "basis_precision": b_precision,
        "basis_f1": 2 * b_recall * b_precision / (b_recall + b_precision) if b_recall + b_precision else 0.0,
        "reporting_verdict": _ratio(sum(s.verdict_ok for s in read), len(scores)),
        "reporting_kind": _ratio(sum(s.reporting_expected == s.reporting_found for s in read), len(scores)),
    }


def load_devset(devset: Path = DEVSET) -> list[Expected]:
    return [Expected.load(p) for p in sorted(devset.glob("*.yaml"))]


def evaluate(devset: Path = DEVSET, corpus: Path = SHARED / "corpus", seeds: Path = SHARED / "seeds") -> list[Score]:
    roots = {"corpus": corpus, "seeds": seeds}
    return [score(expected, path) for expected in load_devset(devset) for path in expected.files(roots)]


def _line(label: str, t: dict[str, float]) -> str:
    return (f"{label:<10} {int(t['files']):>5} {t['unit_recall']:>7.3f} {t['unit_precision']:>7.3f} "
            f"{t['type']:>6.3f} {t['basis_f1']:>6.3f} {t['reporting_verdict']:>8.3f} {t['reporting_kind']:>6.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--docs", action="store_true", help="print the figures of every file")
    parser.add_argument("--misses", action="store_true", help="print what each file missed and added")
    parser.add_argument("--json", type=Path, help="also write every file's score to this file")
    args = parser.parse_args()
    scores = evaluate(args.devset, args.corpus, args.seeds)
    if not scores:
        print("no documents of the development set found (is ../shared/corpus there?)", file=sys.stderr)
        return 1
    header = f"{'':<10} {'files':>5} {'u.rec':>7} {'u.prec':>7} {'type':>6} {'bas.F1':>6} {'verdict':>8} {'kind':>6}"
    print(header)
    print(_line("all", totals(scores)))
    print(_line("txt", totals([s for s in scores if s.format == "txt"])))
    originals = [s for s in scores if s.format != "txt"]
    if originals:
        print(_line("original", totals(originals)))
    for fmt in sorted({s.format for s in originals}):
        print(_line(f"  {fmt}", totals([s for s in originals if s.format == fmt])))
    unreadable = [s for s in scores if s.error]
    for s in unreadable:
        print(f"unreadable: {s.name}: {s.error}")
    if args.docs or args.misses:
        print()
        print(f"{'file':<28} {'units':>9} {'type':>11} {'basis':>7} {'report':>15}")
        for s in scores:
            if s.error:
                continue
            flag = lambda ok: " " if ok else "!"  # noqa: E731
            print(f"{s.name:<28} {s.unit_hits:>3}/{s.unit_expected:<3}+{len(s.units_extra):<2}"
                  f"{flag(s.type_ok)}{str(s.type_expected):>4}/{str(s.type_found):<5} "
                  f"{s.basis_hits:>2}/{s.basis_expected:<2}+{len(s.basis_extra):<2}"
                  f"{flag(s.verdict_ok)}{s.reporting_expected:>6}/{s.reporting_found:<6}")
            if args.misses:
                for name in s.units_missed:
                    print(f"    - unit missed: {name}")
                for name in s.units_extra:
                    print(f"    + unit extra:  {name}")
                for name in s.basis_missed:
                    print(f"    - basis missed: {name}")
                for name in s.basis_extra:
                    print(f"    + basis extra:  {name}")
    if args.json:
        args.json.write_text(json.dumps([asdict(s) for s in scores], ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
