"""The adaptor: placement geometry, breakers, bond pads, GDS/OASIS, netlists, the build command."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache

import klayout.db as kdb
import pytest

from adaptor.breaker import breaker_cell
from adaptor.errors import UserError
from adaptor.intent import IntentGraph, Position, Side
from adaptor.load import parse_intent
from adaptor.netlist import spice, verilog
from adaptor.placement import Placement, fill, place
from adaptor.technology import Profile, load_profile
from tests.conftest import EXAMPLES, example

PROFILE = load_profile("sg13g2")

# pads, corners, fillers, breakers, bond pads — counted by hand from the examples: every gap is
# 10 µm (one 10 µm filler), except where a 10 µm breaker takes it
EXPECTED_COUNTS = {
    "digital_3x3": (12, 4, 16, 0, 12),
    "mixed_4x4": (16, 4, 18, 2, 16),
    "nonsquare_5x3": (16, 4, 18, 2, 16),
    "multi_domain_8x8": (32, 4, 32, 4, 32),
}


@lru_cache(maxsize=None)
def placed(name: str) -> tuple[IntentGraph, Placement]:
    intent = parse_intent(example(name))
    return intent, place(intent)


def _along(p, side: Side) -> tuple[float, float]:
    x0, y0, x1, y1 = p.box
    return (x0, x1) if side in (Side.bottom, Side.top) else (y0, y1)


def _side_cells(placement: Placement, side: Side):
    return [c for c in placement.cells if c.side is side and c.kind in ("pad", "filler", "breaker")]


@pytest.mark.parametrize("name", sorted(EXPECTED_COUNTS))
def test_exact_cell_counts(name):
    _, placement = placed(name)
    counts = Counter(c.kind for c in placement.cells)
    assert tuple(counts[k] for k in ("pad", "corner", "filler", "breaker", "bondpad")) == EXPECTED_COUNTS[name]


def test_double_ring_counts():
    intent, placement = placed("double_ring_6x6")
    counts = Counter(c.kind for c in placement.cells)
    assert counts["pad"] == counts["bondpad"] == len(intent.pads) == 28
    assert counts["corner"] == 4 and counts["breaker"] == 2


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_pads_at_their_side_index_and_orientation(path):
    intent, placement = placed(path.stem)
    ccw = intent.ring.order.value == "counterclockwise"
    pads = {c.position: c for c in placement.of_kind("pad")}
    assert set(pads) == {p.position for p in intent.pads}
    rotation = {Side.bottom: 0, Side.right: 90, Side.top: 180, Side.left: 270}
    for pos_text, cell in pads.items():
        pos = Position.parse(pos_text)
        assert cell.side is pos.side and cell.rotation == rotation[pos.side]
        x0, y0, x1, y1 = cell.box
        die_w, die_h = placement.die
        rx0, ry0, rx1, ry1 = placement.ring_box
        assert {Side.bottom: y0 == ry0, Side.top: y1 == ry1, Side.left: x0 == rx0, Side.right: x1 == rx1}[pos.side]
    for side in Side:
        outer = sorted((Position.parse(p).index, _along(c, side)[0]) for p, c in pads.items()
                       if Position.parse(p).side is side and not Position.parse(p).is_inner)
        coords = [x for _, x in outer]
        increasing = side in ((Side.bottom, Side.right) if ccw else (Side.top, Side.left))
        assert coords == sorted(coords, reverse=not increasing), side


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_cells_close_every_side_exactly(path):
    _, placement = placed(path.stem)
    rx0, ry0, rx1, ry1 = placement.ring_box
    corner = PROFILE.corner.size_um
    for side in Side:
        cells = sorted(_side_cells(placement, side), key=lambda c: _along(c, side)[0])
        spans = [_along(c, side) for c in cells]
        length = (rx1 - rx0 if side in (Side.bottom, Side.top) else ry1 - ry0) - 2 * corner
        assert sum(b - a for a, b in spans) == pytest.approx(length)
        start = (rx0 if side in (Side.bottom, Side.top) else ry0) + corner
        assert spans[0][0] == pytest.approx(start)
        for (_, b), (a, _) in zip(spans, spans[1:]):
            assert a == pytest.approx(b)  # abutting: no gap, no overlap


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_breakers_exactly_at_domain_changes(path):
    intent, placement = placed(path.stem)
    ring = [c for c in placement.cells if c.kind in ("pad", "breaker")]
    pads_only = [c for c in ring if c.kind == "pad"]
    changes = sum(1 for a, b in zip(pads_only, pads_only[1:] + pads_only[:1]) if a.domain != b.domain)
    assert changes == len(placement.of_kind("breaker"))
    n = len(ring)
    for k, cell in enumerate(ring):
        if cell.kind == "breaker":
            before = next(ring[(k - j) % n] for j in range(1, n) if ring[(k - j) % n].kind == "pad")
            after = next(ring[(k + j) % n] for j in range(1, n) if ring[(k + j) % n].kind == "pad")
            assert before.domain != after.domain
            assert cell.domain == f"{before.domain}|{after.domain}"


def test_inner_pads_between_neighbours_with_staggered_bond_pads():
    intent, placement = placed("double_ring_6x6")
    pads = {c.position: c for c in placement.of_kind("pad")}
    bonds = {c.position: c for c in placement.of_kind("bondpad")}

    def depth(bond, side: Side) -> float:  # distance of the bond-pad centre from the die edge
        x0, y0, x1, y1 = bond.box
        w, h = placement.die
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        return {Side.bottom: cy, Side.top: h - cy, Side.left: cx, Side.right: w - cx}[side]

    row, zone = PROFILE.bond_pad.row_pitch_um, placement.ring_box[0]
    inner = [Position.parse(p.position) for p in intent.pads if Position.parse(p.position).is_inner]
    assert len(inner) == 4
    for pos in inner:
        a, b = pads[f"{pos.side.value}_{pos.index}"], pads[f"{pos.side.value}_{pos.inner_to}"]
        mid = pads[str(pos)]
        lo, hi = sorted([_along(a, pos.side), _along(b, pos.side)])
        assert lo[1] <= _along(mid, pos.side)[0] and _along(mid, pos.side)[1] <= hi[0]
        assert depth(bonds[str(pos)], pos.side) == pytest.approx(zone - 0.5 * row)  # near row, toward the core
        assert depth(bonds[f"{pos.side.value}_{pos.index}"], pos.side) == pytest.approx(zone - 1.5 * row)  # far row


def test_single_ring_bond_pads_in_one_row():
    _, placement = placed("mixed_4x4")
    assert placement.ring_box[0] == PROFILE.bond_pad.zone_um(double=False)
    for bond in placement.of_kind("bondpad"):
        x0, y0, x1, y1 = bond.box
        assert x1 - x0 == pytest.approx(PROFILE.bond_pad.metal_um)


def test_clockwise_order_walks_the_other_way():
    doc = example("mixed_4x4")
    doc["ring"]["order"] = "clockwise"
    placement = place(parse_intent(doc))
    left = sorted((Position.parse(c.position).index, c.box[1]) for c in placement.of_kind("pad")
                  if c.side is Side.left)
    assert [y for _, y in left] == sorted(y for _, y in left)  # bottom to top


def test_die_from_intent_and_errors():
    doc = example("mixed_4x4")
    doc["ring"]["die_um"] = {"width": 1000, "height": 1000}
    assert place(parse_intent(doc)).die == (1000, 1000)
    doc["ring"]["die_um"] = {"width": 700, "height": 1000}
    with pytest.raises(UserError, match="do not fit"):
        place(parse_intent(doc))
    doc["ring"]["die_um"] = {"width": 1000.5, "height": 1000}
    with pytest.raises(UserError, match="whole number"):
        place(parse_intent(doc))


def test_drive_strength_mapping():
    doc = example("digital_3x3")
    sdo = next(p for p in doc["pads"] if p["name"] == "SDO")
    cells = {}
    for drive, cell in ((None, "sg13g2_IOPadOut4mA"), (10, "sg13g2_IOPadOut16mA"), (30, "sg13g2_IOPadOut30mA")):
        sdo.pop("drive_ma", None)
        if drive:
            sdo["drive_ma"] = drive
        cells[drive] = next(c.cell for c in place(parse_intent(doc)).of_kind("pad") if c.pad == "SDO")
        assert cells[drive] == cell
    sdo["drive_ma"] = 40
    with pytest.raises(UserError, match="no sg13g2 cell drives 40 mA"):
        place(parse_intent(doc))


def test_fill_is_exact():
    assert sum(w for _, w in fill(87, PROFILE.fillers)) == 87
    assert [w for _, w in fill(73, PROFILE.fillers)] == [50, 20, 2, 1]
    with pytest.raises(UserError):
        fill(0.5, PROFILE.fillers)


def test_profile_rejects_unknown_fields():
    data = json.loads((PROFILE.folder / "profile.json").read_text())
    data["colour"] = "blue"
    with pytest.raises(ValueError, match="colour"):
        Profile.model_validate(data)


def test_profile_rules_match_pdk_data():
    rules = json.loads((PROFILE.folder / "pdk_rules.json").read_text())
    r = PROFILE.rules
    assert r.topmetal2_min_space_um == rules["TopMetal2"]["min_space"]
    assert r.topmetal2_wide_space_um == rules["TopMetal2"]["space_table"][0]["space"]
    assert r.passiv_min_space_um == rules["Passiv"]["min_space"]
    assert r.passiv_enclosure_by_topmetal2_um == rules["Passiv"]["min_bottom_enclosure"]
    assert r.topmetal1_min_space_um == rules["TopMetal1"]["min_space"]
    assert PROFILE.bond_pad.metal_um == pytest.approx(PROFILE.bond_pad.opening_um + 2 * r.passiv_enclosure_by_topmetal2_um)


def test_breaker_cuts_domain_local_shapes_only():
    cell = breaker_cell("sg13g2")
    spec = PROFILE.breaker
    layout = kdb.Layout()
    layout.dbu = 0.001
    top = layout.create_cell("B")
    for poly in cell.polygons:
        li = layout.layer(poly.layer, poly.datatype)
        top.shapes(li).insert(kdb.DPolygon([kdb.DPoint(x, y) for x, y in poly.points]))
    window = kdb.Region(kdb.DBox(spec.cut_x0_um, 0, spec.cut_x1_um, 139).to_itype(layout.dbu))  # below vdd/vss
    bands = json.loads((PROFILE.folder / PROFILE.cell_info).read_text())["buses"]
    ring_wide_y0 = min(b["y0"] for bus in ("vss", "vdd") for b in bands[bus])  # the vdd/vss bands (140 µm)
    ring_wide = kdb.Region(kdb.DBox(0, ring_wide_y0, PROFILE.breaker_width_um, 180).to_itype(layout.dbu))
    for layer in (30, 50, 67, 126, 134, 8, 1):
        region = kdb.Region(top.begin_shapes_rec(layout.layer(layer, 0)))
        assert (region & window).is_empty(), f"layer {layer} crosses the cut"
    for layer in (30, 50, 67, 126):  # vdd/vss bands run through on Metal3…TopMetal1
        band = kdb.Region(top.begin_shapes_rec(layout.layer(layer, 0))) & ring_wide
        assert band.bbox().width() == round(PROFILE.breaker_width_um / layout.dbu)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from adaptor.build import build

    out = tmp_path_factory.mktemp("build") / "ring"
    result = build(parse_intent(example("double_ring_6x6")), out)
    return out, result


def test_build_outputs(built):
    out, result = built
    assert sorted(p.name for p in out.iterdir()) == sorted(result["outputs"])
    assert json.loads((out / "build.json").read_text())["counts"]["pad"] == 28


def _xor_layers(a: str, b: str, layers: list[tuple[int, int]]) -> int:
    la, lb = kdb.Layout(), kdb.Layout()
    la.read(a)
    lb.read(b)
    diff = 0
    for layer, dt in layers:
        ra = kdb.Region(la.top_cell().begin_shapes_rec(la.layer(layer, dt)))
        rb = kdb.Region(lb.top_cell().begin_shapes_rec(lb.layer(layer, dt)))
        diff += (ra ^ rb).count()
    return diff


def test_gds_and_oasis_open_in_klayout_with_the_same_geometry(built):
    out, _ = built
    layers = [(134, 0), (126, 0), (30, 0), (9, 0), (189, 0), (8, 0)]
    assert _xor_layers(str(out / "ring.gds"), str(out / "ring.oas"), layers) == 0
    layout = kdb.Layout()
    layout.read(str(out / "ring.oas"))
    assert layout.top_cell().name == "double_ring_6x6"
    texts = {s.text.string for s in layout.top_cell().shapes(layout.layer(134, 2)).each() if s.is_text()}
    assert {"VCM", "DRDY", "AVDD", "IOVSS"} <= texts


def test_netlist_instances_equal_pads(built):
    out, result = built
    text = (out / "ring.sp").read_text()
    body = text.split(".SUBCKT double_ring_6x6", 1)[1]
    assert len(re.findall(r"^X", body, re.M)) == result["counts"]["pad"]
    netlist = kdb.Netlist()
    netlist.read(str(out / "ring.sp"), kdb.NetlistSpiceReader())
    top = netlist.circuit_by_name("DOUBLE_RING_6X6")
    assert top is not None and len(list(top.each_subcircuit())) == 28
    assert top.net_by_name("VCM") is not None and top.net_by_name("SCK_CORE") is not None


def test_verilog_module(built):
    out, _ = built
    text = (out / "ring.v").read_text()
    assert text.startswith("// double_ring_6x6")
    assert "output wire SCK_CORE" in text and "input wire SDO_CORE" in text
    assert len(re.findall(r"^  sg13g2_\w+ X_", text, re.M)) == 28
    assert "(* blackbox *)\nmodule sg13g2_IOPadIn (" in text


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_builds_with_the_cli(run_cli, tmp_path, path):
    code, _, err = run_cli("build", path, "-o", tmp_path / "out")
    assert code == 0, err
    assert (tmp_path / "out" / "ring.png").stat().st_size > 10_000


def test_build_refuses_invalid_intent_and_leaves_dir_untouched(run_cli, tmp_path):
    doc = example("mixed_4x4")
    doc["pads"][0]["domain"] = "nowhere"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    out = tmp_path / "out"
    out.mkdir()
    (out / "build.json").write_text("{}")  # an earlier build, which `-o` may replace
    (out / "keep.txt").write_text("mine")
    code, _, err = run_cli("build", bad, "-o", out)
    assert code == 2 and "domain.unknown" in err
    assert sorted(p.name for p in out.iterdir()) == ["build.json", "keep.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "out"]


def test_netlist_and_verilog_text_functions():
    _, placement = placed("mixed_4x4")
    assert spice(placement).count("\nXX_") == 16
    assert "module mixed_4x4 (" in verilog(placement)
