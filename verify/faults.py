"""Fault injection: programmatic faults in a built ring's layout, each with the rule that must catch it.

Every fault edits a klayout.db layout in place and returns a one-line description; the fault
suite (tests/test_faults.py, bench/fault_detection.py) writes the faulty layout, runs the
checks and looks for the expected rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import klayout.db as kdb

from adaptor.connectivity import abstract_layout
from adaptor.intent import Role
from adaptor.technology import Profile, cell_info
from verify.layout import kind_of

OLD_BREAKER_CUT_BELOW_UM = 141.0  # the breaker recipe before issue 15 cut only shapes wholly below this y


@dataclass(frozen=True)
class Fault:
    """A named fault, the function that injects it, and the rules that must report it."""

    name: str
    inject: Callable[[kdb.Layout, kdb.Cell, Profile], str]
    expect: tuple[str, ...]
    suffix: str = "oas"  # the faulty file's format: klayout's OASIS writer + reader drop an exact duplicate


def _insts(top: kdb.Cell, profile: Profile, kind: str) -> list[kdb.Instance]:
    found = [i for i in top.each_inst() if kind_of(i.cell.name, profile) == kind]
    return sorted(found, key=lambda i: (i.dcplx_trans.disp.x, i.dcplx_trans.disp.y))


def _middle(items: list) -> object:
    if not items:
        raise ValueError("the ring has nothing to inject this fault into")
    return items[len(items) // 2]


def move_pad(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Move a pad cell 1 µm along its side."""
    inst = _middle(_insts(top, profile, "pad"))
    along = kdb.DVector(1, 0) if int(round(inst.dcplx_trans.angle)) % 180 == 0 else kdb.DVector(0, 1)
    inst.dcplx_trans = kdb.DCplxTrans(along) * inst.dcplx_trans
    return f"{inst.cell.name} moved by 1 µm"


