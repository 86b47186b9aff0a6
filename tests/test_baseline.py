"""Baselines (``--write-baseline FILE``, ``--baseline FILE``): only new findings count.

Each test works on copies of the samples in its own folder and runs from there (``monkeypatch.chdir``),
the way a project keeps a baseline next to its documents.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import run

from checker.engine.baseline import (
    Baseline,
    BaselineError,
    Entry,
    apply_baseline,
    document_key,
    fingerprint,
    load_baseline,
    make_baseline,
)
from checker.model.document import Location
from checker.model.report import DocumentReport, Finding, Report

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
TASK = SAMPLES / "defects" / "task-without-unit.txt"  # assigns-tasks error at line 103
VAN_NINH = SAMPLES / "ke-hoach-ttdn-van-ninh-2019.docx"  # Số: 45/KH-UBND
DEADLINE = "**trước ngày 05/11/2019**"  # samples/defects/no-deadline.txt replaces it with "theo quy định"
UNIT = "6. Ban Chỉ huy Quân sự huyện, Đoàn Biên phòng Đàm Môn, Đoàn Biên phòng Vạn Hưng: Theo dõi"


def check_json(*args: str) -> tuple[int, dict[str, Any]]:
    code, out, err = run("check", *args, "--format", "json")
    assert code in (0, 1), err
    return code, json.loads(out)


def findings(data: dict[str, Any], doc: int = 0) -> list[dict[str, Any]]:
    return list(data["documents"][doc]["findings"])


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the task-without-unit sample as ``ke-hoach.txt`` in the current folder."""
    monkeypatch.chdir(tmp_path)
    text = TASK.read_text(encoding="utf-8")
    assert DEADLINE in text and UNIT.replace("Ban Chỉ huy Quân sự huyện, Đoàn Biên phòng Đàm Môn, Đoàn Biên phòng "
                                             "Vạn Hưng: ", "") in text
    path = tmp_path / "ke-hoach.txt"
    path.write_text(text, encoding="utf-8")
    return path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_write_then_check_again_accepts_every_finding(plan: Path) -> None:
    code, out, err = run("check", "ke-hoach.txt", "--rules", "default", "--write-baseline", "baseline.json")
    assert code == 0, err  # writing a baseline accepts the findings it records
    assert "Đã ghi đường cơ sở vào baseline.json: 2 phát hiện." in out
    assert sorted(p.name for p in plan.parent.iterdir()) == ["baseline.json", "ke-hoach.txt"]  # nothing else
    data = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schemas" / "baseline.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["lang"] == "vi"
    assert sorted((e["document"], e["rule"], e["count"]) for e in data["findings"]) == [
        ("ke-hoach.txt", "assigns-tasks", 1), ("ke-hoach.txt", "has-own-date", 1)]

    code, data_ = check_json("ke-hoach.txt", "--rules", "default", "--baseline", "baseline.json")
    assert code == 0
    assert findings(data_) and all(f["baseline"] for f in findings(data_))
    assert data_["baseline"] == {"path": "baseline.json", "known": 2, "new": 0, "fixed": 0, "written": None,
                                 "recorded": 0}
    report_schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(report_schema).validate(data_)

    code, out, _ = run("check", "ke-hoach.txt", "--rules", "default", "--baseline", "baseline.json")
    assert code == 0
    assert "(đã có trong đường cơ sở)" in out
    assert "Đường cơ sở baseline.json: 2 phát hiện đã biết, 0 phát hiện mới, 0 phát hiện đã sửa" in out
    assert out.rstrip().splitlines()[-1].endswith("0 lỗi, 0 cảnh báo, 0 thông tin, 2 đã chấp nhận")
    # The same document named by its absolute path is the same document.
    assert run("check", str(plan), "--rules", "default", "--baseline", "baseline.json")[0] == 0


def test_only_the_new_finding_counts(plan: Path) -> None:
    run("check", "ke-hoach.txt", "--rules", "default", "--lang", "en", "--write-baseline", "baseline.json")
    edit(plan, DEADLINE, "theo quy định")  # the defect of samples/defects/no-deadline.txt
    code, out, _ = run("check", "ke-hoach.txt", "--rules", "default", "--baseline", "baseline.json", "--lang", "en")
    assert code == 1
    assert "Baseline baseline.json: 2 known findings, 1 new finding, 0 findings fixed since the baseline." in out
    assert out.rstrip().splitlines()[-1] == "Total: documents: 1, errors: 1, warnings: 0, info: 0, accepted: 2"
    code, data = check_json("ke-hoach.txt", "--rules", "default", "--baseline", "baseline.json", "--lang", "en")
    assert code == 1
    assert [f["rule"] for f in findings(data) if not f["baseline"]] == ["has-deadline"]
    assert {f["rule"] for f in findings(data) if f["baseline"]} == {"assigns-tasks", "has-own-date"}


