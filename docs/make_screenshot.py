"""Take docs/self-check.png: the self-check page after checking a sample with known defects.

    python docs/make_screenshot.py        (needs Chromium at /usr/bin/chromium; Playwright drives it)
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from checker.web import create_app

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(workers=1), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                             args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1100, "height": 1500})
        page.goto(f"http://127.0.0.1:{port}/")
        page.set_input_files("#file", str(ROOT / "samples" / "defects" / "task-without-unit.txt"))
        page.click("#check")
        page.wait_for_selector("#result")
        page.screenshot(path=str(ROOT / "docs" / "self-check.png"))
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main()
