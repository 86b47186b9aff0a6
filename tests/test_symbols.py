"""Number-symbols: the forms of domain notes §2 (seeds and real-world noise), and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.text.symbols import AGENCY_CASE, TYPE_CODES, find_symbols, parse_symbol, same_document

# raw, canonical, system, number, type_code, agency, year, problems
EXAMPLES = [
    # Symbols seen in the seeds.
    ("93-HD/BTGTU", "93-HD/BTGTU", "party", "93", "HD", "BTGTU", None, []),
    ("97/HD-MTTW-BTT", "97/HD-MTTW-BTT", "state", "97", "HD", "MTTW-BTT", None, []),
    ("07-KH/BCĐ-TTĐN", "07-KH/BCĐ-TTĐN", "party", "07", "KH", "BCĐ-TTĐN", None, []),
    ("182-HD/BTGTW", "182-HD/BTGTW", "party", "182", "HD", "BTGTW", None, []),
    ("57-KL/TW", "57-KL/TW", "party", "57", "KL", "TW", None, []),
    ("368/QĐ-TTg", "368/QĐ-TTg", "state", "368", "QĐ", "TTg", None, []),
    ("36-NQ/TW", "36-NQ/TW", "party", "36", "NQ", "TW", None, []),
    ("16-KL/TW", "16-KL/TW", "party", "16", "KL", "TW", None, []),
    ("12-CT/TW", "12-CT/TW", "party", "12", "CT", "TW", None, []),
    ("12-KL/TW", "12-KL/TW", "party", "12", "KL", "TW", None, []),
    ("18-NQ/TW", "18-NQ/TW", "party", "18", "NQ", "TW", None, []),
    ("158/2024/QH15", "158/2024/QH15", "state", "158", None, "QH15", 2024, []),
    ("110-HD/BTGTU", "110-HD/BTGTU", "party", "110", "HD", "BTGTU", None, []),
    # The table of domain notes §2.
    ("44/KH-UBND", "44/KH-UBND", "state", "44", "KH", "UBND", None, []),
    ("72/2015/NĐ-CP", "72/2015/NĐ-CP", "state", "72", "NĐ", "CP", 2015, []),
    ("3616/BTTTT-TTĐN", "3616/BTTTT-TTĐN", "state", "3616", None, "BTTTT-TTĐN", None, []),
    ("357-CV/BTCTU", "357-CV/BTCTU", "party", "357", "CV", "BTCTU", None, []),
    ("31-QĐ/TW", "31-QĐ/TW", "party", "31", "QĐ", "TW", None, []),
    ("01/CTr-UBND", "01/CTr-UBND", "state", "01", "CTr", "UBND", None, []),
    # Real-world noise.
    ("1206 /QĐ-HVTC", "1206/QĐ-HVTC", "state", "1206", "QĐ", "HVTC", None, ["spaces"]),
    ("367 - QĐ/TW", "367-QĐ/TW", "party", "367", "QĐ", "TW", None, ["spaces"]),
    ("132- KL/TW", "132-KL/TW", "party", "132", "KL", "TW", None, ["spaces"]),
    ("368/QĐ-Ttg", "368/QĐ-TTg", "state", "368", "QĐ", "TTg", None, ["case"]),
    ("368/Qđ-TTg", "368/QĐ-TTg", "state", "368", "QĐ", "TTg", None, ["case"]),
    ("72/NĐ-CP", "72/NĐ-CP", "state", "72", "NĐ", "CP", None, ["missing-year"]),
    ("93–HD/BTGTU", "93-HD/BTGTU", "party", "93", "HD", "BTGTU", None, []),
    ("97/HD–MTTW–BTT", "97/HD-MTTW-BTT", "state", "97", "HD", "MTTW-BTT", None, []),
    ("368/QÐ-TTg", "368/QĐ-TTg", "state", "368", "QĐ", "TTg", None, ["eth"]),
    ("07-KH/BCÐ-TTÐN", "07-KH/BCĐ-TTĐN", "party", "07", "KH", "BCĐ-TTĐN", None, ["eth"]),
    ("/KH-UBND", "/KH-UBND", "state", None, "KH", "UBND", None, []),  # number left blank in a draft
    ("45/KH-UBND.", "45/KH-UBND", "state", "45", "KH", "UBND", None, []),  # sentence punctuation
]


@pytest.mark.parametrize(
    ("raw", "canonical", "system", "number", "type_code", "agency", "year", "problems"),
    EXAMPLES,
    ids=[e[0] for e in EXAMPLES],
)
def test_parse_symbol(raw, canonical, system, number, type_code, agency, year, problems):
    symbol = parse_symbol(raw)
    assert symbol is not None
    assert symbol.raw == raw
    assert (symbol.canonical, symbol.system, symbol.number, symbol.type_code, symbol.agency, symbol.year) == (
        canonical, system, number, type_code, agency, year
    )
    assert symbol.problems == problems


@pytest.mark.parametrize("text", ["12-2024/ABC", "2/3/lần", "TW", "ngày 15/02/2023", "93-HD", "Hướng dẫn số"])
def test_not_a_symbol(text):
    assert parse_symbol(text) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("368/QĐ-TTg", "368/QĐ-Ttg"),
        ("368/QĐ-TTg", "368/QÐ-TTg"),
        ("07-KH/BCĐ-TTĐN", "7-KH/BCĐ-TTĐN"),
        ("132-KL/TW", "132- KL/TW"),
        ("72/2015/NĐ-CP", "72/NĐ-CP"),  # a missing year does not make another document
    ],
)
def test_same_document(a, b):
    assert same_document(parse_symbol(a), parse_symbol(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("93-HD/BTGTU", "93-KH/BTGTU"),
        ("93-HD/BTGTU", "94-HD/BTGTU"),
        ("93-HD/BTGTU", "93-HD/BTGTW"),
        ("12-CT/TW", "12-KL/TW"),
        ("72/2015/NĐ-CP", "72/2016/NĐ-CP"),
    ],
)
def test_different_documents(a, b):
    assert not same_document(parse_symbol(a), parse_symbol(b))


def test_find_symbols_in_running_text_with_spans():
    text = "Thực hiện Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 và Quyết định 368/QĐ-TTg, tỷ lệ 2/3/lần."
    found = [(text[s:e], sym.canonical) for s, e, sym in find_symbols(text)]
    assert found == [("93-HD/BTGTU", "93-HD/BTGTU"), ("368/QĐ-TTg", "368/QĐ-TTg")]


# --- properties ---------------------------------------------------------------------------------

_CODES = sorted(TYPE_CODES.values())
_LETTERS = "ABCDEGHIKLMNOPQRSTUVXYĐ"
# Agency parts whose case is fixed by usage (TTg) would be "corrected" and change the canonical form.
_chunk = st.text(_LETTERS, min_size=1, max_size=6).filter(lambda c: AGENCY_CASE.get(c.upper(), c) == c)
_agency = st.lists(_chunk, min_size=1, max_size=2).map("-".join)
_number = st.integers(1, 9999).map(str)
_space = st.sampled_from(["", " "])
_dash = st.sampled_from(["-", "\u2013"])


@given(_number, st.sampled_from(_CODES), _agency)
def test_party_symbol_round_trips(number, code, agency):
    raw = f"{number}-{code}/{agency}"
    symbol = parse_symbol(raw)
    assert symbol is not None
    assert symbol.system == "party"
    assert symbol.canonical == raw
    assert symbol.key == (number, code.upper(), agency.upper())
    assert parse_symbol(symbol.canonical).key == symbol.key


@given(_number, st.sampled_from(_CODES), _agency)
def test_state_symbol_round_trips(number, code, agency):
    raw = f"{number}/{code}-{agency}"
    symbol = parse_symbol(raw)
    assert symbol is not None
    assert symbol.system == "state"
    assert symbol.canonical == raw
    assert symbol.key == (number, code.upper(), agency.upper())
    assert parse_symbol(symbol.canonical).key == symbol.key


@given(_number, st.sampled_from(_CODES), _agency, _space, _space, _space, _space, _dash)
def test_party_symbol_with_spaces_and_en_dashes(number, code, agency, s1, s2, s3, s4, dash):
    clean = parse_symbol(f"{number}-{code}/{agency}")
    noisy = parse_symbol(f"{number}{s1}{dash}{s2}{code}{s3}/{s4}{agency.replace('-', dash)}")
    assert noisy is not None
    assert (noisy.key, noisy.canonical) == (clean.key, clean.canonical)
    assert ("spaces" in noisy.problems) == bool(s1 + s2 + s3 + s4)


@given(_number, st.sampled_from(_CODES), _agency, _space, _space, _space, _space, _dash)
def test_state_symbol_with_spaces_and_en_dashes(number, code, agency, s1, s2, s3, s4, dash):
    clean = parse_symbol(f"{number}/{code}-{agency}")
    noisy = parse_symbol(f"{number}{s1}/{s2}{code}{s3}{dash}{s4}{agency.replace('-', dash)}")
    assert noisy is not None
    assert (noisy.key, noisy.canonical) == (clean.key, clean.canonical)
    assert ("spaces" in noisy.problems) == bool(s1 + s2 + s3 + s4)


@given(st.text())
def test_find_symbols_never_raises(text):
    for start, end, symbol in find_symbols(text):
        assert 0 <= start < end <= len(text)
        assert symbol.canonical
