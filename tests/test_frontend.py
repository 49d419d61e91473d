"""Domains separated on every layer: the breaker cut by connectivity, the front-end LVS, an independent cross-check."""

from __future__ import annotations

import json
import time
from pathlib import Path

import klayout.db as kdb
import pytest

from adaptor.breaker import breaker_cell, filler_nets
from adaptor.build import build
from adaptor.connectivity import build_abstracts
from adaptor.load import parse_intent
from adaptor.technology import load_profile
from tests.conftest import EXAMPLES, example
from verify.faults import uncut_rail_breaker
from verify.worker import run

PROFILE = load_profile("sg13g2")
RULES = PROFILE.rules
DBU = 0.001


def _layout_of(cell) -> tuple[kdb.Layout, kdb.Cell]:
    """A gdstk cell as a klayout.db layout (one flat cell)."""
    layout = kdb.Layout()
    layout.dbu = DBU
    top = layout.create_cell(cell.name)
    for poly in cell.polygons:
        top.shapes(layout.layer(poly.layer, poly.datatype)).insert(
            kdb.DPolygon([kdb.DPoint(x, y) for x, y in poly.points]))
    return layout, top


def _region(layout: kdb.Layout, cell: kdb.Cell, name: str) -> kdb.Region:
    return kdb.Region(cell.begin_shapes_rec(layout.layer(*PROFILE.layers[name]))).merged()


def _um(value: float) -> int:
    return round(value / DBU)


def _front_end_violations(layout: kdb.Layout, cell: kdb.Cell) -> dict[str, int]:
    """Markers of the front-end rules the cut must keep (counts per rule), on a breaker cell alone."""
    activ, nwell, psd = (_region(layout, cell, n) for n in ("Activ", "NWell", "pSD"))
    cont, metal1 = _region(layout, cell, "Cont"), _region(layout, cell, "Metal1")
    ntap = (activ & nwell) - psd
    return {
        "NWell enclosure of Activ": nwell.enclosing_check(ntap, _um(RULES.nwell_activ_enclosure_um)).count(),
        "pSD enclosure of Activ": psd.enclosing_check(activ & psd, _um(RULES.psd_activ_enclosure_um)).count(),
        "pSD edge on Activ": psd.edges().inside_part(activ).count() + (psd.edges() & activ.edges()).count(),
        "Activ edge on NWell edge": (activ.edges() & nwell.edges()).count(),
        "Activ enclosure of Cont": activ.enclosing_check(cont, _um(RULES.cont_activ_enclosure_um)).count(),
        "Cont outside Metal1": (cont - metal1).count(),
    }


def test_domain_local_shapes_are_found_by_connectivity_whatever_their_height():
    nets = filler_nets(PROFILE)
    rail = nets["iovdd"]["Activ"] & kdb.Region(kdb.DBox(0, 148, 10, 149).to_itype(DBU))
    assert not rail.is_empty(), "the diffusion rail at y = 148.5 µm is tied to iovdd inside the pad cells"
    assert not (nets["iovdd"]["NWell"] & kdb.Region(kdb.DBox(0, 148, 10, 149).to_itype(DBU))).is_empty()
    assert set(nets) == set(PROFILE.buses), "every filler rail belongs to exactly one bus"
    for bus in ("vss", "vdd"):  # ring-wide: they must run through the breaker
        assert not nets[bus]["Activ"].is_empty() and not nets[bus]["Metal1"].is_empty()


def test_breaker_cuts_every_layer_of_the_domain_local_nets_and_keeps_the_rest():
    layout, cell = _layout_of(breaker_cell("sg13g2"))
    spec, nets = PROFILE.breaker, filler_nets(PROFILE)
    width = _um(PROFILE.breaker_width_um)
    for bus in PROFILE.domain_local_buses:
        for name, region in nets[bus].items():
            pull = spec.pullback_um.get(name, 0.0)
            window = kdb.Region(kdb.DBox(spec.cut_x0_um - pull, -1, spec.cut_x1_um + pull, 181).to_itype(DBU))
            assert (_region(layout, cell, name) & region & window).is_empty(), f"{bus} on {name} crosses the cut"
    for bus in ("vss", "vdd"):
        for name, region in nets[bus].items():
            for poly in region.merged().each():
                band = _region(layout, cell, name) & kdb.Region(poly.bbox())
                assert band.bbox().width() >= width, f"{bus} on {name} is not continuous through the breaker"


