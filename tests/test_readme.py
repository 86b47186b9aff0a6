"""The README's example output is what the tool prints today."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_readme_example_output_is_current(monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```text\n$ plancheck ", 1)[1].split("```", 1)[0]
    command, expected = block.split("\n", 1)
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, command.split())
    assert result.stdout == expected


def test_readme_states_what_checking_the_samples_prints(monkeypatch):
    """Both languages quote the summary line of ``plancheck check samples/`` (command 1): it must be the real one."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["check", "samples/"])
    assert result.exit_code == 1
    last = result.stdout.rstrip().splitlines()[-1]
    assert last.startswith("Tổng cộng: ")
    assert readme.count(f"Lệnh 1 in `{last}`") == 1 and readme.count(f"Command 1 prints `{last}`") == 1
