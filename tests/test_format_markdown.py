"""The Markdown report (checker/formatters/markdown.py), built from real reports of the shipped samples.

The reports are made as the CLI makes them (``check_file`` then ``make_report``), from the folder
holding ``samples/`` so that paths print as a user typing ``plancheck check samples/…`` sees them; an
unreadable file is written to a temporary folder and checked from there for the same reason.
"""

from __future__ import annotations

import re

import pytest
from conftest import REPORTING_TEXT, TASK_TEXT, reader_report

from checker.formatters import markdown
from checker.model.document import Block, Location
from checker.model.plan import Plan
from checker.model.report import DocumentReport, Finding, Report


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return reader_report(tmp_path_factory.mktemp("vi"), "vi", accept=True)


@pytest.fixture(scope="module")
def md(report: Report) -> str:
    return markdown.render(report)


@pytest.fixture(scope="module")
def md_en(tmp_path_factory: pytest.TempPathFactory) -> str:
    return markdown.render(reader_report(tmp_path_factory.mktemp("en"), "en", accept=False))


def section(md: str, heading: str) -> str:
    """The text from the line ``heading`` to the next heading of the same or a higher level."""
    level = heading.split(" ", 1)[0]
    start = md.index("\n" + heading + "\n") + 1
    ends = [m.start() for m in re.finditer(rf"^#{{1,{len(level)}}} ", md[start + len(heading):], re.M)]
    return md[start:start + len(heading) + ends[0]] if ends else md[start:]


def test_summary_rows_count_only_findings_that_are_not_accepted(md: str) -> None:
    rows = [line for line in section(md, "## Tổng hợp").splitlines() if line.startswith("|")]
    assert rows[0] == ("| # | Tệp | Văn bản | Bộ quy tắc | Lỗi | Cảnh báo | Thông tin | Đã chấp nhận | Kết quả |")
    assert rows[2:] == [
        # assigns-tasks, its only error, is waived (the 2019 plan need not cover the themes of 2023): it passes.
        "| 1 | samples/defects/task-without-unit.txt | KH Hoạt động thông tin đối ngoại trên địa bàn huyện Vạn Ninh "
        "năm 2019 | ttdn | 0 | 1 | 0 | 1 | Đạt |",
        # has-own-date is in the baseline: 3 warnings less 1.
        "| 2 | samples/defects/missing-theme.txt | KH Công tác thông tin đối ngoại năm 2023 | ttdn | 2 | 2 | 1 | 1 "
        "| **Chưa đạt** |",
        # The covers-themes error waived by number-symbol: only an info finding counts, so the plan passes.
        "| 3 | samples/ke-hoach-ttdn-mttq-tra-vinh-2023.docx | KH 12/KH-MTTQ-BTT Công tác thông tin đối ngoại năm "
        "2023 | ttdn | 0 | 0 | 1 | 1 | Đạt |",
        "| 4 | garbage.docx |  |  | 1 | 0 | 0 | 0 | **Không đọc được**: garbage.docx: tệp không phải .docx hợp lệ "
        "(không phải gói ZIP) |",
        "|  | **Tổng cộng** |  |  | 3 | 3 | 2 | 3 | 2/4 đạt |",
    ]
    assert md.startswith("# Báo cáo kiểm tra kế hoạch\n\n4 văn bản, 3 lỗi, 3 cảnh báo, 2 thông tin, 1 không đọc được, "
                         "3 đã chấp nhận\n")


def test_finding_with_message_location_highlighted_quote_fix_and_waiver(md: str) -> None:
    doc = section(md, "## 1. samples/defects/task-without-unit.txt")
    errors = section(doc, "### Lỗi (1, 1 đã chấp nhận)")
    assert ("1. **assigns-tasks** (task-without-unit) — Nhiệm vụ «6. Theo dõi, tổng hợp diễn biến thông…» không có "
            "cơ quan, đơn vị chịu trách nhiệm.\n"
            "   - *(đã chấp nhận: Nhiệm vụ 6 do BCH Quân sự chủ trì — Nguyễn Văn A, đến 31/12/2099)*\n"
            "   - **Vị trí:** dòng 103 · III. › 6.\n"
            f"   - **Trích:** «**{TASK_TEXT}**»\n"
            "   - **Cách sửa:** Ghi rõ cơ quan chủ trì ở đầu nhiệm vụ, ví dụ «Phòng Văn hóa và Thông tin chủ trì, …».\n"
            ) in errors


