"""Batch throughput and memory: the real ``plancheck check DIR`` on thousands of generated documents.

    python benchmarks/batch.py [--count 2000] [--jobs 1,2] [--sizes 500,1000,2000] [--repeat 3] [--keep DIR]
                               [--small 4,8,16,32,64,128]

It writes ``--count`` documents into a temporary folder (``--keep DIR``: into DIR, kept afterwards), made
from the shipped samples (samples/**/*.docx, .txt, .html): copy *i* of a sample has the number *i* written
into one of its paragraphs (a different paragraph from copy to copy), so no two files are byte-identical;
a .docx is rewritten as a real Word package (its ``word/document.xml`` edited, every other part kept).

Then it runs ``plancheck check FOLDER --format json -o OUT --jobs J`` in a subprocess (the command's own
entry point, ``checker.cli:main``, started by this interpreter)

* on all ``--count`` documents for every ``--jobs`` value, ``--repeat`` times interleaved: wall-clock
  time, documents per second, and the speed-up of the fastest run of each ``--jobs`` value over the
  fastest of the first one (issue 7: ``--jobs 2`` ≥ 1.7× ``--jobs 1``), and whether their JSON reports
  are byte-identical (they must be);
* on the first N documents for every N of ``--sizes``, with the largest ``--jobs`` value: the peak memory
  of each worker process and of the parent (issue 7: a worker's peak stays flat as the batch grows);
* with ``--cache DIR`` on all ``--count`` documents, the largest ``--jobs`` value: the first run (every
  report checked and written to the cache) and the second (every report read back), and whether the
  second run's report is byte-identical to the uncached one;
* on the first N documents for every N of ``--small``: one process against two, workers forked (Linux's
  default) and spawned (Windows' and macOS's), fastest of ``--repeat``: the batch size from which a second
  process pays for starting it, which ``--jobs auto`` (the default) goes by.

Memory is peak resident memory: for the parent, its own ``ru_maxrss`` written by the command as it exits
(exact); for each worker, its high-water mark (``VmHWM`` of ``/proc/PID/status``, which counts pages
shared with the parent since the fork) read every 20 ms while it runs. CPU time is user + system of the
whole tree: with other jobs on the machine the wall-clock ratio drops while CPU seconds per document stay
honest.
Figures, not assertions: nothing here fails on a slow run. Linux only (``/proc``).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
FORMATS = {".docx", ".txt", ".html"}


# --- Generating the documents ----------------------------------------------------------------------------------

def _insert(data: bytes, before: bytes, nth: int, text: bytes) -> bytes:
    """``data`` with ``text`` inserted before the ``nth`` occurrence (modulo their number) of ``before``."""
    places = [m.start() for m in re.finditer(re.escape(before), data)]
    if not places:
        return data + text
    at = places[nth % len(places)]
    return data[:at] + text + data[at:]


def _vary_text(data: bytes, i: int) -> bytes:
    # ASCII only, before a line end (CR LF or LF): right in UTF-8 and in the 8-bit TCVN3 sample alike.
    end = b"\r\n" if b"\r\n" in data else b"\n"
    return _insert(data, end, i, f" (ban {i})".encode())


def _vary_html(data: bytes, i: int) -> bytes:
    return _insert(data, b"</p>", i, f" (bản {i})".encode())


def _vary_docx(data: bytes, i: int, target: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/document.xml":
                part = _insert(part, b"</w:t>", i, f" (bản {i})".encode())
            out.writestr(info, part, compress_type=info.compress_type)


def generate(folder: Path, count: int) -> list[Path]:
    """``count`` documents in ``folder``, named so that sorting interleaves the samples and formats."""
    sources = sorted(p for p in SAMPLES.rglob("*") if p.suffix.lower() in FORMATS and p.is_file())
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(count):
        source = sources[i % len(sources)]
        data = source.read_bytes()
        target = folder / f"{i:05d}-{source.stem}{source.suffix.lower()}"
        suffix = source.suffix.lower()
        if suffix == ".docx":
            _vary_docx(data, i, target)
        elif suffix == ".html":
            target.write_bytes(_vary_html(data, i))
        else:
            target.write_bytes(_vary_text(data, i))
        written.append(target)
    return written


def subset(files: list[Path], folder: Path) -> Path:
    """A folder holding the given files (hard links where possible: a symbolic link would be refused)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in files:
        try:
            os.link(path, folder / path.name)
        except OSError:
            shutil.copy(path, folder / path.name)
    return folder


# --- Running and measuring -------------------------------------------------------------------------------------

def _status_kb(pid: int, key: str) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as children:
            return [int(c) for c in children.read().split()]
    except OSError:
        return []


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        for child in _children(todo.pop()):
            found.append(child)
            todo.append(child)
    return found


