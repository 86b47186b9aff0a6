"""Numbered citations in running text: where the issuer ends, and what the type words say about the symbol."""

from __future__ import annotations

import pytest

from checker.extract.citations import find_citations
from checker.model.document import Block
from checker.model.plan import Citation


def cites(text: str) -> list[Citation]:
    return list(find_citations(Block(index=0, text=text)))


@pytest.mark.parametrize(("text", "issuer"), [
    # corpus 020: " và " goes on with a lower-case word or with another document
    ("Thực hiện Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị và các chỉ thị, nghị quyết có liên quan;",
     "Bộ Chính trị"),
    ("theo Quyết định số 7619/QĐ-BCA ngày 08/9/2025 của Bộ trưởng Bộ Công an và Kế hoạch này, các Sở tổ chức",
     "Bộ trưởng Bộ Công an"),
    # corpus 001, 022: another numbered document; corpus 017: a part of one; corpus 018: "và của …"
    ("Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ và Chỉ thị số 23/CT-TTg ngày 02/9/2021", "Chính phủ"),
    ("Nghị quyết số 101/2025/UBTVQH15 của Uỷ ban Thường vụ Quốc hội và Chương II của Nghị quyết liên tịch",
     "Uỷ ban Thường vụ Quốc hội"),
    ("Thông tri số 05/TT-MTTW-BTT, ngày 04/11/2025 của Ủy ban Trung ương MTTQ Việt Nam và của Ban Thường trực",
     "Ủy ban Trung ương MTTQ Việt Nam"),
    # a body named with "và", and a joint issuer: what follows " và " is capitalised
    ("Hướng dẫn số 20-HD/BTGDVTU, ngày 22/9/2025 của Ban Tuyên giáo và Dân vận Tỉnh uỷ Quảng Ninh;",
     "Ban Tuyên giáo và Dân vận Tỉnh uỷ Quảng Ninh"),
    ("Kế hoạch số 12-KH/TU ngày 05/3/2024 của Ban Thường vụ Tỉnh ủy và UBND tỉnh về công tác thông tin",
     "Ban Thường vụ Tỉnh ủy và UBND tỉnh"),
])
def test_issuer_ends_where_the_sentence_goes_on(text, issuer):
    assert cites(text)[0].issuer == issuer


def test_party_thong_tri_needs_no_year():
    # corpus 014: TT named "Thông tri" is a party circular; a state Thông tư without its year stays flagged
    tri, tu = cites("Căn cứ Thông tri số 04/TT-MTTW-BTT ngày 04/11/2025 của Ban Thường trực Ủy ban Trung ương "
                    "MTTQ Việt Nam; Thông tư số 21/TT-BNV của Bộ Nội vụ;")
    assert (tri.symbol, tri.word_type, tri.symbol_parts.problems) == ("04/TT-MTTW-BTT", "TT", [])
    assert (tu.symbol, tu.symbol_parts.problems) == ("21/TT-BNV", ["missing-year"])
