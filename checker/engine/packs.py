"""Loading rule packs: YAML → JSON Schema check → ``extends`` merge → each kind's ``Params``.

Everything is validated before any document is read; every error names the file, the rule id
and the key, and says what is allowed.
"""

from __future__ import annotations

import json
import string
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ValidationError

from checker.engine.conditions import When
from checker.engine.errors import SAFE_LOADER, ProblemsError, read_yaml
from checker.engine.selection import Selection
from checker.kinds import KINDS
from checker.resources import rules_dir, schemas_dir

if TYPE_CHECKING:
    import jsonschema

BUILTIN = ("default", "ttdn")


class PackError(ProblemsError):
    """A rule pack that cannot be used; ``problems`` lists every reason, each naming file and rule."""


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    severity: str
    summary: dict[str, str]
    messages: dict[str, dict[str, str]]
    params: BaseModel
    source: str
    when: When | None = None


@dataclass(frozen=True)
class Expectation:
    """A finding a test case expects (or forbids): rule id, and optionally code, severity, message text."""

    rule: str | None = None
    code: str | None = None
    severity: str | None = None
    message: str | None = None
    count: int | None = None  # expect only: exactly this many matching findings


@dataclass(frozen=True)
class PackTest:
    """A test case carried by a pack (``tests:``): a plan excerpt and the findings it must (not) give."""

    name: str
    text: str
    source: str  # file:line of the case
    expect: tuple[Expectation, ...] = ()
    forbid: tuple[Expectation, ...] = ()
    only: tuple[str, ...] | None = None
    # The rules of the pack that declares the case: a case inherited through `extends` does not see the
    # rules the extending pack adds (a plain plan in `default` need not cover the themes of `ttdn`).
    rules: tuple[str, ...] = ()


@dataclass
class Pack:
    name: str
    path: str
    rules: dict[str, Rule] = field(default_factory=dict)
    tests: list[PackTest] = field(default_factory=list)  # the pack's own cases after those it extends

    def with_params(self, kind: str, change: Callable[[BaseModel], BaseModel]) -> Pack:
        """A copy whose rules of ``kind`` have their params replaced by ``change(params)``."""
        rules = {}
        for rule_id, rule in self.rules.items():
            if rule.kind == kind:
                rule = replace(rule, params=change(rule.params))
            rules[rule_id] = rule
        return Pack(self.name, self.path, rules, self.tests)

    def selected(self, selection: Selection) -> Pack:
        """A copy with only the rules ``selection`` runs (``--select`` / ``--ignore``)."""
        if selection.everything:
            return self
        rules = {rule_id: rule for rule_id, rule in self.rules.items() if selection.runs(rule_id)}
        return Pack(self.name, self.path, rules, self.tests)


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    with open(schemas_dir() / "rulepack.schema.json", encoding="utf-8") as handle:
        return json.load(handle)


def _text(value: Any) -> dict[str, str]:
    if isinstance(value, dict) and isinstance(value.get("vi"), str) and isinstance(value.get("en"), str):
        return {"vi": value["vi"], "en": value["en"]}
    return {"vi": str(value), "en": str(value)}  # a string (anything else was reported by the schema)


def resolve(name_or_path: str, relative_to: Path | None = None) -> Path:
    """A built-in pack name (``ttdn``) or a path, as a file path."""
    if name_or_path in BUILTIN:
        return rules_dir() / f"{name_or_path}.yaml"
    path = Path(name_or_path)
    if not path.is_absolute() and relative_to is not None:
        return relative_to / path  # "extends: base.yaml" is relative to the extending pack
    return path


def _read_yaml(path: Path, problems: list[str]) -> dict[str, Any]:
    """The pack's data; schema problems are added to ``problems`` (the data is still returned)."""
    data = read_yaml(path, "the rule pack", PackError)
    if not isinstance(data, dict):
        raise PackError([f"{path}: a rule pack must be a YAML mapping with 'rules:'"])
    for settings in (data.get("rules") or {}).values() if isinstance(data.get("rules"), dict) else ():
        # YAML 1.1 reads an unquoted `off` as false; in a pack it can only mean the severity "off".
        if isinstance(settings, dict) and settings.get("severity") is False:
            settings["severity"] = "off"
    if path.parent.resolve() == rules_dir().resolve() and path.stem in BUILTIN:
        return data  # the shipped packs are checked against the schema by the test suite: no jsonschema import
    import jsonschema  # lazy: only for packs written by users

    # Params are checked by each kind's model once rules are merged (with clearer messages and the checks
    # across fields a schema cannot express); the schema's own copy of those checks is for editors.
    errors = sorted((e for e in jsonschema.Draft202012Validator(_schema()).iter_errors(data) if not _in_params(e)),
                    key=lambda e: list(e.path))
    problems.extend(f"{_at(path, *map(str, e.absolute_path))}: {_where(e)}: {_explain(e)}" for e in errors)
    return data


