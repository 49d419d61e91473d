"""DRC of a ring on klayout.db, with rule values from the technology profile.

Every violation is a Finding with a rule id, a location (µm) and a message:

| rule | checks |
|---|---|
| drc.overlap | abutment boxes of two cells overlap |
| drc.gap | part of the I/O row between the corners is not covered by any cell |
| drc.side_filled | a side's cells do not add up to its length, or a cell sits off the row |
| drc.corners | exactly four corners, each at a corner of the row, in the right orientation |
| drc.grid | instance origins on the manufacturing grid, rotations in steps of 90° |
| drc.bondpad_missing | a pad cell without a passivation opening in front of it |
| drc.bondpad_space, drc.bondpad_width, drc.bondpad_pitch | opening spacing, size and pitch |
| drc.bondpad_enclosure | openings enclosed by top metal |
| drc.breaker_cut | the cut in a breaker meets each bus metal's spacing rule |
| drc.topmetal_space | TopMetal1/TopMetal2 spacing (including the wide-line rule), which covers every cell seam |
| drc.duplicate | two instances of one cell with the same transform (one on top of the other) |
| drc.library_cell | a library cell in the layout differs from the shipped library (verify/library.py) |
| drc.die | the die boundary (prBoundary) is not the intent's die or does not enclose the ring and bond pads |
"""

from __future__ import annotations

import klayout.db as kdb

from adaptor.findings import Finding
from adaptor.technology import Profile
from verify.layout import Inst, RingLayout

CORNER_ROTATION = {("left", "bottom"): 0, ("right", "bottom"): 90, ("right", "top"): 180, ("left", "top"): 270}
MAX_PER_RULE = 50


def _finding(rule: str, x: float, y: float, message: str, hint: str = "") -> Finding:
    return Finding(rule=rule, where=f"({x:.3f}, {y:.3f}) µm", message=message, hint=hint, x_um=round(x, 3),
                   y_um=round(y, 3))


def _at(box: kdb.DBox) -> tuple[float, float]:
    c = box.center()
    return c.x, c.y


def _ibox(box: kdb.DBox, dbu: float) -> kdb.Box:
    return box.to_itype(dbu)


def check_row(ring: RingLayout, profile: Profile) -> list[Finding]:
    """Overlaps, gaps, side fill, corners."""
    out: list[Finding] = []
    dbu = ring.dbu
    row = [i for i in ring.insts if i.kind in ("pad", "corner", "filler", "breaker")]
    boxes = kdb.Region([_ibox(i.box, dbu) for i in row])
    for poly in boxes.merged(False, 2).each():
        b = poly.bbox().to_dtype(dbu)
        out.append(_finding("drc.overlap", *_at(b), f"cells overlap over {b.width():g} × {b.height():g} µm",
                            "abut cells edge to edge"))
    outer = ring.ring_box()
    depth = profile.cell_depth_um
    band = kdb.Region(_ibox(outer, dbu)) - kdb.Region(_ibox(outer.enlarged(-depth, -depth), dbu))
    for poly in (band - boxes.merged()).each():
        b = poly.bbox().to_dtype(dbu)
        out.append(_finding("drc.gap", *_at(b), f"the I/O row is not covered over {b.width():g} × {b.height():g} µm",
                            "close the gap with fillers"))
    out += _corners(ring, outer, profile)
    out += _sides(row, outer, profile, dbu)
    return out


