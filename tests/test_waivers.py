"""Waivers (``--waivers FILE``): accepted findings stay in the report, marked, and do not count.

Library calls pass ``today`` explicitly; CLI tests use expiry dates far in the past or the future, so
nothing here depends on the day it runs.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import run

from checker import check_file
from checker.engine.run import make_report
from checker.engine.waivers import WaiverEntry, WaiverError, apply_waivers, load_waivers
from checker.model.report import DocumentReport, Finding, Report, Waiver

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
TASK = SAMPLES / "defects" / "task-without-unit.txt"
NO_DEADLINE = SAMPLES / "defects" / "no-deadline.txt"
VAN_NINH = SAMPLES / "ke-hoach-ttdn-van-ninh-2019.docx"  # Số: 45/KH-UBND
VAN_NINH_TXT = SAMPLES / "ke-hoach-ttdn-van-ninh-2019.txt"  # the web copy: no number-symbol
TODAY = date(2024, 6, 1)
FAR = date(2099, 12, 31)
PAST = date(2000, 1, 1)


def waiver(**fields: Any) -> dict[str, Any]:
    """A complete waiver entry; ``fields`` replace or add keys (None removes one)."""
    entry: dict[str, Any] = {"rule": "assigns-tasks", "document": str(TASK),
                             "reason": "Nhiệm vụ 6 do BCH Quân sự chủ trì", "accepted_by": "Nguyễn Văn A"}
    entry.update(fields)
    return {k: v for k, v in entry.items() if v is not None}


def write_waivers(tmp_path: Path, *entries: dict[str, Any]) -> Path:
    path = tmp_path / "waivers.yaml"
    path.write_text(yaml.safe_dump({"waivers": list(entries)}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def entry(index: int = 1, **fields: Any) -> WaiverEntry:
    data = waiver(**fields)
    return WaiverEntry(source="w.yaml", index=index, rule=data["rule"], document=data["document"],
                       reason=data["reason"], accepted_by=data["accepted_by"], expires=data.get("expires"),
                       evidence=data.get("evidence"))


@pytest.fixture(scope="module")
def task_report() -> Report:
    return make_report([check_file(TASK, "default")], [], "vi")


@pytest.fixture(scope="module")
def van_ninh_report() -> Report:
    # --parent gives the Word plan (45/KH-UBND) a finding: it cites 368/QĐ-TTg, not 93-HD/BTGTU.
    docs = [check_file(VAN_NINH, "default", parent="93-HD/BTGTU"),
            check_file(VAN_NINH_TXT, "default", parent="93-HD/BTGTU")]
    return make_report(docs, [], "vi")


def waived(report: Report, rule: str = "assigns-tasks", doc: int = 0) -> list[Finding]:
    return [f for f in report.documents[doc].findings if f.rule == rule and f.waiver is not None]


def test_the_task_sample_has_the_finding_these_tests_waive(task_report: Report) -> None:
    found = [f for f in task_report.documents[0].findings if f.rule == "assigns-tasks"]
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].location is not None and found[0].location.line == 103
    assert task_report.worst() == 3


@pytest.mark.parametrize("document", [
    str(TASK),                                   # the report path itself
    "task-without-unit.txt",                     # its file name
    "defects/task-without-unit.txt",             # its last components
    "samples/defects/./task-without-unit.txt",   # normalised
    "samples\\defects\\task-without-unit.txt",   # Windows separators
])
def test_waiver_by_path_or_file_name(task_report: Report, document: str) -> None:
    report = apply_waivers(task_report, [entry(document=document)], TODAY)
    (finding,) = waived(report)
    assert finding.waiver == Waiver(reason="Nhiệm vụ 6 do BCH Quân sự chủ trì", accepted_by="Nguyễn Văn A",
                                    expires=None, source="w.yaml", index=1)
    assert finding.location is not None and finding.location.line == 103  # the finding itself is unchanged
    assert report.waiver_problems == []
    assert report.worst() == 2 and report.worst(include_accepted=True) == 3  # only the has-own-date warning counts


@pytest.mark.parametrize("document", ["without-unit.txt", "other/task-without-unit.txt", "no-deadline.txt",
                                      "/elsewhere/defects/task-without-unit.txt"])
def test_waiver_for_another_document_does_not_apply(task_report: Report, document: str) -> None:
    report = apply_waivers(task_report, [entry(document=document)], TODAY)
    assert waived(report) == []
    assert [p.code for p in report.waiver_problems] == ["unused"]
    assert "không văn bản nào được kiểm tra là" in report.waiver_problems[0].message


@pytest.mark.parametrize("document", ["45/KH-UBND", "45 / KH-UBND", "45/kh-ubnd", "045/KH–UBND"])
def test_waiver_by_number_symbol(van_ninh_report: Report, document: str) -> None:
    assert van_ninh_report.documents[0].plan is not None
    assert van_ninh_report.documents[0].plan.number_symbol == "45/KH-UBND"
    report = apply_waivers(van_ninh_report, [entry(rule="cites-parent", document=document)], TODAY)
    assert len(waived(report, "cites-parent", doc=0)) == 1
    # The web copy has the same text but no number-symbol: the waiver does not reach it.
    assert waived(report, "cites-parent", doc=1) == []
    assert any(f.rule == "cites-parent" for f in report.documents[1].findings)
    assert report.waiver_problems == []


def test_waiver_for_another_number_symbol_does_not_apply(van_ninh_report: Report) -> None:
    report = apply_waivers(van_ninh_report, [entry(rule="cites-parent", document="46/KH-UBND")], TODAY)
    assert waived(report, "cites-parent") == [] and [p.code for p in report.waiver_problems] == ["unused"]


@pytest.mark.parametrize(("evidence", "applies"), [
    ("Theo dõi, tổng hợp diễn biến", True),
    ("THEO DÕI,   TỔNG HỢP", True),        # folded: case and runs of spaces
    ("bảo vệ bí mật", False),              # cut off by the quote's ellipsis, and not in the message
    ("không có cơ quan, đơn vị", True),    # found in the message
    ("Tuyên truyền miệng", False),
    (r"/^6\. Theo dõi/", True),            # a regular expression, searched in the original text
    (r"/^7\./", False),
    (r"/(?i)THEO DÕI/", True),
])
def test_evidence_filter(task_report: Report, evidence: str, applies: bool) -> None:
    report = apply_waivers(task_report, [entry(document="task-without-unit.txt", evidence=evidence)], TODAY)
    assert bool(waived(report)) is applies
    assert [p.code for p in report.waiver_problems] == ([] if applies else ["unused"])


def test_evidence_filter_matches_the_message_of_a_finding_without_quote(task_report: Report) -> None:
    report = apply_waivers(task_report, [entry(rule="has-own-date", document="task-without-unit.txt",
                                               evidence="ngày ban hành")], TODAY)
    assert len(waived(report, "has-own-date")) == 1


def test_expired_waiver_is_reported_and_not_applied(task_report: Report) -> None:
    waivers = [entry(document="task-without-unit.txt", expires=PAST)]
    report = apply_waivers(task_report, waivers, TODAY)
    assert waived(report) == [] and report.worst() == 3
    (problem,) = report.waiver_problems
    assert problem.code == "expired" and problem.index == 1 and problem.expires == PAST
    assert problem.message.startswith("Mục chấp nhận 1 trong w.yaml đã hết hạn ngày 01/01/2000")
    english = apply_waivers(task_report.model_copy(update={"lang": "en"}), waivers, TODAY)
    assert english.waiver_problems[0].message.startswith("Waiver 1 in w.yaml expired on 2000-01-01")


def test_waiver_applies_through_its_last_day(task_report: Report) -> None:
    waivers = [entry(document="task-without-unit.txt", expires=TODAY)]
    assert len(waived(apply_waivers(task_report, waivers, TODAY))) == 1
    later = apply_waivers(task_report, waivers, date(2024, 6, 2))
    assert waived(later) == [] and [p.code for p in later.waiver_problems] == ["expired"]


def test_unused_waiver_is_reported(task_report: Report) -> None:
    report = apply_waivers(task_report, [entry(document="task-without-unit.txt"),
                                         entry(2, rule="has-deadline", document="task-without-unit.txt")], TODAY)
    (problem,) = report.waiver_problems
    assert (problem.code, problem.index, problem.rule) == ("unused", 2, "has-deadline")
    assert problem.message == ("Mục chấp nhận 2 trong w.yaml không khớp phát hiện nào (has-deadline, "
                               "task-without-unit.txt); xóa mục này nếu vấn đề đã được sửa.")


def test_first_matching_waiver_is_attached_and_both_are_used(task_report: Report) -> None:
    report = apply_waivers(task_report, [entry(document="task-without-unit.txt", reason="thứ nhất"),
                                         entry(2, evidence="Theo dõi", reason="thứ hai")], TODAY)
    (finding,) = waived(report)
    assert finding.waiver is not None and finding.waiver.reason == "thứ nhất"
    assert report.waiver_problems == []


def test_a_finding_that_is_waived_does_not_count_but_stays_in_the_counts_with_accepted() -> None:
    finding = Finding(rule="r", code="c", severity="error", message="m")
    doc = DocumentReport(path="x.txt", status="checked", findings=[
        finding, finding.model_copy(update={"waiver": Waiver(reason="r", accepted_by="a", source="w", index=1)}),
        finding.model_copy(update={"severity": "warning", "baseline": True})])
    report = Report(version="0", documents=[doc])
    assert [f.accepted for f in doc.findings] == [False, True, True]
    assert doc.count("error") == 2 and doc.count("error", include_accepted=False) == 1
    assert report.worst() == 3
    only_accepted = Report(version="0", documents=[doc.model_copy(update={"findings": doc.findings[1:]})])
    assert only_accepted.worst() == 0 and only_accepted.worst(include_accepted=True) == 3


# --- the command -----------------------------------------------------------------------------------------


def test_waived_error_exits_0_with_the_default_fail_on(tmp_path: Path) -> None:
    code, out, _ = run("check", str(TASK), "--rules", "default")
    assert code == 1
    waivers = write_waivers(tmp_path, waiver(expires=FAR))
    code, out, err = run("check", str(TASK), "--rules", "default", "--waivers", str(waivers))
    assert code == 0, err
    assert "(đã chấp nhận: Nhiệm vụ 6 do BCH Quân sự chủ trì — Nguyễn Văn A, đến 31/12/2099)" in out
    assert "dòng 103" in out  # shown, not hidden
    assert out.rstrip().splitlines()[-1] == "Tổng cộng: 1 văn bản, 0 lỗi, 1 cảnh báo, 0 thông tin, 1 đã chấp nhận"
    # The warning still counts when asked to.
    code, _, _ = run("check", str(TASK), "--rules", "default", "--waivers", str(waivers), "--fail-on", "warning")
    assert code == 1


def test_english_text_marks_waived_findings_and_lists_problems_at_the_end(tmp_path: Path) -> None:
    waivers = write_waivers(tmp_path, waiver(document="task-without-unit.txt"),
                            waiver(rule="has-deadline", document="no-deadline.txt", expires=PAST),
                            waiver(rule="has-deadline", document="task-without-unit.txt"))
    code, out, _ = run("check", str(TASK), str(NO_DEADLINE), "--rules", "default", "--waivers", str(waivers),
                       "--lang", "en")
    assert code == 1  # the expired waiver no longer waives no-deadline.txt's error
    assert "(waived: Nhiệm vụ 6 do BCH Quân sự chủ trì — Nguyễn Văn A)" in out
    lines = out.rstrip().splitlines()
    assert lines[-5:] == [
        "Waivers (--waivers):",
        f"  Waiver 2 in {waivers} expired on 2000-01-01 (has-deadline, no-deadline.txt): its findings count again; "
        "renew or remove it.",
        f"  Waiver 3 in {waivers} matched no finding (has-deadline, task-without-unit.txt); remove it if the problem "
        "was fixed.",
        "",
        "Total: documents: 2, errors: 1, warnings: 2, info: 0, accepted: 1",
    ]


def test_waiver_by_number_symbol_from_the_command_line(tmp_path: Path) -> None:
    args = ["check", str(VAN_NINH), "--rules", "default", "--parent", "93-HD/BTGTU"]
    assert run(*args)[0] == 1
    waivers = write_waivers(tmp_path, waiver(rule="cites-parent", document="45/KH-UBND", reason="Kế hoạch năm 2019, "
                                             "trước Hướng dẫn 93-HD/BTGTU"))
    code, out, _ = run(*args, "--waivers", str(waivers))
    assert code == 0 and "(đã chấp nhận: Kế hoạch năm 2019, trước Hướng dẫn 93-HD/BTGTU — Nguyễn Văn A)" in out


def test_json_output_validates_and_carries_the_waiver(tmp_path: Path) -> None:
    waivers = write_waivers(tmp_path, waiver(document="task-without-unit.txt", expires=FAR),
                            waiver(rule="is-plan", document="task-without-unit.txt"))
    out_file = tmp_path / "report.json"
    code, _, _ = run("check", str(TASK), "--rules", "default", "--waivers", str(waivers), "--format", "json",
                     "-o", str(out_file))
    assert code == 0
    data = json.loads(out_file.read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    (finding,) = [f for f in data["documents"][0]["findings"] if f["rule"] == "assigns-tasks"]
    assert finding["waiver"] == {"reason": "Nhiệm vụ 6 do BCH Quân sự chủ trì", "accepted_by": "Nguyễn Văn A",
                                 "expires": "2099-12-31", "source": str(waivers), "index": 1}
    assert finding["baseline"] is False
    assert all(f["waiver"] is None for f in data["documents"][0]["findings"] if f["rule"] != "assigns-tasks")
    assert [(p["code"], p["index"], p["rule"]) for p in data["waiver_problems"]] == [("unused", 2, "is-plan")]
    assert data["baseline"] is None


@pytest.mark.parametrize(("text", "expected"), [
    ("waivers:\n  - rule: assigns-tasks\n    document: a.txt\n    reason: r\n    accepted_by: b\n"
     "  - rule: assigns-tasks\n    document: a.txt\n    reason: r\n    acepted_by: b\n",
     ["waiver 2, key 'acepted_by': unknown key (allowed keys: accepted_by, document, evidence, expires, reason, "
      "rule); did you mean 'accepted_by'?", "waiver 2, key 'accepted_by': is required"]),
    ("waivers:\n  - rule: assigns-tasks\n    document: a.txt\n    accepted_by: b\n",
     ["waiver 1, key 'reason': is required"]),
    ("waivers:\n  - {rule: assigns-tasks, document: a.txt, reason: r, accepted_by: b, expires: 31/12/2026}\n",
     ["waiver 1, key 'expires': '31/12/2026' must be a date written YYYY-MM-DD"]),
    ("waivers:\n  - {rule: assigns-tasks, document: a.txt, reason: r, accepted_by: b, expires: '2026-02-30'}\n",
     ["waiver 1, key 'expires': '2026-02-30' is not a date that exists"]),
    ("waivers:\n  - {rule: assigns-tasks, document: a.txt, reason: r, accepted_by: b, expires: 2026-02-30}\n",
     ["a value cannot be read"]),
    ("waivers:\n  - {rule: Assigns Tasks, document: a.txt, reason: r, accepted_by: b}\n",
     ["waiver 1, key 'rule': 'Assigns Tasks' must be a rule id such as assigns-tasks"]),
    ("waivers:\n  - {rule: assigns-tasks, document: a.txt, reason: r, accepted_by: b, evidence: '/([a-z/'}\n",
     ["waiver 1, key 'evidence': not a valid regular expression"]),
    ("waivers:\n  - {rule: assigns-tasks, document: 12, reason: r, accepted_by: b}\n",
     ["waiver 1, key 'document': 12 is not of type 'string'"]),
    ("waiver:\n  - {rule: assigns-tasks}\n", ["key 'waiver': unknown key (allowed keys: waivers); did you mean "
                                            "'waivers'?", "key 'waivers': is required"]),
    ("- rule: assigns-tasks\n", ["a waivers file must be a YAML mapping with 'waivers:'"]),
    ("waivers: [\n", ["not valid YAML"]),
])
def test_waiver_file_errors_name_file_index_and_key_and_exit_2(tmp_path: Path, text: str,
                                                               expected: list[str]) -> None:
    path = tmp_path / "waivers.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WaiverError) as caught:
        load_waivers(path)
    assert len(caught.value.problems) == len(expected)
    for problem, wanted in zip(caught.value.problems, expected, strict=True):
        assert problem.startswith(f"{path}: ") and wanted in problem
    # The command checks the file before reading any document: the missing document is never reported.
    code, out, err = run("check", str(tmp_path / "missing.txt"), "--waivers", str(path))
    assert code == 2 and out == ""
    assert "waivers file error" in err and all(wanted in err for wanted in expected)


def test_missing_waiver_file_exits_2_naming_it(tmp_path: Path) -> None:
    code, out, err = run("check", str(TASK), "--waivers", str(tmp_path / "nope.yaml"))
    assert code == 2 and out == ""
    assert f"{tmp_path / 'nope.yaml'}: cannot read the waivers file" in err


def test_waivers_schema_is_valid_and_accepts_a_full_entry(tmp_path: Path) -> None:
    schema = json.loads((ROOT / "schemas" / "waivers.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    path = write_waivers(tmp_path, waiver(evidence="/Theo dõi/", expires=FAR), waiver(document="45/KH-UBND"))
    loaded = load_waivers(path)
    assert [(w.index, w.expires, w.evidence) for w in loaded] == [(1, FAR, "/Theo dõi/"), (2, None, None)]
    assert load_waivers(write_waivers(tmp_path)) == []
