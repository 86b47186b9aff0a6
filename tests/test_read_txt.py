"""Tests for the plain-text reader: decoding, paragraph splitting, joining of broken lines."""

from __future__ import annotations

import pickle
import unicodedata
from pathlib import Path

import pytest
from conftest import to_cp1258
from conftest import write_file as write

from checker.read import SUPPORTED, ReadError, read_file
from checker.read.txt import read_txt, read_txt_bytes

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
SENTENCE = "Kế hoạch tuyên truyền cải cách hành chính năm 2026 của Ủy ban nhân dân tỉnh Đồng Nai."


def texts(path: Path) -> list[str]:
    return [b.text for b in read_txt(path).blocks]




# --- decoding -----------------------------------------------------------------------------------

def test_utf8(tmp_path):
    doc = read_txt(write(tmp_path, "KẾ HOẠCH\n\n" + SENTENCE + "\n"))
    assert doc.encoding == "utf-8"
    assert doc.format == "txt"
    assert [b.text for b in doc.blocks] == ["KẾ HOẠCH", SENTENCE]
    assert doc.notes == []


def test_utf8_bom_is_removed(tmp_path):
    doc = read_txt(write(tmp_path, b"\xef\xbb\xbf" + SENTENCE.encode("utf-8")))
    assert doc.encoding == "utf-8-sig"
    assert doc.blocks[0].text == SENTENCE


@pytest.mark.parametrize(("codec", "bom", "name"), [
    ("utf-16-le", b"\xff\xfe", "utf-16-le"),
    ("utf-16-be", b"\xfe\xff", "utf-16-be"),
])
def test_utf16_with_bom(tmp_path, codec, bom, name):
    doc = read_txt(write(tmp_path, bom + ("KẾ HOẠCH\r\n" + SENTENCE).encode(codec)))
    assert doc.encoding == name
    assert [b.text for b in doc.blocks] == ["KẾ HOẠCH", SENTENCE]


def test_cp1258_is_detected_and_composed(tmp_path):
    data = to_cp1258("KẾ HOẠCH\n\n" + SENTENCE + "\nTrên đây là Kế hoạch của Ủy ban nhân dân tỉnh.\n")
    assert b"\xec" in data  # the acute accent really is a separate combining byte
    doc = read_txt(write(tmp_path, data))
    assert doc.encoding == "cp1258"
    assert doc.blocks[1].text == SENTENCE
    assert unicodedata.is_normalized("NFC", doc.blocks[1].text)
    assert any("cp1258" in note for note in doc.notes)


def test_nfd_utf8_is_composed(tmp_path):
    doc = read_txt(write(tmp_path, unicodedata.normalize("NFD", SENTENCE)))
    assert doc.blocks[0].text == SENTENCE


def test_non_vietnamese_legacy_encoding_is_refused(tmp_path):
    path = write(tmp_path, "Größe ändern: überall Straße, Öl und Übung.".encode("cp1252"))
    with pytest.raises(ReadError) as info:
        read_txt(path)
    assert "encoding" in str(info.value)
    assert "mã hóa" in info.value.reason


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"abc\x00def", b"PK\x03\x04\x14\x00",
])
def test_binary_is_refused(tmp_path, data):
    path = write(tmp_path, data)
    with pytest.raises(ReadError) as info:
        read_txt(path)
    assert str(info.value).startswith(str(path))
    assert "not a text file" in info.value.reason_en


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t\n"])
def test_empty_is_refused(tmp_path, data):
    path = write(tmp_path, data)
    with pytest.raises(ReadError) as info:
        read_txt(path)
    assert "empty" in info.value.reason_en
    assert "rỗng" in info.value.reason


def test_invisible_characters_are_removed():
    doc = read_txt_bytes("Kế\u200b hoạch\u00a0số 5".encode(), "mem.txt")
    assert doc.blocks[0].text == "Kế hoạch\u00a0số 5"  # NBSP is kept: clean() only drops invisibles
    assert doc.path == "mem.txt"


# --- paragraphs and line joining ----------------------------------------------------------------

