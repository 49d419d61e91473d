"""Sign-off with the foundry's own deck: bond-pad geometry, waivers and their proofs, `ioring signoff`.

The slow tests run IHP's sg13g2_maximal deck through the `klayout` program with PDK_ROOT at
../shared/pdk (the folder beside the repository); they skip only when that folder is absent.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import klayout.db as kdb
import klayout.rdb as rdb
import pytest
from pydantic import ValidationError

from adaptor.bondpad import bond_pad_cell
from adaptor.build import build
from adaptor.load import load_intent
from adaptor.placement import place
from adaptor.technology import Profile, cell_library, load_profile
from ioring.cli import main
from verify.deck import DBU, Marker
from verify.layout import read_ring
from verify.review import render_review
from verify.signoff import assess
from verify.waivers import (
    _dbu_trans,
    _region,
    arrangement_waiver,
    library_area,
    load_proofs,
    load_waivers,
    prove,
    waiver_for,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
PDK_ROOT = Path(os.environ.get("PDK_ROOT") or ROOT.parent / "shared" / "pdk")  # the repository's neighbour by default
PROFILE = load_profile("sg13g2")
needs_pdk = pytest.mark.skipif(not (PDK_ROOT / load_waivers("sg13g2").deck).is_file(),
                               reason=f"no IHP deck under {PDK_ROOT} (the shared/ folder beside the repository)")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("signoff") / "mixed_4x4"
    build(load_intent(ROOT / "examples" / "mixed_4x4.json"), out)
    return out


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_bond_pads_leave_the_edge_margin_and_straps_need_no_slits(path):
    placement = place(load_intent(path))
    bp, w, h = PROFILE.bond_pad, *placement.die
    for bond in placement.of_kind("bondpad"):
        x0, y0, x1, y1 = bond.box
        cx, cy, half = (x0 + x1) / 2, (y0 + y1) / 2, bp.opening_um / 2
        assert min(cx - half, cy - half, w - cx - half, h - cy - half) >= bp.edge_margin_um - 1e-6
    for strap in placement.straps:
        x0, y0, x1, y1 = strap.box
        assert min(x1 - x0, y1 - y0) <= PROFILE.rules.metal_max_unslotted_width_um + 1e-9


def test_bond_pad_is_top_metal_opening_and_marker_without_vias():
    cell = bond_pad_cell("sg13g2")
    bp = PROFILE.bond_pad
    layers = {(p.layer, p.datatype): p.bounding_box() for p in cell.polygons}
    assert set(layers) == {tuple(bp.metal_layer), tuple(bp.opening_layer), tuple(bp.marker_layer)}
    assert layers[tuple(bp.marker_layer)] == layers[tuple(bp.metal_layer)]  # the marker covers the whole pad metal
    assert bp.cell not in cell_library("sg13g2")  # drawn from the profile, not a library cell


def test_profile_refuses_a_strap_that_would_need_slits():
    data = json.loads((PROFILE.folder / "profile.json").read_text())
    data["bond_pad"]["strap_width_um"] = 60.0
    with pytest.raises(ValidationError, match="without slits"):
        Profile.model_validate(data)


def test_every_waiver_names_a_library_cell_a_reason_and_has_a_stored_proof():
    spec, proofs, library = load_waivers("sg13g2"), load_proofs("sg13g2"), cell_library("sg13g2")
    for w in spec.waivers:
        assert w.cell in library and all(n in library for chain in w.neighbours for n in chain)
        assert len(w.reason) > 40
        assert proofs[w.cell][w.rule][w.cell], f"{w.rule} on {w.cell} has no proven marker"


def _marker_at(proofs: dict, rule: str, cell: str, inst, shift: tuple[float, float] = (0.0, 0.0)) -> Marker:
    local = _region(proofs[cell][rule][cell][:1]).moved(round(shift[0] / DBU), round(shift[1] / DBU))
    return Marker(rule, "test", "", local.transformed(_dbu_trans(inst)))


def test_waiver_matches_only_the_proven_marker_of_its_cell(mixed):
    ring = read_ring(mixed / "ring.gds", PROFILE)
    spec, proofs = load_waivers("sg13g2"), load_proofs("sg13g2")
    library = {c.name: c for c in cell_library("sg13g2").values()}
    deps = {w.cell: {d.name for d in library[w.cell].dependencies(True)} for w in spec.waivers}
    inst = next(i for i in ring.insts if i.cell == "sg13g2_IOPadIn")
    top = ring.top.name

    def waived(m: Marker) -> bool:
        m.cell = top
        return waiver_for(m, top, ring.insts, library_area(ring.insts), spec.waivers, proofs, deps) is not None

    assert waived(_marker_at(proofs, "LU.d", "sg13g2_IOPadIn", inst))
    assert not waived(_marker_at(proofs, "LU.d", "sg13g2_IOPadIn", inst, shift=(0.0, 20.0)))  # elsewhere in the cell
    wrong_rule = _marker_at(proofs, "LU.d", "sg13g2_IOPadIn", inst)
    wrong_rule.rule = "Slt.c.TM2"
    assert not waived(wrong_rule)
    other = next(i for i in ring.insts if i.cell == "sg13g2_IOPadOut4mA")
    moved = _marker_at(proofs, "LU.d", "sg13g2_IOPadIn", inst)
    moved.region = moved.region.transformed(_dbu_trans(other) * _dbu_trans(inst).inverted())
    proven_there = _region(proofs["sg13g2_IOPadOut4mA"]["LU.d"]["sg13g2_IOPadOut4mA"]).transformed(_dbu_trans(other))
    assert waived(moved) == (moved.region - proven_there.sized(5)).is_empty()  # another cell: its own proof decides
    breaker = next(i for i in ring.insts if i.kind == "breaker")
    spill = _marker_at(proofs, "LU.d", "sg13g2_IOPadIn", inst)
    spill.region += kdb.Region(breaker.box.to_itype(DBU))  # the same marker running on into generated geometry
    assert not waived(spill)


def test_arrangement_proof_needs_the_same_marker_on_library_cells_alone(mixed):
    ring = read_ring(mixed / "ring.gds", PROFILE)
    library, waivers = library_area(ring.insts), load_waivers("sg13g2").waivers
    filler = next(i for i in ring.insts if i.cell == "sg13g2_Filler2000")
    inside = kdb.Region(kdb.DBox(filler.box.center(), filler.box.center()).enlarged(1, 0.15).to_itype(DBU))
    marker = Marker("LU.d", "test", ring.top.name, inside)
    assert arrangement_waiver(marker, ring.insts, library, waivers, {"LU.d": inside.sized(100)}).cell == filler.cell
    assert arrangement_waiver(marker, ring.insts, library, waivers, {}) is None  # not on the library cells alone
    assert arrangement_waiver(marker, ring.insts, library, waivers, {"LU.d": inside.moved(5000, 0)}) is None
    breaker = next(i for i in ring.insts if i.kind == "breaker")
    reaching = Marker("LU.d", "test", ring.top.name, kdb.Region(breaker.box.enlarged(1, 0).to_itype(DBU)))
    assert arrangement_waiver(reaching, ring.insts, library, waivers, {"LU.d": reaching.region.sized(100)}) is None
    unwaivable = Marker("NBL.a", "test", ring.top.name, inside)  # no NBL.a waiver names a filler
    assert arrangement_waiver(unwaivable, ring.insts, library, waivers, {"NBL.a": inside.sized(100)}) is None


def _write_report(path: Path, top: str, markers: list[tuple[str, kdb.DBox]]) -> None:
    db = rdb.ReportDatabase("ioring test")
    cell = db.create_cell(top)
    for rule, box in markers:
        cat = db.category_by_path(rule) or db.create_category(rule)
        item = db.create_item(cell.rdb_id(), cat.rdb_id())
        item.add_value(kdb.DPolygon(box))
    db.save(str(path))


def test_assess_and_review_from_a_real_report_file(mixed, tmp_path):
    ring = read_ring(mixed / "ring.gds", PROFILE)
    proofs = load_proofs("sg13g2")
    inst = next(i for i in ring.insts if i.cell == "sg13g2_IOPadIn")
    proven = _marker_at(proofs, "LU.d", "sg13g2_IOPadIn", inst).region.bbox().to_dtype(DBU)
    report = tmp_path / "deck.lyrdb"
    _write_report(report, ring.top.name, [("LU.d", proven), ("Slt.c.TM2", kdb.DBox(10, 10, 50, 50))])
    result = assess(mixed, {"ihp": (tmp_path / "deck.lydrc", report)})
    assert result["rules"]["Slt.c.TM2"] == {"deck": "ihp", "description": "", "count": 1, "waived": 0, "unwaived": 1}
    assert result["rules"]["LU.d"]["waived"] in (0, 1) and result["unwaived"] >= 1 and not result["clean"]
    unwaived = [f for f in result["findings"] if f["waiver"] is None]
    assert any(f["rule"] == "Slt.c.TM2" and "outside every cell" in f["where"] for f in unwaived)
    (mixed / "signoff.json").write_text(json.dumps(result))
    try:
        assert main(["check", str(mixed)]) == 0
        page = render_review(mixed)
    finally:
        (mixed / "signoff.json").unlink()
    assert "Sign-off (foundry deck)" in page and "Slt.c.TM2" in page and "STALE" not in page


def test_signoff_bad_input_is_a_clear_error(mixed, monkeypatch, capsys):
    monkeypatch.delenv("PDK_ROOT", raising=False)
    assert main(["signoff", str(mixed)]) == 2
    assert "no PDK_ROOT" in capsys.readouterr().err
    assert main(["signoff", str(mixed), "--pdk-root", str(mixed)]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["signoff", str(mixed), "--deck", str(mixed / "none.lydrc")]) == 2
    assert "no such file" in capsys.readouterr().err
    monkeypatch.setenv("PATH", str(mixed))  # no klayout program here
    assert main(["signoff", str(mixed), "--deck", str(mixed / "ring.gds")]) == 2
    assert "`klayout` program is not on PATH" in capsys.readouterr().err
    assert main(["signoff", str(mixed / "nothing")]) == 2


@pytest.mark.slow
@needs_pdk
@pytest.mark.parametrize("name", ["digital_3x3", "double_ring_6x6"])
def test_foundry_deck_on_examples_leaves_no_unwaived_marker(name, tmp_path, monkeypatch):
    """0 unwaived markers, also where a corner's guard-ring ties run on into a generated breaker (its tie
    contacts keep every tie end within 6 µm of a contact: IHP LU.d/LU.d1)."""
    out = tmp_path / name
    build(load_intent(ROOT / "examples" / f"{name}.json"), out)
    monkeypatch.setenv("PDK_ROOT", str(PDK_ROOT))
    code = main(["signoff", str(out)])
    result = json.loads((out / "signoff.json").read_text())
    left = [f"{f['rule']} at {f['where']}" for f in result["findings"]
            if f["waiver"] is None and f["severity"] == "error"]
    assert not left, left
    assert code == 0 and result["clean"]
    if name == "double_ring_6x6":
        assert read_ring(out / "ring.gds", PROFILE).of_kind("breaker"), "the example exercises the breaker"
    assert result["layout_sha256"] and (out / "signoff_ihp.lyrdb").is_file()
    db = rdb.ReportDatabase("")
    db.load(str(out / "signoff_ihp.lyrdb"))
    rules = {c.name() for c in db.each_category()}
    assert {"Pad.a1", "Pad.aR", "Pad.bR", "Pad.d1R", "Pad.kR", "Slt.c.TM2"} <= rules
    # 74.2 µm pads without Slt.c: the deck sees them as pads (dfpad), and every pad rule it ran is clean
    assert not any(r.startswith(("Slt.", "Pad.")) for r in result["rules"])


@pytest.mark.slow
@needs_pdk
def test_waivers_are_proven_on_the_library_cells_alone():
    """Every waiver's marker appears on its cell placed alone (or beside its listed library
    neighbours), exactly as stored in waiver_proofs.json."""
    fresh = prove("sg13g2", PDK_ROOT / load_waivers("sg13g2").deck, timeout=1800)
    stored = load_proofs("sg13g2")
    for w in load_waivers("sg13g2").waivers:
        assert fresh["cells"][w.cell][w.rule][w.cell], f"{w.rule} does not appear on {w.cell} alone"
    assert fresh["cells"] == stored


@pytest.mark.slow
@needs_pdk
def test_a_marker_our_geometry_causes_inside_a_waived_cell_is_not_waived(mixed, tmp_path, monkeypatch):
    """An NWell tie with one contact and 20 µm of diffusion, drawn inside a pad cell's footprint
    (where that cell's own LU.d markers are waived): LU.d fires there and stays unwaived."""
    out = tmp_path / "faulty"
    build(load_intent(ROOT / "examples" / "mixed_4x4.json"), out)
    layout = kdb.Layout()
    layout.read(str(out / "ring.gds"))
    top = layout.top_cell()
    ring = read_ring(out / "ring.gds", PROFILE)
    inst = next(i for i in ring.insts if i.kind == "pad" and i.rotation == 0)  # a bottom-side pad
    ox, oy = inst.origin
    for (layer, dt), (x0, y0, x1, y1) in {(31, 0): (10, 0.6, 32, 4.6), (1, 0): (11, 2.3, 31, 2.8),
                                         (6, 0): (11.17, 2.47, 11.33, 2.63), (8, 0): (11.0, 2.3, 11.5, 2.8)}.items():
        top.shapes(layout.layer(layer, dt)).insert(kdb.DBox(ox + x0, oy + y0, ox + x1, oy + y1))
    layout.write(str(out / "ring.gds"))
    monkeypatch.setenv("PDK_ROOT", str(PDK_ROOT))
    assert main(["signoff", str(out)]) == 1
    result = json.loads((out / "signoff.json").read_text())
    ours = [f for f in result["findings"] if f["rule"] == "LU.d" and ox + 11 <= f["x_um"] <= ox + 31
            and oy <= f["y_um"] <= oy + 5]
    assert ours and all(f["waiver"] is None for f in ours)
    assert result["rules"]["LU.d"]["waived"] > 0  # the library's own LU.d markers are still waived
