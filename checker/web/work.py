"""The work behind one upload, run in a worker process: check the file, and annotate it when readable.

It runs with the same protections as ``plancheck check`` (limits, the per-document time limit, a bad
file becoming an ``unreadable`` report), in a process of its own so a hostile file cannot stall or crash
the server. The file is read from the private temporary folder the server made for this request.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from checker import batch
from checker.limits import Limits, deadline, using
from checker.model.report import DocumentReport


@dataclass
class Outcome:
    report: DocumentReport  # its path is the name the user gave the file, not the temporary one
    annotated: bytes | None  # the .docx with comments, when the file was readable


def check_upload(path: str, name: str, rules: str | None, parent: str | None, lang: str, limits: Limits) -> Outcome:
    """Check the uploaded file at ``path`` (shown as ``name``) and make its annotated copy."""
    batch._start(batch.Job(rules=rules, parent=parent, lang=lang, limits=limits))
    report = batch.check_one(path)
    annotated = None
    if report.status == "checked":
        from checker.annotate import AnnotateError, annotate
        from checker.read.errors import ReadError

        with tempfile.TemporaryDirectory(prefix="plancheck-") as folder:
            out = Path(folder) / "checked.docx"
            try:
                with using(limits), deadline(limits.timeout):
                    annotate(report, out, lang)
                annotated = out.read_bytes()
            except (AnnotateError, ReadError):
                annotated = None  # the report is still shown; only the download is missing
    # The user sees the name they gave the file, never the server's temporary path (the report's and its plan's).
    update: dict[str, object] = {"path": name}
    if report.plan is not None:
        update["plan"] = report.plan.model_copy(update={"path": name})
    if report.error:
        update["error"] = report.error.replace(path, name)
        update["findings"] = [f.model_copy(update={"message": f.message.replace(path, name)})
                              for f in report.findings]
    return Outcome(report.model_copy(update=update), annotated)
