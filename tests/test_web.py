"""The self-check page and its JSON API, through Starlette's test client (uploads of real samples)."""

from __future__ import annotations

import base64
import io
import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html
from starlette.testclient import TestClient

from checker.limits import Limits
from checker.web import create_app

ROOT = Path(__file__).resolve().parents[1]
TASK = ROOT / "samples" / "defects" / "task-without-unit.txt"
DOCX = ROOT / "samples" / "ke-hoach-ttdn-van-ninh-2019.docx"
TRA_VINH = ROOT / "samples" / "ke-hoach-ttdn-mttq-tra-vinh-2023.docx"  # misses the theme the-gioi


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(workers=1)) as test_client:
        yield test_client


def upload(client: TestClient, path: Path, url: str = "/api/check", name: str | None = None, **data: str):
    with open(path, "rb") as handle:
        return client.post(url, files={"file": (name or path.name, handle, "application/octet-stream")}, data=data)


def test_api_returns_the_same_report_as_the_command_line(client: TestClient) -> None:
    response = upload(client, TASK)
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    [document] = response.json()["documents"]
    assert document["path"] == "task-without-unit.txt"  # the name given, never the server's temporary path
    unit = [f for f in document["findings"] if f["code"] == "task-without-unit"]
    assert len(unit) == 1 and unit[0]["location"]["line"] == 103
    assert {r["id"] for r in response.json()["rules"]} >= {"assigns-tasks", "covers-themes"}
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    import jsonschema

    jsonschema.validate(response.json(), schema)


def test_api_pack_and_parent_choices(client: TestClient) -> None:
    document = upload(client, TASK, rules="pack:default").json()["documents"][0]
    assert document["pack"] == "default" and not [f for f in document["findings"] if f["rule"] == "covers-themes"]
    document = upload(client, TASK, rules="parent:93-HD/BTGTU").json()["documents"][0]
    assert "parent-not-cited" in [f["code"] for f in document["findings"]]
    document = upload(client, TASK, rules="pack:../../etc/passwd").json()["documents"][0]
    assert document["pack"] == "ttdn"  # an unknown choice falls back to the default, never to a path


def test_api_bad_inputs(client: TestClient) -> None:
    assert client.post("/api/check", data={"lang": "vi"}).status_code == 400
    response = client.post("/api/check", files={"file": ("x.exe", b"MZ", "application/octet-stream")})
    assert response.status_code == 400 and ".exe" in response.json()["error"]
    response = client.post("/api/check", files={"file": ("../../hong.docx", b"garbage", "application/octet-stream")})
    assert response.status_code == 422
    finding = response.json()["documents"][0]["findings"][0]
    assert finding["rule"] == "readable" and finding["message"].startswith("hong.docx: ")


def test_api_shows_the_uploaded_name_never_the_servers_temporary_path(client: TestClient) -> None:
    # The name as the client sent it: its base name, control characters escaped; the temporary folder
    # (/tmp/plancheck-upload-…/upload.txt) appears nowhere, not even as the plan's path.
    sent = "C:\\nop\\..\\kh\x1b[2J\u202ex.txt"  # (the test client writes most other controls as %XX)
    response = upload(client, TASK, name=sent)
    assert response.status_code == 200
    [document] = response.json()["documents"]
    assert document["path"] == document["plan"]["path"] == "kh\\x1b[2J\\u202ex.txt"
    assert "plancheck-upload" not in response.text and "upload.txt" not in response.text
    response = client.post("/api/check", files={"file": ("trong.txt", b"", "text/plain")})  # unreadable: empty
    assert response.status_code == 422
    assert response.json()["documents"][0]["path"] == "trong.txt" and "plancheck-upload" not in response.text
    page = upload(client, TASK, url="/", name=sent).text
    assert "plancheck-upload" not in page and "\x1b" not in page and "kh\\x1b[2J\\u202ex.txt" in page


def test_an_upload_over_the_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "lon.txt"
    big.write_bytes(TASK.read_bytes() * 40)  # ~330 KB
    with TestClient(create_app(limits=Limits(file_size=20_000), workers=1)) as small:
        assert upload(small, big).status_code == 413  # over limit + form overhead: refused before parsing
        assert upload(small, TASK).status_code == 200  # 15 KB: under the limit
        response = upload(small, DOCX)  # 42 KB, within the form overhead: parsed, then refused by the reader
        assert response.status_code == 422
        assert response.json()["documents"][0]["findings"][0]["code"] == "input-too-large"


