"""Writing the files a user asked for: in the encoding asked for, atomically where the path is a regular file,
through links, FIFOs and devices as a shell redirection (``>``) does, with the umask honoured."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from checker import output


@pytest.fixture
def umask_027():
    """Run a test under umask 027 (not the usual 022, so a file made 0644 or 0600 regardless shows)."""
    previous = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_a_text_is_written_in_the_encoding_asked_for(encoding: str, tmp_path: Path) -> None:
    text = "Ủy ban nhân dân huyện Vạn Ninh\n"
    output.write_text(tmp_path / "report.txt", text, encoding)
    assert (tmp_path / "report.txt").read_bytes() == text.encode(encoding)  # utf-8-sig: one BOM, for Excel


def test_a_failed_write_leaves_the_previous_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    def broken(stream):
        stream.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        output.write_output(target, broken)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_regular_file_is_replaced_by_a_new_one(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    before = os.stat(target).st_ino
    output.write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert os.stat(target).st_ino != before  # renamed into place: a reader never sees half a file


@pytest.mark.usefixtures("umask_027")
def test_a_new_file_gets_the_mode_open_would_give(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    output.write_text(target, "x")
    with open(tmp_path / "by-open.txt", "w", encoding="utf-8") as handle:
        handle.write("x")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640 == stat.S_IMODE(os.stat(tmp_path / "by-open.txt").st_mode)


@pytest.mark.usefixtures("umask_027")
def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o604)
    output.write_text(target, "new")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o604
    assert target.read_text(encoding="utf-8") == "new"


def test_a_symbolic_link_stays_a_link_and_its_target_is_written(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old content, longer than the new one", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    output.write_text(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == "new"  # truncated, as with ">"


def test_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "made.txt")
    output.write_text(link, "new")
    assert link.is_symlink() and (tmp_path / "made.txt").read_text(encoding="utf-8") == "new"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_written_to_its_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    output.write_text(fifo, ["một ", "hai\n"])
    reader.join(timeout=10)
    assert received == ["một hai\n".encode()]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still a FIFO, not a regular file put in its place
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no temporary left behind


def _dev_null_is_a_writable_device() -> bool:
    try:
        return stat.S_ISCHR(os.lstat("/dev/null").st_mode) and os.access("/dev/null", os.W_OK)
    except OSError:
        return False


@pytest.mark.skipif(not _dev_null_is_a_writable_device(), reason="no writable /dev/null device here")
def test_dev_null_stays_a_device() -> None:
    output.write_text("/dev/null", "discarded\n")
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_a_character_device_is_written_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root, replacing /dev/null would break the machine: what the writer does with a device is shown on a
    # link-free stand-in, a path whose lstat says "character device" (no root needed, nothing at risk).
    target = tmp_path / "device"
    target.write_text("", encoding="utf-8")
    real_lstat = os.lstat

    def as_device(path, *args, **kwargs):
        found = real_lstat(path, *args, **kwargs)
        if Path(path) == target:
            return os.stat_result((stat.S_IFCHR | 0o666, *found[1:]))
        return found

    monkeypatch.setattr(output.os, "lstat", as_device)
    before = real_lstat(target).st_ino
    output.write_text(target, "written through")
    assert real_lstat(target).st_ino == before  # the same file, opened and written, not renamed over
    assert target.read_text(encoding="utf-8") == "written through"


def test_a_writable_file_in_a_folder_without_room_for_a_temporary_is_written_in_place(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A folder this process may not write in (shown without chmod, which root ignores).
    def refused(folder: Path, name: str) -> tuple[Path, int]:
        raise PermissionError(13, "Permission denied", str(folder))

    target = tmp_path / "report.txt"
    target.write_text("old, longer", encoding="utf-8")
    before = os.stat(target).st_ino
    monkeypatch.setattr(output, "_create_temporary", refused)
    output.write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new" and os.stat(target).st_ino == before
    with pytest.raises(PermissionError):
        output.write_text(tmp_path / "other.txt", "new")  # a new file there is still refused


@pytest.mark.usefixtures("umask_027")
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_every_output_of_the_command_is_written_like_a_redirection(tmp_path: Path) -> None:
    from conftest import run

    plan = Path(__file__).resolve().parents[1] / "samples" / "defects" / "no-basis.txt"
    report = tmp_path / "report.txt"
    report.write_text("", encoding="utf-8")
    (tmp_path / "report-link.txt").symlink_to(report)
    fifo = tmp_path / "summary.csv"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _, err = run("check", str(plan), "-o", str(tmp_path / "report-link.txt"), "--summary", str(fifo),
                       "--annotate", str(tmp_path / "copies"))
    reader.join(timeout=10)
    assert code == 1, err
    assert (tmp_path / "report-link.txt").is_symlink() and "no-basis.txt" in report.read_text(encoding="utf-8")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and b"no-basis.txt" in received[0]
    [copy] = (tmp_path / "copies").iterdir()
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o640  # 0666 less the umask, as for a file made with ">"
    code, _, err = run("rules", "derive", str(plan.parent.parent / "huong-dan-ttdn-vinh-linh-2023.txt"), "-o",
                       str(tmp_path / "pack.yaml"))
    assert code == 0, err
    assert stat.S_IMODE(os.stat(tmp_path / "pack.yaml").st_mode) == 0o640
