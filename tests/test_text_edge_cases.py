"""Hostile and broken text input, case by case (issue "hostile and broken input"): NUL bytes, a line of a
million characters, direction controls and zero-width characters inside words and numbers, mixed
encodings in one file, deep nesting, thousands of tasks, files of nothing but blank space.

The plans are built from samples/defects/task-without-unit.txt, samples/ke-hoach-ttdn-van-ninh-2019.txt
and the complete plan of conftest.py; every input is generated here, no binary is committed. Times are
asserted only as guards against hangs and quadratic blow-ups, with wide margins.
"""

from __future__ import annotations

import io
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest
from conftest import BASIS, CONTENT, IMPLEMENTATION, build_plan, by_rule, codes, to_cp1258
from conftest import write_file as write

from checker.api import check_file, parse_file
from checker.extract.citations import find_citations
from checker.extract.units import coordinating_units, leading_units, split_units
from checker.limits import Limits, using
from checker.model.document import Block
from checker.read import ReadError, read_file
from checker.read.txt import read_txt_bytes
from checker.text.dates import find_dates
from checker.text.markers import split_marker
from checker.text.normalize import clean
from checker.text.symbols import find_symbols

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TASK_WITHOUT_UNIT = (SAMPLES / "defects" / "task-without-unit.txt").read_text(encoding="utf-8")
VAN_NINH = (SAMPLES / "ke-hoach-ttdn-van-ninh-2019.txt").read_text(encoding="utf-8")
RTL = "\u200f\u202e"  # RIGHT-TO-LEFT MARK, RIGHT-TO-LEFT OVERRIDE
ZERO_WIDTH = "\u200b\u200c\u200d\ufeff"
INVISIBLE = RTL + ZERO_WIDTH + "\u200e\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069"


def _docx_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def texts(path: Path) -> list[str]:
    return [b.text for b in read_file(path).blocks]


def timed(call, *args, limit: float):
    start = time.perf_counter()
    result = call(*args)
    elapsed = time.perf_counter() - start
    assert elapsed < limit, f"took {elapsed:.1f} s (a hang guard, not a speed target)"
    return result


# --- NUL bytes ----------------------------------------------------------------------------------

def test_nul_padding_after_a_plan_is_dropped_with_a_note(tmp_path):
    # A file preallocated by a crashed editor or cut short by a failed copy: the text, then NULs.
    clean_doc = read_file(write(tmp_path, VAN_NINH, "clean.txt"))
    doc = read_file(write(tmp_path, VAN_NINH.encode("utf-8") + b"\x00" * 4096, "padded.txt"))
    assert [b.text for b in doc.blocks] == [b.text for b in clean_doc.blocks]
    assert doc.encoding == "utf-8"
    assert "4096 NUL bytes removed" in " ".join(doc.notes)
    report = check_file(tmp_path / "padded.txt", "ttdn")
    assert report.status == "checked"
    assert codes(report) == codes(check_file(tmp_path / "clean.txt", "ttdn"))


def test_a_few_stray_nuls_inside_words_and_symbols_are_dropped(tmp_path):
    text = TASK_WITHOUT_UNIT.replace("368/QĐ-TTg", "368/\x00QĐ-TTg").replace("Công an huyện", "Công a\x00n huyện")
    plan = parse_file(write(tmp_path, text))
    assert [c.symbol for c in plan.basis] == ["368/QĐ-TTg"]
    assert "Công an huyện" in [unit for task in plan.tasks for unit in task.units]
    assert not any("\x00" in b.text for b in plan.blocks)
    assert "2 NUL bytes removed" in " ".join(plan.notes)


def test_a_file_dense_with_nuls_is_refused_as_binary(tmp_path):
    # One NUL every few bytes that is not UTF-16 either: a binary file named .txt.
    data = b"\x00".join(TASK_WITHOUT_UNIT.encode("utf-8")[i:i + 7] for i in range(0, 700, 7))
    path = write(tmp_path, data)
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert info.value.reason_en == "not a text file (contains NUL bytes; probably binary)"
    report = check_file(path, "ttdn")
    assert report.status == "unreadable" and "byte NUL" in report.error
    assert report.findings and report.findings[0].code == "unreadable"


