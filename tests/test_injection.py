"""A file name made to drive a terminal or a CI log: ESC (terminal control sequences), BEL, a line feed
followed by a workflow command, a right-to-left override, HTML. Every report format, the messages and the
progress bar show its control characters as escapes (``\\x1b``); the JSON report keeps the real name."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import run
from lxml import etree, html

from checker.batch import Job, check_all
from checker.formatters import FORMATTERS
from checker.text.visible import visible

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "samples" / "defects" / "task-without-unit.txt"
# ESC[2J clears the screen, ESC]0;…BEL sets the window title, the line feed would start a line a CI runner
# reads as a command, RLO shows the rest reversed; the brackets are rich markup, the tags HTML.
NAME = "kh\x1b[2J\x1b]0;x\x07\n::error file=a.txt::forged\r::add-mask::\u202egpj.[red]<script><img src=x onerror=1>.txt"
RAW = ("\x1b", "\x07", "\u202e", "\n::", "\r::")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / NAME
    shutil.copy(PLAN, path)
    return path


def test_visible_escapes_controls_and_keeps_the_rest() -> None:
    assert visible("a\x1b[2Jb\x07c\nd\re\x7ff\x9bg\u202eh\u2066i\u2028j\udc80k") == (
        "a\\x1b[2Jb\\x07c\\x0ad\\x0de\\x7ff\\x9bg\\u202eh\\u2066i\\u2028j\\udc80k")
    assert visible("Kế hoạch\tsố 5\u00a0ngày «1/2»") == "Kế hoạch\tsố 5\u00a0ngày «1/2»"  # tab, NBSP, letters
    assert visible("dòng 1\ndòng\x1b 2", keep="\n") == "dòng 1\ndòng\\x1b 2"


@pytest.mark.parametrize("fmt", ["text", "github", "markdown", "html", "junit", "sarif"])
def test_every_format_shows_a_hostile_name_escaped(hostile: Path, fmt: str) -> None:
    code, out, err = run("check", str(hostile), "--format", fmt)
    assert code == 1, err
    assert not [c for c in RAW if c in out and not (fmt == "github" and c == "\n::")]
    lines = out.splitlines()
    if fmt == "github":
        # One command per finding, then the summary: the name never ends a command's line.
        assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
        assert not any(line.startswith(("::add-mask::", "::error file=a.txt")) for line in lines)
        assert "kh\\x1b[2J\\x1b]0;x\\x07\\x0a%3A%3Aerror file=a.txt%3A%3Aforged" in out
    else:
        assert not any(line.lstrip().startswith("::") for line in lines)
    if fmt in ("text", "markdown", "html", "junit"):
        shown = re.sub(r"\\([\\`*_\[\]<>|~#&])", r"\1", out) if fmt == "markdown" else out  # Markdown's escapes
        assert "kh\\x1b[2J\\x1b]0;x\\x07\\x0a::error file=a.txt::forged\\x0d::add-mask::\\u202egpj.[red]" in shown


def test_the_json_report_keeps_the_real_name(hostile: Path) -> None:
    _, out, _ = run("check", str(hostile), "--format", "json")
    [document] = json.loads(out)["documents"]
    assert document["path"] == str(hostile)


def test_html_report_escapes_tags_and_controls(hostile: Path) -> None:
    _, out, _ = run("check", str(hostile), "--format", "html")
    tree = html.fromstring(out)
    assert not tree.xpath("//script | //img")  # the name's tags are text
    [heading] = tree.xpath("//h2/span[@class='path']")
    assert heading.text_content() == visible(str(hostile))
    assert "&lt;script&gt;&lt;img src=x onerror=1&gt;" in out


def test_junit_is_well_formed_xml_with_the_name_escaped(hostile: Path) -> None:
    _, out, _ = run("check", str(hostile), "--format", "junit")
    root = etree.fromstring(out.encode())
    assert {suite.get("name") for suite in root.iter("testsuite")} == {visible(str(hostile))}


def test_every_format_renders_a_hostile_name_in_a_report_made_in_python(hostile: Path) -> None:
    from conftest import report_for

    from checker.api import check_file

    report = report_for([check_file(str(hostile))])
    for fmt, render in FORMATTERS.items():
        out = render(report)
        if fmt != "json":
            assert not [c for c in RAW if c in out and not (fmt == "github" and c == "\n::")], fmt


def test_the_progress_bar_shows_a_hostile_name_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The bar is drawn on a terminal only: here on a console that says it is one, writing to a buffer.
    import rich.console

    hostile = tmp_path / "[red]\x1b[2J\x07\n::add-mask::\u202ex.txt"
    shutil.copy(PLAN, hostile)
    screen = io.StringIO()
    real = rich.console.Console

    def terminal(*args: object, **kwargs: object) -> rich.console.Console:
        return real(file=screen, force_terminal=True, width=200)

    monkeypatch.setattr(rich.console, "Console", terminal)
    list(check_all([hostile], Job(), progress=True))
    drawn = screen.getvalue()
    assert "[red]\\x1b[2J\\x07\\x0a::add-mask::\\u202ex.txt" in drawn  # shown; the brackets are not markup
    assert "\x1b[2J" not in drawn and "\x07" not in drawn and "\n::" not in drawn and "\u202e" not in drawn


def test_controls_in_findings_are_escaped_in_every_format_but_json() -> None:
    # Readers drop controls from a document's text; a finding that still holds one (a pack's message, a
    # report made in Python) is shown escaped all the same, its own line breaks kept where the format has them.
    from checker.model.document import Location
    from checker.model.report import DocumentReport, Finding, Report

    finding = Finding(rule="r", code="c", severity="error", message="sai\x1b[2J\u202e định dạng",
                      evidence="trích\x07\n::add-mask::bí mật", suggestion="sửa\x9b2K",
                      location=Location(block=0, line=1))
    report = Report(version="0", documents=[DocumentReport(path="a.txt", status="checked", findings=[finding])])
    for fmt, render in FORMATTERS.items():
        out = render(report)
        if fmt == "json":
            assert json.loads(out)["documents"][0]["findings"][0]["message"] == finding.message  # data: as it is
            continue
        text = json.dumps(json.loads(out), ensure_ascii=False) if fmt == "sarif" else out
        assert not [c for c in ("\x1b", "\x07", "\u202e", "\x9b") if c in text], fmt
        assert not any(line.lstrip().startswith("::add-mask::") for line in out.splitlines()), fmt
        if fmt == "sarif":
            [result] = json.loads(out)["runs"][0]["results"]
            assert result["message"]["text"].startswith("sai\\x1b[2J\\u202e định dạng\n")
