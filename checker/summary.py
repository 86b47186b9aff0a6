"""The batch summary: one row per document (and per expected unit that sent nothing), for a spreadsheet.

``plancheck check DIR --summary FILE.csv|FILE.json`` writes it; the rows are validated by a pandera
schema before anything is written, and the file is written as every output is (:mod:`checker.output`). The
expected units (``--expect``, see :mod:`checker.expected`) that sent nothing get a row each.

A spreadsheet program reads a CSV cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return) as a formula: a file name or a unit written ``=HYPERLINK(…)`` would run as one when a reviewer opens
the summary. Such CSV cells are written with a leading ``'`` (OWASP's advice for CSV injection), which
spreadsheet programs show as text; the JSON summary keeps every value as it is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.model.report import DocumentReport, Report
from checker.output import write_text

COLUMNS = ("path", "unit", "number_symbol", "date", "status", "errors", "warnings", "infos", "accepted",
           "failed_rules", "verdict", "ocr_confidence", "signed_by")
STATUSES = ("checked", "unreadable", "missing")
VERDICTS = ("passed", "failed", "unreadable", "missing")
#: What starts a formula in a spreadsheet cell (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class SummaryError(Exception):
    """The summary cannot be written; the message names the file."""


def _unit(document: DocumentReport) -> str | None:
    return document.plan.unit_name if document.plan is not None else None


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
        # a scan: the mean confidence of the words read by OCR (the reviewer looks twice at a low one)
        "ocr_confidence": plan.ocr.confidence if plan and plan.ocr else None,
        # a signed PDF: who signed it, as the certificates name them (its integrity is the signature rules')
        "signed_by": ";".join(dict.fromkeys(s.signer for s in plan.signatures if s.signer)) or None if plan else None,
    }


def rows(report: Report) -> list[dict[str, Any]]:
    """A row per document, then a row per expected unit that submitted nothing."""
    out = [row(d) for d in report.documents]
    for unit in report.expected:
        if not unit.documents:
            out.append({"path": None, "unit": unit.unit, "number_symbol": None, "date": None, "status": "missing",
                        "errors": 0, "warnings": 0, "infos": 0, "accepted": 0, "failed_rules": "",
                        "verdict": "missing", "ocr_confidence": None, "signed_by": None})
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
            "ocr_confidence": pa.Column(float, pa.Check.in_range(0, 100), nullable=True),
            "signed_by": text,
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
    frame["ocr_confidence"] = frame["ocr_confidence"].astype("float64")
    frame = frame.astype({c: object for c in ("path", "unit", "number_symbol", "date", "signed_by")})
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
        # Rows end in CR LF (RFC 4180): a cell holding a carriage return is then quoted by every Python (3.11
        # and 3.12 leave it bare when rows end in LF alone, and a spreadsheet starts a new row there).
        text = frame.map(as_text_cell).to_csv(index=False, lineterminator="\r\n")
        _write(out, text, "utf-8-sig")
    else:
        _write(out, json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return len(data)


def as_text_cell(value: Any) -> Any:
    """``value`` as a spreadsheet will show it as text: a string that would start a formula gets a leading ``'``;
    anything else is left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _write(out: Path, text: str, encoding: str) -> None:
    try:
        write_text(out, text, encoding)
    except OSError as exc:
        raise SummaryError(f"{out}: cannot write the summary / không ghi được tệp tổng hợp: "
                           f"{exc.strerror or exc}") from exc
