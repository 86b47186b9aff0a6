"""SARIF 2.1.0 output (checker/formatters/sarif.py), on reports built from the shipped samples.

Reports are built the way ``plancheck check`` builds them (:func:`cli_report`). Every log is validated
against the vendored OASIS schema with Draft 4, and every ``uri``/``uri-reference`` in it is checked
against RFC 3986 (jsonschema has no checker for those formats without extra packages).
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
import yaml

from checker.api import check_file
from checker.engine.baseline import Baseline, apply_baseline, make_baseline
from checker.engine.packs import load_pack
from checker.engine.run import make_report
from checker.engine.waivers import WaiverEntry, apply_waivers
from checker.formatters import sarif
from checker.model.report import Report

ROOT = Path(__file__).resolve().parents[1]
# Paths as a user in the project folder types them (the tests run from there: see `in_root`).
TASK = "samples/defects/task-without-unit.txt"  # assigns-tasks error at line 103
VAN_NINH = "samples/ke-hoach-ttdn-van-ninh-2019.docx"
NUMBERING = "samples/formats/ke-hoach-ttdn-van-ninh-2019-numbering.docx"  # has footnote 1
TRA_VINH = "samples/ke-hoach-ttdn-mttq-tra-vinh-2023.docx"  # has-deadline info at paragraph 25, III. › 4.
PDF = "samples/formats/ke-hoach-ttdn-van-ninh-2019.pdf"
SCHEMA = json.loads((ROOT / "schemas" / "sarif-2.1.0.schema.json").read_text(encoding="utf-8"))

# The quote of the assigns-tasks finding, as `plancheck check samples/defects/task-without-unit.txt` prints it.
TASK_QUOTE = ("6. Theo dõi, tổng hợp diễn biến thông tin đối ngoại, kịp thời đề xuất chủ trương, biện pháp phản "
              "bác các thông tin, luận điệu sai trái làm ảnh hưởng đến uy tín,…")

# A pack whose findings have locations in every kind of place: paragraphs, table cells, a footnote,
# a text block spanning lines 27-29 ("Biển Đông" is on line 29), PDF pages.
PROBE_PACK = {
    "name": "probe",
    "description": "Locations for the SARIF tests.",
    "rules": {
        "no-van-ninh": {
            "kind": "phrase", "severity": "warning",
            "message": {"vi": "Không nhắc Vạn Ninh.", "en": "Do not mention Vạn Ninh."},
            "params": {"phrases": ["Vạn Ninh"], "must": "not-appear"},
        },
        "no-sea": {
            "kind": "phrase", "severity": "info",
            "message": {"vi": "Không nhắc Biển Đông.", "en": "Do not mention Biển Đông."},
            "params": {"phrases": ["Biển Đông"], "must": "not-appear"},
        },
        "no-strategy": {
            "kind": "phrase", "severity": "error",
            "message": {"vi": "Không nhắc Chiến lược.", "en": "Do not mention the Strategy."},
            "params": {"phrases": ["Chiến lược phát triển thông tin đối ngoại"], "must": "not-appear"},
        },
    },
}

# RFC 3986: a URI reference is made of these characters only; percent signs start %HH escapes.
_URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9A-Fa-f]{2})*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def is_uri_reference(value: object) -> bool:
    if not isinstance(value, str) or not _URI_CHARS.match(value):
        return False
    # A relative reference must not have a ':' in its first segment (it would read as a scheme).
    return bool(_SCHEME.match(value)) or ":" not in value.split("/", 1)[0]


def is_uri(value: object) -> bool:
    return is_uri_reference(value) and bool(_SCHEME.match(str(value)))


FORMATS = jsonschema.FormatChecker(formats=())
FORMATS.checks("uri-reference")(is_uri_reference)
FORMATS.checks("uri")(is_uri)


def validate(text: str) -> dict[str, Any]:
    """The parsed log after checking it: schema (with URI formats), UTF-8 JSON with a final newline."""
    assert text.endswith("}\n")
    data: dict[str, Any] = json.loads(text)
    errors = list(jsonschema.Draft4Validator(SCHEMA, format_checker=FORMATS).iter_errors(data))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    assert data["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert data["version"] == "2.1.0"
    assert len(data["runs"]) == 1
    return data


def cli_report(paths: list[Path | str], lang: str = "vi", rules: str | None = None) -> Report:
    """The report `plancheck check PATHS [--rules RULES] --lang LANG` makes, before waivers and baselines."""
    documents = [check_file(p, rules, lang=lang) for p in paths]
    used = [rules] if rules else sorted({d.pack for d in documents if d.pack})
    return make_report(documents, [load_pack(name) for name in used], lang)


def run_of(report: Report) -> dict[str, Any]:
    run: dict[str, Any] = validate(sarif.render(report))["runs"][0]
    return run


def results(run: dict[str, Any], rule: str) -> list[dict[str, Any]]:
    return [r for r in run["results"] if r["ruleId"] == rule]


def physical(result: dict[str, Any]) -> dict[str, Any]:
    location: dict[str, Any] = result["locations"][0]["physicalLocation"]
    return location


def logical(result: dict[str, Any]) -> dict[str, Any]:
    location: dict[str, Any] = result["locations"][0]["logicalLocations"][0]
    return location


@pytest.fixture(scope="module", autouse=True)
def in_root() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        yield


@pytest.fixture(scope="module")
def probe_pack(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("pack") / "probe.yaml"
    path.write_text(yaml.safe_dump(PROBE_PACK, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def task_report() -> Report:
    return cli_report([TASK])


@pytest.fixture(scope="module")
def task_run(task_report: Report) -> dict[str, Any]:
    return run_of(task_report)


# --- text files -----------------------------------------------------------------------------------------


def test_the_known_text_finding_has_its_rule_level_line_and_quote(task_run: dict[str, Any]) -> None:
    [result] = results(task_run, "assigns-tasks")
    assert result["level"] == "error"
    region = physical(result)["region"]
    assert region["startLine"] == 103
    assert region["snippet"]["text"] == TASK_QUOTE
    # The task is the whole of line 103 (263 characters): columns 1 to 264 (exclusive), in code points.
    assert (region["startColumn"], region["endColumn"]) == (1, 264)
    assert task_run["columnKind"] == "unicodeCodePoints"
    assert "endLine" not in region  # line 103 is a block of one line
    assert result["properties"]["code"] == "task-without-unit"
    assert result["message"]["text"].startswith("Nhiệm vụ «6. Theo dõi, tổng hợp")
    assert result["message"]["text"].endswith("\nCách sửa: Ghi rõ cơ quan chủ trì ở đầu nhiệm vụ, ví dụ "
                                              "«Phòng Văn hóa và Thông tin chủ trì, …».")
    assert "Trích" not in result["message"]["text"]  # the snippet already shows the quote
    assert logical(result) == {"name": "dòng 103", "fullyQualifiedName": "III. › 6. › dòng 103", "kind": "line"}


def test_results_point_at_their_rules_whose_metadata_comes_from_the_report(
        task_run: dict[str, Any], task_report: Report) -> None:
    rules = task_run["tool"]["driver"]["rules"]
    assert task_run["tool"]["driver"]["name"] == "plancheck"
    assert task_run["tool"]["driver"]["version"] == task_report.version
    assert [r["id"] for r in rules] == [info.id for info in task_report.rules]
    assert len(task_run["results"]) == len(task_report.documents[0].findings) == 2
    for result in task_run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assigns = rules[results(task_run, "assigns-tasks")[0]["ruleIndex"]]
    assert assigns["shortDescription"]["text"] == ("Mỗi nhiệm vụ trong phần tổ chức thực hiện phải có cơ quan, "
                                                   "đơn vị chịu trách nhiệm.")
    assert assigns["defaultConfiguration"] == {"level": "error"}
    assert "plancheck rules show assigns-tasks" in assigns["help"]["text"]
    own_date = rules[results(task_run, "has-own-date")[0]["ruleIndex"]]
    assert own_date["defaultConfiguration"] == {"level": "warning"}
    assert results(task_run, "has-own-date")[0]["level"] == "warning"
    assert "readable" not in [r["id"] for r in rules]  # only when a file is unreadable


def test_document_wide_findings_name_only_the_document(task_run: dict[str, Any]) -> None:
    for result in results(task_run, "covers-themes") + results(task_run, "has-own-date"):
        assert result["locations"] == [{"physicalLocation": {"artifactLocation": {
            "uri": "samples/defects/task-without-unit.txt", "uriBaseId": "%SRCROOT%", "index": 0}}}]
    assert task_run["originalUriBaseIds"]["%SRCROOT%"]["description"]["text"]


def test_paths_as_given_relative_or_absolute(task_run: dict[str, Any]) -> None:
    assert task_run["artifacts"][0]["location"] == {"uri": "samples/defects/task-without-unit.txt",
                                                    "uriBaseId": "%SRCROOT%"}
    assert task_run["artifacts"][0]["mimeType"] == "text/plain"
    absolute = run_of(cli_report([ROOT / TASK]))
    assert absolute["artifacts"][0]["location"] == {"uri": (ROOT / TASK).as_uri()}
    assert "originalUriBaseIds" not in absolute  # nothing is relative


def test_a_block_over_several_lines_is_a_region_of_those_lines(probe_pack: str) -> None:
    run = run_of(cli_report([TASK], rules=probe_pack))
    # "Biển Đông" is on line 29, in the block joined from lines 27 and 29: the region is the block's lines.
    [sea] = [r for r in results(run, "no-sea") if physical(r)["region"]["startLine"] == 27]
    assert physical(sea)["region"]["endLine"] == 29
    assert "startColumn" not in physical(sea)["region"]
    assert "Biển Đông" in physical(sea)["region"]["snippet"]["text"]
    assert sea["level"] == "note"  # info


def test_theme_coverage_is_in_the_document_artifact(task_run: dict[str, Any], task_report: Report) -> None:
    themes = task_run["artifacts"][0]["properties"]["themes"]
    # A 2019 plan: the two themes 2023 guidance introduced are not required, not missing.
    assert themes["missing"] == [] and themes["notRequired"] == ["ho-chi-minh", "khong-gian-mang"]
    assert len(themes["covered"]) == 9 == sum(t.covered for t in task_report.documents[0].themes)
    assert task_run["artifacts"][0]["properties"]["pack"] == "ttdn"
    missing = run_of(cli_report(["samples/defects/missing-theme.txt"]))["artifacts"][0]["properties"]["themes"]
    assert missing["missing"] == ["kieu-bao", "the-gioi"] and "notRequired" not in missing


def test_the_reader_notes_are_notifications(task_run: dict[str, Any]) -> None:
    [invocation] = task_run["invocations"]
    assert invocation["executionSuccessful"] is True
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "note"
    assert "3 line breaks inside sentences joined" in note["message"]["text"]


# --- Word and PDF -------------------------------------------------------------------------------------


def test_a_word_finding_has_its_section_path_and_no_line(probe_pack: str) -> None:
    run = run_of(cli_report([VAN_NINH], rules=probe_pack))
    paragraph = next(r for r in results(run, "no-van-ninh") if logical(r)["name"] == "đoạn 7")
    assert logical(paragraph) == {"name": "đoạn 7", "fullyQualifiedName": "I. › đoạn 7", "kind": "paragraph"}
    assert physical(paragraph) == {"artifactLocation": {"uri": "samples/ke-hoach-ttdn-van-ninh-2019.docx",
                                                        "uriBaseId": "%SRCROOT%", "index": 0}}
    text = paragraph["message"]["text"]
    assert "\nVị trí: đoạn 7 · I.\n" in text
    assert "\nTrích: «- Công tác thông tin đối ngoại gắn với tuyên truyền" in text
    assert paragraph["properties"]["evidence"].startswith("- Công tác thông tin đối ngoại gắn với tuyên truyền")
    cell = next(r for r in results(run, "no-van-ninh") if logical(r)["kind"] == "table-cell")
    assert logical(cell) == {"name": "bảng 1, hàng 1, ô 1", "fullyQualifiedName": "bảng 1, hàng 1, ô 1",
                             "kind": "table-cell"}
    assert "region" not in physical(cell)
    assert run["artifacts"][0]["mimeType"] == ("application/vnd.openxmlformats-officedocument."
                                               "wordprocessingml.document")


def test_a_word_footnote_is_a_logical_location(probe_pack: str) -> None:
    run = run_of(cli_report([NUMBERING], rules=probe_pack))
    [note] = [r for r in results(run, "no-strategy") if logical(r)["kind"] == "footnote"]
    assert logical(note)["name"] == "chú thích 1"
    assert "region" not in physical(note)
    assert "Chiến lược phát triển thông tin đối ngoại" in note["message"]["text"]


def test_the_shipped_word_plans_and_a_milder_case() -> None:
    run = run_of(cli_report([VAN_NINH, TRA_VINH]))
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["index"])
            for r in run["results"]] == [("covers-themes", 1), ("has-deadline", 1)]  # the 2019 plan passes
    [deadline] = results(run, "has-deadline")
    assert deadline["level"] == "note"  # the period-only case is info; the rule itself is an error
    rules = run["tool"]["driver"]["rules"]
    assert rules[deadline["ruleIndex"]]["defaultConfiguration"] == {"level": "error"}
    assert logical(deadline) == {"name": "đoạn 25", "fullyQualifiedName": "III. › 4. › đoạn 25", "kind": "paragraph"}
    assert "region" not in physical(deadline)
    assert deadline["message"]["text"].count("\n") == 2  # message, place, quote (this case has no fix)


def test_an_odt_artifact_has_its_media_type() -> None:
    run = run_of(cli_report(["samples/formats/ke-hoach-ttdn-van-ninh-2019.odt"]))
    assert run["artifacts"][0]["mimeType"] == "application/vnd.oasis.opendocument.text"


def test_a_pdf_line_is_a_page_line_not_a_line_of_the_file(probe_pack: str) -> None:
    run = run_of(cli_report([PDF]))
    assert run["results"] == []  # the 2019 plan passes
    assert run["artifacts"][0]["mimeType"] == "application/pdf"
    probe = run_of(cli_report([PDF], rules=probe_pack))
    result = next(r for r in results(probe, "no-van-ninh") if logical(r)["name"] == "trang 1, dòng 25")
    assert logical(result) == {"name": "trang 1, dòng 25", "fullyQualifiedName": "I. › trang 1, dòng 25",
                               "kind": "page-line"}
    assert "region" not in physical(result)
    assert all("region" not in physical(r) for r in probe["results"])


# --- unreadable files ---------------------------------------------------------------------------------


def test_an_unreadable_file_is_a_result_of_the_readable_rule(tmp_path: Path, task_report: Report) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"\x00\x01 not a zip \xff")
    report = cli_report([TASK, bad])
    run = run_of(report)
    [result] = results(run, "readable")
    rules = run["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == "readable"
    assert rules[result["ruleIndex"]]["defaultConfiguration"] == {"level": "error"}
    assert rules[result["ruleIndex"]]["shortDescription"]["text"].startswith("Tệp phải đọc được")
    assert result["level"] == "error"
    assert result["message"]["text"] == report.documents[1].findings[0].message
    uri = physical(result)["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and unquote(urlsplit(uri).path) == bad.as_posix()
    assert "uriBaseId" not in physical(result)["artifactLocation"]
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is True
    [error] = [n for n in invocation["toolExecutionNotifications"] if n["level"] == "error"]
    assert error["associatedRule"] == {"id": "readable", "index": result["ruleIndex"]}
    assert error["locations"][0]["physicalLocation"]["artifactLocation"]["index"] == 1
    assert run["artifacts"][1]["properties"] == {"status": "unreadable"}


# --- URIs ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "uri", "relative"), [
    ("samples/defects/task-without-unit.txt", "samples/defects/task-without-unit.txt", True),
    ("./docs/Kế hoạch 2019.docx", "docs/K%E1%BA%BF%20ho%E1%BA%A1ch%202019.docx", True),
    ("docs\\a b.docx", "docs/a%20b.docx", True),
    ("a:b#1?.txt", "a%3Ab%231%3F.txt", True),
    ("100%.txt", "100%25.txt", True),
    ("../up/x.pdf", "../up/x.pdf", True),
    ("/srv/kế hoạch.txt", "file:///srv/k%E1%BA%BF%20ho%E1%BA%A1ch.txt", False),
    ("C:\\Hồ sơ\\kh.docx", "file:///C:/H%E1%BB%93%20s%C6%A1/kh.docx", False),
    ("\\\\server\\share\\kh.docx", "file://server/share/kh.docx", False),
])
def test_document_paths_become_uri_references(path: str, uri: str, relative: bool) -> None:
    assert sarif.artifact_uri(path) == (uri, relative)
    assert is_uri_reference(uri)


def test_a_vietnamese_file_name_with_spaces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / TASK, tmp_path / "kế hoạch 2019.txt")
    run = run_of(cli_report(["kế hoạch 2019.txt"]))
    [result] = results(run, "assigns-tasks")
    location = physical(result)["artifactLocation"]
    assert location == {"uri": "k%E1%BA%BF%20ho%E1%BA%A1ch%202019.txt", "uriBaseId": "%SRCROOT%", "index": 0}
    assert unquote(location["uri"]) == "kế hoạch 2019.txt"


# --- waivers and baselines ------------------------------------------------------------------------------


def waiver(index: int = 1, expires: date | None = None, rule: str = "assigns-tasks") -> WaiverEntry:
    return WaiverEntry(source="waivers.yaml", index=index, rule=rule, document="task-without-unit.txt",
                       reason="Nhiệm vụ 6 do BCH Quân sự chủ trì", accepted_by="Nguyễn Văn A", expires=expires)


def test_a_waived_finding_is_an_accepted_external_suppression(task_report: Report) -> None:
    report = apply_waivers(task_report, [waiver(), waiver(2, rule="task-table")], date(2024, 6, 1))
    run = run_of(report)
    [result] = results(run, "assigns-tasks")
    [suppression] = result["suppressions"]
    assert suppression["kind"] == "external"
    assert suppression["state"] == "accepted"
    assert suppression["justification"] == "Nhiệm vụ 6 do BCH Quân sự chủ trì — Nguyễn Văn A"
    assert suppression["location"]["physicalLocation"]["artifactLocation"]["uri"] == "waivers.yaml"
    assert all("suppressions" not in r for r in run["results"] if r is not result)
    assert all("baselineState" not in r for r in run["results"])  # no baseline given
    # The unused second waiver is a configuration problem of the run.
    [problem] = run["invocations"][0]["toolConfigurationNotifications"]
    assert problem["message"]["text"] == report.waiver_problems[0].message
    assert problem["associatedRule"] == {"id": "task-table",
                                         "index": [r["id"] for r in run["tool"]["driver"]["rules"]].index("task-table")}


def test_a_waiver_with_an_end_date_says_until_when(task_report: Report) -> None:
    vi = run_of(apply_waivers(task_report, [waiver(expires=date(2099, 12, 31))], date(2024, 6, 1)))
    assert results(vi, "assigns-tasks")[0]["suppressions"][0]["justification"].endswith(", đến 31/12/2099")
    english = cli_report([TASK], lang="en")
    en = run_of(apply_waivers(english, [waiver(expires=date(2099, 12, 31))], date(2024, 6, 1)))
    assert results(en, "assigns-tasks")[0]["suppressions"][0]["justification"].endswith(", until 2099-12-31")


def test_baseline_findings_are_unchanged_and_the_others_new(task_report: Report) -> None:
    recorded = make_baseline(task_report)
    known = Baseline(lang="vi", entries=[e for e in recorded.entries if e.rule == "assigns-tasks"])
    report = apply_baseline(task_report, known, "baseline.json")
    run = run_of(report)
    states = {r["ruleId"]: r["baselineState"] for r in run["results"]}
    assert states == {"assigns-tasks": "unchanged", "has-own-date": "new"}
    assert run["properties"]["baseline"]["known"] == 1
    assert run["properties"]["baseline"]["path"] == "baseline.json"


def test_fingerprints_tell_findings_apart_and_survive_a_move(probe_pack: str) -> None:
    run = run_of(cli_report([TASK], rules=probe_pack))
    prints = [r["partialFingerprints"]["plancheck/v1"] for r in run["results"]]
    assert len(prints) == len(set(prints)) > 5
    again = run_of(cli_report([TASK], rules=probe_pack))
    assert [r["partialFingerprints"] for r in again["results"]] == [r["partialFingerprints"] for r in run["results"]]


# --- language and purity ------------------------------------------------------------------------------


def test_english(probe_pack: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"garbage")
    run = run_of(cli_report([TASK, VAN_NINH, bad], lang="en"))
    assert run["language"] == "en-US"
    [task] = results(run, "assigns-tasks")
    assert task["message"]["text"].endswith("\nFix: " + task["properties"]["suggestion"])
    assert "Cách sửa" not in task["message"]["text"]
    assert logical(task)["name"] == "line 103"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["assigns-tasks"]["shortDescription"]["text"] == ("Every task in the implementation part must have "
                                                                  "a responsible unit.")
    assert rules["readable"]["shortDescription"]["text"].startswith("The file must be readable")
    probe = run_of(cli_report([VAN_NINH], lang="en", rules=probe_pack))
    paragraph = next(r for r in results(probe, "no-van-ninh") if logical(r)["name"] == "paragraph 7")
    assert logical(paragraph)["fullyQualifiedName"] == "I. › paragraph 7"
    assert "\nAt: paragraph 7 · I.\nQuote: «" in paragraph["message"]["text"]


def test_the_output_is_a_pure_function_of_the_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / TASK, tmp_path / "plan.txt")
    report = cli_report(["plan.txt"])
    text = sarif.render(report)
    (tmp_path / "plan.txt").unlink()  # nothing is read again
    monkeypatch.chdir(ROOT)
    assert sarif.render(report) == text
    assert sarif.render(Report.model_validate(report.model_dump())) == text
    assert "Nhiệm vụ «6. Theo dõi" in text  # ensure_ascii=False
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_a_span_inside_a_line_gets_the_columns_of_the_file() -> None:
    """impossible-date.txt line 7: the citation starts after "Căn cứ " (column 8) and the columns, counted
    in characters of the file's line, cover exactly the quoted citation."""
    import contextlib

    path = ROOT / "samples" / "defects" / "impossible-date.txt"
    with contextlib.chdir(ROOT):
        document = check_file(path.relative_to(ROOT))
        report = make_report([document], [load_pack(document.pack or "ttdn")], "vi")
    run = json.loads(sarif.render(report))["runs"][0]
    [result] = [r for r in run["results"] if r["properties"]["code"] == "impossible-date"]
    region = result["locations"][0]["physicalLocation"]["region"]
    line = path.read_text(encoding="utf-8").split("\n")[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == \
        "Quyết định số 368/QĐ-TTg ngày 30/2/2013 của Thủ tướng Chính phủ"
