"""Findings and reports: what checking a plan produces. Formatters read only these."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.model.document import Location
from checker.model.plan import Plan

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}


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


class DocumentReport(BaseModel):
    path: str
    status: Literal["checked", "unreadable"]
    error: str | None = None
    pack: str | None = None
    plan: Plan | None = None
    findings: list[Finding] = Field(default_factory=list)
    themes: list[ThemeCoverage] = Field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


class RuleInfo(BaseModel):
    """Metadata of a rule that ran, so reports can explain it."""

    id: str
    kind: str
    severity: str
    summary: str


class Report(BaseModel):
    tool: str = "plancheck"
    version: str
    lang: Literal["vi", "en"] = "vi"
    documents: list[DocumentReport] = Field(default_factory=list)
    rules: list[RuleInfo] = Field(default_factory=list)

    def worst(self) -> int:
        """Rank of the worst severity found (0 when nothing was found)."""
        ranks = [SEVERITY_RANK[f.severity] for d in self.documents for f in d.findings]
        return max(ranks, default=0)
