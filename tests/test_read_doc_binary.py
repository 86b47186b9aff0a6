"""The Word 97-2003 reader (checker/read/doc_binary.py) on .doc files the tests build (tests/docfile.py)."""

from __future__ import annotations

import pytest
from docfile import build_doc, compound

from checker.extract import extract_plan
from checker.read import ReadError, read_file
from checker.read import doc as doc_reader
from checker.read.doc_binary import UnsupportedDoc, read_doc_binary


def test_paragraphs_in_order_in_utf16_and_in_8_bit_pieces():
    doc = read_doc_binary(build_doc(["KẾ HOẠCH\r", "Công tác thông tin đối ngoại năm 2026\r"]), "k.doc")
    assert [(b.kind, b.paragraph, b.text) for b in doc.blocks] == [
        ("paragraph", 1, "KẾ HOẠCH"), ("paragraph", 2, "Công tác thông tin đối ngoại năm 2026")]
    doc = read_doc_binary(build_doc(["KE HOACH\r", "Cong tac \x93doi ngoai\x94\r".replace("\x93", "“").replace(
        "\x94", "”")], compressed=True), "k.doc")
    assert [b.text for b in doc.blocks] == ["KE HOACH", "Cong tac “doi ngoai”"]


def test_table_cells_rows_and_row_ends():
    paragraphs = ["PHỤ LỤC\r", "STT\x07", "Nhiệm vụ\x07", "Chủ trì\x07", "\x07",
                  "1\x07", "Rà soát văn bản\x07", "Sở Tư pháp\x07", "\x07", "Hết bảng.\r"]
    doc = read_doc_binary(build_doc(paragraphs, in_table={1, 2, 3, 5, 6, 7}, row_ends={4, 8}), "k.doc")
    cells = [(b.table, b.row, b.cell, b.text) for b in doc.blocks if b.kind == "table_cell"]
    # numbered from 1, as the Word and HTML readers number them
    assert cells == [(1, 1, 1, "STT"), (1, 1, 2, "Nhiệm vụ"), (1, 1, 3, "Chủ trì"),
                     (1, 2, 1, "1"), (1, 2, 2, "Rà soát văn bản"), (1, 2, 3, "Sở Tư pháp")]
    assert doc.blocks[-1].text == "Hết bảng." and doc.blocks[-1].kind == "paragraph"


def test_field_codes_are_dropped_and_results_kept_footnotes_follow():
    paragraphs = ["Trang \x13 PAGE \x143\x15 của \x13 NUMPAGES \x13 X \x14\x15\x145\x15.\r",
                  "Dòng một\x0bdòng hai\r"]
    doc = read_doc_binary(build_doc(paragraphs, footnotes=["Chú thích."]), "k.doc")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("paragraph", "Trang 3 của 5."), ("paragraph", "Dòng một"), ("paragraph", "dòng hai"),
        ("footnote", "Chú thích.")]


def test_legacy_font_text_is_converted():
    # TCVN3 (.VnTime) letters as Windows-1252 bytes: "Céng hßa x· héi chñ nghÜa ViÖt Nam"
    tcvn3 = "Céng hßa x· héi chñ nghÜa ViÖt Nam\r"
    doc = read_doc_binary(build_doc([tcvn3, "KÕ ho¹ch c«ng t¸c n¨m 2026\r"], compressed=True), "k.doc")
    assert doc.blocks[0].text == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert any("TCVN3" in note for note in doc.notes)


def test_a_plan_read_from_a_doc():
    paragraphs = ["ỦY BAN NHÂN DÂN\x07", "Số: 45/KH-UBND\x07", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\x07",
                  "Vĩnh Linh, ngày 20 tháng 02 năm 2023\x07", "\x07", "KẾ HOẠCH\r", "Tuyên truyền năm 2023\r",
                  "Thực hiện Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 của Ban Tuyên giáo Tỉnh ủy;\r",
                  "I. MỤC ĐÍCH, YÊU CẦU\r", "Nâng cao nhận thức.\r", "II. TỔ CHỨC THỰC HIỆN\r",
                  "1. Phòng Nội vụ chủ trì triển khai Kế hoạch này.\r",
                  "Các đơn vị báo cáo kết quả về Ủy ban nhân dân huyện trước ngày 05/11/2023.\r"]
    plan = extract_plan(read_doc_binary(build_doc(paragraphs, in_table={0, 1, 2, 3}, row_ends={4}), "k.doc"))
    assert (plan.doc_type, plan.number_symbol, str(plan.date)) == ("KH", "45/KH-UBND", "2023-02-20")
    assert [c.symbol for c in plan.basis] == ["93-HD/BTGTU"]
    assert [t.units for t in plan.tasks] == [["Phòng Nội vụ"]]
    assert plan.reporting[0].deadline is not None


@pytest.mark.parametrize(("data", "reason"), [
    (compound({"Other": b"x" * 4096}), "no WordDocument stream"),
    (compound({"WordDocument": b"\x00" * 4096}), "not a Word 97-2003 document"),
])
def test_what_the_reader_cannot_read_is_said(data, reason):
    with pytest.raises(UnsupportedDoc, match=reason):
        read_doc_binary(data, "k.doc")


def test_an_encrypted_file_goes_to_libreoffice_or_names_the_fix(tmp_path, monkeypatch):
    data = bytearray(build_doc(["KẾ HOẠCH\r"]))
    word_at = 512 * 3  # the header, the FAT sector, the directory sector, then the WordDocument stream
    data[word_at + 0x0B] |= 0x01  # fEncrypted: bit 8 of the flags word at 0x0A (little-endian)
    path = tmp_path / "mat.doc"
    path.write_bytes(bytes(data))
    monkeypatch.setattr(doc_reader, "_soffice", lambda: None)
    with pytest.raises(ReadError) as caught:
        read_file(path)
    assert "cannot read this .doc (encrypted)" in str(caught.value)


def test_read_file_reads_a_built_doc_without_libreoffice(tmp_path, monkeypatch):
    path = tmp_path / "ke-hoach.doc"
    path.write_bytes(build_doc(["KẾ HOẠCH\r", "Công tác năm 2026\r"]))
    monkeypatch.setattr(doc_reader, "_soffice", lambda: None)
    doc = read_file(path)
    assert doc.format == "doc" and [b.text for b in doc.blocks] == ["KẾ HOẠCH", "Công tác năm 2026"]


def test_a_piece_table_whose_pieces_overlap_is_refused():
    import struct

    data = bytearray(build_doc(["KẾ HOẠCH\r", "Công tác\r"]))
    # the piece table opens 0Table: 0x02, its size (16), then the character positions 0 and n; make the piece end
    # before it begins (a crafted table pointing pieces back at the same text)
    clx = data.find(b"\x02\x10\x00\x00\x00\x00\x00\x00\x00")
    assert clx > 0
    struct.pack_into("<I", data, clx + 5 + 4, 0)
    with pytest.raises(UnsupportedDoc):
        read_doc_binary(bytes(data), "k.doc")
