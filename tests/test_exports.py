"""Exports of a built ring, each read back with a real parser and compared with placement.json:
DEF and LEF with klayout.db's LEF/DEF reader, the OpenROAD script with a Tcl interpreter, the
LibreLane configuration with yaml/json, the bonding and pin lists with csv and an XML parser.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import klayout.db as kdb
import pytest
import yaml

from adaptor.build import build
from adaptor.intent import Position, Side
from adaptor.load import parse_intent
from adaptor.placement import Placed
from adaptor.technologies import available
from adaptor.technology import cell_info, load_profile
from exports import FORMAT_NAMES
from exports.export import export_files
from ioring.files import BUILD_MARKER
from exports.lef import boundary
from exports.ring import Ring, bond_pads, load_ring
from tests.conftest import ROOT, case_intent, technology_cases

NAMES = technology_cases()  # every example on its own technology and on each other one that can build it
EPS = 1e-6


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, tuple[Ring, Path]]:
    """Every example built, and all formats exported into ``<build>/export``."""
    out = {}
    for case in NAMES:
        folder = tmp_path_factory.mktemp("ring") / case.rpartition(":")[2]
        build(parse_intent(case_intent(case)), folder)
        ring = load_ring(folder)
        target = folder / "export"
        target.mkdir()
        for name, text in export_files(ring, "all").items():
            (target / name).write_text(text)
        out[case] = (ring, target)
    return out


def _close(a, b) -> bool:
    return all(abs(x - y) < EPS for x, y in zip(a, b, strict=True))


def _read(path: Path, lefs: list[Path] | None = None) -> kdb.Layout:
    """LEF or DEF through klayout's reader, macros as their LEF geometry."""
    opt = kdb.LoadLayoutOptions()
    cfg = opt.lefdef_config
    cfg.macro_resolution_mode = 1
    cfg.read_lef_with_def = False
    cfg.lef_files = [str(p) for p in lefs or []]
    layout = kdb.Layout()
    layout.read(str(path), opt)
    return layout


def _shapes(layout: kdb.Layout, cell: kdb.Cell, name: str) -> list[kdb.Shape]:
    """The shapes of ``cell`` on every layer named ``name`` (LEF and DEF pins each get their own)."""
    return [shape for index in layout.layer_indexes() if layout.get_info(index).name == name
            for shape in cell.shapes(index).each()]


def _core_labels(ring: Ring) -> list:
    return [lb for lb in ring.placement.labels if tuple(lb.layer) == tuple(ring.profile.core_pin_layer)]


def _dbox(layout: kdb.Layout, shape: kdb.Shape) -> tuple[float, ...]:
    b = shape.bbox().to_dtype(layout.dbu)
    return (b.left, b.bottom, b.right, b.top)


@pytest.mark.parametrize("name", NAMES)
def test_def_reads_back_instance_by_instance(built, name):
    ring, folder = built[name]
    layout = _read(folder / f"{ring.design}.def", [folder / f"{ring.design}_cells.lef"])
    top = layout.top_cell()
    assert top.name == ring.design
    outline = _shapes(layout, top, "OUTLINE")
    assert len(outline) == 1 and _close(_dbox(layout, outline[0]), (0, 0, *ring.placement.die))
    instances = {inst.property(1): inst for inst in top.each_inst()}
    assert set(instances) == {c.name for c in ring.placement.cells}
    for placed in ring.placement.cells:
        inst = instances[placed.name]
        t = inst.dcplx_trans
        assert inst.cell.name == ring.cell(placed)
        assert _close((t.disp.x, t.disp.y), (placed.x, placed.y)), placed.name
        assert round(t.angle) % 360 == placed.rotation and not t.is_mirror(), placed.name
        b = inst.dbbox()
        assert _close((b.left, b.bottom, b.right, b.top), placed.box), placed.name
    layer = ring.layer_name(ring.profile.core_pin_layer)
    pins = {s.property(1): _dbox(layout, s) for s in _shapes(layout, top, f"{layer}.PIN")}
    labels = _core_labels(ring)
    assert len(pins) == len(labels)
    for label in labels:  # the GDS label of every core-side net lies in the DEF pin of that name
        x0, y0, x1, y1 = pins[label.text]
        assert x0 - EPS <= label.x <= x1 + EPS and y0 - EPS <= label.y <= y1 + EPS, label.text