def _corners(ring: RingLayout, outer: kdb.DBox, profile: Profile) -> list[Finding]:
    corners = ring.of_kind("corner")
    out = []
    if len(corners) != 4:
        x, y = _at(outer)
        out.append(_finding("drc.corners", x, y, f"the ring has {len(corners)} corner cells, it needs 4",
                            "place a corner cell at each corner of the I/O row"))
    size = profile.corner.size_um
    for inst in corners:
        b = inst.box
        horizontal = "left" if abs(b.left - outer.left) < 1e-3 else "right" if abs(b.right - outer.right) < 1e-3 else ""
        vertical = "bottom" if abs(b.bottom - outer.bottom) < 1e-3 else "top" if abs(b.top - outer.top) < 1e-3 else ""
        want = CORNER_ROTATION.get((horizontal, vertical))
        if want is None or abs(b.width() - size) > 1e-3:
            out.append(_finding("drc.corners", *_at(b), "a corner cell is not at a corner of the I/O row"))
        elif inst.rotation != want:
            out.append(_finding("drc.corners", *_at(b), f"the {vertical}-{horizontal} corner is rotated "
                                f"{inst.rotation}°, it must be {want}°", "its buses would not meet the sides"))
    return out


def _side_of(inst: Inst, outer: kdb.DBox, depth: float) -> str | None:
    b = inst.box
    if b.bottom < outer.bottom + depth and b.top <= outer.bottom + depth + 1e-6:
        return "bottom"
    if b.top > outer.top - depth and b.bottom >= outer.top - depth - 1e-6:
        return "top"
    if b.left < outer.left + depth and b.right <= outer.left + depth + 1e-6:
        return "left"
    if b.right > outer.right - depth and b.left >= outer.right - depth - 1e-6:
        return "right"
    return None


def _sides(row: list[Inst], outer: kdb.DBox, profile: Profile, dbu: float) -> list[Finding]:
    out = []
    depth, corner = profile.cell_depth_um, profile.corner.size_um
    total = {"bottom": 0.0, "top": 0.0, "left": 0.0, "right": 0.0}
    for inst in row:
        if inst.kind == "corner":
            continue
        side = _side_of(inst, outer, depth)
        b = inst.box
        edge = {"bottom": b.bottom - outer.bottom, "top": outer.top - b.top, "left": b.left - outer.left,
                "right": outer.right - b.right}.get(side or "", 1.0)
        if side is None or abs(edge) > 1e-6:
            out.append(_finding("drc.side_filled", *_at(b), f"{inst.cell} is off the I/O row by {edge:g} µm",
                                "its die-edge side must lie on the row's outer edge"))
            continue
        total[side] += b.width() if side in ("bottom", "top") else b.height()
    for side, covered in total.items():
        length = (outer.width() if side in ("bottom", "top") else outer.height()) - 2 * corner
        if abs(covered - length) > 1e-6:
            x, y = {"bottom": (outer.center().x, outer.bottom), "top": (outer.center().x, outer.top),
                    "left": (outer.left, outer.center().y), "right": (outer.right, outer.center().y)}[side]
            out.append(_finding("drc.side_filled", x, y, f"the {side} side's cells add up to {covered:g} µm, "
                                f"the side is {length:g} µm long", "every side must be filled exactly"))
    return out


def check_grid(ring: RingLayout, profile: Profile) -> list[Finding]:
    """Instance origins on the grid and rotations in steps of 90° (no mirror, no magnification)."""
    out = []
    step = round(profile.grid_um / ring.dbu)
    for inst in ring.insts:
        disp = inst.trans.disp
        x, y = round(disp.x / ring.dbu), round(disp.y / ring.dbu)
        if x % step or y % step or abs(disp.x / ring.dbu - x) > 1e-6 or abs(disp.y / ring.dbu - y) > 1e-6:
            out.append(_finding("drc.grid", disp.x, disp.y, f"{inst.cell} is placed off the {profile.grid_um * 1000:g} nm "
                                "grid", "snap its origin to the grid"))
        if abs(inst.trans.angle % 90) > 1e-9 or inst.trans.is_mirror() or abs(inst.trans.mag - 1) > 1e-12:
            out.append(_finding("drc.grid", disp.x, disp.y, f"{inst.cell} has a transform other than a 90° rotation"))
    return out


