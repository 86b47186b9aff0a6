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


# --- The command line with a configuration ------------------------------------------------------------------

import shutil  # noqa: E402

from conftest import run  # noqa: E402

DEFECTS = Path(__file__).resolve().parents[1] / "samples" / "defects"


def _round(tmp_path: Path) -> Path:
    inbox = tmp_path / "nop"
    inbox.mkdir()
    for name in ("task-without-unit.txt", "no-deadline.txt"):
        shutil.copy(DEFECTS / name, inbox / name)
    return inbox


def test_the_configuration_sets_what_the_command_line_does_not(tmp_path: Path) -> None:
    inbox = _round(tmp_path)
    (tmp_path / ".plancheck.yaml").write_text("lang: en\nfail-on: never\nignore: [has-deadline]\n", encoding="utf-8")
    code, out, _ = run("check", str(inbox))
    assert code == 0 and "Total: documents: 2" in out and "has-deadline" not in out
    code, out, _ = run("check", str(inbox), "--lang", "vi", "--fail-on", "error")  # the command line wins
    assert code == 1 and "Tổng cộng: 2 văn bản" in out and "has-deadline" not in out
    code, out, _ = run("check", str(inbox), "--isolated")
    assert code == 1 and "Tổng cộng" in out and "has-deadline" in out
    other = tmp_path / "other.toml"
    other.write_text('lang = "en"\nselect = ["has-deadline"]\n', encoding="utf-8")
    code, out, _ = run("check", str(inbox), "--config", str(other), "--fail-on", "never")
    assert "has-deadline" in out and "assigns-tasks" not in out and "Total:" in out


def test_a_wrong_configuration_stops_the_check_with_file_line_and_key(tmp_path: Path) -> None:
    inbox = _round(tmp_path)
    (tmp_path / ".plancheck.yaml").write_text("lang: vi\nfail_on: never\n", encoding="utf-8")
    code, _, err = run("check", str(inbox))
    assert code == 2 and f"{tmp_path / '.plancheck.yaml'}:2: unknown key 'fail_on'" in err and "fail-on" in err


def test_plancheck_config_says_where_each_value_comes_from(tmp_path: Path) -> None:
    inbox = _round(tmp_path)
    (tmp_path / "plancheck.toml").write_text('lang = "en"\n\n[limits]\ntimeout = 30\n', encoding="utf-8")
    code, out, _ = run("config", str(inbox))
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines() if line and not line.startswith("#")}
    assert lines["lang"].split()[1] == "en" and lines["lang"].endswith(f"{tmp_path / 'plancheck.toml'}:1")
    assert "timeout=30" in lines["limits"] and lines["fail-on"].split()[1] == "error" and "default" in lines["fail-on"]
    assert "*.checked.docx" in lines["exclude"]


def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path / "khong-co.docx"))
    assert code == 2 and "khong-co.docx" in err and "no such file or folder" in err


def test_select_ignore_and_a_typo(tmp_path: Path) -> None:
    inbox = _round(tmp_path)
    code, out, _ = run("check", str(inbox), "--select", "has-deadline,assigns", "--ignore", "assigns-tasks",
                       "--format", "json", "--isolated")
    rules = {f["rule"] for d in __import__("json").loads(out)["documents"] for f in d["findings"]}
    assert rules == {"has-deadline"}
    code, _, err = run("check", str(inbox), "--ignore", "has-dealine", "--isolated")
    assert code == 2 and "has-dealine" in err


def test_statistics_and_quiet(tmp_path: Path) -> None:
    inbox = _round(tmp_path)
    code, out, _ = run("check", str(inbox), "--statistics", "--isolated")
    lines = out.splitlines()
    assert code == 1 and lines[-1].startswith("Tổng cộng: 2 văn bản")
    assert any(line.split()[1:3] == ["has-deadline", "no-deadline"] and line.split()[0] == "1" for line in lines)
    code, out, _ = run("check", str(inbox), "-q", "--isolated")
    assert code == 1 and out.count("\n") == 1 and out.startswith("Tổng cộng: 2 văn bản")


def test_exclude_gitignore_and_no_ignore(tmp_path: Path) -> None:
    inbox = _round(tmp_path)
    (inbox / "nhap").mkdir()
    shutil.copy(DEFECTS / "no-basis.txt", inbox / "nhap" / "ban-nhap.txt")
    shutil.copy(DEFECTS / "no-basis.txt", inbox / "ke-hoach.checked.docx")  # an annotated copy of an earlier run
    shutil.copy(DEFECTS / "no-basis.txt", inbox / "cu.txt")
    (inbox / ".gitignore").write_text("cu.txt\n", encoding="utf-8")

    def checked(*options: str) -> tuple[list[str], str]:
        _, out, _ = run("check", str(inbox), "--format", "json", "--isolated", *options)
        data = __import__("json").loads(out)
        return sorted(Path(d["path"]).name for d in data["documents"]), ",".join(sorted(map(str, data["excluded"])))

    names, excluded = checked()
    assert names == ["ban-nhap.txt", "no-deadline.txt", "task-without-unit.txt"]
    assert "cu.txt" in excluded and "ke-hoach.checked.docx" in excluded
    names, _ = checked("--extend-exclude", "nhap/")
    assert names == ["no-deadline.txt", "task-without-unit.txt"]
    names, _ = checked("--exclude", "nhap/", "--no-ignore")  # replaces the default list; .gitignore not read
    assert names == ["cu.txt", "ke-hoach.checked.docx", "no-deadline.txt", "task-without-unit.txt"]
    _, out, _ = run("check", str(inbox), "--isolated", "--fail-on", "never")
    assert "loại trừ 2 tệp" in out.splitlines()[-1]
    code, out, _ = run("check", str(inbox / "cu.txt"), "--isolated", "--fail-on", "never")  # named: checked
    assert code == 0 and "1 văn bản" in out


def test_the_readme_configuration_example_is_valid(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in readme.split("```yaml\n")[1:]]
    example = next(b for b in blocks if ".plancheck.yaml" in b)
    path = tmp_path / ".plancheck.yaml"
    path.write_text("\n".join(line.strip() for line in example.splitlines()), encoding="utf-8")
    config = load_config(path)
    assert config.values["rules"] == "ttdn" and config.values["limits"] == {"timeout": 60}
