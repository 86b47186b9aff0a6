"""Extraction over every real document, in every format there is, and where formats disagree.

    python benchmarks/extraction.py [--corpus DIR] [--seeds DIR] [--json FILE]

For each document (corpus and seeds, every readable format: .txt, .docx, .pdf, .html, .doc when a
reader exists) it prints: document type, own number-symbol and date, basis citations, number of
sections, responsible units (tasks with a unit / tasks; rows of task tables apart), reporting
duties (dated / periodic / all), signer. Then, for each document available in several formats,
the fields on which they disagree.
Figures, not assertions: tests/test_corpus.py holds the hand-checked expectations.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from checker.extract import extract_plan
from checker.extract.sections import walk
from checker.read import SUPPORTED, read_file
from checker.read.errors import ReadError

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
#: Fields compared between formats of the same document.
COMPARED = ("doc_type", "number_symbol", "date", "basis", "units", "reporting", "signer")


def summary(path: Path) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        plan = extract_plan(read_file(path))
    except ReadError as exc:
        return {"error": exc.reason_en}
    # Task tables are read from Word files only (a text copy flattens them), so formats are compared
    # on the units of the running text; table rows are counted apart.
    units = sorted({u for t in plan.tasks if t.source == "text" for u in t.units})
    return {
        "doc_type": plan.doc_type,
        "number_symbol": plan.number_symbol,
        "date": plan.date.isoformat() if plan.date else plan.date_text,
        "basis": [c.symbol or c.text[:40] for c in plan.basis],
        "sections": sum(1 for _ in walk(plan.sections)),
        "tasks": f"{sum(1 for t in plan.tasks if t.units)}/{len(plan.tasks)}",
        "table_rows": sum(1 for t in plan.tasks if t.source == "table"),
        "units": units,
        "reporting": (f"{sum(1 for d in plan.reporting if d.deadline)}/"
                      f"{sum(1 for d in plan.reporting if d.period)}/{len(plan.reporting)}"),
        "signer": plan.signer.name if plan.signer else None,
        "ms": round((time.perf_counter() - started) * 1000, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--json", type=Path, help="also write every summary to this file")
    args = parser.parse_args()
    files = [p for folder in (args.corpus, args.seeds) if folder.is_dir()
             for p in sorted(folder.iterdir()) if p.suffix.lower() in SUPPORTED | {".doc": None, ".pdf": None}]
    if not files:
        print("no documents found (looked in corpus and seeds folders)", file=sys.stderr)
        return 1
    results: dict[str, dict[str, Any]] = {}
    by_stem: dict[str, list[str]] = defaultdict(list)
    print(f"{'file':<28} {'type':<4} {'number':<18} {'date':<11} {'basis':>5} {'sect':>4} {'tasks':>7} "
          f"{'report d/p/all':>14} {'ms':>6}  signer")
    for path in files:
        name = f"{path.parent.name}/{path.name}"
        result = results[name] = summary(path)
        by_stem[f"{path.parent.name}/{path.stem}"].append(name)
        if "error" in result:
            print(f"{name:<28} unreadable: {result['error']}")
            continue
        print(f"{name:<28} {result['doc_type'] or '—':<4} {(result['number_symbol'] or '—')[:18]:<18} "
              f"{(result['date'] or '—')[:11]:<11} {len(result['basis']):>5} {result['sections']:>4} "
              f"{result['tasks']:>7} {result['reporting']:>14} {result['ms']:>6}  {result['signer'] or '—'}")
    print("\nDisagreements between formats of the same document:")
    disagreements = 0
    for stem, names in sorted(by_stem.items()):
        readable = [n for n in names if "error" not in results[n]]
        for other in readable[1:]:
            for field in COMPARED:
                first, second = results[readable[0]][field], results[other][field]
                if first != second:
                    disagreements += 1
                    print(f"  {stem}: {field}: {readable[0].split('.')[-1]}={first!r} "
                          f"{other.split('.')[-1]}={second!r}")
    print(f"  {disagreements} field(s) differ" if disagreements else "  none")
    total = sum(r.get("ms", 0) for r in results.values())
    print(f"\n{len(files)} files, {sum(1 for r in results.values() if 'error' in r)} unreadable, "
          f"{total:.0f} ms extraction in all")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
