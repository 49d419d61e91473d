"""Write a placement as GDS and OASIS with gdstk: library cells, breakers, bond pads, straps, labels."""

from __future__ import annotations

import math
from pathlib import Path

import gdstk

from adaptor.bondpad import bond_pad_cell
from adaptor.breaker import breaker_cell
from adaptor.placement import Placement
from adaptor.technology import cell_library, load_profile


def build_library(placement: Placement) -> gdstk.Library:
    """A gdstk library with the top cell (named after the design) and every cell it uses."""
    cells = cell_library(placement.technology)
    generated = {"breaker": breaker_cell(placement.technology), "bondpad": bond_pad_cell(placement.technology)}
    lib = gdstk.Library(unit=1e-6, precision=1e-9)
    top = gdstk.Cell(placement.design)
    used: dict[str, gdstk.Cell] = {}
    for placed in placement.cells:
        cell = generated.get(placed.kind) or cells[placed.cell]
        used[cell.name] = cell
        top.add(gdstk.Reference(cell, (placed.x, placed.y), rotation=math.radians(placed.rotation)))
    for strap in placement.straps:
        x0, y0, x1, y1 = strap.box
        top.add(gdstk.rectangle((x0, y0), (x1, y1), layer=strap.layer[0], datatype=strap.layer[1]))
    for label in placement.labels:
        top.add(gdstk.Label(label.text, (label.x, label.y), layer=label.layer[0], texttype=label.layer[1]))
    w, h = placement.die
    die = load_profile(placement.technology).die_layer  # prBoundary: the die outline
    top.add(gdstk.rectangle((0, 0), (w, h), layer=die[0], datatype=die[1]))
    lib.add(top)
    seen = set()
    for cell in used.values():
        for c in (cell, *cell.dependencies(True)):
            if c.name not in seen:
                seen.add(c.name)
                lib.add(c)
    return lib


def write_layout(placement: Placement, gds: Path, oas: Path) -> None:
    """Write the ring as GDS and as OASIS (same geometry)."""
    lib = build_library(placement)
    lib.write_gds(str(gds))
    lib.write_oas(str(oas))
