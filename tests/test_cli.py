"""The plancheck command as a user runs it: exit codes, formats, languages, files and folders."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import run

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
VAN_NINH = SAMPLES / "ke-hoach-ttdn-van-ninh-2019.docx"


def test_check_folder_reports_every_document_and_fails_on_errors() -> None:
    code, out, _ = run("check", str(SAMPLES))
    assert code == 1
    for name in ("no-basis.txt", "task-without-unit.txt", "ke-hoach-ttdn-van-ninh-2019.docx",
                 "ke-hoach-ttdn-van-ninh-2019.odt"):
        assert name in out
    assert out.rstrip().splitlines()[-1].startswith("Tổng cộng: 17 văn bản")


def test_fail_on_never_exits_zero() -> None:
    code, _, _ = run("check", str(SAMPLES / "defects" / "no-basis.txt"), "--fail-on", "never")
    assert code == 0


def test_fail_on_warning_counts_warnings() -> None:
    # The web copy of the Vạn Ninh plan lost its place-and-date line: a warning, no error.
    plan = str(SAMPLES / "ke-hoach-ttdn-van-ninh-2019.txt")
    code_error, out, _ = run("check", plan, "--rules", "default")
    code_warning, _, _ = run("check", plan, "--rules", "default", "--fail-on", "warning")
    assert "has-own-date" in out and "0 lỗi, 1 cảnh báo" in out
    assert (code_error, code_warning) == (0, 1)


def test_clean_word_plan_has_no_findings() -> None:
    code, out, _ = run("check", str(VAN_NINH), "--rules", "default", "--fail-on", "info")
    assert code == 0 and "Không phát hiện vấn đề." in out


def test_json_output_validates_against_the_report_schema(tmp_path: Path) -> None:
    out_file = tmp_path / "report.json"
    code, stdout, _ = run("check", str(SAMPLES), "--format", "json", "-o", str(out_file))
    assert code == 1 and stdout == ""
    data = json.loads(out_file.read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    by_path = {Path(d["path"]).name: d for d in data["documents"]}
    assert [f["code"] for f in by_path["no-basis.txt"]["findings"] if f["rule"] == "cites-parent"] == ["no-basis"]
    plan = by_path["ke-hoach-ttdn-van-ninh-2019.docx"]["plan"]
    assert plan["doc_type"] == "KH" and plan["number_symbol"] == "45/KH-UBND" and plan["date"] == "2019-03-15"
    assert plan["basis"][0]["symbol"] == "368/QĐ-TTg" and plan["basis"][0]["date"] == "2013-02-28"
    assert "blocks" not in plan


def test_english_messages() -> None:
    _, out, _ = run("check", str(SAMPLES / "defects" / "no-basis.txt"), "--lang", "en")
    assert "The basis clause cites no numbered directive." in out
    assert "Total: documents: 1, errors: 1, warnings: 1, info: 0" in out


def test_parent_option_checks_the_expected_parent() -> None:
    _, out, _ = run("check", str(SAMPLES / "ke-hoach-ttdn-van-ninh-2019.txt"), "--parent", "93-HD/BTGTU")
    assert "không dẫn văn bản cấp trên 93-HD/BTGTU" in out
    _, out, _ = run("check", str(SAMPLES / "ke-hoach-ttdn-van-ninh-2019.txt"), "--parent", "368/QĐ-Ttg")
    assert "văn bản cấp trên" not in out


def test_bad_parent_is_a_usage_error() -> None:
    code, _, err = run("check", str(VAN_NINH), "--parent", "not a symbol")
    assert code == 2 and "not a number-symbol" in err


def test_unreadable_file_is_reported_and_does_not_stop_the_batch(tmp_path: Path) -> None:
    broken = tmp_path / "hỏng.docx"
    broken.write_bytes(b"this is not a zip")
    code, out, _ = run("check", str(broken), str(SAMPLES / "ke-hoach-ttdn-van-ninh-2019.txt"))
    assert code == 1
    assert "hỏng.docx  [không đọc được]" in out
    assert "ke-hoach-ttdn-van-ninh-2019.txt" in out


def test_rule_pack_error_exits_2_and_names_file_rule_and_key(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text("extends: default\nrules:\n  has-deadline:\n    params: {max_years: 2}\n", encoding="utf-8")
    code, out, err = run("check", str(VAN_NINH), "--rules", str(pack))
    assert code == 2 and out == ""
    assert str(pack) in err and "has-deadline" in err and "max_years" in err


def test_parse_prints_the_plan() -> None:
    code, out, _ = run("parse", str(SAMPLES / "huong-dan-ttdn-vinh-linh-2023.txt"))
    assert code == 0
    plan = json.loads(out)
    assert plan["doc_type"] == "HD"
    assert [c["symbol"] for c in plan["basis"]] == ["93-HD/BTGTU"]
    assert plan["signer"]["name"] == "Nguyễn Thị Hương"


def test_rules_list_and_show() -> None:
    code, out, _ = run("rules", "list")
    assert code == 0 and "covers-themes" in out and "cites-parent" in out
    code, out, _ = run("rules", "show", "assigns-tasks", "--lang", "en")
    assert code == 0 and "task-without-unit" in out and "Every task in the implementation part" in out
    code, _, err = run("rules", "show", "no-such-rule")
    assert code == 2 and "no rule or kind" in err


def test_rules_show_in_vietnamese_prints_the_vietnamese_kind_doc() -> None:
    code, out, _ = run("rules", "show", "assigns-tasks")
    assert code == 0
    assert "loại assigns_tasks, mức error" in out and "tham số (params):" in out
    assert "Các trường hợp / thông báo:" in out and "Every task in the implementation part" not in out
    assert out.count("task-without-unit") >= 2  # in the Vietnamese doc and in the list of cases


@pytest.mark.parametrize("argv", [["--help"], ["check", "--help"], ["rules", "show", "--help"]])
def test_help(argv: list[str]) -> None:
    code, out, _ = run(*argv)
    assert code == 0 and "Usage" in out


def test_folder_scan_reports_formats_without_a_reader(tmp_path: Path) -> None:
    (tmp_path / "ke-hoach.rtf").write_bytes(b"{\\rtf1\\ansi Ke hoach}")
    (tmp_path / "ghi-chu.gif").write_bytes(b"GIF89a")  # a picture, no scan: not a document
    (tmp_path / "ke-hoach.txt").write_text((SAMPLES / "ke-hoach-ttdn-van-ninh-2019.txt").read_text("utf-8"), "utf-8")
    code, out, _ = run("check", str(tmp_path), "--lang", "en")
    assert code == 1
    assert "ke-hoach.rtf  [unreadable]" in out and "save it as .docx" in out
    assert "ghi-chu.gif" not in out
    assert "Total: documents: 2" in out


def test_parent_option_keeps_the_date_the_pack_gives_for_the_same_parent(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text("extends: ttdn\nrules:\n  cites-parent:\n    params:\n"
                    "      parent: {symbol: 93-HD/BTGTU, date: 2023-02-16}\n", encoding="utf-8")
    plan = str(SAMPLES / "huong-dan-ttdn-vinh-linh-2023.txt")
    for extra in ([], ["--parent", "93-HD/BTGTU"]):
        _, out, _ = run("check", plan, "--rules", str(pack), "--lang", "en", *extra)
        assert "93-HD/BTGTU is cited with the date 15/02/2023; it was issued on 16/02/2023." in out
    _, out, _ = run("check", plan, "--rules", str(pack), "--lang", "en", "--parent", "368/QĐ-TTg")
    assert "does not cite its parent directive 368/QĐ-TTg" in out and "16/02/2023" not in out


def test_a_pack_without_is_plan_checks_every_text_as_a_plan(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text("extends: default\nrules:\n  is-plan:\n    severity: off\n", encoding="utf-8")
    _, out, _ = run("check", str(SAMPLES / "bai-viet-ket-luan-57.txt"), "--rules", str(pack), "--lang", "en")
    assert "No problems found." not in out
    assert "has-standard-parts" in out and "assigns-tasks" in out


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "report.txt"
    code, out, err = run("check", str(VAN_NINH), "-o", str(target))
    assert code == 2 and out == ""
    assert f"cannot write the report to {target}" in err
    assert not target.parent.exists()


def test_parse_errors_follow_the_language_and_name_directories(tmp_path: Path) -> None:
    code, _, err = run("parse", str(tmp_path))
    assert code == 2 and f"{tmp_path}: đây là một thư mục, không phải tệp" in err
    code, _, err = run("parse", str(tmp_path / "x.rtf"), "--lang", "en")
    assert code == 2 and "unsupported format .rtf" in err


def test_text_report_says_what_the_reader_had_to_do() -> None:
    _, out, _ = run("check", str(SAMPLES / "formats" / "ke-hoach-ttdn-van-ninh-2019-tcvn3.txt"), "--lang", "en")
    assert "  Note: Văn bản dùng phông chữ cũ TCVN3 (ABC), đã chuyển mã sang Unicode" in out


def test_a_folder_without_documents_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "anh.gif").write_bytes(b"GIF89a")
    code, out, err = run("check", str(tmp_path))
    assert code == 2 and out == ""
    assert "không tìm thấy văn bản nào" in err
    assert "no documents (.docx, .doc, .odt, .txt, .html, .pdf, scans .png, .jpg, .tif)" in err
