"""The bond pad, drawn from the technology data: top metal, passivation opening, pad marker.

The ring's bond pad is a plain top-metal square (``metal_um``) with a passivation opening
(``opening_um``) and the pad-recognition marker (SG13G2: ``dfpad`` 41/0) over the metal. No via
stack: IHP's deck recommends no TopVia2 under a pad opening (Pad.kR), and the strap that joins
the pad to its cell pin is top metal too. With the marker the foundry deck treats it as a pad:
its pad rules run, and it needs no slits (Slt.e).
"""

from __future__ import annotations

from functools import lru_cache

import gdstk

from adaptor.technology import CellInfo, load_profile


@lru_cache(maxsize=8)
def bond_pad_cell(technology: str) -> gdstk.Cell:
    """The bond pad cell of ``technology``, centred on its origin (built once per process)."""
    bp = load_profile(technology).bond_pad
    cell = gdstk.Cell(bp.cell)
    layers = [(bp.metal_layer, bp.metal_um), (bp.opening_layer, bp.opening_um)]
    layers += [(bp.marker_layer, bp.metal_um)] if bp.marker_layer is not None else []
    for layer, edge in layers:
        cell.add(gdstk.rectangle((-edge / 2, -edge / 2), (edge / 2, edge / 2), layer=layer[0], datatype=layer[1]))
    return cell


def bond_pad_info(technology: str) -> CellInfo:
    """The generated bond pad as a cell record: its metal square as the boundary, no pins."""
    half = load_profile(technology).bond_pad.metal_um / 2
    return CellInfo(boundary=(-half, -half, half, half), ports=[], pins=[])
