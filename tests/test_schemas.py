"""The committed JSON Schemas match the models, and the rule-pack schema accepts the shipped packs."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from checker.schemas import stale

ROOT = Path(__file__).resolve().parents[1]


def test_generated_schemas_are_up_to_date() -> None:
    assert stale() == [], "run: python -m checker.schemas"


def test_stale_schema_is_detected(tmp_path: Path) -> None:
    (tmp_path / "plan.schema.json").write_text("{}\n", encoding="utf-8")
    assert stale(tmp_path) == ["plan.schema.json", "report.schema.json", "rulepack.schema.json"]


def test_shipped_packs_match_the_rulepack_schema() -> None:
    schema = json.loads((ROOT / "schemas" / "rulepack.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for pack in sorted((ROOT / "rules").glob("*.yaml")):
        jsonschema.Draft202012Validator(schema).validate(yaml.safe_load(pack.read_text(encoding="utf-8")))


def test_kind_enum_in_schema_lists_every_kind() -> None:
    from checker.kinds import KINDS

    schema = json.loads((ROOT / "schemas" / "rulepack.schema.json").read_text(encoding="utf-8"))
    assert set(schema["$defs"]["rule"]["properties"]["kind"]["enum"]) == set(KINDS)
