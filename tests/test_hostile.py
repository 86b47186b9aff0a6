"""Hostile and broken input, generated here (no committed binaries): each gets its own clear finding, nothing
crashes or hangs, nothing outside the input is read, and the other documents of the batch are still reported."""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest
from conftest import run

from checker import batch
from checker.api import check_file
from checker.limits import Limits, using
from checker.read import ReadError, read_file

ROOT = Path(__file__).resolve().parents[1]
PLAN_DOCX = ROOT / "samples" / "ke-hoach-ttdn-van-ninh-2019.docx"
PLAN_TXT = ROOT / "samples" / "defects" / "no-basis.txt"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def package(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A .docx package: the real sample's parts with document.xml replaced (and extra parts added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(PLAN_DOCX) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = document_xml if item.filename == "word/document.xml" else source.read(item.filename)
            target.writestr(item.filename, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def body(text: str, doctype: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:document xmlns:w='
            f'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t>'
            '</w:r></w:p></w:body></w:document>').encode()


def read_error(path: Path) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_file(path)
    return caught.value


# --- zip bombs and package limits -------------------------------------------------------------------------

def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    bomb = tmp_path / "bom.docx"
    bomb.write_bytes(package(body(" " * (60 * 1024 * 1024))))  # 60 MB of spaces: ~1000:1
    assert bomb.stat().st_size < 1024 * 1024
    started = time.perf_counter()
    error = read_error(bomb)
    assert time.perf_counter() - started < 5  # refused from the ZIP directory, nothing inflated
    assert error.code == "input-too-large"
    assert "word/document.xml is compressed" in error.reason_en and "--limit docx-ratio=" in error.reason_en


def test_too_many_entries_and_too_large_parts(tmp_path: Path) -> None:
    many = tmp_path / "nhieu.docx"
    many.write_bytes(package(body("Kế hoạch"), {f"junk/{n}.xml": b"<a/>" for n in range(2001)}))
    assert "entries" in read_error(many).reason_en
    with using(Limits(docx_part_size=1000)):
        error = read_error(PLAN_DOCX)
    assert error.code == "input-too-large" and "--limit docx-part-size=" in error.reason_en


# --- XML attacks ---------------------------------------------------------------------------------------------

def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("MẬT KHẨU 12345", encoding="utf-8")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    path = tmp_path / "xxe.docx"
    path.write_bytes(package(body("Kế hoạch &xxe; năm 2023", doctype)))
    document = read_file(path)
    text = " ".join(b.text for b in document.blocks)
    assert "12345" not in text and "Kế hoạch" in text


def test_billion_laughs_is_not_expanded(tmp_path: Path) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">' for n in range(1, 10))
    path = tmp_path / "laughs.docx"
    path.write_bytes(package(body("Kế hoạch &lol9;", f"<!DOCTYPE w:document [{entities}]>")))
    started = time.perf_counter()
    try:
        document = read_file(path)
    except ReadError as error:  # refusing the file is as good as not expanding it
        assert error.code in ("unreadable", "input-too-large")
    else:
        assert sum(len(b.text) for b in document.blocks) < 10_000
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(("xml", "vi", "en"), [
    (body("x").replace(b"<w:p>", b"<w:sdt><w:sdtContent>" * 300 + b"<w:p>")
     .replace(b"</w:p>", b"</w:p>" + b"</w:sdtContent></w:sdt>" * 300),
     "lồng nhau quá 256 cấp (dòng 1)", "nested more than 256 levels deep (line 1)"),
    # Random letters, not one repeated: a text that compresses 1000:1 is refused as a zip bomb first.
    (body(base64.b64encode(os.urandom(8_300_000)).decode()), "dài quá 10 MB (dòng 1)", "longer than 10 MB (line 1)"),
])
def test_libxml2_safety_limits_are_explained_in_words_a_user_can_act_on(tmp_path: Path, xml: bytes, vi: str,
                                                                        en: str) -> None:
    path = tmp_path / "sau.docx"
    path.write_bytes(package(xml))
    with using(Limits(docx_part_size=20 * 1024 * 1024)):  # a text over 10 MB needs a part over the default 10 MB
        error = read_error(path)
    assert error.code == "unreadable"
    assert vi in error.message("vi") and "hãy mở bằng Word và lưu lại" in error.message("vi")
    assert en in error.message("en") and "open it in Word and save it again" in error.message("en")
    assert "XML_PARSE_HUGE" not in error.message("vi") + error.message("en")  # an option no user can set


def test_a_web_page_nested_past_libxml2s_depth_says_what_was_left_out(tmp_path: Path) -> None:
    page = tmp_path / "sau.html"
    page.write_text("<html><body><p>KẾ HOẠCH Công tác thông tin đối ngoại năm 2024</p>" + "<div>" * 300
                    + "<p>Nội dung lồng sâu</p>" + "</div>" * 300 + "</body></html>", encoding="utf-8")
    document = read_file(page)
    assert document.blocks[0].text == "KẾ HOẠCH Công tác thông tin đối ngoại năm 2024"
    assert not any("lồng sâu" in b.text for b in document.blocks)  # libxml2 stops there, and says so:
    assert any("lồng quá 256 cấp" in note and "nested more than 256 levels deep" in note for note in document.notes)


def test_a_web_page_with_an_11_mb_attribute_is_read_and_says_what_was_left_out(tmp_path: Path) -> None:
    # libxml2 stops reading a page at a value over 10 MB: the page had "no text content", and no note said why.
    image = ("A" * 11_000 + "\n") * 1_000  # an inline image, base64 in lines: 11 MB
    page = tmp_path / "anh.html"
    page.write_text(f'<html><body>\n<img alt="Quốc huy" src="data:image/png;base64,{image}">\n<article>\n'
                    "<h1>KẾ HOẠCH Công tác thông tin đối ngoại năm 2024</h1>\n<p>Thực hiện Hướng dẫn số 93-HD/BTGTU, "
                    "Ủy ban nhân dân huyện xây dựng kế hoạch như sau.</p></article></body></html>", encoding="utf-8")
    document = read_file(page)
    texts = [(b.text, b.line) for b in document.blocks]
    assert texts[0] == ("KẾ HOẠCH Công tác thông tin đối ngoại năm 2024", 1_004)  # lines stay where they were
    assert any("93-HD/BTGTU" in text for text, _ in texts)
    [note] = [n for n in document.notes if "«src»" in n]
    assert "ở dòng 2" in note and "at line 2" in note and "10 MB" in note


def test_a_web_page_whose_text_is_past_libxml2s_bound_says_so_instead_of_no_text(tmp_path: Path) -> None:
    page = tmp_path / "dai.html"
    page.write_text("<html><body><p>" + "chữ " * 3_000_000 + "</p></body></html>", encoding="utf-8")  # 15 MB
    error = read_error(page)
    assert error.message("vi").endswith("trang không có nội dung văn bản: bộ phân tích HTML (libxml2) dừng đọc "
                                        "trang ở dòng 1, ở một đoạn chữ dài quá giới hạn 10 MB của nó; phần sau "
                                        "không được đọc")
    assert "at a text over its 10 MB bound" in error.message("en")


def test_a_tag_with_100_000_attributes_is_cut_short_before_libxml2_spends_seconds_on_it(tmp_path: Path) -> None:
    # libxml2 compares each attribute with all those before it, in C code the time limit cannot interrupt:
    # 100,000 attributes took 15 s. Only the first 100 of a tag are read now.
    attributes = " ".join(f"data-a{i}=x" for i in range(100_000))
    page = tmp_path / "thuoc-tinh.html"
    page.write_text(f"<html><body><article><h1 {attributes}>KẾ HOẠCH Công tác năm 2024</h1>\n"
                    "<p>Thực hiện Hướng dẫn số 93-HD/BTGTU, Ủy ban nhân dân huyện xây dựng kế hoạch.</p>"
                    "</article></body></html>", encoding="utf-8")
    started = time.perf_counter()
    document = read_file(page)
    assert time.perf_counter() - started < 2
    assert [(b.text, b.line) for b in document.blocks][:2] == [("KẾ HOẠCH Công tác năm 2024", 1), (
        "Thực hiện Hướng dẫn số 93-HD/BTGTU, Ủy ban nhân dân huyện xây dựng kế hoạch.", 2)]
    assert any("only the first 100 attributes of a tag are read; a tag at line 1 had more" in n for n in document.notes)


def test_html_entities_and_inline_svg_stay_inert(tmp_path: Path) -> None:
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("MẬT KHẨU 12345", encoding="utf-8")
    page = tmp_path / "trang.html"
    page.write_text(f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]><html><body><main><h1>KẾ HOẠCH</h1>'
                    '<p>Thực hiện Hướng dẫn số 93-HD/BTGTU &xxe;</p><svg><!DOCTYPE x [<!ENTITY y SYSTEM '
                    f'"file://{secret}">]><text>&y;</text></svg></main></body></html>', encoding="utf-8")
    text = " ".join(b.text for b in read_file(page).blocks)
    assert "12345" not in text and "93-HD/BTGTU" in text


# --- files that are not what they say --------------------------------------------------------------------

@pytest.mark.parametrize(("content", "reason_en"), [
    (b"", "the file is empty (0 bytes)"),
    (b"PK\x03\x04 this is not a zip at all", "not a valid .docx file (not a ZIP package)"),
    (OLE + "EncryptedPackage".encode("utf-16-le"), "the Word document is password-protected; remove the password"),
    (OLE + "WordDocument".encode("utf-16-le"), "this is a .doc (Word 97–2003) file named .docx"),
    (os.urandom(4096), "not a valid .docx file (not a ZIP package)"),
])
def test_lying_docx_files(tmp_path: Path, content: bytes, reason_en: str) -> None:
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(content)
    error = read_error(path)
    assert error.reason_en.startswith(reason_en) and error.path == str(path)


def test_a_zip_that_is_not_a_word_package(tmp_path: Path) -> None:
    path = tmp_path / "anh.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("image.png", b"\x89PNG")
    assert read_error(path).reason_en == "not a Word document (the ZIP has no word/document.xml)"


@pytest.mark.parametrize("suffix", [".txt", ".html", ".pdf", ".docx"])
def test_empty_files_of_every_format(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"rong{suffix}"
    path.touch()
    assert read_error(path).reason == "tệp rỗng (0 byte)"


def test_a_directory_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "ke-hoach.docx").mkdir()
    assert read_error(tmp_path / "ke-hoach.docx").reason_en == "this is a directory, not a file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_permissions(tmp_path: Path) -> None:
    path = tmp_path / "khoa.txt"
    path.write_text("KẾ HOẠCH", encoding="utf-8")
    path.chmod(0)
    try:
        assert read_error(path).reason_en == "permission denied"
    finally:
        path.chmod(0o600)


# --- the folder being checked ----------------------------------------------------------------------------

def test_links_out_of_the_folder_are_refused_and_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "ngoai"
    outside.mkdir()
    shutil.copy(PLAN_TXT, outside / "bi-mat.txt")
    inbox = tmp_path / "nop"
    (inbox / "con").mkdir(parents=True)
    shutil.copy(PLAN_TXT, inbox / "that.txt")
    (inbox / "lien-ket.txt").symlink_to(outside / "bi-mat.txt")
    (inbox / "thu-muc").symlink_to(outside, target_is_directory=True)  # never walked into
    (inbox / "con" / "trong.txt").symlink_to(inbox / "that.txt")  # a link inside the folder is fine
    code, out, _ = run("check", str(inbox), "--format", "json")
    documents = {Path(d["path"]).name: d for d in json.loads(out)["documents"]}
    assert sorted(documents) == ["lien-ket.txt", "that.txt", "trong.txt"]
    refused = documents["lien-ket.txt"]
    assert refused["status"] == "unreadable" and refused["plan"] is None
    assert refused["findings"][0]["code"] == "outside-folder"
    assert documents["trong.txt"]["status"] == "checked" and code == 1


def test_odd_file_names_cannot_forge_report_lines(tmp_path: Path) -> None:
    inbox = tmp_path / "nop"
    inbox.mkdir()
    decomposed = unicodedata.normalize("NFD", "kế hoạch.txt")
    shutil.copy(PLAN_TXT, inbox / decomposed)
    forged = inbox / "x\nplancheck: OK 0 lỗi\u202e.txt"
    forged.write_bytes(b"")
    code, out, _ = run("check", str(inbox))
    assert code == 1
    assert "\nplancheck: OK" not in out and "x\\x0aplancheck: OK 0 lỗi\\u202e.txt: tệp rỗng (0 byte)" in out
    code, out, _ = run("check", str(inbox), "--format", "json")
    paths = [d["path"] for d in json.loads(out)["documents"]]
    assert str(inbox / decomposed) in paths and str(forged) in paths  # the real names, for tools


# --- limits in a batch -------------------------------------------------------------------------------------

def test_limits_from_the_command_line_apply_to_each_file_alone(tmp_path: Path) -> None:
    inbox = tmp_path / "nop"
    inbox.mkdir()
    shutil.copy(PLAN_DOCX, inbox / "lon.docx")  # ~40 KB
    shutil.copy(PLAN_TXT, inbox / "nho.txt")  # ~8 KB
    summary = tmp_path / "s.json"
    code, out, _ = run("check", str(inbox), "--limit", "file-size=20KB", "--format", "json", "--summary",
                       str(summary), "--lang", "en")
    documents = {Path(d["path"]).name: d for d in json.loads(out)["documents"]}
    big = documents["lon.docx"]["findings"][0]
    assert big["code"] == "input-too-large" and "over the safety limit (change it with --limit file-size=" \
        in big["message"]
    assert documents["nho.txt"]["status"] == "checked"
    rows = {Path(r["path"]).name: r for r in json.loads(summary.read_text(encoding="utf-8"))}
    assert rows["lon.docx"]["verdict"] == "unreadable" and code == 1
    code, _, err = run("check", str(inbox), "--limit", "blocks=5")
    assert code == 1
    code, _, err = run("check", str(inbox), "--limit", "size=1")
    assert code == 2 and "file-size" in err  # the error lists the keys


def test_a_document_over_its_time_is_reported_and_the_batch_goes_on(tmp_path: Path, monkeypatch) -> None:
    real = batch.check_file

    def slow(path, *args, **kwargs):
        if path.endswith("cham.txt"):
            time.sleep(5)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(batch, "check_file", slow)
    inbox = tmp_path / "nop"
    inbox.mkdir()
    shutil.copy(PLAN_TXT, inbox / "cham.txt")
    shutil.copy(PLAN_TXT, inbox / "nhanh.txt")
    started = time.perf_counter()
    reports = list(batch.check_all(sorted(inbox.iterdir()), batch.Job(lang="en", limits=Limits(timeout=0.5)),
                                   progress=False))
    assert time.perf_counter() - started < 4
    assert reports[0].findings[0].code == "time-limit" and "gave up after 0.5 s" in (reports[0].error or "")
    assert reports[1].status == "checked"


def test_the_api_reports_a_file_over_a_limit_with_its_code(tmp_path: Path) -> None:
    with using(Limits(file_size=1024)):
        report = check_file(PLAN_DOCX)
    assert report.status == "unreadable" and report.findings[0].code == "input-too-large"


def test_a_file_that_kills_its_worker_loses_no_other_result(tmp_path: Path, monkeypatch) -> None:
    """A worker killed mid-batch (here by os._exit, as a crash in a C library would) breaks the pool: the
    files whose results were lost are checked again alone, and only the killer is reported."""
    real = batch.check_file

    def deadly(path, *args, **kwargs):
        if path.endswith("sat-thu.txt"):
            os._exit(3)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(batch, "check_file", deadly)  # inherited by the forked workers
    inbox = tmp_path / "nop"
    inbox.mkdir()
    names = ["a.txt", "b.txt", "c.txt", "sat-thu.txt", "x.txt", "y.txt", "z.txt"]
    for name in names:
        shutil.copy(PLAN_TXT, inbox / name)
    reports = list(batch.check_all(sorted(inbox.iterdir()), batch.Job(lang="en"), jobs=2, progress=False))
    assert [Path(r.path).name for r in reports] == names
    statuses = {Path(r.path).name: (r.status, r.findings[0].code if r.status != "checked" else None) for r in reports}
    assert statuses.pop("sat-thu.txt") == ("unreadable", "crashed")
    assert set(statuses.values()) == {("checked", None)}
