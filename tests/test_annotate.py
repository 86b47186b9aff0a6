"""Annotated copies: each finding a Word comment on exactly the text it is about; the original untouched."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from checker.annotate import AnnotateError, annotate
from checker.api import check_file
from checker.cli import main

ROOT = Path(__file__).resolve().parents[1]
DEFECT = ROOT / "samples" / "defects" / "impossible-date.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CITATION = "Quyết định số 368/QĐ-TTg ngày 30/2/2013 của Thủ tướng Chính phủ"


def comments(path: Path) -> dict[str, tuple[str | None, str]]:
    """Comment id → (the document text between its range marks, the comment's text)."""
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        notes = etree.fromstring(package.read("word/comments.xml"))
    texts = {c.get(f"{W}id"): "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in c.iter(f"{W}p"))
             for c in notes.iter(f"{W}comment")}
    open_ranges: dict[str, list[str]] = {}
    anchored: dict[str, str] = {}
    for element in body.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ranges[element.get(f"{W}id")] = []
        elif element.tag == f"{W}commentRangeEnd":
            anchored[element.get(f"{W}id")] = "".join(open_ranges.pop(element.get(f"{W}id")))
        elif element.tag == f"{W}t":
            for parts in open_ranges.values():
                parts.append(element.text or "")
    return {key: (anchored.get(key), text) for key, text in texts.items()}


@pytest.fixture
def word_plan(tmp_path: Path) -> Path:
    """The impossible-date defect as a Word file whose citation line is split into formatted runs."""
    document = docx.Document()
    for line in DEFECT.read_text(encoding="utf-8").splitlines():
        if line.startswith("Căn cứ Quyết định"):
            paragraph = document.add_paragraph("Căn cứ ")
            paragraph.add_run("Quyết định số 368/QĐ-TTg").bold = True
            paragraph.add_run(line[len("Căn cứ Quyết định số 368/QĐ-TTg"):])
        elif line.strip():
            document.add_paragraph(line)
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    return path


def test_word_comment_covers_exactly_the_citation(word_plan: Path, tmp_path: Path) -> None:
    before = hashlib.sha256(word_plan.read_bytes()).hexdigest()
    report = check_file(word_plan)
    out = tmp_path / "ke-hoach.checked.docx"
    written = annotate(report, out)
    assert hashlib.sha256(word_plan.read_bytes()).hexdigest() == before  # the original is untouched
    found = comments(out)
    assert written.comments == 1 and written.unplaced == 0 and len(found) == 2
    [(anchored, text)] = [v for v in found.values() if "impossible-date" in v[1]]
    assert anchored == CITATION  # split at the span's edges: not "Căn cứ …", not "… phê duyệt"
    assert text.startswith("[Cảnh báo] cites-parent (impossible-date): Ngày «30/2/2013»")
    assert "Cách sửa:" in text
    [(_, summary)] = [v for v in found.values() if v[1].startswith("plancheck — kết quả kiểm tra")]
    # The 2019 plan need not cover the themes of 2023 guidance: warnings only, the document-wide one listed.
    assert "ĐẠT: không có lỗi. — 0 lỗi, 2 cảnh báo, 0 thông tin" in summary and "field-missing" in summary
    reopened = docx.Document(str(out))  # a valid package python-docx reads back, text unchanged
    assert [p.text for p in reopened.paragraphs] == [p.text for p in docx.Document(str(word_plan)).paragraphs]


def test_other_formats_get_a_rendition_with_the_same_comments(tmp_path: Path) -> None:
    out = tmp_path / "impossible-date.checked.docx"
    written = annotate(check_file(DEFECT), out, "en")
    found = comments(out)
    [(anchored, text)] = [v for v in found.values() if "impossible-date" in v[1]]
    assert anchored == CITATION and text.startswith("[Warning] cites-parent (impossible-date)")
    assert written.comments == 1
    assert any(v[1].startswith("plancheck — check result\nPASSED") for v in found.values())


def test_refuses_to_overwrite_the_original_or_write_another_format(word_plan: Path, tmp_path: Path) -> None:
    report = check_file(word_plan)
    with pytest.raises(AnnotateError, match="original"):
        annotate(report, word_plan, "en")
    with pytest.raises(AnnotateError, match=r"\.docx"):
        annotate(report, tmp_path / "x.pdf", "en")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ke-hoach.docx"]


def test_cli_annotate_and_check_annotate_dir(word_plan: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out.docx"
    result = runner.invoke(main, ["annotate", str(word_plan), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "1 nhận xét trên văn bản" in result.stderr and out.exists()
    (tmp_path / "sub").mkdir()
    shutil.copy(DEFECT, tmp_path / "sub" / "ke-hoach.txt")
    (tmp_path / "sub" / "hong.docx").write_bytes(b"not a zip")
    folder = tmp_path / "annotated"
    result = runner.invoke(main, ["check", str(word_plan), str(tmp_path / "sub"), "--annotate", str(folder)])
    assert result.exit_code == 1  # findings; the unreadable file gets no copy and stops nothing
    written = sorted(str(p.relative_to(folder)) for p in folder.rglob("*.docx"))
    assert written == ["ke-hoach.checked.docx", "sub/ke-hoach.txt.checked.docx"]


def test_unreadable_plan_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    result = CliRunner().invoke(main, ["annotate", str(bad), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2 and "hong.docx" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hong.docx"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_annotated_copy_opens_in_libreoffice(word_plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach.checked.docx"
    annotate(check_file(word_plan), out)
    profile = tmp_path / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "ke-hoach.checked.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
