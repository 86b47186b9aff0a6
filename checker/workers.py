"""Worker processes that can be stopped: the work on an untrusted document runs where it can be killed.

A time limit raised by a signal (:func:`checker.limits.deadline`) cannot stop C code: libxml2 parsing a web
page with 400,000 attributes, a regular expression on a long text, a decompressor. A memory limit set in
the process that checks documents does not protect the process that started the batch. So each call runs
in a :class:`Worker`, a child process that runs the calls it is sent, one after the other:

* each call runs under the memory ceiling given (:func:`ceiling`: on Linux ``RLIMIT_AS``, the address
  space the call may add to what the process held when it started it): past it the call gets a
  ``MemoryError`` that it can report, and the process is still sound for the next one;
* the parent waits for each answer until the call's time plus :data:`GRACE` (the call's own alarm usually
  stops it first, with a clean answer); past that the process is killed (``SIGKILL``) and the call's
  :class:`Outcome` says ``overtime``; a process that dies by itself (a crash in a C library, the system
  killing it for memory) gives its running call an outcome with its ``exitcode``. Either way the calls
  queued behind it are not lost: :meth:`Worker.collect` hands them back, and a fresh process is started
  for the next call sent.

A worker has up to :data:`AHEAD` calls sent to it, so it never waits for the parent between two calls;
the time of the next starts when the answer to the one before arrives. :func:`ready` waits for several
workers at once (a batch); :meth:`Worker.call` runs one call and waits for it (what a server needs for
one upload, from a thread of its own). Works with every start method (``fork``, ``forkserver``,
``spawn``: the functions sent and their arguments are then pickled, and must be importable).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

GRACE = 2.0
"""Seconds a call may run past its time before its process is killed: enough for its own alarm to stop
Python code and send a clean answer; the kill is for C code that no signal interrupts."""

AHEAD = 2
"""Calls sent to a worker at a time: the next one is waiting in the pipe when the first is done."""


@dataclass(frozen=True)
class Task:
    """One call to run in a worker: ``function(*args)`` within ``seconds`` (0: no limit). ``key`` is the
    caller's, handed back with the outcome."""

    key: Any
    function: Callable[..., Any]
    args: tuple[Any, ...] = ()
    seconds: float = 0.0


@dataclass(frozen=True)
class Outcome:
    """What became of a call: its ``value``, the exception it raised (``error``), or that its process was
    killed at its time (``overtime``) or died by itself (``exitcode``, negative for a signal)."""

    value: Any = None
    error: BaseException | None = None
    overtime: bool = False
    exitcode: int | None = None

    @property
    def returned(self) -> bool:
        return self.error is None and not self.overtime and self.exitcode is None


