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
