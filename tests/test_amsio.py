"""AMS-IO-Bench golden interchange: reading, writing and round trips on hand-written files."""

from __future__ import annotations

import json

import pytest

from adaptor.amsio import from_amsio, to_amsio
from adaptor.errors import UserError
from adaptor.intent import Direction, Role
from adaptor.load import parse_intent
from adaptor.rules import check_intent
from tests.conftest import DATA, EXAMPLES, example

GOLDENS = sorted((DATA / "amsio").glob("*/io_ring_intent_graph.json"))


def _pads(doc):
    return {i["position"]: i for i in doc["instances"] if i["type"] != "corner"}


def test_reads_roles_from_pins_and_names():
    path = DATA / "amsio/IO_T_3x3_single_ring_mixed/io_ring_intent_graph.json"
    intent = from_amsio(json.loads(path.read_text()), path.parent.name)
    roles = {p.position: p.role for p in intent.pads}
    assert roles["left_0"] is Role.analog_io
    assert roles["left_1"] is Role.analog_vss_provider
    assert roles["left_2"] is Role.analog_vdd_provider
    assert roles["bottom_0"] is Role.analog_vss_consumer  # duplicated name AVS, own net
    assert [roles[p] for p in ("bottom_1", "bottom_2", "right_0", "right_1")] == \
        [Role.core_vdd, Role.core_vss, Role.io_vdd, Role.io_vss]
    directions = {p.name: p.direction for p in intent.pads if p.role is Role.digital_io}
    assert directions == {"MOSI": Direction.input, "MISO": Direction.output, "DAT0": Direction.output,
                          "CLKX": Direction.input}  # CLKX has no direction in the file: inferred
    assert intent.common_ground == "DGND"
    assert intent.design == "IO_T_3x3_single_ring_mixed"
    assert check_intent(intent) == []


@pytest.mark.parametrize("path", GOLDENS, ids=lambda p: p.parent.name)
def test_golden_round_trip(path):
    golden = json.loads(path.read_text())
    intent = from_amsio(golden, path.parent.name)
    again = to_amsio(intent)
    assert again["ring_config"] == golden["ring_config"]
    want, got = _pads(golden), _pads(again)
    assert want.keys() == got.keys()
    for pos, inst in want.items():
        for key in ("name", "device", "type", "pin_connection"):
            assert got[pos][key] == inst[key], (pos, key)
        if "direction" in inst:
            assert got[pos]["direction"] == inst["direction"]
    corners = {i["position"]: i["device"] for i in golden["instances"] if i["type"] == "corner"}
    assert corners == {i["position"]: i["device"] for i in again["instances"] if i["type"] == "corner"}
    assert from_amsio(again, path.parent.name) == intent


def test_double_ring_inner_pads():
    path = DATA / "amsio/IO_T_4x4_double_ring_multi_voltage_domain/io_ring_intent_graph.json"
    intent = from_amsio(json.loads(path.read_text()), path.parent.name)
    assert intent.ring.kind.value == "double"
    assert {p.position for p in intent.pads if p.position.count("_") == 2} == {"left_0_1", "right_2_3"}
    assert len([d for d in intent.domains if d.kind == "analog"]) == 2


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_survive_amsio(path):
    doc = example(path.stem)
    intent = parse_intent(doc)
    if intent.ring.pads.left != intent.ring.pads.right or intent.ring.pads.top != intent.ring.pads.bottom:
        pytest.skip("opposite sides differ")
    back = from_amsio(to_amsio(intent), intent.design)
    def rows(i):
        return sorted((p.position, p.name, p.role, p.direction) for p in i.pads)

    assert rows(back) == rows(intent)
    assert back.common_ground == intent.common_ground


@pytest.mark.parametrize("doc,message", [
    ([], "not an AMS-IO-Bench intent graph"),
    ({"ring_config": {"width": "3", "height": 3}, "instances": []}, "must be integers"),
    ({"ring_config": {"width": 3, "height": 3, "placement_order": "sideways"}, "instances": []}, "sideways"),
    ({"ring_config": {"width": 3, "height": 3}, "instances": [{"type": "pad", "name": "A"}]}, "position"),
    ({"ring_config": {"width": 3, "height": 3},
      "instances": [{"type": "pad", "name": "A", "position": "left_0", "pin_connection": {"X": {"label": "Y"}}}]},
     "cannot tell analog from digital"),
    ({"ring_config": {"width": 3, "height": 3}, "instances": []}, "no pads"),
])
def test_bad_golden_is_a_user_error(doc, message):
    with pytest.raises(UserError, match=message):
        from_amsio(doc, "case")
