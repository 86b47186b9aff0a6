"""``check --cache DIR``: documents checked before are not checked again, and never give a stale report."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import run

from checker import batch
from checker.api import check_file
from checker.cache import Cache, tree_digest

ROOT = Path(__file__).resolve().parents[1]
DEFECTS = ROOT / "samples" / "defects"


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """A Word plan, an HTML article, two defect plans and a damaged file."""
    folder = tmp_path / "nop"
    folder.mkdir()
    shutil.copy(ROOT / "samples" / "ke-hoach-ttdn-van-ninh-2019.docx", folder / "van-ninh.docx")
    shutil.copy(next((ROOT / "samples").rglob("*.html")), folder / "bai-viet.html")
    for name in ("no-basis.txt", "task-without-unit.txt"):
        shutil.copy(DEFECTS / name, folder / name)
    (folder / "hong.docx").write_bytes(b"\x00garbage, not a zip")
    return folder


class Checked:
    """The names of the documents really checked (not taken from the cache), by whichever process checked
    them: each name is appended to a file, which worker processes write as well as this one."""

    def __init__(self, log: Path) -> None:
        self.log = log

    def names(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.names())

    def __len__(self) -> int:
        return len(self.names())

    def __eq__(self, other: object) -> bool:
        return self.names() == other

    def clear(self) -> None:
        self.log.unlink(missing_ok=True)


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Checked:
    log = Checked(tmp_path / "checked.log")
    real = batch.check_file

    def counting(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        with open(log.log, "a", encoding="utf-8") as out:
            out.write(Path(path).name + "\n")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(batch, "check_file", counting)  # inherited by forked worker processes
    monkeypatch.setattr(batch, "available_cpus", lambda: 1)  # --jobs auto: one worker, documents in order
    return log


def entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*.json"))


def test_a_second_run_checks_nothing_and_gives_the_same_report(inbox: Path, tmp_path: Path, checked: Checked) -> None:
    cache = tmp_path / "cache"
    code1, first, _ = run("check", str(inbox), "--cache", str(cache), "--format", "json")
    assert sorted(checked) == sorted(p.name for p in inbox.iterdir())
    assert len(entries(cache)) == 4  # not the damaged file: "unreadable" may come from the machine, not the file
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    checked.clear()
    code2, second, _ = run("check", str(inbox), "--cache", str(cache), "--format", "json")
    assert checked == ["hong.docx"]
    assert code1 == code2 == 1
    assert second == first
    code0, uncached, _ = run("check", str(inbox), "--format", "json")
    assert (code0, uncached) == (code1, first)


@pytest.mark.parametrize("fmt", ["text", "sarif", "html", "markdown", "junit", "github"])
def test_every_format_reads_the_same_from_the_cache(inbox: Path, tmp_path: Path, fmt: str) -> None:
    cache = tmp_path / "cache"
    fresh = run("check", str(inbox), "--format", fmt)
    assert run("check", str(inbox), "--format", fmt, "--cache", str(cache)) == fresh
    assert run("check", str(inbox), "--format", fmt, "--cache", str(cache)) == fresh


def test_a_changed_document_is_checked_again(inbox: Path, tmp_path: Path, checked: Checked) -> None:
    cache = tmp_path / "cache"
    run("check", str(inbox), "--cache", str(cache), "--format", "json")
    plan = inbox / "no-basis.txt"
    plan.write_text(plan.read_text(encoding="utf-8").replace("Căn cứ", "Thực hiện Hướng dẫn số 93-HD/BTGTU; căn cứ",
                                                              1), encoding="utf-8")
    checked.clear()
    _, out, _ = run("check", str(inbox), "--cache", str(cache), "--format", "json")
    assert checked == ["hong.docx", "no-basis.txt"]
    assert out == run("check", str(inbox), "--format", "json")[1]


@pytest.mark.parametrize("options", [("--lang", "en"), ("--rules", "default"), ("--format", "text"),
                                     ("--parent", "93-HD/BTGTU"), ("--limit", "blocks=50000")])
def test_other_options_are_another_cache(inbox: Path, tmp_path: Path, checked: Checked,
                                         options: tuple[str, str]) -> None:
    cache = tmp_path / "cache"
    run("check", str(inbox), "--cache", str(cache), "--format", "json")
    checked.clear()
    args = ("--format", "json", *options) if options[0] != "--format" else options
    code, out, _ = run("check", str(inbox), "--cache", str(cache), *args)
    assert len(checked) == 5  # nothing was taken from the entries of the first run (the same for each option)
    assert (code, out) == run("check", str(inbox), *args)[:2]


def test_a_changed_user_pack_is_another_cache(inbox: Path, tmp_path: Path, checked: Checked) -> None:
    shutil.copy(DEFECTS / "no-deadline.txt", inbox / "no-deadline.txt")  # the rule changed finds something
    pack = tmp_path / "pack.yaml"
    pack.write_text("extends: default\nrules:\n  has-deadline:\n    severity: info\n", encoding="utf-8")
    cache = tmp_path / "cache"
    _, lenient, _ = run("check", str(inbox), "--cache", str(cache), "--rules", str(pack))
    checked.clear()
    assert run("check", str(inbox), "--cache", str(cache), "--rules", str(pack))[1] == lenient
    assert checked == ["hong.docx"]
    pack.write_text("extends: default\nrules:\n  has-deadline:\n    severity: error\n", encoding="utf-8")
    code, strict, _ = run("check", str(inbox), "--cache", str(cache), "--rules", str(pack))
    assert code == 1 and len(checked) == 1 + 6
    assert strict != lenient and strict == run("check", str(inbox), "--rules", str(pack))[1]


def test_a_damaged_entry_is_checked_again_and_replaced(inbox: Path, tmp_path: Path, checked: Checked) -> None:
    cache = tmp_path / "cache"
    _, first, _ = run("check", str(inbox), "--cache", str(cache), "--format", "json")
    for entry in entries(cache)[:2]:
        entry.write_bytes(entry.read_bytes()[:100])  # cut short, as by a full disk
    checked.clear()
    _, second, _ = run("check", str(inbox), "--cache", str(cache), "--format", "json")
    assert len(checked) == 3 and second == first  # the two entries and the unreadable file
    assert all(json.loads(entry.read_bytes()) for entry in entries(cache))  # rewritten whole


def test_parallel_workers_fill_and_use_the_cache(inbox: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _, fresh, _ = run("check", str(inbox), "--format", "json", "--jobs", "1")
    assert run("check", str(inbox), "--format", "json", "--jobs", "2", "--cache", str(cache))[1] == fresh
    assert len(entries(cache)) == 4
    assert not [p for p in cache.rglob(".*") if p.is_file()]  # no temporary file left behind
    assert run("check", str(inbox), "--format", "json", "--jobs", "2", "--cache", str(cache))[1] == fresh


def test_a_doc_file_is_never_cached(tmp_path: Path) -> None:
    cache = Cache(tmp_path, "key")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    (tmp_path / "plan.txt").write_text("KẾ HOẠCH", encoding="utf-8")
    assert cache.entry(str(tmp_path / "old.doc"), 10**6) is None
    assert cache.entry(str(tmp_path / "missing.txt"), 10**6) is None
    assert cache.entry(str(tmp_path / "plan.txt"), 5) is None  # over the size limit: the reader says so
    assert cache.entry(str(tmp_path), 10**6) is None  # a folder
    found = cache.entry(str(tmp_path / "plan.txt"), 10**6)
    assert found is not None and found.path.parent.parent == tmp_path


def test_the_key_of_a_document_is_its_name_and_bytes(tmp_path: Path) -> None:
    cache = Cache(tmp_path, "key")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("KẾ HOẠCH", encoding="utf-8")
    a, b = (cache.entry(str(tmp_path / n), 10**6) for n in ("a.txt", "b.txt"))
    assert a is not None and b is not None and a != b  # a report names its document
    again = Cache(tmp_path, "key").entry(str(tmp_path / "a.txt"), 10**6)
    other = Cache(tmp_path, "other key").entry(str(tmp_path / "a.txt"), 10**6)
    assert again == a and other != a


def test_any_change_to_the_code_changes_its_digest(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "checker", tmp_path / "checker", ignore=shutil.ignore_patterns("__pycache__"))

    def digest() -> str:
        found = hashlib.sha256()
        tree_digest(tmp_path / "checker", found)
        return found.hexdigest()

    before = digest()
    (tmp_path / "checker" / "__pycache__").mkdir(exist_ok=True)
    (tmp_path / "checker" / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    assert digest() == before  # compiled bytecode is not the code
    vocabulary = tmp_path / "checker" / "extract" / "vocabulary.py"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert digest() != before


def test_a_cache_folder_that_cannot_be_written_stops_before_any_check(inbox: Path, tmp_path: Path,
                                                                      checked: Checked) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file, not a folder")
    code, out, err = run("check", str(inbox), "--cache", str(blocker / "sub"))
    assert code == 2 and out == "" and checked == []
    assert "cache folder error" in err and str(blocker / "sub") in err


def test_without_the_option_nothing_is_written(inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    run("check", str(inbox), "--format", "json")
    assert sorted(tmp_path.rglob("*")) == before


def test_cached_reports_are_read_here_and_only_the_rest_goes_to_workers(
        inbox: Path, tmp_path: Path, parallel_runs: list[tuple[int, list[str]]]) -> None:
    def sent() -> list[list[str]]:
        return [names for _, names in parallel_runs]

    cache = tmp_path / "cache"
    _, fresh, _ = run("check", str(inbox), "--format", "json", "--jobs", "2", "--cache", str(cache))
    assert sent() == [sorted(p.name for p in inbox.iterdir())]
    for name in ("no-basis.txt", "task-without-unit.txt"):
        (inbox / name).write_text((inbox / name).read_text(encoding="utf-8") + "\nGhi chú.\n", encoding="utf-8")
    _, changed, _ = run("check", str(inbox), "--format", "json", "--jobs", "2", "--cache", str(cache))
    # The two readable unchanged documents were read from the cache here; the unreadable one is read again.
    assert sent()[1:] == [["hong.docx", "no-basis.txt", "task-without-unit.txt"]]
    assert changed == run("check", str(inbox), "--format", "json", "--jobs", "1")[1]
    assert run("check", str(inbox), "--format", "json", "--jobs", "2", "--cache", str(cache))[1] == changed
    assert len(sent()) == 2  # every readable report cached, one document to check: no worker started


def test_a_document_changed_while_it_is_checked_is_not_kept(inbox: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    real = batch.check_file

    def edited_meanwhile(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        report = real(path, *args, **kwargs)
        if path.endswith("no-basis.txt"):  # saved again by its author while plancheck read the old text
            Path(path).write_text(Path(path).read_text(encoding="utf-8") + "\nCăn cứ Hướng dẫn số 93-HD/BTGTU.\n",
                                  encoding="utf-8")
        return report

    monkeypatch.setattr(batch, "check_file", edited_meanwhile)
    cache = tmp_path / "cache"
    run("check", str(inbox), "--cache", str(cache), "--jobs", "1")
    assert len(entries(cache)) == 3  # every readable document but the one that changed under the check
    monkeypatch.setattr(batch, "check_file", real)
    assert run("check", str(inbox), "--cache", str(cache))[1] == run("check", str(inbox))[1]


def test_a_document_given_twice_is_reported_twice(inbox: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    twice = (str(inbox), str(inbox / "no-basis.txt"), "--format", "json")
    fresh = run("check", *twice, "--jobs", "1")
    for _ in range(2):  # filling the cache, then reading from it
        code, out, _ = run("check", *twice, "--cache", str(cache))
        assert (code, out) == fresh[:2]
        assert [Path(d["path"]).name for d in json.loads(out)["documents"]].count("no-basis.txt") == 2


def test_rules_in_another_order_are_another_cache(inbox: Path, tmp_path: Path, checked: Checked) -> None:
    pack = tmp_path / "pack.yaml"
    first = "  deadline-soon:\n    kind: has_deadline\n    severity: info\n    params: {max_years_off: 0}\n"
    second = "  deadline-late:\n    kind: has_deadline\n    severity: warning\n    params: {max_years_off: 2}\n"
    pack.write_text(f"extends: default\nrules:\n{first}{second}", encoding="utf-8")
    cache = tmp_path / "cache"
    run("check", str(inbox), "--cache", str(cache), "--rules", str(pack), "--format", "json")
    pack.write_text(f"extends: default\nrules:\n{second}{first}", encoding="utf-8")
    checked.clear()
    _, out, _ = run("check", str(inbox), "--cache", str(cache), "--rules", str(pack), "--format", "json")
    assert len(checked) == 5
    assert out == run("check", str(inbox), "--rules", str(pack), "--format", "json")[1]


def test_a_renamed_pack_file_with_against_is_another_cache(tmp_path: Path) -> None:
    """The pack derived from --against is named after the pack file (mine+parent.txt): a cached report must
    not keep the old name when only the file's name changed."""
    plan = tmp_path / "nop" / "ke-hoach.txt"
    plan.parent.mkdir()
    shutil.copy(ROOT / "samples" / "ke-hoach-ttdn-van-ninh-2019.txt", plan)
    parent = tmp_path / "huong-dan.txt"
    shutil.copy(ROOT / "samples" / "huong-dan-ttdn-vinh-linh-2023.txt", parent)
    cache = tmp_path / "cache"
    for name in ("a.yaml", "b.yaml"):
        pack = tmp_path / name
        pack.write_text("name: mine\nextends: default\nrules: {}\n", encoding="utf-8")
        args = (str(plan.parent), "--rules", str(pack), "--against", str(parent), "--format", "json")
        _, out, _ = run("check", *args, "--cache", str(cache))
        assert out == run("check", *args)[1]
        assert json.loads(out)["documents"][0]["pack"] == f"{Path(name).stem}+huong-dan.txt"


