"""Legacy .doc files: read in Python (Word 97-2003 binaries the tests build, and the corpus's), LibreOffice as a
second opinion where the Python reader cannot; the same plan as the text copy; clear errors."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest

from checker.extract import extract_plan
from checker.read import ReadError, read_file
from checker.read import doc as doc_reader

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
HAS_SOFFICE = doc_reader._soffice() is not None
needs_soffice = pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("stem", ["006", "008", "028"])
def test_corpus_doc_reads_like_its_text_copy(stem, monkeypatch):
    monkeypatch.setattr(doc_reader.subprocess, "run", lambda *a, **k: pytest.fail("LibreOffice must not run"))
    read = read_file(CORPUS / f"{stem}.doc")
    assert read.format == "doc"
    from_doc, from_txt = extract_plan(read), extract_plan(read_file(CORPUS / f"{stem}.txt"))
    assert from_doc.doc_type == from_txt.doc_type
    assert from_doc.number_symbol == from_txt.number_symbol
    assert [c.symbol for c in from_doc.basis] == [c.symbol for c in from_txt.basis]
    assert (from_doc.signer and from_doc.signer.name) == (from_txt.signer and from_txt.signer.name)
    assert any(d.deadline for d in from_doc.reporting) == any(d.deadline for d in from_txt.reporting)
    # the units of the running text: the .txt copies were made with catdoc, which keeps a few stray characters
    # (006: "Sở Tư pháp h"); the .doc gives every unit the .txt gives, or that unit without the debris
    doc_units = {u for t in from_doc.tasks for u in t.units}
    txt_units = {u for t in from_txt.tasks if t.location.table is None for u in t.units}
    assert all(u in doc_units or u.rsplit(" ", 1)[0] in doc_units for u in txt_units), txt_units - doc_units


@needs_soffice
def test_word_97_file_is_converted(tmp_path):
    source = tmp_path / "ke-hoach.docx"
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Căn cứ Quyết định số 368/QĐ-TTg ngày 28/2/2013 của Thủ tướng Chính phủ;")
    document.save(str(source))
    subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=120)
    legacy = tmp_path / "ke-hoach.doc"
    assert legacy.read_bytes().startswith(b"\xd0\xcf\x11\xe0")
    doc = read_file(legacy)
    assert doc.format == "doc" and doc.path == str(legacy)
    assert [b.text for b in doc.blocks][:2] == [
        "KẾ HOẠCH", "Căn cứ Quyết định số 368/QĐ-TTg ngày 28/2/2013 của Thủ tướng Chính phủ;"]


def test_a_file_the_python_reader_cannot_read_names_the_fix(tmp_path, monkeypatch):
    legacy = tmp_path / "ke-hoach.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)  # an OLE signature, nothing else
    monkeypatch.setattr(doc_reader, "_soffice", lambda: None)
    with pytest.raises(ReadError) as caught:
        read_file(legacy)
    assert "cannot read this .doc (not an OLE file" in str(caught.value)
    assert "install LibreOffice (the soffice command) to try again, or save the file as .docx" in str(caught.value)
    assert "cài LibreOffice" in caught.value.reason


def test_a_conversion_that_hangs_is_stopped(tmp_path, monkeypatch):
    legacy = tmp_path / "ke-hoach.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    monkeypatch.setattr(doc_reader, "_soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setenv("PLANCHECK_SOFFICE_TIMEOUT", "5")

    def hang(command, **kwargs):
        raise subprocess.TimeoutExpired(command, kwargs["timeout"])

    monkeypatch.setattr(doc_reader.subprocess, "run", hang)
    with pytest.raises(ReadError) as caught:
        read_file(legacy)
    assert "LibreOffice did not convert the .doc within 5 seconds" in str(caught.value)


def test_bytes_that_are_no_word_file_are_refused_without_conversion(tmp_path, monkeypatch):
    junk = tmp_path / "ke-hoach.doc"
    junk.write_bytes(bytes(range(256)) * 4)
    monkeypatch.setattr(doc_reader.subprocess, "run", lambda *a, **k: pytest.fail("LibreOffice must not run"))
    with pytest.raises(ReadError) as caught:
        read_file(junk)
    assert "this .doc file is not a Word document" in str(caught.value)


def test_a_docx_saved_as_doc_is_read_directly(tmp_path, monkeypatch):
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    misnamed = tmp_path / "ke-hoach.doc"
    document.save(str(misnamed))
    monkeypatch.setattr(doc_reader.subprocess, "run", lambda *a, **k: pytest.fail("LibreOffice must not run"))
    assert [b.text for b in read_file(misnamed).blocks] == ["KẾ HOẠCH"]
