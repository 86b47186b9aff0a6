"""plancheck against the floor and against a python-docx script, on the same .docx files in the same run.

    python benchmarks/compare.py [--repeat N] [--sizes 10,100] [--no-generated]
    nox -s bench

Per document it times (median of N runs, in-process, after one warm-up):

  a  the floor: unzip and lxml-parse word/document.xml (+ numbering and footnotes parts);
  b  python-docx: ``Document(path)`` and reading the text of every paragraph and table cell;
  c  plancheck: read, extract, run every rule of the TTĐN pack, render the JSON report.

Files: the .docx of ../shared/corpus (when present) and of samples/, and plans generated from the
Vạn Ninh sample repeated 10× and 100× (to show how cost grows with size). It prints each document's
times and the ratios c/a and c/b, then their medians over the real files (targets: c/a ≤ 1.5, c/b ≤ 0.5)
and the cost per paragraph of the generated plans (linear growth keeps it flat). Figures, not assertions.
"""

from __future__ import annotations

import argparse
import copy
import io
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEED_DOCX = ROOT / "samples" / "ke-hoach-ttdn-van-ninh-2019.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def floor(path: Path) -> int:
    """(a) Unzip and parse the parts a reader needs: what no Word reader can avoid."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        root = etree.fromstring(archive.read("word/document.xml"))
        for part in ("word/numbering.xml", "word/footnotes.xml"):
            if part in names:
                etree.fromstring(archive.read(part))
    return len(root)


def python_docx(path: Path) -> int:
    """(b) The usual script: python-docx, every paragraph and every table cell's text."""
    import docx

    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return len(texts)


def plancheck(path: Path) -> int:
    """(c) The whole check of one plan in-process: read, extract, every rule of ttdn, the JSON report."""
    from checker.api import check_file
    from checker.engine.packs import load_pack
    from checker.engine.run import make_report
    from checker.formatters import json_format
    from checker.text.normalize import fold

    fold.cache_clear()  # each run sees the document for the first time, as a batch of different plans does
    document = check_file(path, "ttdn")
    return len(json_format.render(make_report([document], [load_pack("ttdn")], "vi")))


def timed(function: Callable[[Path], int], path: Path, repeat: int) -> float:
    function(path)  # warm-up: imports, caches
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        function(path)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs) * 1000


def generated(times: int, folder: Path) -> Path:
    """The Vạn Ninh plan with its body repeated ``times`` times (sections, tasks and tables included)."""
    with zipfile.ZipFile(SEED_DOCX) as source:
        root = etree.fromstring(source.read("word/document.xml"))
        body = root.find(f"{W}body")
        assert body is not None
        content = [child for child in body if child.tag != f"{W}sectPr"]
        tail = body.find(f"{W}sectPr")
        for _ in range(times - 1):
            for child in content:
                if tail is not None:
                    tail.addprevious(copy.deepcopy(child))
                else:
                    body.append(copy.deepcopy(child))
        out = folder / f"generated-{times}x.docx"
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) \
                    if item.filename == "word/document.xml" else source.read(item.filename)
                target.writestr(item.filename, data)
        out.write_bytes(buffer.getvalue())
        return out


def paragraphs(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        return sum(1 for _ in etree.fromstring(archive.read("word/document.xml")).iter(f"{W}p"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="runs per document (median shown)")
    parser.add_argument("--sizes", default="10,100", help="generated plans: the sample repeated this many times")
    parser.add_argument("--no-generated", action="store_true", help="real files only")
    args = parser.parse_args()
    real = sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else []
    real += sorted((ROOT / "samples").rglob("*.docx"))
    print(f"{'document':<52} {'paras':>6} {'a floor':>9} {'b docx':>9} {'c check':>9} {'c/a':>6} {'c/b':>6}  (ms)")
    ratios_a, ratios_b = [], []
    with tempfile.TemporaryDirectory() as tmp:
        extra = [] if args.no_generated else [generated(int(n), Path(tmp)) for n in args.sizes.split(",") if n]
        for path in [*real, *extra]:
            a, b, c = (timed(f, path, args.repeat) for f in (floor, python_docx, plancheck))
            n = paragraphs(path)
            name = path.relative_to(ROOT.parent) if path.is_relative_to(ROOT.parent) else Path(path.name)
            print(f"{str(name)[-52:]:<52} {n:>6} {a:>9.1f} {b:>9.1f} {c:>9.1f} {c / a:>6.2f} {c / b:>6.2f}"
                  + (f"   {c / n * 1000:.0f} µs/paragraph" if path in extra else ""))
            if path in real:
                ratios_a.append(c / a)
                ratios_b.append(c / b)
    if ratios_a:
        print(f"\nmedian over {len(ratios_a)} real .docx: c/a = {statistics.median(ratios_a):.2f} (target ≤ 1.5), "
              f"c/b = {statistics.median(ratios_b):.2f} (target ≤ 0.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
