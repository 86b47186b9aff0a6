"""Every document's cost is bounded by construction (issue 16): caps that leave the rest of a document
checked with a note, Word parts inflated a chunk at a time, a memory ceiling and a time limit that stop the
process checking one document, and never another document's result. Every file is built here, small: the
caps are tested with lowered limits; benchmarks/stress.py runs the real-size cases."""

from __future__ import annotations

import io
import os
import struct
import sys
import time
import zipfile
import zlib
from collections import Counter
from pathlib import Path

import pytest
from conftest import build_plan, run

from checker import batch, workers
from checker.api import check_file
from checker.batch import Job, check_all
from checker.limits import Limits, using
from checker.read import ReadError, docx, read_file
from checker.read import package as zip_package
from checker.read.docx_styles import MAX_DEPTH, Styles, wordml_names

ROOT = Path(__file__).resolve().parents[1]
PLAN_DOCX = ROOT / "samples" / "ke-hoach-ttdn-van-ninh-2019.docx"
PLAN_TXT = ROOT / "samples" / "defects" / "no-basis.txt"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LINUX = sys.platform.startswith("linux")


def document_xml(body: str) -> bytes:
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    return xml.encode()


def paragraphs(*texts: str) -> str:
    return "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in texts)


def package(parts: dict[str, bytes], stored: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def sample_with(extra_body: str) -> bytes:
    """The Vạn Ninh sample with ``extra_body`` added at the end of its body."""
    out = io.BytesIO()
    with zipfile.ZipFile(PLAN_DOCX) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:body>", extra_body.encode() + b"</w:body>")
            target.writestr(item.filename, data)
    return out.getvalue()


def notes_of(report) -> list[str]:  # type: ignore[no-untyped-def]
    assert report.plan is not None, report.error
    return report.plan.notes


# --- caps: the rest of the document is still checked, and a note says what was left out ---------------------

def test_a_block_over_block_chars_is_cut_with_a_note_and_the_others_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "dai.txt"
    path.write_text(build_plan(purpose="I. MỤC ĐÍCH, YÊU CẦU\n" + "Nâng cao nhận thức " * 400), encoding="utf-8")
    with using(Limits(block_chars=1000)):
        report = check_file(path)
    assert report.status == "checked" and report.plan is not None
    assert max(len(block.text) for block in report.plan.blocks) == 1000
    assert report.plan.title and report.plan.tasks  # the blocks after the long one are read and checked
    [note] = [n for n in notes_of(report) if "block-chars" in n]
    assert "1 đoạn dài quá 1000 ký tự bị cắt" in note and "1 block longer than 1000 characters cut there" in note
    assert "dòng" in note and "line" in note and "--limit block-chars=" in note
    assert not [n for n in notes_of(check_file(path)) if "block-chars" in n]  # under the default: not cut


def test_citations_past_the_cap_are_left_out_with_a_note(tmp_path: Path) -> None:
    basis = "Căn cứ " + "; ".join(f"Công văn số {i}/UBND-VX ngày 01/02/2023 của UBND tỉnh" for i in range(1, 31)) + ";"
    path = tmp_path / "can-cu.txt"
    path.write_text(build_plan(basis=basis), encoding="utf-8")
    assert len(check_file(path).plan.citations) == 30  # type: ignore[union-attr]
    with using(Limits(citations=10)):
        report = check_file(path)
    assert report.plan is not None and [c.symbol for c in report.plan.citations] == [
        f"{i}/UBND-VX" for i in range(1, 11)]
    assert len(report.plan.basis) <= 10
    [note] = [n for n in notes_of(report) if "citations" in n]
    assert "Chỉ đọc 10 trích dẫn văn bản đầu tiên" in note and "only the first 10 citations" in note
    assert report.plan.tasks and report.rules  # the rest of the plan is read and checked


@pytest.fixture
def many_findings(tmp_path: Path) -> Path:
    """A plan with 20 tasks given to no unit (an error each, and a warning) and ten themes missing."""
    implementation = "III. TỔ CHỨC THỰC HIỆN\n" + "\n".join(
        f"{i}. Tổ chức tuyên truyền nội dung số {i} trên địa bàn." for i in range(1, 21))
    path = tmp_path / "nhieu.txt"
    content = "II. NỘI DUNG\n1. Tuyên truyền chủ trương, đường lối của Đảng."
    path.write_text(build_plan(implementation=implementation, content=content), encoding="utf-8")
    return path


def test_findings_past_the_cap_of_their_rule_are_left_out_with_a_note(many_findings: Path) -> None:
    whole = Counter(f.rule for f in check_file(many_findings).findings)
    assert whole["assigns-tasks"] == 20 and whole["covers-themes"] == 10
    with using(Limits(findings_per_rule=3)):
        report = check_file(many_findings)
    assert Counter(f.rule for f in report.findings) == {"assigns-tasks": 3, "covers-themes": 3}
    assert [t.covered for t in report.themes].count(False) == 10  # the rule's coverage is still complete
    [note] = [n for n in notes_of(report) if "findings-per-rule" in n]
    assert "assigns-tasks, covers-themes" in note and "chỉ báo 3 phát hiện đầu tiên" in note


def test_findings_past_the_cap_of_a_document_keep_the_most_severe(many_findings: Path) -> None:
    whole = check_file(many_findings).findings
    assert Counter(f.severity for f in whole) == {"error": 29, "warning": 1}
    with using(Limits(findings=29)):
        report = check_file(many_findings)
    assert len(report.findings) == 29 and {f.severity for f in report.findings} == {"error"}
    assert report.findings == [f for f in whole if f.severity == "error"]  # in the order of the document
    [note] = [n for n in notes_of(report) if "--limit findings=" in n]
    assert "chỉ báo 29 phát hiện nặng nhất" in note and "only the 29 most severe" in note


def test_the_caps_are_set_from_the_command_line(many_findings: Path) -> None:
    code, out, _ = run("check", str(many_findings), "--limit", "findings=5", "--lang", "en")
    assert code == 1 and "only the 5 most severe are reported" in out
    code, _, err = run("check", str(many_findings), "--limit", "findings=few")
    assert code == 2 and "is not a number" in err


# --- Word parts: elements counted as they are inflated, never inflated past their size ----------------------

def test_elements_past_the_cap_of_a_part_are_not_read_and_the_rest_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "rong.docx"
    path.write_bytes(sample_with("<w:p/>" * 5000))  # empty paragraphs: no blocks, but elements all the same
    whole = read_file(PLAN_DOCX)
    with zipfile.ZipFile(PLAN_DOCX) as source:
        elements = docx._start_tags(source.read("word/document.xml"))
    with using(Limits(xml_elements=elements + 100)):
        document = read_file(path)
    assert [b.text for b in document.blocks] == [b.text for b in whole.blocks]
    [note] = [n for n in document.notes if "xml-elements" in n and "word/document.xml" in n]
    assert f"word/document.xml có hơn {elements + 100} phần tử XML" in note
    assert f"word/document.xml has more than {elements + 100} XML elements: only its beginning was read" in note
    with using(Limits(xml_elements=elements + 100)):
        report = check_file(path)
    assert report.status == "checked" and report.plan is not None and report.plan.tasks


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 8, 13, 64 * 1024])
def test_a_part_is_cut_after_exactly_the_cap_of_elements_whatever_the_chunks(tmp_path: Path, chunk: int,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zip_package, "CHUNK", chunk)
    xml = (f'<?xml version="1.0"?><!-- a comment --><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>a</w:t>'
           '</w:r></w:p>' + "<w:p/><w:p></w:p>" * 20 + "</w:body></w:document>")
    path = tmp_path / "cat.docx"
    path.write_bytes(package({"word/document.xml": xml.encode()}))
    with zipfile.ZipFile(path) as archive:
        for cap in (3, 4, 6, 7, 30):
            notes: list[str] = []
            with using(Limits(xml_elements=cap)):
                root = docx._parse(archive, "word/document.xml", str(path), "document", notes)
            assert sum(1 for _ in root.iter()) == cap and len(notes) == 1
        notes = []
        root = docx._parse(archive, "word/document.xml", str(path), "document", notes)
        assert sum(1 for _ in root.iter()) == 45 and notes == []


