"""Every document's cost is bounded by construction (issue 16): caps that leave the rest of a document
checked with a note. Every file is built here, small: the caps are tested with lowered limits."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import build_plan, run

from checker.api import check_file
from checker.limits import Limits, using


def notes_of(report) -> list[str]:  # type: ignore[no-untyped-def]
    assert report.plan is not None, report.error
    return report.plan.notes


# --- caps: the rest of the document is still checked, and a note says what was left out ---------------------

def test_a_block_over_block_chars_is_cut_with_a_note_and_the_others_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "dai.txt"
    path.write_text(build_plan(purpose="I. MỤC ĐÍCH, YÊU CẦU\n" + "Nâng cao nhận thức " * 400), encoding="utf-8")
    with using(Limits(block_chars=1000)):
        report = check_file(path)
    assert report.status == "checked" and report.plan is not None
    assert max(len(block.text) for block in report.plan.blocks) == 1000
    assert report.plan.title and report.plan.tasks  # the blocks after the long one are read and checked
    [note] = [n for n in notes_of(report) if "block-chars" in n]
    assert "1 đoạn dài quá 1000 ký tự bị cắt" in note and "1 block longer than 1000 characters cut there" in note
    assert "dòng" in note and "line" in note and "--limit block-chars=" in note
    assert not [n for n in notes_of(check_file(path)) if "block-chars" in n]  # under the default: not cut


def test_citations_past_the_cap_are_left_out_with_a_note(tmp_path: Path) -> None:
    basis = "Căn cứ " + "; ".join(f"Công văn số {i}/UBND-VX ngày 01/02/2023 của UBND tỉnh" for i in range(1, 31)) + ";"
    path = tmp_path / "can-cu.txt"
    path.write_text(build_plan(basis=basis), encoding="utf-8")
    assert len(check_file(path).plan.citations) == 30  # type: ignore[union-attr]
    with using(Limits(citations=10)):
        report = check_file(path)
    assert report.plan is not None and [c.symbol for c in report.plan.citations] == [
        f"{i}/UBND-VX" for i in range(1, 11)]
    assert len(report.plan.basis) <= 10
    [note] = [n for n in notes_of(report) if "citations" in n]
    assert "Chỉ đọc 10 trích dẫn văn bản đầu tiên" in note and "only the first 10 citations" in note
    assert report.plan.tasks and report.rules  # the rest of the plan is read and checked


@pytest.fixture
def many_findings(tmp_path: Path) -> Path:
    """A plan with 20 tasks given to no unit (an error each, and a warning) and ten themes missing."""
    implementation = "III. TỔ CHỨC THỰC HIỆN\n" + "\n".join(
        f"{i}. Tổ chức tuyên truyền nội dung số {i} trên địa bàn." for i in range(1, 21))
    path = tmp_path / "nhieu.txt"
    content = "II. NỘI DUNG\n1. Tuyên truyền chủ trương, đường lối của Đảng."
    path.write_text(build_plan(implementation=implementation, content=content), encoding="utf-8")
    return path


def test_findings_past_the_cap_of_their_rule_are_left_out_with_a_note(many_findings: Path) -> None:
    whole = Counter(f.rule for f in check_file(many_findings).findings)
    assert whole["assigns-tasks"] == 20 and whole["covers-themes"] == 10
    with using(Limits(findings_per_rule=3)):
        report = check_file(many_findings)
    assert Counter(f.rule for f in report.findings) == {"assigns-tasks": 3, "covers-themes": 3}
    assert [t.covered for t in report.themes].count(False) == 10  # the rule's coverage is still complete
    [note] = [n for n in notes_of(report) if "findings-per-rule" in n]
    assert "assigns-tasks, covers-themes" in note and "chỉ báo 3 phát hiện đầu tiên" in note


def test_findings_past_the_cap_of_a_document_keep_the_most_severe(many_findings: Path) -> None:
    whole = check_file(many_findings).findings
    assert Counter(f.severity for f in whole) == {"error": 29, "warning": 1}
    with using(Limits(findings=29)):
        report = check_file(many_findings)
    assert len(report.findings) == 29 and {f.severity for f in report.findings} == {"error"}
    assert report.findings == [f for f in whole if f.severity == "error"]  # in the order of the document
    [note] = [n for n in notes_of(report) if "--limit findings=" in n]
    assert "chỉ báo 29 phát hiện nặng nhất" in note and "only the 29 most severe" in note


def test_the_caps_are_set_from_the_command_line(many_findings: Path) -> None:
    code, out, _ = run("check", str(many_findings), "--limit", "findings=5", "--lang", "en")
    assert code == 1 and "only the 5 most severe are reported" in out
    code, _, err = run("check", str(many_findings), "--limit", "findings=few")
    assert code == 2 and "is not a number" in err
