"""Units expected to submit: read from a list or from the parent directive, matched by who a body is."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run

from checker.api import check_file
from checker.expected import match_units, parent_units
from checker.extract import extract_plan
from checker.read import read_file


def _plan(header: list[str], body: str = "", place: str = "Lương Minh") -> str:
    """A short plan with a two-line header (issuer lines, then Số/date), a basis and a task."""
    return "\n".join([*header, "Số: 12/KH-MT", f"{place}, ngày 10 tháng 3 năm 2025", "", "KẾ HOẠCH",
                      "Công tác thông tin đối ngoại năm 2025", "",
                      "Căn cứ Hướng dẫn số 93-HD/BTGTU ngày 01/02/2025 của Ban Tuyên giáo Tỉnh ủy.",
                      "I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao nhận thức.", "II. NỘI DUNG",
                      "Tuyên truyền về chủ quyền biển, đảo.", "III. TỔ CHỨC THỰC HIỆN",
                      body or "Văn phòng chủ trì thực hiện, báo cáo kết quả trước ngày 15/12/2025.", ""])


def _folder(tmp_path: Path) -> Path:
    inbox = tmp_path / "nop"
    inbox.mkdir()
    plans = {
        "kh-mttq-1.txt": ["ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH", "BAN THƯỜNG TRỰC"],
        "kh-doan.txt": ["THÀNH ĐOÀN HÀ NỘI", "BCH ĐOÀN XÃ PHÚC THỊNH"],
        "kh-tra-vinh.txt": ["ỦY BAN MTTQ VIỆT NAM TỈNH TRÀ VINH", "BAN THƯỜNG TRỰC"],
        "cv-so-noi-vu.txt": ["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"],
    }
    for name, header in plans.items():
        (inbox / name).write_text(_plan(header), encoding="utf-8")
    return inbox


def test_expected_units_are_matched_by_who_the_body_is(tmp_path: Path) -> None:
    inbox = _folder(tmp_path)
    documents = [check_file(p) for p in sorted(inbox.iterdir())]
    expected = match_units(["Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh", "BCH ĐOÀN xã Phúc Thịnh",
                            "Ủy ban MTTQ tỉnh Bến Tre", "Ủy ban MTTQ tỉnh Trà Vinh", "UBND tỉnh Lâm Đồng",
                            "Sở Nội vụ tỉnh Lâm Đồng"], documents)
    sent = {u.unit: sorted(Path(d).name for d in u.documents) for u in expected}
    assert sent == {
        "Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh": ["kh-mttq-1.txt"],
        "BCH ĐOÀN xã Phúc Thịnh": ["kh-doan.txt"],
        "Ủy ban MTTQ tỉnh Bến Tre": [],                    # never across places
        "Ủy ban MTTQ tỉnh Trà Vinh": ["kh-tra-vinh.txt"],  # its standing board acts for it
        "UBND tỉnh Lâm Đồng": [],                          # a Sở's letter is not the UBND's
        "Sở Nội vụ tỉnh Lâm Đồng": ["cv-so-noi-vu.txt"],
    }


def test_the_summary_names_each_unit_in_full(tmp_path: Path) -> None:
    inbox = _folder(tmp_path)
    units = tmp_path / "don-vi.txt"
    units.write_text("Ban Chấp hành Đoàn xã Phúc Thịnh\nỦy ban MTTQ tỉnh Bến Tre\n", encoding="utf-8")
    summary = tmp_path / "s.json"
    code, out, _ = run("check", str(inbox), "--expect", str(units), "--summary", str(summary), "--fail-on", "never")
    assert code == 0 and "Đơn vị phải nộp: 1/2 đã nộp." in out and "Chưa nộp: Ủy ban MTTQ tỉnh Bến Tre" in out
    rows = {Path(r["path"]).name if r["path"] else None: r["unit"]
            for r in json.loads(summary.read_text(encoding="utf-8"))}
    assert rows["kh-doan.txt"] == "Ban Chấp hành Đoàn xã Phúc Thịnh"
    assert rows["cv-so-noi-vu.txt"] == "Sở Nội vụ tỉnh Lâm Đồng"
    assert rows["kh-mttq-1.txt"] == "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh"
    assert rows[None] == "Ủy ban MTTQ tỉnh Bến Tre"


GUIDANCE = """HUYỆN ỦY VĨNH LINH
BAN THƯỜNG VỤ
Số: 05-HD/HU
Vĩnh Linh, ngày 02 tháng 3 năm 2025

