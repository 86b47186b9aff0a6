"""Generate the JSON Schemas of the plan and report models into ``schemas/``.

``python -m checker.schemas`` rewrites them; ``python -m checker.schemas --check`` exits 1 when a
committed schema is stale (the test suite runs the same comparison).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from checker.kinds import KINDS
from checker.model.plan import Plan
from checker.model.report import Report
from checker.resources import schemas_dir


def generated() -> dict[str, dict[str, Any]]:
    """File name → schema, for every generated schema."""
    plan = Plan.model_json_schema(mode="serialization")
    plan["$id"] = "https://plancheck.example/schemas/plan.schema.json"
    report = Report.model_json_schema(mode="serialization")
    report["$id"] = "https://plancheck.example/schemas/report.schema.json"
    return {"plan.schema.json": plan, "report.schema.json": report, "rulepack.schema.json": rulepack(),
            "config.schema.json": config()}


def config() -> dict[str, Any]:
    """The schema of a configuration file (``.plancheck.yaml``, ``plancheck.toml``, ``[tool.plancheck]``):
    the keys of :data:`checker.config.KEYS` with the formats, severities and limits the code knows."""
    from dataclasses import fields

    from checker.config import KEYS
    from checker.formatters import FORMATTERS
    from checker.limits import Limits
    from checker.model.report import SEVERITY_RANK

    properties = {key: dict(value) for key, value in KEYS.items()}
    properties["format"]["enum"] = sorted(FORMATTERS)
    properties["fail-on"]["enum"] = [*SEVERITY_RANK, "never"]
    properties["limits"]["properties"] = {f.name.replace("_", "-"): {"type": ["string", "number"]}
                                          for f in fields(Limits)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://plancheck.example/schemas/config.schema.json",
        "title": "plancheck configuration",
        "description": "The check options a project sets once: .plancheck.yaml, plancheck.toml, or the "
                       "[tool.plancheck] table of pyproject.toml. Keys are the long option names of "
                       "'plancheck check'; paths are relative to the file; command-line options override it.",
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
    }


def rulepack() -> dict[str, Any]:
    """The rule-pack schema: its hand-written frame with, from the code, the kinds and each kind's params.

    A rule that names its ``kind`` gets its ``params`` checked against that kind's schema (an
    overriding rule that gives no kind is checked by the loader once merged).
    """
    schema: dict[str, Any] = json.loads((schemas_dir() / "rulepack.schema.json").read_text(encoding="utf-8"))
    defs = {k: v for k, v in schema["$defs"].items() if not k.startswith("params.")}
    rule = defs["rule"]
    rule["properties"]["kind"]["enum"] = list(KINDS)
    branches = []
    nested_defs: dict[str, Any] = {}  # the params' own models (Theme, Label …), generated afresh each time
    for name, module in KINDS.items():
        params = module.PARAMS.model_json_schema()
        for nested, definition in params.pop("$defs", {}).items():
            if nested_defs.setdefault(nested, definition) != definition:
                raise ValueError(f"two kinds define different params models named {nested}")
        for param in getattr(module, "FILE_PARAMS", {}):  # a data file's name, or the data itself
            params["properties"][param] = {"anyOf": [{"type": "string", "description": "A YAML file, relative "
                                                      "to the pack."}, params["properties"][param]]}
        params["description"] = f"Params of the {name} kind (plancheck rules show {name})."
        defs[f"params.{name}"] = params
        branches.append({"if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
                         "then": {"properties": {"params": {"$ref": f"#/$defs/params.{name}"}}}})
    rule["allOf"] = branches
    defs.update(nested_defs)
    schema["$defs"] = defs
    return schema


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def stale(directory: Path | None = None) -> list[str]:
    """Names of the schema files that differ from what the models generate."""
    directory = directory or schemas_dir()
    out = []
    for name, schema in generated().items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != dumps(schema):
            out.append(name)
    return out


def main(argv: list[str]) -> int:
    if "--check" in argv:
        names = stale()
        for name in names:
            print(f"schemas/{name} is stale: run python -m checker.schemas", file=sys.stderr)
        return 1 if names else 0
    for name, schema in generated().items():
        (schemas_dir() / name).write_text(dumps(schema), encoding="utf-8")
        print(f"wrote schemas/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
