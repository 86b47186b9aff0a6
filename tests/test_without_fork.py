"""Every parallel and time-limited path as on Windows (issue 17): worker processes spawned, never forked, and
no ``SIGALRM``, ``setitimer`` or fork server. Each test runs plancheck in a subprocess started by a launcher
that takes these away before anything else is imported; spawned workers import the launcher again (as
``__mp_main__``), so they lack them too. A document whose text starts with ``STUCK`` never finishes reading,
as a reader lost in C code: only the process keeping the time can stop it, by killing the worker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_web_workers import descendants, free_port, gone, post, wait_until_up

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "samples" / "defects" / "task-without-unit.txt"

LAUNCHER = '''
import multiprocessing
import signal
import sys

for name in ("SIGALRM", "setitimer", "getitimer", "alarm", "ITIMER_REAL", "pthread_kill"):
    if hasattr(signal, name):
        delattr(signal, name)
multiprocessing.get_all_start_methods = lambda: ["spawn"]  # as on Windows
multiprocessing.set_start_method("spawn", force=True)

from pathlib import Path

from checker.read import txt

real = txt.read_txt


def read_txt(path):
    if Path(path).read_bytes().startswith(b"STUCK"):
        while True:  # no signal could interrupt it: there is none
            pass
    return real(path)


txt.read_txt = read_txt

if __name__ == "__main__":
    if sys.argv[1] == "serve":
        import checker.web
        from checker.limits import Limits

        checker.web.SHUTDOWN_WAIT = 1
        app = checker.web.create_app(limits=Limits(timeout=float(sys.argv[3])), workers=1)
        checker.web.run_server(app, "127.0.0.1", int(sys.argv[2]))
    else:
        from checker.cli import main

        sys.exit(main(sys.argv[1:]))
'''


def _command(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


@pytest.fixture
def launcher(tmp_path: Path) -> Path:
    path = tmp_path / "windows_like.py"
    path.write_text(LAUNCHER, encoding="utf-8")
    return path


def _environment(folder: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(folder), str(ROOT)]), "TMPDIR": str(folder),
            "PYTHONIOENCODING": "utf-8"}


def _check(launcher: Path, *args: str) -> tuple[int, dict]:
    done = subprocess.run([sys.executable, str(launcher), "check", *args, "--format", "json", "--lang", "en"],
                          capture_output=True, text=True, encoding="utf-8", env=_environment(launcher.parent),
                          cwd=launcher.parent, timeout=300)
    assert done.stdout, done.stderr
    return done.returncode, json.loads(done.stdout)


def test_the_launcher_takes_the_alarm_and_fork_away(launcher: Path) -> None:
    probe = launcher.parent / "probe.py"
    probe.write_text("import windows_like, signal, multiprocessing\n"
                     "print(hasattr(signal, 'SIGALRM'), hasattr(signal, 'setitimer'), "
                     "multiprocessing.get_start_method(), multiprocessing.get_all_start_methods())\n",
                     encoding="utf-8")
    done = subprocess.run([sys.executable, str(probe)], capture_output=True, text=True,
                          env=_environment(launcher.parent), timeout=120)
    assert done.stdout.split() == ["False", "False", "spawn", "['spawn']"], done.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_batch_is_checked_by_spawned_workers_as_by_forked_ones(launcher: Path, jobs: str) -> None:
    plans = [str(PLAN), str(ROOT / "samples" / "ke-hoach-ttdn-van-ninh-2019.docx"),
             str(ROOT / "samples" / "defects" / "no-deadline.txt")]
    code, report = _check(launcher, *plans, "--jobs", jobs)
    here = subprocess.run([sys.executable, "-m", "checker", "check", *plans, "--format", "json", "--lang", "en"],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=300)
    expected = json.loads(here.stdout)
    assert code == here.returncode == 1
    assert [d["status"] for d in report["documents"]] == ["checked"] * 3

    def findings(whole: dict) -> list[list[tuple[str, str]]]:
        return [[(f["rule"], f["message"]) for f in d["findings"]] for d in whole["documents"]]

    assert findings(report) == findings(expected)


def test_a_stuck_document_is_stopped_at_its_time_without_an_alarm(launcher: Path) -> None:
    stuck = launcher.parent / "ket.txt"
    stuck.write_text("STUCK Kế hoạch", encoding="utf-8")
    started = time.monotonic()
    code, report = _check(launcher, str(PLAN), str(stuck), str(PLAN), "--limit", "timeout=3", "--jobs", "1")
    took = time.monotonic() - started
    statuses = [(Path(d["path"]).name, d["status"]) for d in report["documents"]]
    assert statuses == [(PLAN.name, "checked"), ("ket.txt", "unreadable"), (PLAN.name, "checked")]
    [finding] = report["documents"][1]["findings"]
    assert finding["code"] == "time-limit" and "gave up after 3 s" in finding["message"]
    assert code == 1 and took < 60


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")
def test_the_web_service_spawns_its_workers_and_kills_a_stuck_one(launcher: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, str(launcher), "serve", str(port), "2"],
                              env=_environment(launcher.parent), cwd=launcher.parent)
    try:
        wait_until_up(url, server, within=120)  # spawned: the server imports afresh
        status, reply = post(url + "/api/check", "ket.txt", b"STUCK " * 10)
        assert status == 422
        [finding] = reply["documents"][0]["findings"]
        assert finding["code"] == "time-limit"
        status, reply = post(url + "/api/check", PLAN.name, PLAN.read_bytes())  # a fresh worker took its place
        assert status == 200 and reply["documents"][0]["status"] == "checked"
        assert reply["documents"][0]["findings"]
        helpers = descendants(server.pid)  # the spawned worker (and multiprocessing's resource tracker)
        commands = [_command(pid) for pid in helpers]
        assert any("spawn_main" in command for command in commands), commands
        assert not any("forkserver" in command for command in commands), commands
        server.terminate()
        assert server.wait(timeout=30) in (0, -15)
        assert not gone(helpers, within=10), "processes of the server outlived it"
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
