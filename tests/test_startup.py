"""What ``plancheck check`` loads: the heavy libraries other commands and formats need stay unloaded, so that
checking one plan starts fast (the time itself is measured by benchmarks/startup.py, not here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ["pandas", "pandera", "docx", "jinja2", "jsonschema", "starlette", "uvicorn", "rich", "pytesseract", "PIL"]

PROBE = """
import sys
from checker.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print("loaded:" + ",".join(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def loaded(*args: str, among: list[str] = HEAVY) -> list[str]:
    """The modules of ``among`` loaded by the command ``args``; a check is made in the process itself (no time
    or memory limit to enforce in a worker process), where what it loads can be seen."""
    if args[0] == "check":
        args = (*args, "--limit", "timeout=0", "--limit", "memory=0")
    probe = PROBE.format(heavy=among)
    done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, cwd=ROOT,
                          check=True)
    line = next(line for line in done.stdout.splitlines() if line.startswith("loaded:"))
    return [m for m in line.removeprefix("loaded:").split(",") if m]


@pytest.mark.parametrize("sample", ["ke-hoach-ttdn-van-ninh-2019.txt", "ke-hoach-ttdn-van-ninh-2019.docx"])
def test_checking_a_plan_loads_no_heavy_library(sample, tmp_path):
    assert loaded("check", str(ROOT / "samples" / sample), "-o", str(tmp_path / "report.txt")) == []


def test_checking_a_text_file_loads_no_other_reader(tmp_path):
    readers = ["lxml", "checker.read.docx", "checker.read.doc", "checker.read.html", "checker.read.pdf",
               "checker.read.ocr", "checker.read.image"]
    plan = str(ROOT / "samples" / "ke-hoach-ttdn-van-ninh-2019.txt")
    assert loaded("check", plan, "-o", str(tmp_path / "report.txt"), among=readers) == []
    word = str(ROOT / "samples" / "ke-hoach-ttdn-van-ninh-2019.docx")
    assert loaded("check", word, "-o", str(tmp_path / "report.txt"), among=readers) == ["checker.read.docx", "lxml"]


def test_the_formats_that_need_a_library_load_it_on_use(tmp_path):
    plan = str(ROOT / "samples" / "ke-hoach-ttdn-van-ninh-2019.txt")
    assert loaded("check", plan, "--format", "html", "-o", str(tmp_path / "r.html")) == ["jinja2"]
    assert "pandera" in loaded("check", plan, "--summary", str(tmp_path / "s.csv"), "-o", str(tmp_path / "r.txt"))