def lying_zip(declared: int, content: bytes, crc_of: bytes | None = None) -> bytes:
    """A package with one ``word/document.xml`` whose ZIP headers say ``declared`` bytes and whose deflated
    stream holds ``content``; the CRC is of ``crc_of`` (default: the content)."""
    name = b"word/document.xml"
    data = zlib.compressobj(9, zlib.DEFLATED, -15)
    compressed = data.compress(content) + data.flush()
    crc = zlib.crc32(content if crc_of is None else crc_of)
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(compressed), declared, len(name), 0)
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(compressed), declared,
                          len(name), 0, 0, 0, 0, 0, 0)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central) + len(name), len(local) + len(name)
                      + len(compressed), 0)
    return local + name + compressed + central + name + end


def test_a_part_that_inflates_past_its_declared_size_is_refused_at_the_first_byte_too_many(tmp_path: Path,
                                                                                          monkeypatch) -> None:
    content = document_xml(paragraphs("Kế hoạch") + "<w:p/>" * 2_000_000)  # 12 MB, ~12 KB deflated
    path = tmp_path / "noi-doi.docx"
    path.write_bytes(lying_zip(4096, content))
    inflated: list[int] = []
    real = zipfile.ZipExtFile.read

    def counting(self, n=-1):  # type: ignore[no-untyped-def]
        data = real(self, n)
        inflated.append(len(data))
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting)
    error = pytest.raises(ReadError, read_file, path).value
    assert error.code == "input-too-large"
    assert "word/document.xml inflates to more than the 4096 bytes its ZIP directory declares" in error.reason_en
    assert "giải nén ra nhiều hơn 4096 byte mà gói khai báo" in error.reason
    assert sum(inflated) == 4097  # zipfile.read() would have inflated all 12 MB first