WRAPPED = """\
KẾ HOẠCH

Thực hiện Nghị quyết số
163/2024/QH15 ngày 27/11/2024 của Quốc hội phê duyệt chủ trương đầu tư Chương
trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030 (Nghị quyết số
163/2024/QH15), Nghị quyết số 50/NQ-CP ngày 13/3/2025 của Chính phủ về ban hành
Kế hoạch triển khai Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội
phê duyệt chủ trương đầu tư Chương trình, như sau:

I. MỤC ĐÍCH,
YÊU CẦU

1. Mục đích

1.1. Quán triệt
và triển khai nghiêm túc, đồng bộ và hiệu quả Nghị quyết số 163/2024/QH15, Nghị
quyết số 50/NQ-CP, Chương trình MTQG nhằm tăng cường, nâng cao hiệu quả công
tác phòng, chống ma túy trên địa bàn tỉnh.
"""


def test_hard_wrapped_lines_are_joined(tmp_path):
    doc = read_txt(write(tmp_path, WRAPPED))
    assert [b.text for b in doc.blocks] == [
        "KẾ HOẠCH",
        "Thực hiện Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội phê duyệt chủ trương đầu tư "
        "Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030 (Nghị quyết số 163/2024/QH15), "
        "Nghị quyết số 50/NQ-CP ngày 13/3/2025 của Chính phủ về ban hành Kế hoạch triển khai Nghị quyết "
        "số 163/2024/QH15 ngày 27/11/2024 của Quốc hội phê duyệt chủ trương đầu tư Chương trình, như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "1.1. Quán triệt và triển khai nghiêm túc, đồng bộ và hiệu quả Nghị quyết số 163/2024/QH15, "
        "Nghị quyết số 50/NQ-CP, Chương trình MTQG nhằm tăng cường, nâng cao hiệu quả công tác phòng, "
        "chống ma túy trên địa bàn tỉnh.",
    ]
    assert [(b.line, b.end_line) for b in doc.blocks] == [(1, 1), (3, 8), (10, 11), (13, 13), (15, 18)]
    assert any("9 line breaks" in note for note in doc.notes)  # 5 + 1 + 3 joins


def test_headings_and_list_items_are_not_joined(tmp_path):
    text = ("1. Mục đích\nTăng cường công tác thông tin đối ngoại\n"
            "Các nội dung gồm,\n- Tuyên truyền\n+ Quảng bá\na) Nội dung\nII. NỘI DUNG\n2.1 Thời gian\n")
    assert texts(write(tmp_path, text)) == [
        "1. Mục đích", "Tăng cường công tác thông tin đối ngoại", "Các nội dung gồm,", "- Tuyên truyền",
        "+ Quảng bá", "a) Nội dung", "II. NỘI DUNG", "2.1 Thời gian",
    ]


def test_roman_headings_written_with_slash_or_colon_are_not_joined(tmp_path):
    # the reader and the section builder agree on markers (checker.text.markers): "I/" and "I:" open a heading
    text = "Các nội dung gồm,\nI/ MỤC ĐÍCH, YÊU CẦU\nCác văn bản gồm,\nII: NỘI DUNG\n"
    assert texts(write(tmp_path, text)) == ["Các nội dung gồm,", "I/ MỤC ĐÍCH, YÊU CẦU", "Các văn bản gồm,",
                                            "II: NỘI DUNG"]


def test_a_marker_alone_on_its_line_is_joined_to_the_next(tmp_path):
    # corpus 020: "2.3." / "Công an tỉnh", also across one blank line; a marker before a marker stays alone,
    # and a bare number (the STT of a flattened table) is no marker
    text = ("2.3.\nCông an tỉnh\na) Chủ trì, phối hợp với các đơn vị.\n2.10.\n\n"
            "Đề nghị Viện kiểm sát nhân dân tỉnh\nII.\nIII. TỔ CHỨC THỰC HIỆN\n12\nTổ chức hội nghị\n")
    doc = read_txt(write(tmp_path, text))
    assert [b.text for b in doc.blocks] == [
        "2.3. Công an tỉnh", "a) Chủ trì, phối hợp với các đơn vị.", "2.10. Đề nghị Viện kiểm sát nhân dân tỉnh",
        "II.", "III. TỔ CHỨC THỰC HIỆN", "12", "Tổ chức hội nghị",
    ]
    assert [(b.line, b.end_line) for b in doc.blocks][:3] == [(1, 2), (3, 3), (4, 6)]


