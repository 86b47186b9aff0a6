"""End-to-end checks of the shipped samples: each defect is caught exactly, and golden reports.

Golden files live in tests/golden/ (one per sample). After an intended change of behaviour,
regenerate them with ``PLANCHECK_UPDATE_GOLDEN=1 pytest tests/test_samples.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from checker import check_file
from checker.model.report import DocumentReport
from checker.read import read_file

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
# Every format a reader handles: the seeds (.txt), the Word files, and samples/formats/ (the Vạn Ninh plan
# as automatic-numbering .docx, OpenDocument text, portal page, LibreOffice PDF and TCVN3 text; see
# samples/README.md).
SAMPLE_FILES = sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".txt", ".docx", ".odt", ".html", ".pdf"))
VAN_NINH = "ke-hoach-ttdn-van-ninh-2019"


def _codes(report: DocumentReport) -> set[tuple[str, str]]:
    return {(f.rule, f.code) for f in report.findings}


@pytest.fixture(scope="module")
def reports() -> dict[str, DocumentReport]:
    return {str(p.relative_to(SAMPLES)): check_file(p) for p in SAMPLE_FILES}


def test_every_sample_is_checked(reports: dict[str, DocumentReport]) -> None:
    assert len(reports) >= 12
    assert all(r.status == "checked" for r in reports.values())


def test_article_is_not_a_plan(reports: dict[str, DocumentReport]) -> None:
    article = reports["bai-viet-ket-luan-57.txt"]
    assert [(f.rule, f.code, f.severity) for f in article.findings] == [("is-plan", "not-a-plan", "error")]


def test_no_basis_is_caught(reports: dict[str, DocumentReport]) -> None:
    defect = reports["defects/no-basis.txt"]
    assert ("cites-parent", "no-basis") in _codes(defect)
    assert ("cites-parent", "no-basis") not in _codes(reports["ke-hoach-ttdn-van-ninh-2019.txt"])


def test_task_without_unit_is_quoted_with_its_line(reports: dict[str, DocumentReport]) -> None:
    found = [f for f in reports["defects/task-without-unit.txt"].findings if f.code == "task-without-unit"]
    assert len(found) == 1
    finding = found[0]
    assert finding.rule == "assigns-tasks" and finding.severity == "error"
    assert finding.location is not None and finding.location.line == 103
    assert finding.location.section == ["III.", "6."]
    assert finding.evidence is not None and finding.evidence.startswith("6. Theo dõi, tổng hợp diễn biến thông tin")
    original = reports["ke-hoach-ttdn-van-ninh-2019.txt"]
    assert ("assigns-tasks", "task-without-unit") not in _codes(original)


def test_no_deadline_is_caught(reports: dict[str, DocumentReport]) -> None:
    assert ("has-deadline", "no-deadline") in _codes(reports["defects/no-deadline.txt"])
    original = reports["ke-hoach-ttdn-van-ninh-2019.txt"]
    assert ("has-deadline", "no-deadline") not in _codes(original)
    assert original.plan is not None
    assert [d.deadline.isoformat() for d in original.plan.reporting if d.deadline] == ["2019-11-05"]


def test_impossible_date_is_caught(reports: dict[str, DocumentReport]) -> None:
    found = [f for f in reports["defects/impossible-date.txt"].findings if f.code == "impossible-date"]
    assert [(f.rule, f.severity) for f in found] == [("cites-parent", "warning")]
    assert found[0].evidence is not None and "30/2/2013" in found[0].evidence
    assert found[0].location is not None and found[0].location.line == 7


def test_missing_theme_is_caught(reports: dict[str, DocumentReport]) -> None:
    defect = reports["defects/missing-theme.txt"]
    original = reports["ke-hoach-ttdn-mttq-tra-vinh-2023.txt"]
    assert {t.id for t in defect.themes if not t.covered} - {t.id for t in original.themes if not t.covered} == {
        "kieu-bao"
    }
    messages = [f.message for f in defect.findings if f.code == "theme-missing"]
    assert any("(kieu-bao)" in m for m in messages)


def test_docx_and_txt_agree_on_the_plan(reports: dict[str, DocumentReport]) -> None:
    for stem in ("ke-hoach-ttdn-van-ninh-2019", "ke-hoach-ttdn-mttq-tra-vinh-2023"):
        txt, docx = reports[f"{stem}.txt"].plan, reports[f"{stem}.docx"].plan
        assert txt is not None and docx is not None
        assert [c.symbol for c in txt.basis] == [c.symbol for c in docx.basis]
        # The Word files add a header table, a signature table and (Trà Vinh) an appendix task table.
        assert [t.units for t in txt.tasks] == [t.units for t in docx.tasks if t.location.table is None]
        assert docx.number_symbol is not None and docx.date is not None and docx.signer is not None
    tra_vinh = reports["ke-hoach-ttdn-mttq-tra-vinh-2023.docx"].plan
    assert tra_vinh is not None
    table_rows = [(t.location.table, t.location.row, t.units[0], t.timeframe) for t in tra_vinh.tasks
                  if t.location.table is not None]
    assert table_rows == [
        (3, 2, "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", "Cả năm 2023"),
        (3, 3, "Ủy ban MTTQ Việt Nam cấp huyện", "Cả năm 2023"),
        (3, 4, "Ủy ban MTTQ Việt Nam cấp xã", "Thường xuyên, hằng quý"),
        (3, 5, "Ban Thường trực Ủy ban MTTQ Việt Nam cấp huyện", "6 tháng, năm"),
    ]


def _with_evidence(report: DocumentReport) -> set[tuple[str, str, str | None]]:
    return {(f.rule, f.code, f.evidence) for f in report.findings}


def test_the_same_plan_gives_the_same_findings_in_every_format(reports: dict[str, DocumentReport]) -> None:
    # (a) Same content, no header: the seed text, its TCVN3 bytes, the portal page.
    txt = reports[f"{VAN_NINH}.txt"]
    assert _with_evidence(txt) == {("has-own-date", "field-missing", None)}
    tcvn3 = SAMPLES / "formats" / f"{VAN_NINH}-tcvn3.txt"
    assert not tcvn3.read_bytes().isascii() and any("TCVN3" in n for n in read_file(tcvn3).notes)
    assert _with_evidence(reports[f"formats/{VAN_NINH}-tcvn3.txt"]) == _with_evidence(txt)
    assert _with_evidence(reports[f"formats/{VAN_NINH}.html"]) == _with_evidence(txt)

    # (b) Same content with header and signature: the Word file and LibreOffice's PDF of it.
    docx = reports[f"{VAN_NINH}.docx"]
    assert _codes(docx) == set()
    assert _codes(reports[f"formats/{VAN_NINH}.pdf"]) == _codes(docx)

    # (c) The Word file with automatic numbering, a footnote and an appendix task table. The table adds
    # four table tasks and no finding: each row has a task, a lead unit and a time the task-table rule
    # understands, and its theme phrases (tiềm năng, quảng bá, chủ quyền …) only add to covered themes.
    numbering = reports[f"formats/{VAN_NINH}-numbering.docx"]
    assert _codes(numbering) == _codes(docx)
    assert numbering.plan is not None and docx.plan is not None
    assert [t.units for t in numbering.plan.tasks if t.source != "table"] == [t.units for t in docx.plan.tasks]
    assert [(t.location.table, t.location.row, t.units, t.timeframe) for t in numbering.plan.tasks
            if t.source == "table"] == [
        (3, 2, ["Văn phòng HĐND và UBND huyện"], "Quý II/2019"),
        (3, 3, ["Phòng Văn hóa và Thông tin"], "Thường xuyên"),
        (3, 4, ["Đài Truyền thanh - Truyền hình huyện"], "Cả năm 2019"),
        (3, 5, ["Phòng Tài chính - Kế hoạch"], "Cả năm 2019"),
    ]
    assert [c.symbol for c in numbering.plan.basis] == ["368/QĐ-TTg"]  # the footnote's 16-KL/TW is no basis

    # (d) The same plan as LibreOffice keeps it (OpenDocument text): the same blocks, so the same plan and findings.
    odt = reports[f"formats/{VAN_NINH}.odt"]
    assert odt.plan is not None and _with_evidence(odt) == _with_evidence(numbering)
    own = {"path", "format", "notes", "blocks"}  # the file, and the reader's notes and style names
    assert odt.plan.model_dump(exclude=own) == numbering.plan.model_dump(exclude=own)
    assert [b.model_dump(exclude={"style"}) for b in odt.plan.blocks] == [
        b.model_dump(exclude={"style"}) for b in numbering.plan.blocks]
    assert odt.plan.format == "odt"

    # In every format the plan is of 2019 and does not cover the two themes 2023 guidance introduced: they are
    # listed as not required that year, and are no finding.
    for name in (f"{VAN_NINH}.txt", f"{VAN_NINH}.docx", *(f"formats/{VAN_NINH}{end}" for end in (
            "-tcvn3.txt", ".html", ".pdf", "-numbering.docx", ".odt"))):
        report = reports[name]
        assert report.plan is not None and report.plan.year == 2019, name
        uncovered = [(t.id, t.required, t.since) for t in report.themes if not t.covered]
        assert uncovered == [("ho-chi-minh", False, 2023), ("khong-gian-mang", False, 2023)], name
        assert not [f for f in report.findings if f.rule == "covers-themes"], name


def _condensed(report: DocumentReport) -> dict[str, Any]:
    plan = report.plan
    data: dict[str, Any] = {"status": report.status, "pack": report.pack}
    if plan is not None:
        data["plan"] = {
            "doc_type": plan.doc_type,
            "number_symbol": plan.number_symbol,
            "issuer": plan.issuer,
            "date": plan.date.isoformat() if plan.date else None,
            "title": plan.title,
            "basis": [c.symbol or c.text for c in plan.basis],
            "parts": plan.parts.model_dump(),
            "tasks": [t.units for t in plan.tasks],
            "reporting": [[d.deadline.isoformat() if d.deadline else None, d.period, d.recipient]
                          for d in plan.reporting],
            "recipients": len(plan.recipients),
            "signer": plan.signer.model_dump(exclude={"location"}) if plan.signer else None,
        }
    data["findings"] = [
        {
            "rule": f.rule, "code": f.code, "severity": f.severity, "message": f.message,
            "where": f.location.model_dump(exclude_none=True) if f.location else None,
            "evidence": f.evidence,
        }
        for f in report.findings
    ]
    data["themes"] = {t.id: [e.location.describe() for e in t.evidence] if t.covered
                      else "missing" if t.required else f"not required before {t.since}" for t in report.themes}
    return data


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: str(p.relative_to(SAMPLES)))
def test_golden_report(sample: Path, reports: dict[str, DocumentReport]) -> None:
    name = str(sample.relative_to(SAMPLES))
    actual = _condensed(reports[name])
    golden = GOLDEN / (name.replace("/", "__") + ".json")
    if os.environ.get("PLANCHECK_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden report for {name}: run PLANCHECK_UPDATE_GOLDEN=1 pytest {__file__}"
    assert actual == json.loads(golden.read_text(encoding="utf-8"))


def test_the_odt_sample_is_what_its_builder_writes() -> None:
    """samples/build_formats.py writes the .odt sample byte for byte (fixed dates): it is rebuilt, not edited."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_formats", SAMPLES / "build_formats.py")
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    assert builder.build_odt() == (SAMPLES / "formats" / f"{VAN_NINH}.odt").read_bytes()