def _in_params(error: jsonschema.ValidationError) -> bool:
    parts = list(error.absolute_path)
    return len(parts) >= 3 and parts[0] == "rules" and parts[2] == "params"


def _explain(error: jsonschema.ValidationError) -> str:
    """A schema error in words that say what is allowed."""
    if error.validator == "additionalProperties":
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        return f"{error.message} (allowed keys: {allowed})"
    if error.validator == "oneOf" and "vi" in str(error.schema):
        return "must be one text, or a mapping with both 'vi' and 'en' texts"
    return error.message


def _where(error: jsonschema.ValidationError) -> str:
    parts = [str(p) for p in error.absolute_path]
    if len(parts) >= 2 and parts[0] == "rules":
        return f"rule '{parts[1]}'" + (f", key '{'.'.join(parts[2:])}'" if len(parts) > 2 else "")
    if len(parts) >= 2 and parts[0] == "tests" and parts[1].isdigit():
        return f"test {int(parts[1]) + 1}" + (f", key '{'.'.join(parts[2:])}'" if len(parts) > 2 else "")
    return "key '" + ".".join(parts) + "'" if parts else "top level"


def _merged(path: Path, problems: list[str], seen: tuple[Path, ...] = (),
            tests: list[tuple[Path, int, dict[str, Any], tuple[str, ...]]] | None = None,
            ) -> tuple[dict[str, dict[str, Any]], dict[str, Path], str]:
    """Rule settings after applying ``extends``, the file each rule id was last set in, and the name.

    Test cases (file, index, case) are appended to ``tests``: those of the extended packs first.
    """
    path = path.resolve()
    if path in seen:
        chain = " → ".join(str(p) for p in (*seen, path))
        raise PackError([f"{_at(seen[-1], 'extends') if seen else path}: 'extends' makes a cycle: {chain}"])
    data = _read_yaml(path, problems)
    rules: dict[str, dict[str, Any]] = {}
    sources: dict[str, Path] = {}
    extends = data.get("extends")
    parents = [extends] if isinstance(extends, str) else extends if isinstance(extends, list) else []
    for parent_name in parents:  # later packs override earlier ones; this pack overrides them all
        if not isinstance(parent_name, str):
            continue  # reported by the schema
        parent = resolve(parent_name, path.parent)
        if not parent.exists():
            raise PackError([f"{_at(path, 'extends')}: key 'extends': no such rule pack '{parent_name}' "
                             f"(looked for {parent}; built-in packs: {', '.join(BUILTIN)})"])
        inherited, inherited_sources, _ = _merged(parent, problems, (*seen, path), tests)
        for rule_id, settings in inherited.items():
            rules[rule_id] = _override(rules.get(rule_id, {}), settings)
        sources.update(inherited_sources)
    listed = data.get("rules")
    declared: dict[str, Any] = listed if isinstance(listed, dict) else {}
    for rule_id, settings in declared.items():
        if not isinstance(settings, dict):
            continue  # reported by the schema
        if "kind" not in settings and rule_id not in rules:
            problems.append(f"{_at(path, 'rules', rule_id)}: rule '{rule_id}' is unknown: it gives no 'kind' and "
                            f"no pack it extends defines it (known: {', '.join(sorted(rules)) or 'none'})")
            continue
        rules[rule_id] = _override(rules.get(rule_id, {}), settings)
        sources[rule_id] = path
    own_tests = data.get("tests")
    if tests is not None and isinstance(own_tests, list):
        tests.extend((path, index, case, tuple(rules)) for index, case in enumerate(own_tests)
                     if isinstance(case, dict))
    name = data.get("name")
    return rules, sources, name if isinstance(name, str) else path.stem


