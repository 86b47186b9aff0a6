"""`plancheck check PLAN --against PARENT`: the plan checked against its parent directive itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run

from checker.api import Against, check_file
from checker.engine.derive import analyse

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

PARENT = """HUYỆN ỦY VĨNH LINH
BAN TUYÊN GIÁO
Số 12-HD/BTGHU
Vĩnh Linh, ngày 10 tháng 02 năm 2023

HƯỚNG DẪN
Công tác thông tin đối ngoại năm 2023

I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức của cán bộ, đảng viên về công tác thông tin đối ngoại.
II. NỘI DUNG
1. Về nội dung
- Tuyên truyền về chủ quyền biển đảo Hoàng Sa, Trường Sa và luật biển quốc tế UNCLOS cho ngư dân.
- Giới thiệu di tích lịch sử, lễ hội truyền thống, ẩm thực đặc sắc và làng nghề thủ công của địa phương.
2. Về phương thức
- Vận động kiều bào hướng về quê hương, chăm lo đồng bào định cư ở nước ngoài khi về thăm quê.
III. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo Huyện ủy theo dõi, tổng hợp kết quả thực hiện Hướng dẫn này.
2. Các tổ chức cơ sở đảng tổ chức hội thi tìm hiểu biên giới quốc gia cho đoàn viên thanh niên trên địa bàn.
Các đơn vị báo cáo kết quả về Ban Tuyên giáo Huyện ủy trước ngày 15/11/2023.
"""

PLAN = """ĐẢNG ỦY XÃ VĨNH THÁI
Số 08-KH/ĐU
Vĩnh Thái, ngày 20 tháng 02 năm 2023

KẾ HOẠCH
Công tác thông tin đối ngoại năm 2023

Thực hiện Hướng dẫn số 12-HD/BTGHU ngày 10/02/2023 của Ban Tuyên giáo Huyện ủy Vĩnh Linh, Đảng ủy xã ban hành Kế hoạch:

I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức về công tác thông tin đối ngoại.
II. NỘI DUNG
1. Tuyên truyền về chủ quyền biển đảo Hoàng Sa, Trường Sa và luật biển quốc tế UNCLOS cho ngư dân.
2. Giới thiệu di tích lịch sử, lễ hội truyền thống, ẩm thực đặc sắc và làng nghề thủ công.
3. Vận động kiều bào hướng về quê hương, chăm lo đồng bào định cư ở nước ngoài.
III. TỔ CHỨC THỰC HIỆN
1. Đoàn Thanh niên xã chủ trì tổ chức hội thi tìm hiểu biên giới quốc gia cho đoàn viên thanh niên.
2. Văn phòng Đảng ủy chủ trì theo dõi, tổng hợp kết quả.
Các chi bộ báo cáo kết quả về Văn phòng Đảng ủy trước ngày 05/11/2023.

Nơi nhận:
- Ban Tuyên giáo Huyện ủy;
- Các chi bộ;
- Lưu VP.

T/M ĐẢNG ỦY
BÍ THƯ

