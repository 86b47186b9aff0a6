"""Output on consoles and pipes that are not UTF-8 (Windows: cp1252, cp1258), and internal errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "samples" / "defects" / "no-basis.txt"


@pytest.mark.parametrize("encoding", ["cp1252", "cp1258", "ascii"])
def test_a_redirected_report_is_utf8_whatever_the_code_page(encoding: str, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    done = subprocess.run([sys.executable, "-m", "checker", "check", str(PLAN)], capture_output=True, env=env,
                          timeout=120, check=False)
    assert done.returncode == 1, done.stderr.decode("utf-8", "replace")  # findings, not a crash
    assert "Tổng cộng: 1 văn bản" in done.stdout.decode("utf-8")
    assert b"UnicodeEncodeError" not in done.stderr


def test_an_internal_error_is_exit_2_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import cli

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cli, "make_report", broken)
    result = CliRunner().invoke(cli.main, ["check", str(PLAN)])
    assert result.exit_code == 2
    assert "internal error: RuntimeError: disk on fire" in result.output
    assert "Traceback" not in result.output


def test_severities_in_colour_only_when_asked_or_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import cli

    runner = CliRunner()
    always = runner.invoke(cli.main, ["check", str(PLAN), "--color", "always"]).output
    assert "\x1b[31m\x1b[1mlỗi\x1b[0m" in always and "\x1b[33m\x1b[1mcảnh báo\x1b[0m" in always
    plain = runner.invoke(cli.main, ["check", str(PLAN)]).output  # auto, and not a terminal
    assert "\x1b" not in plain and plain == runner.invoke(cli.main, ["check", str(PLAN), "--color", "never"]).output
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli._colour("auto", None) and not cli._colour("auto", "report.txt")
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli._colour("auto", None) and cli._colour("always", None)


def test_a_document_from_standard_input(tmp_path: Path) -> None:
    from checker import cli

    runner = CliRunner()
    result = runner.invoke(cli.main, ["check", "-", "--stdin-filename", "nop/ke-hoach.txt"], input=PLAN.read_bytes())
    assert result.exit_code == 1 and result.output.startswith("nop/ke-hoach.txt  (")
    docx = ROOT / "samples" / "ke-hoach-ttdn-van-ninh-2019.docx"
    result = runner.invoke(cli.main, ["check", "-", "--stdin-filename", "van-ninh.docx", "--format", "json"],
                           input=docx.read_bytes())
    document = __import__("json").loads(result.output)["documents"][0]
    assert (document["path"], document["status"], document["plan"]["format"]) == ("van-ninh.docx", "checked", "docx")
    result = runner.invoke(cli.main, ["check", "-"], input="KẾ HOẠCH\nkhông có gì\n".encode())
    assert result.output.startswith("stdin.txt")


@pytest.mark.parametrize(("words", "expected"), [
    ("plancheck check --rules ", ["plain,default", "plain,ttdn", "file,"]),
    ("plancheck check --format s", ["plain,sarif"]),
])
def test_shell_completion_of_packs_and_formats(words: str, expected: list[str]) -> None:
    env = {**os.environ, "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
           "_PLANCHECK_COMPLETE": "bash_complete"}
    done = subprocess.run([sys.executable, "-c", "from checker.cli import main; main(prog_name='plancheck')"],
                          capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.stdout.split() == expected
