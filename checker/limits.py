"""Resource limits for untrusted input: every submission is treated as hostile until read.

A file over a limit is reported as ``input-too-large`` (a document that takes too long as
``time-limit``) for that file alone; the other documents of a batch are still checked. The limits in
force are a context variable: ``with using(Limits(...)):`` around reading (the batch does it for each
document, in each worker process), :func:`current` inside the readers.

Defaults are far above any real plan (the largest .docx of the corpus is ~300 KB, 900 paragraphs; its largest
part 0.7 MB and 21,000 XML elements; the longest paragraph of the corpus has 1,531 characters, the most
citations one plan makes 60, the most findings 17). Over a limit, the file is refused; over a *cap* (marked ✂)
it is still checked: what lies beyond the cap is left out, and a note of the report says so.

=====================  =========  ===========================================================================
key                    default    what it bounds
=====================  =========  ===========================================================================
``file-size``          50 MB      bytes of any input file
``docx-entries``       2000       entries in a .docx or .odt (ZIP) package
``docx-part-size``     10 MB      uncompressed size of each XML part of a .docx or .odt that is read (checked from the
                                  ZIP directory, then while inflating: a part that inflates past the size it
                                  declares is refused)
``docx-total-size``    300 MB     uncompressed size of all parts together, as the ZIP directory declares it
``docx-ratio``         200        compression ratio of a part over 1 MB (a zip bomb compresses ~1000:1)
``blocks``             100000     paragraphs and table cells of one document
``pdf-pages``          500        pages of a PDF
``xml-elements``       200000     ✂ elements read from one XML part of a .docx or .odt (empty paragraphs count too)
``block-chars``        50000      ✂ characters of one paragraph or cell
``citations``          1000       ✂ citations of other documents read from one document
``findings-per-rule``  200        ✂ findings of one rule on one document
``findings``           1000       ✂ findings on one document (the most severe are kept)
``memory``             1 GB       memory (address space) the process checking a document may take beyond what
                                  it held before (enforced on Linux, ``RLIMIT_AS``; 0: no limit)
``timeout``            120 s      reading, extracting and checking one document (0: no limit); the process
                                  checking it is stopped a little after, even inside C code
=====================  =========  ===========================================================================

XML is parsed without entity expansion, DTD loading or network access, and with libxml2's own bounds
(depth 256, text nodes 10 MB) left on (``huge_tree=False``); these are not configurable.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace
from typing import Any

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    file_size: int = 50 * MB
    docx_entries: int = 2000
    docx_part_size: int = 10 * MB
    docx_total_size: int = 300 * MB
    docx_ratio: int = 200
    blocks: int = 100_000
    pdf_pages: int = 500
    xml_elements: int = 200_000
    block_chars: int = 50_000
    citations: int = 1000
    findings_per_rule: int = 200
    findings: int = 1000
    memory: int = 1024 * MB
    timeout: float = 120.0

    def with_settings(self, settings: list[str]) -> Limits:
        """A copy with ``key=value`` settings applied (``file-size=20MB``, ``timeout=30``); ValueError
        names the setting that is wrong."""
        changes: dict[str, Any] = {}
        known = {f.name.replace("_", "-"): f for f in fields(self)}
        for setting in settings:
            key, sep, value = setting.partition("=")
            field = known.get(key.strip())
            if not sep or field is None:
                raise ValueError(f"'{setting}': expected KEY=VALUE with KEY one of {', '.join(known)}")
            changes[field.name] = _number(value.strip(), setting, seconds=field.name == "timeout")
        return replace(self, **changes)


_SIZE = re.compile(r"^(\d+(?:\.\d+)?)\s*(kb|mb|gb|k|m|g|s)?$", re.IGNORECASE)
_UNITS = {"k": 1024, "kb": 1024, "m": MB, "mb": MB, "g": 1024 * MB, "gb": 1024 * MB}


def _number(value: str, setting: str, seconds: bool) -> float | int:
    m = _SIZE.match(value)
    if not m:
        raise ValueError(f"'{setting}': '{value}' is not a number (sizes may end in KB, MB or GB)")
    unit = (m.group(2) or "").lower()
    if seconds:
        if unit not in ("", "s"):
            raise ValueError(f"'{setting}': a time is given in seconds")
        return float(m.group(1))
    if unit == "s":
        raise ValueError(f"'{setting}': seconds are only for timeout")
    return int(float(m.group(1)) * _UNITS.get(unit, 1))


_current: ContextVar[Limits] = ContextVar("plancheck_limits", default=Limits())  # noqa: B039 (frozen)


def current() -> Limits:
    """The limits in force for the document being read."""
    return _current.get()


@contextmanager
def using(limits: Limits) -> Iterator[Limits]:
    token = _current.set(limits)
    try:
        yield limits
    finally:
        _current.reset(token)


class TimeLimit(BaseException):
    """Raised inside the work on a document when its time is up (see :func:`deadline`). A BaseException,
    like KeyboardInterrupt, so that the readers' catch-alls for damaged files do not swallow it."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"more than {seconds:g} s")
        self.seconds = seconds


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`TimeLimit` in this thread after ``seconds`` (a real-time alarm). Only the main thread
    of a process can take signals: elsewhere, and with ``seconds <= 0``, no limit applies."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expired(_signum: int, _frame: object) -> None:
        raise TimeLimit(seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def cap_note(what_vi: str, what_en: str, key: str) -> str:
    """The note of a document on which the cap ``key`` was reached: what was left out, in Vietnamese then in
    English (in brackets, as every note of a report), with the setting that changes the cap."""
    return f"{what_vi} (đổi bằng --limit {key}=…) ({what_en}; change it with --limit {key}=…)"