def test_a_part_of_the_declared_size_with_a_wrong_crc_is_damaged(tmp_path: Path) -> None:
    content = document_xml(paragraphs("Kế hoạch"))
    path = tmp_path / "crc.docx"
    path.write_bytes(lying_zip(len(content), content, crc_of=b"something else"))
    error = pytest.raises(ReadError, read_file, path).value
    assert error.code == "unreadable" and "CRC" in error.reason_en


def test_part_size_bounds_the_parts_read_not_pictures_never_inflated(tmp_path: Path) -> None:
    xml = document_xml(paragraphs("Kế hoạch tuyên truyền năm 2023"))
    path = tmp_path / "anh.docx"
    path.write_bytes(package({"word/document.xml": xml, "word/media/image1.png": os.urandom(5000)}))
    with using(Limits(docx_part_size=len(xml) + 10)):
        assert [b.text for b in read_file(path).blocks] == ["Kế hoạch tuyên truyền năm 2023"]
    with using(Limits(docx_part_size=len(xml) - 10)):
        error = pytest.raises(ReadError, read_file, path).value
    assert error.code == "input-too-large" and "part word/document.xml inflates to" in error.reason_en
    assert "--limit docx-part-size=" in error.reason_en
    assert Limits().docx_part_size == 10 * 1024 * 1024  # the largest part of a real plan is 0.7 MB


# --- styles: linear in the length of w:basedOn chains, which are cut ----------------------------------------

def styles_root(depth: int, font_at: int = 0, cycle: bool = False) -> bytes:
    """A chain of ``depth`` styles, s{i} based on s{i - 1} (s0 on the last one when ``cycle``); the style
    ``font_at`` sets a font and an outline level."""
    def style(i: int) -> str:
        based = f"s{i - 1}" if i else f"s{depth - 1}" if cycle else None
        own = '<w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr><w:pPr><w:outlineLvl w:val="1"/></w:pPr>'
        return (f'<w:style w:type="paragraph" w:styleId="s{i}"><w:name w:val="s{i}"/>'
                + (f'<w:basedOn w:val="{based}"/>' if based else "") + (own if i == font_at else "") + "</w:style>")

    return f'<w:styles xmlns:w="{W}">{"".join(style(i) for i in range(depth))}</w:styles>'.encode()


def test_a_style_inherits_through_its_chain_and_a_deep_chain_is_cut() -> None:
    from lxml import etree

    styles = Styles(etree.fromstring(styles_root(10)), wordml_names(W))
    assert styles.font("s9") == "Times New Roman" and styles.outline_level("s9") == 2 and not styles.cut
    deep = Styles(etree.fromstring(styles_root(MAX_DEPTH + 5)), wordml_names(W))
    assert deep.font(f"s{MAX_DEPTH + 4}") is None and deep.cut
    deep = Styles(etree.fromstring(styles_root(MAX_DEPTH + 5)), wordml_names(W))
    assert deep.font(f"s{MAX_DEPTH - 1}") == "Times New Roman" and not deep.cut  # MAX_DEPTH styles are followed
    circle = Styles(etree.fromstring(styles_root(5, font_at=99, cycle=True)), wordml_names(W))
    assert circle.font("s3") is None and circle.outline_level("s3") is None and not circle.cut


