"""Shared helpers: a complete, valid TTĐN plan built from named pieces that a test can replace.

``plan_text(**pieces)`` joins the pieces below (each a block of lines) into a plan; passing a piece
replaces it (``basis=...``, ``implementation=...``), passing ``""`` drops it. ``check_text`` writes
the text to ``tmp_path`` and runs :func:`checker.check_file` on it.
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml

from checker import check_file, parse_file
from checker.engine.baseline import apply_baseline, make_baseline
from checker.engine.packs import load_pack
from checker.engine.run import make_report
from checker.engine.waivers import WaiverEntry, apply_waivers
from checker.model.plan import Plan
from checker.model.report import DocumentReport, Finding, Report

HEADER = """\
ỦY BAN NHÂN DÂN
HUYỆN VĨNH LINH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 44/KH-UBND
Vĩnh Linh, ngày 20 tháng 02 năm 2023"""

TITLE = """\
KẾ HOẠCH
Công tác thông tin đối ngoại năm 2023"""

BASIS = (
    "Thực hiện Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 của Ban Tuyên giáo Tỉnh ủy, "
    "Ủy ban nhân dân huyện ban hành Kế hoạch như sau:"
)

PURPOSE = """\
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao nhận thức của cán bộ, đảng viên và nhân dân về công tác thông tin đối ngoại.
2. Yêu cầu
- Bám sát sự chỉ đạo của cấp trên, bảo đảm hiệu quả, thiết thực."""

# One sentence per theme of rules/ttdn.yaml, in its order.
CONTENT = """\
II. NỘI DUNG
1. Tuyên truyền chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước.
2. Giới thiệu thành tựu phát triển kinh tế - xã hội của huyện.
3. Quảng bá hình ảnh, văn hóa, du lịch của huyện Vĩnh Linh.
4. Tuyên truyền về chủ quyền biển, đảo và biên giới quốc gia.
5. Thông tin về bảo đảm quyền con người, tự do tôn giáo.
6. Đấu tranh, phản bác các luận điệu sai trái, xuyên tạc của các thế lực thù địch.
7. Tuyên truyền hoạt động đối ngoại và hội nhập quốc tế của địa phương.
8. Học tập và làm theo tư tưởng Hồ Chí Minh.
9. Thông tin về cộng đồng người Việt Nam ở nước ngoài.
10. Cung cấp thông tin về tình hình thế giới cho nhân dân.
11. Đẩy mạnh thông tin trên mạng xã hội và không gian mạng."""

IMPLEMENTATION = """\
III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa và Thông tin chủ trì, phối hợp với Đài Truyền thanh huyện triển khai Kế hoạch này.
2. Công an huyện: theo dõi, nắm tình hình an ninh thông tin trên địa bàn."""

REPORTING = (
    "Các cơ quan, đơn vị báo cáo kết quả về Ủy ban nhân dân huyện "
    "(qua Phòng Văn hóa và Thông tin) trước ngày 05/11/2023."
)

CLOSING = """\
Nơi nhận:
- Ban Tuyên giáo Tỉnh ủy;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An"""

PIECES = {
    "header": HEADER,
    "title": TITLE,
    "basis": BASIS,
    "purpose": PURPOSE,
    "content": CONTENT,
    "implementation": IMPLEMENTATION,
    "reporting": REPORTING,
    "closing": CLOSING,
}
# A blank line after these pieces, as in a real document.
_BLANK_AFTER = {"header", "title", "basis", "reporting"}


def build_plan(**pieces: str) -> str:
    """The complete plan with some pieces replaced (``""`` removes a piece)."""
    unknown = set(pieces) - set(PIECES)
    if unknown:
        raise TypeError(f"unknown plan pieces: {sorted(unknown)}")
    out: list[str] = []
    for name, default in PIECES.items():
        text = pieces.get(name, default)
        if not text:
            continue
        out.append(text)
        if name in _BLANK_AFTER:
            out.append("")
    return "\n".join(out) + "\n"


def run(*args: str) -> tuple[int, str, str]:
    """Run the plancheck command in-process: its exit code, standard output and standard error."""
    from click.testing import CliRunner

    from checker.cli import main

    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr



def report_for(documents: list[DocumentReport], lang: str = "vi") -> Report:
    """The report the check command builds from ``documents``: with the packs they were checked with."""
    packs = [load_pack(name) for name in sorted({d.pack for d in documents if d.pack})]
    return make_report(documents, packs, lang)


def report_of(paths: list[str | Path], lang: str = "vi") -> Report:
    """The report ``plancheck check PATHS --lang LANG`` builds (paths relative to the repository root)."""
    with contextlib.chdir(Path(__file__).resolve().parents[1]):
        documents = [check_file(p, lang=lang) for p in paths]
    return report_for(documents, lang)

def line_of(text: str, fragment: str) -> int:
    """The 1-based number of the only line of ``text`` containing ``fragment``."""
    lines = [n for n, line in enumerate(text.splitlines(), 1) if fragment in line]
    assert len(lines) == 1, f"{fragment!r} is on lines {lines}"
    return lines[0]


def by_rule(report: DocumentReport, rule: str) -> list[Finding]:
    return [f for f in report.findings if f.rule == rule]


def codes(report: DocumentReport, rule: str | None = None) -> list[str]:
    return [f.code for f in report.findings if rule is None or f.rule == rule]


@pytest.fixture
def plan_text() -> Callable[..., str]:
    return build_plan


def write_file(folder: Path, data: bytes | str, name: str = "plan.txt") -> Path:
    """``data`` (text written as UTF-8) as the file ``name`` in ``folder``."""
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.fixture
def parallel_runs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, list[str]]]:
    """Each batch checked by worker processes: how many, and the names of the files sent to them (sorted);
    nothing for a batch checked in this process."""
    from checker import batch

    runs: list[tuple[int, list[str]]] = []
    parallel = batch._parallel

    def spy(files, job, jobs, *args, **kwargs):  # type: ignore[no-untyped-def]
        runs.append((jobs, sorted(Path(f).name for f in files)))
        return parallel(files, job, jobs, *args, **kwargs)

    monkeypatch.setattr(batch, "_parallel", spy)
    return runs


@pytest.fixture
def write_plan(tmp_path: Path) -> Callable[..., Path]:
    """``write_plan(text, name="plan.txt")``: the text as a UTF-8 file in ``tmp_path``."""

    def write(text: str, name: str = "plan.txt") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def check_text(write_plan: Callable[..., Path]) -> Callable[..., DocumentReport]:
    """``check_text(text, rules="ttdn", **kwargs)``: write and check a plan."""

    def check(text: str, rules: object = "ttdn", **kwargs: object) -> DocumentReport:
        report = check_file(write_plan(text), rules, **kwargs)  # type: ignore[arg-type]
        assert report.status == "checked", report.error
        return report

    return check


@pytest.fixture
def parse_text(write_plan: Callable[..., Path]) -> Callable[[str], Plan]:
    def parse(text: str) -> Plan:
        return parse_file(write_plan(text))

    return parse


@pytest.fixture
def write_pack(tmp_path: Path) -> Callable[..., Path]:
    """``write_pack(yaml_text, name="pack.yaml")``: a rule pack file in ``tmp_path``."""

    def write(text: str, name: str = "pack.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def pdf_of(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (numbered from 1, the first the catalog), with its cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def to_cp1258(text: str) -> bytes:
    """Encode like Windows-1258: letters with â/ă/ê/ô/ơ/ư precomposed, tone marks combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            tones = "".join(m for m in decomposed[1:] if m in _TONE_MARKS)
            base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in _TONE_MARKS))
            out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def one_rule_pack(write_pack: Callable[..., Path], kind: str, severity: str) -> Callable[..., str]:
    """``make(**params)`` → path of a pack holding one rule ``r`` of ``kind`` with those params."""

    def make(**params: object) -> str:
        rule = {"kind": kind, "severity": severity, "params": params}
        return str(write_pack(yaml.safe_dump({"rules": {"r": rule}}, allow_unicode=True)))

    return make


