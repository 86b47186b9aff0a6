"""Running a pack over plans: the only place that turns a kind's problems into findings.

The engine stamps each finding with the rule id and severity (the rule's, or the milder level
a kind gives a milder case), renders its message in the requested language, and never lets one
bad document stop the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from checker import __version__
from checker.engine.background import background
from checker.engine.packs import Pack, Rule, load_pack
from checker.kinds import KINDS
from checker.kinds.base import Coverage, Message, Problem
from checker.limits import cap_note, current
from checker.model.plan import Plan
from checker.model.report import SEVERITY_RANK, DocumentReport, Finding, Report, RuleInfo, ThemeCoverage
from checker.text.normalize import fold

TTDN_MARKERS = ("thông tin đối ngoại", "ttđn")


class _Defaults(dict[str, Any]):
    """Format arguments that leave an unknown ``{field}`` visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _localize(value: Any, lang: str) -> Any:
    if isinstance(value, dict) and set(value) == {"vi", "en"}:
        return value[lang]
    return value


def _render(template: str | None, args: dict[str, Any], lang: str) -> str | None:
    if not template:
        return None
    return template.format_map(_Defaults({k: _localize(v, lang) for k, v in args.items()}))


def _severity(rule: Rule, problem: Problem) -> str:
    if problem.level is None:
        return rule.severity
    return min(problem.level, rule.severity, key=lambda s: SEVERITY_RANK[s])


def _finding(rule: Rule, module: ModuleType, problem: Problem, lang: str) -> Finding:
    message: Message = module.MESSAGES[problem.code]
    override = rule.messages.get(problem.code)
    text = override[lang] if override else (message.en if lang == "en" else message.vi)
    fix = message.fix_en if lang == "en" else message.fix_vi
    return Finding(
        rule=rule.id,
        code=problem.code,
        severity=_severity(rule, problem),
        message=_render(text, problem.args, lang) or problem.code,
        suggestion=_render(fix, problem.args, lang),
        location=problem.location,
        evidence=problem.evidence,
    )


def choose_pack_name(plan: Plan) -> str:
    """The built-in pack for a plan: ``ttdn`` when its title is about foreign information."""
    subject = fold(" ".join(filter(None, [plan.title, plan.doc_type_name])))
    return "ttdn" if any(m in subject for m in TTDN_MARKERS) else "default"


def check_plan(plan: Plan, pack: Pack, lang: str = "vi") -> DocumentReport:
    """Run every rule of ``pack`` on ``plan``.

    When the pack has a rule that tells plans from other texts (a kind marked ``RUNS_ON_NON_PLANS``,
    such as ``is_plan``), a text that is not a plan gets only that rule's finding; a pack without
    such a rule checks every text as a plan. A thing two rules report is reported once (:func:`report_once`).
    Findings are capped (``findings-per-rule``, ``findings`` of :mod:`checker.limits`): past a cap the rest
    is left out, the most severe kept, and a note of the plan says so.
    """
    raised: list[Raised] = []
    coverage: list[tuple[str, Coverage]] = []
    ran: list[str] = []
    limits = current()
    crowded: list[str] = []  # rules that found more than findings-per-rule problems
    gated = any(getattr(KINDS[r.kind], "RUNS_ON_NON_PLANS", False) for r in pack.rules.values())
    for order, rule in enumerate(pack.rules.values()):
        module = KINDS[rule.kind]
        if gated and plan.doc_type is None and not getattr(module, "RUNS_ON_NON_PLANS", False):
            continue
        if rule.when is not None and not rule.when.matches(plan):
            continue
        ran.append(rule.id)
        found = 0
        for item in module.check(plan, rule.params):
            if isinstance(item, Coverage):
                coverage.append((rule.id, item))
            elif found < limits.findings_per_rule:
                found += 1
                raised.append(Raised(order, rule, module, item))
            elif not crowded or crowded[-1] != rule.id:
                crowded.append(rule.id)  # the kind goes on: its coverage of themes comes after its problems
    kept, stands_for = report_once(raised)
    findings = on_ocr_text([_finding(r.rule, r.module, r.problem, lang) for r in kept], plan)
    findings.sort(key=lambda f: (f.location.block if f.location else -1, -SEVERITY_RANK[f.severity], f.rule))
    notes = []
    if crowded:
        notes.append(cap_note(f"Quy tắc {', '.join(crowded)} có hơn {limits.findings_per_rule} phát hiện: chỉ báo "
                              f"{limits.findings_per_rule} phát hiện đầu tiên của mỗi quy tắc", f"{', '.join(crowded)} "
                              f"found more than {limits.findings_per_rule} problems: only the first "
                              f"{limits.findings_per_rule} of each rule are reported", "findings-per-rule"))
    if len(findings) > limits.findings:
        worst = sorted(range(len(findings)), key=lambda i: -SEVERITY_RANK[findings[i].severity])[:limits.findings]
        findings = [findings[i] for i in sorted(worst)]
        notes.append(cap_note(f"Văn bản có hơn {limits.findings} phát hiện: chỉ báo {limits.findings} phát hiện nặng "
                              "nhất", f"more than {limits.findings} findings: only the {limits.findings} most severe "
                              "are reported", "findings"))
    if notes:
        plan = plan.model_copy(update={"notes": [*plan.notes, *notes]})
    themes = [ThemeCoverage(id=item.id, label=item.label[lang], covered=item.covered,
                            only_in_purpose=item.only_in_purpose, evidence=list(item.evidence),
                            required=item.required, since=item.since, introduced_by=item.introduced_by,
                            reported_with=stands_for.get((rule_id, item.id)))
              for rule_id, item in coverage]
    return DocumentReport(path=plan.path, status="checked", pack=pack.name, plan=plan, findings=findings,
                          themes=themes, rules=ran)


