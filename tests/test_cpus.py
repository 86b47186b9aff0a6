"""The CPUs ``--jobs auto`` counts: the process's affinity, bounded by CPU quotas on its cgroups."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.cpus import available_cpus, quotas

ALLOWED = len(os.sched_getaffinity(0))


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_a_quota_on_a_cgroup_above_the_process_counts(tmp_path: Path) -> None:
    """cgroup v2 without a namespace (a systemd slice): the process sits deep in the tree; the tightest
    quota on the way up to the root bounds it."""
    cgroups = tree(tmp_path / "fs", {
        "cpu.max": "max 100000\n",
        "system.slice/cpu.max": "300000 100000\n",  # 3 CPUs for the slice
        "system.slice/ci.service/cpu.max": "max 100000\n",
    })
    membership = tree(tmp_path, {"cgroup": "0::/system.slice/ci.service\n"}) / "cgroup"
    assert list(quotas(cgroups, membership)) == [3]
    assert available_cpus(cgroups, membership) == min(ALLOWED, 3)


def test_cgroup_v1_quota_and_period(tmp_path: Path) -> None:
    cgroups = tree(tmp_path / "fs", {"cpu/docker/abc/cpu.cfs_quota_us": "150000\n",
                                     "cpu/docker/abc/cpu.cfs_period_us": "100000\n",
                                     "cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"})
    membership = tree(tmp_path, {"cgroup": "12:pids:/docker/abc\n4:cpu,cpuacct:/docker/abc\n0::/\n"}) / "cgroup"
    assert list(quotas(cgroups, membership)) == [2]  # 1.5 CPUs: two processes, each busy part of the time


def test_in_a_cgroup_namespace_the_root_is_the_containers_own_group(tmp_path: Path) -> None:
    cgroups = tree(tmp_path / "fs", {"cpu.max": "100000 100000\n"})
    membership = tree(tmp_path, {"cgroup": "0::/\n"}) / "cgroup"
    assert available_cpus(cgroups, membership) == 1


@pytest.mark.parametrize("text", ["max 100000\n", "lots\n", "", "0 100000\n", "100000 0\n"])
def test_no_quota_or_an_unreadable_one_leaves_the_cpus_the_process_may_run_on(tmp_path: Path, text: str) -> None:
    cgroups = tree(tmp_path / "fs", {"cpu.max": text})
    membership = tree(tmp_path, {"cgroup": "0::/\n"}) / "cgroup"
    assert available_cpus(cgroups, membership) == ALLOWED


def test_no_cgroups_at_all(tmp_path: Path) -> None:
    assert available_cpus(tmp_path / "none", tmp_path / "no-membership") == ALLOWED
    assert list(quotas(tmp_path / "none", tmp_path / "no-membership")) == []
