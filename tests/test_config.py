"""The project configuration file: found like ruff's, validated with file, line and key in errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import ConfigError, find_config, load_config


def test_the_nearest_file_wins_and_a_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / ".plancheck.yaml").write_text("lang: en\n", encoding="utf-8")
    round_ = tmp_path / "dot-2025" / "nop"
    round_.mkdir(parents=True)
    (tmp_path / "dot-2025" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config(round_) == tmp_path / ".plancheck.yaml"
    (tmp_path / "dot-2025" / "pyproject.toml").write_text("[tool.plancheck]\nlang = 'vi'\n", encoding="utf-8")
    assert find_config(round_) == tmp_path / "dot-2025" / "pyproject.toml"
    (round_ / "plancheck.toml").write_text("lang = 'en'\n", encoding="utf-8")
    assert find_config(round_ / "ke-hoach.docx") == round_ / "plancheck.toml"
    (round_ / ".plancheck.yaml").write_text("lang: vi\n", encoding="utf-8")
    assert find_config(round_) == round_ / ".plancheck.yaml"  # YAML before TOML in one folder


def test_values_paths_relative_to_the_file_and_lines(tmp_path: Path) -> None:
    path = tmp_path / ".plancheck.yaml"
    path.write_text("# vòng rà soát 2025\nrules: ttdn\nagainst: ../huong-dan.docx\nexpect: parent\n"
                    "ignore: [vague-assignee]\nfail-on: warning\njobs: 2\nlimits: {timeout: 60, file-size: 20MB}\n",
                    encoding="utf-8")
    config = load_config(path)
    assert config.values["rules"] == "ttdn" and config.values["expect"] == "parent"  # names, not paths
    assert config.values["against"] == str((tmp_path.parent / "huong-dan.docx").resolve())
    assert config.values["ignore"] == ["vague-assignee"] and config.values["jobs"] == 2
    assert config.source("fail-on") == f"{path}:6"


def test_pyproject_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n[tool.plancheck]\nformat = "sarif"\nselect = ["cites"]\n'
                    '\n[tool.plancheck.limits]\ntimeout = 30\n', encoding="utf-8")
    config = load_config(path)
    assert config.values == {"format": "sarif", "select": ["cites"], "limits": {"timeout": 30}}
    assert config.source("select") == f"{path}:6"


@pytest.mark.parametrize(("text", "expected"), [
    ("lang: vi\nfial-on: warning\n", [":2: unknown key 'fial-on'", "did you mean 'fail-on'?"]),
    ("format: pdf\n", [":1: format: 'pdf' is not one of"]),
    ("jobs: 0\n", [":1: jobs:"]),
    ("limits: {timeuot: 5}\n", [":1: limits:", "timeuot"]),
    ("- a list\n", ["must be a mapping"]),
    ("rules: [\n", ["not valid YAML"]),
])
def test_a_wrong_file_names_file_line_and_key(tmp_path: Path, text: str, expected: list[str]) -> None:
    path = tmp_path / ".plancheck.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert str(path) in message
    for part in expected:
        assert part in message, message


def test_a_wrong_toml_key_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "plancheck.toml"
    path.write_text('lang = "vi"\n\nsellect = ["cites"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"plancheck\.toml:3: unknown key 'sellect'.*did you mean 'select'"):
        load_config(path)
