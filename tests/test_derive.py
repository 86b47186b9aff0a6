"""`plancheck rules derive`: a pack derived from a parent directive loads, and checks plans answering it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import run

from checker.api import check_file
from checker.engine.packs import load_pack

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"

PARENT = """BAN TUYÊN GIÁO TỈNH ỦY
Số 93-HD/BTGTU
Quảng Trị, ngày 15 tháng 02 năm 2023

HƯỚNG DẪN
Công tác thông tin đối ngoại năm 2023

I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức của cán bộ, đảng viên về công tác thông tin đối ngoại.
II. NỘI DUNG
1. Chủ quyền biển, đảo
- Tuyên truyền về chủ quyền biển đảo Hoàng Sa, Trường Sa và luật biển quốc tế UNCLOS.
2. Quảng bá du lịch
- Giới thiệu di tích lịch sử, lễ hội truyền thống, ẩm thực đặc sắc và làng nghề thủ công.
3. Người Việt ở nước ngoài
- Vận động kiều bào hướng về quê hương, chăm lo đồng bào định cư ở nước ngoài.
III. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo các huyện ủy hướng dẫn triển khai.
Các đơn vị báo cáo kết quả về Ban Tuyên giáo Tỉnh ủy trước ngày 15/11/2023.
"""

PLAN = """ỦY BAN NHÂN DÂN
HUYỆN VĨNH LINH
Số: 45/KH-UBND
Vĩnh Linh, ngày 20 tháng 02 năm 2023

KẾ HOẠCH
Công tác thông tin đối ngoại năm 2023

Thực hiện Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 của Ban Tuyên giáo Tỉnh ủy, Ủy ban nhân dân huyện ban hành Kế hoạch:

I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức về công tác thông tin đối ngoại.
II. NỘI DUNG
1. Tuyên truyền về chủ quyền biển đảo Hoàng Sa, Trường Sa và luật biển quốc tế UNCLOS.
2. Giới thiệu di tích lịch sử, lễ hội truyền thống, ẩm thực đặc sắc và làng nghề thủ công.
3. Vận động kiều bào hướng về quê hương, chăm lo đồng bào định cư ở nước ngoài.
III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa và Thông tin chủ trì triển khai Kế hoạch này.
Các cơ quan báo cáo kết quả về Ủy ban nhân dân huyện trước ngày 05/11/2023.
"""


@pytest.fixture
def derived(tmp_path: Path) -> Path:
    parent = tmp_path / "parent.txt"
    parent.write_text(PARENT, encoding="utf-8")
    out = tmp_path / "pack.yaml"
    code, stdout, stderr = run("rules", "derive", str(parent), "-o", str(out))
    assert code == 0, stderr
    assert stdout == ""
    return out


def test_derived_pack_loads_with_one_theme_per_item(derived: Path) -> None:
    pack = load_pack(str(derived))
    themes = pack.rules["covers-themes"].params.model_dump()["themes"]
    assert [t["id"] for t in themes] == ["chu-quyen-bien-dao", "quang-ba-du-lich", "nguoi-viet-o-nuoc-ngoai"]
    assert [t["label"] for t in themes] == [{"vi": v, "en": v} for v in
                                            ("Chủ quyền biển, đảo", "Quảng bá du lịch", "Người Việt ở nước ngoài")]
    assert all(2 <= len(t["phrases"]) <= 6 for t in themes)
    parent = pack.rules["cites-parent"].params.model_dump(mode="json")["parent"]
    assert parent["symbol"] == "93-HD/BTGTU" and parent["date"] == "2023-02-15"
    assert pack.rules["deadline-before-parent"].params.model_dump(mode="json")["other"] == "2023-11-15"
    text = derived.read_text(encoding="utf-8")
    assert "parent.txt" in text and "# 2. Quảng bá du lịch" in text


def test_plan_answering_the_parent_passes(derived: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    report = check_file(plan, str(derived))
    rules = {f.rule for f in report.findings}
    assert not rules & {"covers-themes", "cites-parent", "deadline-before-parent"}, report.findings


def test_plan_missing_an_item_is_caught(derived: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN.replace("2. Giới thiệu di tích lịch sử, lễ hội truyền thống, ẩm thực đặc sắc và làng nghề "
                                 "thủ công.\n", ""), encoding="utf-8")
    report = check_file(plan, str(derived))
    missing = [f for f in report.findings if f.rule == "covers-themes"]
    assert [f.code for f in missing] == ["theme-missing"]
    assert "quang-ba-du-lich" in missing[0].message


def test_without_output_prints_and_output_writes_only_that_file(tmp_path: Path) -> None:
    parent = tmp_path / "parent.txt"
    parent.write_text(PARENT, encoding="utf-8")
    code, stdout, _ = run("rules", "derive", str(parent), "--extends", "ttdn")
    assert code == 0 and "extends: \"ttdn\"" in stdout
    assert yaml.safe_load(stdout)["rules"]["covers-parent-themes"]["kind"] == "covers_themes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["parent.txt"]
    code, _, _ = run("rules", "derive", str(parent), "-o", str(tmp_path / "x.yaml"))
    assert code == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["parent.txt", "x.yaml"]


def test_unreadable_parent_exits_2_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    code, _, stderr = run("rules", "derive", str(bad), "-o", str(tmp_path / "p.yaml"))
    assert code == 2 and "hong.docx" in stderr
    assert not (tmp_path / "p.yaml").exists()


@pytest.mark.parametrize("prefix", ["000_", "002_"])
def test_seed_guidance_without_number(prefix: str, tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob(f"{prefix}*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip("seed documents not available")
    parent = tmp_path / seeds[0].name
    shutil.copy(seeds[0], parent)
    out = tmp_path / "pack.yaml"
    code, _, _ = run("rules", "derive", str(parent), "-o", str(out))
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert "# TODO: điền số, ký hiệu" in text
    pack = load_pack(str(out))
    assert pack.rules["cites-parent"].params.model_dump()["parent"] is None
    assert len(pack.rules["covers-themes"].params.model_dump()["themes"]) >= 2


@pytest.mark.parametrize(("text", "kept", "never"), [
    # Whole words only: "vận dụng" is one word, so "dụng sáng tạo" is no phrase.
    ("Vận dụng sáng tạo chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh.", {"vận dụng sáng tạo", "hồ chí minh"},
     {"dụng sáng tạo", "dụng sáng"}),
    ("Tạo tiền đề thuận lợi cho vận động tái ứng cử vào Hội đồng Nhân quyền.", {"hội đồng nhân quyền"},
     {"đề thuận lợi", "vận động tái", "đề thuận"}),
    # Generic words of plans and counts never make a phrase.
    ("Tổ chức thực hiện công tác tuyên truyền tại Đại hội lần thứ XIV.", set(), {"thứ xiv", "công tác"}),
])
def test_phrases_are_whole_words(text: str, kept: set[str], never: set[str]) -> None:
    from checker.engine.derive import candidates

    found = set(candidates(text))
    assert kept <= found and not never & found


def test_phrases_common_in_ordinary_plans_are_generic() -> None:
    from checker.engine.background import background

    common = background()
    assert common.documents == 44
    for phrase in ("kinh phí", "địa bàn"):  # used by plans on any subject
        assert common.generic(phrase), phrase
    assert not common.generic("biển đông") and common.rarity("biển đông") > common.rarity("địa bàn")


def test_the_background_is_built_from_the_written_plans() -> None:
    from checker.engine.background import main

    assert main(["--check"]) == 0, "run python -m checker.engine.background"


def test_guidance_listed_items_footnotes_and_handed_down_task() -> None:
    """The Sóc Trăng guidance lists its content items as '-' lines under '1. Về nội dung' and
    '2. Về phương thức'; its footnotes (¹–⁷) sit, as in the web copy, under the second heading."""
    from checker.api import parse_file
    from checker.engine.derive import analyse

    found = analyse(parse_file(SAMPLES / "huong-dan-ttdn-soc-trang-2025.txt"))
    assert [i.context for i in found.items] == ["1. Về nội dung"] * 5 + ["2. Về phương thức"] * 4
    first, *_, sea = found.items[:5]
    # "văn hóa³" in the first item refers to footnote ³ "Hệ giá trị quốc gia …": its words count there.
    assert "Hệ giá trị quốc gia" in first.text
    assert "biển đông" in sea.phrases
    assert not any(p.endswith((" nhân", " đồng", " giá", " toàn")) for i in found.items for p in i.phrases)
    [task] = found.tasks
    assert task.unit.startswith("Ban tuyên giáo, tuyên huấn các huyện ủy")
    assert task.title.startswith("tham mưu cấp ủy đảng chỉ đạo")


@pytest.mark.parametrize(("lines", "body"), [
    (["BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG"], "Văn phòng"),
    (["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"], "Sở Nội vụ"),
    (["ỦY BAN NHÂN DÂN", "HUYỆN VẠN NINH"], "Ủy ban nhân dân huyện Vạn Ninh"),
    (["UBND TỈNH", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"], "Sở Văn hóa, Thể thao và Du lịch"),
    (["ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "TỈNH QUẢNG NINH", "BAN THƯỜNG TRỰC"], "Ban Thường trực"),
    (["ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH"], "Ủy ban MTTQ Việt Nam xã Lương Minh"),
    (["Ban Tuyên giáo Tỉnh ủy"], "Ban Tuyên giáo Tỉnh ủy"),
])
def test_issuing_body_from_header_lines(lines: list[str], body: str) -> None:
    from checker.extract.header import issuing_body

    assert issuing_body(lines) == body


@pytest.mark.parametrize(("expected", "cited", "same"), [
    ("Ban Thường trực", "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Quảng Ninh", True),
    ("Ủy ban nhân dân tỉnh Khánh Hòa", "UBND tỉnh Khánh Hòa", True),
    ("Ban Tuyên giáo Tỉnh ủy", "BTG Tỉnh ủy", True),
    ("Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy", False),
    ("Sở Nội vụ", "Sở Nội vụ tỉnh Lâm Đồng", True),
    ("Văn phòng", "Văn phòng Trung ương Đảng", True),
    ("Ban Thường trực", "Ban Thường vụ Huyện ủy", False),
    # Read as bodies: never across places or levels; abbreviations written together are expanded.
    ("Ủy ban MTTQ tỉnh Bến Tre", "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Trà Vinh", False),
    ("Ban Tuyên giáo Tỉnh ủy", "BTGTU", True),
    ("Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Huyện ủy", False),
])
def test_issuers_compare_loosely(expected: str, cited: str, same: bool) -> None:
    from checker.kinds.cites_parent import same_issuer

    assert same_issuer(expected, cited) is same


CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
GUIDANCE = [SAMPLES / "huong-dan-ttdn-soc-trang-2025.txt", SAMPLES / "huong-dan-ttdn-vinh-linh-2023.txt",
            *(CORPUS / name for name in ("009.pdf", "010.docx", "017.docx", "018.docx", "019.txt"))]


@pytest.mark.parametrize("parent", GUIDANCE, ids=lambda p: p.name)
def test_derived_from_real_guidance_loads_and_its_themes_come_from_it(parent: Path, tmp_path: Path) -> None:
    """Each derived theme's phrases are the parent's own words: checked against its own pack, the parent
    covers every theme (a theme it does not cover would be a phrase taken from outside its content)."""
    if not parent.exists():
        pytest.skip("corpus not available")
    from checker.api import parse_file
    from checker.engine.derive import derive

    out = tmp_path / "pack.yaml"
    out.write_text(derive(parse_file(parent), parent), encoding="utf-8")
    pack = load_pack(str(out))
    themes = pack.rules["covers-themes"].params.model_dump()["themes"]
    assert 3 <= len(themes) <= 20
    assert sum(len(t["phrases"]) >= 2 for t in themes) >= len(themes) * 0.7  # most items have two or more
    report = check_file(parent, pack)
    if report.themes:  # a Công văn (009) is no plan: the default pack checks only that
        assert [t.id for t in report.themes if not t.covered] == []