def test_a_file_of_only_nuls_is_refused_as_binary(tmp_path):
    with pytest.raises(ReadError) as info:
        read_file(write(tmp_path, b"\x00" * 1000))
    assert "NUL" in info.value.reason_en


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_recognised_by_its_zero_bytes(tmp_path, codec):
    # Its NULs are the high bytes of the characters: the file is text, not binary.
    doc = read_file(write(tmp_path, TASK_WITHOUT_UNIT.encode(codec)))
    assert doc.encoding == codec
    assert f"encoding guessed: {codec}" in " ".join(doc.notes)
    assert [b.text for b in doc.blocks] == texts(write(tmp_path, TASK_WITHOUT_UNIT, "utf8.txt"))


def test_control_characters_decoded_from_a_utf16_file_are_refused(tmp_path):
    # The BOM path used to skip the control-character check that 8-bit files get.
    path = write(tmp_path, b"\xff\xfe" + "KẾ HOẠCH\x1b[31m đỏ\n".encode("utf-16-le"))
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert "control characters" in info.value.reason_en


# --- a line of a million characters -------------------------------------------------------------
# With the caps of checker.limits raised out of the way: what is checked here is that every step stays
# linear in a block's length (the caps, tested in test_bounds.py, bound the length by default).

@pytest.fixture
def uncapped():
    with using(Limits(block_chars=2_000_000, citations=100_000)):
        yield


@pytest.mark.usefixtures("uncapped")
def test_a_million_character_line_of_citations(tmp_path):
    unit = "Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 của Ban Tuyên giáo Tỉnh ủy; "
    count = 1_000_000 // len(unit)
    line = (unit * count).ljust(1_000_000, "x")
    assert len(line) == 1_000_000
    path = write(tmp_path, build_plan(content=CONTENT + "\n" + line))
    plan = timed(parse_file, path, limit=60)
    long_block = next(b for b in plan.blocks if len(b.text) > 10_000)
    assert len(long_block.text) == 1_000_000
    in_line = [c for c in plan.citations if c.location.block == long_block.index]
    assert len(in_line) == count
    assert {(c.symbol, c.issuer, c.date_text) for c in in_line} == {
        ("93-HD/BTGTU", "Ban Tuyên giáo Tỉnh ủy", "15/02/2023")}
    assert [c.location.start for c in in_line[:3]] == [0, len(unit), 2 * len(unit)]
    report = timed(check_file, path, "ttdn", limit=60)
    assert report.status == "checked"


@pytest.mark.usefixtures("uncapped")
def test_a_million_character_line_without_a_space(tmp_path):
    path = write(tmp_path, TASK_WITHOUT_UNIT + "\n" + "a" * 1_000_000 + "\n")
    base = parse_file(write(tmp_path, TASK_WITHOUT_UNIT, "base.txt"))
    plan = timed(parse_file, path, limit=60)
    assert len(plan.blocks) == len(base.blocks) + 1
    assert plan.blocks[-1].text == "a" * 1_000_000
    assert [t.units for t in plan.tasks] == [t.units for t in base.tasks]
    assert timed(check_file, path, limit=60).status == "checked"


def test_long_runs_of_unit_names_stay_linear():
    # Each separator of split_units and each skipped verb of next_verb used to look at (and fold) the
    # whole rest of the text: 20,000 names took minutes.
    names = "Sở Nội vụ, " * 20_000
    assert timed(split_units, names, limit=10) == ["Sở Nội vụ"] * 20_000
    glued = "Sở Đào tạo " * 20_000  # "tạo" is a verb, but glued to the capitalised "Đào" it ends a word
    units, _at = timed(leading_units, glued, limit=10)
    assert units == [glued.strip()] or units == []
    assert timed(coordinating_units, "phối hợp với " + names, limit=10) == ["Sở Nội vụ"] * 20_000


# --- direction controls and zero-width characters ------------------------------------------------

