"""Batches stream: slim reports unless the plan's text is needed, a bounded number of files in flight,
input order and crash recovery kept with tasks of several files. Behaviour only; speed is in benchmarks/."""

from __future__ import annotations

import json
import os
import re
import shutil
import zipfile
from concurrent.futures import Future
from pathlib import Path

import pytest
from conftest import report_for, run

from checker import batch, cli
from checker.batch import HEADER, Job, check_all, slim
from checker.engine.packs import load_pack
from checker.engine.run import make_report
from checker.formatters import FORMATTERS, reads
from checker.model.report import DocumentReport

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
PLAN_TXT = SAMPLES / "ke-hoach-ttdn-van-ninh-2019.txt"


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """Enough documents for tasks of several files with two workers: every format, an unreadable file."""
    folder = tmp_path / "nop"
    folder.mkdir()
    sources = sorted((SAMPLES / "defects").glob("*.txt")) + [
        PLAN_TXT, SAMPLES / "ke-hoach-ttdn-van-ninh-2019.docx",
        SAMPLES / "formats" / "ke-hoach-ttdn-van-ninh-2019.html", SAMPLES / "ke-hoach-ttdn-mttq-tra-vinh-2023.docx"]
    for i in range(24):
        source = sources[i % len(sources)]
        shutil.copy(source, folder / f"{i:02d}-{source.name}")
    (folder / "12-hong.docx").write_bytes(b"\x00not a zip")
    return folder


def test_reports_of_two_workers_come_back_in_input_order_without_the_plan_text(inbox: Path) -> None:
    files = sorted(inbox.iterdir())
    reports = list(check_all(files, Job(keep="no-text"), jobs=2, progress=False))
    assert [r.path for r in reports] == [str(f) for f in files]
    checked = [r for r in reports if r.status == "checked"]
    assert len(checked) == len(files) - 1 and reports[12].status == "unreadable"
    for report in checked:
        assert report.plan is not None
        assert report.plan.blocks == [] and report.plan.block_parts == [] and report.plan.block_sections == []
    # What the formatters and the summary read is still there.
    van_ninh = next(r for r in checked if r.path.endswith("van-ninh-2019.docx"))
    assert van_ninh.plan is not None and van_ninh.plan.number_symbol == "45/KH-UBND" and van_ninh.plan.sections
    assert van_ninh.findings or van_ninh.themes


def test_a_job_keeps_the_plan_text_by_default(inbox: Path) -> None:
    files = sorted(inbox.iterdir())[:6]
    reports = list(check_all(files, Job(), jobs=2, progress=False))
    assert all(r.plan is not None and r.plan.blocks for r in reports)


def test_slim_keeps_everything_but_the_text() -> None:
    from checker.api import check_file

    full = check_file(PLAN_TXT)
    thin = slim(full)
    assert full.plan is not None and full.plan.blocks  # the original is not changed
    assert thin.plan is not None and thin.plan.blocks == []
    keep = {"blocks", "block_parts", "block_sections"}
    assert thin.plan.model_dump(exclude=keep) == full.plan.model_dump(exclude=keep)
    assert thin.model_dump(exclude={"plan"}) == full.model_dump(exclude={"plan"})
    unreadable = DocumentReport(path="x.txt", status="unreadable")
    assert slim(unreadable) is unreadable


def test_a_header_keeps_what_identifies_the_document_only() -> None:
    from checker.api import check_file

    full = check_file(SAMPLES / "ke-hoach-ttdn-van-ninh-2019.docx")
    head = slim(full, "header")
    assert full.plan is not None and full.plan.tasks and full.plan.sections  # the original is not changed
    assert head.plan is not None and head.plan.tasks == [] and head.plan.sections == [] and head.plan.blocks == []
    assert head.plan.model_dump(include=set(HEADER)) == full.plan.model_dump(include=set(HEADER))
    assert head.plan.number_symbol == "45/KH-UBND"
    assert head.model_dump(exclude={"plan", "themes"}) == full.model_dump(exclude={"plan", "themes"})
    # Which themes are covered stays, with the first quote that shows it (the one the text report prints).
    assert [(t.id, t.covered, t.evidence[:1]) for t in head.themes] == [
        (t.id, t.covered, t.evidence[:1]) for t in full.themes]
    assert any(len(t.evidence) > 1 for t in full.themes) and all(len(t.evidence) <= 1 for t in head.themes)
    assert slim(full, "all") is full