def _read_with_layout(ring: Ring, folder: Path) -> tuple[kdb.Layout, kdb.Layout]:
    """The DEF read the way LibreLane streams out: LEF macros resolved to ring.gds's cells by FOREIGN."""
    gds = kdb.Layout()
    gds.read(str(ring.folder / "ring.gds"))
    opt = kdb.LoadLayoutOptions()
    cfg = opt.lefdef_config
    cfg.read_lef_with_def = False
    cfg.lef_files = [str((folder / f"{ring.design}_cells.lef").resolve())]
    cfg.macro_layouts = [gds]
    layout = kdb.Layout()
    layout.read(str(folder / f"{ring.design}.def"), opt)
    return layout, gds


@pytest.mark.parametrize("name", NAMES)
def test_def_with_the_cell_layouts_places_every_cell_as_ring_gds(built, name):
    """Through FOREIGN, every layout cell lands with the transformation ring.gds gives it."""
    ring, folder = built[name]
    layout, gds = _read_with_layout(ring, folder)

    def placements(cell: kdb.Cell) -> Counter:
        return Counter((i.cell.name, str(i.dcplx_trans)) for i in cell.each_inst())

    assert placements(layout.top_cell()) == placements(gds.cell(ring.design))


@pytest.mark.slow
def test_def_with_the_cell_layouts_xors_clean_against_ring_gds(built):
    ring, folder = built["mixed_4x4"]
    layout, gds = _read_with_layout(ring, folder)
    top, ours = layout.top_cell(), gds.cell("mixed_4x4")
    for index in gds.layer_indexes():
        info = gds.get_info(index)
        shapes = ours.begin_shapes_rec(index)
        shapes.min_depth = 1  # the cells only: straps, labels and the die outline are not in the DEF
        theirs = layout.find_layer(info.layer, info.datatype)
        other = kdb.Region(top.begin_shapes_rec(theirs)) if theirs is not None else kdb.Region()
        assert (kdb.Region(shapes) ^ other).is_empty(), info


@pytest.mark.parametrize("name", NAMES)
def test_buses_connect_by_abutment_as_the_ring_segments(built, name):
    """ICeWall's connect_by_abutment on the DEF and the LEF pins: pins of abutting instances that touch
    on one layer join. No two nets of ring.v may meet (OpenROAD stops with PAD-2), the ring-wide
    buses join the whole ring, and each domain-local bus joins exactly the pads of its segment."""
    ring, folder = built[name]
    opt = kdb.LoadLayoutOptions()
    cfg = opt.lefdef_config
    cfg.macro_resolution_mode, cfg.read_lef_with_def, cfg.pin_property_name = 1, False, "PIN"
    cfg.lef_files = [str(folder / f"{ring.design}_cells.lef")]
    layout = kdb.Layout()
    layout.read(str(folder / f"{ring.design}.def"), opt)
    kinds = {c.name: c for c in ring.placement.cells}
    pins: dict[tuple[str, str], list[tuple[int, kdb.Box]]] = {}
    boxes: dict[str, kdb.Box] = {}
    for inst in layout.top_cell().each_inst():
        if kinds[inst.property(1)].kind == "bondpad":  # cover cells are not in the rows
            continue
        boxes[inst.property(1)] = inst.bbox()
        for index in layout.layer_indexes():
            if layout.get_info(index).name.endswith(".PIN"):
                for shape in inst.cell.shapes(index).each():
                    pins.setdefault((inst.property(1), shape.property("PIN")), []).append(
                        (index, shape.bbox().transformed(inst.cplx_trans)))
    parent = {key: key for key in pins}

    def root(key):
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    names = sorted(boxes)
    for k, a in enumerate(names):
        for b in names[k + 1:]:
            if not boxes[a].touches(boxes[b]):
                continue
            for (ia, pa), shapes_a in ((key, v) for key, v in pins.items() if key[0] == a):
                for (ib, pb), shapes_b in ((key, v) for key, v in pins.items() if key[0] == b):
                    if any(la == lb and sa.touches(sb) for la, sa in shapes_a for lb, sb in shapes_b):
                        parent[root((ia, pa))] = root((ib, pb))
    nets: dict[tuple, set[str]] = {}
    for pad in ring.placement.of_kind("pad"):
        for port in ring.profile.buses:
            nets.setdefault(root((pad.name, port)), set()).add(pad.nets[port])
    assert all(len(v) == 1 for v in nets.values()), nets
    pads = ring.placement.of_kind("pad")
    for port in ring.profile.buses:
        if port not in ring.profile.domain_local_buses:
            assert len({root((p.name, port)) for p in pads}) == 1, port
    by_pad = {p.pad: p for p in pads}
    segments = ring.placement.segments
    for port in ring.profile.domain_local_buses:
        groups = [{root((by_pad[n].name, port)) for n in seg.pads} for seg in segments]
        assert all(len(g) == 1 for g in groups) and len(set().union(*groups)) == len(segments), port


