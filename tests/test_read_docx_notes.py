"""Footnotes and endnotes: a block of kind ``footnote`` right after the block that references it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from checker.read.docx import read_docx

docx = pytest.importorskip("docx")  # python-docx, only to *write* test files

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SEPARATORS = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
              '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
              "</w:p></w:footnote>")


def note(tag: str, note_id: int, *paragraphs: str) -> str:
    body = "".join(f'<w:p><w:r><w:{tag}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p>'
                   for text in paragraphs)
    return f'<w:{tag} w:id="{note_id}">{body}</w:{tag}>'


def ref(note_id: int, tag: str = "footnote") -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{tag}Reference w:id="{note_id}"/></w:r>'


def build(tmp_path: Path, body: str, footnotes: str = "", endnotes: str = "") -> Path:
    """A python-docx document whose body is ``body``, with footnote/endnote parts added the way Word
    does: the part, its relationship from document.xml and its content type."""
    source, target = tmp_path / "base.docx", tmp_path / "notes.docx"
    docx.Document().save(str(source))
    parts = {"footnotes": footnotes, "endnotes": endnotes}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "word/document.xml":
                data = re.sub(rb"<w:body>.*</w:body>", f"<w:body>{body}</w:body>".encode(), data, flags=re.S)
            elif item.filename == "word/_rels/document.xml.rels":
                rels = "".join(f'<Relationship Id="rIdN{kind}" Type="{REL}/{kind}" Target="notes/{kind}.xml"/>'
                               for kind, xml in parts.items() if xml)
                data = data.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
            elif item.filename == "[Content_Types].xml":
                types = "".join(f'<Override PartName="/word/notes/{kind}.xml" ContentType="application/'
                                f'vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/>'
                                for kind, xml in parts.items() if xml)
                data = data.replace(b"</Types>", types.encode() + b"</Types>")
            new.writestr(item, data)
        for kind, xml in parts.items():
            if xml:  # a folder Word does not use: the part is found through its relationship
                new.writestr(f"word/notes/{kind}.xml", f'<w:{kind} xmlns:w="{W_NS}">{xml}</w:{kind}>')
    return target


def para(*runs: str) -> str:
    return "<w:p>" + "".join(r if r.startswith("<w:r>") else f'<w:r><w:t xml:space="preserve">{r}</w:t></w:r>'
                             for r in runs) + "</w:p>"


def rows(path: Path) -> list[tuple[str, str, int | None, int | None]]:
    return [(b.kind, b.text, b.paragraph, b.footnote) for b in read_docx(path).blocks]


def test_footnote_follows_its_paragraph(tmp_path):
    body = para("Căn cứ Quyết định số 58/QĐ-UBND", ref(1), ";") + para("Nội dung tiếp theo.")
    footnotes = SEPARATORS + note("footnote", 1, "Theo Quyết định số 01/2025/QĐ-UBND ngày 03/01/2025.")
    path = build(tmp_path, body, footnotes)
    assert rows(path) == [
        ("paragraph", "Căn cứ Quyết định số 58/QĐ-UBND;", 1, None),  # no mark left in the running text
        ("footnote", "Theo Quyết định số 01/2025/QĐ-UBND ngày 03/01/2025.", None, 1),
        ("paragraph", "Nội dung tiếp theo.", 2, None),
    ]
    doc = read_docx(path)
    assert doc.blocks[1].location().describe() == "chú thích 1"
    assert doc.blocks[1].outline_level is None
    assert any("1 footnotes read as blocks" in n for n in doc.notes)


def test_numbers_follow_the_order_of_reference(tmp_path):
    body = (para("Một", ref(7)) + para("Hai", ref(3), " và", ref(9, "endnote"))
            + '<w:tbl><w:tr><w:tc>' + para("Ô", ref(5)) + "</w:tc></w:tr></w:tbl>"
            + para("Lặp", ref(7), ref(42)))
    footnotes = (SEPARATORS + note("footnote", 3, "Ba") + note("footnote", 5, "Năm", "Năm, đoạn hai")
                 + note("footnote", 7, "Bảy") + note("footnote", 8, "Không ai dẫn chiếu"))
    endnotes = note("endnote", 9, "Chín")
    assert rows(build(tmp_path, body, footnotes, endnotes)) == [
        ("paragraph", "Một", 1, None), ("footnote", "Bảy", None, 1),
        ("paragraph", "Hai và", 2, None), ("footnote", "Ba", None, 2), ("footnote", "Chín", None, 1),
        ("table_cell", "Ô", None, None), ("footnote", "Năm", None, 3), ("footnote", "Năm, đoạn hai", None, 3),
        ("paragraph", "Lặp", 3, None),  # a repeated or dangling reference adds no block
    ]


def test_note_after_its_line_and_numbering_inside_notes(tmp_path):
    body = ('<w:p><w:r><w:t>Dòng một</w:t></w:r>' + ref(1) + '<w:r><w:br/><w:t>Dòng hai</w:t></w:r></w:p>'
            '<w:sectPr><w:footnotePr><w:numStart w:val="4"/></w:footnotePr></w:sectPr>')
    footnotes = note("footnote", 1, "Điều 5.") + note("footnote", 1, "trùng id, bỏ qua")
    assert rows(build(tmp_path, body, footnotes)) == [
        ("paragraph", "Dòng một", 1, None), ("footnote", "Điều 5.", None, 4), ("paragraph", "Dòng hai", 1, None)]


def test_reference_without_notes_part(tmp_path):
    assert rows(build(tmp_path, para("Chỉ thị số 12-CT/TW", ref(1), "."))) == [
        ("paragraph", "Chỉ thị số 12-CT/TW.", 1, None)]


def _corpus_notes(path: Path) -> dict[str, list[str]]:
    """Footnote id → the text of its paragraphs, straight from footnotes.xml (separators excluded)."""
    from lxml import etree

    w = f"{{{W_NS}}}"
    root = etree.fromstring(zipfile.ZipFile(path).read("word/footnotes.xml"))
    return {n.get(f"{w}id"): ["".join(t.text or "" for t in p.iter(f"{w}t")).strip() for p in n.iter(f"{w}p")]
            for n in root.iter(f"{w}footnote") if n.get(f"{w}type") is None}


@pytest.mark.parametrize(("stem", "count"), [("004", 1), ("013", 2), ("017", 4)])
def test_corpus_footnotes_appear_once(stem, count):
    path = CORPUS / f"{stem}.docx"
    if not path.exists():
        pytest.skip("corpus not available")
    doc = read_docx(path)
    expected = _corpus_notes(path)
    assert len(expected) == count
    runs: dict[int | None, list[str]] = {}  # footnote number → its blocks, which must be consecutive
    previous = None
    for block in doc.blocks:
        if block.kind == "footnote":
            if previous is None or previous.kind != "footnote" or previous.footnote != block.footnote:
                assert block.footnote not in runs
                runs[block.footnote] = []
            runs[block.footnote].append(block.text)
        previous = block
    assert list(runs) == list(range(1, count + 1))  # each note once, numbered in reference order
    wanted = sorted([text for text in paragraphs if text] for paragraphs in expected.values())
    for want, have in zip(wanted, sorted(runs.values()), strict=True):
        # numbered paragraphs of a note carry their label in front (corpus 017)
        assert len(want) == len(have) and all(h.endswith(t) for h, t in zip(have, want, strict=True))
    assert not any(re.search(r"\w[¹²³]|\[\d\]", b.text) for b in doc.blocks)


def test_corpus_004_note_sits_in_the_basis_clause():
    path = CORPUS / "004.docx"
    if not path.exists():
        pytest.skip("corpus not available")
    blocks = read_docx(path).blocks
    at = next(i for i, b in enumerate(blocks) if b.kind == "footnote")
    assert blocks[at - 1].text.startswith("Căn cứ Quyết định số 58/QĐ-UBND")
    assert blocks[at].text.startswith("Theo Quyết định: Thống nhất áp dụng Quyết định số 01/2025/QĐ-UBND")
