"""Waivers: findings a person has looked at and accepted, listed in a YAML file (``--waivers FILE``).

A waived finding is not hidden: the report keeps it, with the waiver attached (``Finding.waiver``),
and it does not count for the exit code. A waiver that has expired waives nothing; it, and a waiver
that matched no finding, are reported in ``Report.waiver_problems`` (at the end of the text report)
so that the file does not rot. Waiver problems do not change the exit code by themselves: the
findings of an expired waiver count again, which is what fails the run.

The file (validated by ``schemas/waivers.schema.json``; unknown keys are errors)::

    waivers:
      - rule: assigns-tasks                      # the rule id, as printed in the report
        document: samples/defects/task-without-unit.txt   # a path, a file name, or 45/KH-UBND
        evidence: "Theo dõi, tổng hợp"           # optional: a substring, or /a regex/
        reason: Nhiệm vụ 6 do Ban Chỉ huy Quân sự huyện chủ trì theo Quyết định riêng.
        accepted_by: Nguyễn Văn A
        expires: 2026-12-31                      # optional: the last day the waiver applies

Matching, for each finding of each document:

* ``rule`` equals the finding's rule id;
* ``document`` names the document: either a path, which matches when it equals the report path
  or its last components (``task-without-unit.txt``, ``defects/task-without-unit.txt``) after
  normalising separators, ``.`` and Unicode, or when both name the same file; or a number-symbol
  (``45/KH-UBND``), compared canonically with the plan's own number-symbol, so ``45/kh-ubnd`` and
  ``45 / KH-UBND`` match too;
* ``evidence``, when given, is found in the finding's quoted evidence or in its message: a plain
  text is a substring compared after folding (case, dashes, quotes, spaces, old-style tones); a text
  written ``/like this/`` is a Python regular expression searched in the original text (add ``(?i)``
  to ignore case).

When several waivers match one finding, the first in the file is attached; each of them counts as
used. Entries are numbered from 1 in every message ("waiver 2" is the second entry).
"""

from __future__ import annotations

import difflib
import json
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.engine.errors import ProblemsError, read_yaml
from checker.model.plan import NumberSymbol, Plan
from checker.model.report import DocumentReport, Finding, Report, Waiver, WaiverProblem
from checker.resources import schemas_dir
from checker.text.normalize import squash
from checker.text.symbols import parse_symbol, same_document

if TYPE_CHECKING:
    import jsonschema


class WaiverError(ProblemsError):
    """A waivers file that cannot be used; ``problems`` lists every reason, each naming the file and entry."""


@dataclass(frozen=True)
class WaiverEntry:
    """One validated entry of a waivers file."""

    source: str
    index: int  # counted from 1
    rule: str
    document: str
    reason: str
    accepted_by: str
    expires: date | None = None
    evidence: str | None = None

    @property
    def symbol(self) -> NumberSymbol | None:
        """The document as a number-symbol, when it is written as one (in any case: ``45/kh-ubnd``)."""
        return parse_symbol(self.document) or parse_symbol(self.document.upper())

    def expired(self, today: date) -> bool:
        """True when the last day the waiver applies is before ``today``."""
        return self.expires is not None and self.expires < today

    def names(self, doc: DocumentReport) -> bool:
        """True when ``document`` names this document (by path or by number-symbol)."""
        return _same_path(self.document, doc.path) or _same_symbol(self.symbol, doc.plan)

    def matches(self, finding: Finding) -> bool:
        """True when the rule and the evidence pattern (if any) match; the document is checked by :meth:`names`."""
        if finding.rule != self.rule:
            return False
        if self.evidence is None:
            return True
        texts = [t for t in (finding.evidence, finding.message) if t]
        regex = _regex(self.evidence)
        if regex is not None:
            return any(regex.search(unicodedata.normalize("NFC", t)) for t in texts)
        wanted = squash(unicodedata.normalize("NFC", self.evidence))
        return any(wanted in squash(unicodedata.normalize("NFC", t)) for t in texts)

    def as_waiver(self) -> Waiver:
        return Waiver(reason=self.reason, accepted_by=self.accepted_by, expires=self.expires,
                      source=self.source, index=self.index)