@pytest.mark.parametrize("char", list(INVISIBLE))
def test_invisible_characters_inside_the_cited_symbol_do_not_hide_it(tmp_path, char):
    basis = BASIS.replace("93-HD/BTGTU", f"93-HD/{char}BTGTU").replace("15/02/2023", f"15/02/{char}2023")
    path = write(tmp_path, build_plan(basis=basis))
    plan = parse_file(path)
    assert [(c.symbol, c.date_text, c.issuer) for c in plan.basis] == [
        ("93-HD/BTGTU", "15/02/2023", "Ban Tuyên giáo Tỉnh ủy")]
    report = check_file(path, "ttdn", parent="93-HD/BTGTU")
    assert report.status == "checked"
    assert not by_rule(report, "cites-parent"), [f.code for f in report.findings]


def test_zero_width_characters_inside_title_words_and_numbers(tmp_path):
    title = "K\u200cẾ\u200b HOẠ\u200dCH\nCông tác thông tin đối ngoại năm 2\ufeff023"
    plan = parse_file(write(tmp_path, build_plan(title=title)))
    assert plan.doc_type == "KH" and plan.doc_type_name == "KẾ HOẠCH"
    assert plan.title == "Công tác thông tin đối ngoại năm 2023"
    assert plan.year == 2023
    assert plan.number_symbol == "44/KH-UBND"


def test_a_right_to_left_override_never_reaches_the_quoted_evidence(tmp_path):
    # A task without a unit, with an RLO (which displays the rest of the line reversed) and an RLM in it.
    task = "3. Theo dõi\u202e, tổng hợp diễn biến thông tin đối ngoại trên Cổng\u200f thông tin điện tử."
    implementation = IMPLEMENTATION.replace("\n2. ", "\n" + task + "\n4. ")
    report = check_file(write(tmp_path, build_plan(implementation=implementation)), "ttdn")
    missing = [f for f in report.findings if f.code == "task-without-unit"]
    assert len(missing) == 1
    assert missing[0].evidence and missing[0].evidence.startswith("3. Theo dõi, tổng hợp diễn biến thông tin")
    assert "trên Cổng thông tin" in missing[0].evidence
    for finding in report.findings:
        assert not any(c in INVISIBLE for c in (finding.evidence or "") + finding.message)


def test_clean_drops_direction_controls_and_keeps_nfc():
    assert clean("93-HD/\u200bBTGTU") == "93-HD/BTGTU"
    assert clean("Kế\u200b hoạch") == "Kế hoạch"
    assert clean("\u202eKế hoạch\u202c \u2067số 5\u2069\u200e") == "Kế hoạch số 5"
    # An invisible between a letter and its tone mark: once it is gone the two must still compose.
    cleaned = clean("Ke\u200b\u0302\u0301 hoa\u200f\u0323ch")
    assert cleaned == "Kế hoạch" and unicodedata.is_normalized("NFC", cleaned)


def test_unicode_line_and_paragraph_separators(tmp_path):
    text = ("KẾ HOẠCH\u2029Công tác năm 2024\u2029\u2029Thực hiện Hướng dẫn số 93-HD/BTGTU\u2028của Ban Tuyên giáo"
            "\x85\x85I. MỤC ĐÍCH\r\r1. Mục đích")
    assert texts(write(tmp_path, text)) == [
        "KẾ HOẠCH", "Công tác năm 2024", "Thực hiện Hướng dẫn số 93-HD/BTGTU của Ban Tuyên giáo", "I. MỤC ĐÍCH",
        "1. Mục đích"]


