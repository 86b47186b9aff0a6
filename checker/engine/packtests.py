"""Running the test cases a rule pack carries (``tests:``), like the examples of LanguageTool or textlint rules.

Each case is a short plan excerpt read as a .txt document, checked with the pack (or only the rules it
names), and compared with the findings it expects and forbids::

    tests:
      - name: task without a unit is caught
        text: |
          KẾ HOẠCH …
        expect: [{rule: assigns-tasks, code: task-without-unit}]
        forbid: [{rule: cites-parent}]
        only: [assigns-tasks, cites-parent]

An expectation matches a finding when the rule is equal and, where given, the code and severity are
equal and the message (Vietnamese or English, folded: case ignored) contains the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.engine.packs import Expectation, Pack, PackTest
from checker.engine.run import check_plan
from checker.extract import extract_plan
from checker.model.report import Finding
from checker.read.errors import ReadError
from checker.read.txt import read_txt_bytes
from checker.text.normalize import fold


@dataclass
class CaseResult:
    """The outcome of one test case; ``problems`` say what was missing or should not be there."""

    name: str
    source: str
    passed: bool
    problems: list[str] = field(default_factory=list)


def _describe(expectation: Expectation) -> str:
    parts = [f"{key}={value!r}" if key == "message" else f"{key}={value}"
             for key, value in vars(expectation).items() if value is not None]
    return "{" + ", ".join(parts) + "}" if parts else "{any finding}"


def _show(finding: Finding) -> str:
    return f"{finding.rule}/{finding.code} ({finding.severity}): {finding.message}"


def _matches(expectation: Expectation, finding: Finding, messages: tuple[str, str]) -> bool:
    if expectation.rule is not None and finding.rule != expectation.rule:
        return False
    if expectation.code is not None and finding.code != expectation.code:
        return False
    if expectation.severity is not None and finding.severity != expectation.severity:
        return False
    return expectation.message is None or any(fold(expectation.message) in fold(m) for m in messages)


def run_case(pack: Pack, case: PackTest, lang: str = "vi") -> CaseResult:
    """Check the case's text with ``pack`` and compare the findings with what the case expects.

    Only the rules of the pack that declares the case run (and of those, only the ``only`` ones).
    """
    wanted = set(case.rules if case.only is None else case.only)
    rules = {k: r for k, r in pack.rules.items() if k in wanted or not case.rules}
    restricted = Pack(pack.name, pack.path, rules)
    try:
        plan = extract_plan(read_txt_bytes(case.text.encode("utf-8"), f"<{case.name}>"))
    except ReadError as exc:
        return CaseResult(case.name, case.source, False, [f"the text cannot be read: {exc.message(lang)}"])
    # Findings in both languages, in the same order, so that a message can be expected in either.
    shown = check_plan(plan, restricted, lang).findings
    other = check_plan(plan, restricted, "en" if lang == "vi" else "vi").findings
    found = [(f, (f.message, o.message)) for f, o in zip(shown, other, strict=True)]
    listing = "; ".join(_show(f) for f in shown) or "no findings"
    problems = []
    for expectation in case.expect:
        count = sum(_matches(expectation, f, messages) for f, messages in found)
        if expectation.count is not None and count != expectation.count:
            problems.append(f"expected {expectation.count} finding(s) {_describe(expectation)}, got {count} "
                            f"(found: {listing})")
        elif expectation.count is None and count == 0:
            problems.append(f"missing expected finding {_describe(expectation)} (found: {listing})")
    for forbidden in case.forbid:
        for finding, messages in found:
            if _matches(forbidden, finding, messages):
                problems.append(f"forbidden finding {_describe(forbidden)} appeared: {_show(finding)}")
    return CaseResult(case.name, case.source, not problems, problems)


def run_pack_tests(pack: Pack, lang: str = "vi") -> list[CaseResult]:
    """Run every test case of ``pack`` (those of the packs it extends first)."""
    return [run_case(pack, case, lang) for case in pack.tests]