def test_lowercase_continuation_is_joined(tmp_path):
    text = "Đồng Nai, ngày 20\ntháng 11 năm 2025\nKẾ HOẠCH\n"
    doc = read_txt(write(tmp_path, text))
    assert [b.text for b in doc.blocks] == ["Đồng Nai, ngày 20 tháng 11 năm 2025", "KẾ HOẠCH"]
    assert doc.notes and "1" in doc.notes[0]


def test_sentence_end_stops_joining(tmp_path):
    text = "Thực hiện tốt nhiệm vụ.\nhoàn thành trước ngày 15/12./.\n(kèm theo phụ lục)\n"
    assert texts(write(tmp_path, text)) == [
        "Thực hiện tốt nhiệm vụ.", "hoàn thành trước ngày 15/12./.", "(kèm theo phụ lục)",
    ]


def test_page_break_across_one_blank_line_is_joined(tmp_path):
    text = ("4. Phối hợp\n\nMở chuyên trang, chuyên mục tuyên truyền. Cập\n\n"
            "nhật các thông tin liên quan đến hoạt động đối ngoại.\n\n5. Các tổ chức cơ sở Đảng\n")
    doc = read_txt(write(tmp_path, text))
    assert [b.text for b in doc.blocks] == [
        "4. Phối hợp",
        "Mở chuyên trang, chuyên mục tuyên truyền. Cập nhật các thông tin liên quan đến hoạt động đối ngoại.",
        "5. Các tổ chức cơ sở Đảng",
    ]
    assert (doc.blocks[1].line, doc.blocks[1].end_line) == (3, 5)


def test_no_join_across_two_blank_lines_or_before_uppercase(tmp_path):
    text = "Mở chuyên trang. Cập\n\n\nnhật các thông tin\n\nTổ chức hội nghị\n\na) nội dung\n"
    assert texts(write(tmp_path, text)) == [
        "Mở chuyên trang. Cập", "nhật các thông tin", "Tổ chức hội nghị", "a) nội dung",
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_numbers_and_indexes(tmp_path, newline):
    lines = ["  KẾ HOẠCH  ", "", "", "Số: 12/KH-UBND", "", "Thực hiện Chỉ thị số 12", "của Ban Bí thư"]
    doc = read_txt(write(tmp_path, newline.join(lines) + newline))
    assert [(b.index, b.line, b.end_line, b.kind) for b in doc.blocks] == [
        (0, 1, 1, "paragraph"), (1, 4, 4, "paragraph"), (2, 6, 7, "paragraph"),
    ]
    assert doc.blocks[0].text == "KẾ HOẠCH"
    assert doc.blocks[2].location().describe() == "dòng 6"


def test_short_lines_of_a_flattened_table_are_not_treated_as_hard_wrapped(tmp_path):
    long_line = "Thực hiện Kế hoạch số 01 - KH/ĐTN ngày 6/1/2026 của Ban Thường vụ Đoàn " * 4
    lines = [long_line.strip() + "."] + ["- Ông: Nguyễn Văn A", "Bí thư", "Trưởng ban"] * 8
    lines += ["Tổ chức đêm nhạc vào cửa miễn phí cho đoàn viên, nhân dân nhằm gây quỹ từ thiện", "Giao lưu"]
    blocks = texts(write(tmp_path, "\n".join(lines)))
    assert blocks[-2:] == [lines[-2], "Giao lưu"]


# --- dispatch and errors ------------------------------------------------------------------------

def test_read_file_dispatches_on_suffix(tmp_path):
    assert set(SUPPORTED) == {".txt", ".docx", ".doc", ".odt", ".html", ".htm", ".pdf",
                              ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
    doc = read_file(write(tmp_path, SENTENCE, name="PLAN.TXT"))
    assert doc.blocks[0].text == SENTENCE


def test_read_file_unsupported_suffix(tmp_path):
    path = write(tmp_path, "x", name="plan.xyz")
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert "định dạng .xyz chưa được hỗ trợ" in info.value.reason
    assert ("unsupported format .xyz; supported: .doc, .docx, .htm, .html, .jpeg, .jpg, .odt, .pdf, .png, .tif, "
            ".tiff, .txt") in str(info.value)


def test_read_file_missing_and_directory(tmp_path):
    with pytest.raises(ReadError) as info:
        read_file(tmp_path / "nope.txt")
    assert "nope.txt" in str(info.value) and "not found" in str(info.value)
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    with pytest.raises(ReadError):
        read_file(folder)


def test_read_error_fields_and_pickling():
    err = ReadError("a.txt", "tệp rỗng", "file is empty")
    assert str(err) == "a.txt: file is empty"
    assert err.message() == "a.txt: tệp rỗng"
    again = pickle.loads(pickle.dumps(err))
    assert (again.path, again.reason, again.reason_en) == ("a.txt", "tệp rỗng", "file is empty")


# --- real files ---------------------------------------------------------------------------------

def test_corpus_020_wrapped_paragraph():
    path = CORPUS / "020.txt"
    if not path.exists():
        pytest.skip("corpus not available")
    doc = read_txt(path)
    opening = next(b for b in doc.blocks if b.text.startswith("Thực hiện Nghị quyết số"))
    assert (opening.line, opening.end_line) == (17, 27)
    assert opening.text.endswith("trên địa bàn tỉnh Đồng Nai, như sau:")
    assert "Đồng Nai, ngày 20 tháng 11 năm 2025" in [b.text for b in doc.blocks]
    headings = [b.text for b in doc.blocks if b.text.startswith(("2.3.", "2.10.", "2.11.", "2.12.", "2.13."))]
    assert headings[1:] == ["2.3. Công an tỉnh", "2.10. Đề nghị Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh",
                        "2.11. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội "
                        "trực thuộc", "2.12. Các Sở, ban, ngành khác", "2.13. Ủy ban nhân dân xã, phường"]


def test_every_corpus_text_reads():
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip("corpus not available")
    for path in files:
        doc = read_txt(path)
        assert len(doc.blocks) > 20, path
        assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))