def test_the_span_is_highlighted_inside_its_context(md: str) -> None:
    # has-deadline points at the sentence after the item marker "4.": the marker is context, not marked.
    info = section(section(md, "## 2. samples/defects/missing-theme.txt"), "### Thông tin (1)")
    assert f"   - **Trích:** «4. **{REPORTING_TEXT}**»\n" in info
    assert "1. **has-deadline** (period-only) — Văn bản chỉ quy định báo cáo định kỳ (6 tháng, năm), không có hạn " \
           "cụ thể.\n" in info


def test_findings_are_grouped_errors_first_and_baseline_findings_are_marked(md: str) -> None:
    doc = section(md, "## 2. samples/defects/missing-theme.txt")
    headings = re.findall(r"^### .*$", doc, re.M)
    assert headings == ["### Lỗi (2)", "### Cảnh báo (3, 1 đã chấp nhận)", "### Thông tin (1)",
                        "### Chủ đề — 9/11 có; thiếu: kieu-bao, the-gioi"]
    assert ("1. **has-own-date** (field-missing) — Văn bản không có ngày ban hành.\n"
            "   - *(đã có trong đường cơ sở)*\n") in section(doc, "### Cảnh báo (3, 1 đã chấp nhận)")


def test_missing_themes_are_listed_as_missing_and_evidence_is_highlighted(md: str) -> None:
    themes = section(md, "## 2. samples/defects/missing-theme.txt").split("### Chủ đề")[1]
    assert "| Người Việt Nam ở nước ngoài (kieu-bao) | **thiếu** | — |\n" in themes
    assert "| Thông tin về tình hình thế giới cho nhân dân trong nước (the-gioi) | **thiếu** | — |\n" in themes
    row = next(line for line in themes.splitlines() if "(ho-chi-minh)" in line)
    assert row.startswith("| Tư tưởng, đạo đức, phong cách Hồ Chí Minh (ho-chi-minh) | có | dòng 20 · II.: "
                          "«Tiếp tục tuyên truyền, thông tin về giá trị, di sản, **tư tưởng Hồ Chí Minh**, những")


def test_themes_not_required_in_the_plans_year_say_why_and_are_not_in_bold(md: str) -> None:
    doc = section(md, "## 1. samples/defects/task-without-unit.txt")
    themes = doc.split("### Chủ đề")[1]
    assert themes.startswith(" — 9/9 có; chưa áp dụng năm 2019: ho-chi-minh (từ năm 2023, 93-HD/BTGTU), "
                             "khong-gian-mang (từ năm 2023, 93-HD/BTGTU)\n")
    assert ("| Tư tưởng, đạo đức, phong cách Hồ Chí Minh (ho-chi-minh) | chưa áp dụng năm 2019 (từ năm 2023, "
            "93-HD/BTGTU) | — |\n") in themes
    assert "**thiếu**" not in themes


def test_waiver_problems_and_baseline_are_listed(md: str, report: Report) -> None:
    assert section(md, "## Tệp chấp nhận (--waivers)").splitlines()[2] == (
        "- Mục chấp nhận 3 trong waivers.yaml không khớp phát hiện nào: không văn bản nào được kiểm tra là "
        "'ke-hoach-khac.txt' (theo đường dẫn, tên tệp hoặc số, ký hiệu).")
    assert report.baseline is not None and (report.baseline.known, report.baseline.fixed) == (1, 0)
    assert (f"Đường cơ sở baseline.json: 1 phát hiện đã biết, {report.baseline.new} phát hiện mới, 0 phát hiện đã "
            "sửa từ khi lập đường cơ sở.") in section(md, "## Đường cơ sở (--baseline)")


def test_unreadable_document_section(md: str) -> None:
    doc = section(md, "## 4. garbage.docx")
    assert "- **Kết quả:** **Không đọc được** — garbage.docx: tệp không phải .docx hợp lệ (không phải gói ZIP)\n" in doc
    assert "1. **readable** (unreadable) — garbage.docx: tệp không phải .docx hợp lệ (không phải gói ZIP)" in doc


