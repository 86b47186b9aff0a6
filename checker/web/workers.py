"""The processes that check uploads for the web service: each checks one upload at a time, one that overruns
its time is killed and replaced, and closing the pool leaves no process behind.

Why not :class:`concurrent.futures.ProcessPoolExecutor`: it cannot stop one task. A worker stuck in C code
(libxml2 on a crafted page, which the alarm of :func:`checker.limits.deadline` cannot interrupt) went on
burning a CPU after the request had given up on it, and killing it would break the whole pool and the
checks of every other client with it. Here each worker is a process of its own with a pipe: the thread
waiting for its answer kills it when it misses its deadline and starts another in its place.

A task is a function called in the worker as ``function(step, *args)``; it may call ``step()`` to say it
has finished a stage (checking, then annotating, then rendering), which gives it its time afresh. Workers
start from multiprocessing's fork server, which imports the checker once: a server has threads (uvicorn's,
a test's browser driver), and forking it could copy a held lock into the child. Where there is no fork
server (Windows) they are spawned. Nothing here needs a signal but the kill: a worker's time is kept by the
thread waiting for it, not by an alarm in the worker.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import queue
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")
Step = Callable[[], None]

PRELOAD = ["checker.web.work"]
"""Modules the fork server imports once, so that a worker started in place of a killed one is ready in
milliseconds rather than after a second of imports."""


def default_context() -> Any:
    """The start method of the workers: the fork server where the platform has one (Linux, macOS), which
    imports the checker once for every worker; else ``spawn`` (Windows), where each worker imports it."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)  # only before the fork server starts; harmless after
    return context


class Overrun(Exception):
    """The worker missed its deadline: it was killed (and replaced)."""


class Died(Exception):
    """The worker died before answering (it crashed, ran out of memory or was killed from outside)."""


class Closed(Exception):
    """The pool was closed before the task could run."""


