"""Word 97-2003 .doc read two ways (issue 18): in Python, and through LibreOffice (the route kept for files the
Python reader cannot read), on the corpus .doc files beside their .txt copies.

    python benchmarks/doc_routes.py [--corpus ../shared/corpus] [--repeat 3]

For each ``NNN.doc`` that has a ``NNN.txt`` copy, prints the milliseconds each route takes to read and extract
the plan (the fastest of ``--repeat`` runs; LibreOffice started afresh each time, as plancheck starts it), and
whether each route gives the same type, number, basis, responsible units and reporting deadlines as the .txt
copy. Needs LibreOffice (``soffice``) for the second route; without it, that column says so. Figures, not
assertions.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from statistics import median
from typing import Any

from checker.api import parse_file
from checker.model.plan import Plan
from checker.read import doc as doc_reader
from checker.read.doc_binary import UnsupportedDoc

ROOT = Path(__file__).resolve().parents[1]


def essentials(plan: Plan) -> dict[str, Any]:
    return {"type": plan.doc_type, "number": plan.number_symbol,
            "basis": [c.symbol for c in plan.basis if c.symbol],
            "units": [sorted(t.units) for t in plan.tasks],
            "deadlines": [d.deadline for d in plan.reporting if d.deadline]}


def _timed(path: Path, repeat: int) -> tuple[float, Plan]:
    best, plan = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        plan = parse_file(path)
        best = min(best, time.perf_counter() - started)
    assert plan is not None
    return best * 1000, plan


def _through_libreoffice(path: Path, repeat: int) -> tuple[float, Plan]:
    real = doc_reader.read_doc_binary

    def refuse(data: bytes, name: str) -> Any:
        raise UnsupportedDoc("measured through LibreOffice")

    doc_reader.read_doc_binary = refuse  # type: ignore[assignment]
    try:
        return _timed(path, repeat)
    finally:
        doc_reader.read_doc_binary = real


def _same(plan: Plan, reference: dict[str, Any]) -> str:
    found = essentials(plan)
    differing = [key for key in found if found[key] != reference[key]]
    return "same" if not differing else "differs: " + ", ".join(differing)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    files = [path for path in sorted(options.corpus.glob("*.doc")) if path.with_suffix(".txt").exists()]
    if not files:
        raise SystemExit(f"no .doc with a .txt copy in {options.corpus}")
    soffice = doc_reader._soffice() is not None
    python_ms: list[float] = []
    office_ms: list[float] = []
    print(f"{'file':<10} {'python ms':>10} {'vs .txt':<22} {'LibreOffice ms':>15} {'vs .txt'}")
    for path in files:
        reference = essentials(parse_file(path.with_suffix(".txt")))
        ms, plan = _timed(path, options.repeat)
        python_ms.append(ms)
        line = f"{path.name:<10} {ms:10.0f} {_same(plan, reference):<22}"
        if soffice:
            office, converted = _through_libreoffice(path, options.repeat)
            office_ms.append(office)
            line += f" {office:15.0f} {_same(converted, reference)}"
        else:
            line += f" {'(no soffice)':>15}"
        print(line)
    print(f"median: Python {median(python_ms):.0f} ms" +
          (f", LibreOffice {median(office_ms):.0f} ms ({median(office_ms) / median(python_ms):.0f}×)"
           if office_ms else ""))


if __name__ == "__main__":
    main()