def rule_findings(report: DocumentReport, rule: str = "r") -> list[Finding]:
    """The findings of one rule (``r`` in the one-rule packs)."""
    return [f for f in report.findings if f.rule == rule]


# --- Reports of the reader formats (html, markdown) --------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
TASK = "samples/defects/task-without-unit.txt"
MISSING = "samples/defects/missing-theme.txt"
TRA_VINH = "samples/ke-hoach-ttdn-mttq-tra-vinh-2023.docx"  # Số: 12/KH-MTTQ-BTT
TODAY = date(2024, 6, 1)

TASK_TEXT = ("6. Theo dõi, tổng hợp diễn biến thông tin đối ngoại, kịp thời đề xuất chủ trương, biện pháp phản bác "
             "các thông tin, luận điệu sai trái làm ảnh hưởng đến uy tín, hình ảnh của huyện; thực hiện tốt công tác "
             "bảo vệ bí mật Nhà nước trong hoạt động thông tin đối ngoại.")
REPORTING_TEXT = ("Ban Thường trực Uỷ ban MTTQ Việt Nam huyện, thị xã, thành phố báo cáo kết quả tuyên truyền "
                  "thông tin đối ngoại 6 tháng, năm về Ban Thường trực MTTQ Việt Nam tỉnh (qua Ban Dân chủ - Pháp "
                  "luật và Tuyên giáo, email: dcpltv@gmail.com).")


def _entry(index: int, rule: str, document: str, reason: str, by: str, expires: date | None = None) -> WaiverEntry:
    return WaiverEntry(source="waivers.yaml", index=index, rule=rule, document=document, reason=reason,
                       accepted_by=by, expires=expires)


def reader_report(tmp: Path, lang: str, *, accept: bool) -> Report:
    """The report the HTML and Markdown tests read: task-without-unit, missing-theme, the Trà Vinh .docx and a
    garbage .docx, as ``plancheck check`` makes them; with ``accept``, waivers (one unused) and a baseline are
    applied as ``--waivers``/``--baseline`` do."""
    with pytest.MonkeyPatch.context() as mp:
        (tmp / "garbage.docx").write_bytes(b"PK\x03\x04 not a zip at all \x00\x01\x02")
        mp.chdir(tmp)
        garbage = check_file("garbage.docx", lang=lang)
        mp.chdir(ROOT)
        docs = [check_file(TASK, lang=lang), check_file(MISSING, lang=lang), check_file(TRA_VINH, lang=lang), garbage]
        report = make_report(docs, [load_pack("ttdn")], lang)
        if not accept:
            return report
        report = apply_waivers(report, [
            _entry(1, "assigns-tasks", "task-without-unit.txt", "Nhiệm vụ 6 do BCH Quân sự chủ trì", "Nguyễn Văn A",
                   date(2099, 12, 31)),
            _entry(2, "covers-themes", "12/KH-MTTQ-BTT", "Chủ đề có trong kế hoạch riêng", "Trần Thị B"),
            _entry(3, "has-signer", "ke-hoach-khac.txt", "Không dùng", "Lê Văn C"),
        ], TODAY)
        # A baseline written when missing-theme.txt had only its has-own-date warning.
        old = docs[1].model_copy(update={"findings": [f for f in docs[1].findings if f.rule == "has-own-date"]})
        return apply_baseline(report, make_baseline(make_report([old], [], lang)), "baseline.json")


