"""Device-level connectivity on klayout.db: every layer that conducts, from the technology data.

The profile names the layers (``Profile.layers``) and how they conduct (``Profile.connectivity``):
diffusion minus gate poly is source/drain, gate poly outside resistor bodies is a conductor,
contacts and vias join each layer of the stack to the next, and the well joins the diffusion
inside it that is not under the tap-excluding implant (an n-tap, not a p+ source). The
substrate is *not* a conductor here: it joins every ground by nature, so counting it would
call every ring shorted.

Also builds the per-cell *net abstracts* of the pad cells (``abstracts.oas`` in the technology
folder): for each named net of a pad cell, its shapes on every conductor (merged, no contacts
or vias), each polygon labelled with the net name, plus the cell's implants. The front-end
check (verify/frontend.py) and the breaker recipe (adaptor/breaker.py) put these in place of
the pad cells, which are far too big to extract at device level on every check. The pieces of
one net are not joined inside an abstract (no contacts or vias are kept, and klayout's
``join_net_names`` aborts on them): each piece is a pin named after its net, and whoever reads
the extraction treats same-named pins of one pad as one net. The other library cells a ring
places (fillers, corner, bond pad) get a merged copy in the same file, their via arrays turned
into blobs (``VIA_MERGE_UM``), which keeps their connectivity at a fraction of the shapes.
Rebuild the file with ``python -m adaptor.connectivity [TECHNOLOGY]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import klayout.db as kdb

from adaptor.technology import Profile, cell_info, load_profile

VIA_MERGE_UM = 0.1  # vias of one array are merged into one blob; below every conductor's minimum space (0.18 µm)


@dataclass
class Extraction:
    """A finished extraction and the regions of its conductors (by layer name)."""

    l2n: kdb.LayoutToNetlist
    conductors: dict[str, kdb.Region]


def conductor_names(profile: Profile) -> list[str]:
    """Conducting layers (not vias) of the stack, the gate and the well, bottom up."""
    conn = profile.connectivity
    return [conn.stack[0], conn.gate, conn.well, *conn.stack[2::2]]


def pad_cells(profile: Profile) -> list[str]:
    """Every library cell with the pad cells' footprint (``pad_width_um`` × ``cell_depth_um``)."""
    footprint = (0.0, 0.0, profile.pad_width_um, profile.cell_depth_um)
    return sorted(name for name, info in cell_info(profile.name).items() if info.boundary == footprint)


def extract(layout: kdb.Layout, cell: kdb.Cell, profile: Profile) -> Extraction:
    """Hierarchical extraction of ``cell`` over every conducting layer."""
    conn = profile.connectivity
    l2n = kdb.LayoutToNetlist(kdb.RecursiveShapeIterator(layout, cell, []))

    def layer(name: str, datatype: int | None = None) -> int:
        number, dt = profile.layers[name]
        return layout.layer(number, dt if datatype is None else datatype)

    raw = {name: l2n.make_polygon_layer(layer(name), name) for name in
           {*conn.stack, conn.gate, conn.gate_resistor_marker, conn.well, conn.well_tap_excluded_by}}
    diffusion = raw[conn.stack[0]] - raw[conn.gate]
    gate = raw[conn.gate] - raw[conn.gate_resistor_marker]
    tap = (diffusion & raw[conn.well]) - raw[conn.well_tap_excluded_by]
    for region, name in ((diffusion, "diffusion"), (gate, "gate"), (tap, "tap")):
        l2n.register(region, name)
    regions = {**raw, conn.stack[0]: diffusion, conn.gate: gate}
    for a, b in zip(conn.stack, conn.stack[1:]):
        l2n.connect(regions[a])
        l2n.connect(regions[a], regions[b])
    l2n.connect(regions[conn.stack[-1]])
    l2n.connect(gate, regions[conn.stack[1]])
    l2n.connect(tap)
    l2n.connect(tap, diffusion)
    l2n.connect(tap, raw[conn.well])
    l2n.connect(raw[conn.well])
    conductors = {name: regions[name] for name in conductor_names(profile)}
    for name, region in conductors.items():
        l2n.connect(region, l2n.make_text_layer(layer(name, conn.pin_datatype), f"{name}_pin"))
    l2n.extract_netlist()
    return Extraction(l2n, conductors)


