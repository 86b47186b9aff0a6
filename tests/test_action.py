"""The GitHub Action (action.yml): its inputs reach real ``plancheck check`` options, and its steps run.

The check step's script is run here with bash as the runner would run it: its ``env:`` expressions filled
in from the inputs, ``plancheck`` from this environment (or a stand-in that records its arguments). The
install step is run too, with ``PIP_NO_DEPS`` so that it stays fast.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from checker.cli import check

ROOT = Path(__file__).resolve().parents[1]
ACTION: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = {step.get("id"): step for step in ACTION["runs"]["steps"]}
SAMPLE = ROOT / "samples" / "defects" / "no-basis.txt"
BASH = shutil.which("bash")
needs_bash = pytest.mark.skipif(BASH is None, reason="bash is not installed")

#: Each input → the ``plancheck check`` option it becomes (paths are the arguments; sarif a second run).
OPTIONS = {"rules": "--rules", "against": "--against", "format": "--format", "fail-on": "--fail-on",
           "sarif": "--output"}


def check_options() -> dict[str, click.Option]:
    return {name: p for p in check.params if isinstance(p, click.Option) for name in [*p.opts, *p.secondary_opts]}


def choices(option: str) -> set[str]:
    kind = check_options()[option].type
    assert isinstance(kind, click.Choice)
    return {str(c) for c in kind.choices}


def test_a_composite_action_with_the_inputs_of_plancheck_check() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"paths", *OPTIONS, "python-version"}
    assert all(spec.get("description") for spec in ACTION["inputs"].values())
    defaults = {name: spec.get("default") for name, spec in ACTION["inputs"].items()}
    assert defaults == {"paths": ".", "rules": "", "against": "", "format": "github", "fail-on": "error",
                        "sarif": "", "python-version": "3.11"}
    known = check_options()
    assert [option for option in OPTIONS.values() if option not in known] == []
    assert defaults["format"] in choices("--format") and defaults["fail-on"] in choices("--fail-on")
    assert "sarif" in choices("--format")
    assert ACTION["outputs"]["sarif"]["value"] == "${{ steps.check.outputs.sarif }}"


def test_the_script_uses_only_real_options() -> None:
    script = STEPS["check"]["run"]
    lines = [line for line in script.splitlines() if '"$PLANCHECK" check' in line]
    assert len(lines) == 2  # the SARIF run and the run whose report is in the log
    used = {word for line in lines for word in shlex.split(line) if word.startswith("--")}
    used |= set(re.findall(r"\+=\((--[a-z-]+)", script))
    assert used - set(check_options()) == set()
    assert set(OPTIONS.values()) <= used


def test_setup_python_then_install_this_checkout() -> None:
    (setup,) = [s for s in ACTION["runs"]["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
    assert setup["with"]["python-version"] == "${{ inputs.python-version }}"
    assert '"$GITHUB_ACTION_PATH"' in STEPS["install"]["run"]
    assert STEPS["check"]["env"]["PLANCHECK"] == "${{ steps.install.outputs.plancheck }}"


def step_env(step: dict[str, Any], inputs: dict[str, str], outputs: dict[str, str]) -> dict[str, str]:
    """The step's ``env:`` as the runner fills it: only inputs and the install step's outputs are known."""
    given = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()} | inputs
    known = {f"inputs.{name}": value for name, value in given.items()}
    known |= {f"steps.install.outputs.{name}": value for name, value in outputs.items()}

    def fill(match: re.Match[str]) -> str:
        assert match.group(1) in known, f"unknown expression {match.group(0)}"
        return known[match.group(1)]

    return {key: re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", fill, str(value)) for key, value in step["env"].items()}


def run_check_step(tmp_path: Path, plancheck: str, **inputs: str) -> tuple[subprocess.CompletedProcess[str], str]:
    output = tmp_path / "github_output"
    output.write_text("", encoding="utf-8")
    env = {**os.environ, **step_env(STEPS["check"], inputs, {"plancheck": plancheck}), "GITHUB_OUTPUT": str(output)}
    done = subprocess.run([BASH, "-c", STEPS["check"]["run"]], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300)
    return done, output.read_text(encoding="utf-8")


def recorder(tmp_path: Path) -> tuple[str, Path]:
    """A stand-in for plancheck that writes each call's arguments as one JSON line."""
    log = tmp_path / "calls.jsonl"
    script = tmp_path / "fake-plancheck"
    script.write_text(f"#!{sys.executable}\nimport json, sys\n"
                      f"open({str(log)!r}, 'a', encoding='utf-8').write(json.dumps(sys.argv[1:]) + '\\n')\n",
                      encoding="utf-8")
    script.chmod(0o755)
    return str(script), log


def calls(log: Path) -> list[list[str]]:
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


