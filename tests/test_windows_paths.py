"""Paths as Windows writes them (backslashes, a drive letter, spaces) and Vietnamese names in either Unicode
form appear correctly in every report format."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from checker.api import check_file
from checker.engine.run import make_report
from checker.formatters import FORMATTERS, rendered

ROOT = Path(__file__).resolve().parents[1]
NFC = r"C:\Nộp bài\Kế hoạch 45.txt"
NFD = unicodedata.normalize("NFD", r"D:\Vòng 2\Kế hoạch Vạn Ninh.txt")


def _report(path: str):  # noqa: ANN202
    document = check_file(ROOT / "samples" / "defects" / "no-basis.txt")
    plan = document.plan.model_copy(update={"path": path}) if document.plan else None
    return make_report([document.model_copy(update={"path": path, "plan": plan})], [], "vi")


def _text(output: str | object) -> str:
    return output if isinstance(output, str) else "".join(output)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", sorted(FORMATTERS))
@pytest.mark.parametrize("path", [NFC, NFD], ids=["nfc", "nfd"])
def test_every_format_names_the_file_as_written(fmt: str, path: str) -> None:
    out = _text(rendered(fmt, _report(path)))
    if fmt == "sarif":
        uri = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        drive = path[0]
        assert uri.startswith(f"file:///{drive}:/") and "%20" in uri and "\\" not in uri
        from urllib.parse import unquote

        assert unquote(uri[len("file:///"):]) == path.replace("\\", "/")  # the same name, byte for byte
    elif fmt == "json":
        assert json.loads(out)["documents"][0]["path"] == path
    elif fmt == "junit":
        from lxml import etree

        suite = etree.fromstring(out.encode()).find("testsuite")
        assert suite is not None and suite.get("name") == path
    elif fmt == "github":  # workflow-command property: ':' written %3A, which GitHub reads back as ':'
        assert f"file={path.replace(':', '%3A')}," in out
    elif fmt == "markdown":  # a backslash escaped, so that Markdown shows it
        assert path.replace("\\", "\\\\") in out
    else:
        assert path in out, fmt