def test_def_nets_join_pins_to_their_pad_ports(built):
    ring, folder = built["mixed_4x4"]
    text = (folder / "mixed_4x4.def").read_text()
    nets = dict(re.findall(r"^- (\S+) \( PIN \1 \) \( (\S+ \S+) \)", text, re.M))
    expected = {net: f"{c.name} {port}" for c in ring.placement.of_kind("pad") for port, net in c.nets.items()
                if net.endswith("_CORE") or "_CORE_" in net}
    assert nets == expected


@pytest.mark.parametrize("name", NAMES)
def test_lef_abstract_reads_back(built, name):
    ring, folder = built[name]
    layout = _read(folder / f"{ring.design}.lef")
    macro = layout.cell(ring.design)
    assert macro is not None
    assert _close(_dbox(layout, _shapes(layout, macro, "OUTLINE")[0]), (0, 0, *ring.placement.die))
    layer = ring.layer_name(ring.profile.core_pin_layer)
    pins = [_dbox(layout, s) for s in _shapes(layout, macro, f"{layer}.PIN")]
    texts = {s.text_string: (s.text_dpos.x, s.text_dpos.y) for s in _shapes(layout, macro, f"{layer}.LABEL")}
    labels = _core_labels(ring)
    assert len(pins) == len(texts) == len(labels)
    for label in labels:
        tx, ty = texts[label.text]
        box = next(p for p in pins if p[0] <= tx <= p[2] and p[1] <= ty <= p[3])
        assert box[0] - EPS <= label.x <= box[2] + EPS and box[1] - EPS <= label.y <= box[3] + EPS
    dbu = layout.dbu
    ring_cells = kdb.Region([kdb.DBox(*c.box).to_itype(dbu) for c in ring.placement.cells])
    cx0, cy0, cx1, cy1 = ring.placement.ring_box
    d = ring.profile.cell_depth_um
    opening = kdb.Region(kdb.DBox(cx0 + d, cy0 + d, cx1 - d, cy1 - d).to_itype(dbu))
    for lef_layer in ring.profile.lef_layers:
        obs = kdb.Region([s.bbox() for s in _shapes(layout, macro, f"{lef_layer}.OBS")])
        assert (ring_cells - obs).is_empty(), lef_layer  # every cell and bond pad is covered
        assert (obs & opening).is_empty(), lef_layer  # the core opening is free


@pytest.mark.parametrize("name", NAMES)
def test_cells_lef_matches_the_technology_layout(built, name):
    """Every macro has its cell's boundary, and every LEF pin rectangle lies on that pin in the OASIS."""
    ring, folder = built[name]
    layout = _read(folder / f"{ring.design}_cells.lef")
    oas = kdb.Layout()
    oas.read(str(ring.profile.folder / ring.profile.library))
    cells = {ring.cell(c): c.kind for c in ring.placement.cells}
    assert {c.name for c in layout.each_cell()} == set(cells)
    for cell, kind in cells.items():
        macro = layout.cell(cell)
        assert _close(_dbox(layout, _shapes(layout, macro, "OUTLINE")[0]), boundary(ring, cell))
        if kind == "bondpad":  # generated from the profile (adaptor/bondpad.py): a COVER macro without pins
            assert not any(_shapes(layout, macro, f"{n}.PIN") for n in ring.profile.lef_layers), cell
            continue
        source = oas.cell(cell) if kind != "breaker" else oas.cell(ring.profile.breaker.base_filler)
        n = 0
        for lef_layer, (num, dt) in ring.profile.lef_layers.items():
            gds = kdb.Region(source.begin_shapes_rec(oas.layer(num, dt)))
            for shape in _shapes(layout, macro, f"{lef_layer}.PIN"):
                box = kdb.DBox(*_dbox(layout, shape)).to_itype(oas.dbu)
                assert (kdb.Region(box) - gds).is_empty(), (cell, lef_layer)
                n += 1
        assert n > 0, cell