@pytest.mark.parametrize(("fmt", "keep"), [*((f, "no-text") for f in sorted(FORMATTERS) if reads(f) != "all"),
                                           *((f, "header") for f in sorted(FORMATTERS) if reads(f) == "header")])
def test_the_formats_print_the_same_from_the_slim_reports_they_get(fmt: str, keep: str, tmp_path: Path) -> None:
    """The CLI drops from the plans what these formats do not print: their output, the summary table and the
    missing units must not depend on it."""
    from checker.api import check_file
    from checker.expected import match_units
    from checker.summary import write_summary

    paths = [SAMPLES / "ke-hoach-ttdn-van-ninh-2019.docx", SAMPLES / "defects" / "no-deadline.txt",
             SAMPLES / "formats" / "ke-hoach-ttdn-van-ninh-2019.html"]
    full = [check_file(p) for p in paths]
    thin = [slim(d, keep) for d in full]  # type: ignore[arg-type]
    render = FORMATTERS[fmt]
    assert render(report_for(thin)) == render(report_for(full))
    units = ["UBND huyện Vạn Ninh", "UBND huyện Vĩnh Linh"]
    assert match_units(units, thin) == match_units(units, full)
    write_summary(report_for(thin), tmp_path / "thin.csv")
    write_summary(report_for(full), tmp_path / "full.csv")
    assert (tmp_path / "thin.csv").read_bytes() == (tmp_path / "full.csv").read_bytes()


@pytest.mark.parametrize(("args", "keep"), [
    (("--format", "json"), "no-text"), (("--format", "text"), "header"), (("--format", "junit"), "header"),
    (("--format", "github"), "header"), (("--format", "html"), "all"), (("--format", "markdown"), "all"),
    (("--format", "sarif"), "all"), (("--annotate", "OUT"), "all")])
