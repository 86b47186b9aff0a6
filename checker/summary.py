"""The batch summary: one row per document (and per expected unit that sent nothing), for a spreadsheet.

``plancheck check DIR --summary FILE.csv|FILE.json`` writes it; the rows are validated by a pandera
schema before anything is written, and the file is written to a temporary name then renamed. The
expected units (``--expect UNITS.txt``, or the recipients of the ``--against`` parent) are matched
against each plan's issuer loosely (case, diacritics, ``UBND`` = ``Ủy ban nhân dân``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from checker.extract.units import starts_with_unit
from checker.model.report import DocumentReport, ExpectedUnit, Report
from checker.output import write_text
from checker.text.names import loose_name

COLUMNS = ("path", "unit", "number_symbol", "date", "status", "errors", "warnings", "infos", "accepted",
           "failed_rules", "verdict")
STATUSES = ("checked", "unreadable", "missing")
VERDICTS = ("passed", "failed", "unreadable", "missing")


class SummaryError(Exception):
    """The summary cannot be written or the units file cannot be read; the message names the file."""


def _unit(document: DocumentReport) -> str | None:
    plan = document.plan
    if plan is None:
        return None
    return plan.issuer or plan.issuing_body


def row(document: DocumentReport) -> dict[str, Any]:
    """The summary row of one document."""
    counted = [f for f in document.findings if not f.accepted]
    counts = {s: document.count(s, include_accepted=False) for s in ("error", "warning", "info")}
    plan = document.plan
    return {
        "path": document.path,
        "unit": _unit(document),
        "number_symbol": plan.number_symbol if plan else None,
        "date": plan.date.isoformat() if plan and plan.date else None,
        "status": document.status,
        "errors": counts["error"],
        "warnings": counts["warning"],
        "infos": counts["info"],
        "accepted": sum(f.accepted for f in document.findings),
        "failed_rules": ";".join(sorted({f.rule for f in counted if f.severity in ("error", "warning")})),
        "verdict": document.verdict(),
    }


def rows(report: Report) -> list[dict[str, Any]]:
    """A row per document, then a row per expected unit that submitted nothing."""
    out = [row(d) for d in report.documents]
    for unit in report.expected:
        if not unit.documents:
            out.append({"path": None, "unit": unit.unit, "number_symbol": None, "date": None, "status": "missing",
                        "errors": 0, "warnings": 0, "infos": 0, "accepted": 0, "failed_rules": "",
                        "verdict": "missing"})
    return out


def _schema() -> Any:
    import pandera.pandas as pa  # heavy (pandas): only when a summary is written

    text = pa.Column(str, nullable=True)
    count = pa.Column(int, pa.Check.ge(0))
    return pa.DataFrameSchema(
        {
            "path": text,
            "unit": text,
            "number_symbol": text,
            "date": pa.Column(str, pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$"), nullable=True),
            "status": pa.Column(str, pa.Check.isin(STATUSES)),
            "errors": count, "warnings": count, "infos": count, "accepted": count,
            "failed_rules": pa.Column(str),
            "verdict": pa.Column(str, pa.Check.isin(VERDICTS)),
        },
        checks=[pa.Check(lambda df: (df["status"] == "missing") | df["path"].notna(), name="path-present")],
        strict=True, ordered=True,
    )


def validated(data: list[dict[str, Any]]) -> Any:
    """The rows as a pandas DataFrame checked by the summary schema (raises pandera's SchemaError)."""
    import pandas as pd

    frame = pd.DataFrame(data, columns=list(COLUMNS))
    for column in ("errors", "warnings", "infos", "accepted"):
        frame[column] = frame[column].astype("int64")
    frame = frame.astype({c: object for c in ("path", "unit", "number_symbol", "date")})
    frame = frame.where(frame.notna(), None)
    return _schema().validate(frame)


def write_summary(report: Report, output: str | Path) -> int:
    """Write the summary of ``report`` as CSV (UTF-8 with BOM, for spreadsheet programs) or JSON, chosen
    by the extension; returns the number of rows."""
    out = Path(output)
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".json"):
        raise SummaryError(f"{out}: the summary must be a .csv or .json file / tệp tổng hợp phải là .csv hoặc .json")
    data = rows(report)
    frame = validated(data)
    if suffix == ".csv":
        text = frame.to_csv(index=False, lineterminator="\n")
        _write(out, text, "utf-8-sig")
    else:
        _write(out, json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return len(data)


def _write(out: Path, text: str, encoding: str) -> None:
    try:
        write_text(out, text, encoding)
    except OSError as exc:
        raise SummaryError(f"{out}: cannot write the summary / không ghi được tệp tổng hợp: "
                           f"{exc.strerror or exc}") from exc


# --- Expected units ------------------------------------------------------------------------------------------

_NOT_A_UNIT = re.compile(r"^(?:lưu|như trên|như kính gửi)\b|\b(?:để\s+)?(?:b/c|báo cáo|biết|t/h)\)?\s*$", re.I)
_CLASS = re.compile(r"^(?:các|những|mọi)\s", re.I)


def read_units(path: str | Path) -> list[str]:
    """Units expected to submit: one per line; blank lines and lines starting with ``#`` are skipped."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SummaryError(f"{path}: cannot read the list of units / không đọc được danh sách đơn vị: {exc}") from exc
    units = [line.strip().lstrip("-•*").strip().rstrip(";,.").strip() for line in text.splitlines()]
    return [u for u in units if u and not u.startswith("#")]


def units_from_recipients(recipients: Iterable[str]) -> tuple[list[str], list[str]]:
    """The *Nơi nhận* of a parent directive as expected units, and the entries left out: filing copies
    (``Lưu VT``), bodies informed or reported to (``(để b/c)``), and classes of bodies (``Các huyện ủy``)
    that name no one unit."""
    units, skipped = [], []
    for entry in recipients:
        name = entry.strip().lstrip("-•*").strip().rstrip(";,.").strip()
        if not name:
            continue
        if _NOT_A_UNIT.search(name) or _CLASS.match(name) or re.search(r"\bcác\b", name, re.I):
            skipped.append(name)
            continue
        # "Báo Sóc Trăng, Đài Phát thanh và Truyền hình Sóc Trăng": two units on one line.
        pieces = [p.strip() for p in name.split(",")]
        if len(pieces) > 1 and all(p[:1].isupper() and starts_with_unit(p) for p in pieces):
            units.extend(pieces)
        else:
            units.append(name)
    return units, skipped


def match_units(units: list[str], documents: list[DocumentReport]) -> list[ExpectedUnit]:
    """Which documents each expected unit submitted (by the plan's issuer, or a path naming the unit)."""
    out = []
    for unit in units:
        found = []
        for document in documents:
            issuer = loose_name(_unit(document))
            wanted = loose_name(unit)
            # The header names the unit ("ỦY BAN NHÂN DÂN HUYỆN VẠN NINH"); a short issuer ("Ban Thường trực")
            # inside a longer unit name only counts when it says enough to tell units apart.
            by_issuer = bool(issuer) and (f" {wanted} " in f" {issuer} "
                                          or (len(issuer.split()) >= 4 and f" {issuer} " in f" {wanted} "))
            by_name = loose_name(unit) in loose_name(Path(document.path).stem.replace("-", " ").replace("_", " "))
            if by_issuer or by_name:
                found.append(document.path)
        out.append(ExpectedUnit(unit=unit, documents=found))
    return out