def test_each_style_is_looked_at_once_per_question_however_long_the_chains(monkeypatch) -> None:
    from lxml import etree

    looks: list[str] = []
    real = Styles._own_font

    def counting(self, style):  # type: ignore[no-untyped-def]
        looks.append(style.get(f"{{{W}}}styleId"))
        return real(self, style)

    monkeypatch.setattr(Styles, "_own_font", counting)
    styles = Styles(etree.fromstring(styles_root(2000, font_at=0)), wordml_names(W))
    for i in range(2000):  # a paragraph in each style
        styles.font(f"s{i}")
    assert len(looks) == len(set(looks)) <= 2000


def test_a_document_with_a_6000_deep_style_chain_reads_at_once_with_a_note(tmp_path: Path) -> None:
    body = "".join(f'<w:p><w:pPr><w:pStyle w:val="s{i}"/></w:pPr><w:r><w:t>Đoạn {i}</w:t></w:r></w:p>'
                   for i in range(5999, -1, -1))
    path = tmp_path / "kieu.docx"
    path.write_bytes(package({"word/document.xml": document_xml(body), "word/styles.xml": styles_root(6000)}))
    started = time.perf_counter()
    document = read_file(path)
    assert time.perf_counter() - started < 5  # quadratic before: more than the whole time limit
    assert len(document.blocks) == 6000
    assert any(f"style chains deeper than {MAX_DEPTH} styles cut there" in note for note in document.notes)


# --- the memory ceiling and the time limit, in the process checking the document ---------------------------

def allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def block_alarm_and_sleep(seconds: float) -> str:
    """Stands for C code (libxml2): no signal handler runs while it lasts."""
    import signal

    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(seconds)
    return "woke"


@pytest.mark.skipif(not LINUX, reason="the memory ceiling is enforced on Linux (RLIMIT_AS)")
def test_the_memory_ceiling_holds_for_one_call_and_the_worker_serves_the_next() -> None:
    worker = workers.Worker(memory=64 * 1024 * 1024)
    try:
        assert worker.call(allocate, (16,)).value == 16 * 1024 * 1024
        failed = worker.call(allocate, (4096,))
        assert isinstance(failed.error, MemoryError)
        assert worker.call(allocate, (16,)).value == 16 * 1024 * 1024
    finally:
        worker.stop()


def test_a_call_past_its_time_is_killed_with_its_process_and_a_fresh_one_serves_the_next(monkeypatch) -> None:
    monkeypatch.setattr(workers, "GRACE", 0.2)
    worker = workers.Worker()
    try:
        started = time.perf_counter()
        outcome = worker.call(block_alarm_and_sleep, (30,), seconds=0.3)
        assert outcome.overtime and not outcome.returned
        assert time.perf_counter() - started < 3
        assert worker.call(allocate, (1,)).value == 1024 * 1024
    finally:
        worker.stop()


def test_a_worker_started_afresh_spawn_runs_and_is_killed_too(monkeypatch) -> None:
    import multiprocessing

    monkeypatch.setattr(workers, "GRACE", 0.2)
    worker = workers.Worker(multiprocessing.get_context("spawn"))
    try:
        assert worker.call(allocate, (1,)).value == 1024 * 1024
        assert worker.call(block_alarm_and_sleep, (30,), seconds=0.5).overtime
    finally:
        worker.stop()


