"""``check --cache DIR``: the report of a document checked before, taken from DIR instead of checked again.

A report is a function of the document's bytes and name, of the checker's code and data, of the rule packs
and of the options that change what is checked or kept; the key of a cached report is a SHA-256 of all of
them (:meth:`Cache.open` for everything but the document, :meth:`Cache.entry` for the document), so any
change to any of them is a miss, never a stale report. What goes into the key:

* the checker: the bytes of every file of the ``checker`` package and of the built-in rules folder (packs,
  directive registry), the versions of the libraries readers and models rely on, and Python's version;
* the job: the ``--rules`` pack as loaded (its rules, params, messages and conditions: what it extends and
  the data files it names included), ``--parent``, the bytes and name of the ``--against`` directive,
  ``--lang``, the limits, and how much of each plan the output needs (``Job.keep``);
* the document: its path as given (the report names it) and its bytes.

Only reports of documents read and checked to the end are stored: an unreadable document, one that timed
out or one that broke the checker is checked again next time (the cause may be the machine: memory, open
files, an optional library); .doc files are never cached, since their text comes from LibreOffice, whose
version is not part of the key. Entries are written atomically (a temporary file renamed), so parallel
workers and interrupted runs leave no half-written entry; an entry that cannot be read back as the report
of the document it is found for is a miss and is replaced. The folder is trusted (anyone who can write it
can put a report there that a key computed from public inputs finds): it belongs where only plancheck
writes. It is marked with a ``CACHEDIR.TAG`` (backup tools skip it) and only grows: delete it to start
afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
import tempfile
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING

from checker import __version__
from checker.model.report import DocumentReport
from checker.resources import rules_dir

if TYPE_CHECKING:
    from checker.batch import Job
    from checker.engine.packs import Pack

FORMAT = 1
"""Version of the cache's layout and key: a change makes every older entry a miss."""

#: Libraries whose version can change what is read or reported.
LIBRARIES = ("lxml", "pydantic", "pydantic-core", "pypdf", "pyhanko", "pyhanko-certvalidator", "cryptography",
             "charset-normalizer", "PyYAML")

TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
       "# This file is a cache directory tag created by plancheck (check --cache).\n"
       "# For information about cache directory tags see https://bford.info/cachedir/\n")

NOT_CACHED = frozenset({".doc"})


class CacheError(Exception):
    """The cache folder cannot be created or written."""


def tree_digest(folder: Path, digest: hashlib._Hash) -> None:
    """Add the relative path and bytes of every file under ``folder`` (compiled bytecode left out) to ``digest``."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")


def code_digest() -> str:
    """What the checker is: its code and data files, the built-in packs, the libraries it reads with."""
    digest = hashlib.sha256(f"plancheck {__version__} {FORMAT} {sys.version}".encode())
    tree_digest(Path(__file__).resolve().parent, digest)
    tree_digest(rules_dir(), digest)
    installed = _installed()
    for library in LIBRARIES:
        digest.update(f"{library} {installed.get(_normal(library)) or _version(library)}\0".encode())
    return digest.hexdigest()


def _normal(name: str) -> str:
    return name.lower().replace("_", "-")


def _installed() -> dict[str, str]:
    """Distribution → version, from the names of the ``NAME-VERSION.dist-info`` folders on the path (reading
    them through importlib.metadata would cost a tenth of a second)."""
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                distribution, _, version = name.removesuffix(".dist-info").partition("-")
                found.setdefault(_normal(distribution), version)
    return found


def _version(library: str) -> str:
    """The version of a library installed some other way (an .egg-info): through importlib.metadata."""
    from importlib import metadata

    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "-"


def pack_digest(pack: Pack) -> str:
    """The rules of a loaded pack, as the checks see them (what it extends and the files it names included)."""
    rules = [[rule.id, rule.kind, rule.severity, rule.summary, rule.messages, rule.params.model_dump(mode="json"),
              rule.when.model_dump(mode="json") if rule.when is not None else None]
             for rule in pack.rules.values()]  # in the pack's order: the order rules are run and reported in
    return hashlib.sha256(json.dumps([pack.name, rules], sort_keys=True, default=str).encode()).hexdigest()


@dataclass(frozen=True)
class Cache:
    """A cache folder and the key of everything a report depends on but the document (sent to workers)."""

    folder: Path
    key: str

    @classmethod
    def open(cls, folder: str | Path, job: Job) -> Cache:
        """The cache in ``folder`` (created, and marked, when missing) for documents checked as ``job`` says;
        :class:`CacheError` when the folder cannot be written."""
        from checker.engine.packs import load_pack

        folder = Path(folder)
        digest = hashlib.sha256(code_digest().encode())
        if job.rules:  # its name too: a pack derived from --against is named after the pack file
            digest.update(f"rules {job.rules}\0{pack_digest(load_pack(job.rules))}".encode())
        if job.against:
            digest.update(f"against {job.against}\0".encode())
            with open(job.against, "rb") as parent:
                digest.update(hashlib.file_digest(parent, "sha256").digest())
        options = {f.name: getattr(job, f.name) for f in fields(job) if f.name not in ("rules", "against", "cache")}
        # Every other field of the job (--parent, --lang, --limit, what the format keeps of each plan).
        digest.update(repr(sorted(options.items())).encode())
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tag = folder / "CACHEDIR.TAG"
            if not tag.exists():
                _write(tag, TAG.encode())
            with tempfile.TemporaryFile(dir=folder):
                pass  # the tag may be there from before: can a new file be written?
        except OSError as exc:
            raise CacheError(f"{folder}: {exc.strerror or exc}") from exc
        return cls(folder, digest.hexdigest())

    def entry(self, path: str, size_limit: int) -> Entry | None:
        """Where the report of the document at ``path``, as it is now, is kept; None for a document that is
        not cached (a .doc, anything but a regular file, a file that cannot be read or is over
        ``size_limit`` bytes: the reader reports those)."""
        if Path(path).suffix.lower() in NOT_CACHED:
            return None
        try:
            info = os.stat(path)
            if not stat.S_ISREG(info.st_mode) or info.st_size > size_limit:
                return None
            with open(path, "rb") as document:
                content = hashlib.file_digest(document, "sha256").hexdigest()
        except OSError:
            return None
        key = hashlib.sha256(f"{self.key}\0".encode() + os.fsencode(path) + f"\0{content}".encode()).hexdigest()
        return Entry(self.folder / key[:2] / f"{key[2:]}.json", path)


@dataclass(frozen=True)
class Entry:
    """The place of one document's report in the cache."""

    path: Path
    document: str  # the document's path, as the report names it

    def get(self) -> DocumentReport | None:
        """The report kept here; None when there is none, it does not read back as a report, or it is not
        the report of this document."""
        try:
            report = DocumentReport.model_validate_json(self.path.read_bytes())
        except (OSError, ValueError):
            return None
        return report if report.path == self.document and report.status == "checked" else None

    def put(self, report: DocumentReport) -> None:
        """Keep ``report`` here; a cache that cannot be written (a full disk) only costs the next run time."""
        try:
            self.path.parent.mkdir(exist_ok=True)
            _write(self.path, report.model_dump_json().encode())
        except (OSError, ValueError):  # ValueError: a file name that is not text cannot be written in JSON
            pass


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: another process reading it sees the whole file or none."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