@pytest.mark.parametrize("technology", available())
def test_lef_layer_names_are_the_pdk_layer_names(technology):
    """Every technology names its pin layers for the exports (core, pad and bus pins at least), with
    the names its own layout carries on those GDS layers."""
    profile = load_profile(technology)
    wanted = {tuple(profile.core_pin_layer), tuple(profile.pad_pin_layer), tuple(profile.bus_label_layer)}
    assert wanted <= {tuple(v) for v in profile.lef_layers.values()}, "add them to the profile's lef_layers"
    oas = kdb.Layout()
    oas.read(str(profile.folder / profile.library))
    names = {(oas.get_info(i).layer, oas.get_info(i).datatype): oas.get_info(i).name for i in oas.layer_indexes()}
    # the PDK's own names: SG13G2's layout and tech LEF share them; sky130's OASIS says m1 where its tech LEF
    # says met1, so there the OASIS name must be the conductor at the same place of the connectivity stack
    metals = [n for n in profile.connectivity.stack[2::2]]
    for k, (name, (num, dt)) in enumerate(profile.lef_layers.items()):
        oas_name = names[(num, dt)].split(".")[0]
        assert oas_name == name or oas_name == metals[k], (name, oas_name)
    assert [names[tuple(v)].split(".")[0] for v in profile.lef_layers.values()] == [
        n for n in metals if profile.layers[n][0] in {v[0] for v in profile.lef_layers.values()}], "bottom to top"


# --- OpenROAD: run the script in Tcl with stub commands that record the calls ---------------------

Matrix = tuple[int, int, int, int]
ORIENT: dict[str, Matrix] = {"R0": (1, 0, 0, 1), "R90": (0, -1, 1, 0), "R180": (-1, 0, 0, -1), "R270": (0, 1, -1, 0),
                             "MX": (1, 0, 0, -1), "MY": (-1, 0, 0, 1), "MXR90": (0, 1, 1, 0), "MYR90": (0, -1, -1, 0)}
# ICeWall::makeIORow with one site for both directions: the orientation of each row
ROW_ORIENT = {"IO_SOUTH": "R0", "IO_EAST": "R90", "IO_NORTH": "MX", "IO_WEST": "MXR90"}
COMMANDS = ("make_fake_io_site", "make_io_sites", "place_pad", "place_corners", "place_io_fill",
            "connect_by_abutment", "place_bondpad")


def _after(first: Matrix, then: Matrix) -> Matrix:
    """The orientation of applying ``first``, then ``then`` (odb's concat)."""
    a, b, c, d = then
    e, f, g, h = first
    return (a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h)


def _rotation(m: Matrix) -> int | None:
    return {ORIENT[f"R{r}"]: r for r in (0, 90, 180, 270)}.get(m)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[1] * y, m[2] * x + m[3] * y


def _placed_box(m: Matrix, cell_box, lower_left) -> tuple[tuple[float, ...], tuple[float, float]]:
    """Box and origin of a cell in orientation ``m`` whose placed box starts at ``lower_left``."""
    pts = [_apply(m, x, y) for x in (cell_box[0], cell_box[2]) for y in (cell_box[1], cell_box[3])]
    mx, my = min(p[0] for p in pts), min(p[1] for p in pts)
    w, h = max(p[0] for p in pts) - mx, max(p[1] for p in pts) - my
    return (lower_left[0], lower_left[1], lower_left[0] + w, lower_left[1] + h), (lower_left[0] - mx,
                                                                                 lower_left[1] - my)


STUBS = "set ::calls {}\n" + "".join(f"proc {c} {{args}} {{ lappend ::calls [linsert $args 0 {c}] }}\n"
                                      for c in COMMANDS)


def _bond_centre(pad_origin, rotation: int, offset) -> tuple[float, float]:
    """Where ``place_bondpad -offset`` puts the bond pad's origin: the pad's origin plus the offset
    turned with the pad (macro origins are the layout cells' origins)."""
    ox, oy = _apply(ORIENT[f"R{rotation}"], *offset)
    return pad_origin[0] + ox, pad_origin[1] + oy


def _tcl_calls(script: Path) -> list[list[str]]:
    """Source the script in a real Tcl interpreter (tkinter's, else tclsh) with recording stubs."""
    try:
        import tkinter
    except ImportError:
        tkinter = None
    if tkinter is not None:
        tcl = tkinter.Tcl()
        tcl.eval(STUBS + f"source {{{script}}}")
        return [list(tcl.splitlist(c)) for c in tcl.splitlist(tcl.eval("set ::calls"))]
    if shutil.which("tclsh") is None:
        pytest.skip("no Tcl interpreter: install Debian python3-tk or tcl")
    dump = 'foreach c $::calls { puts [join $c "\x1f"] }'
    out = subprocess.run(["tclsh"], input=STUBS + f"source {{{script}}}\n{dump}\n", capture_output=True,
                         text=True, check=True, timeout=60).stdout
    return [line.split("\x1f") for line in out.splitlines()]


def _options(args: list[str], flags: tuple[str, ...] = ()) -> tuple[dict[str, str], list[str]]:
    opts, rest, k = {}, [], 0
    while k < len(args):
        if args[k] in flags:
            opts[args[k]] = "1"
            k += 1
        elif args[k].startswith("-"):
            opts[args[k]] = args[k + 1]
            k += 2
        else:
            rest.append(args[k])
            k += 1
    return opts, rest


