"""`openroad`: a Tcl script for OpenROAD's ``pad`` module (commands as in its src/pad README) that
rebuilds the ring: I/O sites and rows, every pad and breaker at its location, corners, fillers,
abutment nets and the bond pads. ``place_io_fill`` closes the gaps it fills exactly as the adaptor
did; the other fillers are placed one by one first (:func:`explicit_fillers`).

Orientation: with one site for both directions, ``make_io_sites`` makes the rows IO_SOUTH R0,
IO_EAST R90, IO_NORTH MX and IO_WEST MXR90; ``place_pad -mirror`` applies MY first, which turns
the north and west rows into R180 and R270 — the orientations the adaptor places (die-edge side
of every cell outward). ``-location`` is the lower (south/north: left) edge of the pad in µm from
the die's lower-left corner. ``place_bondpad -offset`` is in the pad's own frame, from its origin
to the bond pad's.
"""

from __future__ import annotations

from adaptor.errors import UserError
from adaptor.intent import Side
from adaptor.placement import Placed, transform
from exports.ring import ROW, Ring, um

SITE, CORNER_SITE = "IORING_IO_SITE", "IORING_CORNER_SITE"
MIRRORED = (Side.top, Side.left)
SIDE_ORDER = (Side.bottom, Side.right, Side.top, Side.left)


def edge_offset(ring: Ring) -> float:
    """Distance from the die edge to the cell row (µm), the same on every side."""
    x0, y0, x1, y1 = ring.placement.ring_box
    w, h = ring.placement.die
    offsets = {round(x0, 6), round(y0, 6), round(w - x1, 6), round(h - y1, 6)}
    if len(offsets) != 1:
        raise UserError(f"{ring.folder}: the cell row is not at one distance from every die edge ({sorted(offsets)})",
                        "OpenROAD's make_io_sites takes one offset; rebuild the ring")
    return offsets.pop()


def location(placed: Placed) -> float:
    """``place_pad -location``: the pad's lower edge along its row (µm)."""
    return placed.box[0] if placed.side in (Side.bottom, Side.top) else placed.box[1]


def _widest_first(ring: Ring) -> list[tuple[str, float]]:
    return sorted(ring.profile.fillers.items(), key=lambda kv: -kv[1])


def explicit_fillers(ring: Ring, side: Side) -> list[Placed]:
    """The fillers of one side that ``place_io_fill`` would not put as the adaptor did.

    ``place_io_fill`` places fillers in the row's own orientation, which on the mirrored rows
    (north, west) is the adaptor's mirrored, and a filler need not be symmetric: there every filler
    is placed with ``place_pad -mirror``. Elsewhere ICeWall fills each gap from its lower end,
    widest filler first, while the adaptor fills from the end its walk starts at; a gap where the
    two differ is placed filler by filler too.
    """
    cells = sorted((c for c in ring.placement.cells if c.side is side), key=location)
    if side in MIRRORED:
        return [c for c in cells if c.kind == "filler"]
    runs: list[list[Placed]] = [[]]
    for cell in cells:
        if cell.kind == "filler":
            runs[-1].append(cell)
        elif runs[-1]:
            runs.append([])
    out: list[Placed] = []
    for run in (r for r in runs if r):
        pos, gap = location(run[0]), sum(c.width_um for c in run)
        expected = []
        for name, width in _widest_first(ring):
            while width <= gap + 1e-6:
                expected.append((name, round(pos, 6)))
                pos, gap = pos + width, gap - width
        if expected != [(c.cell, round(location(c), 6)) for c in run]:
            out += run
    return out


def row_cells(ring: Ring, side: Side) -> list[Placed]:
    """What ``place_pad`` places on one side, by location: pads, breakers and the explicit fillers."""
    cells = [c for c in ring.placement.cells if c.side is side and c.kind in ("pad", "breaker")]
    return sorted(cells + explicit_fillers(ring, side), key=location)


def bond_offsets(ring: Ring) -> dict[tuple[float, float], list[str]]:
    """``place_bondpad -offset`` (µm, the pad's frame) → the pad instances that get it, in ring order.

    OpenROAD puts the bond pad's origin (its centre) at the pad's origin plus the offset turned by
    the pad's orientation; macro origins are the layout cells' origins (see :mod:`exports.lef`).
    """
    pads = {p.position: p for p in ring.placement.of_kind("pad")}
    groups: dict[tuple[float, float], list[str]] = {}
    for bond in ring.placement.of_kind("bondpad"):
        pad = pads[bond.position]
        back = (360 - pad.rotation) % 360
        dx, dy = transform(bond.x - pad.x, bond.y - pad.y, back, 0.0, 0.0)
        groups.setdefault((round(dx, 6) + 0.0, round(dy, 6) + 0.0), []).append(pad.name)
    return groups


def _check_site_grid(ring: Ring, placed: Placed, start: float) -> None:
    steps = (location(placed) - start) / ring.site_width_um
    if abs(steps - round(steps)) > 1e-6:
        raise UserError(f"{placed.name} at {location(placed):g} µm is not on the {ring.site_width_um:g} µm "
                        "I/O site grid", "rebuild the ring; gaps are closed in whole filler widths")


def script(ring: Ring) -> str:
    """The Tcl script (µm)."""
    profile = ring.profile
    offset = edge_offset(ring)
    corner = profile.corner.size_um
    w, h = ring.placement.die
    lines = [f"# {ring.design}: I/O ring for OpenROAD's pad module, written by ioring ({profile.title})",
             f"# Needs: a floorplan with die area (0 0) ({um(w)} {um(h)}) um, {ring.design}_cells.lef read,",
             "# and the pad instances of ring.v (place_pad -master creates any that are missing).",
             f"make_fake_io_site -name {SITE} -width {um(ring.site_width_um)} -height {um(profile.cell_depth_um)}",
             f"make_fake_io_site -name {CORNER_SITE} -width {um(corner)} -height {um(corner)}",
             f"make_io_sites -horizontal_site {SITE} -vertical_site {SITE} -corner_site {CORNER_SITE} "
             f"-offset {um(offset)}", ""]
    for side in SIDE_ORDER:
        start = offset + corner
        for placed in row_cells(ring, side):
            _check_site_grid(ring, placed, start)
            mirror = " -mirror" if side in MIRRORED else ""
            lines.append(f"place_pad -row {ROW[side]} -location {um(location(placed))}{mirror} "
                         f"-master {ring.cell(placed)} {{{placed.name}}}")
    fillers = " ".join(name for name, _ in _widest_first(ring))
    lines += ["", f"place_corners {profile.corner.cell}", ""]
    lines += [f"place_io_fill -row {ROW[side]} {fillers}" for side in SIDE_ORDER]
    lines += ["", "connect_by_abutment", ""]
    for (dx, dy), names in bond_offsets(ring).items():
        lines.append(f"place_bondpad -bond {profile.bond_pad.cell} -offset {{{um(dx)} {um(dy)}}} " + " ".join(
            f"{{{n}}}" for n in names))
    return "\n".join(lines + [""])


def files(ring: Ring) -> dict[str, str]:
    """``<design>_pad.tcl``."""
    return {f"{ring.design}_pad.tcl": script(ring)}
