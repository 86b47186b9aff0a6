"""Loading rule packs: YAML → JSON Schema check → ``extends`` merge → each kind's ``Params``.

Everything is validated before any document is read; every error names the file, the rule id
and the key, and says what is allowed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from pydantic import BaseModel, ValidationError

from checker.kinds import KINDS

ROOT = Path(__file__).resolve().parents[2]
RULES_DIR = ROOT / "rules"
SCHEMAS_DIR = ROOT / "schemas"
BUILTIN = ("default", "ttdn")


class PackError(Exception):
    """A rule pack that cannot be used; ``problems`` lists every reason, each naming file and rule."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    severity: str
    summary: dict[str, str]
    messages: dict[str, dict[str, str]]
    params: BaseModel
    source: str


@dataclass
class Pack:
    name: str
    path: str
    rules: dict[str, Rule] = field(default_factory=dict)

    def with_params(self, kind: str, **values: Any) -> Pack:
        """A copy whose rules of ``kind`` have some params replaced (e.g. ``--parent``)."""
        rules = {}
        for rule_id, rule in self.rules.items():
            if rule.kind == kind:
                params = type(rule.params).model_validate({**rule.params.model_dump(), **values})
                rule = Rule(rule.id, rule.kind, rule.severity, rule.summary, rule.messages, params, rule.source)
            rules[rule_id] = rule
        return Pack(self.name, self.path, rules)


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    with open(SCHEMAS_DIR / "rulepack.schema.json", encoding="utf-8") as handle:
        return json.load(handle)


def _text(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        return {"vi": value, "en": value}
    return {"vi": value["vi"], "en": value["en"]}


def resolve(name_or_path: str, relative_to: Path | None = None) -> Path:
    """A built-in pack name (``ttdn``) or a path, as a file path."""
    if name_or_path in BUILTIN:
        return RULES_DIR / f"{name_or_path}.yaml"
    path = Path(name_or_path)
    if not path.is_absolute() and relative_to is not None:
        return relative_to / path  # "extends: base.yaml" is relative to the extending pack
    return path


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except OSError as exc:
        raise PackError([f"{path}: cannot read the rule pack ({exc.strerror or exc})"]) from exc
    except yaml.YAMLError as exc:
        raise PackError([f"{path}: not valid YAML: {exc}"]) from exc
    if not isinstance(data, dict):
        raise PackError([f"{path}: a rule pack must be a YAML mapping with 'rules:'"])
    errors = sorted(jsonschema.Draft202012Validator(_schema()).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        raise PackError([f"{path}: {_where(e)}: {e.message}" for e in errors])
    return data


def _where(error: jsonschema.ValidationError) -> str:
    parts = [str(p) for p in error.absolute_path]
    if len(parts) >= 2 and parts[0] == "rules":
        return f"rule '{parts[1]}'" + (f", key '{'.'.join(parts[2:])}'" if len(parts) > 2 else "")
    return "key '" + ".".join(parts) + "'" if parts else "top level"


def _merged(path: Path, seen: tuple[Path, ...] = ()) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Rule settings after applying ``extends``, and the file each rule id was last set in."""
    path = path.resolve()
    if path in seen:
        chain = " → ".join(str(p) for p in (*seen, path))
        raise PackError([f"{path}: 'extends' makes a cycle: {chain}"])
    data = _read_yaml(path)
    rules: dict[str, dict[str, Any]] = {}
    sources: dict[str, str] = {}
    if "extends" in data:
        parent = resolve(data["extends"], path.parent)
        if not parent.exists():
            raise PackError([f"{path}: key 'extends': no such rule pack '{data['extends']}' (looked for {parent}; "
                             f"built-in packs: {', '.join(BUILTIN)})"])
        rules, sources = _merged(parent, (*seen, path))
    for rule_id, settings in (data.get("rules") or {}).items():
        base = rules.get(rule_id, {})
        merged = {**base, **settings}
        if "params" in base and "params" in settings:
            merged["params"] = {**base["params"], **settings["params"]}
        rules[rule_id] = merged
        sources[rule_id] = str(path)
    return rules, sources


def load_pack(name_or_path: str) -> Pack:
    """Load and fully validate a pack; raises :class:`PackError` listing every problem."""
    path = resolve(name_or_path)
    if not path.exists():
        raise PackError([f"{name_or_path}: no such rule pack (built-in packs: {', '.join(BUILTIN)})"])
    settings, sources = _merged(path)
    problems: list[str] = []
    rules: dict[str, Rule] = {}
    for rule_id, rule in settings.items():
        source = sources[rule_id]
        kind = rule.get("kind")
        if kind is None:
            problems.append(f"{source}: rule '{rule_id}': 'kind' is required (one of: {', '.join(KINDS)})")
            continue
        module = KINDS[kind]
        try:
            params = module.PARAMS.model_validate(rule.get("params") or {})
        except ValidationError as exc:
            for err in exc.errors():
                key = ".".join(str(p) for p in err["loc"]) or "params"
                problems.append(f"{source}: rule '{rule_id}', key 'params.{key}': {err['msg']}")
            continue
        unknown = set(rule.get("messages") or {}) - set(module.MESSAGES)
        for code in sorted(unknown):
            problems.append(f"{source}: rule '{rule_id}', key 'messages.{code}': kind '{kind}' has no case "
                            f"'{code}' (cases: {', '.join(module.MESSAGES)})")
        if rule.get("severity", "error") == "off":
            continue
        rules[rule_id] = Rule(
            id=rule_id,
            kind=kind,
            severity=rule.get("severity", "error"),
            summary=_text(rule.get("message", rule_id)),
            messages={code: _text(text) for code, text in (rule.get("messages") or {}).items()},
            params=params,
            source=source,
        )
    if problems:
        raise PackError(problems)
    return Pack(name=path.stem if name_or_path not in BUILTIN else name_or_path, path=str(path), rules=rules)
