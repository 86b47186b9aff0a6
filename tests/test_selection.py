"""--select / --extend-select / --ignore: rule ids or prefixes, the more specific winning."""

from __future__ import annotations

import pytest

from checker.engine.packs import load_pack
from checker.engine.selection import Selection

IDS = ["cites-parent", "covers-themes", "covers-parent-themes", "assigns-tasks", "vague-x"]


@pytest.mark.parametrize(("selection", "running"), [
    (Selection(), IDS),
    (Selection(select=("covers",)), ["covers-themes", "covers-parent-themes"]),
    (Selection(select=("covers",), extend_select=("cites-parent",)),
     ["cites-parent", "covers-themes", "covers-parent-themes"]),
    (Selection(ignore=("covers",)), ["cites-parent", "assigns-tasks", "vague-x"]),
    (Selection(select=("covers-parent-themes",), ignore=("covers",)), ["covers-parent-themes"]),
    (Selection(select=("covers",), ignore=("covers-themes",)), ["covers-parent-themes"]),
    (Selection(select=("covers",), ignore=("covers",)), []),
])
def test_which_rules_run(selection: Selection, running: list[str]) -> None:
    assert [i for i in IDS if selection.runs(i)] == running


def test_unknown_selectors_are_named() -> None:
    assert Selection(select=("covers", "cite-parent"), ignore=("vague",)).unknown(IDS) == ["cite-parent"]


def test_a_pack_keeps_only_the_selected_rules() -> None:
    pack = load_pack("ttdn")
    assert set(pack.selected(Selection(select=("has-",))).rules) == {r for r in pack.rules if r.startswith("has-")}
    assert "assigns-tasks" not in pack.selected(Selection(ignore=("assigns",))).rules
    assert pack.selected(Selection()) is pack