def _pairs(rule: str, pairs: kdb.EdgePairs, dbu: float, message: str, hint: str = "") -> list[Finding]:
    out = []
    for pair in list(pairs.each())[:MAX_PER_RULE]:
        b = pair.bbox().to_dtype(dbu)
        out.append(_finding(rule, *_at(b), f"{message} ({pair.distance() * dbu:g} µm)", hint))
    return out


def check_bondpads(ring: RingLayout, profile: Profile) -> list[Finding]:
    """Opening size, spacing and pitch; top-metal enclosure; an opening in front of every pad cell."""
    bp, rules, dbu = profile.bond_pad, profile.rules, ring.dbu
    opening = ring.region(bp.opening_layer)
    metal = ring.region(bp.metal_layer)
    out = _pairs("drc.bondpad_width", opening.width_check(round(rules.passiv_min_width_um / dbu)), dbu,
                 "passivation opening narrower than the minimum")
    out += _pairs("drc.bondpad_space", opening.space_check(round(rules.passiv_min_space_um / dbu)), dbu,
                  "passivation openings too close", "keep openings apart by the Passiv spacing rule")
    pitch_space = profile.pad_width_um - bp.opening_um
    if pitch_space > rules.passiv_min_space_um:
        out += _pairs("drc.bondpad_pitch", opening.space_check(round(pitch_space / dbu) - 1), dbu,
                      f"bond pads closer than the {profile.pad_width_um:g} µm pad pitch")
    out += _pairs("drc.bondpad_enclosure", opening.enclosed_check(metal, round(rules.passiv_enclosure_by_topmetal2_um / dbu)),
                  dbu, "top metal does not enclose the opening by the rule")
    for poly in (opening - metal).each():
        b = poly.bbox().to_dtype(dbu)
        out.append(_finding("drc.bondpad_enclosure", *_at(b), "passivation opening outside top metal"))
    zone = profile.bond_pad.row_pitch_um * 2 + 1
    for inst in ring.of_kind("pad"):
        b = inst.box
        front = {0: kdb.DBox(b.left, b.bottom - zone, b.right, b.bottom),
                 180: kdb.DBox(b.left, b.top, b.right, b.top + zone),
                 270: kdb.DBox(b.left - zone, b.bottom, b.left, b.top),
                 90: kdb.DBox(b.right, b.bottom, b.right + zone, b.top)}.get(inst.rotation)
        if front is None:
            continue
        if bp.in_cell:  # the opening is inside the pad cell
            front = b
        if opening.interacting(kdb.Region(_ibox(front, dbu))).is_empty():
            out.append(_finding("drc.bondpad_missing", *_at(b), f"{inst.cell} has no bond pad in front of it",
                                "place a bond pad over the pad pin"))
    return out


def check_breakers(ring: RingLayout, profile: Profile) -> list[Finding]:
    """The cut of every breaker meets the spacing rule of each bus metal."""
    out, dbu, rules = [], ring.dbu, profile.rules
    top2, top1 = profile.top_metals
    space = {top2: rules.topmetal2_wide_space_um, top1: rules.topmetal1_min_space_um}
    for inst in ring.of_kind("breaker"):
        window = _ibox(inst.box.enlarged(1.0, 1.0), dbu)
        for name in profile.bus_metals:
            layer = profile.layers[name]
            shapes = kdb.Region(ring.top.begin_shapes_rec_overlapping(ring.layer(layer), window.to_dtype(dbu)))
            d = space.get(name, rules.metal_wide_space_um)
            found = (shapes & kdb.Region(window)).merged().space_check(round(d / dbu))
            out += _pairs("drc.breaker_cut", found, dbu, f"{name} cut narrower than {d:g} µm",
                          "widen the breaker cut")
    return out