@needs_bash
def test_the_defaults_check_the_workspace_with_annotations(tmp_path: Path) -> None:
    plancheck, log = recorder(tmp_path)
    done, outputs = run_check_step(tmp_path, plancheck)
    assert done.returncode == 0, done.stderr
    assert calls(log) == [["check", ".", "--format", "github", "--fail-on", "error"]]
    assert outputs == ""


@needs_bash
def test_each_input_becomes_its_option(tmp_path: Path) -> None:
    plancheck, log = recorder(tmp_path)
    paths = "nộp/Kế hoạch số 1.docx\r\n\n  ke-hoach 2.txt  \nfolder/"  # one per line; spaces inside kept
    done, outputs = run_check_step(tmp_path, plancheck, paths=paths, rules="ttdn", against="cap-tren/93-HD.docx",
                                   format="text", **{"fail-on": "warning"}, sarif="out/plancheck.sarif")
    assert done.returncode == 0, done.stderr
    files = ["nộp/Kế hoạch số 1.docx", "ke-hoach 2.txt", "folder/"]
    chosen = ["--rules", "ttdn", "--against", "cap-tren/93-HD.docx"]
    assert calls(log) == [
        ["check", *files, *chosen, "--format", "sarif", "--output", "out/plancheck.sarif", "--fail-on", "never"],
        ["check", *files, *chosen, "--format", "text", "--fail-on", "warning"],
    ]
    assert outputs == "sarif=out/plancheck.sarif\n"


@needs_bash
def test_inputs_are_never_run_as_shell(tmp_path: Path) -> None:
    plancheck, log = recorder(tmp_path)
    done, _ = run_check_step(tmp_path, plancheck, paths="$(touch pwned)", rules="`touch pwned`")
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "pwned").exists()
    assert calls(log) == [["check", "$(touch pwned)", "--rules", "`touch pwned`", "--format", "github",
                           "--fail-on", "error"]]


@needs_bash
def test_a_plan_with_an_error_fails_the_step_and_the_sarif_names_the_rule(tmp_path: Path) -> None:
    plancheck = shutil.which("plancheck", path=str(Path(sys.executable).parent))
    assert plancheck is not None
    shutil.copy(SAMPLE, tmp_path / "no-basis.txt")
    done, outputs = run_check_step(tmp_path, plancheck, paths="no-basis.txt", sarif="plancheck.sarif")
    assert done.returncode == 1, done.stderr
    assert "::error file=no-basis.txt,title=cites-parent (no-basis)::" in done.stdout
    assert done.stdout.rstrip().splitlines()[-1].startswith("::notice title=plancheck::")
    sarif = json.loads((tmp_path / "plancheck.sarif").read_text(encoding="utf-8"))
    assert "cites-parent" in {result["ruleId"] for result in sarif["runs"][0]["results"]}
    assert outputs == "sarif=plancheck.sarif\n"
    passed, _ = run_check_step(tmp_path, plancheck, paths="no-basis.txt", **{"fail-on": "never"})
    assert passed.returncode == 0, passed.stderr


@needs_bash
def test_the_install_step_installs_this_checkout_in_a_venv_of_its_own(tmp_path: Path) -> None:
    output = tmp_path / "github_output"
    output.write_text("", encoding="utf-8")
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])  # `python` as set up
    env = {**os.environ, "PATH": path, "RUNNER_TEMP": str(tmp_path), "GITHUB_ACTION_PATH": str(ROOT),
           "GITHUB_OUTPUT": str(output), "PIP_NO_DEPS": "1"}  # the dependencies are not what is tested here
    done = subprocess.run([BASH, "-c", STEPS["install"]["run"]], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    (line,) = output.read_text(encoding="utf-8").splitlines()
    key, _, executable = line.partition("=")
    assert key == "plancheck" and Path(executable).is_file()
    assert Path(executable).parent.parent == tmp_path / "plancheck-action-venv"


def readme_workflows() -> list[dict[str, Any]]:
    """The README's YAML blocks that use the action (one per language)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in readme.split("```yaml\n")[1:]]
    return [yaml.safe_load(block) for block in blocks if "/plancheck@" in block]


def test_the_readme_workflows_use_real_inputs_and_upload_the_sarif_they_ask_for() -> None:
    workflows = readme_workflows()
    assert len(workflows) == 2  # Vietnamese and English
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    repositories = {url.removeprefix("https://github.com/") for url in project["urls"].values()}
    for workflow in workflows:
        (job,) = workflow["jobs"].values()
        assert job["permissions"]["security-events"] == "write"
        (action,) = [step for step in job["steps"] if "/plancheck@" in step.get("uses", "")]
        assert action["uses"].split("@")[0] in repositories  # the one the project URLs name
        assert set(action["with"]) <= set(ACTION["inputs"])
        (upload,) = [s for s in job["steps"] if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
        assert upload["with"]["sarif_file"] == action["with"]["sarif"]
        assert "!cancelled()" in upload["if"]  # the action's step fails when plancheck finds errors: upload anyway
        assert job["steps"].index(upload) > job["steps"].index(action)

