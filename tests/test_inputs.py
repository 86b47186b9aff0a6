"""The files a check reads: folders are walked without editors' lock files and hidden files, which the
summary line counts; a file named on the command line is checked whatever its name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path, PurePath

import pytest
from conftest import run

from checker.inputs import collect, is_hidden, is_lock_file

PLAN = Path(__file__).resolve().parents[1] / "samples" / "ke-hoach-ttdn-van-ninh-2019.txt"


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """A submissions folder: two plans, and what an editor, git and macOS leave beside them."""
    folder = tmp_path / "nop"
    (folder / "xa").mkdir(parents=True)
    shutil.copy(PLAN, folder / "ke-hoach.txt")
    shutil.copy(PLAN, folder / "xa" / "ke-hoach-xa.txt")
    (folder / "~$ke-hoach.docx").write_bytes(b"\x00" * 162)  # Word, while ke-hoach.docx is open
    (folder / ".~lock.ke-hoach.docx#").write_text(",Nguyen Van A,may,01.01.2026 08:00,file:///home;")  # LibreOffice
    (folder / ".git" / "x").mkdir(parents=True)
    shutil.copy(PLAN, folder / ".git" / "x" / "cu.txt")  # in a hidden folder
    (folder / "._ke-hoach.docx").write_bytes(b"\x00\x05\x16\x07")  # macOS's AppleDouble file
    (folder / "anh.gif").write_bytes(b"GIF89a")  # no document (scans are .png, .jpg, .tif): neither checked nor counted
    return folder


@pytest.mark.parametrize(("name", "lock"), [
    ("~$ke-hoach.docx", True), (".~lock.ke-hoach.docx#", True), ("ke-hoach.docx", False), ("~ke-hoach.docx", False),
    (".~lock.ke-hoach.docx", False),
])
def test_lock_files(name, lock):
    assert is_lock_file(name) is lock


@pytest.mark.parametrize(("path", "hidden"), [
    (".git/x/cu.txt", True), ("._a.docx", True), ("xa/.an/b.txt", True), ("xa/b.txt", False), ("a.b.txt", False),
])
def test_hidden_paths(path, hidden):
    assert is_hidden(PurePath(path)) is hidden


def test_a_folder_is_walked_without_lock_and_hidden_files(inbox: Path):
    inputs = collect([str(inbox)])
    assert [p.relative_to(inbox).as_posix() for p in inputs.files] == ["ke-hoach.txt", "xa/ke-hoach-xa.txt"]
    assert sorted(p.relative_to(inbox).as_posix() for p in inputs.skipped) == sorted([
        ".git/x/cu.txt", ".~lock.ke-hoach.docx#", "._ke-hoach.docx", "~$ke-hoach.docx"])


def test_files_named_are_checked_whatever_their_names(inbox: Path):
    named = [str(inbox / "~$ke-hoach.docx"), str(inbox / ".git" / "x" / "cu.txt")]
    inputs = collect(named)
    assert [str(p) for p in inputs.files] == named and inputs.skipped == []


def test_a_hidden_folder_named_is_walked(inbox: Path):
    assert [p.name for p in collect([str(inbox / ".git")]).files] == ["cu.txt"]


def test_the_summary_line_says_how_many_files_were_skipped(inbox: Path):
    code, out, _ = run("check", str(inbox))
    assert "~$" not in out and ".git" not in out and "không đọc được" not in out
    assert out.splitlines()[-1].startswith("Tổng cộng: 2 văn bản, ")
    assert out.splitlines()[-1].endswith(", bỏ qua 4 tệp khóa/ẩn")
    _, out, _ = run("check", str(inbox), "--lang", "en")
    assert out.splitlines()[-1].endswith(", skipped lock/hidden files: 4")
    _, out, _ = run("check", str(inbox), "--format", "json")
    report = json.loads(out)
    assert len(report["documents"]) == 2 and len(report["skipped"]) == 4
    # nothing skipped: nothing said
    _, out, _ = run("check", str(inbox / "xa"))
    assert "bỏ qua" not in out.splitlines()[-1]


def test_a_folder_of_lock_files_only_is_a_usage_error_that_says_so(tmp_path: Path):
    (tmp_path / "~$ke-hoach.docx").write_bytes(b"\x00" * 162)
    code, out, err = run("check", str(tmp_path))
    assert code == 2 and out == ""
    assert "không tìm thấy văn bản nào" in err and "skipped 1 lock/hidden files" in err
