"""Time reading, extraction and checking over the samples and, when present, ../shared/corpus.

    python benchmarks/speed.py [--repeat N]

Prints one line per document (format, blocks, milliseconds to read / extract / check) and the
totals. Figures, not assertions: speed targets are tracked here, not in unit tests.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from checker.engine.packs import load_pack
from checker.engine.run import check_plan, choose_pack_name
from checker.extract import extract_plan
from checker.read import SUPPORTED, read_file
from checker.read.errors import ReadError

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [ROOT / "samples", ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "seeds"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs per document; the median is shown")
    args = parser.parse_args()
    packs = {name: load_pack(name) for name in ("default", "ttdn")}
    files = [p for folder in FOLDERS if folder.is_dir() for p in sorted(folder.rglob("*"))
             if p.suffix.lower() in SUPPORTED]
    totals = [0.0, 0.0, 0.0]
    print(f"{'document':<60} {'blocks':>6} {'read':>8} {'extract':>8} {'check':>8}  (ms, median of {args.repeat})")
    for path in files:
        timings: list[list[float]] = [[], [], []]
        blocks = 0
        try:
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                document = read_file(path)
                t1 = time.perf_counter()
                plan = extract_plan(document)
                t2 = time.perf_counter()
                check_plan(plan, packs[choose_pack_name(plan)])
                t3 = time.perf_counter()
                for i, value in enumerate((t1 - t0, t2 - t1, t3 - t2)):
                    timings[i].append(value * 1000)
                blocks = len(document.blocks)
        except ReadError as exc:
            print(f"{str(path.relative_to(ROOT.parent)):<60} unreadable: {exc.reason_en}")
            continue
        medians = [statistics.median(t) for t in timings]
        totals = [a + b for a, b in zip(totals, medians, strict=True)]
        print(f"{str(path.relative_to(ROOT.parent)):<60} {blocks:>6} "
              + " ".join(f"{m:>8.1f}" for m in medians))
    print(f"{'TOTAL (' + str(len(files)) + ' files)':<60} {'':>6} " + " ".join(f"{t:>8.1f}" for t in totals))


if __name__ == "__main__":
    main()
