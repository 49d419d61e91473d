"""The domain breaker SG13G2 lacks: a filler whose domain-local shapes are cut.

Every shape of the base filler that lies wholly below ``cut_below_um`` (the domain-local
buses iovss/iovdd on Metal3…TopMetal2, and the guard-ring Activ/Metal1/well strips tied to
them) loses the window ``cut_x0_um``…``cut_x1_um``; contacts are dropped whole. Shapes reaching
above it (the ring-wide vdd and vss buses) stay whole, so the common ground runs through.
With the SG13G2 profile the cut is 6 µm wide: more than the widest spacing rule it must meet
(TopMetal2 wide-line space, 5 µm).
"""

from __future__ import annotations

from functools import lru_cache

import gdstk

from adaptor.technology import cell_library, load_profile


@lru_cache(maxsize=8)
def breaker_cell(technology: str) -> gdstk.Cell:
    """The breaker cell of ``technology`` (built once per process from its base filler)."""
    profile = load_profile(technology)
    spec = profile.breaker
    base = cell_library(technology)[spec.base_filler]
    cell = gdstk.Cell(f"ioring_{technology}_Breaker")
    window = gdstk.rectangle((spec.cut_x0_um, -1.0), (spec.cut_x1_um, spec.cut_below_um))
    whole = {tuple(layer) for layer in spec.whole_shape_layers}
    for poly in base.get_polygons(depth=None):
        (x0, _), (x1, y1) = poly.bounding_box()
        if y1 > spec.cut_below_um:
            cell.add(poly)
        elif (poly.layer, poly.datatype) in whole:
            if x1 <= spec.cut_x0_um or x0 >= spec.cut_x1_um:
                cell.add(poly)
        else:
            cell.add(*gdstk.boolean(poly, window, "not", layer=poly.layer, datatype=poly.datatype))
    return cell
