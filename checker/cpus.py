"""How many CPUs this process may use: what ``--jobs auto`` starts one worker process per.

``os.cpu_count()`` counts the machine's cores; a process may be allowed fewer (its CPU affinity: ``taskset``,
a CPU set) and be given less time than its cores could run (a CPU quota: ``docker run --cpus 2``, a
Kubernetes CPU limit, a systemd ``CPUQuota``) — a quota on its control group or on any group above it.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from pathlib import Path

CGROUP = Path("/sys/fs/cgroup")
MEMBERSHIP = Path("/proc/self/cgroup")


def available_cpus(root: Path = CGROUP, membership: Path = MEMBERSHIP) -> int:
    """The CPUs this process may run on, bounded by the tightest CPU quota (rounded up) on its cgroup and
    the cgroups above it (cgroup v2 ``cpu.max``, v1 ``cpu.cfs_quota_us``/``cpu.cfs_period_us``)."""
    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux: no affinity, no cgroups
        return max(1, os.cpu_count() or 1)
    return max(1, min([count, *quotas(root, membership)]))


def quotas(root: Path = CGROUP, membership: Path = MEMBERSHIP) -> Iterator[int]:
    """The CPU quotas set on this process's cgroups and those above them, in CPUs (rounded up)."""
    v2, v1 = _paths(membership)
    for folder in _upwards(root, v2):
        yield from _quota(folder / "cpu.max", None)
    for folder in _upwards(root / "cpu", v1):
        yield from _quota(folder / "cpu.cfs_quota_us", folder / "cpu.cfs_period_us")


def _paths(membership: Path) -> tuple[str, str]:
    """This process's cgroup v2 path and cgroup v1 ``cpu`` controller path (``/`` when unknown or when
    a cgroup namespace shows the container's own group as the root)."""
    v2 = v1 = "/"
    try:
        lines = membership.read_text().splitlines()
    except OSError:
        return v2, v1
    for line in lines:
        _, controllers, path = (line.split(":", 2) + ["", ""])[:3]
        if controllers == "" and path:
            v2 = path
        elif "cpu" in controllers.split(","):
            v1 = path
    return v2, v1


def _upwards(root: Path, path: str) -> Iterator[Path]:
    """``root/path`` and every folder above it up to ``root``."""
    parts = [part for part in path.split("/") if part and part not in (".", "..")]
    for depth in range(len(parts), -1, -1):
        yield root.joinpath(*parts[:depth])


def _quota(quota_file: Path, period_file: Path | None) -> Iterator[int]:
    """The quota of one cgroup, when it sets one: v2 ``"200000 100000"`` (``"max …"``: none), v1 a quota and
    a period in two files (quota ``-1``: none)."""
    try:
        values = quota_file.read_text().split()
        if period_file is not None:
            values += period_file.read_text().split()
        quota, period = int(values[0]), int(values[1])
    except (OSError, ValueError, IndexError):  # no such file, "max", or something unexpected
        return
    if quota > 0 and period > 0:
        yield math.ceil(quota / period)
