"""The self-check server under hostile uploads: does one client stall the others, does a check past the time
limit stop burning CPU, does anything outlive the server?

    python benchmarks/web.py [--report-mb 1] [--attributes 200000] [--timeout 2] [--case stall,timeout,shutdown]

It starts the real ``plancheck serve --workers 2`` in a subprocess (for the last two cases with ``--limit
timeout=…``) and runs:

* **stall** — while another client asks for ``GET /`` every 20 ms, one uploads a .txt of ``--report-mb`` MB
  of ``1/KH `` repeated (one citation every five characters: the largest JSON report per byte known,
  ~200 MB for 1 MB); prints the status, size and time of that reply, the slowest and 99th-percentile
  ``GET /`` while it ran (a server that renders on its event loop stalls every client for seconds), and
  the peak resident memory of the server process and of its largest worker;
* **timeout** — uploads a page whose one tag has ``--attributes`` attributes (libxml2 checks them for
  duplicates pairwise, in C code that the alarm of ``--limit timeout`` cannot interrupt: 200,000 take
  about a minute); prints when the reply came and its status, then the CPU seconds the server's processes
  burn in the 5 s after it (a worker left running burns 5);
* **shutdown** — sends SIGTERM to the server; prints how long it took to exit and which of its descendant
  processes (workers, the multiprocessing fork server, the resource tracker) are still alive 3 s later.

Figures, not assertions. Linux only (``/proc``).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def descendants(pid: int) -> set[int]:
    """The processes under ``pid`` (children, grandchildren …), from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def cpu_seconds(pids: set[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICK


def peak_memory(pid: int) -> int:
    """Bytes: the high-water mark of the process's resident memory (VmHWM)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmHWM:")), 0)


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def post(url: str, name: str, data: bytes, timeout: float = 600) -> tuple[int, int, float]:
    """POST ``data`` as the multipart ``file`` named ``name``: (status, reply bytes, seconds)."""
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(url, data=body,
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            status, size = reply.status, len(reply.read())
    except urllib.error.HTTPError as error:
        status, size = error.code, len(error.read())
    return status, size, time.perf_counter() - started


class Server:
    def __init__(self, timeout: float) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", str(self.port),
                                         "--workers", "2", "--limit", f"timeout={timeout:g}"])
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(self.url + "/", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.1)

    def stop(self) -> None:
        """Stop the server and whatever it left behind (the shutdown case reports what that was)."""
        under = descendants(self.process.pid)
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for pid in under:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def stall(server: Server, megabytes: float) -> None:
    data = b"1/KH " * int(megabytes * 1_000_000 / 5)
    times: list[float] = []
    done = threading.Event()

    def ping() -> None:
        while not done.is_set():
            started = time.perf_counter()
            urllib.request.urlopen(server.url + "/", timeout=120).read()
            times.append(time.perf_counter() - started)
            time.sleep(0.02)

    pinger = threading.Thread(target=ping)
    pinger.start()
    time.sleep(0.5)
    status, size, seconds = post(server.url + "/api/check", "trich-dan.txt", data)
    done.set()
    pinger.join()
    ordered = sorted(times)
    peak = max((peak_memory(pid) for pid in descendants(server.process.pid)), default=0)
    print(f"stall: {megabytes:g} MB of '1/KH ': {status}, {size / 1e6:.1f} MB in {seconds:.1f} s; "
          f"GET / meanwhile ({len(times)}): slowest {ordered[-1] * 1000:.0f} ms, "
          f"p99 {ordered[int(len(ordered) * 0.99)] * 1000:.0f} ms, median {statistics.median(times) * 1000:.0f} ms; "
          f"peak memory: server {peak_memory(server.process.pid) / 1e6:.0f} MB, largest worker {peak / 1e6:.0f} MB")


def timeout(server: Server, attributes: int, limit: float) -> None:
    page = ("<html><body><p " + " ".join(f"a{i}=x" for i in range(attributes)) + ">KẾ HOẠCH</p><p>"
            + "Nội dung kế hoạch. " * 20 + "</p></body></html>").encode()
    status, size, seconds = post(server.url + "/api/check", "thuoc-tinh.html", page)
    before = cpu_seconds(descendants(server.process.pid))
    time.sleep(5)
    after = cpu_seconds(descendants(server.process.pid))
    print(f"timeout: a tag with {attributes} attributes, --limit timeout={limit:g}: {status} after {seconds:.1f} s; "
          f"CPU burnt by the server's processes in the 5 s after: {after - before:.1f} s")


def shutdown(server: Server) -> None:
    under = descendants(server.process.pid)
    names = {pid: Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:90] for pid in under}
    started = time.perf_counter()
    server.process.send_signal(signal.SIGTERM)
    try:
        server.process.wait(timeout=120)
        took = f"exited in {time.perf_counter() - started:.1f} s"
    except subprocess.TimeoutExpired:
        took = "still running after 120 s"
    time.sleep(3)
    left = sorted(pid for pid in under if alive(pid))
    print(f"shutdown: SIGTERM: {took}; of its {len(under)} descendant processes, {len(left)} alive 3 s later")
    for pid in left:
        print(f"  {pid}: {names[pid]}")
        os.kill(pid, signal.SIGKILL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report-mb", type=float, default=1.0)
    parser.add_argument("--attributes", type=int, default=200_000)
    parser.add_argument("--timeout", type=float, default=2.0)
    parser.add_argument("--case", default="stall,timeout,shutdown")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plancheck-web-bench-") as folder:
        os.chdir(folder)  # where the server runs
        run(args.case, args.report_mb, args.attributes, args.timeout)


def run(case: str, report_mb: float, attributes: int, limit: float) -> None:
    cases = set(case.split(","))
    if "stall" in cases:
        server = Server(120)  # the default time limit: the report must be made
        try:
            stall(server, report_mb)
        finally:
            server.stop()
    if not cases & {"timeout", "shutdown"}:
        return
    server = Server(limit)
    try:
        if "timeout" in cases:
            timeout(server, attributes, limit)
        if "shutdown" in cases:
            shutdown(server)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
