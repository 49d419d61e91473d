"""Every rule check, with a failing and a passing case."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from adaptor.graph import IntentView
from adaptor.load import parse_intent
from adaptor.rules import check_intent
from tests.conftest import EXAMPLES, example, pad_at

Doc = dict[str, Any]


def rules_of(doc: Doc) -> set[str]:
    return {f.rule for f in check_intent(parse_intent(doc))}


def _set(doc: Doc, at: str, **fields: Any) -> Doc:
    pad_at(doc, at).update(fields)
    return doc


def _second_digital_domain(doc: Doc) -> Doc:
    doc["domains"].append({"kind": "digital", "name": "dig2", "core_vdd": "V2", "core_vss": "G2",
                           "io_vdd": "IOV2", "io_vss": "IOG2"})
    return _set(doc, "bottom_2", domain="dig2")


def _swap(doc: Doc, a: str, b: str) -> Doc:
    pa, pb = pad_at(doc, a), pad_at(doc, b)
    pa["position"], pb["position"] = b, a
    return doc


def _drop(doc: Doc, position: str) -> Doc:
    doc["pads"].remove(pad_at(doc, position))
    return doc


# (rule id, example, corruption)
CASES: list[tuple[str, str, Callable[[Doc], Doc]]] = [
    ("technology.unknown", "digital_3x3", lambda d: {**d, "technology": "gf180mcu"}),
    ("position.duplicate", "mixed_4x4", lambda d: _set(d, "left_1", position="left_0")),
    ("position.out_of_range", "mixed_4x4", lambda d: _set(d, "left_3", position="left_7")),
    ("position.inner_in_single_ring", "double_ring_6x6", lambda d: {**d, "ring": {**d["ring"], "kind": "single"}}),
    ("position.inner_not_between", "double_ring_6x6", lambda d: _set(d, "left_0_1", position="left_0_2")),
    ("position.inner_not_between", "double_ring_6x6", lambda d: _set(d, "left_4_5", position="left_5_6")),
    ("ring.pad_count", "nonsquare_5x3", lambda d: _drop(d, "top_2")),
    ("domain.duplicate", "mixed_4x4", lambda d: {**d, "domains": d["domains"] + [d["domains"][0]]}),
    ("domain.unknown", "mixed_4x4", lambda d: _set(d, "left_0", domain="nowhere")),
    ("domain.class_mismatch", "mixed_4x4", lambda d: _set(d, "left_0", domain="digital")),
    ("domain.unused", "digital_3x3", lambda d: {**d, "domains": d["domains"] + [
        {"kind": "analog", "name": "spare", "vdd": "AV", "vss": "AG"}]}),
    ("domain.nets_not_distinct", "mixed_4x4", lambda d: {**d, "domains": [
        {**x, "vss": "AVDD"} if x["kind"] == "analog" else x for x in d["domains"]]}),
    ("role.provider_name", "mixed_4x4", lambda d: _set(d, "left_3", name="AVDD_A")),
    ("role.supply_name", "digital_3x3", lambda d: _set(d, "bottom_0", name="DVDD")),
    ("domain.provider_missing", "mixed_4x4", lambda d: _set(d, "left_3", role="analog_vdd_consumer")),
    ("domain.provider_missing", "mixed_4x4", lambda d: _swap(d, "left_1", "bottom_2")),  # split run
    ("domain.provider_duplicate", "mixed_4x4", lambda d: _set(d, "left_0", name="AVDD", role="analog_vdd_provider")),
    ("digital.supplies", "mixed_4x4", _second_digital_domain),
    ("digital.direction_missing", "digital_3x3", lambda d: _set(d, "left_0", direction=None)),
    ("digital.direction_not_allowed", "mixed_4x4", lambda d: _set(d, "left_0", direction="in")),
    ("digital.drive_not_allowed", "digital_3x3", lambda d: _set(d, "left_0", drive_ma=16)),
    ("names.core_collision", "digital_3x3", lambda d: _set(d, "top_2", name="SCK_CORE")),
    ("names.duplicate_signal", "digital_3x3", lambda d: _set(d, "top_2", name="D0")),
    ("names.signal_is_supply", "digital_3x3", lambda d: _set(d, "top_2", name="IOVSS")),
    ("ground.common", "digital_3x3", lambda d: {**d, "common_ground": "IOVSS"}),
    ("ground.common", "mixed_4x4", lambda d: {**d, "common_ground": "AVDD"}),
]


@pytest.mark.parametrize("rule,name,corrupt", CASES, ids=[f"{r}-{n}" for r, n, _ in CASES])
def test_rule_fires(rule, name, corrupt):
    doc = corrupt(example(name))
    doc["pads"] = [{k: v for k, v in p.items() if v is not None} for p in doc["pads"]]
    assert rule in rules_of(doc)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_are_clean(path):
    assert rules_of(example(path.stem)) == set()


def test_domain_run_wraps_around_the_ring():
    """Analog pads at the end and the start of the ring form one run (the corner carries the buses)."""
    doc = example("mixed_4x4")
    view = IntentView.build(parse_intent(doc))
    ring = [(p.name, p.role.value, p.domain, p.direction) for p in view.ring()]
    rotated = ring[3:] + ring[:3]  # AVDD, VREF, IBIAS first; VINP, VINN, AVSS last
    for pad, (name, role, domain, direction) in zip(view.ring(), rotated):
        entry = pad_at(doc, pad.position)
        entry.update(name=name, role=role, domain=domain)
        entry.pop("direction", None)
        if direction is not None:
            entry["direction"] = direction.value
    assert rules_of(doc) == set()
    runs = IntentView.build(parse_intent(doc)).domain_runs()
    assert len(runs) == 2
    assert sorted(len(r) for r in runs) == [6, 10]


def test_warnings_do_not_invalidate():
    from adaptor.validate import validate_data
    doc = _set(example("digital_3x3"), "top_2", name="D0")
    result = validate_data(doc)
    assert result.valid and [f.rule for f in result.findings] == ["names.duplicate_signal"]


def test_ring_order_counterclockwise_and_clockwise():
    doc = example("double_ring_6x6")
    names = [p.name for p in IntentView.build(parse_intent(doc)).ring()]
    assert names[:3] == ["VIN1", "VCM", "VIN2"]  # inner pad right after its first neighbour
    doc["ring"]["order"] = "clockwise"
    view = IntentView.build(parse_intent(doc))
    sides = [p.position.split("_")[0] for p in view.ring()]
    assert sides.index("top") < sides.index("right") < sides.index("bottom")


# --- cell overrides and supply-name collisions (issue 18: accepted intents must check clean) ------------

def _first(doc: Doc, role: str, **where: Any) -> dict[str, Any]:
    return next(p for p in doc["pads"] if p["role"] == role and all(p.get(k) == v for k, v in where.items()))


@pytest.mark.parametrize("role,where,cell", [
    ("digital_io", {"direction": "out"}, "sg13g2_Filler200"),
    ("analog_io", {}, "sg13g2_RCClampResistor"),
    ("digital_io", {"direction": "out"}, "sg13g2_IOPadVdd"),
    ("analog_vdd_provider", {}, "sg13g2_IOPadIOVss"),
    ("analog_io", {}, "sg13g2_IOPadIn"),
    ("digital_io", {"direction": "out"}, "sg13g2_IOPadIn"),
    ("analog_io", {}, "no_such_cell"),
], ids=["filler", "clamp-resistor", "core-vdd-for-output", "iovss-for-avdd", "digital-in-for-analog",
        "input-for-output", "unknown"])
def test_cell_override_must_fit_the_pad(role, where, cell):
    doc = example("multi_domain_8x8")
    _first(doc, role, **where)["cell"] = cell
    assert "cell.not_for_role" in rules_of(doc)


def test_cell_override_of_the_right_kind_is_accepted():
    doc = example("multi_domain_8x8")
    _first(doc, "digital_io", direction="out")["cell"] = "sg13g2_IOPadOut30mA"
    _first(doc, "analog_io")["cell"] = "sg13g2_IOPadAnalog"
    assert not {r for r in rules_of(doc) if r.startswith("cell.")}


def test_drive_beyond_the_strongest_cell():
    doc = example("multi_domain_8x8")
    _first(doc, "digital_io", direction="out")["drive_ma"] = 50
    assert "digital.drive_unavailable" in rules_of(doc)


@pytest.mark.parametrize("net", ["other_analog_vdd", "VDD"])
def test_pad_named_after_another_domains_supply(net):
    doc = example("multi_domain_8x8")
    analog = [d for d in doc["domains"] if d["kind"] == "analog"]
    pad = next(p for p in doc["pads"] if p["role"] == "analog_io" and p["domain"] == analog[0]["name"])
    pad["name"] = analog[1]["vdd"] if net == "other_analog_vdd" else "VDD"
    assert "names.other_domain_supply" in rules_of(doc)
