"""Writing the files a user asked for: in the encoding asked for, atomically."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import output


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
        output.write_atomically(target, broken)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