def test_breaker_ends_meet_the_front_end_rules_and_the_old_recipe_did_not():
    layout, cell = _layout_of(breaker_cell("sg13g2"))
    assert not any(_front_end_violations(layout, cell).values()), _front_end_violations(layout, cell)
    old = kdb.Layout()
    old.dbu = DBU
    top = old.create_cell("TOP")
    breaker = old.create_cell("ioring_sg13g2_Breaker")
    top.insert(kdb.CellInstArray(breaker.cell_index(), kdb.Trans()))
    uncut_rail_breaker(old, top, PROFILE)
    found = _front_end_violations(old, breaker)
    assert all(found[rule] > 0 for rule in ("pSD edge on Activ", "pSD enclosure of Activ", "Activ edge on NWell edge",
                                            "NWell enclosure of Activ")), found


def test_every_tie_diffusion_in_the_breaker_is_contacted_by_rule_clean_contacts():
    """A tie that ends uncontacted in the breaker makes IHP's LU.d/LU.d1 flag the neighbour's rail into it."""
    layout, cell = _layout_of(breaker_cell("sg13g2"))
    activ, cont, metal1 = (_region(layout, cell, n) for n in ("Activ", "Cont", "Metal1"))
    ties = PROFILE.breaker.tie_contacts
    assert ties is not None
    assert not activ.not_interacting(cont).count(), "a diffusion piece of the breaker carries no contact"
    rows = cont & kdb.Region(kdb.DBox(0, 141, 10, 180).to_itype(DBU))  # the thin rails: contacts the breaker added
    assert rows.count() > 50
    assert rows.width_check(_um(ties.width_um)).is_empty() and rows.space_check(_um(ties.space_um)).is_empty()
    assert all(p.bbox().width() == p.bbox().height() == _um(ties.width_um) for p in rows.each())
    assert activ.enclosing_check(rows, _um(RULES.cont_activ_enclosure_um)).is_empty()
    assert (rows - metal1).is_empty()
    cap = kdb.Vector(_um(RULES.metal1_cont_end_enclosure_um), 0)
    for poly in rows.each():  # Metal1 end cap along the rail
        assert (kdb.Region(poly.bbox().enlarged(cap)) - metal1).is_empty()
    inside = kdb.Region(kdb.DBox(ties.space_um, -1, PROFILE.breaker_width_um - ties.space_um, 181).to_itype(DBU))
    assert (rows - inside).is_empty(), "a neighbour's contact may touch its own side: keep the space from ours"
    assert (PROFILE.rules.cont_width_um, PROFILE.rules.cont_space_um) == (ties.width_um, ties.space_um)


def test_breaker_recipe_values_come_from_the_pdk_rules():
    recorded = json.loads((PROFILE.folder / "pdk_rules.json").read_text())["frontend"]
    assert RULES.nwell_activ_enclosure_um == recorded["NWell_enclosure_of_Activ"]["value"]
    assert RULES.psd_activ_enclosure_um == recorded["pSD_enclosure_of_Activ"]["value"]
    assert RULES.cont_activ_enclosure_um == recorded["Activ_enclosure_of_Cont"]["value"]
    assert RULES.metal1_cont_end_enclosure_um == recorded["Metal1_enclosure_of_Cont"]["value"]
    assert RULES.cont_width_um == recorded["Cont_width"]["value"]
    assert RULES.cont_space_um == recorded["Cont_space"]["value"]
    assert all("c4m.pdk.ihpsg13g2" in r["source"] for r in recorded.values())
    spec = PROFILE.breaker
    assert spec.pullback_um["Activ"] >= max(RULES.nwell_activ_enclosure_um, RULES.psd_activ_enclosure_um)
    assert spec.contact_enclosure_um["Cont"] == {"Activ": RULES.cont_activ_enclosure_um,
                                                 "Metal1": RULES.metal1_cont_end_enclosure_um}


@pytest.mark.slow
def test_shipped_abstracts_match_the_library():
    """abstracts.oas is what build_abstracts makes from cells.oas today (XOR = 0 on every layer)."""
    shipped = kdb.Layout()
    shipped.read(str(PROFILE.folder / PROFILE.connectivity.abstracts))
    fresh = build_abstracts(PROFILE)
    assert sorted(c.name for c in shipped.each_cell()) == sorted(c.name for c in fresh.each_cell())
    for cell in fresh.each_cell():
        for li in fresh.layer_indexes():
            info = fresh.get_info(li)
            other = shipped.find_layer(info.layer, info.datatype)
            a = kdb.Region(cell.shapes(li))
            b = kdb.Region() if other is None else kdb.Region(shipped.cell(cell.name).shapes(other))
            assert (a ^ b).is_empty(), f"{cell.name} {info}"