def check_topmetal(ring: RingLayout, profile: Profile) -> list[Finding]:
    """TopMetal1/2 spacing over the whole ring (so every seam), with TopMetal2's wide-line rule."""
    rules, dbu = profile.rules, ring.dbu
    top2, top1 = (profile.layers[name] for name in profile.top_metals)
    tm2 = ring.region(top2).merged()
    out = _pairs("drc.topmetal_space", tm2.space_check(round(rules.topmetal2_min_space_um / dbu)), dbu,
                 f"{profile.top_metals[0]} spacing below the minimum")
    half = round(rules.topmetal2_wide_width_um / 2 / dbu)
    wide = tm2.sized(-half).sized(half)
    out += _pairs("drc.topmetal_space",
                  wide.space_check(round(rules.topmetal2_wide_space_um / dbu), False, kdb.Metrics.Projection, None,
                                   round(rules.topmetal2_wide_length_um / dbu)),
                  dbu, f"wide {profile.top_metals[0]} lines closer than the wide-line rule")
    tm1 = ring.region(top1).merged()
    out += _pairs("drc.topmetal_space", tm1.space_check(round(rules.topmetal1_min_space_um / dbu)), dbu,
                  f"{profile.top_metals[1]} spacing below the minimum")
    return out


def check_duplicates(ring: RingLayout, profile: Profile) -> list[Finding]:
    """No two instances of one cell with the same transform (an exact copy on top of the original)."""
    seen: dict[tuple[str, str], Inst] = {}
    out = []
    for inst in ring.insts:
        key = (inst.cell, str(inst.trans))
        if key in seen:
            x, y = inst.origin
            out.append(_finding("drc.duplicate", x, y, f"{inst.cell} is placed twice at ({x:g}, {y:g}) µm, one copy "
                                "exactly on top of the other", "delete the copy"))
        seen.setdefault(key, inst)
    return out


def check_library(ring: RingLayout, profile: Profile) -> list[Finding]:
    """Every library cell in the layout is the shipped one (verify/library.py)."""
    out = []
    centre = ring.ring_box().center()
    for name, what in sorted(ring.modified_cells.items()):
        out.append(_finding("drc.library_cell", centre.x, centre.y, f"library cell {name} is modified in this "
                            f"layout: {what}", f"use the {profile.name} library's {name} unchanged"))
    return out


CHECKS = (check_row, check_grid, check_duplicates, check_bondpads, check_breakers, check_topmetal, check_library)


def check_die(ring: RingLayout, die: tuple[float, float], profile: Profile) -> list[Finding]:
    """One prBoundary box (the profile's ``die_layer``), equal to the intent's die (µm), enclosing every cell and
    bond pad."""
    w, h = die
    die_layer = profile.die_layer
    boxes = [p.bbox().to_dtype(ring.dbu) for p in ring.region(die_layer, flat=False).each()]
    if len(boxes) != 1:
        return [_finding("drc.die", w / 2, h / 2, f"the layout has {len(boxes)} die boundary shapes on "
                         f"{die_layer[0]}/{die_layer[1]}, it needs one", "draw the die outline once")]
    box, out = boxes[0], []
    want = kdb.DBox(0, 0, w, h)
    if not box.to_itype(ring.dbu) == want.to_itype(ring.dbu):
        out.append(_finding("drc.die", *_at(box), f"the die boundary is {box.width():g} × {box.height():g} µm at "
                            f"({box.left:g}, {box.bottom:g}), the intent's die is {w:g} × {h:g} µm at (0, 0)",
                            "redraw the die outline from the intent"))
    content = kdb.DBox()
    for inst in ring.insts:
        content += inst.box
    if not content.empty() and not content.inside(box):
        out.append(_finding("drc.die", *_at(content), f"the cells reach {content}, outside the die boundary {box}",
                            "the die must enclose the I/O ring and its bond pads"))
    return out


def run_drc(ring: RingLayout, profile: Profile, die: tuple[float, float] | None = None) -> list[Finding]:
    """Every DRC rule on a ring read back from its layout; the die boundary too when ``die`` (µm) is given."""
    return [f for check in CHECKS for f in check(ring, profile)] + (check_die(ring, die, profile) if die else [])
