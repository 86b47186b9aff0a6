"""task_table: rows of a Word task table must be complete and give real times; each failure names its table and row."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from checker import check_file, parse_file

HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]


def plan_with_table(tmp_path: Path, rows: list[list[str]], merge_task_of: int | None = None) -> Path:
    """A small Word plan whose appendix is a task table with ``rows`` (below the header row)."""
    document = docx.Document()
    for text in ["KẾ HOẠCH", "Công tác cải cách hành chính năm 2026",
                 "Căn cứ Quyết định số 368/QĐ-TTg ngày 28/2/2013 của Thủ tướng Chính phủ;",
                 "I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao nhận thức.", "II. NỘI DUNG", "Tuyên truyền cải cách hành chính.",
                 "III. TỔ CHỨC THỰC HIỆN", "1. Sở Nội vụ chủ trì theo dõi, đôn đốc thực hiện Kế hoạch.",
                 "Các cơ quan báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2026.", "PHỤ LỤC PHÂN CÔNG NHIỆM VỤ"]:
        document.add_paragraph(text)
    table = document.add_table(rows=1 + len(rows), cols=len(HEADER))
    for col, text in enumerate(HEADER):
        table.cell(0, col).text = text
    for r, row in enumerate(rows, start=1):
        for col, text in enumerate(row):
            if text:
                table.cell(r, col).text = text
    if merge_task_of is not None:  # one task over two rows: STT and task cells merged vertically
        for col in (0, 1):
            table.cell(merge_task_of, col).merge(table.cell(merge_task_of + 1, col))
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    return path


def table_findings(path: Path, lang: str = "vi") -> list[tuple[str, str, int | None, str]]:
    report = check_file(path, rules="default", lang=lang)
    return [(f.code, f.severity, f.location.row if f.location else None, f.message)
            for f in report.findings if f.rule == "task-table"]


def test_complete_table_passes_and_group_rows_are_not_tasks(tmp_path):
    path = plan_with_table(tmp_path, [
        ["I", "Cải cách thể chế", "", "", ""],
        ["1", "Rà soát văn bản quy phạm pháp luật", "Sở Tư pháp", "Các sở, ngành", "Quý I/2026"],
        ["2", "Tuyên truyền cải cách hành chính", "Sở Nội vụ", "", "Thường xuyên"],
    ])
    assert table_findings(path) == []
    rows = [t for t in parse_file(path).tasks if t.source == "table"]
    assert [(t.location.table, t.location.row, t.units, t.timeframe) for t in rows] == [
        (1, 3, ["Sở Tư pháp"], "Quý I/2026"),
        (1, 4, ["Sở Nội vụ"], "Thường xuyên"),
    ]


def test_row_without_unit_and_time_without_time_are_named_by_row(tmp_path):
    path = plan_with_table(tmp_path, [
        ["1", "Tổ chức hội nghị tập huấn", "", "Các địa phương", "Quý II/2026"],
        ["2", "Kiểm tra công tác cải cách hành chính", "Sở Nội vụ", "", "Theo kế hoạch của tỉnh"],
    ])
    assert table_findings(path) == [
        ("row-without-unit", "error", 2,
         "Bảng 1, hàng 2: nhiệm vụ «Tổ chức hội nghị tập huấn» không có cơ quan chủ trì."),
        ("time-not-understood", "warning", 3,
         "Bảng 1, hàng 3: cột thời gian «Theo kế hoạch của tỉnh» không nêu thời gian thực hiện."),
    ]
    # The unit-less row is not reported a second time by assigns-tasks.
    report = check_file(path, rules="default")
    assert [f for f in report.findings if f.rule == "assigns-tasks"] == []


def test_impossible_date_and_row_without_task(tmp_path):
    path = plan_with_table(tmp_path, [
        ["1", "Ban hành kế hoạch kiểm tra", "Sở Nội vụ", "", "Trước ngày 31/11/2026"],
        ["2", "", "Sở Tài chính", "", "Năm 2026"],
    ])
    assert [(code, severity, row) for code, severity, row, _ in table_findings(path, lang="en")] == [
        ("impossible-time", "error", 2),
        ("row-without-task", "error", 3),
    ]


def test_vertically_merged_task_continues_on_the_next_row(tmp_path):
    path = plan_with_table(tmp_path, [
        ["1", "Tham mưu ban hành kế hoạch tuyên truyền", "Sở Nội vụ", "", "Tháng 01/2026"],
        ["", "", "Các cơ quan, đơn vị, địa phương", "", "Tháng 02/2026"],
    ], merge_task_of=1)
    assert table_findings(path) == []
    rows = [t for t in parse_file(path).tasks if t.source == "table"]
    assert [(t.text, t.units) for t in rows] == [
        ("Tham mưu ban hành kế hoạch tuyên truyền", ["Sở Nội vụ"]),
        ("Tham mưu ban hành kế hoạch tuyên truyền", ["Các cơ quan, đơn vị, địa phương"]),
    ]


@pytest.mark.parametrize("check_time", ["true", "false"])
def test_time_check_can_be_switched_off(tmp_path, check_time):
    path = plan_with_table(tmp_path, [["1", "Kiểm tra", "Sở Nội vụ", "", "Theo hướng dẫn của Trung ương"]])
    pack = tmp_path / "pack.yaml"
    pack.write_text(f"extends: default\nrules:\n  task-table:\n    params: {{check_time: {check_time}}}\n",
                    encoding="utf-8")
    codes = [f.code for f in check_file(path, rules=str(pack)).findings if f.rule == "task-table"]
    assert codes == (["time-not-understood"] if check_time == "true" else [])


# --- issue 15: a finding names, quotes and is anchored on the cell it is about ------------------------------

def _located(report):
    return [(f.code, f.location.table, f.location.row, f.location.cell, f.evidence)
            for f in report.findings if f.rule == "task-table"]


def test_a_finding_names_and_quotes_the_cell_it_is_about(tmp_path):
    path = plan_with_table(tmp_path, [
        ["1", "Tổ chức hội nghị tập huấn", "", "Các địa phương", "Quý II/2026"],
        ["2", "Kiểm tra công tác cải cách hành chính", "Sở Nội vụ", "", "Theo kế hoạch của tỉnh"],
        ["3", "Ban hành kế hoạch kiểm tra", "Sở Nội vụ", "", "Trước ngày 31/11/2026"],
    ])
    assert _located(check_file(path, rules="default")) == [
        ("row-without-unit", 1, 2, 2, "Tổ chức hội nghị tập huấn"),  # the unit cell is empty: the task cell
        ("time-not-understood", 1, 3, 5, "Theo kế hoạch của tỉnh"),  # the time cell, not the task cell
        ("impossible-time", 1, 4, 5, "Trước ngày 31/11/2026"),
    ]


def test_a_finding_of_a_text_table_names_and_quotes_its_cell(tmp_path):
    text = ("KẾ HOẠCH\nCông tác cải cách hành chính năm 2026\nIII. TỔ CHỨC THỰC HIỆN\n"
            "- Sở Nội vụ chủ trì theo dõi, đôn đốc thực hiện Kế hoạch.\n"
            "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |\n"
            "|---|---|---|---|---|\n"
            "| 1 | Kiểm tra công tác cải cách hành chính | Sở Nội vụ |  | Theo kế hoạch của tỉnh |\n")
    path = tmp_path / "ke-hoach.txt"
    path.write_text(text, encoding="utf-8")
    report = check_file(path, rules="default")
    [finding] = [f for f in report.findings if f.rule == "task-table"]
    assert finding.evidence == "Theo kế hoạch của tỉnh"
    assert report.plan.blocks[finding.location.block].text == finding.evidence
    # numbered from 1, as the same table in a Word file (the header is row 1; the |---| rule is no row)
    assert (finding.location.table, finding.location.row, finding.location.cell) == (1, 2, 5)
    assert finding.message.startswith("Bảng 1, hàng 2: cột thời gian")


def test_a_table_location_ends_without_a_dangling_bullet(tmp_path):
    # the cells follow a "- …" item: its bullet names no section, and "· -" said nothing
    from checker.formatters.view import where

    path = plan_with_table(tmp_path, [["1", "Kiểm tra", "Sở Nội vụ", "", "Theo hướng dẫn của Trung ương"]])
    document = docx.Document(str(path))
    document.paragraphs[-1].insert_paragraph_before("- Các đơn vị thực hiện theo phụ lục dưới đây.")
    document.save(str(path))
    [finding] = [f for f in check_file(path, rules="default").findings if f.rule == "task-table"]
    assert finding.location.section[-1] == "-"
    assert where(finding.location, "vi") == "bảng 1, hàng 2, ô 5 · III. › 1."
    # a path of a bullet alone (a "- …" item written in an earlier table's cell, corpus 002): no separator at all
    bullet_only = finding.location.model_copy(update={"section": ["-"]})
    assert where(bullet_only, "en") == "table 1, row 2, cell 5"


def test_the_word_comment_is_anchored_on_the_cell_it_is_about(tmp_path):
    from test_annotate import comments

    from checker.annotate import annotate

    path = plan_with_table(tmp_path, [
        ["1", "Kiểm tra công tác cải cách hành chính", "Sở Nội vụ", "", "Theo kế hoạch của tỉnh"]])
    out = tmp_path / "ke-hoach.checked.docx"
    annotate(check_file(path, rules="default"), out)
    [(anchored, text)] = [v for v in comments(out).values() if "task-table" in v[1]]
    assert anchored == "Theo kế hoạch của tỉnh" and "time-not-understood" in text
