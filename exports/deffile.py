"""`def`: the ring placement as DEF — die area, every instance (corners, pads, fillers, breakers, bond
pads) FIXED with its orientation, the core-side pins, and the nets joining them to their pad cells.

Read it with the cell macros of ``--format lef`` (``<design>_cells.lef``).
"""

from __future__ import annotations

from exports.lef import lower_left
from exports.ring import DEF_ORIENT, Ring, core_pins


def def_text(ring: Ring) -> str:
    """The DEF of a built ring (database units from :attr:`Ring.dbu_per_um`)."""
    d = ring.dbu_per_um

    def u(value: float) -> int:
        return int(round(value * d))

    w, h = ring.placement.die
    lines = ["VERSION 5.8 ;", 'DIVIDERCHAR "/" ;', 'BUSBITCHARS "[]" ;', f"DESIGN {ring.design} ;",
             f"UNITS DISTANCE MICRONS {d} ;", "", f"DIEAREA ( 0 0 ) ( {u(w)} {u(h)} ) ;", ""]
    cells = ring.placement.cells
    lines.append(f"COMPONENTS {len(cells)} ;")
    for placed in cells:
        x, y = lower_left(placed)
        lines.append(f"- {placed.name} {ring.cell(placed)} + FIXED ( {u(x)} {u(y)} ) {DEF_ORIENT[placed.rotation]} ;")
    lines += ["END COMPONENTS", ""]
    pins = core_pins(ring)
    lines.append(f"PINS {len(pins)} ;")
    for pin in pins:
        x0, y0, x1, y1 = pin.rect
        cx, cy = pin.centre
        lines += [f"- {pin.name} + NET {pin.name} + DIRECTION {pin.direction} + USE SIGNAL",
                  f"  + PORT + LAYER {pin.layer} ( {u(x0 - cx)} {u(y0 - cy)} ) ( {u(x1 - cx)} {u(y1 - cy)} )",
                  f"  + FIXED ( {u(cx)} {u(cy)} ) N ;"]
    lines += ["END PINS", "", f"NETS {len(pins)} ;"]
    for pin in pins:
        lines.append(f"- {pin.name} ( PIN {pin.name} ) ( {pin.instance} {pin.port} ) + USE SIGNAL ;")
    lines += ["END NETS", "", "END DESIGN", ""]
    return "\n".join(lines)


def files(ring: Ring) -> dict[str, str]:
    """``<design>.def``."""
    return {f"{ring.design}.def": def_text(ring)}
