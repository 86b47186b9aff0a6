"""Batches stream: slim reports unless the plan's text is needed, a bounded number of files in flight,
input order and crash recovery kept with several files queued per worker. Behaviour only; speed is in
benchmarks/."""

from __future__ import annotations

import json
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import report_for, run

from checker import batch, cli, workers
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


def test_files_in_flight_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """At most IN_FLIGHT files per worker are sent ahead of the report the caller waits for, and each worker
    gets AHEAD of them at a time, so it never waits for the parent between two files."""
    sent: list[int] = []
    most_queued = [0]
    real_send = workers.Worker.send

    def counting(self: workers.Worker, task: workers.Task) -> None:
        sent.append(task.key)
        real_send(self, task)
        most_queued[0] = max(most_queued[0], len(self.tasks))

    monkeypatch.setattr(workers.Worker, "send", counting)
    monkeypatch.setattr(batch, "check_file", lambda path, *a, **k: DocumentReport(path=path, status="checked"))
    files = [Path(f"{i:04d}.txt") for i in range(300)]
    window = batch.IN_FLIGHT * 2
    handed = 0
    for report in check_all(files, Job(keep="no-text"), jobs=2, progress=False):
        assert report.path == str(files[handed])
        handed += 1
        assert len(sent) - handed < window
    assert handed == 300 and sorted(sent) == list(range(300))
    assert most_queued[0] == workers.AHEAD


def test_a_crash_loses_no_result_and_a_fresh_worker_carries_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file whose process dies is reported alone; the files queued behind it in that process are
    checked by one fresh process, which goes on with the rest of the batch; the order is kept."""
    real = batch.check_file
    pids = tmp_path / "pids"

    def deadly(path, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        with open(pids, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        if path.endswith("sat-thu.txt"):
            os._exit(3)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(batch, "check_file", deadly)  # inherited by the forked workers
    inbox = tmp_path / "nop"
    inbox.mkdir()
    names = [f"{i:02d}.txt" for i in range(20)]
    names[7] = "07-sat-thu.txt"
    for name in names:
        shutil.copy(PLAN_TXT, inbox / name)
    files = sorted(inbox.iterdir())
    reports = list(batch._parallel(files, Job(lang="en", keep="no-text"), 2, in_flight=6))
    assert [Path(r.path).name for r in reports] == names
    statuses = {Path(r.path).name: (r.status, r.findings[0].code if r.status != "checked" else None) for r in reports}
    assert statuses.pop("07-sat-thu.txt") == ("unreadable", "crashed")
    assert set(statuses.values()) == {("checked", None)}
    assert len(set(pids.read_text(encoding="utf-8").split())) == 3  # two workers, and one that replaced the dead


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