class Workers:
    """``count`` worker processes and the threads that wait for them.

    :meth:`run` (async) sends a task to the next free worker and waits for its answer in a thread of its
    own, so the event loop never blocks on a worker or on unpickling an answer. A worker is idle (in the
    queue) or busy (owned by the one thread waiting for it); :meth:`close` stops the idle ones and kills the
    busy ones, whose threads then raise :class:`Died`; a task still waiting for a worker raises
    :class:`Closed`.
    """

    def __init__(self, count: int, context: Any | None = None) -> None:
        if context is None:
            context = default_context()
        self._context = context
        self._idle: queue.SimpleQueue[_Worker | None] = queue.SimpleQueue()
        self._busy: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._gate = asyncio.Semaphore(count)  # tasks beyond ``count`` wait here, not in a thread
        self._threads = ThreadPoolExecutor(max_workers=count, thread_name_prefix="plancheck-wait")
        self.count = count
        for _ in range(count):
            self._idle.put(_Worker(context))

    async def run(self, seconds: float, function: Callable[..., T], *args: Any) -> T:
        """``function(step, *args)`` in a worker. ``seconds`` > 0: the worker is killed and :class:`Overrun`
        raised when it has neither answered nor called ``step()`` for that long."""
        async with self._gate:
            loop = asyncio.get_running_loop()
            # Should the request be cancelled, the thread still waits for the answer (or kills the worker at
            # its deadline) and hands the worker back: the worker is never lost or left running.
            return await loop.run_in_executor(self._threads, self._run, seconds, function, args)

    def close(self) -> None:
        """Stop every worker: idle ones are asked to leave (and killed if they do not), busy ones killed."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            busy = list(self._busy)
        for worker in busy:
            worker.kill()  # its thread sees it die, cleans up and starts no other
        while True:
            try:
                idle = self._idle.get_nowait()
            except queue.Empty:
                break
            if idle is not None:
                idle.stop()
        for _ in range(self.count):
            self._idle.put(None)  # wakes any thread still waiting for a worker
        self._threads.shutdown(wait=True)  # quick: the workers they wait for are gone

    def _run(self, seconds: float, function: Callable[..., T], args: tuple[Any, ...]) -> T:
        worker = self._take()
        try:
            result: T = worker.run(seconds, function, args)
        except (Overrun, Died):
            worker.kill()
            worker.release()
            self._give_back(worker, self._fresh(worker))
            raise
        except BaseException:
            self._give_back(worker, worker)
            raise
        self._give_back(worker, worker)
        return result

    def _fresh(self, dead: _Worker) -> _Worker:
        """A new worker in place of ``dead``; ``dead`` itself if none can start now (the next task that
        takes it tries again), so the pool never shrinks."""
        if self._closed:
            return dead
        try:
            return _Worker(self._context)
        except OSError:
            return dead

    def _take(self) -> _Worker:
        worker = self._idle.get()
        with self._lock:
            if worker is not None and not self._closed:
                self._busy.add(worker)
        if worker is None or worker not in self._busy:
            if worker is not None:
                worker.stop()
            raise Closed
        if worker.alive():
            return worker
        # Killed from outside while idle, or not replaced yet: not this upload's fault.
        worker.release()
        try:
            fresh = _Worker(self._context)
        except BaseException:
            self._give_back(worker, worker)
            raise
        with self._lock:
            self._busy.discard(worker)
            if not self._closed:
                self._busy.add(fresh)
                return fresh
        fresh.stop()
        raise Closed

    def _give_back(self, used: _Worker, worker: _Worker | None) -> None:
        """``used`` is no longer busy; ``worker`` (itself or its replacement) goes back to the idle ones."""
        with self._lock:
            self._busy.discard(used)
            if worker is not None and not self._closed:
                self._idle.put(worker)
                return
        if worker is not None:
            worker.stop()


class _Worker:
    """One worker process and the server's end of its pipe. Only the thread that owns it (the one that
    took it from the idle queue, or :meth:`Workers.close` for an idle one) calls anything but :meth:`kill`."""

    def __init__(self, context: Any) -> None:
        self.connection, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(theirs,), name="plancheck-web-worker", daemon=True)
        self.process.start()
        theirs.close()
        self.pid = self.process.pid
        self.released = False

    def alive(self) -> bool:
        return not self.released and self.process.is_alive()

    def run(self, seconds: float, function: Callable[..., Any], args: tuple[Any, ...]) -> Any:
        try:
            self.connection.send((function, args))
            while True:
                if seconds > 0 and not self.connection.poll(seconds):
                    raise Overrun
                kind, value = self.connection.recv()
                if kind == "done":
                    return value
                if kind == "failed":
                    raise RuntimeError(value)
        except (EOFError, OSError) as exc:
            raise Died from exc

    def kill(self) -> None:
        """Kill the worker now; safe from any thread (a signal, nothing else)."""
        with contextlib.suppress(ValueError):  # released by its owner meanwhile: it has ended already
            self.process.kill()  # nothing happens to a process that has exited

    def stop(self) -> None:
        """Ask the worker to leave (it is idle), kill it if it has not within a second, and release it."""
        if not self.released:
            with contextlib.suppress(OSError):  # already gone
                self.connection.send(None)
            self.process.join(1)
            self.kill()
            self.release()

    def release(self) -> None:
        """Wait for the (stopped or killed) process to end and free the pipe and the process handle."""
        if not self.released:
            self.process.join()
            self.connection.close()
            self.process.close()
            self.released = True


def _end_with_parent() -> None:
    """On Linux, have the kernel kill this worker when the fork server, its parent, ends, and let the fork
    server end with the server: a server killed outright (SIGKILL, out of memory) never gets to stop its
    workers, and a busy one would otherwise run on alone for as long as its document keeps it (minutes in
    libxml2), holding the fork server and the resource tracker with it."""
    # The fork server leaves when every holder of its "alive" pipe has gone: the server and, by default, every
    # process it started, which it hands the pipe so that they may start processes in turn. A worker never
    # does: it lets go, so that the fork server's life hangs on the server's alone.
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    alive = getattr(server, "_forkserver_alive_fd", None)
    if isinstance(alive, int):  # (a worker forked from the server closes its own copy only)
        with contextlib.suppress(OSError):
            os.close(alive)
        server._forkserver_alive_fd = None  # type: ignore[union-attr]
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    parent = os.getppid()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent ended before the request took hold
        os._exit(1)


def _serve(connection: Connection) -> None:
    """The worker's loop: run each task sent, answer ``("done", result)`` or ``("failed", reason)``; leave
    on ``None`` or when the server's end of the pipe is gone."""
    # Ctrl+C reaches the whole process group: the server decides when its workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with_parent()
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        function, args = task

        def step() -> None:
            connection.send(("step", None))

        try:
            answer: tuple[str, Any] = ("done", function(step, *args))
        except Exception as exc:  # the task's own bug: the server answers 500, the worker stays
            answer = ("failed", "".join(traceback.format_exception_only(exc)).strip())
        connection.send(answer)