def test_english_report(md_en: str) -> None:
    assert md_en.startswith("# Plan check report\n\ndocuments: 4, errors: 5, warnings: 4, info: 2, unreadable: 1\n")
    assert "| # | File | Document | Pack | Errors | Warnings | Info | Accepted | Verdict |" in md_en
    assert ("| 3 | samples/ke-hoach-ttdn-mttq-tra-vinh-2023.docx | KH 12/KH-MTTQ-BTT Công tác thông tin đối ngoại "
            "năm 2023 | ttdn | 1 | 0 | 1 | 0 | **Failed** |") in md_en
    assert "| 4 | garbage.docx |  |  | 1 | 0 | 0 | 0 | **Unreadable**: garbage.docx: " in md_en
    doc = section(md_en, "## 2. samples/defects/missing-theme.txt")
    assert re.findall(r"^### .*$", doc, re.M) == ["### Errors (2)", "### Warnings (3)", "### Info (1)",
                                                   "### Themes — 9/11 covered; missing: kieu-bao, the-gioi"]
    assert "   - **At:** line 27 · III. › 4.\n" in doc
    assert "| Overseas Vietnamese (kieu-bao) | **missing** | — |" in doc
    assert "Tổng" not in md_en and "Lỗi" not in md_en


# --- escaping ------------------------------------------------------------------------------------------


def hostile_report() -> Report:
    text = "Giao cho <b>Phòng A</b> | *chủ trì*; [báo cáo](http://x) trước ngày 05/11."
    plan = Plan(path="a|b_c.txt", format="txt", doc_type="KH", title="Kế hoạch *mới* | <script>x</script>",
                blocks=[Block(index=0, text=text, line=1)])
    finding = Finding(rule="r", code="c", severity="error", message="<script>alert(1)</script> | *sao*\n# tiêu đề",
                      location=Location(block=0, line=1, start=9, end=23, section=["II.", "1_a"]),
                      evidence="<b>Phòng A</b>", suggestion="Sửa `ngay` ~~đi~~")
    docs = [DocumentReport(path="a|b_c.txt", status="checked", pack="p", plan=plan, findings=[finding]),
            DocumentReport(path="x.docx", status="unreadable", error="dòng một\ndòng | hai")]
    return Report(version="0", lang="vi", documents=docs)


def test_markdown_special_characters_are_escaped() -> None:
    md = markdown.render(hostile_report())
    assert ("| 1 | a\\|b\\_c.txt | KH Kế hoạch \\*mới\\* \\| \\<script\\>x\\</script\\> | p | 1 | 0 | 0 | 0 | "
            "**Chưa đạt** |") in md
    # A line break in a table cell is kept as <br>; it does not end the row.
    assert "| 2 | x.docx |  |  | 0 | 0 | 0 | 0 | **Không đọc được**: dòng một<br>dòng \\| hai |" in md
    assert ("1. **r** (c) — \\<script\\>alert(1)\\</script\\> \\| \\*sao\\* \\# tiêu đề\n"
            "   - **Vị trí:** dòng 1 · II. › 1\\_a\n"
            "   - **Trích:** «Giao cho **\\<b\\>Phòng A\\</b\\>** \\| \\*chủ trì\\*;…»\n"
            "   - **Cách sửa:** Sửa \\`ngay\\` \\~\\~đi\\~\\~\n") in md
    assert "<script>" not in md and "<b>" not in md and "](http" not in md


def test_every_table_row_has_as_many_cells_as_its_header(md: str) -> None:
    for text in (md, markdown.render(hostile_report())):
        widths = [len(re.findall(r"(?<!\\)\|", line)) for line in text.splitlines() if line.startswith("|")]
        # 9 columns (summary) or 3 (themes): one pipe more than columns.
        assert widths and all(width in (10, 4) for width in widths), widths


def test_render_is_pure_and_deterministic(report: Report, md: str) -> None:
    before = report.model_dump(mode="json")
    assert markdown.render(report) == md
    assert report.model_dump(mode="json") == before