def test_a_fixed_finding_is_counted(plan: Path) -> None:
    for lang in ("vi", "en"):
        run("check", "ke-hoach.txt", "--rules", "default", "--lang", lang, "--write-baseline", f"{lang}.json")
    edit(plan, "6. Theo dõi", UNIT)  # the task has its units again, as in the original plan
    code, out, _ = run("check", "ke-hoach.txt", "--rules", "default", "--baseline", "en.json", "--lang", "en")
    assert code == 0
    assert "1 known finding, 0 new findings, 1 finding fixed since the baseline." in out
    _, out, _ = run("check", "ke-hoach.txt", "--rules", "default", "--baseline", "vi.json")
    assert "1 phát hiện đã biết, 0 phát hiện mới, 1 phát hiện đã sửa từ khi lập đường cơ sở." in out


def test_moving_text_does_not_make_a_finding_new(plan: Path) -> None:
    run("check", "ke-hoach.txt", "--rules", "default", "--write-baseline", "baseline.json")
    edit(plan, "\nKẾ HOẠCH\n", "\n\n\n\nKẾ HOẠCH\n")  # every later line moves down by 3
    code, data = check_json("ke-hoach.txt", "--rules", "default", "--baseline", "baseline.json")
    (task,) = [f for f in findings(data) if f["rule"] == "assigns-tasks"]
    assert task["location"]["line"] == 106 and task["baseline"] is True
    assert code == 0 and data["baseline"]["new"] == 0


