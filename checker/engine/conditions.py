"""Rule conditions (``when:``): a rule applies only to the plans that match.

One pack can then serve plans and guidance alike::

    rules:
      has-deadline:
        when: {doc_type: KH}                       # plans only, not guidance
      covers-themes:
        when: {title: "thông tin đối ngoại|ttđn"}  # regex on the folded title

All the keys given must match. ``doc_type`` is one code or a list (``[KH, CTr]``); ``not_doc_type`` the codes
a rule skips (``[CV, QĐ]``: a letter or decision has no plan parts); ``title`` and
``issuer`` are regular expressions matched (``re.search``) on folded text (lower case, ``uỷ`` → ``ủy``);
``format`` is one reader format or a list (``docx``, ``txt``, ``pdf``, ``html``, ``doc``, ``odt``, ``image``: a
scan read by OCR).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, field_validator

from checker.model.plan import Plan
from checker.text.normalize import fold


def _as_list(value: str | list[str] | None) -> list[str] | None:
    return [value] if isinstance(value, str) else value


def _codes(value: str | list[str] | None) -> set[str] | None:
    """Document type codes compared without regard to case (``kh`` is ``KH``)."""
    codes = _as_list(value)
    return None if codes is None else {c.upper() for c in codes}


class When(BaseModel):
    """The condition a rule's plan must meet; every key given must match."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doc_type: str | list[str] | None = None
    not_doc_type: str | list[str] | None = None
    title: str | None = None
    issuer: str | None = None
    format: str | list[str] | None = None

    @field_validator("title", "issuer")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(fold(value))
            except re.error as exc:
                raise ValueError(f"not a valid regular expression: {exc}") from exc
        return value

    def matches(self, plan: Plan) -> bool:
        code = (plan.doc_type or "").upper()
        types, skipped = _codes(self.doc_type), _codes(self.not_doc_type)
        if (types is not None and code not in types) or (skipped is not None and code in skipped):
            return False
        formats = _as_list(self.format)
        if formats is not None and plan.format not in formats:
            return False
        if self.title is not None and not re.search(fold(self.title), fold(plan.title or "")):
            return False
        return self.issuer is None or bool(re.search(fold(self.issuer), fold(plan.issuer or "")))
