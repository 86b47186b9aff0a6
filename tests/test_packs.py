"""Rule packs: the built-ins, ``extends``, overrides, and errors that name file, rule and key."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_plan

from checker import check_file
from checker.engine.packs import PackError, load_pack

DEFAULT_RULES = [
    "is-plan", "cites-parent", "assigns-tasks", "task-table", "has-deadline", "has-standard-parts", "has-own-date",
    "has-signer", "has-recipients", "signature-invalid", "signature-untrusted", "signature-signer",
]
TTDN_THEMES = [
    "chinh-thuc", "thanh-tuu", "quang-ba", "bien-dao", "nhan-quyen", "dau-tranh", "doi-ngoai",
    "ho-chi-minh", "kieu-bao", "the-gioi", "khong-gian-mang",
]


def pack_error(path) -> str:
    with pytest.raises(PackError) as caught:
        load_pack(str(path))
    assert caught.value.problems, "a PackError lists its problems"
    return str(caught.value)


# --- built-in packs -----------------------------------------------------------------------------

def test_default_pack_loads():
    pack = load_pack("default")
    assert pack.name == "default"
    assert list(pack.rules) == DEFAULT_RULES
    assert {r.id: r.severity for r in pack.rules.values()} == {
        "is-plan": "error", "cites-parent": "error", "assigns-tasks": "error", "task-table": "error",
        "has-deadline": "error", "has-standard-parts": "error", "has-own-date": "warning", "has-signer": "warning",
        "has-recipients": "warning", "signature-invalid": "error", "signature-untrusted": "warning",
        "signature-signer": "warning",
    }
    assert pack.rules["cites-parent"].params.parent is None


def test_ttdn_pack_extends_default_with_the_themes_of_the_domain_notes():
    pack = load_pack("ttdn")
    assert pack.name == "ttdn"
    assert list(pack.rules) == [*DEFAULT_RULES, "covers-themes"]
    params = pack.rules["covers-themes"].params
    assert [t.id for t in params.themes] == TTDN_THEMES
    assert params.max_evidence == 3
    assert all(t.phrases and t.label.vi and t.label.en for t in params.themes)


def test_pack_is_chosen_from_the_plan_subject(write_plan):
    assert check_file(write_plan(build_plan())).pack == "ttdn"
    other = build_plan(title="KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2023")
    assert check_file(write_plan(other)).pack == "default"


# --- extends and overrides ----------------------------------------------------------------------

def test_changing_only_the_severity_keeps_the_params(write_pack):
    pack = load_pack(str(write_pack("extends: ttdn\nrules:\n  covers-themes:\n    severity: warning\n")))
    rule = pack.rules["covers-themes"]
    assert rule.severity == "warning"
    assert rule.kind == "covers_themes"
    assert rule.params == load_pack("ttdn").rules["covers-themes"].params
    assert rule.summary["en"] == "A foreign-information plan must give duties on each required theme."


def test_severity_of_a_rule_applies_to_its_findings(write_pack, check_text):
    pack = write_pack("extends: ttdn\nrules:\n  covers-themes:\n    severity: warning\n")
    content = "II. NỘI DUNG\n1. Tuyên truyền chủ trương, đường lối của Đảng."
    report = check_text(build_plan(content=content), rules=str(pack))
    severities = {f.severity for f in report.findings if f.rule == "covers-themes"}
    assert severities == {"warning"}


def test_changing_one_param_keeps_the_others(write_pack):
    pack = load_pack(str(write_pack("extends: ttdn\nrules:\n  covers-themes:\n    params: {max_evidence: 1}\n")))
    params = pack.rules["covers-themes"].params
    assert params.max_evidence == 1
    assert [t.id for t in params.themes] == TTDN_THEMES


def test_severity_off_removes_a_rule(write_pack):
    pack = load_pack(str(write_pack('extends: ttdn\nrules:\n  covers-themes:\n    severity: "off"\n')))
    assert "covers-themes" not in pack.rules
    assert list(pack.rules) == DEFAULT_RULES


def test_rule_removed_with_off_gives_no_findings(write_pack, check_text):
    pack = write_pack('extends: default\nrules:\n  has-deadline:\n    severity: "off"\n')
    report = check_text(build_plan(reporting=""), rules=str(pack))
    assert [f for f in report.findings if f.rule == "has-deadline"] == []
    assert [f.code for f in check_text(build_plan(reporting=""), rules="default").findings] == ["no-deadline"]


def test_extends_a_path_relative_to_the_pack(tmp_path, monkeypatch, write_pack):
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "base.yaml").write_text(
        "extends: default\nrules:\n  has-deadline:\n    severity: info\n", encoding="utf-8")
    (tmp_path / "packs").mkdir()
    child = write_pack("extends: ../base/base.yaml\nrules:\n  has-signer:\n    severity: error\n",
                       name="packs/child.yaml")
    pack = load_pack(str(child))
    assert pack.name == "child"
    assert (pack.rules["has-deadline"].severity, pack.rules["has-signer"].severity) == ("info", "error")


def test_extends_prefers_the_pack_folder_to_the_working_directory(tmp_path, monkeypatch, write_pack):
    (tmp_path / "packs").mkdir()
    write_pack("extends: default\nrules:\n  has-deadline:\n    severity: info\n", name="packs/base.yaml")
    write_pack("extends: default\nrules:\n  has-deadline:\n    severity: warning\n", name="base.yaml")
    child = write_pack("extends: base.yaml\nrules: {}\n", name="packs/child.yaml")
    monkeypatch.chdir(tmp_path)
    assert load_pack(str(child)).rules["has-deadline"].severity == "info"


def test_message_override_replaces_the_kind_message(write_pack, check_text):
    pack = write_pack(
        "extends: default\nrules:\n  has-deadline:\n    messages:\n"
        "      no-deadline: {vi: Thiếu hạn báo cáo., en: No reporting deadline.}\n"
    )
    report = check_text(build_plan(reporting=""), rules=str(pack))
    assert [f.message for f in report.findings] == ["Thiếu hạn báo cáo."]
    report = check_text(build_plan(reporting=""), rules=str(pack), lang="en")
    assert [f.message for f in report.findings] == ["No reporting deadline."]


def test_parent_in_a_pack(write_pack):
    pack = load_pack(str(write_pack(
        "extends: ttdn\nrules:\n  cites-parent:\n    params:\n      parent: {symbol: 93-HD/BTGTU, date: 2023-02-15}\n"
    )))
    parent = pack.rules["cites-parent"].params.parent
    assert (parent.symbol, parent.date.isoformat()) == ("93-HD/BTGTU", "2023-02-15")


# --- errors -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("yaml_text", "names"),
    [
        pytest.param("extends: default\nfoo: 1\nrules: {}\n", ["top level", "'foo'"], id="unknown-top-level-key"),
        pytest.param("extends: default\nrules:\n  has-deadline:\n    severty: warning\n",
                     ["rule 'has-deadline'", "'severty'"], id="unknown-rule-key"),
        pytest.param("rules:\n  my-rule:\n    kind: no_such_kind\n",
                     ["rule 'my-rule'", "key 'kind'", "'no_such_kind'", "has_deadline"], id="unknown-kind"),
        pytest.param("extends: default\nrules:\n  has-deadline:\n    severity: fatal\n",
                     ["rule 'has-deadline'", "key 'severity'", "'fatal'", "'warning'"], id="wrong-severity"),
        pytest.param("extends: default\nrules:\n  cites-parent:\n    params: {parnet: {symbol: 93-HD/BTGTU}}\n",
                     ["rule 'cites-parent'", "key 'params.parnet'"], id="unknown-params-key"),
        pytest.param("extends: default\nrules:\n  cites-parent:\n    params: {parent: {symbol: not a symbol}}\n",
                     ["rule 'cites-parent'", "key 'params.parent.symbol'", "'not a symbol'", "93-HD/BTGTU"],
                     id="bad-parent-symbol"),
        pytest.param("extends: default\nrules:\n  has-deadline:\n    messages:\n      no-dedline: Thiếu hạn.\n",
                     ["rule 'has-deadline'", "key 'messages.no-dedline'", "no-deadline, impossible-deadline"],
                     id="unknown-message-case"),
        pytest.param("extends: default\nrules:\n  has-deadline:\n    params: {max_years_off: 99}\n",
                     ["rule 'has-deadline'", "key 'params.max_years_off'", "10"], id="param-out-of-range"),
        pytest.param("extends: ttdn\nrules:\n  covers-themes:\n    params:\n      themes:\n        - id: x\n"
                     "          label: {vi: X, en: X}\n          phrases: [a]\n          extra: 1\n",
                     ["rule 'covers-themes'", "key 'params.themes.0.extra'"], id="unknown-theme-key"),
        pytest.param("rules:\n  my-rule:\n    severity: error\n",
                     ["rule 'my-rule' is unknown", "gives no 'kind'"], id="missing-kind"),
        pytest.param("extends: default\nrules:\n  Bad_Id:\n    kind: is_plan\n", ["'Bad_Id'"], id="bad-rule-id"),
    ],
)
def test_pack_error_names_file_rule_and_key(write_pack, yaml_text, names):
    path = write_pack(yaml_text).resolve()
    message = pack_error(path)
    assert message.startswith(f"{path}:")  # the file, and the line of the key where one is known
    for name in names:
        assert name in message


def test_every_problem_is_listed(write_pack):
    path = write_pack(
        "extends: default\nrules:\n"
        "  cites-parent:\n    params: {parnet: 1}\n"
        "  has-deadline:\n    params: {max_yaers_off: 2}\n"
    )
    with pytest.raises(PackError) as caught:
        load_pack(str(path))
    assert len(caught.value.problems) == 2
    assert "rule 'cites-parent', key 'params.parnet'" in caught.value.problems[0]
    assert "rule 'has-deadline', key 'params.max_yaers_off'" in caught.value.problems[1]


def test_extends_cycle(write_pack):
    a = write_pack("extends: b.yaml\nrules: {}\n", name="a.yaml").resolve()
    b = write_pack("extends: a.yaml\nrules: {}\n", name="b.yaml").resolve()
    message = pack_error(a)
    assert message.startswith(f"{b}:1: 'extends' makes a cycle: ")  # the line that closes the cycle
    assert f"{a} → {b} → {a}" in message


def test_missing_extends_target_is_an_error(write_pack, tmp_path):
    path = write_pack("extends: missing.yaml\nrules: {}\n")
    message = pack_error(path)
    assert str((tmp_path / "missing.yaml").resolve()) in message
    assert "no such rule pack" in message


def test_missing_extends_target_names_the_extending_file_and_key(write_pack):
    path = write_pack("extends: missing.yaml\nrules: {}\n").resolve()
    message = pack_error(path)
    assert str(path) in message
    assert "'extends'" in message


def test_missing_pack(tmp_path):
    message = pack_error(tmp_path / "nosuch.yaml")
    assert "no such rule pack (built-in packs: default, ttdn)" in message


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [("rules: [a\n", "not valid YAML"), ("- a\n- b\n", "must be a YAML mapping"),
     ("extends: default\n", "'rules' is a required property")],
)
def test_not_a_pack(write_pack, yaml_text, expected):
    path = write_pack(yaml_text).resolve()
    message = pack_error(path)
    assert message.startswith(f"{path}: ")
    assert expected in message


def test_pack_is_validated_before_any_document_is_read(write_pack, tmp_path):
    bad = write_pack("extends: default\nrules:\n  has-deadline:\n    severity: fatal\n")
    with pytest.raises(PackError):
        check_file(tmp_path / "does-not-exist.txt", str(bad))


# --- friendlier validation --------------------------------------------------------------------------

def test_unquoted_off_disables_a_rule(write_pack):
    # YAML 1.1 reads `off` as false; the README writes it unquoted.
    pack = load_pack(str(write_pack("extends: default\nrules:\n  has-signer:\n    severity: off\n")))
    assert "has-signer" not in pack.rules and "has-recipients" in pack.rules


def test_a_value_yaml_cannot_build_is_a_pack_error(write_pack):
    path = write_pack("extends: default\nrules:\n  cites-parent:\n    params:\n"
                      "      parent: {symbol: 93-HD/BTGTU, date: 2023-02-30}\n")
    message = pack_error(path)
    assert str(path) in message and "cannot be read" in message


def test_every_problem_is_reported_at_once(write_pack):
    path = write_pack("extends: default\nrules:\n"
                      "  has-signer:\n    severity: fatal\n"
                      "  has-deadline:\n    params: {max_years: 2}\n"
                      "  assigns-tasks:\n    colour: red\n")
    problems = pytest.raises(PackError, load_pack, str(path)).value.problems
    assert len(problems) == 3
    assert any("rule 'has-signer', key 'severity'" in p for p in problems)
    assert any("rule 'has-deadline', key 'params.max_years'" in p for p in problems)
    assert any("rule 'assigns-tasks'" in p and "allowed keys: kind, message, messages, params, severity" in p
               for p in problems)


def test_half_translated_message_says_what_is_needed(write_pack):
    message = pack_error(write_pack("extends: default\nrules:\n  has-signer:\n    message: {vi: Thiếu người ký}\n"))
    assert "rule 'has-signer', key 'message'" in message
    assert "one text, or a mapping with both 'vi' and 'en'" in message


def test_message_override_with_an_unknown_field_is_an_error(write_pack):
    path = write_pack("extends: default\nrules:\n  assigns-tasks:\n    messages:\n"
                      "      task-without-unit: 'Thiếu đơn vị: {unit_name}'\n")
    message = pack_error(path)
    assert "key 'messages.task-without-unit': unknown field '{unit_name}' (fields: {task})" in message


def test_readme_rule_pack_example_loads(tmp_path):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in readme.split("```yaml\n")[1:]]
    example = next(b for b in blocks if "extends:" in b)  # the rule pack (another block is a configuration)
    path = tmp_path / "quy-tac-cua-toi.yaml"
    path.write_text(example, encoding="utf-8")
    pack = load_pack(str(path))
    assert "has-signer" not in pack.rules
    assert pack.rules["cites-parent"].params.model_dump()["parent"]["symbol"] == "93-HD/BTGTU"
    assert pack.rules["covers-themes"].messages["theme-missing"]["en"] == "Missing theme {label}."


# --- extends lists, conditions, line numbers -------------------------------------------------------

def test_errors_name_the_line_of_the_key(write_pack):
    path = write_pack("extends: default\nrules:\n  has-deadline:\n    params:\n      max_years: 2\n"
                      "  no-such-rule:\n    severity: warning\n").resolve()
    problems = pytest.raises(PackError, load_pack, str(path)).value.problems
    assert f"{path}:5: rule 'has-deadline', key 'params.max_years'" in "\n".join(problems)
    assert any(p.startswith(f"{path}:6: rule 'no-such-rule' is unknown") for p in problems)


def test_extends_a_list_later_packs_override_earlier(write_pack):
    write_pack("rules:\n  has-signer:\n    severity: info\n    kind: has_field\n    params: {field: signer}\n",
               name="strict.yaml")
    pack = load_pack(str(write_pack("extends: [default, strict.yaml]\nrules:\n  has-recipients:\n"
                                    "    severity: info\n")))
    assert pack.rules["has-signer"].severity == "info"  # strict.yaml, after default
    assert pack.rules["has-recipients"].severity == "info"  # this pack, after both
    assert "covers-themes" not in pack.rules and "cites-parent" in pack.rules


def test_when_applies_a_rule_only_to_matching_plans(write_pack):
    from checker import check_file

    pack = write_pack("extends: default\nrules:\n  has-deadline:\n    when: {doc_type: KH}\n"
                      "  has-own-date:\n    when: {title: 'thông tin đối ngoại', format: [docx]}\n")
    samples = Path(__file__).resolve().parents[1] / "samples"
    guidance = check_file(samples / "huong-dan-ttdn-vinh-linh-2023.txt", rules=str(pack))  # a HD, in .txt
    plan = check_file(samples / "defects" / "no-deadline.txt", rules=str(pack))  # a KH, in .txt
    assert "has-deadline" not in {f.rule for f in guidance.findings}  # HD: not checked
    assert "has-deadline" in {f.rule for f in plan.findings}  # KH: checked, and it has none
    assert "has-own-date" not in {f.rule for f in plan.findings}  # .txt: the date rule does not apply
    default = check_file(samples / "defects" / "no-deadline.txt", rules="default")
    assert "has-own-date" in {f.rule for f in default.findings}


def test_a_bad_condition_is_a_pack_error(write_pack):
    message = pack_error(write_pack("extends: default\nrules:\n  has-deadline:\n    when: {title: '(unclosed'}\n"))
    assert "rule 'has-deadline', key 'when.title'" in message and "not a valid regular expression" in message
    message = pack_error(write_pack("extends: default\nrules:\n  has-deadline:\n    when: {colour: red}\n",
                                    name="b.yaml"))
    assert "rule 'has-deadline', key 'when'" in message and "colour" in message