@pytest.mark.skipif(not LINUX, reason="the memory ceiling is enforced on Linux (RLIMIT_AS)")
def test_a_document_over_the_memory_limit_is_input_too_large_alone(tmp_path: Path, monkeypatch) -> None:
    real = batch.check_file

    def greedy(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if path.endswith("tham.txt"):
            allocate(2048)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(batch, "check_file", greedy)  # inherited by the forked workers
    inbox = tmp_path / "nop"
    inbox.mkdir()
    for name in ("a.txt", "tham.txt", "z.txt"):
        (inbox / name).write_bytes(PLAN_TXT.read_bytes())
    reports = list(check_all(sorted(inbox.iterdir()), Job(lang="en", limits=Limits(memory=256 * 1024 * 1024)),
                             progress=False))
    assert [(Path(r.path).name, r.status) for r in reports] == [("a.txt", "checked"), ("tham.txt", "unreadable"),
                                                                ("z.txt", "checked")]
    assert reports[1].findings[0].code == "input-too-large"
    error = reports[1].error or ""
    assert "needs more memory than allowed" in error and "--limit memory=" in error


@pytest.mark.skipif(not LINUX, reason="the memory ceiling is enforced on Linux (RLIMIT_AS)")
def test_a_word_file_that_needs_more_memory_than_allowed_is_input_too_large(tmp_path: Path, monkeypatch) -> None:
    """Here libxml2 (C) or Python runs out first, whichever: the file is too large, never "damaged". The
    workers are spawned: a worker forked from this long-lived process would inherit the free room of its
    heap, which the ceiling (counted from the size of the process) does not count."""
    import multiprocessing

    spawn = multiprocessing.get_context("spawn")
    monkeypatch.setattr(batch.multiprocessing, "get_context", lambda method=None: spawn)
    path = tmp_path / "lon.docx"
    texts = (f"Đoạn {i}" for i in range(100_000))
    path.write_bytes(package({"word/document.xml": document_xml(paragraphs(*texts))}))
    code, out, _ = run("check", str(path), str(PLAN_TXT), "--limit", "memory=128MB", "--limit",
                       "xml-elements=1000000", "--format", "json", "--jobs", "1")
    assert code == 1 and out.count('"code": "input-too-large"') == 1, out[:3000]
    assert out.count('"status": "checked"') == 1  # the next document, in a fresh worker


def test_a_reader_stuck_past_the_time_limit_is_stopped_and_the_batch_goes_on(tmp_path: Path, monkeypatch) -> None:
    """A reader stuck where no signal reaches it (C code such as libxml2 on a crafted page: simulated by
    blocking the alarm and sleeping) is stopped by its process being killed; the next document is checked."""
    import signal

    from checker.read import html

    def stuck(path: object) -> None:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)

    monkeypatch.setattr(html, "read_html", stuck)
    monkeypatch.setattr(workers, "GRACE", 0.5)
    page = tmp_path / "a-ket.html"
    page.write_text("<html><body><p>Kế hoạch số 12/KH-UBND</p></body></html>", encoding="utf-8")
    other = tmp_path / "b-ke-hoach.txt"
    other.write_bytes(PLAN_TXT.read_bytes())
    started = time.perf_counter()
    reports = list(check_all([page, other], Job(lang="en", limits=Limits(timeout=1)), progress=False))
    elapsed = time.perf_counter() - started
    assert reports[0].findings[0].code == "time-limit" and "gave up after 1 s" in (reports[0].error or "")
    assert reports[1].status == "checked"
    assert elapsed < 1 + 0.5 + 4  # the time limit, the grace, starting a fresh worker and checking the plan


def test_a_worker_grown_near_the_ceiling_retires_and_a_fresh_one_takes_the_queue(tmp_path: Path,
                                                                                 monkeypatch) -> None:
    real = batch.check_file
    pids = tmp_path / "pids"

    def growing(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        with open(pids, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        if path.endswith("1.txt"):
            grown.append(bytearray(200 * 1024 * 1024))  # kept: the process stays large after the call
        return real(path, *args, **kwargs)

    grown: list[bytearray] = []
    monkeypatch.setattr(batch, "check_file", growing)
    files = []
    for i in range(4):
        files.append(tmp_path / f"{i}.txt")
        files[-1].write_bytes(PLAN_TXT.read_bytes())
    reports = list(check_all(files, Job(limits=Limits(memory=300 * 1024 * 1024)), progress=False))
    assert [r.status for r in reports] == ["checked"] * 4
    if LINUX:
        assert len(set(pids.read_text(encoding="utf-8").split())) == 2  # the one that grew, and a fresh one


def test_without_time_or_memory_limit_one_process_checks_in_place(monkeypatch) -> None:
    started: list[object] = []
    real = workers.Worker.start
    monkeypatch.setattr(workers.Worker, "start", lambda self: started.append(self) or real(self))
    [report] = check_all([PLAN_TXT], Job(limits=Limits(timeout=0, memory=0)), progress=False)
    assert report.status == "checked" and started == []
    [report] = check_all([PLAN_TXT], Job(), progress=False)
    assert report.status == "checked" and len({id(worker) for worker in started}) == 1
