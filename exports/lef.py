"""`lef`: the ring as one LEF macro for core integration (size, core-side pins, obstructions over the
ring), and the LEF of every cell macro the ring's DEF places (corner, pads, fillers, breaker, bond pad).

Macro geometry is in the layout cell's own coordinates and ``ORIGIN`` is where that origin lies
from the lower-left of the cell's boundary, so a DEF position is the lower-left of the placed box
and OpenROAD's instance origin is the adaptor's (x, y). ``FOREIGN <cell> x y`` gives the boundary's
lower-left in cell coordinates, the convention under which KLayout's DEF reader (LibreLane's
stream-out) puts the layout cell back where the adaptor placed it (checked by XOR in the tests).
"""

from __future__ import annotations

from adaptor.placement import Placed
from exports.ring import CORE_DIRECTION, Rect, Ring, cell_ports, core_area, core_pins, pin_shapes, um

_CLASS = {"corner": "ENDCAP BOTTOMLEFT", "filler": "PAD SPACER", "breaker": "PAD SPACER", "bondpad": "COVER"}
_USE = {"common_ground": "GROUND", "domain_vss": "GROUND", "core_vdd": "POWER", "domain_vdd": "POWER"}


def header(ring: Ring) -> list[str]:
    """The LEF header: version, separators, units and the manufacturing grid."""
    return ["VERSION 5.8 ;", 'BUSBITCHARS "[]" ;', 'DIVIDERCHAR "/" ;', "UNITS",
            f"  DATABASE MICRONS {ring.dbu_per_um} ;", "END UNITS", f"MANUFACTURINGGRID {um(ring.profile.grid_um)} ;",
            ""]


def rect(r: Rect) -> str:
    """``RECT x0 y0 x1 y1 ;`` in µm."""
    return "RECT " + " ".join(um(v) for v in r) + " ;"


def boundary(ring: Ring, cell: str) -> Rect:
    """The abutment boundary of a cell (µm, cell coordinates); the breaker has its base filler's."""
    info = ring.info.get(cell) or ring.info[ring.profile.breaker.base_filler]
    assert info.boundary is not None
    return info.boundary


def _pin(ring: Ring, cell: str, port: str) -> list[str]:
    shapes = pin_shapes(ring, cell, port)
    if not shapes:
        return []
    if port in ring.profile.buses:
        direction, use = "INOUT", _USE[ring.profile.buses[port]]
    else:
        direction, use = CORE_DIRECTION.get(port, "inout").upper(), "SIGNAL"
    lines = [f"  PIN {port}", f"    DIRECTION {direction} ;", f"    USE {use} ;", "    PORT"]
    for layer in dict.fromkeys(name for name, _ in shapes):
        lines.append(f"      LAYER {layer} ;")
        lines += [f"        {rect(r)}" for name, r in shapes if name == layer]
    return lines + ["    END", f"  END {port}"]


def macro(ring: Ring, cell: str, kind: str) -> list[str]:
    """One cell macro: class, origin, size and the pin shapes of its ports."""
    x0, y0, x1, y1 = boundary(ring, cell)
    cls = _CLASS.get(kind) or ("PAD INOUT" if "pad" in cell_ports(ring, cell) else "PAD POWER")
    lines = [f"MACRO {cell}", f"  CLASS {cls} ;", f"  FOREIGN {cell} {um(x0)} {um(y0)} ;",
             f"  ORIGIN {um(-x0)} {um(-y0)} ;", f"  SIZE {um(x1 - x0)} BY {um(y1 - y0)} ;", "  SYMMETRY X Y R90 ;"]
    for port in cell_ports(ring, cell):
        lines += _pin(ring, cell, port)
    return lines + [f"END {cell}", ""]


def used_cells(ring: Ring) -> dict[str, str]:
    """Every cell the ring places → its kind, sorted by cell name."""
    kinds: dict[str, str] = {}
    for placed in ring.placement.cells:
        kinds.setdefault(ring.cell(placed), placed.kind)
    return dict(sorted(kinds.items()))


def cells_lef(ring: Ring) -> str:
    """The LEF of every cell macro the ring's DEF places."""
    lines = header(ring)
    for cell, kind in used_cells(ring).items():
        lines += macro(ring, cell, kind)
    return "\n".join(lines + ["END LIBRARY", ""])


def obstruction(ring: Ring) -> list[Rect]:
    """The die outside the core opening, as four rectangles (µm): cell row and bond-pad zone."""
    w, h = ring.placement.die
    cx0, cy0, cx1, cy1 = core_area(ring)
    return [(0, 0, w, cy0), (0, cy1, w, h), (0, cy0, cx0, cy1), (cx1, cy0, w, cy1)]


def ring_lef(ring: Ring) -> str:
    """The ring as one macro: die size, the core-side pins on their layer, obstructions on every layer."""
    w, h = ring.placement.die
    name = ring.design
    lines = header(ring) + [f"MACRO {name}", "  CLASS BLOCK ;", f"  FOREIGN {name} 0 0 ;", "  ORIGIN 0 0 ;",
                            f"  SIZE {um(w)} BY {um(h)} ;", "  SYMMETRY X Y ;"]
    for pin in core_pins(ring):
        lines += [f"  PIN {pin.name}", f"    DIRECTION {pin.direction} ;", "    USE SIGNAL ;", "    PORT",
                  f"      LAYER {pin.layer} ;", f"        {rect(pin.rect)}", "    END", f"  END {pin.name}"]
    lines.append("  OBS")
    for layer in ring.profile.lef_layers:
        lines.append(f"    LAYER {layer} ;")
        lines += [f"      {rect(r)}" for r in obstruction(ring)]
    lines += ["  END", f"END {name}", "", "END LIBRARY", ""]
    return "\n".join(lines)


def files(ring: Ring) -> dict[str, str]:
    """``<design>.lef`` (the ring abstract) and ``<design>_cells.lef`` (the cell macros)."""
    return {f"{ring.design}.lef": ring_lef(ring), f"{ring.design}_cells.lef": cells_lef(ring)}


def lower_left(placed: Placed) -> tuple[float, float]:
    """The DEF placement point of an instance: the lower-left corner of its placed box (µm)."""
    return placed.box[0], placed.box[1]