def _regex(pattern: str) -> re.Pattern[str] | None:
    """The compiled regular expression of ``/…/``, or None for a plain substring."""
    if len(pattern) > 2 and pattern.startswith("/") and pattern.endswith("/"):
        return re.compile(pattern[1:-1])
    return None


def _normal_path(path: str) -> str:
    return posixpath.normpath(unicodedata.normalize("NFC", path).replace("\\", "/"))


def _same_path(wanted: str, actual: str) -> bool:
    """``wanted`` equals ``actual`` or its last components, or both name the same existing file."""
    left, right = _normal_path(wanted), _normal_path(actual)
    if left == right:
        return True
    parts = left.split("/")
    if not left.startswith("/") and ".." not in parts and right.split("/")[-len(parts):] == parts:
        return True
    try:
        return Path(wanted).exists() and Path(wanted).resolve() == Path(actual).resolve()
    except OSError:
        return False


def _same_symbol(symbol: NumberSymbol | None, plan: Plan | None) -> bool:
    if symbol is None or plan is None:
        return False
    own = plan.symbol_parts or (parse_symbol(plan.number_symbol) if plan.number_symbol else None)
    return own is not None and same_document(symbol, own)


# --- loading -------------------------------------------------------------------------------------------


@cache
def _schema() -> dict[str, Any]:
    with open(schemas_dir() / "waivers.schema.json", encoding="utf-8") as handle:
        return json.load(handle)


def _dates_as_text(data: Any) -> None:
    """YAML reads ``expires: 2026-12-31`` as a date; the schema checks text, so write it back as text."""
    entries = data.get("waivers") if isinstance(data, dict) else None
    for entry in entries if isinstance(entries, list) else ():
        value = entry.get("expires") if isinstance(entry, dict) else None
        if isinstance(value, date):  # a datetime gives "…T10:00:00", which the pattern rejects
            entry["expires"] = value.isoformat()


def _where(path: list[str | int]) -> str:
    if len(path) >= 2 and path[0] == "waivers" and isinstance(path[1], int):
        where = f"waiver {path[1] + 1}"
        return where + (f", key '{'.'.join(str(p) for p in path[2:])}'" if len(path) > 2 else "")
    return "key '" + ".".join(str(p) for p in path) + "'" if path else "top level"


_PATTERN_HELP = {
    "expires": "must be a date written YYYY-MM-DD, e.g. 2026-12-31",
    "rule": "must be a rule id such as assigns-tasks (lower case, words joined by '-')",
}


def _explain(source: str, error: jsonschema.ValidationError) -> list[str]:
    """Problems in words that name the file, the entry and the key, and say what is allowed."""
    path = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(error.schema.get("properties", {}))
        out = []
        for key in sorted(set(error.instance) - set(allowed), key=str):
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            out.append(f"{source}: {_where([*path, str(key)])}: unknown key (allowed keys: {', '.join(allowed)}){hint}")
        return out
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = [k for k in error.validator_value if k not in error.instance]
        return [f"{source}: {_where([*path, k])}: is required" for k in missing]
    if error.validator == "pattern" and path and path[-1] in _PATTERN_HELP:
        return [f"{source}: {_where(path)}: {error.instance!r} {_PATTERN_HELP[str(path[-1])]}"]
    return [f"{source}: {_where(path)}: {error.message}"]


