"""End to end: a real server (uvicorn), Debian's Chromium driven headless by Playwright, a sample with known
defects uploaded through the page, the findings read off the screen, the annotated Word file downloaded."""

from __future__ import annotations

import shutil
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SAMPLE = ROOT / "samples" / "defects" / "task-without-unit.txt"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium not installed (.ci/run installs it)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    import uvicorn

    from checker.web import create_app

    port = free_port()
    config = uvicorn.Config(create_app(workers=1), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        if time.monotonic() > deadline:
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


def test_upload_see_findings_and_download(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=["--no-sandbox", "--disable-dev-shm-usage"])
        try:
            page = browser.new_page(accept_downloads=True)
            page.goto(server + "/")
            assert page.locator("h1").inner_text() == "Tự kiểm tra kế hoạch"
            page.set_input_files("#file", str(SAMPLE))
            page.click("#check")
            page.wait_for_selector("#result")
            verdict = page.locator("#result .verdict").first.inner_text()
            assert verdict == "Chưa đạt"
            task = page.locator("li.finding[data-code='task-without-unit']")
            assert task.count() == 1
            assert "6. Theo dõi, tổng hợp diễn biến thông tin đối ngoại" in task.locator("blockquote").inner_text()
            assert "Phòng Văn hóa và Thông tin chủ trì" in task.locator(".fix").inner_text()
            # A 2019 plan: the themes 2023 guidance introduced are shown as not required, none as missing.
            assert page.locator("tr.theme.missing").count() == 0
            waived = page.locator("tr.theme.not-required").evaluate_all("rows => rows.map(r => r.dataset.theme)")
            assert sorted(waived) == ["ho-chi-minh", "khong-gian-mang"]
            with page.expect_download() as caught:
                page.click("#download")
            download = caught.value
            assert download.suggested_filename == "task-without-unit.checked.docx"
            saved = tmp_path / download.suggested_filename
            download.save_as(str(saved))
            with zipfile.ZipFile(saved) as package:
                comments = package.read("word/comments.xml").decode("utf-8")
            assert "task-without-unit" in comments and "CHƯA ĐẠT" in comments
            page.click("text=English")
            assert page.locator("h1").inner_text() == "Plan self-check"
        finally:
            browser.close()