def on_ocr_text(findings: list[Finding], plan: Plan) -> list[Finding]:
    """``findings`` with ``ocr`` set on those that rest on text read by OCR: located on a page read by OCR, or
    document-wide (no location, or a location with no page) in a document with any page read by OCR."""
    if plan.ocr is None:
        return findings
    pages = set(plan.ocr.pages)

    def rests_on_ocr(finding: Finding) -> bool:
        page = finding.location.page if finding.location is not None else None
        return page is None or page in pages

    return [f.model_copy(update={"ocr": True}) if rests_on_ocr(f) else f for f in findings]


@dataclass(frozen=True)
class Raised:
    """A problem with the rule that raised it; ``order`` is the rule's place in the pack."""

    order: int
    rule: Rule
    module: ModuleType
    problem: Problem


def report_once(raised: list[Raised]) -> tuple[list[Raised], dict[tuple[str, str], str]]:
    """The problems to report, in their order, and for each one left out (by rule id and subject id) the
    subject id of the problem that stands for it.

    Two problems of different rules are the same when their subjects are
    (:meth:`checker.kinds.base.Subject.same_as`: a theme of the TTĐN pack and a content item of the parent,
    ``--against``, both about «kiều bào»). The one kept is the more specific: one quoting the plan over a
    document-wide one, then the rule that comes later in the pack — a pack that extends another adds its
    rules after those it inherits, and refines them (the rules derived from the parent's own items extend
    the built-in pack). Problems of one rule never stand for each other, and a problem with no subject is
    always kept. A phrase common in ordinary plans («kinh phí», «địa bàn»: :mod:`checker.engine.background`)
    never makes two subjects the same.
    """
    generic = background().generic  # words plans on any subject use never make two subjects one
    ranked = sorted((r for r in raised if r.problem.subject is not None),
                    key=lambda r: (r.problem.evidence is not None, r.order), reverse=True)
    chosen: list[Raised] = []
    stands_for: dict[tuple[str, str], str] = {}
    for candidate in ranked:
        subject = candidate.problem.subject
        assert subject is not None
        same = next((c for c in chosen if c.rule.id != candidate.rule.id and c.problem.subject is not None
                     and c.problem.subject.same_as(subject, generic)), None)
        if same is None:
            chosen.append(candidate)
        else:
            assert same.problem.subject is not None
            stands_for[(candidate.rule.id, subject.id)] = same.problem.subject.id
    kept = {id(r) for r in chosen}
    return [r for r in raised if r.problem.subject is None or id(r) in kept], stands_for


def rule_infos(packs: list[Pack], lang: str) -> list[RuleInfo]:
    seen: dict[str, RuleInfo] = {}
    for pack in packs:
        for rule in pack.rules.values():
            seen.setdefault(rule.id, RuleInfo(id=rule.id, kind=rule.kind, severity=rule.severity,
                                              summary=rule.summary[lang]))
    return list(seen.values())


def make_report(documents: list[DocumentReport], packs: list[Pack], lang: str) -> Report:
    return Report(version=__version__, lang=lang, documents=documents,
                  rules=rule_infos(packs, lang))


def unreadable(path: str | Path, reason: str, code: str = "unreadable") -> DocumentReport:
    """The report of a file that could not be read: one error finding naming the problem (``code`` is
    ``unreadable``, ``input-too-large``, ``time-limit``, ``outside-folder`` or ``crashed``)."""
    return DocumentReport(
        path=str(path), status="unreadable", error=reason,
        findings=[Finding(rule="readable", code=code, severity="error", message=reason)],
    )


def resolve_pack(rules: str | Pack | None, plan: Plan) -> Pack:
    """The pack to use for ``plan``: the one given, or the built-in chosen from its subject."""
    if isinstance(rules, Pack):
        return rules
    return load_pack(rules or choose_pack_name(plan))