@dataclass(eq=False)
class Worker:
    """One child process running calls (see the module's documentation). Started by the first
    :meth:`send` (or by :meth:`start`, to start it before the parent starts threads: forking a process that
    runs other threads could copy a lock one of them holds)."""

    context: Any = field(default_factory=multiprocessing.get_context)  # a multiprocessing context (start method)
    initializer: Callable[..., object] | None = None
    initargs: tuple[Any, ...] = ()
    memory: int = 0
    tasks: deque[Task] = field(default_factory=deque)  # sent, in order; the first is running
    process: Any = None
    connection: Connection | None = None
    started: float = 0.0  # when the first task of ``tasks`` started (monotonic), as far as the parent knows

    def start(self) -> None:
        if self.process is not None and self.process.is_alive():
            return
        ours, theirs = self.context.Pipe()
        self.process = self.context.Process(target=_serve, args=(theirs, self.initializer, self.initargs, self.memory),
                                            daemon=True)
        self.process.start()
        theirs.close()
        self.connection = ours

    @property
    def idle(self) -> bool:
        return not self.tasks

    @property
    def full(self) -> bool:
        return len(self.tasks) >= AHEAD

    def send(self, task: Task) -> None:
        """Send ``task`` to this worker (after the ones it has); a process is started if none runs."""
        self.start()
        assert self.connection is not None
        if not self.tasks:
            self.started = time.monotonic()
        self.tasks.append(task)
        with contextlib.suppress(OSError, EOFError):  # a dead process: collect() says so for its running task
            self.connection.send((task.function, task.args))

    def due(self) -> float | None:
        """When the running task's time is up, grace included (monotonic); None without a limit or a task."""
        if not self.tasks or self.tasks[0].seconds <= 0:
            return None
        return self.started + self.tasks[0].seconds + GRACE

    def handles(self) -> list[Any]:
        """What :func:`multiprocessing.connection.wait` waits on for this worker: its pipe and its process."""
        return [self.connection, self.process.sentinel] if self.tasks and self.process is not None else []

    def collect(self) -> tuple[Task, Outcome, list[Task]] | None:
        """The running task and its outcome when it has one (None while it runs): an answer, the process
        found dead, or killed because its time is up. The third item is the tasks that were queued behind
        it in a process that is gone: the caller sends them again."""
        if not self.tasks or self.connection is None:
            return None
        answer: tuple[bool, Any, bool] | None = None
        gone = False  # the pipe is closed: the process ended or is ending
        try:
            if self.connection.poll():
                answer = self.connection.recv()
        except (EOFError, OSError):
            gone = True
        if answer is not None:
            task = self.tasks.popleft()
            self.started = time.monotonic()
            ok, value, retiring = answer
            rest: list[Task] = []
            if retiring:  # the process grew too much to be kept: a fresh one takes the tasks queued behind
                rest = list(self.tasks)
                self.tasks.clear()
                self.kill()
            return task, Outcome(value=value) if ok else Outcome(error=value), rest
        due = self.due()
        if not gone and self.process.is_alive() and (due is None or time.monotonic() < due):
            return None
        if gone:
            self.process.join(1.0)  # it closed its end as it died: let it finish dying, for its exit code
        overtime = not gone and self.process.is_alive()
        self.kill()
        task, rest = self.tasks.popleft(), list(self.tasks)
        self.tasks.clear()
        return task, Outcome(overtime=True) if overtime else Outcome(exitcode=self.process.exitcode), rest

    def call(self, function: Callable[..., Any], args: tuple[Any, ...] = (), seconds: float = 0.0) -> Outcome:
        """Run ``function(*args)`` in this worker and wait for its outcome (killing the process past its
        time). The worker must be idle; it is ready for the next call afterwards."""
        assert self.idle, "call() on a worker with tasks of its own"
        self.send(Task(None, function, args, seconds))
        while True:
            done = self.collect()
            if done is not None:
                return done[1]
            due = self.due()
            wait(self.handles(), None if due is None else max(0.0, due - time.monotonic()))

    def kill(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        if self.process is not None:
            if self.process.is_alive():
                self.process.kill()
            self.process.join()

    def stop(self) -> None:
        """End the process: an idle one is told to stop and given a second, a busy one is killed."""
        if self.connection is not None and self.process is not None and self.process.is_alive() and not self.tasks:
            with contextlib.suppress(OSError, EOFError):
                self.connection.send(None)
            self.process.join(1.0)
        self.kill()
        self.tasks.clear()


def ready(workers: Sequence[Worker]) -> list[Worker]:
    """Wait until one of the busy ``workers`` has an outcome to collect (an answer, a death, or a time that
    is up), and return those that may have one."""
    busy = [worker for worker in workers if not worker.idle]
    if not busy:
        return []
    dues = [due for due in (worker.due() for worker in busy) if due is not None]
    timeout = max(0.0, min(dues) - time.monotonic()) if dues else None
    signalled = set(wait([handle for worker in busy for handle in worker.handles()], timeout))
    now = time.monotonic()
    return [worker for worker in busy
            if signalled & set(worker.handles()) or (worker.due() is not None and now >= (worker.due() or 0))]


# --- In the worker ---------------------------------------------------------------------------------------------

def _serve(connection: Connection, initializer: Callable[..., object] | None, initargs: tuple[Any, ...],
           memory: int) -> None:
    """The worker's loop: run each call received, under the memory ceiling, and send its answer back."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle: it stops the workers
    if initializer is not None:
        initializer(*initargs)
    # Other processes may hold copies of the parent's end of the pipe (workers forked later inherit it), so
    # the pipe is no sign that the parent is gone: its process is watched too.
    parent = multiprocessing.parent_process()
    watched: list[Any] = [connection, parent.sentinel] if parent is not None else [connection]
    baseline = _address_space() or 0
    while True:
        if connection not in wait(watched):
            return  # the parent died without stopping its workers
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return  # the batch is over
        function, args = message
        try:
            with ceiling(memory):
                ok, value = True, function(*args)
        except BaseException as exc:  # noqa: BLE001 — sent to the parent, which decides
            ok, value = False, exc
        # A call that came near the ceiling leaves a heap that is slow to shrink (fragments, arenas kept): the
        # process retires after answering, and the parent starts a fresh one for the next call.
        retiring = memory > 0 and (_address_space() or 0) - baseline > memory // 2
        try:
            connection.send((ok, value, retiring))
        except Exception as exc:  # an answer that cannot be pickled
            problem = RuntimeError(f"the answer could not be sent back ({type(exc).__name__}: {exc})")
            connection.send((False, problem, retiring))
        if retiring:
            return


@contextlib.contextmanager
def ceiling(memory: int) -> Iterator[None]:
    """Limit the address space this process may add, while the block runs, to ``memory`` bytes (0: no
    limit). Enforced on Linux (``RLIMIT_AS``, counted from the size of the process now: room its heap holds
    already, freed, comes on top, which is why workers are best started from a small process); elsewhere
    a no-op. A lower limit set from outside (``ulimit -v``, ``prlimit``) stays in force."""
    size = _address_space() if memory > 0 else None
    if size is None:
        yield
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = size + memory
    for outside in (soft, hard):
        if outside != resource.RLIM_INFINITY:
            limit = min(limit, outside)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space() -> int | None:
    """The address space of this process in bytes (Linux), else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None
