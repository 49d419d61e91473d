"""Reading a built ring back from GDS/OASIS: its instances, their kinds and abutment boxes (µm).

The checks trust the layout file, not placement.json: a fault injected into the layout must
show up even though the placement that produced it was clean.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import klayout.db as kdb

from adaptor.errors import UserError
from adaptor.connectivity import pad_cells
from adaptor.technology import Profile, cell_info
from verify.library import modified_cells, shipped_cells

BREAKER_PREFIX = "ioring_"


@dataclass(frozen=True)
class Inst:
    """One instance of the top cell: its kind, cell, transform (µm) and abutment box (µm)."""

    kind: str
    cell: str
    trans: kdb.DCplxTrans
    box: kdb.DBox

    @property
    def origin(self) -> tuple[float, float]:
        """The instance origin, µm."""
        return self.trans.disp.x, self.trans.disp.y

    @property
    def rotation(self) -> int:
        """Rotation in degrees (0, 90, 180, 270; other angles are rounded)."""
        return int(round(self.trans.angle)) % 360


@dataclass
class RingLayout:
    """A ring read back from its layout file."""

    layout: kdb.Layout
    top: kdb.Cell
    insts: list[Inst]
    technology: str

    @cached_property
    def modified_cells(self) -> dict[str, str]:
        """Library cells of this layout that differ from the shipped library: name → what differs."""
        return modified_cells(self.layout, self.technology)

    @property
    def dbu(self) -> float:
        """Database unit, µm."""
        return self.layout.dbu

    def of_kind(self, kind: str) -> list[Inst]:
        """The instances of one kind."""
        return [i for i in self.insts if i.kind == kind]

    def ring_box(self) -> kdb.DBox:
        """The bounding box of every cell in the I/O row (bond pads excluded)."""
        box = kdb.DBox()
        for inst in self.insts:
            if inst.kind != "bondpad":
                box += inst.box
        return box

    def layer(self, layer: tuple[int, int]) -> int:
        """The layer index of a GDS layer/datatype (created when the file has none)."""
        return self.layout.layer(layer[0], layer[1])

    def region(self, layer: tuple[int, int], flat: bool = True) -> kdb.Region:
        """All shapes of ``layer`` under the top cell (``flat=False``: the top cell's own shapes only)."""
        index = self.layer(layer)
        if flat:
            return kdb.Region(self.top.begin_shapes_rec(index))
        return kdb.Region(self.top.shapes(index))


def kind_of(cell: str, profile: Profile) -> str:
    """pad, corner, filler, breaker, bondpad, or other."""
    if cell == profile.corner.cell:
        return "corner"
    if cell in profile.fillers:
        return "filler"
    if cell.startswith(BREAKER_PREFIX):
        return "breaker"
    if cell == profile.bond_pad.cell:
        return "bondpad"
    if cell in pad_cells(profile):
        return "pad"
    return "other"


def read_ring(path: Path, profile: Profile) -> RingLayout:
    """Read a GDS/OASIS ring; its top cell is the one with no parent."""
    layout = kdb.Layout()
    try:
        layout.read(str(path))
    except RuntimeError as exc:
        raise UserError(f"{path}: cannot read the layout ({str(exc).splitlines()[0]})",
                        "pass a GDS or OASIS file written by `ioring build`") from None
    library = shipped_cells(profile.name)
    tops = [layout.cell(t) for t in layout.each_top_cell()]
    rings = [t for t in tops if t.name not in library]  # a library cell left without a parent is not a ring
    if len(rings) != 1:
        names = ", ".join(t.name for t in rings) or "none outside the library"
        raise UserError(f"{path}: the layout has {len(rings)} top cells that are not library cells ({names})",
                        "a ring has exactly one top cell")
    top = rings[0]
    info = cell_info(profile.name)
    breaker_w = profile.breaker_width_um
    insts = []
    for inst in top.each_inst():
        name = inst.cell.name
        kind = kind_of(name, profile)
        if kind == "breaker":
            local = kdb.DBox(0, 0, breaker_w, profile.cell_depth_um)
        elif name in info and info[name].boundary is not None:
            local = kdb.DBox(*info[name].boundary)
        else:
            local = inst.cell.dbbox()
        for trans in inst.dcell_inst.each_cplx_trans():  # every member of an array (OASIS writers make them)
            insts.append(Inst(kind, name, trans, trans * local))
    return RingLayout(layout, top, insts, profile.name)


def layout_digest(paths: list[Path]) -> dict[str, str]:
    """File name → SHA-256 of its bytes: ties a report to the layout it checked."""
    out = {}
    for path in paths:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        out[Path(path).name] = digest.hexdigest()
    return out
