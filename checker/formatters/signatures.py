"""The digital signatures of a signed PDF, in the words of a report: one line per signature, the same in every
format (text, Markdown, HTML and the web page, JUnit, GitHub; SARIF and JSON carry the fields themselves).

``Nguyễn Văn An (Ủy ban nhân dân huyện Vạn Ninh), ký lúc 06/12/2025 11:24 UTC; nguyên vẹn; phủ toàn bộ tệp;
chưa kiểm tra chuỗi chứng thư`` — without ``--trust-roots`` a signature is never called valid.
"""

from __future__ import annotations

from checker.model.document import Signature
from checker.model.plan import Plan

LABEL = {"vi": "Chữ ký số", "en": "Digital signature"}

_WORDS = {
    "vi": {"at": "ký lúc", "intact": "nguyên vẹn", "broken": "KHÔNG nguyên vẹn", "whole": "phủ toàn bộ tệp",
           "not_whole": "không phủ toàn bộ tệp", "unchecked": "đã ký số, chưa kiểm tra chuỗi chứng thư",
           "trusted": "chuỗi chứng thư tin cậy", "untrusted": "chuỗi chứng thư KHÔNG tin cậy", "unknown": "không rõ"},
    "en": {"at": "signed", "intact": "intact", "broken": "NOT intact", "whole": "covers the whole file",
           "not_whole": "does not cover the whole file", "unchecked": "signed, chain not checked",
           "trusted": "trusted chain", "untrusted": "UNTRUSTED chain", "unknown": "unknown"},
}


def describe_signature(signature: Signature, lang: str) -> str:
    """One signature in a line: who, the organisation, when, intact, whole file, trust (and what is wrong)."""
    w = _WORDS["en" if lang == "en" else "vi"]
    who = signature.signer or signature.field or w["unknown"]
    if signature.organisation and signature.organisation != signature.signer:
        who += f" ({signature.organisation})"
    if signature.signed_at is not None:
        when = signature.signed_at.strftime("%Y-%m-%d %H:%M %Z" if lang == "en" else "%d/%m/%Y %H:%M %Z")
        who += f", {w['at']} {when.strip()}"
    trust = {None: w["unchecked"], True: w["trusted"], False: w["untrusted"]}[signature.trusted]
    parts = [who, w["intact"] if signature.intact else w["broken"],
             w["whole"] if signature.covers_whole else w["not_whole"], trust]
    parts += [text for text in (signature.modified_after, signature.problem) if text]
    return "; ".join(parts)


def signature_lines(plan: Plan | None, lang: str) -> list[str]:
    """A line for each digital signature of the plan's document (none for an unsigned one)."""
    return [describe_signature(s, lang) for s in plan.signatures] if plan is not None else []