def delete_filler(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Delete one filler."""
    inst = _middle(_insts(top, profile, "filler"))
    name = inst.cell.name
    inst.delete()
    return f"{name} deleted"


def delete_side_filler(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Delete the middle filler of the left side (in double_ring_6x6 this aborted klayout 0.30.12)."""
    left = min(i.dcplx_trans.disp.x for i in _insts(top, profile, "filler"))
    inst = _middle([i for i in _insts(top, profile, "filler") if i.dcplx_trans.disp.x == left])
    name = inst.cell.name
    inst.delete()
    return f"{name} on the left side deleted"


def delete_corner(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Delete one corner."""
    inst = _insts(top, profile, "corner")[0]
    inst.delete()
    return "a corner deleted"


def _pad_labels(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> list[kdb.Shape]:
    layer = layout.layer(*profile.pad_pin_layer)
    texts = [s for s in top.shapes(layer).each() if s.is_text()]
    return sorted(texts, key=lambda s: (s.text_dpos.y, s.text_dpos.x))


def swap_labels(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Swap the texts of two pad labels that name different nets."""
    texts = _pad_labels(layout, top, profile)
    a = texts[0]
    b = next(t for t in texts[1:] if t.text_string != a.text_string)
    names = a.text_string, b.text_string
    a.text_string, b.text_string = names[1], names[0]
    return f"labels {names[0]} and {names[1]} swapped"


def short_labels(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Bridge two neighbouring bond pads of different nets with top metal."""
    texts = _pad_labels(layout, top, profile)
    pitch = profile.pad_width_um + profile.default_gap_um + 1
    for a, b in zip(texts, texts[1:]):
        pa, pb = kdb.DPoint(a.text_dpos.x, a.text_dpos.y), kdb.DPoint(b.text_dpos.x, b.text_dpos.y)
        if a.text_string != b.text_string and pa.distance(pb) <= pitch and (pa.x == pb.x or pa.y == pb.y):
            box = kdb.DBox(pa, pb).enlarged(5, 5)
            top.shapes(layout.layer(*profile.bond_pad.metal_layer)).insert(box)
            return f"bond pads {a.text_string} and {b.text_string} bridged"
    raise ValueError("no two neighbouring bond pads of different nets")


def drop_breaker(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Replace a domain breaker by a filler of the same width."""
    inst = _middle(_insts(top, profile, "breaker"))
    filler = layout.cell_by_name(profile.breaker.base_filler)
    inst.cell_index = filler
    return "a domain breaker replaced by a filler"


def off_grid(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Move a filler by 2 nm, off the 5 nm grid."""
    inst = _middle(_insts(top, profile, "filler"))
    inst.dcplx_trans = kdb.DCplxTrans(kdb.DVector(0.002, 0)) * inst.dcplx_trans
    return f"{inst.cell.name} moved off grid by 2 nm"


def _duplicate(kind: str) -> Callable[[kdb.Layout, kdb.Cell, Profile], str]:
    def inject(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
        inst = _middle(_insts(top, profile, kind))
        top.insert(inst.cell_inst)
        return f"{inst.cell.name} duplicated in place"

    inject.__doc__ = f"Insert an exact copy of a {kind} instance on top of the original."
    return inject


def _next_pin_layer(profile: Profile) -> tuple[int, int]:
    """The LEF pin layer above the core-pin layer (the metal a misplaced core label most likely lands on)."""
    layers = [tuple(v) for v in profile.lef_layers.values()]
    return layers[layers.index(tuple(profile.core_pin_layer)) + 1]  # type: ignore[return-value]


def _move_label(layer_of: Callable[[Profile], tuple[int, int]], to_of: Callable[[Profile], tuple[int, int]]
                ) -> Callable[[kdb.Layout, kdb.Cell, Profile], str]:
    def inject(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
        source, to = layer_of(profile), to_of(profile)
        texts = sorted((s for s in top.shapes(layout.layer(*source)).each() if s.is_text()),
                       key=lambda s: (s.text_dpos.y, s.text_dpos.x))
        shape = _middle(texts)
        text = shape.text
        top.shapes(layout.layer(*to)).insert(text)
        shape.delete()
        return f"label {text.string} moved from {source[0]}/{source[1]} to {to[0]}/{to[1]}"

    inject.__doc__ = "Move one label to another layer (same text, same place)."
    return inject


def delete_bus_labels(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Delete every bus label of one net (the middle label's net)."""
    layer = layout.layer(*profile.bus_label_layer)
    texts = sorted((s for s in top.shapes(layer).each() if s.is_text()), key=lambda s: (s.text_dpos.y, s.text_dpos.x))
    net = _middle(texts).text_string
    doomed = [s for s in texts if s.text_string == net]
    for shape in doomed:
        shape.delete()
    return f"all {len(doomed)} bus labels of {net} deleted"


def shrink_die(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Replace the die boundary by a 300 × 300 µm square inside the pads."""
    shapes = top.shapes(layout.layer(*profile.die_layer))
    shapes.clear()
    shapes.insert(kdb.DBox(0, 0, 300, 300))
    return "die boundary shrunk to 300 × 300 µm"


def remove_esd_clamps(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Delete the ESD clamp instances inside the analog pad cell's definition."""
    cell = layout.cell(profile.role_cells[Role.analog_io])
    clamps = [i for i in cell.each_inst() if "Clamp" in i.cell.name] if cell is not None else []
    if not clamps:
        raise ValueError("the ring has no analog pad with ESD clamps")
    for inst in clamps:
        inst.delete()
    return f"{len(clamps)} ESD clamps removed from {cell.name}"


SUPPLY_ROLES = (Role.io_vdd, Role.io_vss, Role.core_vdd, Role.core_vss)


def delete_supply_strap(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Delete the top-metal strap between a supply pad cell and its bond pad."""
    cells = {profile.role_cells[r] for r in SUPPLY_ROLES if r in profile.role_cells}
    metal = top.shapes(layout.layer(*profile.bond_pad.metal_layer))
    for inst in _insts(top, profile, "pad"):
        if inst.cell.name not in cells:
            continue
        zone = inst.bbox().enlarged(round(1 / layout.dbu))
        straps = [s for s in metal.each() if s.bbox().touches(zone)]
        if straps:
            for shape in straps:
                shape.delete()
            return f"the bond-pad strap of a {inst.cell.name} deleted"
    raise ValueError("no supply pad with a strap")


def uncut_rail_breaker(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Rebuild the breaker with the old recipe: shapes wholly below y = 141 µm cut, the rest (the iovdd rail of
    diffusion in NWell with Metal1 at y ≈ 148.5 µm) left whole, contacts in the window dropped."""
    breakers = _insts(top, profile, "breaker")
    if not breakers:
        raise ValueError("the ring has no breaker")
    lib = kdb.Layout()
    lib.read(str(profile.folder / profile.library))
    base, spec = lib.cell(profile.breaker.base_filler), profile.breaker
    window = kdb.Region(kdb.DBox(spec.cut_x0_um, -1.0, spec.cut_x1_um, OLD_BREAKER_CUT_BELOW_UM).to_itype(lib.dbu))
    contact = tuple(profile.layers[profile.connectivity.stack[1]])
    cell = breakers[0].cell
    cell.clear()
    for li in lib.layer_indexes():
        info = lib.get_info(li)
        target = cell.shapes(layout.layer(info.layer, info.datatype))
        for poly in kdb.Region(base.begin_shapes_rec(li)).each():
            if poly.bbox().top > round(OLD_BREAKER_CUT_BELOW_UM / lib.dbu):
                kept = kdb.Region(poly)
            elif (info.layer, info.datatype) == contact:
                kept = kdb.Region(poly).not_overlapping(window)
            else:
                kept = kdb.Region(poly) - window
            for piece in kept.each():
                target.insert(piece.to_dtype(lib.dbu))
    return f"{cell.name} rebuilt with the old recipe (the rail at y > {OLD_BREAKER_CUT_BELOW_UM:g} µm uncut)"


def _core_metal1(inst: kdb.Instance, profile: Profile) -> kdb.DBox | None:
    """The bounding box (cell frame, µm) of the Metal1 of the pad's first core pin net, from its net abstract."""
    info = cell_info(profile.name)[inst.cell.name]
    pad_nets = {p["name"] for p in info.pins if tuple(p["layer"]) == tuple(profile.pad_pin_layer)}
    names = [p["name"] for p in info.pins if tuple(p["layer"]) == tuple(profile.core_pin_layer)
             and p["name"] not in profile.buses and p["name"] not in pad_nets]
    abstracts = abstract_layout(profile.name)
    number, _ = profile.layers["Metal1"]
    cell = abstracts.cell(inst.cell.name)
    texts = abstracts.find_layer(number, profile.connectivity.pin_datatype)
    if not names or cell is None or texts is None:
        return None
    marks = kdb.Region([kdb.Box(s.text_pos, s.text_pos).enlarged(1, 1) for s in cell.shapes(texts).each()
                        if s.is_text() and s.text_string == names[0]])
    metal = kdb.Region(cell.shapes(abstracts.find_layer(*profile.layers["Metal1"]))).interacting(marks)
    return None if metal.is_empty() else metal.bbox().to_dtype(abstracts.dbu)


def metal1_bar(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """A Metal1 bar from the core-pin Metal1 of one pad to that of its neighbour on the same side."""
    pads = [(i, _core_metal1(i, profile)) for i in _insts(top, profile, "pad")]
    pads = [(i, box) for i, box in pads if box is not None]
    for (a, box_a), (b, box_b) in zip(pads, pads[1:]):
        if a.dcplx_trans.angle != b.dcplx_trans.angle:
            continue
        box_a = b.dcplx_trans.inverted() * (a.dcplx_trans * box_a)  # in b's frame
        y0, y1 = max(box_a.bottom, box_b.bottom), min(box_a.top, box_b.top)
        if y1 - y0 < 0.5 or abs(box_a.center().x - box_b.center().x) > 2 * profile.pad_width_um:
            continue
        y = (y0 + y1) / 2
        bar = kdb.DBox(min(box_a.left, box_b.left), y - 0.25, max(box_a.right, box_b.right), y + 0.25)
        top.shapes(layout.layer(*profile.layers["Metal1"])).insert(b.dcplx_trans * bar)
        return f"Metal1 bar between the core pins of {a.cell.name} and {b.cell.name}"
    raise ValueError("no two neighbouring pads with core pins on Metal1 at one height")


def metal1_over_ring(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """One Metal1 rectangle over the whole ring."""
    box = kdb.DBox()
    for inst in top.each_inst():
        box += inst.dbbox()
    top.shapes(layout.layer(*profile.layers["Metal1"])).insert(box)
    return "a Metal1 rectangle over the whole ring"


FAULTS = (
    Fault("pad moved by 1 µm", move_pad, ("drc.overlap", "drc.gap")),
    Fault("filler deleted", delete_filler, ("drc.gap", "lvs.bus_open")),
    Fault("corner deleted", delete_corner, ("drc.corners", "lvs.bus_open")),
    Fault("two pad labels swapped", swap_labels, ("lvs.net_name",)),
    Fault("two labels shorted", short_labels, ("lvs.short",)),
    Fault("breaker left out", drop_breaker, ("lvs.domain_short",)),
    Fault("off-grid placement", off_grid, ("drc.grid",)),
    Fault("left-side filler deleted", delete_side_filler, ("drc.gap", "lvs.bus_open")),
    Fault("pad duplicated in place", _duplicate("pad"), ("drc.duplicate",), "gds"),
    Fault("filler duplicated in place", _duplicate("filler"), ("drc.duplicate",), "gds"),
    Fault("corner duplicated in place", _duplicate("corner"), ("drc.duplicate",), "gds"),
    Fault("pad-pin label on another layer", _move_label(lambda p: p.pad_pin_layer, lambda p: p.bus_label_layer), ("lvs.label_layer",)),
    Fault("core-pin label on another layer", _move_label(lambda p: p.core_pin_layer, _next_pin_layer), ("lvs.label_layer",)),
    Fault("bus labels of a net deleted", delete_bus_labels, ("lvs.label_missing",)),
    Fault("die boundary shrunk", shrink_die, ("drc.die",)),
    Fault("ESD clamps removed from the analog pad", remove_esd_clamps, ("drc.library_cell",)),
    Fault("supply pad strap deleted", delete_supply_strap, ("lvs.open",)),
    Fault("uncut-rail breaker", uncut_rail_breaker, ("lvs.domain_short",)),
    Fault("Metal1 bar on core pins", metal1_bar, ("lvs.frontend_short",)),
    Fault("Metal1 over the ring", metal1_over_ring, ("lvs.frontend_short",)),
)