def test_terminal_controls_never_reach_the_blocks(tmp_path):
    # A carriage return would move a terminal's cursor back over a printed report line; U+009B opens a
    # terminal control sequence; the other C1 controls are mojibake or planted. (DEL is refused outright
    # in a text file, as a binary control character.)
    plan = TASK_WITHOUT_UNIT.replace("4. Công an huyện:", "4. Công an huyện:\u009b2K\u0090") + "\rGiả mạo: đạt\n"
    doc = read_file(write(tmp_path, plan))
    assert "4. Công an huyện:2K" in [b.text for b in doc.blocks]
    assert doc.blocks[-1].text == "Giả mạo: đạt"
    assert doc.blocks[-1].line == TASK_WITHOUT_UNIT.count("\n") + 2  # the lone CR ended a line
    assert not any(c in b.text for b in doc.blocks for c in "\r\x85\x90\x9b")
    # The same characters in a Word run (written as character references) are dropped or break the line.
    parts = _docx_parts(SAMPLES / "ke-hoach-ttdn-van-ninh-2019.docx")
    xml = parts["word/document.xml"]
    at = xml.find(b"<w:body>") + len(b"<w:body>")
    junk = ('<w:p><w:r><w:t xml:space="preserve">Số 93-HD/&#x202E;BTGTU&#13;Giả mạo: &#x9B;2K&#x7F;đạt&#x85;'
            "dòng ba&#x2029;dòng bốn</w:t></w:r></w:p>")
    parts["word/document.xml"] = xml[:at] + junk.encode("utf-8") + xml[at:]
    doc = read_file(write(tmp_path, _zip(parts), "hostile.docx"))
    assert [b.text for b in doc.blocks[:4]] == ["Số 93-HD/BTGTU", "Giả mạo: 2Kđạt", "dòng ba", "dòng bốn"]


# --- mixed encodings ----------------------------------------------------------------------------

def test_utf8_file_with_a_line_pasted_from_a_windows_1258_file(tmp_path):
    pasted = "Phòng Văn hóa và Thông tin chủ trì, phối hợp với Công an huyện thực hiện."
    raw = to_cp1258(pasted)
    data = VAN_NINH.encode("utf-8").replace("Trong phạm vi".encode(), raw + " Trong phạm vi".encode())
    assert raw != pasted.encode("utf-8") and b"\xec" in raw  # really Windows-1258: a separate tone mark
    doc = read_file(write(tmp_path, data))
    assert doc.encoding == "utf-8"
    assert any(pasted + " Trong phạm vi lĩnh vực phụ trách" in b.text for b in doc.blocks)
    stray = sum(1 for byte in raw if byte >= 0x80)
    assert f"{stray} bytes that are not valid UTF-8 read as Windows-1258" in " ".join(doc.notes)
    # The rest of the plan reads as it does from a clean file.
    assert len(doc.blocks) == len(texts(write(tmp_path, VAN_NINH, "clean.txt")))


def test_utf8_file_with_latin1_bytes(tmp_path):
    data = TASK_WITHOUT_UNIT.encode("utf-8") + "\nGhi chú: xem tài liệu đính kèm (café, résumé).\n".encode("latin-1",
                                                                                                            "replace")
    doc = read_txt_bytes(data, "mixed.txt")
    assert doc.blocks[-1].text.endswith("(café, résumé).")
    assert any("read as Windows-1258" in note for note in doc.notes)
    plan = parse_file(write(tmp_path, data))
    assert [c.symbol for c in plan.basis] == ["368/QĐ-TTg"]


def test_a_guessed_encoding_that_yields_control_characters_is_refused(tmp_path):
    # charset_normalizer guessed EBCDIC (cp037) for these bytes: "\x1aÌs", a SUB control and two letters that
    # passed for Vietnamese.
    with pytest.raises(ReadError) as info:
        read_file(write(tmp_path, b"?x\xa2"))
    assert "cannot determine the text encoding" in info.value.reason_en


def test_a_whole_windows_1258_file_is_still_read_as_windows_1258(tmp_path):
    doc = read_file(write(tmp_path, to_cp1258(TASK_WITHOUT_UNIT)))
    assert doc.encoding == "cp1258"
    assert [b.text for b in doc.blocks] == texts(write(tmp_path, TASK_WITHOUT_UNIT, "utf8.txt"))


# --- deep nesting -------------------------------------------------------------------------------

NESTED = """\
KẾ HOẠCH
Tuyên truyền năm 2024

I. NỘI DUNG
1. Tuyên truyền
1.1. Nội dung chính
1.1.1. Chi tiết
a) Ý thứ nhất
- Gạch đầu dòng
+ Dấu cộng
"""


