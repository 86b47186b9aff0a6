"""Project configuration: the ``check`` options a reviewer repeats, kept in a file beside the documents.

The file is found the way ruff and Vale find theirs: from the folder checked (the first path given, or the
current folder) upwards, the nearest folder holding one of these wins —

1. ``.plancheck.yaml`` (or ``.plancheck.yml``),
2. ``plancheck.toml`` (keys at the top level),
3. ``pyproject.toml`` with a ``[tool.plancheck]`` table (a ``pyproject.toml`` without one is passed over).

``--config FILE`` names the file instead; ``--isolated`` ignores every file. Options given on the command
line override the file. The keys are the long option names of ``plancheck check`` without their dashes
(``fail-on: warning``), validated by ``schemas/config.schema.json``: an unknown key or a wrong value is an
error naming the file, the line and the key. Paths in the file are relative to the file's folder.

Example ``.plancheck.yaml``::

    rules: ttdn
    against: ../huong-dan-ttdn-2025.docx
    expect: don-vi.txt
    ignore: [vague-assignee]
    exclude: ["nhap/**"]
    fail-on: warning
    limits: {timeout: 60, file-size: 20MB}
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from checker.resources import schemas_dir

YAML_NAMES = (".plancheck.yaml", ".plancheck.yml")
TOML_NAME = "plancheck.toml"
PYPROJECT = "pyproject.toml"

#: Keys whose value is a path, resolved against the configuration file's folder ("parent" and the built-in
#: pack names are not paths).
PATH_KEYS = ("rules", "against", "expect", "waivers", "baseline", "output", "cache", "summary", "annotate",
             "trust-roots")
_NOT_PATHS = {"rules": {"default", "ttdn"}, "expect": {"parent"}}


_TEXT = {"type": "string", "minLength": 1}
_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}
#: Each key of the file: its JSON Schema, without the enumerations the code knows (formats, limits,
#: severities), which :func:`checker.schemas.config` adds.
KEYS: dict[str, dict[str, Any]] = {
    "rules": {**_TEXT, "description": "Rule pack: default, ttdn or a YAML file (--rules)."},
    "parent": {**_TEXT, "description": "Number-symbol of the parent directive the plans must cite (--parent)."},
    "against": {**_TEXT, "description": "The parent directive itself, a file (--against)."},
    "expect": {**_TEXT, "description": "Units expected to submit: a file, or 'parent' (--expect)."},
    "waivers": {**_TEXT, "description": "Waivers file (--waivers)."},
    "baseline": {**_TEXT, "description": "Baseline file (--baseline)."},
    "exclude": {**_LIST, "description": "Glob patterns of files and folders left out, replacing the default "
                "ones (--exclude)."},
    "extend-exclude": {**_LIST, "description": "Glob patterns left out besides the default ones "
                       "(--extend-exclude)."},
    "select": {**_LIST, "description": "Rule ids or prefixes to check, all others left out (--select)."},
    "extend-select": {**_LIST, "description": "Rule ids or prefixes to check besides the selected ones "
                      "(--extend-select)."},
    "ignore": {**_LIST, "description": "Rule ids or prefixes left out (--ignore)."},
    "format": {"type": "string", "description": "Report format (--format)."},
    "output": {**_TEXT, "description": "Report file (-o/--output)."},
    "fail-on": {"type": "string", "description": "Lowest severity that makes the exit code 1 (--fail-on)."},
    "lang": {"enum": ["vi", "en"], "description": "Language of the report (--lang)."},
    "jobs": {"anyOf": [{"type": "integer", "minimum": 1}, {"const": "auto"}],
             "description": "Worker processes, or auto (--jobs)."},
    "cache": {**_TEXT, "description": "Folder of reports reused while nothing changed (--cache)."},
    "summary": {**_TEXT, "description": "Summary table, .csv or .json (--summary)."},
    "annotate": {**_TEXT, "description": "Folder for annotated Word copies (--annotate)."},
    "trust-roots": {**_TEXT, "description": "Root certificates (PEM or DER) the digital signatures of signed PDFs "
                    "must chain to (--trust-roots)."},
    "limits": {"type": "object", "description": "Safety limits, KEY: VALUE (--limit KEY=VALUE).",
               "additionalProperties": False},
}


#: The ``check`` parameter each key sets.
OPTIONS = {
    "rules": "rules", "parent": "parent", "against": "against_path", "expect": "expect", "waivers": "waivers_path",
    "baseline": "baseline_path", "exclude": "exclude", "extend-exclude": "extend_exclude", "select": "select",
    "extend-select": "extend_select", "ignore": "ignore", "format": "fmt", "output": "output", "fail-on": "fail_on",
    "lang": "lang", "jobs": "jobs", "cache": "cache_dir", "summary": "summary_path", "annotate": "annotate_dir",
    "limits": "limit_settings", "trust-roots": "trust_roots",
}


class ConfigError(Exception):
    """A configuration file that cannot be read or is not valid; ``problems`` name the file, line and key."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Config:
    """The settings of one configuration file (none: ``path`` is None), each with where it was set."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)

    def source(self, key: str) -> str:
        """``file:line`` of a key."""
        line = self.lines.get(key)
        return f"{self.path}:{line}" if line else str(self.path)


def find_config(start: Path) -> Path | None:
    """The nearest configuration file from ``start`` (a folder, or a file's folder) upwards."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for here in (folder, *folder.parents):
        for name in YAML_NAMES:
            if (here / name).is_file():
                return here / name
        if (here / TOML_NAME).is_file():
            return here / TOML_NAME
        pyproject = here / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "plancheck" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return True  # a broken pyproject.toml that may hold the table: loading it says what is wrong


@cache
def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((schemas_dir() / "config.schema.json").read_text(encoding="utf-8"))
    return schema


def load_config(path: str | Path) -> Config:
    """Read and validate a configuration file; raises :class:`ConfigError` listing every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([f"{path}: cannot read the configuration / không đọc được tệp cấu hình: {exc}"]) from exc
    if path.suffix in (".yaml", ".yml"):
        data, lines = _yaml(path, text)
    else:
        data, lines = _toml(path, text)
    import jsonschema  # lazy: only when a configuration is read

    errors = sorted(jsonschema.Draft202012Validator(_schema()).iter_errors(data), key=lambda e: list(map(str, e.path)))
    problems = [_explain(path, lines, e) for e in errors]
    if problems:
        raise ConfigError(problems)
    values = {key: _resolved(path, key, value) for key, value in data.items()}
    return Config(path=path, values=values, lines=lines)


def _yaml(path: Path, text: str) -> tuple[dict[str, Any], dict[str, int]]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)  # noqa: S506 (a safe loader)
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise ConfigError([f"{where}: not valid YAML / YAML không hợp lệ: {exc}"]) from exc
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise ConfigError([f"{path}: the configuration must be a mapping of keys / tệp cấu hình phải là các khóa"])
    lines = {}
    if isinstance(root, yaml.MappingNode):
        lines = {str(k.value): k.start_mark.line + 1 for k, _v in root.value if isinstance(k, yaml.ScalarNode)}
    return data, lines


def _toml(path: Path, text: str) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([f"{path}: not valid TOML / TOML không hợp lệ: {exc}"]) from exc
    table = path.name == PYPROJECT
    if table:
        data = data.get("tool", {}).get("plancheck", {})
    # tomllib keeps no positions: a key's line is the first line that sets it (inside [tool.plancheck] in a
    # pyproject.toml).
    lines: dict[str, int] = {}
    inside = not table
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[([^\]]+)\]", line)
        if header:
            inside = header.group(1).strip() == "tool.plancheck" if table else not header.group(1).startswith("tool.")
            continue
        key = re.match(r"\s*\"?([A-Za-z0-9_-]+)\"?\s*=", line)
        if inside and key and key.group(1) not in lines:
            lines[key.group(1)] = number
    return data, lines


def _explain(path: Path, lines: dict[str, int], error: Any) -> str:
    keys = [str(p) for p in error.absolute_path]
    where = f"{path}:{lines[keys[0]]}" if keys and keys[0] in lines else str(path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict) and not keys:
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed))
        out = []
        for key in unknown:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            line = f"{path}:{lines[key]}" if key in lines else str(path)
            out.append(f"{line}: unknown key '{key}' / khóa không có (allowed: {', '.join(allowed)}){hint}")
        return "\n".join(out)
    return f"{where}: {'.'.join(keys) or 'the file'}: {error.message}"


def _resolved(path: Path, key: str, value: Any) -> Any:
    if key not in PATH_KEYS or not isinstance(value, str) or value in _NOT_PATHS.get(key, set()) or value == "-":
        return value
    return str((path.parent / value).resolve()) if not Path(value).is_absolute() else value


def merged(params: dict[str, Any], given: set[str], config: Config) -> tuple[dict[str, Any], dict[str, str]]:
    """The settings in force and where each came from: a parameter in ``given`` (set on the command line)
    keeps its value; otherwise the configuration's value, else the parameter's default. Limits merge key by
    key, the command line's ``--limit`` winning."""
    values = dict(params)
    sources = {name: ("command line" if name in given else "default") for name in OPTIONS.values()}
    for key, value in config.values.items():
        name = OPTIONS[key]
        if key == "limits":
            settings = tuple(f"{k}={v}" for k, v in value.items())
            values[name] = settings + tuple(params.get(name) or ())  # later settings win
            sources[name] = config.source(key) + (" + command line" if name in given else "")
            continue
        if name in given:
            continue
        values[name] = tuple(value) if isinstance(value, list) else value
        sources[name] = config.source(key)
    return values, sources