def load_waivers(path: str | Path) -> list[WaiverEntry]:
    """Read and fully validate a waivers file; raises :class:`WaiverError` listing every problem."""
    source = str(path)
    data = read_yaml(path, "the waivers file", WaiverError)
    if not isinstance(data, dict):
        raise WaiverError([f"{source}: a waivers file must be a YAML mapping with 'waivers:' (a list)"])
    _dates_as_text(data)
    import jsonschema  # lazy: only when a file is validated

    errors = sorted(jsonschema.Draft202012Validator(_schema()).iter_errors(data), key=lambda e: list(map(str, e.path)))
    problems = [line for e in errors for line in _explain(source, e)]
    entries: list[WaiverEntry] = []
    if not problems:
        for number, item in enumerate(data["waivers"], start=1):
            where = f"{source}: waiver {number}"
            expires = None
            if item.get("expires") is not None:
                try:
                    expires = date.fromisoformat(item["expires"])
                except ValueError:
                    problems.append(f"{where}, key 'expires': {item['expires']!r} is not a date that exists")
            evidence = item.get("evidence")
            if evidence is not None:
                try:
                    _regex(evidence)
                except re.error as exc:
                    problems.append(f"{where}, key 'evidence': not a valid regular expression ({exc})")
            entries.append(WaiverEntry(source=source, index=number, rule=item["rule"], document=item["document"],
                                       reason=item["reason"], accepted_by=item["accepted_by"], expires=expires,
                                       evidence=evidence))
    if problems:
        raise WaiverError(list(dict.fromkeys(problems)))
    return entries


# --- applying ------------------------------------------------------------------------------------------


def _problem(entry: WaiverEntry, code: str, lang: str, checked: bool = True) -> WaiverProblem:
    what = f"({entry.rule}, {entry.document})"
    if code == "expired":
        assert entry.expires is not None
        message = (f"Waiver {entry.index} in {entry.source} expired on {entry.expires.isoformat()} {what}: "
                   "its findings count again; renew or remove it."
                   if lang == "en" else
                   f"Mục chấp nhận {entry.index} trong {entry.source} đã hết hạn ngày {entry.expires:%d/%m/%Y} "
                   f"{what}: các phát hiện của mục này được tính lại; gia hạn hoặc xóa mục này.")
    elif checked:
        message = (f"Waiver {entry.index} in {entry.source} matched no finding {what}; remove it if the problem "
                   "was fixed." if lang == "en" else
                   f"Mục chấp nhận {entry.index} trong {entry.source} không khớp phát hiện nào {what}; "
                   "xóa mục này nếu vấn đề đã được sửa.")
    else:
        message = (f"Waiver {entry.index} in {entry.source} matched no finding: no document checked is "
                   f"'{entry.document}' (by path, file name or number-symbol)." if lang == "en" else
                   f"Mục chấp nhận {entry.index} trong {entry.source} không khớp phát hiện nào: không văn bản nào "
                   f"được kiểm tra là '{entry.document}' (theo đường dẫn, tên tệp hoặc số, ký hiệu).")
    return WaiverProblem(code="expired" if code == "expired" else "unused", source=entry.source, index=entry.index,
                         rule=entry.rule, document=entry.document, expires=entry.expires, message=message)


def apply_waivers(report: Report, waivers: list[WaiverEntry], today: date) -> Report:
    """A copy of ``report`` whose matched findings carry their waiver, with the waivers' problems added.

    ``today`` decides which waivers have expired (pass it explicitly so that results do not depend on
    the day they are computed). A finding that already has a waiver keeps it.
    """
    active = [w for w in waivers if not w.expired(today)]
    used: set[tuple[str, int]] = set()
    named: set[tuple[str, int]] = set()
    documents: list[DocumentReport] = []
    for doc in report.documents:
        candidates = [w for w in active if w.names(doc)]
        named.update((w.source, w.index) for w in candidates)
        findings: list[Finding] = []
        for finding in doc.findings:
            matching = [w for w in candidates if w.matches(finding)]
            used.update((w.source, w.index) for w in matching)
            if matching and finding.waiver is None:
                finding = finding.model_copy(update={"waiver": matching[0].as_waiver()})
            findings.append(finding)
        documents.append(doc.model_copy(update={"findings": findings}))
    problems = []
    for entry in waivers:
        key = (entry.source, entry.index)
        if entry.expired(today):
            problems.append(_problem(entry, "expired", report.lang))
        elif key not in used:
            problems.append(_problem(entry, "unused", report.lang, checked=key in named))
    return report.model_copy(update={"documents": documents, "waiver_problems": [*report.waiver_problems, *problems]})
