"""Findings and reports: what checking a plan produces. Formatters read only these.

A finding can be *accepted*: waived by an entry of a waivers file (``Finding.waiver``) or already
known from a baseline (``Finding.baseline``). Accepted findings stay in the report, marked, so a reader
sees what was accepted and why; they do not count for the exit code (:meth:`Report.worst`).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.model.document import Location
from checker.model.plan import Plan

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}


class Waiver(BaseModel):
    """The waivers-file entry that accepted a finding: why, who, until when, and where it is written."""

    model_config = ConfigDict(frozen=True)

    reason: str
    accepted_by: str
    expires: date | None = Field(None, description="Last day the waiver applies; None for no end.")
    source: str = Field(description="The waivers file, as given.")
    index: int = Field(description="Position of the entry in the file's 'waivers' list, counted from 1.")


class Finding(BaseModel):
    """One problem found by one rule. Immutable; the engine stamps ``rule`` and ``severity``."""

    model_config = ConfigDict(frozen=True)

    rule: str
    code: str = Field(description="Which case of the rule's kind fired, e.g. 'parent-not-cited'.")
    severity: Severity
    message: str
    suggestion: str | None = None
    location: Location | None = Field(None, description="None for document-wide findings.")
    evidence: str | None = Field(None, description="The quoted original text.")
    waiver: Waiver | None = Field(None, description="Set when a waiver accepts this finding.")
    baseline: bool = Field(False, description="True when the finding was already in the baseline (--baseline).")
    ocr: bool = Field(False, description="True when the finding rests on text read by OCR (a scanned page, or "
                      "document-wide in a document with scanned pages): look twice.")

    @property
    def accepted(self) -> bool:
        """True when a waiver or the baseline accepts the finding: it does not count for the exit code."""
        return self.waiver is not None or self.baseline


class Evidence(BaseModel):
    model_config = ConfigDict(frozen=True)

    quote: str
    phrase: str
    location: Location


class ThemeCoverage(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    label: str
    covered: bool
    only_in_purpose: bool = False
    evidence: list[Evidence] = Field(default_factory=list)
    required: bool = Field(True, description="False when the theme applies only from a later year (since) than "
                           "the plan's: not covering it is then no finding.")
    since: int | None = Field(None, description="The first year whose plans must cover the theme; None for every year.")
    introduced_by: str | None = Field(None, description="The guidance that asked for the theme, when the pack says.")
    reported_with: str | None = Field(None, description="For a theme not covered whose finding another rule "
                                      "reports (the same subject: a shared phrase), the id of that rule's theme.")


class DocumentReport(BaseModel):
    path: str
    status: Literal["checked", "unreadable"]
    error: str | None = None
    pack: str | None = None
    plan: Plan | None = None
    findings: list[Finding] = Field(default_factory=list)
    themes: list[ThemeCoverage] = Field(default_factory=list)
    rules: list[str] = Field(default_factory=list, description="Ids of the rules that ran on this document "
                             "(not those a 'when:' condition or the is-plan gate left out).")

    def count(self, severity: str, *, include_accepted: bool = True) -> int:
        """Findings of ``severity``; with ``include_accepted=False`` only those not waived or in the baseline."""
        return sum(1 for f in self.findings if f.severity == severity and (include_accepted or not f.accepted))

    def verdict(self) -> Literal["passed", "failed", "unreadable"]:
        """``unreadable``, else ``failed`` when an error counts (not waived, not in the baseline), else ``passed``."""
        if self.status != "checked":
            return "unreadable"
        return "failed" if self.count("error", include_accepted=False) else "passed"


class RuleInfo(BaseModel):
    """Metadata of a rule that ran, so reports can explain it."""

    id: str
    kind: str
    severity: str
    summary: str


class WaiverProblem(BaseModel):
    """A waivers-file entry that did nothing: it has expired (and so waived nothing) or matched no finding."""

    model_config = ConfigDict(frozen=True)

    code: Literal["expired", "unused"]
    source: str = Field(description="The waivers file, as given.")
    index: int = Field(description="Position of the entry in the file's 'waivers' list, counted from 1.")
    rule: str
    document: str
    expires: date | None = None
    message: str


class BaselineSummary(BaseModel):
    """How the findings compare with a baseline (``--baseline``) and what was written (``--write-baseline``)."""

    path: str | None = Field(None, description="The baseline compared against; None when one was only written.")
    known: int = Field(0, description="Findings that were in the baseline.")
    new: int = Field(0, description="Findings not in the baseline and not waived: the ones that count.")
    fixed: int = Field(0, description="Baseline findings that no longer occur.")
    written: str | None = Field(None, description="The baseline file written by this run, if any.")
    recorded: int = Field(0, description="Findings recorded in the written baseline.")


class ExpectedUnit(BaseModel):
    """A unit expected to submit (``--expect``) and the documents matched to it (none: it has not submitted)."""

    unit: str
    documents: list[str] = Field(default_factory=list)


REPORT_SCHEMA = "https://plancheck.example/schemas/report.schema.json"
"""The ``$id`` of ``schemas/report.schema.json``, which a JSON report names as its ``$schema``."""
REPORT_FORMAT = 1
"""The version of the JSON report's format: raised when a field is renamed or removed or changes meaning
(adding a field keeps it)."""


class Report(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    schema_url: str = Field(REPORT_SCHEMA, alias="$schema", description="The JSON Schema the report follows.")
    format_version: int = Field(REPORT_FORMAT, description="The version of this format (see REPORT_FORMAT).")
    tool: str = "plancheck"
    version: str
    lang: Literal["vi", "en"] = "vi"
    documents: list[DocumentReport] = Field(default_factory=list)
    rules: list[RuleInfo] = Field(default_factory=list)
    waiver_problems: list[WaiverProblem] = Field(
        default_factory=list, description="Waivers that expired or matched no finding (--waivers).")
    baseline: BaselineSummary | None = None
    expected: list[ExpectedUnit] = Field(
        default_factory=list, description="Units expected to submit (--expect) and what each submitted.")
    expected_groups: list[str] = Field(
        default_factory=list, description="Groups the parent directive tells to submit that name no unit "
        "(--expect parent: 'Các huyện ủy, thị ủy'); they are not counted: list their units in a --expect file.")
    skipped: list[str] = Field(
        default_factory=list, description="Files found in the folders checked and left out: editors' lock files "
        "(~$x.docx, .~lock.x.docx#), hidden files and files in hidden folders (.git/).")
    excluded: list[str] = Field(
        default_factory=list, description="Files found in the folders checked and left out by --exclude / "
        "--extend-exclude patterns (default: *.checked.docx) or by a .gitignore file.")

    def worst(self, *, include_accepted: bool = False) -> int:
        """Rank of the worst severity found (0 when nothing was found).

        Findings accepted by a waiver or the baseline are left out unless ``include_accepted``; a
        report to which no waivers or baseline were applied has none, so this is every finding. An
        expected unit (``--expect``) that submitted nothing counts as an error.
        """
        ranks = [SEVERITY_RANK[f.severity] for d in self.documents for f in d.findings
                 if include_accepted or not f.accepted]
        if any(not unit.documents for unit in self.expected):
            ranks.append(SEVERITY_RANK["error"])  # an expected unit that sent nothing fails the batch
        return max(ranks, default=0)
