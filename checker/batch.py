"""Checking many documents: in this process or in worker processes, results always in input order.

One document that cannot be read, or that makes the checker fail, becomes an ``unreadable`` report of
that document alone; the batch goes on. With ``jobs > 1`` each worker process reads the parent directive
of ``--against`` once and checks its share of the documents; results come back in input order whatever
order the workers finish in. A progress bar (rich) is drawn on standard error when it is a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from checker.api import Against, check_file
from checker.engine.packs import PackError
from checker.engine.run import unreadable
from checker.limits import Limits, TimeLimit, deadline, using
from checker.model.report import DocumentReport
from checker.read.errors import ReadError, shown


@dataclass(frozen=True)
class Job:
    """What checking one document needs, the same for every document of the batch (sent to workers)."""

    rules: str | None = None
    parent: str | None = None
    against: str | None = None
    lang: str = "vi"
    limits: Limits = field(default_factory=Limits)


_job: Job | None = None
_against: Against | None = None


def _start(job: Job, against: Against | None = None) -> None:
    """Set up this process for ``job`` (in a worker: read the parent directive of --against once)."""
    global _job, _against
    _job = job
    _against = against if against is not None else Against(job.against) if job.against else None


def _failed(path: str, exc: BaseException, lang: str) -> DocumentReport:
    kind = type(exc).__name__
    path = shown(path)
    reason = (f"{path}: checking failed ({kind}: {exc}); the other documents are still checked" if lang == "en"
              else f"{path}: lỗi khi kiểm tra ({kind}: {exc}); các văn bản khác vẫn được kiểm tra")
    return unreadable(path, reason)


def check_one(path: str) -> DocumentReport:
    """Check one document with the job set by :func:`_start`; never raises for a bad document."""
    assert _job is not None
    try:
        with using(_job.limits), deadline(_job.limits.timeout):
            return check_file(path, _job.rules, parent=_job.parent, against=_against, lang=_job.lang)
    except TimeLimit as exc:
        reason = (f"{shown(path)}: gave up after {exc.seconds:g} s (change it with --limit timeout=…)"
                  if _job.lang == "en" else
                  f"{shown(path)}: quá {exc.seconds:g} giây nên dừng kiểm tra (đổi bằng --limit timeout=…)")
        return unreadable(path, reason, "time-limit")
    except PackError:
        raise  # the pack was validated before the batch started: a pack error here is a bug, not the document
    except Exception as exc:  # a document that breaks the checker must not break the batch
        return _failed(path, exc, _job.lang)


def check_all(files: Sequence[Path], job: Job, jobs: int = 1, against: Against | None = None,
              progress: bool | None = None, refused: Mapping[Path, ReadError] | None = None,
              ) -> Iterator[DocumentReport]:
    """The reports of ``files`` in their order. ``against`` is the parent already read by the caller
    (used in this process); ``progress`` None means: a bar when standard error is a terminal; ``refused``
    files are reported with their error and never opened (a link pointing outside the folder checked)."""
    show = sys.stderr.isatty() if progress is None else progress
    refused = refused or {}
    wanted = [f for f in files if f not in refused]
    checked = _sequential(wanted, job, against) if jobs <= 1 or len(wanted) <= 1 else _parallel(wanted, job, jobs)
    results = _merge(files, refused, checked, job.lang)
    if not show:
        yield from results
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("plancheck", total=len(files))
        for report in results:
            bar.update(task, advance=1, description=Path(report.path).name[:40])
            yield report


def _merge(files: Sequence[Path], refused: Mapping[Path, ReadError], checked: Iterator[DocumentReport],
           lang: str) -> Iterator[DocumentReport]:
    for path in files:
        error = refused.get(path)
        yield unreadable(path, error.message(lang), error.code) if error is not None else next(checked)


def _sequential(files: Sequence[Path], job: Job, against: Against | None) -> Iterator[DocumentReport]:
    _start(job, against)
    for path in files:
        yield check_one(str(path))


def _parallel(files: Sequence[Path], job: Job, jobs: int) -> Iterator[DocumentReport]:
    """Workers check the files; when one dies (a crash in a C library, the system killing it for memory),
    every file whose result was lost is checked again alone in a fresh process, so only the file that
    kills its process is reported as failed and no other result is lost.

    The workers are started here, before the caller starts anything else (the progress bar's thread):
    a process forked while another thread runs could inherit a lock held by that thread."""
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start, initargs=(job,))
    futures: list[Future[DocumentReport]] = [pool.submit(check_one, str(path)) for path in files]
    return _results(pool, files, futures, job)


def _results(pool: ProcessPoolExecutor, files: Sequence[Path], futures: list[Future[DocumentReport]],
             job: Job) -> Iterator[DocumentReport]:
    with pool:
        for path, future in zip(files, futures, strict=True):
            try:
                yield future.result()
            except PackError:
                raise
            except BrokenProcessPool:
                yield _alone(path, job)
            except Exception as exc:  # the result could not be sent back
                yield _failed(str(path), exc, job.lang)


def _alone(path: Path, job: Job) -> DocumentReport:
    """Check one file in a process of its own (after a worker died)."""
    try:
        with ProcessPoolExecutor(max_workers=1, initializer=_start, initargs=(job,)) as pool:
            return pool.submit(check_one, str(path)).result()
    except PackError:
        raise
    except BrokenProcessPool:
        reason = ("the process checking it stopped abruptly (a crash, or too much memory)" if job.lang == "en"
                  else "tiến trình kiểm tra tệp này bị dừng đột ngột (lỗi nghiêm trọng hoặc hết bộ nhớ)")
        return unreadable(path, f"{shown(str(path))}: {reason}", "crashed")
    except Exception as exc:
        return _failed(str(path), exc, job.lang)
