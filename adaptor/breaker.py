"""The domain breaker SG13G2 lacks: a filler whose shapes on domain-local nets are cut.

Which shapes are domain-local is found by connectivity, not by height: the base filler is
placed between every pad cell of the profile (as net abstracts, adaptor/connectivity.py) and
extracted over every conducting layer (diffusion, gate, well, contacts, Metal1 … top metal).
A filler net that reaches a pad's domain-local bus (iovdd/iovss) is cut in the window
``cut_x0_um``…``cut_x1_um``, whatever its height: the bus metals, and the thin guard-ring rail
at y ≈ 148.5 µm (Activ in NWell with Metal1 on top), tied to iovdd inside the pad cells.
Ring-wide nets (vss, vdd) run through whole, so the common ground stays continuous.

The cut ends meet the front-end rules: each layer in ``pullback_um`` (diffusion) is cut wider
by that much, so it ends inside the well and implant around it (NWell and pSD enclosure of
Activ); the implants are not cut at all; a contact or via is kept only where every cut layer in
``contact_enclosure_um`` still encloses it by the rule. With the SG13G2 profile the metal cut is
6 µm wide, more than the widest spacing rule it must meet (TopMetal2 wide-line space, 5 µm).

Every tie diffusion left without a contact (the filler's thin guard-ring rails, whose contacts
are in the pad cells, and the stubs the cut leaves) gets a row of contacts (``tie_contacts``):
otherwise a neighbour's tie continued into the breaker ends more than 6 µm from a contact
(IHP's latch-up rules LU.d/LU.d1).
"""

from __future__ import annotations

from functools import lru_cache

import gdstk
import klayout.db as kdb

from adaptor.connectivity import conductor_names, extract, pad_cells, with_abstracts
from adaptor.errors import UserError
from adaptor.technology import Profile, load_profile


def filler_nets(profile: Profile) -> dict[str, dict[str, kdb.Region]]:
    """Bus name → conductor layer → the base filler's shapes on that bus (filler coordinates, dbu).

    The filler sits between two copies of each pad cell; a filler net takes the names of the pad
    nets it touches. A filler net touching two different buses is an error in the library data.
    """
    lib = kdb.Layout()
    lib.read(str(profile.folder / profile.library))
    filler = lib.cell(profile.breaker.base_filler)
    top = lib.create_cell("ioring_breaker_context")
    width, pitch = round(profile.breaker_width_um / lib.dbu), round(2 * profile.cell_depth_um / lib.dbu)
    pad_w = round(profile.pad_width_um / lib.dbu)
    for k, name in enumerate(pad_cells(profile)):
        pad = lib.cell(name).cell_index()
        top.insert(kdb.CellInstArray(pad, kdb.Trans(kdb.Vector(-pad_w, k * pitch))))
        top.insert(kdb.CellInstArray(filler.cell_index(), kdb.Trans(kdb.Vector(0, k * pitch))))
        top.insert(kdb.CellInstArray(pad, kdb.Trans(kdb.Vector(width, k * pitch))))
    layout = with_abstracts(lib, profile)
    ex = extract(layout, layout.cell(top.name), profile)
    netlist = ex.l2n.netlist()
    circuit = netlist.circuit_by_name(filler.name)
    names: dict[int, set[str]] = {}
    for sub in netlist.circuit_by_name(top.name).each_subcircuit():
        if sub.circuit_ref().name != filler.name:
            continue
        for pin in circuit.each_pin():
            outer = sub.net_for_pin(pin.id())
            if outer is None:
                continue
            found = names.setdefault(circuit.net_for_pin(pin.id()).cluster_id, set())
            found |= {ref.pin().name() for ref in outer.each_subcircuit_pin()
                      if ref.subcircuit().circuit_ref().name != filler.name}
    out: dict[str, dict[str, kdb.Region]] = {}
    for net in circuit.each_net():
        buses = names.get(net.cluster_id, set())
        if len(buses) > 1:
            raise UserError(f"{filler.name}: one filler net touches the buses {', '.join(sorted(buses))}",
                            "regenerate the technology's cell data")
        if buses:
            layers = out.setdefault(buses.pop(), {})
            for layer, region in ex.conductors.items():
                layers.setdefault(layer, kdb.Region()).insert(ex.l2n.shapes_of_net(net, region, True))
    return out