@pytest.mark.parametrize("name", NAMES)
def test_openroad_script_rebuilds_the_placement(built, name):
    ring, folder = built[name]
    calls = _tcl_calls(folder / f"{ring.design}_pad.tcl")
    order = [c[0] for k, c in enumerate(calls) if k == 0 or calls[k - 1][0] != c[0]]
    bond = [] if ring.profile.bond_pad.in_cell else ["place_bondpad"]  # in-cell bond pads: nothing to place
    assert order == ["make_fake_io_site", "make_io_sites", "place_pad", "place_corners", "place_io_fill",
                     "connect_by_abutment", *bond]
    sites = {}
    for call in calls:
        if call[0] == "make_fake_io_site":
            opts, _ = _options(call[1:])
            sites[opts["-name"]] = (float(opts["-width"]), float(opts["-height"]))
    opts, _ = _options(next(c for c in calls if c[0] == "make_io_sites")[1:])
    offset = float(opts["-offset"])
    assert opts["-horizontal_site"] == opts["-vertical_site"]
    site_w, site_h = sites[opts["-horizontal_site"]]
    corner_w, corner_h = sites[opts["-corner_site"]]
    w, h = ring.placement.die
    start = offset + corner_w
    placed: dict[str, tuple[str, tuple[float, ...], tuple[float, float], int | None, str]] = {}
    for call in calls:
        if call[0] != "place_pad":
            continue
        opts, (inst,) = _options(call[1:], flags=("-mirror",))
        row, cell = opts["-row"], opts["-master"]
        m = _after(ORIENT["MY"] if "-mirror" in opts else ORIENT["R0"], ORIENT[ROW_ORIENT[row]])
        index = round((float(opts["-location"]) - start) / site_w)
        edge = start + index * site_w
        cb = boundary(ring, cell)
        box, _ = _placed_box(m, cb, (0, 0))
        bw, bh = box[2], box[3]
        assert (bh if row in ("IO_SOUTH", "IO_NORTH") else bw) == site_h, inst  # the row is one site deep
        ll = {"IO_SOUTH": (edge, offset), "IO_NORTH": (edge, h - offset - bh), "IO_WEST": (offset, edge),
              "IO_EAST": (w - offset - bw, edge)}[row]
        box, origin = _placed_box(m, cb, ll)
        placed[inst] = (cell, box, origin, _rotation(m), row)
    cells = {c.name: c for c in ring.placement.cells}
    for inst, (cell, box, origin, rotation, _) in placed.items():
        c = cells[inst]
        assert c.kind in ("pad", "breaker", "filler") and ring.cell(c) == cell
        assert _close(box, c.box) and _close(origin, (c.x, c.y)) and rotation == c.rotation, inst
    assert {c.name for c in ring.placement.cells if c.kind in ("pad", "breaker")} <= set(placed)
    # corners: OpenROAD's orientation differs from ours by the corner's diagonal mirror (checked below)
    corner_cell = _options(next(c for c in calls if c[0] == "place_corners")[1:])[1][0]
    corners = {(offset, offset), (w - offset - corner_w, offset), (offset, h - offset - corner_h),
               (w - offset - corner_w, h - offset - corner_h)}
    assert {(c.box[0], c.box[1]) for c in ring.placement.of_kind("corner")} == corners
    assert {c.cell for c in ring.placement.of_kind("corner")} == {corner_cell}
    # fillers: ICeWall fills each gap of a row with the masters in the order given, each while it fits
    side_of = {"IO_SOUTH": Side.bottom, "IO_EAST": Side.right, "IO_NORTH": Side.top, "IO_WEST": Side.left}
    for call in (c for c in calls if c[0] == "place_io_fill"):
        opts, masters = _options(call[1:])
        side = side_of[opts["-row"]]
        horizontal = side in (Side.bottom, Side.top)
        span = [(b[0], b[2]) if horizontal else (b[1], b[3]) for _, b, _, _, r in placed.values() if r == opts["-row"]]
        end = (w if horizontal else h) - offset - corner_w
        fills, pos = [], start
        for lo, hi in sorted(span) + [(end, end)]:
            gap = lo - pos
            for master in masters:
                width = boundary(ring, master)[2] - boundary(ring, master)[0]
                while width <= gap + EPS:
                    fills.append((master, round(pos, 6)))
                    pos, gap = pos + width, gap - width
            assert abs(gap) < EPS
            pos = hi
        fill_rotation = _rotation(ORIENT[ROW_ORIENT[opts["-row"]]])  # place_io_fill keeps the row's orientation
        assert all(c.rotation == fill_rotation for c in ring.placement.of_kind("filler") if c.side is side
                   and (c.cell, round(c.box[0] if horizontal else c.box[1], 6)) in fills), side
        explicit = [(cell, round(b[0] if horizontal else b[1], 6)) for cell, b, _, _, r in placed.values()
                    if r == opts["-row"] and cell in ring.profile.fillers]
        ours = [(c.cell, round(c.box[0] if horizontal else c.box[1], 6)) for c in ring.placement.of_kind("filler")
                if c.side is side]
        assert sorted(fills + explicit) == sorted(ours), side
    # bond pads: the offset is in the pad's frame from its origin; the bond pad takes the pad's orientation
    bonds = {c.position: c for c in ring.placement.of_kind("bondpad")}
    seen = []
    for call in (c for c in calls if c[0] == "place_bondpad"):
        opts, insts = _options(call[1:])
        dx, dy = (float(v) for v in opts["-offset"].split())
        for inst in insts:
            _, _, origin, rotation, _ = placed[inst]
            bond = bonds[cells[inst].position]
            centre = _bond_centre(origin, rotation, (dx, dy))
            assert opts["-bond"] == bond.cell and _close(centre, (bond.x, bond.y)), inst
            seen.append(inst)
    want = [] if ring.profile.bond_pad.in_cell else sorted(c.name for c in ring.placement.of_kind("pad"))
    assert sorted(seen) == want