def _jsonable(value: Any) -> Any:
    """YAML dates as ISO strings, so that JSON Schema sees what the file says."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def _data_file(name: str, origin: Path, schema_name: str, key: str, where: str, problems: list[str]) -> Any:
    """The ``key`` list of a YAML data file (a built-in name such as ``directives``, or a path relative
    to the pack), validated by ``schemas/<schema_name>``; problems name both files."""
    builtin = "/" not in name and not name.endswith((".yaml", ".yml"))
    path = rules_dir() / "registry" / f"{name}.yaml" if builtin else None
    if path is None or not path.exists():
        path = resolve(name, origin.parent)
    try:
        data = _jsonable(yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER))
    except (OSError, yaml.YAMLError, ValueError) as exc:
        problems.append(f"{where}: cannot read '{name}' ({path}): {exc}")
        return []
    if path.resolve().parent == (rules_dir() / "registry").resolve() and isinstance(data, dict):
        return data.get(key, [])  # the shipped registry is checked against its schema by the test suite
    with open(schemas_dir() / schema_name, encoding="utf-8") as handle:
        schema = json.load(handle)
    import jsonschema  # lazy: only when a file is validated

    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    for error in errors:
        problems.append(f"{_at(path, *map(str, error.absolute_path))}: {'.'.join(map(str, error.absolute_path))}: "
                        f"{_explain(error)} (used by {where})")
    return data.get(key, []) if isinstance(data, dict) and not errors else []


def _override(base: dict[str, Any], settings: dict[str, Any]) -> dict[str, Any]:
    """``settings`` over ``base``; params are merged key by key."""
    merged = {**base, **settings}
    if isinstance(base.get("params"), dict) and isinstance(settings.get("params"), dict):
        merged["params"] = {**base["params"], **settings["params"]}
    return merged


@lru_cache(maxsize=64)
def _key_lines(path: Path, _mtime_ns: int) -> dict[tuple[str, ...], int]:
    """Line (1-based) of each mapping key in a YAML file, by key path: ("rules", "has-deadline")."""
    lines: dict[tuple[str, ...], int] = {}
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError, ValueError):
        return lines

    def walk(node: yaml.Node | None, prefix: tuple[str, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    lines[(*prefix, str(key.value))] = key.start_mark.line + 1
                    walk(value, (*prefix, str(key.value)))
        elif isinstance(node, yaml.SequenceNode) and prefix[:1] == ("tests",):
            # Test cases and their items are found by index ("tests", "0"): errors point at the item.
            for index, item in enumerate(node.value):
                lines[(*prefix, str(index))] = item.start_mark.line + 1
                walk(item, (*prefix, str(index)))

    walk(root, ())
    return lines


def _at(path: Path, *keys: str) -> str:
    """``file:line`` of a key (the deepest one found), or the file alone."""
    try:
        found = _key_lines(path, path.stat().st_mtime_ns)
    except OSError:
        return str(path)
    for end in range(len(keys), 0, -1):
        line = found.get(tuple(keys[:end]))
        if line:
            return f"{path}:{line}"
    return str(path)


_FIELD = string.Formatter()


def _fields(*templates: str | None) -> set[str]:
    return {name for t in templates if t for _lit, name, _spec, _conv in _FIELD.parse(t) if name}


def _message_problems(source: str, rule_id: str, module: ModuleType, overrides: dict[str, Any]) -> list[str]:
    """Overrides must name a case of the kind and use only the values that case provides."""
    problems = []
    for code, text in overrides.items():
        default = module.MESSAGES.get(code)
        if default is None:
            problems.append(f"{source}: rule '{rule_id}', key 'messages.{code}': kind '{module.NAME}' has no "
                            f"case '{code}' (cases: {', '.join(module.MESSAGES)})")
            continue
        known = _fields(default.vi, default.en, default.fix_vi, default.fix_en)
        texts = [text] if isinstance(text, str) else list(text.values()) if isinstance(text, dict) else []
        for unknown in sorted(_fields(*texts) - known):
            problems.append(f"{source}: rule '{rule_id}', key 'messages.{code}': unknown field '{{{unknown}}}' "
                            f"(fields: {', '.join('{' + k + '}' for k in sorted(known)) or 'none'})")
    return problems


def load_pack(name_or_path: str) -> Pack:
    """Load and fully validate a pack; raises :class:`PackError` listing every problem found.

    Packs are cached per file and modification time, so checking a folder loads each pack once.
    """
    path = resolve(name_or_path)
    if not path.exists():
        raise PackError([f"{name_or_path}: no such rule pack (built-in packs: {', '.join(BUILTIN)})"])
    return _load(path.resolve(), path.stat().st_mtime_ns)


@lru_cache(maxsize=32)
def _load(path: Path, _mtime_ns: int) -> Pack:
    problems: list[str] = []
    raw_tests: list[tuple[Path, int, dict[str, Any], tuple[str, ...]]] = []
    settings, sources, name = _merged(path, problems, tests=raw_tests)
    rules: dict[str, Rule] = {}
    for rule_id, rule in settings.items():
        origin = sources[rule_id]
        source = _at(origin, "rules", rule_id)
        kind = rule.get("kind")
        if kind is None:
            problems.append(f"{source}: rule '{rule_id}': 'kind' is required (one of: {', '.join(KINDS)})")
            continue
        module = KINDS.get(kind)
        if module is None:
            continue  # an unknown kind is reported by the schema
        raw_params = dict(rule.get("params") or {})
        for param, (schema_name, key) in getattr(module, "FILE_PARAMS", {}).items():
            if isinstance(raw_params.get(param), str):
                # A file named by a param (the directive registry): data in its own YAML, checked by its schema.
                raw_params[param] = _data_file(raw_params[param], origin, schema_name, key,
                                               _at(origin, "rules", rule_id, "params", param), problems)
        try:
            params = module.PARAMS.model_validate(raw_params)
        except ValidationError as exc:
            for err in exc.errors():
                loc = [str(p) for p in err["loc"]]
                where = _at(origin, "rules", rule_id, "params", *loc)
                problems.append(f"{where}: rule '{rule_id}', key 'params.{'.'.join(loc) or 'params'}': {err['msg']}")
            continue
        when = None
        if rule.get("when") is not None:
            try:
                when = When.model_validate(rule["when"])
            except ValidationError as exc:
                for err in exc.errors():
                    key = ".".join(str(p) for p in err["loc"]) or "when"
                    problems.append(f"{source}: rule '{rule_id}', key 'when.{key}': {err['msg']}")
                continue
        declared_messages = rule.get("messages")
        overrides: dict[str, Any] = declared_messages if isinstance(declared_messages, dict) else {}
        problems.extend(_message_problems(source, rule_id, module, overrides))
        if rule.get("severity", "error") == "off":
            continue
        rules[rule_id] = Rule(
            id=rule_id,
            kind=kind,
            severity=rule.get("severity", "error"),
            summary=_text(rule.get("message", rule_id)),
            messages={code: _text(text) for code, text in overrides.items()},
            params=params,
            source=source,
            when=when,
        )
    tests = _pack_tests(raw_tests, problems)
    if problems:
        raise PackError(list(dict.fromkeys(problems)))
    return Pack(name=name, path=str(path), rules=rules, tests=tests)


def _expectations(items: Any) -> tuple[Expectation, ...]:
    return tuple(Expectation(**{k: v for k, v in item.items() if k in Expectation.__dataclass_fields__})
                 for item in items or () if isinstance(item, dict))


def _pack_tests(raw: list[tuple[Path, int, dict[str, Any], tuple[str, ...]]], problems: list[str]
                ) -> list[PackTest]:
    """The test cases (already checked by the schema); a rule id that the pack does not define is an error."""
    tests = []
    seen: set[tuple[Path, int]] = set()
    for origin, index, case, known in raw:
        if (origin, index) in seen:  # a pack reached twice through `extends` lists
            continue
        seen.add((origin, index))
        source = _at(origin, "tests", str(index))
        named = [("only", rule_id) for rule_id in case.get("only") or ()]
        named += [(f"{key}.{n}.rule", item.get("rule")) for key in ("expect", "forbid")
                  for n, item in enumerate(case.get(key) or ()) if isinstance(item, dict)]
        for key, rule_id in named:
            if isinstance(rule_id, str) and rule_id not in known:
                problems.append(f"{_at(origin, 'tests', str(index), key.split('.')[0])}: test {index + 1}, key "
                                f"'{key}': no rule '{rule_id}' in the pack (rules: {', '.join(known)})")
        only = case.get("only")
        tests.append(PackTest(name=str(case.get("name", f"test {index + 1}")), text=str(case.get("text", "")),
                              source=source, expect=_expectations(case.get("expect")),
                              forbid=_expectations(case.get("forbid")),
                              only=tuple(map(str, only)) if isinstance(only, list) else None, rules=known))
    return tests
