"""Baselines: the findings a project already has, so that only new ones fail a run.

``--write-baseline FILE`` records a fingerprint of every current finding (except waived ones: a
waiver, with its reason and expiry, is the better record of those). ``--baseline FILE`` marks the
findings found in it ``baseline: true``; they stay in the report and do not count for the exit code,
and a recorded finding that no longer occurs is counted as fixed.

A fingerprint is the document, the plan's number-symbol, the rule id, the case (``code``) and the
SHA-256 of the finding's quoted evidence, folded (case, dashes, quotes, runs of spaces), or of its
message when it quotes nothing. The location is left out on purpose: moving a paragraph, or
adding one above it, does not make a finding new. Identical fingerprints are recorded once with a
``count``; the first ``count`` such findings are known, any more are new.

Documents are recorded by path relative to the current folder when they are under it (else as
given), so run plancheck from the same folder. A document whose path is not in the baseline, but
whose number-symbol is that of a recorded document not checked in this run, takes that document's
entries (the file was renamed or moved). Findings of recorded documents not checked in this run are
neither known nor fixed.

Messages are in the report's language, and a finding that quotes nothing is fingerprinted by its
message, so a baseline must be used with the ``--lang`` it was written with.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.engine.errors import ProblemsError
from checker.model.report import BaselineSummary, DocumentReport, Finding, Report
from checker.output import write_text
from checker.resources import schemas_dir
from checker.text.normalize import squash
from checker.text.symbols import parse_symbol, same_document

if TYPE_CHECKING:
    import jsonschema

FORMAT = 1


class BaselineError(ProblemsError):
    """A baseline that cannot be read or written; ``problems`` lists every reason, each naming the file."""


@dataclass(frozen=True, order=True)
class Entry:
    """One fingerprint of a baseline, with how many findings have it."""

    document: str
    number_symbol: str | None
    rule: str
    code: str
    hash: str
    count: int = 1


@dataclass
class Baseline:
    lang: str
    entries: list[Entry] = field(default_factory=list)

    def as_data(self) -> dict[str, Any]:
        return {"tool": "plancheck", "format": FORMAT, "lang": self.lang,
                "findings": [vars(e) for e in sorted(self.entries, key=lambda e: (e.document, e.rule, e.code, e.hash))]}


def fingerprint(finding: Finding) -> str:
    """SHA-256 (hex) of the folded evidence, or of the folded message when the finding quotes nothing."""
    text = finding.evidence if finding.evidence else finding.message
    return hashlib.sha256(squash(text).encode("utf-8")).hexdigest()


def document_key(path: str) -> str:
    """The path relative to the current folder when the document is under it, else the path as given."""
    here = Path(os.path.abspath(os.curdir))
    for candidate, base in ((Path(os.path.abspath(path)), here), (Path(path).resolve(), here.resolve())):
        try:
            return candidate.relative_to(base).as_posix()
        except ValueError:
            continue
    return path


def make_baseline(report: Report) -> Baseline:
    """The baseline of ``report``: a fingerprint of each finding that no waiver accepts."""
    counts: Counter[Entry] = Counter()
    for doc in report.documents:
        key = document_key(doc.path)
        symbol = doc.plan.number_symbol if doc.plan else None
        for finding in doc.findings:
            if finding.waiver is None:
                counts[Entry(key, symbol, finding.rule, finding.code, fingerprint(finding))] += 1
    entries = [Entry(e.document, e.number_symbol, e.rule, e.code, e.hash, n) for e, n in counts.items()]
    return Baseline(lang=report.lang, entries=entries)


@cache
def _schema() -> dict[str, Any]:
    with open(schemas_dir() / "baseline.schema.json", encoding="utf-8") as handle:
        return json.load(handle)


def _where(error: jsonschema.ValidationError) -> str:
    parts = list(error.absolute_path)
    if len(parts) >= 2 and parts[0] == "findings" and isinstance(parts[1], int):
        where = f"finding {parts[1] + 1}"
        return where + (f", key '{'.'.join(map(str, parts[2:]))}'" if len(parts) > 2 else "")
    return "key '" + ".".join(map(str, parts)) + "'" if parts else "top level"


def load_baseline(path: str | Path, lang: str | None = None) -> Baseline:
    """Read and validate a baseline; with ``lang``, it must have been written in that language."""
    source = str(path)
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as exc:
        raise BaselineError([f"{source}: cannot read the baseline ({exc.strerror or exc})"]) from exc
    except ValueError as exc:  # JSON syntax, or bytes that are not UTF-8
        raise BaselineError([f"{source}: not a baseline written by plancheck (not valid JSON: {exc})"]) from exc
    import jsonschema  # lazy: only when a file is validated

    errors = sorted(jsonschema.Draft202012Validator(_schema()).iter_errors(data), key=lambda e: list(map(str, e.path)))
    if errors:
        raise BaselineError(list(dict.fromkeys(f"{source}: {_where(e)}: {e.message}" for e in errors)))
    if lang is not None and data["lang"] != lang:
        raise BaselineError([f"{source}: the baseline was written with --lang {data['lang']}; check with "
                             f"--lang {data['lang']} (messages are part of the fingerprints) or write it again"])
    entries = [Entry(e["document"], e["number_symbol"], e["rule"], e["code"], e["hash"], e["count"])
               for e in data["findings"]]
    return Baseline(lang=data["lang"], entries=entries)


def write_baseline(baseline: Baseline, path: str | Path) -> None:
    """Write ``baseline`` as JSON to ``path`` (that file only); raises :class:`BaselineError` on failure."""
    text = json.dumps(baseline.as_data(), ensure_ascii=False, indent=2) + "\n"
    try:
        write_text(path, text)
    except OSError as exc:
        raise BaselineError([f"cannot write the baseline to {path}: {exc.strerror or exc}"]) from exc


def _entries_by_document(report: Report, baseline: Baseline) -> dict[int, list[Entry]]:
    """Position of each checked document → the baseline entries that belong to it."""
    recorded: dict[str, list[Entry]] = {}
    for entry in baseline.entries:
        recorded.setdefault(entry.document, []).append(entry)
    keys = [document_key(doc.path) for doc in report.documents]
    claimed: dict[int, list[Entry]] = {i: recorded[k] for i, k in enumerate(keys) if k in recorded}
    orphans = {k: v for k, v in recorded.items() if k not in set(keys)}
    for i, doc in enumerate(report.documents):
        own = parse_symbol(doc.plan.number_symbol) if doc.plan and doc.plan.number_symbol else None
        if i in claimed or own is None:
            continue
        for key, entries in list(orphans.items()):
            theirs = parse_symbol(entries[0].number_symbol) if entries[0].number_symbol else None
            if theirs is not None and same_document(own, theirs):
                claimed[i] = orphans.pop(key)  # renamed or moved: the same plan under another path
                break
    return claimed


def _mark(report: Report, baseline: Baseline) -> tuple[list[DocumentReport], int, int, int]:
    """Documents with known findings marked, and the numbers of known, new and fixed findings."""
    claimed = _entries_by_document(report, baseline)
    documents: list[DocumentReport] = []
    known = new = fixed = 0
    for i, doc in enumerate(report.documents):
        remaining: Counter[tuple[str, str, str]] = Counter()
        for entry in claimed.get(i, []):
            remaining[(entry.rule, entry.code, entry.hash)] += entry.count
        findings: list[Finding] = []
        for finding in doc.findings:
            key = (finding.rule, finding.code, fingerprint(finding))
            if remaining[key] > 0:
                remaining[key] -= 1
                known += 1
                finding = finding.model_copy(update={"baseline": True})
            elif finding.waiver is None:
                new += 1
            findings.append(finding)
        fixed += sum(remaining.values())
        documents.append(doc.model_copy(update={"findings": findings}))
    return documents, known, new, fixed


def apply_baseline(report: Report, baseline: Baseline, source: str) -> Report:
    """A copy of ``report`` whose findings recorded in ``baseline`` (read from ``source``) are marked."""
    documents, known, new, fixed = _mark(report, baseline)
    summary = BaselineSummary(path=source, known=known, new=new, fixed=fixed)
    return report.model_copy(update={"documents": documents, "baseline": summary})


def accept_written(report: Report, baseline: Baseline, written: str) -> Report:
    """After ``--write-baseline``: the findings just recorded are accepted for this run too.

    A comparison with an earlier baseline (``--baseline``), if any, is kept in the summary.
    """
    documents, _known, _new, _fixed = _mark(report, baseline)
    summary = report.baseline or BaselineSummary()
    summary = summary.model_copy(update={"written": written, "recorded": sum(e.count for e in baseline.entries)})
    return report.model_copy(update={"documents": documents, "baseline": summary})