def test_page_shows_findings_with_quote_fix_and_download(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "Tự kiểm tra kế hoạch" in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert not re.search(r"""(src|href)=["'](https?:)?//""", page.text)  # nothing loaded from outside
    response = upload(client, TRA_VINH, url="/", rules="")
    tree = html.fromstring(response.text)
    assert tree.xpath("string(//section[@id='result']//span[contains(@class,'verdict')])") == "Chưa đạt"
    missing = tree.xpath("//tr[contains(@class,'theme') and contains(@class,'missing')]/@data-theme")
    assert set(missing) == {"the-gioi"}
    [link] = tree.xpath("//a[@id='download']")
    assert link.get("download") == "ke-hoach-ttdn-mttq-tra-vinh-2023.checked.docx"
    data = base64.b64decode(link.get("href").split(",", 1)[1])
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        comments = package.read("word/comments.xml").decode("utf-8")
    assert "plancheck — kết quả kiểm tra" in comments and "theme-missing" in comments


def test_page_in_english(client: TestClient) -> None:
    response = upload(client, TASK, url="/?lang=en", lang="en")
    assert "Plan self-check" in response.text and "Download the annotated Word file" in response.text
    assert "has no unit or body responsible" in response.text or "task-without-unit" in response.text


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    operation = spec["paths"]["/api/check"]["post"]
    assert "file" in operation["requestBody"]["content"]["multipart/form-data"]["schema"]["properties"]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"] == \
        "#/components/schemas/Report"
    assert "Finding" in spec["components"]["schemas"]


def test_replies_are_rendered_in_the_worker_never_on_the_server(client: TestClient, monkeypatch) -> None:
    # A 201 MB report rendered in the request handler stalled every other client for seconds (issue 16): the
    # server process only passes on the bytes the worker rendered.
    from checker.formatters import json_format, view

    def server_side(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a report was rendered in the server process")

    monkeypatch.setattr(json_format, "render", server_side)
    monkeypatch.setattr(view, "build", server_side)
    response = upload(client, TASK)
    assert response.status_code == 200 and response.json()["documents"][0]["path"] == "task-without-unit.txt"
    page = upload(client, TASK, url="/")
    assert page.status_code == 200 and "task-without-unit" in page.text


def test_a_reply_over_the_response_size_keeps_the_first_entries_of_each_list_and_says_so(tmp_path: Path) -> None:
    many = tmp_path / "nhieu-trich-dan.txt"
    many.write_text("KẾ HOẠCH\nThực hiện công tác thông tin đối ngoại\n"
                    + "Căn cứ Hướng dẫn số 1-HD/TU ngày 01/01/2023.\n" * 500, encoding="utf-8")
    limit = 60_000
    with TestClient(create_app(workers=1)) as whole, TestClient(create_app(workers=1, response_size=limit)) as small:
        whole_response = upload(whole, many)
        response = upload(small, many)
    full = whole_response.json()["documents"][0]
    assert len(full["plan"]["citations"]) == 500 and len(whole_response.content) > 5 * limit
    assert response.status_code == 200 and len(response.content) <= limit
    document = response.json()["documents"][0]
    kept = len(document["plan"]["citations"])
    assert 0 < kept < 500 and document["plan"]["citations"] == full["plan"]["citations"][:kept]
    assert [f["severity"] for f in document["findings"]].count("error") == \
        min(kept, [f["severity"] for f in full["findings"]].count("error"))  # errors are kept first
    [note] = [n for n in document["plan"]["notes"] if "too large for the web service" in n]
    assert f"chỉ giữ {kept} mục đầu" in note and "plancheck check" in note
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    import jsonschema

    jsonschema.validate(response.json(), schema)


def test_a_page_over_the_response_size_leaves_the_annotated_file_out_and_says_so() -> None:
    with TestClient(create_app(workers=1, response_size=60_000)) as small:
        response = upload(small, TRA_VINH, url="/")  # the annotated file alone is ~41 KB, ~55 KB in base64
    assert response.status_code == 200 and len(response.content) <= 60_000
    tree = html.fromstring(response.text)
    assert not tree.xpath("//a[@id='download']")
    notes = tree.xpath("//dd[contains(@class,'note')]/text()")
    assert any("quá lớn để gửi kèm trang" in n and "plancheck check --annotate" in n for n in notes)
    assert tree.xpath("string(//section[@id='result']//span[contains(@class,'verdict')])") == "Chưa đạt"


def test_shortening_keeps_errors_first_in_their_order() -> None:
    from checker.model.report import DocumentReport, Finding
    from checker.web import render

    findings = [Finding(rule="r", code=f"w{i}", severity="warning", message="x" * 200) for i in range(200)]
    findings[150:150] = [Finding(rule="r", code=f"e{i}", severity="error", message="y" * 200) for i in range(3)]
    document = DocumentReport(path="a.txt", status="checked", findings=findings)
    body = render.bounded(document, lambda d: d.model_dump_json().encode(), 10_000)
    kept = DocumentReport.model_validate_json(body).findings
    assert len(body) <= 10_000 and 3 < len(kept) < 50
    codes = {f.code for f in kept}
    assert [f.code for f in kept] == [f.code for f in findings if f.code in codes]  # in their order
    assert [f.code for f in kept if f.severity == "error"] == ["e0", "e1", "e2"]


def test_an_upload_past_the_memory_limit_is_input_too_large(tmp_path: Path) -> None:
    """The web workers check under the memory ceiling of --limit memory, as check does (in a process of its
    own here: the ceiling is the process's)."""
    import subprocess
    import sys

    script = tmp_path / "memory.py"
    script.write_text(
        "import sys\n"
        "from checker.limits import Limits\n"
        "from checker.web.work import check_upload\n"
        "text = 'KẾ HOẠCH\\n' + 'Căn cứ Hướng dẫn số 1-HD/TU ngày 01/01/2024. ' * 200000\n"
        "open(sys.argv[1], 'w', encoding='utf-8').write(text)\n"
        "limits = Limits(memory=int(sys.argv[2]), block_chars=10**8, citations=10**7, timeout=60)\n"
        "out = check_upload(sys.argv[1], 'x.txt', None, None, 'en', limits, with_annotated=False)\n"
        "print(out.report.status, out.report.findings[0].code)\n", encoding="utf-8")
    plan = tmp_path / "x.txt"
    low = subprocess.run([sys.executable, str(script), str(plan), str(50 * 1024 * 1024)], capture_output=True,
                         text=True, timeout=120, check=True)
    assert low.stdout.split() == ["unreadable", "input-too-large"]
    none = subprocess.run([sys.executable, str(script), str(plan), "0"], capture_output=True, text=True, timeout=120,
                          check=True)
    assert none.stdout.split()[0] == "checked"


def test_the_api_takes_a_word_97_2003_file_as_the_command_line_does(client: TestClient, tmp_path: Path) -> None:
    from docfile import build_doc

    path = tmp_path / "ke-hoach.doc"
    lines = ["KẾ HOẠCH", "Công tác thông tin đối ngoại năm 2025",
             "Căn cứ Hướng dẫn số 93-HD/BTGTU ngày 01/02/2025 của Ban Tuyên giáo Tỉnh ủy.",
             "III. TỔ CHỨC THỰC HIỆN", "Phòng Văn hóa và Thông tin chủ trì thực hiện."]
    path.write_bytes(build_doc([line + "\r" for line in lines]))  # each paragraph ends with its mark
    response = upload(client, path)
    assert response.status_code == 200, response.text
    document = response.json()["documents"][0]
    assert document["status"] == "checked" and document["plan"]["format"] == "doc"
    assert any(c["symbol"] == "93-HD/BTGTU" for c in document["plan"]["basis"])


@pytest.mark.skipif(shutil.which("tesseract") is None,
                    reason="Tesseract is not installed: sudo apt-get install tesseract-ocr tesseract-ocr-vie")
def test_a_scan_is_taken_by_the_api_and_the_page(client: TestClient, tmp_path: Path) -> None:
    from scans import render, save

    text = "^KẾ HOẠCH\n^Tuyên truyền biển, đảo năm 2024\n\n1. Phòng Văn hóa và Thông tin chủ trì thực hiện."
    path = save(render(text), tmp_path / "ban-quet.png")
    response = upload(client, path)
    assert response.status_code == 200, response.text
    document = response.json()["documents"][0]
    assert document["status"] == "checked" and document["plan"]["format"] == "image"
    assert document["plan"]["ocr"]["pages"] == [1] and all(f["ocr"] for f in document["findings"])
    page = upload(client, path, url="/?lang=en", lang="en")
    tree = html.fromstring(page.text)
    assert "read by OCR" in tree.xpath("string(//section[@id='result']//dd[@class='ocr'])")
    assert tree.xpath("//section[@id='result']//span[contains(@class,'badge') and contains(@class,'ocr')]")
    assert 'accept=".txt,.docx,.doc,.html,.htm,.pdf,.odt,.png,.jpg,.jpeg,.tif,.tiff"' in client.get("/").text