HƯỚNG DẪN
Công tác thông tin đối ngoại năm 2025

I. NỘI DUNG
Tuyên truyền về chủ quyền biển, đảo.
II. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo Huyện ủy theo dõi, đôn đốc việc thực hiện Hướng dẫn này.
2. Ủy ban MTTQ Việt Nam huyện căn cứ Hướng dẫn này xây dựng kế hoạch thực hiện, báo cáo kết quả về \
Ban Thường vụ Huyện ủy trước ngày 15/11/2025.
3. Phòng Văn hóa và Thông tin xây dựng kế hoạch tuyên truyền trên hệ thống truyền thanh.
4. Các tổ chức cơ sở đảng xây dựng kế hoạch thực hiện, báo cáo về Ban Thường vụ Huyện ủy.

Nơi nhận:
- Ban Tuyên giáo Tỉnh ủy (b/c);
- Thường trực Huyện ủy;
- Ủy ban MTTQ Việt Nam huyện;
- Lưu Văn phòng Huyện ủy.
"""


def test_expect_parent_expects_the_bodies_it_tells_to_submit(tmp_path: Path) -> None:
    path = tmp_path / "hd.txt"
    path.write_text(GUIDANCE, encoding="utf-8")
    found = parent_units(extract_plan(read_file(path)))
    # Those told to build a plan, named at the parent's level and place; not the parent's superior
    # (Ban Tuyên giáo Tỉnh ủy), its own organisation, nor the one that only follows up.
    assert found.units == ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện Vĩnh Linh",
                           "Phòng Văn hóa và Thông tin huyện Vĩnh Linh"]
    assert found.groups == ["Các tổ chức cơ sở đảng"]


def test_expect_parent_falls_back_on_the_recipients_less_superiors_and_itself(tmp_path: Path) -> None:
    text = GUIDANCE.split("II. TỔ CHỨC THỰC HIỆN")[0] + "\n".join([
        "II. TỔ CHỨC THỰC HIỆN", "Các cơ quan, đơn vị tổ chức thực hiện.", "", "Nơi nhận:",
        "- Ban Tuyên giáo TW (Hà Nội và T79);", "- Thường trực Huyện ủy, HĐND huyện (để b/c);",
        "- Thường trực Huyện ủy;", "- Báo Quảng Trị, Đài Phát thanh và Truyền hình huyện;",
        "- Các chi bộ, đảng bộ trực thuộc;", "- Lưu VT.", ""])
    path = tmp_path / "hd.txt"
    path.write_text(text, encoding="utf-8")
    found = parent_units(extract_plan(read_file(path)))
    assert found.units == ["Báo Quảng Trị huyện Vĩnh Linh", "Đài Phát thanh và Truyền hình huyện Vĩnh Linh"]
    assert found.groups == ["Các chi bộ, đảng bộ trực thuộc"]
    assert "Ban Tuyên giáo TW (Hà Nội và T79)" in found.left_out and "Thường trực Huyện ủy" in found.left_out


def test_expect_parent_in_the_report(tmp_path: Path) -> None:
    parent = tmp_path / "hd.txt"
    parent.write_text(GUIDANCE, encoding="utf-8")
    inbox = tmp_path / "nop"
    inbox.mkdir()
    (inbox / "kh.txt").write_text(_plan(["ỦY BAN MTTQ VIỆT NAM HUYỆN VĨNH LINH", "BAN THƯỜNG TRỰC"],
                                        place="Vĩnh Linh"), encoding="utf-8")
    code, out, _ = run("check", str(inbox), "--against", str(parent), "--expect", "parent", "--fail-on", "never")
    assert code == 0
    assert "Đơn vị phải nộp: 1/2 đã nộp." in out
    assert "Chưa nộp: Phòng Văn hóa và Thông tin huyện Vĩnh Linh" in out
    assert "Chỉ nêu theo nhóm, chưa tính" in out and "Các tổ chức cơ sở đảng" in out
    assert "Ban Tuyên giáo Tỉnh ủy" not in out.split("Đơn vị phải nộp")[1]  # the parent's superior is not expected