def test_every_kind_of_marker_nests_under_the_one_before(tmp_path):
    plan = parse_file(write(tmp_path, NESTED))
    plus = next(b for b in plan.blocks if b.text == "+ Dấu cộng")
    assert plan.block_sections[plus.index] == ["I.", "1.", "1.1.", "1.1.1.", "a)", "-", "+"]
    section = plan.sections[0]
    depth = 0
    while section.children:
        section, depth = section.children[0], depth + 1
    assert (depth, section.marker) == (6, "+")


def test_fifty_levels_of_numbers(tmp_path):
    lines = [".".join(["1"] * n) + f". Mục cấp {n}" for n in range(1, 51)]
    plan = parse_file(write(tmp_path, "KẾ HOẠCH\nTuyên truyền năm 2024\nI. NỘI DUNG\n" + "\n".join(lines) + "\n"))
    marker = {n: ".".join(["1"] * n) + "." for n in range(1, 51)}
    paths = {b.text: plan.block_sections[b.index] for b in plan.blocks}
    assert paths["1.1.1. Mục cấp 3"] == ["I.", marker[1], marker[2], marker[3]]
    # 1.1 to 1.1.1.1.1.1 nest; deeper numbers are siblings of the sixth, so the tree stays six deep.
    assert paths["1.1.1.1.1.1. Mục cấp 6"] == ["I.", *(marker[n] for n in range(1, 7))]
    assert paths[marker[50] + " Mục cấp 50"] == ["I.", *(marker[n] for n in range(1, 6)), marker[50]]
    assert len(plan.blocks) == 53 and all(b.text.endswith(f"Mục cấp {i - 2}") for i, b in enumerate(plan.blocks)
                                           if i >= 3)


def test_a_grouping_heading_numbered_1_1_is_not_a_task_without_unit(tmp_path):
    # "1.1. Phân công cụ thể" groups 1.1.1 and 1.1.2, which name the units: it is a heading, not a task.
    implementation = """\
III. TỔ CHỨC THỰC HIỆN
1. Cấp huyện
1.1. Phân công cụ thể
1.1.1. Phòng Văn hóa và Thông tin chủ trì, phối hợp với Đài Truyền thanh huyện triển khai Kế hoạch này.
1.1.2. Công an huyện: theo dõi, nắm tình hình an ninh thông tin trên địa bàn.
1.2. Phối hợp
1.2.1. Đài Truyền thanh huyện: đưa tin về các hoạt động."""
    path = write(tmp_path, build_plan(implementation=implementation))
    plan = parse_file(path)
    assert [t.units for t in plan.tasks] == [["Phòng Văn hóa và Thông tin"], ["Công an huyện"],
                                             ["Đài Truyền thanh huyện"]]
    assert "task-without-unit" not in codes(check_file(path, "ttdn"))


def test_a_thousand_numbers_deep_does_not_recurse(tmp_path):
    deep = ".".join(["1"] * 1000) + ". Mục rất sâu"
    plan = parse_file(write(tmp_path, "I. NỘI DUNG\n" + (deep + "\n") * 3))
    assert [len(plan.block_sections[b.index]) for b in plan.blocks] == [1, 2, 2, 2]
    assert check_file(tmp_path / "plan.txt").status == "checked"


# --- thousands of tasks -------------------------------------------------------------------------

UNITS = ["Phòng Văn hóa và Thông tin", "Công an huyện", "Đài Truyền thanh - Truyền hình huyện",
         "Phòng Tài chính - Kế hoạch", "Ban Tuyên giáo Huyện ủy"]


