"""The semantic record (reference page §3) of every example."""

from __future__ import annotations

import pytest

from adaptor.load import parse_intent
from adaptor.semantic import semantic_record
from tests.conftest import EXAMPLES, example


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_semantic_record_shape(path):
    intent = parse_intent(example(path.stem))
    record = semantic_record(intent)
    assert set(record) == {"ring", "common_ground", "positions"}
    assert record["ring"]["width"] == intent.ring.pads.top
    assert record["ring"]["height"] == intent.ring.pads.left
    assert set(record["positions"]) == {p.position for p in intent.pads}
    for rec in record["positions"].values():
        assert set(rec) == {"name", "class", "role", "nets", "direction"}
        assert len(rec["nets"]) == (2 if rec["class"] == "analog" else 4)
        assert (rec["direction"] is not None) == (rec["role"] == "digital_io")


def test_semantic_roles_follow_names():
    record = semantic_record(parse_intent(example("double_ring_6x6")))["positions"]
    assert record["left_0"] == {"name": "VIN1", "class": "analog", "role": "analog_other",
                                "nets": ["AVDD", "AVSS"], "direction": None}
    assert record["left_3"]["role"] == "analog_vdd_provider"
    assert record["left_4_5"]["role"] == "analog_vdd_provider"  # a consumer named AVDD: by name, §3
    assert record["bottom_0"] == {"name": "VDD", "class": "digital", "role": "core_vdd",
                                  "nets": ["VDD", "VSS", "IOVDD", "IOVSS"], "direction": None}
    assert record["bottom_2_3"]["direction"] == "output"
    assert record["bottom_4"]["direction"] == "input"


def test_nonsquare_dimensions():
    record = semantic_record(parse_intent(example("nonsquare_5x3")))
    assert record["ring"] == {"width": 3, "height": 5, "order": "counterclockwise"}