def test_the_cli_keeps_of_each_plan_what_its_consumers_read(args: tuple[str, ...], keep: str, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    jobs: list[Job] = []
    real = cli.check_all

    def spy(files, job, *rest, **kwargs):
        jobs.append(job)
        return real(files, job, *rest, **kwargs)

    monkeypatch.setattr(cli, "check_all", spy)
    args = tuple(str(tmp_path / "out") if a == "OUT" else a for a in args)
    code, _, _ = run("check", str(PLAN_TXT), *args)
    assert code in (0, 1)
    assert [j.keep for j in jobs] == [keep]


def test_the_json_report_of_a_folder_is_the_same_with_one_and_two_jobs(inbox: Path) -> None:
    code1, one, _ = run("check", str(inbox), "--format", "json")
    code2, two, _ = run("check", str(inbox), "--format", "json", "--jobs", "2")
    assert code1 == code2 == 1
    assert one == two
    assert len(json.loads(two)["documents"]) == 25


def test_annotate_with_two_jobs_writes_the_same_copies_as_one_job(inbox: Path, tmp_path: Path) -> None:
    def parts(folder: Path) -> dict[str, tuple[bytes, bytes]]:
        copies = {}
        for path in sorted(folder.iterdir()):
            with zipfile.ZipFile(path) as package:
                comments = re.sub(rb' w:date="[^"]*"', b"", package.read("word/comments.xml"))  # when written
                copies[path.name] = (package.read("word/document.xml"), comments)
        return copies

    code1, _, err1 = run("check", str(inbox), "--annotate", str(tmp_path / "one"), "--format", "json")
    code2, _, err2 = run("check", str(inbox), "--annotate", str(tmp_path / "two"), "--jobs", "2", "--format", "json")
    assert code1 == code2 == 1, err1 + err2
    one, two = parts(tmp_path / "one"), parts(tmp_path / "two")
    assert len(two) == 24  # every readable document; not the broken one
    assert one == two
    # A text file's copy is a rendition of its blocks: the plan's text came back from the worker.
    body, comments = two["04-task-without-unit.txt.checked.docx"]
    assert body.count(b"<w:p>") + body.count(b"<w:p ") > 30 and "Vạn Ninh".encode() in body
    assert comments.count(b"<w:comment ") >= 2  # the summary, and a finding placed on the text


class _FakePool:
    """Runs tasks at once in this process and counts the files sent (stands in for ProcessPoolExecutor)."""

    created = 0

    def __init__(self, max_workers: int, initializer, initargs) -> None:  # noqa: ANN001
        type(self).created += 1
        initializer(*initargs)
        self.sent = 0

    def submit(self, fn, paths):  # noqa: ANN001, ANN201
        self.sent += len(paths)
        future: Future = Future()
        future.set_result(fn(paths))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def test_files_in_flight_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    pools: list[_FakePool] = []

    def pool(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        pools.append(_FakePool(*args, **kwargs))
        return pools[-1]

    monkeypatch.setattr(batch, "ProcessPoolExecutor", pool)
    monkeypatch.setattr(batch, "check_file", lambda path, *a, **k: DocumentReport(path=path, status="checked"))
    files = [Path(f"{i:04d}.txt") for i in range(500)]
    reports = check_all(files, Job(keep="no-text"), jobs=2, progress=False)
    window = batch.IN_FLIGHT * 2 * batch.CHUNK
    handed = 0
    most = 0
    for report in reports:
        assert report.path == str(files[handed])
        handed += 1
        most = max(most, pools[0].sent - handed)
        assert pools[0].sent - handed < window
    assert handed == 500 and pools[0].sent == 500 and len(pools) == 1
    assert most >= window - batch.CHUNK  # and the window is kept full, so the workers never wait


def test_tasks_of_several_files_go_to_the_workers_when_the_batch_is_large(monkeypatch: pytest.MonkeyPatch) -> None:
    sizes: list[int] = []

    class Counting(_FakePool):
        def submit(self, fn, paths):  # noqa: ANN001, ANN201
            sizes.append(len(paths))
            return super().submit(fn, paths)

    monkeypatch.setattr(batch, "ProcessPoolExecutor", Counting)
    monkeypatch.setattr(batch, "check_file", lambda path, *a, **k: DocumentReport(path=path, status="checked"))
    assert len(list(check_all([Path(f"{i}.txt") for i in range(100)], Job(), jobs=2, progress=False))) == 100
    assert max(sizes) == batch.CHUNK and sum(sizes) == 100
    sizes.clear()
    assert len(list(check_all([Path(f"{i}.txt") for i in range(5)], Job(), jobs=2, progress=False))) == 5
    assert sizes == [1] * 5  # a small batch is spread over the workers one file at a time


def test_a_crash_loses_no_result_when_tasks_hold_several_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The files of every task lost with the worker are checked again alone; the files not sent yet go to a
    fresh pool; only the file that kills its process is reported, and the order is kept."""
    real = batch.check_file

    def deadly(path, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if path.endswith("sat-thu.txt"):
            os._exit(3)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(batch, "check_file", deadly)  # inherited by the forked workers
    pools = []
    real_pool = batch._pool
    monkeypatch.setattr(batch, "_pool", lambda *args: pools.append(real_pool(*args)) or pools[-1])
    inbox = tmp_path / "nop"
    inbox.mkdir()
    names = [f"{i:02d}.txt" for i in range(20)]
    names[7] = "07-sat-thu.txt"
    for name in names:
        shutil.copy(PLAN_TXT, inbox / name)
    files = sorted(inbox.iterdir())
    reports = list(batch._parallel(files, Job(lang="en", keep="no-text"), 2, in_flight=6, chunk=2))
    assert [Path(r.path).name for r in reports] == names
    statuses = {Path(r.path).name: (r.status, r.findings[0].code if r.status != "checked" else None) for r in reports}
    assert statuses.pop("07-sat-thu.txt") == ("unreadable", "crashed")
    assert set(statuses.values()) == {("checked", None)}
    assert len(pools) == 2  # the files after the window were checked by a fresh pool, not each alone


def test_reports_are_kept_out_of_the_collectors_sight_only_while_the_batch_runs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    monkeypatch.setattr(batch, "check_file", lambda path, *a, **k: DocumentReport(path=path, status="checked"))
    files = [Path(f"{i}.txt") for i in range(20)]
    frozen = [gc.get_freeze_count() for _ in check_all(files, Job(), progress=False)]
    assert all(frozen) and gc.get_freeze_count() == 0  # frozen as handed back, all given back at the end
    gc.freeze()  # a caller that froze objects itself: its setting is left alone
    try:
        before = gc.get_freeze_count()
        assert len(list(check_all(files, Job(), progress=False))) == 20
        assert 0 < gc.get_freeze_count() <= before  # neither given back nor added to
    finally:
        gc.unfreeze()


def test_the_progress_bar_still_counts_every_document(inbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(inbox.iterdir())
    reports = list(check_all(files, Job(keep="no-text"), jobs=2, progress=True))
    assert [r.path for r in reports] == [str(f) for f in files]


@pytest.mark.parametrize("count", [0, 1, 3])
def test_the_json_report_written_in_pieces_is_the_report_rendered_whole(count: int) -> None:
    """The CLI writes the JSON report a document at a time: the text must be exactly the rendered report,
    with every top-level field after the documents (waiver problems, baseline, expected units)."""
    from datetime import date

    from checker.api import check_file
    from checker.formatters import json_format
    from checker.model.report import BaselineSummary, ExpectedUnit, WaiverProblem

    paths = [SAMPLES / "ke-hoach-ttdn-van-ninh-2019.docx", SAMPLES / "defects" / "no-deadline.txt",
             SAMPLES / "formats" / "ke-hoach-ttdn-van-ninh-2019.html"][:count]
    documents = [slim(check_file(p)) for p in paths]
    report = make_report(documents, [load_pack("ttdn")], "vi").model_copy(update={
        "expected": [ExpectedUnit(unit="UBND huyện Vạn Ninh", documents=[d.path for d in documents]),
                     ExpectedUnit(unit="UBND xã \"Ninh Hải\"\n")],
        "waiver_problems": [WaiverProblem(code="expired", source="w.yaml", index=1, rule="has-deadline",
                                          document="a.txt", expires=date(2026, 1, 1), message="hết hạn\n  ]")],
        "baseline": BaselineSummary(path="b.json", known=2, new=1)})
    pieces = list(json_format.pieces(report))
    assert len(pieces) == count + 2
    assert "".join(pieces) == json_format.render(report)
    assert [d["path"] for d in json.loads("".join(pieces))["documents"]] == [str(p) for p in paths]


def test_the_cli_writes_the_json_report_of_a_folder_as_rendered_whole(inbox: Path, tmp_path: Path) -> None:
    from checker.formatters import json_format

    code, _, _ = run("check", str(inbox), "--format", "json", "-o", str(tmp_path / "r.json"))
    _, printed, _ = run("check", str(inbox), "--format", "json")
    written = (tmp_path / "r.json").read_text(encoding="utf-8")
    assert code == 1 and written == printed
    documents = list(check_all(sorted(inbox.iterdir()), Job(keep="no-text"), progress=False))
    assert json.loads(written) == json.loads(json_format.render(report_for(documents)))