@lru_cache(maxsize=8)
def breaker_cell(technology: str) -> gdstk.Cell:
    """The breaker cell of ``technology`` (built once per process from its base filler)."""
    profile = load_profile(technology)
    spec = profile.breaker
    lib = kdb.Layout()
    lib.read(str(profile.folder / profile.library))
    dbu = lib.dbu
    base = lib.cell(spec.base_filler)
    local: dict[str, kdb.Region] = {}
    for bus, layers in filler_nets(profile).items():
        if bus in profile.domain_local_buses:
            for layer, region in layers.items():
                local.setdefault(layer, kdb.Region()).insert(region)

    def window(layer: str) -> kdb.Region:
        pull = spec.pullback_um.get(layer, 0.0)
        return kdb.Region(kdb.DBox(spec.cut_x0_um - pull, -1.0, spec.cut_x1_um + pull,
                                   profile.cell_depth_um + 1.0).to_itype(dbu))

    removed = {layer: region & window(layer) for layer, region in local.items()}
    by_number = {tuple(v): k for k, v in profile.layers.items()}
    pins = {profile.layers[name][0]: name for name in conductor_names(profile)}  # pin shapes are cut like their layer
    kept: dict[tuple[int, int], kdb.Region] = {}
    for li in lib.layer_indexes():
        info = lib.get_info(li)
        shapes = kdb.Region(base.begin_shapes_rec(li))
        if shapes.is_empty():
            continue
        name = by_number.get((info.layer, info.datatype)) or (
            pins.get(info.layer) if info.datatype == profile.connectivity.pin_datatype else None)
        if name in spec.contact_enclosure_um:
            zone = kdb.Region()
            for layer, enclosure in spec.contact_enclosure_um[name].items():
                zone += removed.get(layer, kdb.Region()).sized(round(enclosure / dbu))
            shapes = shapes.not_overlapping(zone)
        elif name in local:
            hit = shapes.interacting(local[name])
            shapes = shapes.not_interacting(local[name]) + (hit - window(name))
        kept[(info.layer, info.datatype)] = shapes
    if spec.tie_contacts is not None:
        layer = tuple(profile.layers[spec.tie_contacts.layer])
        kept[layer] = kept.get(layer, kdb.Region()) + tie_contacts(kept, profile, dbu)
    cell = gdstk.Cell(f"ioring_{technology}_Breaker")
    for (number, datatype), shapes in kept.items():
        for poly in shapes.each():
            cell.add(gdstk.Polygon([(round(p.x * dbu, 6), round(p.y * dbu, 6)) for p in poly.each_point_hull()],
                                   layer=number, datatype=datatype))
    return cell


def tie_contacts(kept: dict[tuple[int, int], kdb.Region], profile: Profile, dbu: float) -> kdb.Region:
    """A row of contacts along every diffusion piece of the breaker that has none (filler frame, dbu).

    Each contact is ``width_um`` square, enclosed by the diffusion by the cut's contact enclosure on every side and
    by the metal above at least 0 on every side and the end enclosure along the row, ``space_um`` from every other
    contact and from the breaker's sides. Without them a tie continued through the breaker (a corner's or a
    filler's guard-ring rail, or the stub the cut leaves) runs more than 6 µm beyond its last contact (IHP LU.d/LU.d1).
    """
    spec, stack = profile.breaker, profile.connectivity
    ties = spec.tie_contacts
    assert ties is not None
    contact_layer = tuple(profile.layers[ties.layer])
    diffusion = kept.get(tuple(profile.layers[stack.stack[0]]), kdb.Region()).merged()
    metal = kept.get(tuple(profile.layers[stack.stack[2]]), kdb.Region()).merged()
    existing = kept.get(contact_layer, kdb.Region())
    enclosure = spec.contact_enclosure_um.get(ties.layer, {})
    below = round(enclosure.get(stack.stack[0], 0.0) / dbu)
    end = round(enclosure.get(stack.stack[2], 0.0) / dbu)
    width, space = round(ties.width_um / dbu), round(ties.space_um / dbu)
    grid = round(profile.grid_um / dbu)
    x_lo, x_hi = space, round(profile.breaker_width_um / dbu) - space
    added = kdb.Region()
    for piece in diffusion.each():
        if existing.interacting(kdb.Region(piece)).count():
            continue
        box = piece.bbox()
        along_x = box.width() >= box.height()
        lo, hi = (max(box.left, x_lo), min(box.right, x_hi)) if along_x else (box.bottom, box.top)
        mid = (box.bottom + box.top) // 2 if along_x else (box.left + box.right) // 2
        mid -= mid % grid
        span = hi - lo - 2 * below
        if span < width:
            continue
        count = (span - width) // (width + space) + 1
        start = lo + below + (span - width - (count - 1) * (width + space)) // 2
        start -= start % grid
        for k in range(count):
            a = start + k * (width + space)
            c = kdb.Box(a, mid - width // 2, a + width, mid + width // 2) if along_x else \
                kdb.Box(mid - width // 2, a, mid + width // 2, a + width)
            cap = c.enlarged(kdb.Vector(end, 0) if along_x else kdb.Vector(0, end))
            if (kdb.Region(c.enlarged(kdb.Vector(below, below))) - diffusion).is_empty() \
                    and (kdb.Region(cap) - metal).is_empty() \
                    and not existing.interacting(kdb.Region(c.enlarged(kdb.Vector(space - 1, space - 1)))).count():
                added.insert(c)
    return added
