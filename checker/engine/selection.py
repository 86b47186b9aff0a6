"""Choosing which rules run: ``--select``, ``--extend-select`` and ``--ignore``, as ruff does.

Each is a list of rule ids or prefixes of them (``cites`` is ``cites-parent``; ``covers`` is every
``covers-…`` rule). A rule runs when ``select`` (every rule when it is empty) or ``extend-select`` names
it and ``ignore`` does not; when both name it, the more specific (the longer) wins, so ``--ignore covers
--select covers-parent-themes`` runs that one rule of the family. A document that cannot be read is
reported whatever is selected (``readable`` is no rule of a pack).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def _longest(selectors: tuple[str, ...], rule_id: str) -> int:
    """Length of the longest selector that is ``rule_id`` or a prefix of it (-1: none)."""
    return max((len(s) for s in selectors if rule_id.startswith(s)), default=-1)


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    @property
    def everything(self) -> bool:
        return not (self.select or self.ignore)

    def runs(self, rule_id: str) -> bool:
        """Whether the rule runs: selected, and not ignored by a selector as specific or more."""
        picked = _longest(self.select + self.extend_select, rule_id)
        if picked < 0 and not self.select:
            picked = 0  # every rule is selected when nothing is, less specifically than any selector
        if picked < 0:
            return False
        return picked > _longest(self.ignore, rule_id)

    def unknown(self, rule_ids: Iterable[str]) -> list[str]:
        """Selectors that name no rule of ``rule_ids`` (a typo)."""
        ids = list(rule_ids)
        return [s for s in dict.fromkeys(self.select + self.extend_select + self.ignore)
                if not any(i.startswith(s) for i in ids)]
