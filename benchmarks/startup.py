"""Cold start: ``plancheck check one.txt`` as a user runs it, a new process each time.

    python benchmarks/startup.py [--repeat N] [FILE]
    nox -s bench

Runs the installed ``plancheck`` command N times (after one run that warms the disk cache) on one plan
(default: the Vạn Ninh sample as .txt) and prints the median, fastest and slowest wall-clock times
(target of issue 7: median ≤ 0.5 s). Then it runs the same check in one Python process and prints the
time to import the command, and which heavy libraries the check loaded: pandas and pandera, python-docx,
Jinja2, jsonschema, Starlette and rich are needed only by other commands or formats, and should not be.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "samples" / "ke-hoach-ttdn-van-ninh-2019.txt"
HEAVY = ("pandas", "pandera", "docx", "jinja2", "jsonschema", "starlette", "uvicorn", "rich", "pdfminer",
         "pypdf", "lxml")

# Run in a fresh interpreter: time the import of the command, run the check, list the heavy modules loaded.
PROBE = """
import sys, time
started = time.perf_counter()
from checker.cli import main
imported = time.perf_counter() - started
try:
    main(["check", sys.argv[1], "-o", sys.argv[2]], standalone_mode=False)
except SystemExit:
    pass
heavy = sorted(m for m in sys.argv[3].split(",") if m in sys.modules)
print(f"{imported * 1000:.0f}", ",".join(heavy))
"""


def command() -> list[str]:
    """The ``plancheck`` installed beside this interpreter (the project's environment), else the one on PATH."""
    beside = Path(sys.executable).with_name("plancheck")
    return [str(beside) if beside.exists() else shutil.which("plancheck") or "plancheck"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=10, help="runs (median shown)")
    parser.add_argument("file", nargs="?", default=str(DEFAULT), help="the plan checked")
    args = parser.parse_args()
    run = [*command(), "check", args.file, "-o", "/dev/null"]
    subprocess.run(run, capture_output=True, check=False)  # warm the disk cache
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        subprocess.run(run, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    print(f"plancheck check {Path(args.file).name}: median {statistics.median(times):.3f} s "
          f"(fastest {min(times):.3f}, slowest {max(times):.3f}, {args.repeat} runs; target ≤ 0.5 s)")
    probe = subprocess.run([sys.executable, "-c", PROBE, args.file, "/dev/null", ",".join(HEAVY)],
                           capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        print(probe.stderr, file=sys.stderr)
        return 1
    imported, _, heavy = probe.stdout.strip().partition(" ")
    print(f"importing the command: {imported} ms; heavy libraries loaded by the check: {heavy or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