@pytest.fixture(scope="module")
def rings(tmp_path_factory):
    root = tmp_path_factory.mktemp("frontend")
    return {p.stem: (build(parse_intent(example(p.stem)), root / p.stem), root / p.stem)[1] for p in EXAMPLES}


def test_uncut_rail_is_a_domain_short_named_with_nets_and_place(rings, tmp_path):
    layout = kdb.Layout()
    layout.read(str(rings["mixed_4x4"] / "ring.oas"))
    uncut_rail_breaker(layout, layout.top_cell(), PROFILE)
    layout.write(str(tmp_path / "faulty.oas"))
    run(tmp_path / "faulty.oas", rings["mixed_4x4"] / "intent.json", tmp_path)
    lvs = json.loads((tmp_path / "lvs.json").read_text())
    shorts = [f for f in lvs["findings"] if f["rule"] == "lvs.domain_short"]
    assert shorts and all("AVDD and IOVDD" in f["message"] and "breaker" in f["message"] for f in shorts), shorts
    assert "NWell" in shorts[0]["message"] and shorts[0]["x_um"] is not None
    assert "substrate" in lvs["frontend"]


# --- independent cross-check: the whole ring at device level, real pad cells, no abstracts, no recipe -------------

CONDUCTORS = {"Activ": (1, 0), "GatPoly": (5, 0), "NWell": (31, 0), "Metal1": (8, 0), "Metal2": (10, 0),
              "Metal3": (30, 0), "Metal4": (50, 0), "Metal5": (67, 0), "TopMetal1": (126, 0), "TopMetal2": (134, 0)}
VIAS = [((6, 0), "Activ", "Metal1"), ((19, 0), "Metal1", "Metal2"), ((29, 0), "Metal2", "Metal3"),
        ((49, 0), "Metal3", "Metal4"), ((66, 0), "Metal4", "Metal5"), ((125, 0), "Metal5", "TopMetal1"),
        ((133, 0), "TopMetal1", "TopMetal2")]
PSD, SALBLOCK, LABEL_OFFSET = (14, 0), (28, 0), 1000
VIA_MERGE_UM = 0.1  # vias of one array closer than 2 × this are one blob (kept inside lower ∩ upper)


def joined_labels(path: Path) -> list[list[str]]:
    """Nets of a built ring that carry two or more different top-level labels, from the GDS alone.

    Written apart from adaptor/connectivity.py on purpose: IHP's layer numbers, every pad cell
    extracted with all its devices' diffusion, wells, poly and vias (no abstracts), and no
    knowledge of the breaker. Vias of one array are merged into blobs inside the overlap of the
    layers they join, which keeps the connectivity and makes the run ~4 times faster.
    """
    layout = kdb.Layout()
    layout.read(str(path))
    top = layout.top_cell()
    for number, _ in CONDUCTORS.values():  # only the ring's own labels name nets, not the library cells'
        src = layout.find_layer(number, 2)
        if src is not None:
            dst = top.shapes(layout.layer(LABEL_OFFSET + number, 0))
            for shape in top.shapes(src).each():
                if shape.is_text():
                    dst.insert(shape.text)
    l2n = kdb.LayoutToNetlist(kdb.RecursiveShapeIterator(layout, top, []))
    get = lambda layer: l2n.make_polygon_layer(layout.layer(*layer))  # noqa: E731
    r = {name: get(layer) for name, layer in CONDUCTORS.items()}
    diffusion, poly = r["Activ"] - r["GatPoly"], r["GatPoly"] - get(SALBLOCK)
    tap = (diffusion & r["NWell"]) - get(PSD)
    contacts = get((6, 0))
    for region, name in ((diffusion, "sd"), (poly, "poly"), (tap, "tap")):
        l2n.register(region, name)
    r["Activ"], r["GatPoly"] = diffusion, poly
    for region in (*r.values(), tap):
        l2n.connect(region)
    l2n.connect(tap, diffusion)
    l2n.connect(tap, r["NWell"])
    l2n.connect(contacts)
    l2n.connect(contacts, poly)
    l2n.connect(contacts, r["Metal1"])
    for k, (layer, lower, upper) in enumerate(VIAS):
        via = get(layer).sized(round(VIA_MERGE_UM / layout.dbu)) & r[lower] & r[upper]
        l2n.register(via, f"via{k}")
        l2n.connect(via)
        l2n.connect(via, r[lower])
        l2n.connect(via, r[upper])
    for name, (number, _) in CONDUCTORS.items():
        if layout.find_layer(LABEL_OFFSET + number, 0) is not None:
            l2n.connect(r[name], l2n.make_text_layer(layout.layer(LABEL_OFFSET + number, 0), f"{name}_label"))
    l2n.extract_netlist()
    out = [sorted(set(net.name.split(","))) for net in l2n.netlist().top_circuit().each_net() if net.name]
    return sorted(names for names in out if len(names) > 1)


