"""The phrase search shared by covers_themes, handed_down and phrase: the word index must never hide a
block a phrase matches, and evidence comes in reading order, first phrase first."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.kinds.base import phrase_pattern
from checker.kinds.search import BlockIndex, block_index, find_evidence
from checker.model.document import Block
from checker.model.plan import Plan
from checker.text.normalize import fold


def plan_of(texts: list[str], part: str = "content") -> Plan:
    blocks = [Block(index=i, text=t, line=i + 1) for i, t in enumerate(texts)]
    return Plan(path="p.txt", format="txt", blocks=blocks, block_parts=[part] * len(blocks),
                block_sections=[["II."]] * len(blocks))


def test_candidates_are_the_blocks_holding_every_word_of_the_phrase():
    index = BlockIndex.of(plan_of([
        "Tuyên truyền về chủ quyền BIỂN, ĐẢO Việt Nam.",
        "Biển Đông và các đảo.",
        "Bảo vệ biển; giữ đảo",
        "Hoà bình, hữu nghị",
    ]))
    assert index.candidates("biển, đảo") == [0, 1, 2]
    assert index.candidates("hòa bình") == [3]  # old-style tone placement folds to the new
    assert index.candidates("Trường Sa") == []
    assert index.candidates("—") is None  # no word at all: every block is a candidate


def test_evidence_is_in_reading_order_with_the_first_phrase_given_per_block():
    plan = plan_of([
        "Mục đích chung.",
        "Tuyên truyền về chủ quyền biển, đảo và Biển Đông.",
        "Phòng Văn hóa và Thông tin chủ trì.",
        "Quảng bá Biển Đông.",
    ])
    found = find_evidence(plan, ["Biển Đông", "chủ quyền"], {"content"}, 5)
    assert [(e.phrase, e.location.line) for e in found] == [("Biển Đông", 2), ("Biển Đông", 4)]
    assert [e.phrase for e in find_evidence(plan, ["chủ quyền", "Biển Đông"], {"content"}, 1)] == ["chủ quyền"]
    # A theme word inside a body's name is no evidence; parts outside those asked are not searched.
    assert find_evidence(plan, ["văn hóa"], {"content"}, 3) == []
    assert find_evidence(plan, ["Biển Đông"], {"purpose"}, 3) == []


def test_the_index_is_rebuilt_for_another_plan():
    first, second = plan_of(["biển đảo"]), plan_of(["nhân quyền"])
    assert block_index(first).candidates("biển đảo") == [0]
    assert block_index(second).candidates("biển đảo") == []
    assert block_index(second) is block_index(second)


WORDS = ["biển", "đảo", "Biển", "ĐẢO", "hoà", "hòa", "bình", "covid-19", "v.v", "chủ", "quyền", "biểnđảo", "đ"]
GLUE = [" ", "  ", ", ", "-", ".", "\n", "/", "(", ")", "", "_", "1"]


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GLUE)), max_size=8)
                   .map(lambda pairs: "".join(w + g for w, g in pairs)), min_size=1, max_size=5),
    phrase=st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
)
def test_no_block_a_phrase_matches_is_left_out_of_its_candidates(texts, phrase):
    index = BlockIndex.of(plan_of(texts))
    candidates = index.candidates(phrase)
    matching = [i for i, text in enumerate(texts) if phrase_pattern(phrase).search(fold(text))]
    assert candidates is None or set(matching) <= set(candidates)