def test_corner_is_the_same_in_openroads_orientation():
    """OpenROAD places corners R0/MY/R180/MX, the adaptor R0/R90/R180/R270: the corner cell must be
    symmetric about its diagonal for the two to be one layout (checked on every layer of the OASIS)."""
    profile = load_profile("sg13g2")
    layout = kdb.Layout()
    layout.read(str(profile.folder / profile.library))
    cell = layout.cell(profile.corner.cell)
    size = round(profile.corner.size_um / layout.dbu)
    outline = kdb.Region(kdb.Box(-size, 0, 0, size))
    checked = 0
    # bottom-right: ours R90, OpenROAD MY (= MX then R180); top-left: ours R270, OpenROAD MX
    for ours, theirs in ((kdb.ICplxTrans(1, 90, False, 0, 0), kdb.ICplxTrans(1, 180, True, 0, 0)),
                         (kdb.ICplxTrans(1, 270, False, 0, 0), kdb.ICplxTrans(1, 0, True, 0, 0))):
        shift = outline.transformed(ours).bbox().p1 - outline.transformed(theirs).bbox().p1
        for index in layout.layer_indexes():
            region = kdb.Region(cell.begin_shapes_rec(index)).merged()
            if not region.is_empty():
                assert (region.transformed(ours) ^ region.transformed(theirs).moved(shift)).is_empty()
                checked += 1
    assert checked > 10


# --- LibreLane ------------------------------------------------------------------------------------

# the variables LibreLane reads for the pad ring: OpenROAD.PadRing's config (PAD_SOUTH/EAST/NORTH/WEST,
# PAD_CFG), the PDK pad variables its scripts/openroad/common/pad_cfg.tcl uses, and flow options
LIBRELANE_VARIABLES = {"PAD_SOUTH", "PAD_EAST", "PAD_NORTH", "PAD_WEST", "PAD_CFG", "PAD_SITE_NAME",
                       "PAD_CORNER_SITE_NAME", "PAD_FAKE_SITE_WIDTH", "PAD_FAKE_SITE_HEIGHT",
                       "PAD_FAKE_CORNER_SITE_WIDTH", "PAD_FAKE_CORNER_SITE_HEIGHT", "PAD_EDGE_SPACING", "PAD_CORNER",
                       "PAD_FILLERS", "PAD_BONDPAD_NAME", "PAD_BONDPAD_WIDTH", "PAD_BONDPAD_HEIGHT",
                       "PAD_BONDPAD_OFFSETS", "DIE_AREA", "FP_SIZING", "EXTRA_LEFS"}