def test_five_thousand_numbered_tasks_each_with_its_unit(tmp_path):
    head, rest = TASK_WITHOUT_UNIT.split("III. Tổ chức thực hiện:")
    closing = rest[rest.index("Trên đây"):]
    tasks = "\n".join(f"{i}. {UNITS[i % 5]}: triển khai nhiệm vụ số {i} về thông tin đối ngoại."
                      for i in range(1, 5001))
    path = write(tmp_path, head + "III. Tổ chức thực hiện:\n\n" + tasks + "\n\n" + closing)
    start = time.perf_counter()
    plan = parse_file(path)
    # (the content part of the sample gives one duty too: "- Các cơ quan chức năng chủ động nắm bắt …")
    tasks = [t for t in plan.tasks if plan.block_parts[t.location.block] == "implementation"]
    assert len(tasks) == 5000
    assert [t.units for t in tasks] == [[UNITS[i % 5]] for i in range(1, 5001)]
    assert tasks[4999].text == f"5000. {UNITS[0]}: triển khai nhiệm vụ số 5000 về thông tin đối ngoại."
    assert plan.block_sections[tasks[4999].location.block] == ["III.", "5000."]
    report = check_file(path, "ttdn")
    elapsed = time.perf_counter() - start
    assert report.status == "checked"
    assert "task-without-unit" not in codes(report)
    assert elapsed < 60, f"{elapsed:.1f} s: a hang guard, not a speed target"


def test_a_long_number_is_an_item_only_right_after_its_predecessor(tmp_path):
    assert split_marker("100. Phòng Văn hóa") is None
    assert split_marker("100. Phòng Văn hóa", previous=99) == ("100.", 2, "Phòng Văn hóa")
    assert split_marker("2019. Các cơ quan", previous=17) is None
    # A hard-wrapped paragraph whose second line starts with a year stays one paragraph.
    text = "Đẩy mạnh tuyên truyền các sự kiện của năm\n2019. Các cơ quan báo cáo kết quả về Phòng.\n"
    assert texts(write(tmp_path, text)) == [text.replace("\n", " ", 1).strip()]


# --- nothing but blank space --------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    " \t \n\r\n   \n", "\u00a0\u3000\u2003\n\u200b\ufeff\u202e\n\f\v\n", "\n" * 10_000, "\r\n" * 10_000,
])
def test_a_plan_of_only_white_space_is_empty(tmp_path, data):
    path = write(tmp_path, data)
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert info.value.reason_en == "file is empty (only blank lines)"
    report = check_file(path, "ttdn")
    assert report.status == "unreadable" and "tệp rỗng" in report.error


def test_ten_thousand_blank_lines_before_a_plan_keep_line_numbers(tmp_path):
    plain = read_file(write(tmp_path, TASK_WITHOUT_UNIT, "plain.txt"))
    doc = timed(read_file, write(tmp_path, "\n" * 10_000 + TASK_WITHOUT_UNIT), limit=10)
    assert [b.text for b in doc.blocks] == [b.text for b in plain.blocks]
    assert [b.line for b in doc.blocks] == [b.line + 10_000 for b in plain.blocks]
    plan = parse_file(tmp_path / "plan.txt")
    assert plan.tasks[0].location.line == parse_file(tmp_path / "plain.txt").tasks[0].location.line + 10_000


# --- the parsers on text a reader would not produce -------------------------------------------------

def test_parsers_on_invisible_and_control_characters_they_may_get_directly():
    # Text that did not go through clean(): the parsers must not raise and the spans must be real.
    text = "Số: 93-HD/\u202eBTGTU ngày 15/\u200f02/2023\x00\u2028Quyết định số 368/QĐ-TTg ngày 31/02/2013"
    symbols = [(text[s:e], sym.canonical) for s, e, sym in find_symbols(text)]
    assert ("368/QĐ-TTg", "368/QĐ-TTg") in symbols
    dates = [(d.text, d.problem) for _s, _e, d in find_dates(text)]
    assert ("31/02/2013", "impossible") in dates
    cleaned = clean(text)
    assert [sym.canonical for _s, _e, sym in find_symbols(cleaned)] == ["93-HD/BTGTU", "368/QĐ-TTg"]
    found = list(find_citations(Block(index=0, text=cleaned), []))
    assert [(c.symbol, c.date_text) for c in found] == [("93-HD/BTGTU", "15/02/2023"), ("368/QĐ-TTg", "31/02/2013")]