def inside_point(poly: kdb.Polygon) -> kdb.Point:
    """A point strictly inside ``poly`` (the vertex mean of its first trapezoid, which is convex)."""
    piece = poly.decompose_trapezoids()[0]
    points = list(piece.each_point())
    return kdb.Point(sum(p.x for p in points) // len(points), sum(p.y for p in points) // len(points))


def build_abstracts(profile: Profile, library: Path | None = None) -> kdb.Layout:
    """The net abstract of every pad cell (named nets' conductor shapes, labelled, and the cell's implants), and a
    merged copy of every other library cell a ring places (fillers, corner, bond pad)."""
    lib = kdb.Layout()
    lib.read(str(library or profile.folder / profile.library))
    out = kdb.Layout()
    out.dbu = lib.dbu
    conn = profile.connectivity
    for name in pad_cells(profile):
        ex = extract(lib, lib.cell(name), profile)
        cell = out.create_cell(name)
        for net in ex.l2n.netlist().circuit_by_name(name).each_net():
            if not net.name:
                continue
            for layer_name, region in ex.conductors.items():
                number, datatype = profile.layers[layer_name]
                shapes, texts = cell.shapes(out.layer(number, datatype)), cell.shapes(out.layer(number, conn.pin_datatype))
                for poly in ex.l2n.shapes_of_net(net, region, True).merged().each():
                    shapes.insert(poly)
                    texts.insert(kdb.Text(net.name, kdb.Trans(inside_point(poly).to_v())))
        implant = lib.layer(*profile.layers[conn.well_tap_excluded_by])
        cell.shapes(out.layer(*profile.layers[conn.well_tap_excluded_by])).insert(
            kdb.Region(lib.cell(name).begin_shapes_rec(implant)).merged())
    for name in (*profile.fillers, profile.corner.cell):
        _merged_copy(lib, lib.cell(name), out.create_cell(name), profile)
    # the bond pad is drawn from the profile (adaptor/bondpad.py): of its layers only the top metal conducts
    half = profile.bond_pad.metal_um / 2
    out.create_cell(profile.bond_pad.cell).shapes(out.layer(*profile.bond_pad.metal_layer)).insert(
        kdb.DBox(-half, -half, half, half))
    return out


def _merged_copy(lib: kdb.Layout, source: kdb.Cell, cell: kdb.Cell, profile: Profile) -> None:
    """A flat copy of a library cell with the same connectivity: every layer merged, each via array made one blob
    (vias grown by ``VIA_MERGE_UM``, kept inside the overlap of the two layers they join)."""
    out, stack = cell.layout(), profile.connectivity.stack
    regions = {name: kdb.Region(source.begin_shapes_rec(lib.layer(*layer))) for name, layer in profile.layers.items()}
    lower = {via: regions[below] + (regions[profile.connectivity.gate] if k == 1 else kdb.Region())
             for k, (below, via) in enumerate(zip(stack, stack[1:])) if k % 2 == 0}
    for name, region in regions.items():
        if name in lower:
            above = stack[stack.index(name) + 1]
            region = region.sized(round(VIA_MERGE_UM / lib.dbu)) & lower[name] & regions[above]
        if not region.is_empty():
            cell.shapes(out.layer(*profile.layers[name])).insert(region.merged())


def write_abstracts(profile: Profile, folder: Path | None = None) -> Path:
    """Build the abstracts from the library in ``folder`` and write them there (default: the technology's folder)."""
    folder = folder or profile.folder
    path = folder / profile.connectivity.abstracts
    build_abstracts(profile, folder / profile.library).write(str(path))
    return path


@lru_cache(maxsize=8)
def abstract_layout(technology: str) -> kdb.Layout:
    """The shipped net abstracts of ``technology`` (read once per process)."""
    profile = load_profile(technology)
    layout = kdb.Layout()
    layout.read(str(profile.folder / profile.connectivity.abstracts))
    return layout


def with_abstracts(layout: kdb.Layout, profile: Profile) -> kdb.Layout:
    """A copy of ``layout`` in which every library cell holds its abstract (pad cells: net abstracts instead of
    devices; fillers, corner, bond pad: merged copies with via blobs)."""
    out = layout.dup()
    abstracts = abstract_layout(profile.name)
    for abstract in abstracts.each_cell():
        if out.has_cell(abstract.name):
            cell = out.cell(abstract.name)
            cell.prune_subcells()
            cell.clear()
            cell.copy_shapes(abstract)
    return out


if __name__ == "__main__":
    import sys

    print(write_abstracts(load_profile(sys.argv[1] if len(sys.argv) > 1 else "sg13g2")))