@pytest.mark.parametrize("name", NAMES)
def test_librelane_config_reads_back(built, name):
    ring, folder = built[name]
    cfg = yaml.safe_load((folder / f"{ring.design}_librelane.yaml").read_text())
    assert cfg == json.loads((folder / f"{ring.design}_librelane.json").read_text())
    assert set(cfg) <= LIBRELANE_VARIABLES
    w, h = ring.placement.die
    assert cfg["DIE_AREA"] == [0, 0, w, h] and cfg["PAD_EDGE_SPACING"] == ring.placement.ring_box[0]
    for side, var in ((Side.bottom, "PAD_SOUTH"), (Side.right, "PAD_EAST"), (Side.top, "PAD_NORTH"),
                      (Side.left, "PAD_WEST")):
        pads = [c for c in ring.placement.of_kind("pad") if c.side is side]
        along = 0 if side in (Side.bottom, Side.top) else 1
        assert cfg[var] == [c.name for c in sorted(pads, key=lambda c: c.box[along])]
    assert Counter(sum((cfg[v] for v in ("PAD_SOUTH", "PAD_EAST", "PAD_NORTH", "PAD_WEST")), [])) == Counter(
        c.name for c in ring.placement.of_kind("pad"))
    assert cfg["PAD_CORNER"] == ring.placement.of_kind("corner")[0].cell
    assert {c.cell for c in ring.placement.of_kind("filler")} <= set(cfg["PAD_FILLERS"])
    if ring.profile.bond_pad.in_cell:  # the pad cells carry their bond pad: LibreLane places none
        assert not [v for v in cfg if v.startswith("PAD_BONDPAD")] and not ring.placement.of_kind("bondpad")
        return
    assert cfg["PAD_BONDPAD_NAME"] == ring.placement.of_kind("bondpad")[0].cell
    pads = {c.position: c for c in ring.placement.of_kind("pad")}
    for bond in ring.placement.of_kind("bondpad"):
        pad = pads[bond.position]
        ((_, offset),) = [(rx, off) for rx, off in cfg["PAD_BONDPAD_OFFSETS"].items() if re.search(rx, pad.cell)]
        dx, dy = (float(v) for v in offset.split())
        if not Position.parse(bond.position).is_inner:  # the inner row of a double ring is PAD_CFG's
            centre = _bond_centre((pad.x, pad.y), pad.rotation, (dx, dy))
            assert _close(centre, (bond.x, bond.y))
    for ref in (cfg["PAD_CFG"], *cfg["EXTRA_LEFS"]):
        assert (folder / ref.removeprefix("dir::")).is_file()


# --- bonding list and diagram, pin list -----------------------------------------------------------

def _bond_net(ring: Ring, bond: Placed) -> str:
    """A signal pad bonds its pad net; a supply pad its bus net, which it is named after (role.supply_name)."""
    pad = next(p for p in ring.placement.of_kind("pad") if p.position == bond.position)
    net = pad.nets.get("pad", pad.pad or "")
    assert net in pad.nets.values()
    return net


