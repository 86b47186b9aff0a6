"""The .docx reader's shortcuts (one indexing pass per part, font look-ups only where a legacy font can reach)
read odd structures exactly as a walk down every element does."""

from __future__ import annotations

import io
import zipfile

from checker.read.docx import read_docx_bytes

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def package(body: str, styles: str = "") -> bytes:
    """A bare .docx holding ``body`` (and ``styles`` when given)."""
    root = f'<?xml version="1.0" encoding="UTF-8"?>\n<w:{{0}} xmlns:w="{W_NS}" xmlns:mc="{MC_NS}">{{1}}</w:{{0}}>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", root.format("document", f"<w:body>{body}</w:body>"))
        if styles:
            archive.writestr("word/styles.xml", root.format("styles", styles))
    return buffer.getvalue()


def run(text: str, rpr: str = "") -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def texts(body: str, styles: str = "") -> list[str]:
    return [block.text for block in read_docx_bytes(package(body, styles), "mem.docx").blocks]


def test_a_paragraph_inside_a_run_is_part_of_the_outer_paragraph():
    body = "<w:p>" + run("Ngoài ") + "<w:r><w:p>" + run("trong") + "</w:p></w:r>" + run(" tiếp") + "</w:p>"
    assert texts(body) == ["Ngoài trong tiếp"]


def test_a_paragraph_nested_in_a_text_box_paragraph_belongs_to_the_box():
    box = "<w:txbxContent><w:p>" + run("Hộp ") + "<w:r><w:p>" + run("lồng") + "</w:p></w:r></w:p></w:txbxContent>"
    assert texts("<w:p>" + run("Neo") + f"<w:r><w:pict>{box}</w:pict></w:r></w:p>") == ["Neo", "Hộp lồng"]


def test_text_in_properties_deletions_field_codes_and_inside_text_is_not_read():
    body = ("<w:p><w:pPr><w:t>pPr</w:t></w:pPr>" + run("Hiện", "<w:rPr><w:t>rPr</w:t></w:rPr>")
            + "<w:del>" + run("xoá") + "</w:del><w:moveFrom>" + run("dời") + "</w:moveFrom>"
            + "<w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>a<w:t>b</w:t></w:t></w:r></w:p>")
    assert texts(body) == ["Hiệna"]


def test_only_the_first_choice_of_alternate_content_is_read_in_a_run():
    body = ("<w:p><w:r><mc:AlternateContent><mc:Fallback><w:t>F</w:t></mc:Fallback><mc:Choice><w:t>C1</w:t>"
            "</mc:Choice><mc:Choice><w:t>C2</w:t></mc:Choice><w:t>raw</w:t></mc:AlternateContent></w:r></w:p>")
    assert texts(body) == ["C1"]


def test_legacy_fonts_reach_runs_through_styles_but_not_past_a_run_font():
    styles = ('<w:style w:type="paragraph" w:styleId="Cu"><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="CuC"><w:rPr><w:rFonts w:ascii="VNI-Times"/></w:rPr></w:style>')
    unicode_font = '<w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr>'
    body = ('<w:p><w:pPr><w:pStyle w:val="Cu"/></w:pPr>' + run("Céng hßa") + "</w:p>"
            + "<w:p>" + run("Coäng hoøa", '<w:rPr><w:rStyle w:val="CuC"/></w:rPr>') + "</w:p>"
            + '<w:p><w:pPr><w:pStyle w:val="Cu"/></w:pPr>' + run("Céng hßa", unicode_font) + "</w:p>"
            + "<w:p>" + run("Céng hßa") + "</w:p>")
    assert texts(body, styles) == ["Cộng hòa", "Cộng hòa", "Céng hßa", "Céng hßa"]
