"""Test cases carried by rule packs (``tests:``) and ``plancheck rules test``."""

from __future__ import annotations

import textwrap

import pytest
import yaml
from click.testing import CliRunner
from conftest import build_plan

from checker.cli import main
from checker.engine.packs import load_pack
from checker.engine.packtests import run_pack_tests


def run(*args: str):
    return CliRunner().invoke(main, ["rules", "test", *args])


def pack_with_case(case: str | list[dict], extends: str = "default", rules: str = "{}") -> str:
    """A pack extending ``extends`` whose own test cases are ``case`` (YAML text, or data to dump)."""
    if not isinstance(case, str):
        case = yaml.safe_dump(case, allow_unicode=True, sort_keys=False)
    return f"extends: {extends}\nrules: {rules}\ntests:\n" + textwrap.indent(textwrap.dedent(case), "  ")


NO_UNIT = build_plan(implementation="III. TỔ CHỨC THỰC HIỆN\n1. Phòng Nội vụ chủ trì triển khai Kế hoạch này.\n"
                                    "2. Theo dõi, tổng hợp tình hình thực hiện.", reporting="")


@pytest.mark.parametrize(("pack", "count"), [("default", 4), ("ttdn", 8)])
def test_builtin_pack_cases_pass(pack, count):
    result = run(pack)
    assert result.exit_code == 0, result.output
    assert result.output.endswith(f"{count} passed, 0 failed\n")
    assert result.output.count("✓ ") == count
    assert "default.yaml" in result.output


def test_ttdn_runs_the_cases_of_default_first_without_its_own_rules():
    results = run_pack_tests(load_pack("ttdn"))
    assert [r.source.split(":")[0].rsplit("/", 1)[-1] for r in results] == ["default.yaml"] * 4 + ["ttdn.yaml"] * 4
    assert all(r.passed for r in results)


def test_a_wrong_expectation_fails_and_shows_what_was_found(write_pack):
    path = write_pack(pack_with_case([{"name": "wrong code", "text": NO_UNIT, "only": ["assigns-tasks"],
                                       "expect": [{"rule": "assigns-tasks", "code": "no-tasks"}]}]))
    result = run(str(path), "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "✗ wrong code" in result.output
    assert "missing expected finding {rule=assigns-tasks, code=no-tasks}" in result.output
    assert "found: assigns-tasks/task-without-unit (error)" in result.output
    assert result.output.endswith("4 passed, 1 failed\n")


def test_message_count_and_severity_are_compared(write_pack):
    path = write_pack(pack_with_case([
        {"name": "message in either language", "text": NO_UNIT, "expect": [
            {"rule": "assigns-tasks", "severity": "error", "message": "KHÔNG CÓ CƠ QUAN, ĐƠN VỊ", "count": 1},
            {"rule": "assigns-tasks", "message": "no responsible unit"}]},
        {"name": "wrong severity", "text": NO_UNIT, "expect": [{"rule": "assigns-tasks", "severity": "info"}]},
        {"name": "wrong count", "text": NO_UNIT, "expect": [{"rule": "assigns-tasks", "count": 2}]},
    ]))
    results = {r.name: r for r in run_pack_tests(load_pack(str(path)))}
    assert results["message in either language"].passed, results["message in either language"].problems
    assert not results["wrong severity"].passed
    assert not results["wrong count"].passed
    assert "expected 2 finding(s) {rule=assigns-tasks, count=2}, got 1" in results["wrong count"].problems[0]


def test_a_forbidden_finding_that_appears_fails(write_pack):
    path = write_pack(pack_with_case([{"name": "no unit forbidden", "text": NO_UNIT,
                                       "forbid": [{"rule": "assigns-tasks"}]}]))
    result = run(str(path))
    assert result.exit_code == 1
    assert "✗ no unit forbidden" in result.output
    assert "forbidden finding {rule=assigns-tasks} appeared: assigns-tasks/task-without-unit" in result.output


def test_only_restricts_the_rules(write_pack):
    text = "KẾ HOẠCH\nTuyên truyền năm 2023\nIII. TỔ CHỨC THỰC HIỆN\n1. Theo dõi tình hình.\n"
    path = write_pack(pack_with_case([
        {"name": "only has-deadline", "text": text, "only": ["has-deadline"], "expect": [{"rule": "has-deadline"}],
         "forbid": [{"rule": "assigns-tasks"}, {"rule": "cites-parent"}]},
        {"name": "every rule", "text": text, "expect": [{"rule": "assigns-tasks"}, {"rule": "cites-parent"}]},
    ]))
    results = {r.name: r for r in run_pack_tests(load_pack(str(path)))}
    assert results["only has-deadline"].passed, results["only has-deadline"].problems
    assert results["every rule"].passed, results["every rule"].problems


def test_unknown_key_in_a_case_is_a_pack_error_naming_file_line_and_key(write_pack):
    path = write_pack(pack_with_case("""\
        - name: typo
          text: "KẾ HOẠCH"
          expect:
            - {rule: assigns-tasks, kode: task-without-unit}
        """))
    result = run(str(path))
    assert result.exit_code == 2
    assert f"{path}:7: test 1, key 'expect.0'" in result.stderr
    assert "'kode' was unexpected" in result.stderr
    assert "rule pack error" in result.stderr


def test_a_case_naming_an_unknown_rule_is_a_pack_error(write_pack):
    path = write_pack(pack_with_case("""\
        - name: typo
          text: "KẾ HOẠCH"
          only: [assign-tasks]
        """))
    result = run(str(path))
    assert result.exit_code == 2
    assert f"{path}:6: test 1, key 'only': no rule 'assign-tasks'" in result.stderr


def test_inherited_cases_run_for_a_pack_that_extends_default(write_pack):
    path = write_pack(pack_with_case([{"name": "own case", "text": NO_UNIT,
                                       "expect": [{"rule": "assigns-tasks", "code": "task-without-unit"}]}],
                                     rules="{has-signer: {severity: off}}"))
    result = run(str(path))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split("  (")[0] for line in lines[:5]] == [
        "✓ a complete plan gives no error", "✓ a plan without a basis clause is caught",
        "✓ a task without a unit is caught", '✓ reporting "theo quy định" is no deadline', "✓ own case"]
    assert "default.yaml" in lines[0] and f"{path}:4" in lines[4]
    assert lines[-1] == "5 passed, 0 failed"
