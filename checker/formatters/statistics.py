"""``check --statistics``: how many findings each rule and case gave, most first, like ruff's.

::

      12  covers-themes     theme-missing      error
       3  assigns-tasks     vague-assignee     warning

Only findings that count (not accepted by a waiver or the baseline); the totals line ends it.
"""

from __future__ import annotations

from collections import Counter

from checker.formatters.view import WORDS, totals
from checker.model.report import Report
from checker.text.visible import visible


def render(report: Report) -> str:
    counts = Counter((f.rule, f.code or "", f.severity) for d in report.documents for f in d.findings
                     if not f.accepted)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width_rule = max((len(rule) for (rule, _c, _s), _n in rows), default=0)
    width_code = max((len(code) for (_r, code, _s), _n in rows), default=0)
    lines = [f"{n:6d}  {rule:<{width_rule}}  {code:<{width_code}}  {severity}" for (rule, code, severity), n in rows]
    lines.append(f"{WORDS[report.lang]['total']}: {totals(report)}")
    return "\n".join(map(visible, lines)) + "\n"


def totals_line(report: Report) -> str:
    """``--quiet``: the totals line alone."""
    return visible(f"{WORDS[report.lang]['total']}: {totals(report)}") + "\n"