@pytest.mark.parametrize("name", NAMES)
def test_bonding_list_and_diagram_read_back(built, name):
    ring, folder = built[name]
    with (folder / f"{ring.design}_bonding.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    bonds = bond_pads(ring)
    assert len(bonds) == len(ring.placement.of_kind("pad"))  # one bond pad per pad cell, placed or in the cell
    if ring.profile.bond_pad.in_cell:  # each centre lies on the opening drawn inside its pad cell
        opening = _ring_region(ring, ring.profile.bond_pad.opening_layer)
        for bond in bonds:
            dot = kdb.Region(kdb.Box(round(bond.x * 1000) - 1, round(bond.y * 1000) - 1, round(bond.x * 1000) + 1, round(bond.y * 1000) + 1))
            assert not (dot & opening).is_empty(), bond.position
    assert [r["position"] for r in rows] == [b.position for b in bonds]
    assert [int(r["number"]) for r in rows] == list(range(1, len(bonds) + 1))
    compass = {Side.bottom: "south", Side.right: "east", Side.top: "north", Side.left: "west"}
    for row, bond in zip(rows, bonds):
        assert row["pad"] == bond.pad and row["domain"] == bond.domain and row["side"] == compass[bond.side]
        assert _close((float(row["x_um"]), float(row["y_um"])), (bond.x, bond.y))
        assert row["row"] == ("inner" if Position.parse(bond.position).is_inner else "outer")
        assert row["net"] == _bond_net(ring, bond)
    root = ET.parse(folder / f"{ring.design}_bonding.svg").getroot()
    w, h = ring.placement.die
    assert [float(v) for v in root.get("viewBox").split()] == [0, 0, w, h]
    rects = [e for e in root.iter("{http://www.w3.org/2000/svg}rect") if e.get("class") == "bondpad"]
    assert len(rects) == len(bonds)
    for rect, bond in zip(rects, bonds):
        cx = float(rect.get("x")) + float(rect.get("width")) / 2
        cy = h - (float(rect.get("y")) + float(rect.get("height")) / 2)
        assert _close((cx, cy), (bond.x, bond.y)) and rect.get("data-pad") == bond.pad
    texts = [e.text for e in root.iter("{http://www.w3.org/2000/svg}text")]
    assert [f"{r['number']} {r['pad']}" for r in rows] == texts


@pytest.mark.parametrize("name", NAMES)
def test_pin_list_reads_back(built, name):
    ring, folder = built[name]
    with (folder / f"{ring.design}_pins.csv").open() as handle:
        rows = {r["pin"]: r for r in csv.DictReader(handle)}
    labels = _core_labels(ring)
    assert set(rows) == {lb.text for lb in labels}
    verilog = (ring.folder / "ring.v").read_text()
    for label in labels:
        row = rows[label.text]
        assert float(row["x0_um"]) <= label.x <= float(row["x1_um"]) and float(row["y0_um"]) <= label.y <= float(
            row["y1_um"])
        assert row["layer"] == ring.layer_name(label.layer)
        assert re.search(rf"^\s*{row['direction']} wire {re.escape(label.text)}\b", verilog, re.M), label.text


# --- the command line -----------------------------------------------------------------------------

def test_export_all_from_the_cli(run_cli, built, tmp_path):
    ring, _ = built["digital_3x3"]
    code, _, err = run_cli("export", ring.folder, "--format", "all", "-o", tmp_path / "all")
    assert code == 0, err
    names = sorted(p.name for p in (tmp_path / "all").iterdir() if p.name != BUILD_MARKER)
    assert names == sorted(export_files(ring, "all")) and len(names) == 9
    for fmt in FORMAT_NAMES:
        code, _, err = run_cli("export", ring.folder, "--format", fmt, "-o", tmp_path / fmt)
        assert code == 0, err
        assert sorted(p.name for p in (tmp_path / fmt).iterdir() if p.name != BUILD_MARKER) == sorted(
            export_files(ring, fmt))


def test_export_bad_input(run_cli, built, tmp_path):
    ring, _ = built["digital_3x3"]
    intent = ROOT / "examples" / "digital_3x3.json"
    code, _, err = run_cli("export", intent, "--format", "def")
    assert code == 2 and "built ring folder" in err and "ioring build" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run_cli("export", empty, "--format", "lef", "-o", tmp_path / "out")
    assert code == 2 and "placement.json" in err and not (tmp_path / "out").exists()
    code, _, err = run_cli("export", ring.folder, "--format", "gerber")
    assert code == 2 and "invalid choice" in err
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "keep.txt").write_text("mine")
    code, _, err = run_cli("export", ring.folder, "--format", "pins", "-o", taken)
    assert code == 2 and "not an empty folder" in err
    assert [p.name for p in taken.iterdir()] == ["keep.txt"]
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "placement.json").write_text("{")
    (broken / "intent.json").write_text("{}")
    code, _, err = run_cli("export", broken, "--format", "def", "-o", tmp_path / "b")
    assert code == 2 and "cannot be read" in err and not (tmp_path / "b").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging folder left behind


def test_export_semantic_from_a_folder_or_an_intent(run_cli, built):
    ring, _ = built["mixed_4x4"]
    code, out_dir, _ = run_cli("export", ring.folder, "--format", "semantic")
    code2, out_file, _ = run_cli("export", ROOT / "examples" / "mixed_4x4.json")
    assert code == code2 == 0 and json.loads(out_dir) == json.loads(out_file)


@pytest.mark.parametrize("technology", available())
def test_no_technology_fact_in_the_exporters(technology):
    """Layer numbers and cell names come from the technology data, never from the exporters' code."""
    profile = load_profile(technology)
    source = "\n".join(p.read_text() for p in (ROOT / "exports").glob("*.py"))
    names = set(cell_info(technology)) | {profile.name, *profile.lef_layers}
    assert not [n for n in names if n in source]
    layers = {tuple(v) for v in profile.lef_layers.values()} | {
        tuple(getattr(profile, f)) for f in ("bus_label_layer", "pad_pin_layer", "core_pin_layer", "text_layer")}
    for a, b in layers:
        assert not re.search(rf"[\[(]\s*{a}\s*,\s*{b}\s*[\])]", source), (a, b)


def _ring_region(ring: Ring, layer: tuple[int, int]) -> kdb.Region:
    """Every shape of ``layer`` in the built ring (flattened, dbu 1 nm)."""
    layout = kdb.Layout()
    layout.read(str(ring.folder / "ring.oas"))
    top = layout.cell(ring.design)
    return kdb.Region(top.begin_shapes_rec(layout.layer(*layer))).merged()  # evaluated while the layout lives
