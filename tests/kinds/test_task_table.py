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
