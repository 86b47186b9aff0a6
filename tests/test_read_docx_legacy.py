"""Word runs set in legacy Vietnamese fonts (TCVN3 .VnTime, VNI-Times) are converted to Unicode."""

from __future__ import annotations

import docx

from checker.extract import extract_plan
from checker.read.docx import read_docx


def test_runs_in_legacy_fonts_are_converted_by_run_style_and_default(tmp_path):
    document = docx.Document()
    title_style = document.styles["Title"]
    title_style.font.name = ".VnTimeH"  # upper-case TCVN3 font, given by the paragraph style
    document.add_paragraph("KÕ HO¹CH", style="Title")
    motto = document.add_paragraph()
    motto.add_run("Céng hßa x· héi chñ nghÜa ViÖt Nam").font.name = ".VnTime"
    mixed = document.add_paragraph()
    mixed.add_run("Unicode: ")
    mixed.add_run("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam").font.name = "VNI-Times"
    document.add_paragraph("Căn cứ Quyết định số 368/QĐ-TTg ngày 28/2/2013 của Thủ tướng Chính phủ;")
    path = tmp_path / "legacy.docx"
    document.save(str(path))

    doc = read_docx(path)
    assert [b.text for b in doc.blocks] == [
        "KẾ HOẠCH",
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Unicode: Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Căn cứ Quyết định số 368/QĐ-TTg ngày 28/2/2013 của Thủ tướng Chính phủ;",
    ]
    assert any("3 runs in legacy TCVN3/VNI fonts converted to Unicode" in note for note in doc.notes)
    plan = extract_plan(doc)
    assert plan.doc_type == "KH" and [c.symbol for c in plan.basis] == ["368/QĐ-TTg"]


def test_unicode_document_in_ordinary_fonts_is_untouched(tmp_path):
    document = docx.Document()
    document.add_paragraph().add_run("Thành phố Hồ Chí Minh").font.name = "Times New Roman"
    path = tmp_path / "unicode.docx"
    document.save(str(path))
    doc = read_docx(path)
    assert [b.text for b in doc.blocks] == ["Thành phố Hồ Chí Minh"]
    assert not any("legacy" in note for note in doc.notes)