def test_labelled_line_and_closing_sentence_stay_apart_in_a_wrapped_copy():
    text = ("1.3. Theo dõi, đôn đốc công tác bầu cử trên địa bàn xã\n"
            "- Thời gian thực hiện: Từ tháng 12/2025 đến quý I/2026\n"
            "- Đơn vị chủ trì: Ban Thường trực Ủy ban MTTQ Việt Nam xã\n"
            "Trên đây là Kế hoạch thực hiện công tác bầu cử của Ban\n"
            "Thường trực Ủy ban MTTQ Việt Nam xã./.\n"
            "Nơi nhận:\n- Lưu: VT.\n")
    doc = read_txt_bytes(text.encode("utf-8"), "wrapped.txt")
    assert [b.text for b in doc.blocks] == [
        "1.3. Theo dõi, đôn đốc công tác bầu cử trên địa bàn xã",
        "- Thời gian thực hiện: Từ tháng 12/2025 đến quý I/2026",
        "- Đơn vị chủ trì: Ban Thường trực Ủy ban MTTQ Việt Nam xã",
        "Trên đây là Kế hoạch thực hiện công tác bầu cử của Ban Thường trực Ủy ban MTTQ Việt Nam xã./.",
        "Nơi nhận:",
        "- Lưu: VT.",
    ]


def test_a_line_closing_an_open_bracket_continues_it():
    text = ("- Thông tin tuyên truyền theo tinh thần Kết luận số 16-KL/TW của Bộ Chính trị (khóa\n"
            "XI) về “Chiến lược phát triển thông tin đối ngoại giai đoạn 2011 - 2020”.\n"
            "- Quảng bá, tuyên truyền về biển, đảo Việt Nam.\n")
    doc = read_txt_bytes(text.encode("utf-8"), "wrapped.txt")
    assert [b.text for b in doc.blocks] == [
        "- Thông tin tuyên truyền theo tinh thần Kết luận số 16-KL/TW của Bộ Chính trị (khóa XI) về "
        "“Chiến lược phát triển thông tin đối ngoại giai đoạn 2011 - 2020”.",
        "- Quảng bá, tuyên truyền về biển, đảo Việt Nam.",
    ]


