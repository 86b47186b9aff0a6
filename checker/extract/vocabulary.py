"""Words of the document grammar that several extraction steps recognise (domain notes §2, §3).

Kept in one place so that the header, the basis clause, citations and tasks agree on them:

* :data:`BASIS_VERB` — the verbs that introduce what a plan is based on: *Căn cứ …*, *Thực hiện …*,
  *Triển khai (thực hiện) …*, *Tiếp tục thực hiện …*, *Thi hành …*, *Theo …*. It is regex source for
  folded (lower-case) text, without word boundaries, so each user sets its own anchors.
* :data:`AUTHORITY` — the signature authority that opens a signature block: state ``TM.``, ``KT.``,
  ``TL.``, ``TUQ.``, ``Q.``; party ``T/M``, ``K/T``, ``T/L`` (matched on the text as written).
"""

from __future__ import annotations

import re

from checker.text.alternation import longest_first

_BASIS_VERBS = (
    "căn cứ", "thực hiện", "triển khai thực hiện", "triển khai", "tiếp tục thực hiện", "tiếp tục triển khai",
    "thi hành", "theo",
)
#: Regex source (no group, no anchors) matching one basis verb in folded text; longest first.
BASIS_VERB = "(?:" + longest_first(_BASIS_VERBS) + ")"

#: The signature authority at the start of a line, as written: ``T/M BAN THƯỜNG VỤ``, ``KT. CHỦ TỊCH``.
AUTHORITY = re.compile(r"^(?:T/M|K/T|T/L|TM\s*\.|KT\s*\.|TL\s*\.|TUQ\s*\.|Q\s*\.)")
