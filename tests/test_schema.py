"""Intent-graph schema: the checked-in file is in sync, documents round-trip, bad shapes are named."""

from __future__ import annotations

import json

import pytest

from adaptor.errors import IntentError
from adaptor.intent import IntentGraph, Position, Side
from adaptor.load import SCHEMA_PATH, dump_intent, parse_intent, schema_document, schema_findings
from tests.conftest import EXAMPLES, example


def test_checked_in_schema_matches_models():
    assert json.loads(SCHEMA_PATH.read_text()) == schema_document(), \
        "run: python -c 'from adaptor.load import *; ...' to regenerate adaptor/intent_schema.json"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_round_trip(path):
    doc = json.loads(path.read_text())
    intent = parse_intent(doc, str(path))
    again = parse_intent(json.loads(dump_intent(intent)))
    assert again == intent
    assert json.loads(dump_intent(again)) == json.loads(dump_intent(intent))


def test_wrong_types_are_named_by_path():
    doc = example("mixed_4x4")
    doc["ring"]["pads"]["left"] = "four"
    doc["pads"][2]["role"] = "analog_power"
    doc["pads"][3]["name"] = "has space"
    findings = schema_findings(doc)
    where = {f.where for f in findings}
    assert {"ring.pads.left", "pads[2].role", "pads[3].name"} <= where
    assert all(f.rule == "schema" for f in findings)


def test_unknown_field_and_missing_field():
    doc = example("digital_3x3")
    doc["pads"][0]["colour"] = "red"
    del doc["common_ground"]
    with pytest.raises(IntentError) as exc:
        parse_intent(doc)
    messages = " ".join(f.message for f in exc.value.findings)
    assert "colour" in messages and "common_ground" in messages


def test_domain_kind_discriminates():
    doc = example("mixed_4x4")
    doc["domains"][0] = {"kind": "analog", "name": "adc", "core_vdd": "X", "core_vss": "Y",
                         "io_vdd": "Z", "io_vss": "W"}
    findings = schema_findings(doc)
    assert findings and findings[0].where.startswith("domains[0]")


@pytest.mark.parametrize("text,expected", [
    ("left_0", Position(Side.left, 0)),
    ("top_12", Position(Side.top, 12)),
    ("bottom_3_4", Position(Side.bottom, 3, 4)),
])
def test_position_parse(text, expected):
    assert Position.parse(text) == expected
    assert str(expected) == text


@pytest.mark.parametrize("text", ["left", "left_-1", "middle_0", "left_01", "left_1_2_3", ""])
def test_position_parse_rejects(text):
    with pytest.raises(ValueError):
        Position.parse(text)


def test_model_defaults():
    doc = example("digital_3x3")
    del doc["ring"]["order"], doc["ring"]["kind"], doc["technology"]
    intent = IntentGraph.model_validate(doc)
    assert intent.ring.order.value == "counterclockwise"
    assert intent.ring.kind.value == "single"
    assert intent.technology == "sg13g2"
