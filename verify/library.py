"""Library cells in a layout compared with the technology's shipped library (``cells.oas``).

The checks black-box the I/O cells: LVS trusts their ports, DRC their boundaries. A cell edited
in the layout (ESD clamps removed from the analog pad) must therefore be caught here, as a
modified library cell (rule ``drc.library_cell``), not as a puzzling side effect.

Each cell is compared by a fingerprint computed in klayout's C++ (no per-shape Python): per
layer the shape count and bounding box, and the list of child instances (cell, transform,
array). Where a layer's fingerprint differs, the layer is compared exactly (XOR of the merged
shapes), because a GDS writer may split a polygon of more than 8190 points into pieces: same
geometry, more shapes. Limit: an edit that keeps a layer's shape count and extent (one shape
moved inside the cell) is not seen.
"""

from __future__ import annotations

from functools import lru_cache

import klayout.db as kdb

from adaptor.technology import load_profile

Fingerprint = tuple[dict[tuple[int, int], tuple[int, str]], tuple[tuple[str, ...], ...]]


@lru_cache(maxsize=4)
def shipped_library(technology: str) -> kdb.Layout:
    """The technology's library cells, read once per process (µm units as in the file)."""
    profile = load_profile(technology)
    layout = kdb.Layout()
    layout.read(str(profile.folder / profile.library))
    return layout


def shipped_cells(technology: str) -> set[str]:
    """Names of every cell in the shipped library (including subcells such as ESD clamps)."""
    return {c.name for c in shipped_library(technology).each_cell()}


def fingerprint(layout: kdb.Layout, cell: kdb.Cell) -> Fingerprint:
    """Per layer (count, bbox in dbu) and the sorted child instances of ``cell``."""
    layers = {}
    for index in layout.layer_indexes():
        shapes = cell.shapes(index)
        if not shapes.is_empty():
            info = layout.get_info(index)
            layers[info.layer, info.datatype] = (shapes.size(), str(cell.bbox(index)))
    insts = tuple(sorted((layout.cell(i.cell_index).name, str(i.cplx_trans), str(i.na), str(i.nb), str(i.a), str(i.b))
                         for i in cell.each_inst()))
    return layers, insts


@lru_cache(maxsize=4)
def shipped_fingerprints(technology: str) -> dict[str, Fingerprint]:
    """The fingerprint of every shipped cell, computed once per process."""
    layout = shipped_library(technology)
    return {c.name: fingerprint(layout, c) for c in layout.each_cell()}


def _same_layer(layout: kdb.Layout, cell: kdb.Cell, library: kdb.Layout, ref: kdb.Cell, layer: tuple[int, int]) -> bool:
    """Exact comparison of one layer of two cells (their own shapes, merged), in library dbu."""
    mine = kdb.Region(cell.shapes(layout.layer(*layer)))
    if abs(layout.dbu - library.dbu) > 1e-12:
        mine.transform(kdb.ICplxTrans(layout.dbu / library.dbu))
    index = library.find_layer(*layer)
    theirs = kdb.Region(ref.shapes(index)) if index is not None else kdb.Region()
    return (mine ^ theirs).is_empty()


def cell_differs(layout: kdb.Layout, cell: kdb.Cell, other: kdb.Layout, ref: kdb.Cell,
                 want: Fingerprint | None = None) -> str:
    """What differs between ``cell`` and ``ref`` (a cell of ``other``; ``want`` its fingerprint), '' if nothing."""
    want = want or fingerprint(other, ref)
    layers, insts = fingerprint(layout, cell)
    if insts != want[1]:
        lost = sorted({i[0] for i in set(want[1]) - set(insts)})
        added = sorted({i[0] for i in set(insts) - set(want[1])})
        return "its subcell instances differ" + (f" (missing {', '.join(lost)})" if lost else "") + (
            f" (added {', '.join(added)})" if added else "")
    changed = [f"{a}/{b}" for (a, b) in sorted(set(layers) | set(want[0]))
               if layers.get((a, b)) != want[0].get((a, b)) and not _same_layer(layout, cell, other, ref, (a, b))]
    return f"its geometry differs on layer(s) {', '.join(changed)}" if changed else ""


def modified_cells(layout: kdb.Layout, technology: str) -> dict[str, str]:
    """Cell name → what differs, for every cell of ``layout`` that is a shipped cell but not the same."""
    library = shipped_library(technology)
    expected = shipped_fingerprints(technology)
    out: dict[str, str] = {}
    for cell in layout.each_cell():
        if cell.name in expected:
            what = cell_differs(layout, cell, library, library.cell(cell.name), expected[cell.name])
            if what:
                out[cell.name] = what
    return out
