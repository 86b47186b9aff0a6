"""Checking many documents: in worker processes, results always in input order.

Each document is checked in a worker process (:mod:`checker.workers`) with the job's limits: a memory ceiling
(``--limit memory``) and the time limit, at which the process is killed even inside C code and replaced. One
document that cannot be read, that makes the checker fail, runs out of time or memory, or kills its process
becomes an ``unreadable`` report of that document alone (``input-too-large``, ``time-limit``, ``crashed`` …);
the batch goes on. With ``jobs > 1`` several workers check the documents; forked workers share the parent
directive of ``--against`` read here, workers started afresh each read it once. Results come back in input
order whatever order the workers finish in. Only a job with neither a time nor a memory limit is checked in
this process. A progress bar (rich) is drawn on standard error when it is a terminal.

Memory stays flat as a batch grows: a report keeps of its plan what the job asks for (``Job.keep``, see
:func:`slim`: all of it for an annotated copy or a format that quotes in context, all but its text for
the JSON report, only its header for the other formats), and only a few documents per worker are in
flight at a time, so a batch of thousands holds no more than the slim reports already handed to the
caller; those are kept out of the cyclic garbage collector's walks while the batch runs (:func:`_frozen`).

A server checks one upload in a :class:`checker.workers.Worker` of its own (``Worker.call``) and turns the
outcome into a report with :func:`outcome_report`.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from checker.api import Against, check_file
from checker.cpus import available_cpus
from checker.engine.packs import PackError
from checker.engine.run import unreadable
from checker.engine.selection import Selection
from checker.formatters import PlanPart
from checker.limits import Limits, TimeLimit, deadline, using
from checker.model.plan import Plan
from checker.model.report import DocumentReport
from checker.read.errors import ReadError, out_of_memory, shown
from checker.trust import Roots, trusting
from checker.workers import Outcome, Task, Worker, ready

if TYPE_CHECKING:
    from checker.cache import Cache

_TEXT = ("blocks", "block_parts", "block_sections")
#: What a plan's header is: what the text, JUnit and GitHub formats, the summary, --expect, waivers and
#: the baseline read of a plan.
HEADER = frozenset({"path", "format", "doc_type", "doc_type_name", "number_symbol", "symbol_parts", "issuer",
                    "issuer_source", "issuing_body", "place", "date", "date_text", "date_problem", "year", "title",
                    "notes", "unit", "signatures", "ocr"})


@dataclass(frozen=True)
class Job:
    """What checking one document needs, the same for every document of the batch (sent to workers)."""

    rules: str | None = None
    parent: str | None = None
    against: str | None = None
    lang: str = "vi"
    limits: Limits = field(default_factory=Limits)
    keep: PlanPart = "all"  # what of the plan each report keeps (see :func:`slim`, formatters.reads)
    selection: Selection = field(default_factory=Selection)  # --select / --extend-select / --ignore
    cache: Cache | None = None  # reports of documents checked before (check --cache, see checker.cache)
    trust_roots: Roots | None = None  # --trust-roots: DER certificates signatures must chain to (checker.trust)


_job: Job | None = None
_against: Against | None = None


def _start(job: Job, against: Against | None = None) -> None:
    """Set up this process for ``job`` (in a worker: read the parent directive of --against once)."""
    global _job, _against
    _job = job
    _against = against if against is not None else Against(job.against) if job.against else None


IN_FLIGHT = 4
"""Documents sent to the workers ahead of the one the caller waits for, per worker: enough to keep every
worker busy past a slow document, few enough that the reports held for the caller do not grow with the
batch."""


AUTO_MIN_FILES = 8
"""``--jobs auto`` checks fewer documents than this in one process: starting workers (forked: a few ms
each, plus their first document's imports) costs more than it saves below about 8 documents."""

AUTO_MIN_FILES_SPAWNED = 100
"""The same where worker processes are started afresh rather than forked (``spawn`` or ``forkserver``: the
default on Windows, macOS, and Linux from Python 3.14): each worker then imports the checker again (~0.3 s),
repaid only by about 100 documents."""

DOCS_PER_WORKER = 4
"""``--jobs auto`` starts no more workers than there are groups of this many documents."""


def auto_jobs(count: int, cpus: int | None = None, start_method: str | None = None) -> int:
    """The number of processes ``--jobs auto`` checks ``count`` documents with: one per available CPU
    (:func:`available_cpus`) when the batch is large enough to repay starting them, else 1."""
    # The method the pool will use, without fixing it as get_start_method() would (a caller of the API
    # may still choose another): the first of the methods listed is the default.
    method = start_method or multiprocessing.get_start_method(allow_none=True) \
        or multiprocessing.get_all_start_methods()[0]
    if count < (AUTO_MIN_FILES if method == "fork" else AUTO_MIN_FILES_SPAWNED):
        return 1  # decided without reading the cgroup files
    cpus = available_cpus() if cpus is None else cpus
    return max(1, min(cpus, count // DOCS_PER_WORKER))


def slim(report: DocumentReport, keep: PlanPart = "no-text") -> DocumentReport:
    """``report`` with only the part of its plan that ``keep`` names: what a batch holds when no consumer
    quotes the text in context or annotates the document (``no-text``), or when none reads more than the
    plan's header and which themes are covered (``header``: of the quotes that show a theme covered, only
    the first is kept, the one the text report prints; they were most of what is left of such a report).
    Findings keep their quotes and locations."""
    if report.plan is None or keep == "all":
        return report
    dropped = _TEXT if keep == "no-text" else tuple(name for name in Plan.model_fields if name not in HEADER)
    defaults = {name: Plan.model_fields[name].get_default(call_default_factory=True) for name in dropped}
    update: dict[str, object] = {}
    if any(getattr(report.plan, name) != value for name, value in defaults.items()):
        update["plan"] = report.plan.model_copy(update=defaults)
    if keep == "header" and any(len(theme.evidence) > 1 for theme in report.themes):
        update["themes"] = [theme.model_copy(update={"evidence": theme.evidence[:1]}) for theme in report.themes]
    return report.model_copy(update=update) if update else report


def _failed(path: str, exc: BaseException, lang: str) -> DocumentReport:
    kind = type(exc).__name__
    path = shown(path)
    reason = (f"{path}: checking failed ({kind}: {exc}); the other documents are still checked" if lang == "en"
              else f"{path}: lỗi khi kiểm tra ({kind}: {exc}); các văn bản khác vẫn được kiểm tra")
    return unreadable(path, reason)


def _overtime(path: str, seconds: float, lang: str) -> DocumentReport:
    reason = (f"{shown(path)}: gave up after {seconds:g} s (change it with --limit timeout=…)" if lang == "en" else
              f"{shown(path)}: quá {seconds:g} giây nên dừng kiểm tra (đổi bằng --limit timeout=…)")
    return unreadable(path, reason, "time-limit")


def check_one(path: str) -> DocumentReport:
    """Check one document with the job set by :func:`_start`; never raises for a bad document. With a
    cache (``Job.cache``), the report of a document read and checked to the end is kept there.

    Run in a worker process (:func:`check_all`), where the memory limit is in force: a ``MemoryError``
    makes the document ``input-too-large``."""
    assert _job is not None
    cache, limit = _job.cache, _job.limits.file_size
    entry = cache.entry(path, limit) if cache is not None else None  # the document as it is read
    try:
        with using(_job.limits), trusting(_job.trust_roots), deadline(_job.limits.timeout):
            report = check_file(path, _job.rules, parent=_job.parent, against=_against, lang=_job.lang,
                                selection=_job.selection)
        report = slim(report, _job.keep)
    except TimeLimit as exc:
        return _overtime(path, exc.seconds, _job.lang)
    except PackError:
        raise  # the pack was validated before the batch started: a pack error here is a bug, not the document
    except MemoryError:
        return unreadable(path, out_of_memory(path).message(_job.lang), "input-too-large")
    except Exception as exc:  # a document that breaks the checker must not break the batch
        return _failed(path, exc, _job.lang)
    # Only a document read and checked to the end is kept: "unreadable" may come from this machine (out of
    # memory, too many open files, a missing optional library) rather than from the document, and reading
    # an unreadable document again costs little. A document changed while it was checked is not kept.
    if cache is not None and entry is not None and report.status == "checked" and cache.entry(path, limit) == entry:
        entry.put(report)
    return report


def outcome_report(path: str | Path, outcome: Outcome, job: Job) -> DocumentReport:
    """The report of ``path`` from the outcome of checking it in a worker (:mod:`checker.workers`): the
    report itself, or ``time-limit`` when its process was killed at the limit, ``crashed`` when it died."""
    if outcome.returned:
        report: DocumentReport = outcome.value
        return report
    if outcome.overtime:
        return _overtime(str(path), job.limits.timeout, job.lang)
    if outcome.exitcode is not None:
        reason = ("the process checking it stopped abruptly (a crash, or too much memory)" if job.lang == "en"
                  else "tiến trình kiểm tra tệp này bị dừng đột ngột (lỗi nghiêm trọng hoặc hết bộ nhớ)")
        return unreadable(path, f"{shown(str(path))}: {reason}", "crashed")
    assert outcome.error is not None
    if isinstance(outcome.error, PackError):
        raise outcome.error
    return _failed(str(path), outcome.error, job.lang)


def check_all(files: Sequence[Path], job: Job, jobs: int | Literal["auto"] = 1, against: Against | None = None,
              progress: bool | None = None, refused: Mapping[Path, ReadError] | None = None,
              ) -> Iterator[DocumentReport]:
    """The reports of ``files`` in their order. ``jobs``: processes, or ``auto`` (:func:`auto_jobs` for the
    documents to check); ``against`` is the parent already read by the caller (used in this process);
    ``progress`` None means: a bar when standard error is a terminal; ``refused`` files are reported with
    their error and never opened (a link pointing outside the folder checked). Reports found in the job's
    cache are read here, not in a worker: a worker would spend more sending one back than reading it."""
    show = sys.stderr.isatty() if progress is None else progress
    refused = refused or {}
    cached = _cached([f for f in files if f not in refused], job)
    wanted = [f for f in files if f not in refused and f not in cached]
    jobs = auto_jobs(len(wanted)) if jobs == "auto" else jobs
    checked = _sequential(wanted, job, against) if jobs <= 1 or len(wanted) <= 1 else _parallel(wanted, job, jobs,
                                                                                                 against)
    results = _frozen(_merge(files, refused, cached, checked, job.lang))
    if not show:
        yield from results
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("plancheck", total=len(files))
        for report in results:
            # The name as text: its control characters escaped (a line feed would print a line of its own, which
            # a CI runner may read as a command), its brackets not read as rich markup.
            bar.update(task, advance=1, description=escape(shown(Path(report.path).name[:40])))
            yield report


def _cached(files: Sequence[Path], job: Job) -> dict[Path, DocumentReport]:
    """The reports of ``files`` found in the job's cache (none without one)."""
    found: dict[Path, DocumentReport] = {}
    if job.cache is None:
        return found
    for path in files:
        entry = job.cache.entry(str(path), job.limits.file_size)
        report = entry.get() if entry is not None else None
        if report is not None:
            found[path] = report
    return found


def _frozen(reports: Iterator[DocumentReport]) -> Iterator[DocumentReport]:
    """``reports``, each put out of the cyclic garbage collector's sight (``gc.freeze``) as it is handed
    back, until the batch ends.

    The caller keeps every report, and each is hundreds of objects: without this, every full collection
    walks all the reports so far, a cost that grows with the batch (on 2,000 documents about 2 s: a tenth
    of a one-job run, more than half of the parent's work with two jobs). Nothing is lost: the reports
    hold no cycles, and ``gc.unfreeze`` at the end gives whatever else was frozen back to the collector.
    Left alone when the caller froze objects itself or turned the collector off."""
    if gc.get_freeze_count() or not gc.isenabled():
        yield from reports
        return
    try:
        for report in reports:
            gc.freeze()
            yield report
    finally:
        gc.unfreeze()


def _merge(files: Sequence[Path], refused: Mapping[Path, ReadError], cached: dict[Path, DocumentReport],
           checked: Iterator[DocumentReport], lang: str) -> Iterator[DocumentReport]:
    for path in files:
        error = refused.get(path)
        if error is not None:
            yield unreadable(path, error.message(lang), error.code)
        else:
            yield cached[path] if path in cached else next(checked)  # a path given twice: twice


def _sequential(files: Sequence[Path], job: Job, against: Against | None) -> Iterator[DocumentReport]:
    """The reports of ``files`` checked one at a time: by one worker process, or in this process when the
    job has neither a time nor a memory limit to enforce (``--limit timeout=0 --limit memory=0``)."""
    if job.limits.timeout > 0 or job.limits.memory > 0:
        return _workers(files, job, 1, against)

    def here() -> Iterator[DocumentReport]:
        _start(job, against)
        for path in files:
            yield check_one(str(path))

    return here()


def _parallel(files: Sequence[Path], job: Job, jobs: int, against: Against | None = None,
              in_flight: int | None = None) -> Iterator[DocumentReport]:
    """The reports of ``files`` checked by ``jobs`` worker processes, in order; at most ``in_flight``
    documents (default ``IN_FLIGHT`` per worker) are sent ahead of the one the caller waits for."""
    return _workers(files, job, jobs, against, in_flight)


def _workers(files: Sequence[Path], job: Job, jobs: int, against: Against | None = None,
             in_flight: int | None = None) -> Iterator[DocumentReport]:
    """Check ``files`` in ``jobs`` worker processes (:mod:`checker.workers`), each document with the job's
    memory limit, its process killed a little after the job's time limit even inside C code.

    A document whose process is killed for its time is ``time-limit``; one whose process dies (a crash in a
    C library, the system killing it for memory) is ``crashed``; either way only that document: the ones
    queued behind it go to a fresh process that carries on with the rest of the batch.

    Forked workers inherit the parent directive of ``--against`` already read here; started afresh
    (``spawn``, ``forkserver``) each reads it once. The workers are started here, before the caller starts
    anything else (the progress bar's thread): a process forked while another thread runs could inherit a
    lock held by that thread."""
    context = multiprocessing.get_context()
    shared = against if context.get_start_method() == "fork" else None
    pool = [Worker(context, _start, (job, shared), job.limits.memory) for _ in range(jobs)]
    for worker in pool:
        worker.start()
    return _feed(files, job, pool, in_flight or IN_FLIGHT * jobs)


def _feed(files: Sequence[Path], job: Job, pool: list[Worker], window: int) -> Iterator[DocumentReport]:
    """Send ``files`` to the workers of ``pool`` and hand their reports back in order."""
    done: dict[int, DocumentReport] = {}  # reports that came back before the ones the caller waits for
    again: deque[Task] = deque()  # tasks queued in a process that died under another document
    sent = handed = 0
    try:
        while handed < len(files):
            for worker in pool:
                while not worker.full:
                    if again:
                        task = again.popleft()
                    elif sent < len(files) and sent - handed < window:
                        task = Task(sent, check_one, (str(files[sent]),), job.limits.timeout)
                        sent += 1
                    else:
                        break
                    worker.send(task)
            if handed in done:
                yield done.pop(handed)
                handed += 1
                continue
            for worker in ready(pool):
                while (collected := worker.collect()) is not None:
                    task, outcome, queued = collected
                    done[task.key] = outcome_report(files[task.key], outcome, job)
                    again.extendleft(reversed(queued))
    finally:
        for worker in pool:
            worker.stop()
