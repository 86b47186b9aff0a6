"""The pydantic models every layer shares: documents as read, plans as extracted, reports as checked."""

from checker.model.document import Block, Document, Location, Signature
from checker.model.plan import (
    Citation,
    DateValue,
    NumberSymbol,
    Plan,
    ReportingDuty,
    Section,
    Signer,
    StandardParts,
    Task,
)
from checker.model.report import DocumentReport, Evidence, Finding, Report, ThemeCoverage

__all__ = [
    "Block",
    "Citation",
    "DateValue",
    "Document",
    "DocumentReport",
    "Evidence",
    "Finding",
    "Location",
    "NumberSymbol",
    "Plan",
    "Report",
    "ReportingDuty",
    "Section",
    "Signature",
    "Signer",
    "StandardParts",
    "Task",
    "ThemeCoverage",
]