def test_a_renamed_plan_keeps_its_entries_by_number_symbol(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(VAN_NINH, tmp_path / "45-kh-ubnd.docx")
    args = ["--rules", "default", "--parent", "93-HD/BTGTU"]
    run("check", "45-kh-ubnd.docx", *args, "--write-baseline", "baseline.json")
    entries = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [(e["document"], e["number_symbol"], e["rule"]) for e in entries] == [
        ("45-kh-ubnd.docx", "45/KH-UBND", "cites-parent")]
    (tmp_path / "45-kh-ubnd.docx").rename(tmp_path / "ke-hoach-2019.docx")
    code, data = check_json("ke-hoach-2019.docx", *args, "--baseline", "baseline.json")
    assert code == 0 and [f["baseline"] for f in findings(data)] == [True]


def test_baseline_with_waivers(plan: Path) -> None:
    waivers = plan.parent / "waivers.yaml"
    waivers.write_text(yaml.safe_dump({"waivers": [{
        "rule": "assigns-tasks", "document": "ke-hoach.txt", "reason": "BCH Quân sự chủ trì",
        "accepted_by": "Nguyễn Văn A", "expires": "2099-12-31"}]}, allow_unicode=True), encoding="utf-8")
    run("check", "ke-hoach.txt", "--rules", "default", "--waivers", str(waivers), "--write-baseline", "baseline.json")
    entries = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [e["rule"] for e in entries] == ["has-own-date"]  # the waiver is the record of the waived finding
    code, data = check_json("ke-hoach.txt", "--rules", "default", "--waivers", str(waivers),
                            "--baseline", "baseline.json")
    assert code == 0 and data["baseline"]["new"] == 0 and data["waiver_problems"] == []
    marks = {f["rule"]: (f["baseline"], f["waiver"] is not None) for f in findings(data)}
    assert marks == {"has-own-date": (True, False), "assigns-tasks": (False, True)}
    # Without the waivers file the waived finding is new again.
    assert run("check", "ke-hoach.txt", "--rules", "default", "--baseline", "baseline.json")[0] == 1


def test_rewriting_the_baseline_keeps_the_comparison_with_the_old_one(plan: Path) -> None:
    run("check", "ke-hoach.txt", "--rules", "default", "--write-baseline", "old.json")
    edit(plan, DEADLINE, "theo quy định")
    code, data = check_json("ke-hoach.txt", "--rules", "default", "--baseline", "old.json",
                            "--write-baseline", "new.json")
    assert code == 0 and all(f["baseline"] for f in findings(data))
    assert data["baseline"] == {"path": "old.json", "known": 2, "new": 1, "fixed": 0, "written": "new.json",
                                "recorded": 3}
    assert run("check", "ke-hoach.txt", "--rules", "default", "--baseline", "new.json")[0] == 0


def test_identical_fingerprints_are_counted() -> None:
    finding = Finding(rule="assigns-tasks", code="task-without-unit", severity="error", message="m",
                      evidence="6. Theo dõi", location=Location(block=3, line=10))
    moved = finding.model_copy(update={"location": Location(block=9, line=40)})
    report = Report(version="0", documents=[DocumentReport(path="a.txt", status="checked", findings=[finding])])
    baseline = make_baseline(report)
    assert [e.count for e in baseline.entries] == [1]
    twice = report.model_copy(update={"documents": [DocumentReport(path="a.txt", status="checked",
                                                                   findings=[finding, moved])]})
    marked = apply_baseline(twice, baseline, "b.json")
    assert [f.baseline for f in marked.documents[0].findings] == [True, False]
    assert marked.baseline is not None and (marked.baseline.known, marked.baseline.new) == (1, 1)
    assert [e.count for e in make_baseline(twice).entries] == [2]


def test_fingerprint_is_the_folded_quote_or_the_message() -> None:
    base = Finding(rule="r", code="c", severity="error", message="Thông báo", evidence="6. Theo dõi,  tổng hợp")
    assert fingerprint(base) == fingerprint(base.model_copy(update={"evidence": "6. THEO DÕI, tổng hợp",
                                                                    "message": "khác",
                                                                    "location": Location(block=1)}))
    assert fingerprint(base) != fingerprint(base.model_copy(update={"evidence": "7. Theo dõi, tổng hợp"}))
    quoteless = base.model_copy(update={"evidence": None})
    assert fingerprint(quoteless) != fingerprint(quoteless.model_copy(update={"message": "Thông báo khác"}))


def test_document_key_is_relative_to_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    assert document_key(str(tmp_path / "docs" / "a.txt")) == "docs/a.txt"
    assert document_key("./docs/a.txt") == "docs/a.txt"
    assert document_key(str(TASK)) == str(TASK)  # outside the current folder: as given


def test_baseline_in_another_language_is_an_error(plan: Path) -> None:
    run("check", "ke-hoach.txt", "--rules", "default", "--write-baseline", "baseline.json")
    code, out, err = run("check", "ke-hoach.txt", "--rules", "default", "--baseline", "baseline.json", "--lang", "en")
    assert code == 2 and out == ""
    assert "baseline.json: the baseline was written with --lang vi" in err


@pytest.mark.parametrize(("content", "expected"), [
    (None, "cannot read the baseline"),
    ("{not json", "not valid JSON"),
    (json.dumps({"tool": "plancheck", "format": 1, "lang": "vi", "findings": [
        {"document": "a.txt", "number_symbol": None, "rule": "r", "code": "c", "hash": "abc", "count": 1}]}),
     "finding 1, key 'hash': 'abc' does not match"),
    (json.dumps({"tool": "plancheck", "format": 1, "lang": "vi", "findings": [], "extra": 1}),
     "top level: Additional properties are not allowed ('extra' was unexpected)"),
])
def test_unreadable_baseline_exits_2_naming_the_file(tmp_path: Path, content: str | None, expected: str) -> None:
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError):
        load_baseline(path)
    code, out, err = run("check", str(TASK), "--baseline", str(path))
    assert code == 2 and out == ""
    assert f"{path}: " in err and expected in err


def test_unwritable_baseline_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "baseline.json"
    code, out, err = run("check", str(TASK), "--write-baseline", str(target))
    assert code == 2 and out == ""
    assert f"cannot write the baseline to {target}" in err
    assert not target.parent.exists()


def test_findings_of_documents_not_checked_are_neither_known_nor_fixed() -> None:
    baseline = Baseline(lang="vi", entries=[Entry("other.txt", None, "r", "c", "0" * 64, 3)])
    report = Report(version="0", documents=[DocumentReport(path="a.txt", status="checked")])
    summary = apply_baseline(report, baseline, "b.json").baseline
    assert summary is not None and (summary.known, summary.new, summary.fixed) == (0, 0, 0)