def test_a_file_name_that_is_not_text_is_checked_and_not_kept(inbox: Path, tmp_path: Path) -> None:
    name = os.fsdecode(b"k\xe9-hoach.txt")  # a Latin-1 name from an old archive: not UTF-8
    shutil.copy(DEFECTS / "no-deadline.txt", inbox / name)
    cache = tmp_path / "cache"
    fresh = run("check", str(inbox), "--jobs", "1")
    assert run("check", str(inbox), "--cache", str(cache)) == fresh
    assert run("check", str(inbox), "--cache", str(cache)) == fresh


def test_an_entry_is_only_ever_the_report_of_its_own_document(inbox: Path, tmp_path: Path) -> None:
    """An entry put in place of another (copied, or planted by someone who can write the folder) is not
    taken as the report of a document it does not name."""
    cache = tmp_path / "cache"
    _, fresh, _ = run("check", str(inbox), "--cache", str(cache), "--format", "json")
    job = Cache(cache, "key")
    good = job.entry(str(inbox / "task-without-unit.txt"), 10**6)
    other = job.entry(str(inbox / "no-basis.txt"), 10**6)
    assert good is not None and other is not None
    other.put(check_file(inbox / "task-without-unit.txt"))
    assert other.get() is None
    good.put(check_file(inbox / "task-without-unit.txt"))
    assert good.get() == check_file(inbox / "task-without-unit.txt")
