"""The files a check reads: those named, and the documents found under the folders named.

A folder is walked for every file a reader handles (and the formats it does not handle yet, so that each is
reported as unreadable with its fix rather than skipped in silence), sorted, so that a run is deterministic.
Left out of a folder, and counted so that the report can say so:

* lock files an editor leaves beside an open document: Word's owner file ``~$ke-hoach.docx``, LibreOffice's
  ``.~lock.ke-hoach.docx#`` — they are no submission, and would be reported as unreadable plans;
* hidden files and everything in hidden folders (a name that starts with a dot, below the folder named:
  ``.git/``, ``.Trash/``, macOS's ``._ke-hoach.docx``).

A file named on the command line is checked whatever its name. Links to folders are not followed; a link to a
file outside the folder being checked is refused (a submission must not make plancheck read elsewhere).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from checker.read import NOT_YET_SUPPORTED, SUPPORTED
from checker.read.errors import ReadError

_WANTED = frozenset(SUPPORTED) | frozenset(NOT_YET_SUPPORTED)
_WORD_LOCK = "~$"
_OFFICE_LOCK = (".~lock.", "#")


@dataclass
class Inputs:
    """What a check reads (``files``, in order), the files refused without being opened, and the lock and hidden
    files found in folders and left out (``skipped``)."""

    files: list[Path] = field(default_factory=list)
    refused: dict[Path, ReadError] = field(default_factory=dict)
    skipped: list[Path] = field(default_factory=list)
    excluded: list[Path] = field(default_factory=list)  # left out by --exclude patterns or a .gitignore


def is_lock_file(name: str) -> bool:
    """``~$plan.docx`` (Word) or ``.~lock.plan.docx#`` (LibreOffice): an editor's mark that a document is open."""
    start, end = _OFFICE_LOCK
    return name.startswith(_WORD_LOCK) or (name.startswith(start) and name.endswith(end))


def _document_suffix(name: str) -> str:
    """The suffix of the document a file is or locks: ``.docx`` for ``plan.docx`` and ``.~lock.plan.docx#``."""
    start, end = _OFFICE_LOCK
    if name.startswith(start) and name.endswith(end):
        name = name[len(start): -len(end)]
    return PurePath(name).suffix.lower()


def is_hidden(relative: PurePath) -> bool:
    """Whether a path below a folder is hidden, or inside a hidden folder: one of its names starts with a dot."""
    return any(part.startswith(".") for part in relative.parts)


DEFAULT_EXCLUDE = ("*.checked.docx",)
"""Left out of folders unless ``--exclude`` replaces the list: plancheck's own annotated copies
(``--annotate``), which would otherwise be checked as submissions on the next run."""


@dataclass(frozen=True)
class Exclusion:
    """What a folder walk leaves out besides lock and hidden files: ``patterns`` (gitignore syntax, relative
    to the folder walked: ``nhap/``, ``*.bak.docx``, ``/cu/**``) and, unless ``gitignore`` is false, what the
    ``.gitignore`` files of the folder, its subfolders and its parents up to the repository's root say."""

    patterns: tuple[str, ...] = DEFAULT_EXCLUDE
    gitignore: bool = True


def _ignore_files(root: Path) -> list[Path]:
    """The .gitignore files that apply to a walk of ``root``: those above it up to the repository's root
    (the folder holding .git), then those inside it."""
    above = []
    for folder in (root, *root.parents):
        if folder != root and (folder / ".gitignore").is_file():
            above.append(folder / ".gitignore")
        if (folder / ".git").exists():
            break
    else:
        above = []  # not in a repository: a .gitignore above the folder says nothing about it
    inside = sorted(p for p in root.rglob(".gitignore") if p.is_file())
    return [*reversed(above), *inside]


def _ignored(root: Path, exclusion: Exclusion) -> Callable[[Path], bool]:
    import pathspec  # only for a folder walk

    own = pathspec.GitIgnoreSpec.from_lines(exclusion.patterns)
    specs: list[tuple[Path, Any]] = []
    if exclusion.gitignore:
        for path in _ignore_files(root):
            try:
                lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                continue
            specs.append((path.parent, pathspec.GitIgnoreSpec.from_lines(lines)))

    def ignored(candidate: Path) -> bool:
        if own.match_file(candidate.relative_to(root).as_posix()):
            return True
        absolute = candidate.resolve() if candidate.is_symlink() else candidate.absolute()
        for base, spec in specs:
            base = base.absolute()
            if absolute.is_relative_to(base) and spec.match_file(absolute.relative_to(base).as_posix()):
                return True
        return False

    return ignored


def collect(paths: Iterable[str], exclusion: Exclusion | None = None) -> Inputs:
    """The files a check of ``paths`` reads (see the module's docstring). A folder walk leaves out what
    ``exclusion`` says (the default: plancheck's annotated copies and what .gitignore files say); a file
    named is read whatever its name."""
    exclusion = exclusion or Exclusion()
    inputs = Inputs()
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            inputs.files.append(path)  # a missing or unsupported file becomes an "unreadable" report
            continue
        root = path.resolve()
        ignored = _ignored(path.absolute(), exclusion)
        for candidate in sorted(p for p in path.rglob("*") if _document_suffix(p.name) in _WANTED and not p.is_dir()):
            if is_lock_file(candidate.name) or is_hidden(candidate.relative_to(path)):
                inputs.skipped.append(candidate)
                continue
            if ignored(candidate.absolute() if not candidate.is_absolute() else candidate):
                inputs.excluded.append(candidate)
                continue
            inputs.files.append(candidate)
            if candidate.is_symlink() and not candidate.resolve().is_relative_to(root):
                inputs.refused[candidate] = ReadError(
                    str(candidate), f"liên kết (symlink) trỏ ra ngoài thư mục {raw}: không đọc",
                    f"a symbolic link pointing outside {raw}: not read", code="outside-folder")
    return inputs
