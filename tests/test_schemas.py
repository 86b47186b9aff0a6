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
    assert stale(tmp_path) == ["plan.schema.json", "report.schema.json", "rulepack.schema.json", "config.schema.json"]


def test_shipped_packs_match_the_rulepack_schema() -> None:
    schema = json.loads((ROOT / "schemas" / "rulepack.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for pack in sorted((ROOT / "rules").glob("*.yaml")):
        jsonschema.Draft202012Validator(schema).validate(yaml.safe_load(pack.read_text(encoding="utf-8")))


def test_kind_enum_in_schema_lists_every_kind() -> None:
    from checker.kinds import KINDS

    schema = json.loads((ROOT / "schemas" / "rulepack.schema.json").read_text(encoding="utf-8"))
    assert set(schema["$defs"]["rule"]["properties"]["kind"]["enum"]) == set(KINDS)


def test_the_format_condition_lists_every_reader_format() -> None:
    """``when: {format: …}`` takes exactly the formats a reader gives (Document.format): a new reader is named
    in the rule-pack schema too."""
    from typing import get_args

    from checker.model.document import Document

    schema = json.loads((ROOT / "schemas" / "rulepack.schema.json").read_text(encoding="utf-8"))
    condition = next(node["format"] for node in _dicts(schema) if isinstance(node.get("format"), dict)
                     and "oneOf" in node["format"])
    single, many = condition["oneOf"]
    formats = set(get_args(Document.model_fields["format"].annotation))
    assert "odt" in formats and set(single["enum"]) == set(many["items"]["enum"]) == formats


def _dicts(node: object) -> list[dict]:
    """Every object of a JSON document."""
    if isinstance(node, dict):
        return [node, *(found for value in node.values() for found in _dicts(value))]
    if isinstance(node, list):
        return [found for value in node for found in _dicts(value)]
    return []


def test_shipped_registry_matches_its_schema() -> None:
    """The loader trusts the shipped registry (no jsonschema at start-up): this is where it is checked."""
    schema = json.loads((ROOT / "schemas" / "directives.schema.json").read_text(encoding="utf-8"))
    registries = sorted((ROOT / "rules" / "registry").glob("*.yaml"))
    assert registries
    for registry in registries:
        data = json.loads(json.dumps(yaml.safe_load(registry.read_text(encoding="utf-8")), default=str))
        jsonschema.Draft202012Validator(schema).validate(data)  # dates as the loader passes them: ISO text


def test_a_users_pack_is_still_checked_against_the_schema(tmp_path: Path) -> None:
    import pytest

    from checker.engine.packs import PackError, load_pack

    pack = tmp_path / "p.yaml"
    pack.write_text("extends: default\nrules:\n  has-signer:\n    severity: fatal\n", encoding="utf-8")
    with pytest.raises(PackError, match="'fatal' is not one of"):
        load_pack(str(pack))


def test_the_json_report_names_its_schema_and_format_version() -> None:
    from checker.api import check_file
    from checker.engine.run import make_report
    from checker.formatters import json_format

    report = make_report([check_file(ROOT / "samples" / "defects" / "no-basis.txt")], [], "vi")
    data = json.loads(json_format.render(report))
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    assert data["$schema"] == schema["$id"] and data["format_version"] == 1
    jsonschema.Draft202012Validator(schema).validate(data)