def test_a_flattened_table_ends_at_its_last_row():
    # a task table, a blank line, the implementation part, a stray page number, the closing sentence
    from checker.extract import extract_plan

    text = ("KẾ HOẠCH\nCông tác năm 2024\nII. NỘI DUNG\nSTT\nNội dung\nĐơn vị chủ trì\nThời gian\n"
            "1\nTập huấn kỹ năng số\nPhòng Nội vụ\nQuý II\n2\nRà soát thủ tục\nVăn phòng HĐND và UBND\nQuý III\n\n"
            "III. TỔ CHỨC THỰC HIỆN\n1. Phòng Nội vụ theo dõi, đôn đốc.\n2. Các xã báo cáo kết quả.\n3\n"
            "Trên đây là Kế hoạch./.\n")
    plan = extract_plan(read_txt_bytes(text.encode("utf-8"), "plan.txt"))
    assert plan.parts.implementation == "III. TỔ CHỨC THỰC HIỆN"
    rows = [(t.units, t.timeframe) for t in plan.tasks if t.source == "table"]
    assert rows == [(["Phòng Nội vụ"], "Quý II"), (["Văn phòng HĐND và UBND"], "Quý III")]


def test_a_count_column_holding_the_next_row_s_number_keeps_the_rows_aligned():
    from checker.read.txt_tables import flat_tables

    lines = ["STT", "Nội dung", "Số lớp", "Đơn vị chủ trì", "Thời gian",
             "1", "Tập huấn kỹ năng số", "2", "Phòng Nội vụ", "Quý II",
             "2", "Bồi dưỡng chuyên môn", "3", "Văn phòng HĐND và UBND", "Quý III"]
    [table] = flat_tables(lines)
    assert [[lines[i] for cell in row for i in cell] for row in table.rows[1:]] == [lines[5:10], lines[10:15]]


def test_a_table_drawn_with_pipes_is_read_as_a_table():
    # a Markdown copy of a web page, and a Word table of recipients and signature copied with pipes (corpus 055)
    from checker.extract import extract_plan

    text = ("KẾ HOẠCH\nChuyển đổi số năm 2025\nII. TỔ CHỨC THỰC HIỆN\n"
            "| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |\n|---|---|---|---|---|\n"
            "| 1 | Nâng cấp hạ tầng mạng | Phòng Công nghệ thông tin | Phòng Vật tư | Tháng 3/2025 |\n"
            "| 2 | Chuẩn hóa hồ sơ bệnh án | Phòng Kế hoạch tổng hợp | Phòng Điều dưỡng | Tháng 4/2025 |\n"
            "Trên đây là Kế hoạch./.\n"
            "|Nơi nhận:                 |      GIÁM ĐỐC      |\n|- Sở Y tế;                 |                    |\n"
            "|- Lưu: VT.                |   Nguyễn Văn An    |\n")
    plan = extract_plan(read_txt_bytes(text.encode("utf-8"), "plan.txt"))
    rows = [(t.units, t.coordinating, t.timeframe) for t in plan.tasks if t.source == "table"]
    assert rows == [(["Phòng Công nghệ thông tin"], ["Phòng Vật tư"], "Tháng 3/2025"),
                    (["Phòng Kế hoạch tổng hợp"], ["Phòng Điều dưỡng"], "Tháng 4/2025")]
    assert plan.signer is not None and plan.signer.name == "Nguyễn Văn An"
    assert plan.recipients == ["Sở Y tế", "Lưu: VT"]


def test_terminal_controls_in_a_text_file_never_reach_the_report(tmp_path: Path) -> None:
    from conftest import run

    # A raw ESC or BEL byte: not a text file, refused as such (the name is shown, the bytes never are).
    for byte in (b"\x1b[2J", b"\x07"):
        path = tmp_path / "ke-hoach.txt"
        path.write_bytes("KẾ HOẠCH\nThực hiện ".encode() + byte + " Hướng dẫn số 93-HD/BTGTU.\n".encode())
        with pytest.raises(ReadError, match="control characters"):
            read_txt(path)
        _, out, _ = run("check", str(path))
        assert "không phải tệp văn bản" in out and byte not in out.encode()
    # Page breaks (pdftotext) and soft line breaks (Word's clipboard) are spacing, in the text and the report.
    path.write_bytes("KẾ HOẠCH\nThực hiện\fHướng dẫn\vsố 93-HD/BTGTU.\n".encode())
    assert texts(path) == ["KẾ HOẠCH", "Thực hiện Hướng dẫn số 93-HD/BTGTU."]
    _, out, _ = run("check", str(path), "--format", "json")
    assert "\\f" not in out and "\\u000b" not in out
