"""The CI examples (examples/ci/) and the pre-commit hook (.pre-commit-hooks.yaml) parse and use real options."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from checker.cli import check

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "ci"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
FILES = [EXAMPLES / "github-actions.yml", EXAMPLES / "gitlab-ci.yml", EXAMPLES / "pre-commit-config.yaml", HOOKS]
# Formats being added to the command at the same time as these examples.
NEW_FORMATS = {"junit", "github", "sarif"}


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def strings(data: Any) -> list[str]:
    """Every string in a YAML document, depth first."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for key, value in data.items() for s in strings(key) + strings(value)]
    if isinstance(data, list):
        return [s for item in data for s in strings(item)]
    return []


def commands(data: Any) -> list[list[str]]:
    """The arguments after ``plancheck check`` of every command line in a YAML document."""
    found = []
    for text in strings(data):
        for line in text.splitlines():
            if "plancheck check" not in line:
                continue
            words = shlex.split(line)
            for i in range(len(words) - 1):
                if words[i : i + 2] == ["plancheck", "check"]:
                    found.append(words[i + 2 :])
    return found


def options() -> dict[str, click.Option]:
    return {name: p for p in check.params if isinstance(p, click.Option) for name in [*p.opts, *p.secondary_opts]}


def formats() -> set[str]:
    param = options()["--format"]
    assert isinstance(param.type, click.Choice)
    return {str(c) for c in param.type.choices} | NEW_FORMATS


def unknown_options(args: list[str]) -> list[str]:
    """The problems of ``plancheck check ARGS``: options the command does not list, or bad --format values."""
    known = options()
    problems = []
    words = iter(args)
    for word in words:
        if not word.startswith("-"):
            continue
        name, _, value = word.partition("=")
        param = known.get(name)
        if param is None:
            problems.append(f"unknown option {name}")
            continue
        if not param.is_flag and not value:
            value = next(words, "")
        if name == "--format" and value not in formats():
            problems.append(f"unknown format {value}")
    return problems


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_yaml_parses(path: Path) -> None:
    assert isinstance(load(path), dict | list)


def test_the_checker_itself_catches_bad_options() -> None:
    assert unknown_options(["x/", "--format", "junit", "-o", "r.xml", "--fail-on", "warning"]) == []
    assert unknown_options(["x/", "--format=sarif", "--lang", "en"]) == []
    assert unknown_options(["x/", "--formats", "junit"]) == ["unknown option --formats"]
    assert unknown_options(["x/", "--format", "xml"]) == ["unknown format xml"]
    assert commands({"run": "pip install .\nplancheck check a/ --format github"}) == [["a/", "--format", "github"]]


def test_github_workflow() -> None:
    workflow = load(EXAMPLES / "github-actions.yml")
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = [step["run"] for step in steps if "run" in step]
    assert "pip install ." in runs
    cache = "$RUNNER_TEMP/plancheck-cache"
    assert commands(workflow) == [["submissions/", "--format", "sarif", "-o", "plancheck.sarif", "--fail-on", "never",
                                   "--cache", cache], ["submissions/", "--format", "github", "--cache", cache]]
    # The cache lives outside the checkout (a committed file would be taken as a report), one per job (their
    # formats keep different reports), restored from the latest run and saved even when the check fails.
    restores = [step for step in steps if step.get("uses", "").startswith("actions/cache/restore@")]
    saves = [step for step in steps if step.get("uses", "").startswith("actions/cache/save@")]
    assert [s["with"]["path"] for s in restores + saves] == ["${{ runner.temp }}/plancheck-cache"] * 4
    assert [s["with"]["restore-keys"] for s in restores] == ["plancheck-sarif-", "plancheck-github-"]
    assert [s["with"]["key"] for s in saves] == [s["with"]["key"] for s in restores]
    assert all(r["with"]["key"].startswith(r["with"]["restore-keys"]) for r in restores)
    assert all("!cancelled()" in s["if"] for s in saves)
    assert all(unknown_options(args) == [] for args in commands(workflow))
    setups = [step for step in steps if step.get("uses", "").startswith("actions/setup-python@")]
    assert setups and all(step["with"]["python-version"] == "3.11" for step in setups)
    (upload,) = [step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload["with"]["sarif_file"] == "plancheck.sarif"
    assert "!cancelled()" in upload["if"]  # the check step fails when it finds errors: upload anyway
    (sarif_job,) = [job for job in workflow["jobs"].values() if upload in job["steps"]]
    assert sarif_job["permissions"]["security-events"] == "write"


def test_gitlab_job() -> None:
    (job,) = load(EXAMPLES / "gitlab-ci.yml").values()
    assert "pip install ." in job["script"]
    assert commands(job) == [["submissions/", "--format", "junit", "-o", "plancheck.xml"]]
    assert unknown_options(commands(job)[0]) == []
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"]["junit"] == "plancheck.xml"


def test_pre_commit_hook() -> None:
    (hook,) = load(HOOKS)
    assert (hook["id"], hook["entry"], hook["language"], hook["pass_filenames"]) == (
        "plancheck", "plancheck check", "python", True)
    files = re.compile(hook["files"])  # pre-commit searches each path with the regex
    exclude = re.compile(hook["exclude"])

    def taken(path: str) -> bool:
        return bool(files.search(path)) and not exclude.search(path)

    for path in ("x.docx", "submissions/Kế hoạch 45.DOCX", "a/b.txt", "k.html", "k.htm", "k.pdf", "cu/KH-12.doc",
                 "nop/KE-HOACH.ODT", "x.odt", "nop/ke-hoach-tuyen-truyen.txt", "nop/readme-notes/ke-hoach.txt"):
        assert taken(path), path
    # pictures are mostly logos and figures: a repository of scans adds them in its own config
    for path in ("scan/ke-hoach.png", "logo.JPG", "x.jpeg", "x.tif", "x.gif", "x.svg", "x.webp", "x.docxx",
                 "x.png.bak", "x.odts", "x.ods", "x.tifff",
                 "docx", "x.xlsx", "requirements.txt", "app/requirements-dev.txt",
                 "README.txt", "LICENSE.txt", "docs/CHANGELOG.txt", "robots.txt"):
        assert not taken(path), path


def test_pre_commit_config_uses_the_hook_with_real_options() -> None:
    config = load(EXAMPLES / "pre-commit-config.yaml")
    (repo,) = config["repos"]
    assert repo["repo"].startswith("https://") and repo["rev"]
    (hook,) = repo["hooks"]
    (definition,) = load(HOOKS)
    assert hook["id"] == definition["id"]
    assert "files" not in hook  # replacing the hook's files regex would pass pictures and the like to plancheck
    args = shlex.split(definition["entry"])[2:] + hook.get("args", [])
    assert args and unknown_options(args) == []
