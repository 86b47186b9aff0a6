"""Scanned plans read by OCR (issue 18): time per page, mean confidence, and how close the text read is to
the text drawn.

    python benchmarks/ocr.py [--dpi 200,300] [--threads 1,0]

Draws the shipped plans (``samples/*.txt`` that are plans, and the defect samples) on A4 pages with DejaVu
Sans (``tests/scans.py``), saves each as an image-only PDF, and checks it in this process
(``check_file``) with Tesseract on ``OMP_THREAD_LIMIT`` threads (``--threads``: 0 is one per core, Tesseract's
own default). Prints, per file and resolution: pages, seconds per page, the mean confidence the
report gives, the character similarity (rapidfuzz ratio) of the document's text with the text drawn, and
whether the findings equal those of the ``.txt`` itself. Needs Tesseract with ``vie`` and DejaVu Sans.
Figures, not assertions.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from scans import render  # noqa: E402  (the tests' scanner)

from checker.api import check_file  # noqa: E402
from checker.model.report import DocumentReport  # noqa: E402

FILES = ["ke-hoach-ttdn-van-ninh-2019.txt", "ke-hoach-ttdn-mttq-tra-vinh-2023.txt", "defects/no-deadline.txt",
         "defects/task-without-unit.txt"]


def _check(path: Path, threads: int) -> tuple[float, DocumentReport]:
    os.environ["OMP_THREAD_LIMIT"] = str(threads or os.cpu_count() or 1)
    started = time.perf_counter()
    report = check_file(path)
    return time.perf_counter() - started, report


def _findings(report: DocumentReport) -> list[tuple[str, str]]:
    return sorted((f.rule, f.code) for f in report.findings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dpi", default="200,300")
    parser.add_argument("--threads", default="1")
    options = parser.parse_args()
    print(f"{'file':<40} {'dpi':>4} {'thr':>3} {'pages':>5} {'s/page':>7} {'conf':>5} {'similar':>7}  findings")
    with tempfile.TemporaryDirectory(prefix="plancheck-ocr-") as folder:
        for name in FILES:
            source = ROOT / "samples" / name
            text = source.read_text(encoding="utf-8")
            _, expected = _check(source, 1)
            for dpi in map(int, options.dpi.split(",")):
                pages = render(text, dpi=dpi)
                scan = Path(folder) / f"{source.stem}-{dpi}.pdf"
                pages[0].save(scan, save_all=True, append_images=pages[1:], resolution=dpi)
                for threads in map(int, options.threads.split(",")):
                    seconds, report = _check(scan, threads)
                    plan = report.plan
                    confidence = plan.ocr.confidence if plan is not None and plan.ocr is not None else 0.0
                    read = "\n".join(block.text for block in plan.blocks) if plan is not None else ""
                    similar = fuzz.ratio(" ".join(read.split()), " ".join(text.split())) / 100 if read else 0.0
                    same = "same" if _findings(report) == _findings(expected) else "differ"
                    print(f"{name:<40} {dpi:>4} {threads or 'all':>3} {len(pages):>5} {seconds / len(pages):7.2f} "
                          f"{confidence:5.1f} {similar:7.3f}  {same}")


if __name__ == "__main__":
    main()