BEFORE = {"mixed_4x4": [["AVDD", "IOVDD"]], "multi_domain_8x8": [["BGVDD", "IOVDD", "PLLVDD", "RFVDD"]],
          "double_ring_6x6": [["AVDD", "IOVDD"]], "nonsquare_5x3": [["AVDD", "IOVDD"]]}  # digital_3x3: no breaker


@pytest.mark.slow
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_independent_extraction_finds_no_two_domains_joined(rings, tmp_path, path):
    start = time.perf_counter()
    assert joined_labels(rings[path.stem] / "ring.gds") == []
    print(f"{path.stem}: after: none joined ({time.perf_counter() - start:.1f} s)")
    if path.stem in BEFORE:  # the old breaker recipe joins exactly the nets the issue lists
        layout = kdb.Layout()
        layout.read(str(rings[path.stem] / "ring.gds"))
        uncut_rail_breaker(layout, layout.top_cell(), PROFILE)
        layout.write(str(tmp_path / "before.gds"))
        assert joined_labels(tmp_path / "before.gds") == BEFORE[path.stem]


# --- the foundry-independent front-end deck: PDKMaster's SG13G2 DRC, run by the klayout binary ----------------------


def _pdkmaster_markers_in_breaker(tmp_path: Path, old: bool) -> dict[str, int]:
    """Markers of PDKMaster's DRC deck inside the breaker of a filler | breaker | filler row."""
    import shutil
    import subprocess

    import gdstk
    import klayout.rdb as rdb

    pdk = pytest.importorskip("c4m.pdk.ihpsg13g2")
    exporter = pytest.importorskip("pdkmaster.io.klayout")
    if shutil.which("klayout") is None:
        pytest.skip("the klayout binary (Debian package klayout) runs the deck")
    deck = exporter.FileExporter(tech=pdk.tech, gds_layers=pdk.gds_layers, prims_spiceparams=pdk.prims_spiceparams)()
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "pdkmaster.drc").write_text(deck["drc"].replace(", Projection)", ", projection)"))  # for 0.28.5
    from adaptor.technology import cell_library

    filler, breaker = cell_library("sg13g2")[PROFILE.breaker.base_filler], breaker_cell("sg13g2")
    width = PROFILE.breaker_width_um
    top = gdstk.Cell("ROW")
    top.add(gdstk.Reference(filler, (0, 0)), gdstk.Reference(breaker, (width, 0)), gdstk.Reference(filler, (2 * width, 0)))
    lib = gdstk.Library(unit=1e-6, precision=1e-9)
    lib.add(top, filler, breaker)
    lib.write_gds(str(tmp_path / "row.gds"))
    if old:
        layout = kdb.Layout()
        layout.read(str(tmp_path / "row.gds"))
        uncut_rail_breaker(layout, layout.top_cell(), PROFILE)
        layout.write(str(tmp_path / "row.gds"))
    env = {"SOURCE_FILE": str(tmp_path / "row.gds"), "CELL_NAME": "ROW", "REPORT_FILE": str(tmp_path / "row.lyrdb")}
    subprocess.run(["klayout", "-b", "-r", str(tmp_path / "pdkmaster.drc")], env={**__import__("os").environ, **env},
                   check=True, capture_output=True, timeout=600)
    db = rdb.ReportDatabase("")
    db.load(str(tmp_path / "row.lyrdb"))
    inside = kdb.DBox(width + 0.5, 0, 2 * width - 0.5, PROFILE.cell_depth_um)
    found: dict[str, int] = {}
    for item in db.each_item():
        boxes = [v.edge_pair().bbox() if v.is_edge_pair() else v.edge().bbox() if v.is_edge() else
                 v.box() if v.is_box() else v.polygon().bbox()
                 for v in item.each_value() if v.is_edge_pair() or v.is_edge() or v.is_box() or v.is_polygon()]
        if any(inside.contains(b.center()) for b in boxes):
            name = db.category_by_id(item.category_id()).name()
            found[name] = found.get(name, 0) + 1
    return found


@pytest.mark.slow
def test_pdkmaster_deck_finds_no_marker_in_the_breaker_and_did_in_the_old_one(tmp_path):
    assert _pdkmaster_markers_in_breaker(tmp_path / "new", old=False) == {}
    old = _pdkmaster_markers_in_breaker(tmp_path / "old", old=True)
    assert any("pSD" in rule for rule in old) and any("NWell" in rule for rule in old), old
