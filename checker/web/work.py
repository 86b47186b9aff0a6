"""The work behind one upload, run in a worker process (:mod:`checker.web.workers`): check the file, annotate
it when readable and the page asked, and render the reply.

It runs with the same protections as ``plancheck check`` (limits, the per-document time limit, a bad
file becoming an ``unreadable`` report), in a process of its own so a hostile file cannot stall or crash
the server; the reply is rendered here too, bounded in size (:mod:`checker.web.render`), so that the
server only passes bytes on. The file is read from the private temporary folder the server made for
this request.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from checker import batch
from checker.limits import Limits, TimeLimit, deadline, using
from checker.model.report import DocumentReport
from checker.trust import Roots
from checker.web import render
from checker.workers import ceiling


@dataclass
class Outcome:
    report: DocumentReport  # its path is the name the user gave the file, not the temporary one
    annotated: bytes | None  # the .docx with comments, when the file was readable


@dataclass(frozen=True)
class Upload:
    """One upload to check: where the server put it, the name the user gave it, what they chose."""

    path: str
    name: str
    pack: str | None
    parent: str | None
    lang: str
    limits: Limits
    page: bool  # for the self-check page (with the annotated file), else for the JSON API
    size: int = render.RESPONSE_SIZE  # the largest reply
    trust_roots: Roots | None = None  # serve --trust-roots: the roots digital signatures must chain to


@dataclass(frozen=True)
class Reply:
    status: int
    media_type: str
    body: bytes


def respond(step: Callable[[], None], upload: Upload) -> Reply:
    """Check ``upload`` and render the reply; ``step()`` after checking and after annotating, each of which
    has the time limit (the server kills a worker that overruns a stage)."""
    outcome = check_upload(upload.path, upload.name, upload.pack, upload.parent, upload.lang, upload.limits,
                           with_annotated=upload.page, step=step, trust_roots=upload.trust_roots)
    step()
    if upload.page:
        body = render.page_body(outcome.report, upload.lang, outcome.annotated, upload.pack, upload.parent, upload.size)
        return Reply(200, "text/html; charset=utf-8", body)
    status = 200 if outcome.report.status == "checked" else 422
    return Reply(status, "application/json", render.json_body(outcome.report, upload.lang, upload.size))


def check_upload(path: str, name: str, rules: str | None, parent: str | None, lang: str, limits: Limits,
                 with_annotated: bool = True, step: Callable[[], None] = lambda: None,
                 trust_roots: Roots | None = None) -> Outcome:
    """Check the uploaded file at ``path`` (shown as ``name``) and make its annotated copy (``with_annotated``);
    ``step()`` between the two. ``trust_roots``: the trust store for digital signatures (None: not checked)."""
    batch._start(batch.Job(rules=rules, parent=parent, lang=lang, limits=limits, trust_roots=trust_roots))
    with ceiling(limits.memory):  # the memory limit, as for check: past it the upload is input-too-large
        report = batch.check_one(path)
    step()
    annotated = None
    if report.status == "checked" and with_annotated:
        from checker.annotate import AnnotateError, annotate
        from checker.read.errors import ReadError

        with tempfile.TemporaryDirectory(prefix="plancheck-") as folder:
            out = Path(folder) / "checked.docx"
            try:
                with using(limits), deadline(limits.timeout):
                    annotate(report, out, lang)
                annotated = out.read_bytes()
            except (AnnotateError, ReadError, TimeLimit):
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
