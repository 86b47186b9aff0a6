"""The web service's worker processes, in a real server (uvicorn in a subprocess): a check stuck past the time
limit where the alarm cannot reach it (as in libxml2's C code) is killed and its worker replaced, and no
process of the server outlives it, whether it is stopped (SIGTERM) idle or mid-check, or killed outright
(issue 16)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TASK = ROOT / "samples" / "defects" / "task-without-unit.txt"

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")

# Preloaded by the fork server, so every worker has it: a document starting with STUCK spins with the time
# limit's alarm blocked, as C code does that never returns to Python.
STUCK = '''
import os, signal
from pathlib import Path
from checker import batch

real = batch.check_one

def check_one(path):
    if Path(path).read_bytes().startswith(b"STUCK"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        Path(PIDS, str(os.getpid())).touch()
        while True:
            pass
    return real(path)

batch.check_one = check_one
'''

SERVER = '''
import sys
import checker.web
from checker.limits import Limits
from checker.web import workers

if __name__ == "__main__":  # the fork server imports this file again
    workers.PRELOAD = [*workers.PRELOAD, "stuck"]
    checker.web.GRACE = 0.5
    checker.web.SHUTDOWN_WAIT = 1
    app = checker.web.create_app(limits=Limits(timeout=float(sys.argv[2])), workers=1)
    checker.web.run_server(app, "127.0.0.1", int(sys.argv[1]))
'''


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def descendants(pid: int) -> set[int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError):
                continue
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def running(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie waiting to be reaped."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def gone(pids: set[int], within: float) -> set[int]:
    """The processes of ``pids`` still running after ``within`` seconds (none as soon as all have ended)."""
    deadline = time.monotonic() + within
    while (left := {pid for pid in pids if running(pid)}) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def post(url: str, name: str, data: bytes) -> tuple[int, dict]:
    boundary = uuid.uuid4().hex
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(url, data=body,
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:
            return reply.status, json.loads(reply.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def wait_until_up(url: str, process: subprocess.Popen[bytes], within: float = 60) -> None:
    """Return once the server at ``url`` answers ``GET /``; fail if its process ends or ``within`` seconds pass."""
    deadline = time.monotonic() + within
    while True:
        try:
            urllib.request.urlopen(url + "/", timeout=5).read()
            return
        except OSError:
            assert process.poll() is None and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.1)


class Server:
    """``server.py`` with the time limit ``timeout``, started in ``folder``."""

    def __init__(self, folder: Path, timeout: float) -> None:
        self.pids = folder / "pids"  # the stuck workers write their pid here
        self.pids.mkdir()
        (folder / "stuck.py").write_text(f"PIDS = {str(self.pids)!r}\n" + STUCK, encoding="utf-8")
        (folder / "server.py").write_text(SERVER, encoding="utf-8")
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        # TMPDIR: the upload folder a killed server cannot delete stays in the test's own folder.
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(folder), str(ROOT)]), "TMPDIR": str(folder)}
        self.process = subprocess.Popen([sys.executable, str(folder / "server.py"), str(port), str(timeout)], env=env,
                                        cwd=folder)
        wait_until_up(self.url, self.process)

    def stuck_check(self) -> tuple[threading.Thread, int]:
        """Start a check that gets stuck; return the thread waiting for its reply and the stuck worker's pid."""
        def ask() -> None:
            with contextlib.suppress(OSError, ValueError):  # the server is stopped or killed before it replies
                post(self.url + "/api/check", "ket.txt", b"STUCK")

        thread = threading.Thread(target=ask, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not (pids := list(self.pids.iterdir())):
            assert time.monotonic() < deadline, "the check did not start"
            time.sleep(0.02)
        return thread, int(pids[0].name)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    running_server = Server(tmp_path, request.param)
    try:
        yield running_server
    finally:
        running_server.stop()


@pytest.mark.parametrize("server", [1], indirect=True)
def test_a_stuck_check_is_killed_and_its_worker_replaced(server: Server) -> None:
    started = time.monotonic()
    status, report = post(server.url + "/api/check", "ket.txt", b"STUCK " * 100)
    took = time.monotonic() - started
    assert status == 422 and 1 <= took < 20
    [finding] = report["documents"][0]["findings"]
    assert finding["code"] == "time-limit" and finding["message"].startswith("ket.txt: quá 1 giây")
    [stuck] = [int(p.name) for p in server.pids.iterdir()]
    assert not gone({stuck}, within=5), "the stuck worker still runs after the reply"

    status, report = post(server.url + "/api/check", TASK.name, TASK.read_bytes())  # a new worker took its place
    assert status == 200 and report["documents"][0]["status"] == "checked"

    helpers = descendants(server.process.pid)  # the worker, the fork server, the resource tracker
    assert len(helpers) >= 3
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(timeout=30) in (0, -signal.SIGTERM)  # uvicorn re-raises the signal once stopped
    assert not gone(helpers, within=10), "processes of the server outlived it"


@pytest.mark.parametrize("server", [600], indirect=True)
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_nothing_outlives_a_server_stopped_or_killed_mid_check(server: Server, how: signal.Signals) -> None:
    # The stuck check would run for 600 s: a stop cuts it short after SHUTDOWN_WAIT; a server killed outright
    # cannot stop its workers, so the kernel does (they end with the fork server, which ends with the server).
    _thread, stuck = server.stuck_check()
    helpers = descendants(server.process.pid)
    assert stuck in helpers and len(helpers) >= 3
    started = time.monotonic()
    server.process.send_signal(how)
    server.process.wait(timeout=30)
    assert time.monotonic() - started < 10
    assert not gone(helpers, within=10), "processes of the server outlived it"
