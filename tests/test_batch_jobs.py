"""``--jobs auto`` (the default): how many processes a batch is checked with."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import run

from checker import batch
from checker.batch import auto_jobs

ROOT = Path(__file__).resolve().parents[1]
DEFECTS = ROOT / "samples" / "defects"


@pytest.mark.parametrize(("count", "cpus", "method", "expected"), [
    (7, 4, "fork", 1),  # too few documents to repay starting workers
    (8, 4, "fork", 2),  # no more workers than groups of four documents
    (15, 4, "fork", 3),
    (400, 4, "fork", 4),  # one per CPU
    (400, 1, "fork", 1),  # one CPU: never more than one process
    (99, 4, "spawn", 1),  # spawned workers import the checker again: worth it from 100 documents
    (100, 4, "spawn", 4),
    (100, 2, "forkserver", 2),
])
def test_auto_jobs_uses_the_cpus_only_for_a_batch_that_repays_starting_workers(
        count: int, cpus: int, method: str, expected: int) -> None:
    assert auto_jobs(count, cpus=cpus, start_method=method) == expected


@pytest.fixture
def eight(tmp_path: Path) -> Path:
    """Eight plans: the smallest batch ``--jobs auto`` checks in parallel where processes are forked."""
    inbox = tmp_path / "nop"
    inbox.mkdir()
    for i, name in enumerate(sorted(p.name for p in DEFECTS.glob("*.txt"))[:4]):
        shutil.copy(DEFECTS / name, inbox / f"{i}a-{name}")
        shutil.copy(DEFECTS / name, inbox / f"{i}b-{name}")
    assert len(list(inbox.iterdir())) == 8
    return inbox


@pytest.fixture
def workers(parallel_runs: list[tuple[int, list[str]]], monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, list[str]]]:
    """The batches checked in parallel (see conftest.parallel_runs), on a machine made to look like it has
    two CPUs, workers forked."""
    monkeypatch.setattr(batch, "available_cpus", lambda: 2)
    monkeypatch.setattr(batch.multiprocessing, "get_start_method", lambda allow_none=False: "fork")
    return parallel_runs


def test_by_default_a_batch_of_eight_is_checked_by_two_processes_with_the_same_report(
        eight: Path, workers: list[tuple[int, list[str]]]) -> None:
    code, auto, _ = run("check", str(eight), "--format", "json")
    assert workers == [(2, sorted(p.name for p in eight.iterdir()))]
    code1, one, _ = run("check", str(eight), "--format", "json", "--jobs", "1")
    assert len(workers) == 1  # --jobs 1: one process
    assert code == code1 == 1
    assert json.loads(auto) == json.loads(one)
    assert [Path(d["path"]).name for d in json.loads(auto)["documents"]] == sorted(p.name for p in eight.iterdir())


def test_a_smaller_batch_is_checked_in_one_process(eight: Path, workers: list[tuple[int, list[str]]]) -> None:
    next(eight.iterdir()).unlink()
    code, _, _ = run("check", str(eight), "--jobs", "auto")
    assert code == 1 and workers == []


@pytest.mark.parametrize("value", ["0", "-2", "two", "1.5"])
def test_jobs_must_be_a_positive_number_or_auto(eight: Path, value: str) -> None:
    code, _, err = run("check", str(eight), "--jobs", value)
    assert code == 2
    assert f"'{value}' không phải số tiến trình" in err and "is not a number of processes (1, 2, …) or auto" in err