def _waited(pid: int) -> float:
    """Seconds the process's main thread was ready to run while every CPU was busy (``/proc/PID/schedstat``)."""
    try:
        with open(f"/proc/{pid}/schedstat", encoding="ascii") as schedstat:
            return int(schedstat.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return cmdline.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


@dataclass
class Run:
    docs: int
    jobs: int
    seconds: float = 0.0
    cpu: float = 0.0
    code: int = 0
    parent_kb: int = 0
    workers_kb: dict[int, int] = field(default_factory=dict)
    parent_waited: float = 0.0
    workers_waited: dict[int, float] = field(default_factory=dict)
    output_bytes: int = 0

    @property
    def rate(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def waited(self) -> float:
        """Time lost to other work on the machine: the parent's wait for a CPU with one job; with more, the
        workers' mean wait (the parent's own waits in its serial parts are left out: an underestimate)."""
        if self.jobs <= 1 or not self.workers_waited:
            return self.parent_waited
        return sum(self.workers_waited.values()) / len(self.workers_waited)

    @property
    def unloaded_rate(self) -> float:
        """Documents per second without the waits for a CPU taken by other work (an estimate)."""
        return self.docs / max(self.seconds - self.waited, 1e-9)


# The command, as the ``plancheck`` script runs it (``checker.cli:main``), with one addition: at exit it
# writes its own peak memory (getrusage, exact even when the peak is in its last milliseconds) and the time
# its main thread waited for a CPU to a file; and it starts worker processes the way PLANCHECK_BENCH_START
# says (fork, spawn, forkserver) when set.
_WRAPPER = """\
import atexit, multiprocessing, os, resource, sys
if os.environ.get("PLANCHECK_BENCH_START"):
    multiprocessing.set_start_method(os.environ["PLANCHECK_BENCH_START"])
def _peak():
    with open("/proc/self/schedstat") as schedstat:
        waited = schedstat.read().split()[1]
    with open(os.environ["PLANCHECK_BENCH_PEAK"], "w") as out:
        out.write(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} {waited}")
atexit.register(_peak)
sys.argv[0] = "plancheck"
from checker.cli import main
main()
"""


def measure(folder: Path, jobs: int, docs: int, output: Path, poll: float = 0.02, start: str | None = None,
            extra: tuple[str, ...] = ()) -> Run:
    """Run the CLI on ``folder`` (with ``extra`` options) and follow the memory of it and of every process
    below it (workers started by the ``start`` method when given)."""
    arguments = ["check", str(folder), "--format", "json", "-o", str(output), "--jobs", str(jobs), *extra]
    command = [sys.executable, "-c", _WRAPPER, *arguments]
    peak_file = output.with_suffix(".peak")
    run = Run(docs=docs, jobs=jobs)
    helpers: set[int] = set()  # a resource tracker or fork server, not a worker
    started = time.perf_counter()
    environment = {**os.environ, "PLANCHECK_BENCH_PEAK": str(peak_file), "PLANCHECK_BENCH_START": start or ""}
    pid = os.posix_spawn(command[0], command, environment)
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        for child in _descendants(pid):
            if child in helpers:
                continue
            if child not in run.workers_kb and re.search(r"resource_tracker|forkserver", _cmdline(child)):
                helpers.add(child)
                continue
            run.workers_kb[child] = max(run.workers_kb.get(child, 0), _status_kb(child, "VmHWM") or 0)
            run.workers_waited[child] = max(run.workers_waited.get(child, 0.0), _waited(child))
        time.sleep(poll)
    run.seconds = time.perf_counter() - started
    run.code = os.waitstatus_to_exitcode(status)
    run.cpu = usage.ru_utime + usage.ru_stime
    if peak_file.exists():
        peak, waited = peak_file.read_text().split()
        run.parent_kb, run.parent_waited = int(peak), int(waited) / 1e9  # ru_maxrss is in KB on Linux
    run.output_bytes = output.stat().st_size if output.exists() else 0
    if run.code not in (0, 1):
        raise SystemExit(f"plancheck exited {run.code}: plancheck {' '.join(arguments)}")
    return run


def _mb(kb: float) -> str:
    return f"{kb / 1024:.0f}"


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000, help="documents in the throughput runs (default 2000)")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values (default 1,2)")
    parser.add_argument("--sizes", default=None,
                        help="batch sizes for the memory runs (default: a quarter, half and all of --count)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="throughput runs per --jobs value, interleaved; the fastest counts (default 3)")
    parser.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it (and the reports)")
    parser.add_argument("--small", default="4,8,16,32,64,128",
                        help="small batch sizes timed with one and two processes, forked and spawned, to see "
                             "where parallel checking starts to pay (default 4,8,16,32,64,128; '' to skip)")
    args = parser.parse_args()
    jobs_values = [int(j) for j in args.jobs.split(",")]
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else \
        sorted({max(1, args.count // 4), max(1, args.count // 2), args.count})
    sizes = [s for s in sizes if s <= args.count]

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="plancheck-batch-"))
    try:
        started = time.perf_counter()
        files = generate(work / f"docs-{args.count}", args.count)
        print(f"generated {len(files)} documents in {time.perf_counter() - started:.1f} s under {work} "
              f"({sum(f.stat().st_size for f in files) / 1e6:.1f} MB; {os.cpu_count()} CPUs; load {_loadavg()})")

        print(f"\n{'documents':>9} {'jobs':>4} {'wall s':>8} {'docs/s':>8} {'CPU s/doc':>9} {'waited s':>8} "
              f"{'parent MB':>9} {'worker peaks MB':<16} {'report MB':>9}")

        def show(run: Run) -> None:
            workers = ", ".join(_mb(kb) for kb in run.workers_kb.values()) or "—"
            print(f"{run.docs:>9} {run.jobs:>4} {run.seconds:>8.1f} {run.rate:>8.1f} {run.cpu / run.docs:>9.4f} "
                  f"{run.waited:>8.1f} {_mb(run.parent_kb):>9} {workers:<16} {run.output_bytes / 1e6:>9.1f}",
                  flush=True)

        best: dict[int, Run] = {}  # per --jobs value, the fastest of the --repeat runs
        outputs: dict[int, Path] = {}
        for _ in range(args.repeat):  # interleaved, so that a burst of other work does not hit one value only
            for jobs in jobs_values:
                outputs[jobs] = work / f"report-{args.count}-j{jobs}.json"
                run = measure(work / f"docs-{args.count}", jobs, args.count, outputs[jobs])
                show(run)
                if jobs not in best or run.seconds < best[jobs].seconds:
                    best[jobs] = run
        most = max(jobs_values)
        by_size = {args.count: best[most]}
        for size in sizes:
            if size not in by_size:
                folder = subset(files[:size], work / f"docs-{size}")
                by_size[size] = measure(folder, most, size, work / f"report-{size}-j{most}.json")
                show(by_size[size])

        print()
        base = best[jobs_values[0]]
        first = outputs[jobs_values[0]].read_bytes()
        for jobs in jobs_values[1:]:
            same = "identical" if outputs[jobs].read_bytes() == first else "DIFFERENT"
            ratio = best[jobs].rate / base.rate
            print(f"speed-up --jobs {jobs} over --jobs {base.jobs} on {args.count} documents (fastest of "
                  f"{args.repeat}): {best[jobs].rate:.1f} / {base.rate:.1f} docs/s = {ratio:.2f}× "
                  f"(target for 2 jobs: ≥ 1.7×); the reports are {same}")
            unloaded = best[jobs].unloaded_rate / base.unloaded_rate
            print(f"  without the waits for a CPU taken by other work on the machine (estimate): "
                  f"{best[jobs].unloaded_rate:.1f} / {base.unloaded_rate:.1f} docs/s = {unloaded:.2f}×")
        if most > 1:
            peaks = [f"{size} docs: {_mb(max(run.workers_kb.values(), default=0))} MB"
                     for size, run in sorted(by_size.items())]
            print(f"peak memory per worker (--jobs {most}): " + "; ".join(peaks))
        parents = [f"--jobs {most}, {size} docs: {_mb(run.parent_kb)} MB" for size, run in sorted(by_size.items())]
        parents += [f"--jobs {j}, {args.count} docs: {_mb(best[j].parent_kb)} MB" for j in jobs_values if j != most]
        print("parent peak: " + "; ".join(parents))
        cache = work / "cache"
        every = work / f"docs-{args.count}"
        filled = measure(every, most, args.count, work / "cached-1.json", extra=("--cache", str(cache)))
        reused = measure(every, most, args.count, work / "cached-2.json", extra=("--cache", str(cache)))
        same = "identical" if (work / "cached-2.json").read_bytes() == outputs[most].read_bytes() else "DIFFERENT"
        print(f"--cache, --jobs {most}, {args.count} documents: first run {filled.seconds:.1f} s "
              f"({filled.rate:.0f} docs/s, filling the cache), second run {reused.seconds:.1f} s "
              f"({reused.rate:.0f} docs/s, {reused.cpu / reused.docs * 1000:.1f} ms CPU per document); "
              f"its report is {same} to the uncached one")
        small = [int(n) for n in args.small.split(",") if n and int(n) <= args.count]
        if small:
            print("\nsmall batches, fastest of", args.repeat, "(wall s, start-up included): where a second process "
                  "pays (--jobs auto: from 8 documents forked, 100 spawned)")
            print(f"{'documents':>9} {'1 job':>7} {'2 forked':>9} {'ratio':>6} {'2 spawned':>10} {'ratio':>6}")
            for size in small:
                folder = subset(files[:size], work / f"small-{size}")
                variants = ((1, None), (2, "fork"), (2, "spawn"))
                fastest = dict.fromkeys(variants, float("inf"))
                for _ in range(args.repeat):
                    for jobs, start in variants:
                        run = measure(folder, jobs, size, work / "small.json", start=start)
                        fastest[(jobs, start)] = min(fastest[(jobs, start)], run.seconds)
                one, forked, spawned = (fastest[v] for v in variants)
                print(f"{size:>9} {one:>7.2f} {forked:>9.2f} {one / forked:>6.2f} {spawned:>10.2f} "
                      f"{one / spawned:>6.2f}", flush=True)
        print(f"load average after the runs: {_loadavg()}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
