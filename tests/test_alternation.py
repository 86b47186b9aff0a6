"""The longest-first alternation every word list of the grammar is matched with."""

import re

from checker.text.alternation import longest_first


def test_a_longer_word_wins_over_its_prefix_whatever_the_order_given():
    pattern = re.compile(longest_first(["triển khai", "triển khai thực hiện", "theo"]))
    assert pattern.match("triển khai thực hiện Kế hoạch").group(0) == "triển khai thực hiện"
    assert pattern.match("triển khai Kế hoạch").group(0) == "triển khai"


def test_words_are_matched_literally_and_once():
    source = longest_first(["KT.", "T/M", "KT.", "(a)"])
    assert source.count("KT") == 1
    assert re.fullmatch(source, "(a)") and re.fullmatch(source, "KT.")
    assert not re.fullmatch(source, "KTX") and not re.fullmatch(source, "a")