Nguyễn Văn An
"""


@pytest.fixture
def parent(tmp_path: Path) -> Path:
    path = tmp_path / "huong-dan.txt"
    path.write_text(PARENT, encoding="utf-8")
    return path


def findings(tmp_path: Path, parent: Path, text: str) -> list[tuple[str, str, str]]:
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text(text, encoding="utf-8")
    report = check_file(plan, "default", against=Against(parent))
    return [(f.rule, f.code, f.severity) for f in report.findings]


def test_what_the_parent_asks_is_found(parent: Path) -> None:
    found = analyse(Against(parent).plan)
    # The two lines listed under "1. Về nội dung" are two items; a part with one line is one item.
    assert [i.title[:25] for i in found.items] == [
        "Tuyên truyền về chủ quyền", "Giới thiệu di tích lịch s", "Về phương thức"]
    assert [i.context for i in found.items] == ["1. Về nội dung", "1. Về nội dung", ""]
    [task] = [t for t in found.tasks if t.phrases]
    assert task.unit == "Các tổ chức cơ sở đảng"
    assert task.title.startswith("tổ chức hội thi tìm hiểu biên giới quốc gia")
    assert "hội thi" in task.phrases
    assert found.deadline is not None and found.deadline.isoformat() == "2023-11-15"
    assert Against(parent).plan.issuing_body == "Ban Tuyên giáo"


def test_a_plan_answering_the_parent_passes(tmp_path: Path, parent: Path) -> None:
    assert [f for f in findings(tmp_path, parent, PLAN) if f[2] != "info"] == []


def test_the_cli_says_what_it_checks_and_exits_0(tmp_path: Path, parent: Path) -> None:
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text(PLAN, encoding="utf-8")
    code, stdout, stderr = run("check", str(plan), "--rules", "default", "--against", str(parent),
                               "--format", "json")
    assert code == 0, stdout
    assert "12-HD/BTGHU" in stderr and "3 nội dung, 1 nhiệm vụ giao cấp dưới, thời hạn báo cáo 15/11/2023" in stderr
    report = json.loads(stdout)
    assert report["documents"][0]["pack"] == "default+huong-dan.txt"
    assert {"covers-themes", "handed-down-tasks", "deadline-before-parent"} <= {r["id"] for r in report["rules"]}


def test_a_missing_content_item_is_caught(tmp_path: Path, parent: Path) -> None:
    text = PLAN.replace("3. Vận động kiều bào hướng về quê hương, chăm lo đồng bào định cư ở nước ngoài.\n", "")
    assert findings(tmp_path, parent, text) == [("covers-themes", "theme-missing", "error")]


def test_the_fix_quotes_the_parents_own_sentence(tmp_path: Path, parent: Path) -> None:
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text(PLAN.replace("3. Vận động kiều bào hướng về quê hương, chăm lo đồng bào định cư ở nước ngoài.\n",
                                 ""), encoding="utf-8")
    [finding] = [f for f in check_file(plan, "default", against=Against(parent)).findings if f.code == "theme-missing"]
    assert finding.suggestion is not None
    assert "như văn bản cấp trên yêu cầu: «Vận động kiều bào hướng về quê hương, chăm lo đồng bào định cư ở nước " \
           "ngoài khi về thăm quê»" in finding.suggestion
    # A pack written by hand (no source) names its phrases instead.
    from checker.kinds.base import example_hint

    assert example_hint(None, ["biển, đảo", "Biển Đông"])["vi"] == "ví dụ nêu: biển, đảo, Biển Đông"


def test_a_wrong_citation_of_the_parent_is_caught(tmp_path: Path, parent: Path) -> None:
    text = PLAN.replace("ngày 10/02/2023 của Ban Tuyên giáo Huyện ủy", "ngày 12/02/2023 của Ban Dân vận Huyện ủy")
    assert sorted(findings(tmp_path, parent, text)) == [
        ("cites-parent", "parent-date-mismatch", "error"), ("cites-parent", "parent-issuer-mismatch", "warning")]
    # The parent is the Ban Tuyên giáo of the Huyện ủy, not of the Tỉnh ủy (the header's last line alone,
    # "BAN TUYÊN GIÁO", would match both).
    text = PLAN.replace("ngày 10/02/2023 của Ban Tuyên giáo Huyện ủy", "ngày 10/02/2023 của Ban Tuyên giáo Tỉnh ủy")
    assert findings(tmp_path, parent, text) == [("cites-parent", "parent-issuer-mismatch", "warning")]
    text = PLAN.replace("12-HD/BTGHU", "21-HD/BTGHU")
    assert ("cites-parent", "parent-not-cited", "error") in findings(tmp_path, parent, text)


def test_a_later_deadline_is_caught(tmp_path: Path, parent: Path) -> None:
    text = PLAN.replace("trước ngày 05/11/2023", "trước ngày 20/11/2023")
    assert findings(tmp_path, parent, text) == [("deadline-before-parent", "date-order", "error")]


def test_a_handed_down_task_missing_or_unassigned_is_caught(tmp_path: Path, parent: Path) -> None:
    without = PLAN.replace("1. Đoàn Thanh niên xã chủ trì tổ chức hội thi tìm hiểu biên giới quốc gia cho đoàn viên "
                           "thanh niên.\n", "")
    assert findings(tmp_path, parent, without) == [("handed-down-tasks", "handed-down-missing", "warning")]
    unassigned = PLAN.replace("1. Đoàn Thanh niên xã chủ trì tổ chức", "1. Tổ chức")
    found = findings(tmp_path, parent, unassigned)
    assert ("handed-down-tasks", "handed-down-unassigned", "warning") in found \
        or ("handed-down-tasks", "handed-down-not-a-task", "warning") in found


def test_an_unreadable_parent_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "cap-tren.docx"
    bad.write_bytes(b"not a zip")
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text(PLAN, encoding="utf-8")
    code, _, stderr = run("check", str(plan), "--against", str(bad), "-o", str(tmp_path / "r.json"))
    assert code == 2 and "cap-tren.docx" in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cap-tren.docx", "ke-hoach.txt"]


def test_a_parent_without_number_asks_for_parent(tmp_path: Path) -> None:
    parent = tmp_path / "web.txt"
    parent.write_text(PARENT.replace("Số 12-HD/BTGHU\n", ""), encoding="utf-8")
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text(PLAN, encoding="utf-8")
    code, _, stderr = run("check", str(plan), "--rules", "default", "--against", str(parent))
    assert "--parent" in stderr
    # With --parent, the symbol comes from the option and the date and issuer from the parent itself.
    text = PLAN.replace("ngày 10/02/2023", "ngày 11/02/2023")
    plan.write_text(text, encoding="utf-8")
    report = check_file(plan, "default", parent="12-HD/BTGHU", against=Against(parent))
    assert [f.code for f in report.findings] == ["parent-date-mismatch"]


def test_corpus_plan_against_its_draft_parent() -> None:
    """012 (a commune plan) cites 'Hướng dẫn số 13/HD-MTTQ-BTT … của Ban Thường trực Ủy ban MTTQ Việt Nam
    tỉnh Quảng Ninh'; 017 is that guidance as a draft, 'Số: /HD-MTTQ-BTT', headed BAN THƯỜNG TRỰC."""
    plan, parent = CORPUS / "012.docx", CORPUS / "017.docx"
    if not (plan.exists() and parent.exists()):
        pytest.skip("corpus not available")
    against = Against(parent)
    assert against.plan.number_symbol == "/HD-MTTQ-BTT" and against.plan.issuing_body == "Ban Thường trực"
    report = check_file(plan, "default", against=against)
    assert not [f for f in report.findings if f.rule == "cites-parent" and f.code.startswith("parent-")]
    other = check_file(CORPUS / "011.docx", "default", against=against)
    assert "parent-not-cited" in [f.code for f in other.findings]


#: A Công điện with no number and nothing a plan could be checked against: no content item, no task handed
#: down, no deadline (the shape of a short urgent order copied from the web).
BARE_PARENT = """CÔNG ĐIỆN
Về việc tập trung ứng phó mưa lũ

Bộ trưởng điện: Giám đốc Sở Xây dựng các tỉnh.
Đề nghị các đồng chí khẩn trương chỉ đạo khắc phục hậu quả mưa lũ.
"""


def test_a_parent_with_nothing_to_derive_gives_a_report_and_says_so(tmp_path: Path) -> None:
    parent = tmp_path / "cong-dien.txt"
    parent.write_text(BARE_PARENT, encoding="utf-8")
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text(PLAN, encoding="utf-8")
    code, stdout, stderr = run("check", str(plan), "--rules", "default", "--against", str(parent),
                               "--format", "json")
    assert code == 0, stderr
    assert "không có nội dung, nhiệm vụ hay thời hạn nào để đối chiếu" in stderr
    report = json.loads(stdout)
    assert report["documents"][0]["pack"] == "default+cong-dien.txt"
    assert "cites-parent" in report["documents"][0]["rules"]
