"""A built ring folder read back for export: placement, intent, technology data, and the geometry
every format shares (instance names and cells, DEF orientations, core-side pins). Lengths in µm.

Nothing here names a layer or a cell of a technology: cells come from placement.json and the
technology profile, layer names from the profile's ``lef_layers``, pin shapes from its OASIS.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import gdstk
from pydantic import BaseModel, ConfigDict, ValidationError

from adaptor.bondpad import bond_pad_cell, bond_pad_info
from adaptor.breaker import breaker_cell
from adaptor.errors import UserError
from adaptor.intent import IntentGraph, Side
from adaptor.load import parse_intent
from adaptor.netlist import CORE_DIRECTION
from adaptor.placement import Placed, Placement, transform
from adaptor.technology import CellInfo, Layer, Profile, cell_info, cell_library, load_profile

Rect = tuple[float, float, float, float]
DEF_ORIENT = {0: "N", 90: "W", 180: "S", 270: "E"}
"""Our counterclockwise rotation (degrees) → the LEF/DEF orientation name."""
ROW = {Side.bottom: "IO_SOUTH", Side.right: "IO_EAST", Side.top: "IO_NORTH", Side.left: "IO_WEST"}
"""Ring side → the name of OpenROAD's I/O row on it."""
COMPASS = {Side.bottom: "south", Side.right: "east", Side.top: "north", Side.left: "west"}
REQUIRED = ("placement.json", "intent.json")


@dataclass(frozen=True)
class Ring:
    """A built ring: its folder, placement, intent and technology data."""

    folder: Path
    placement: Placement
    intent: IntentGraph
    profile: Profile
    info: dict[str, CellInfo]

    @property
    def design(self) -> str:
        """The design name (the ring's top cell)."""
        return self.placement.design

    def cell(self, placed: Placed) -> str:
        """The cell of an instance; a breaker without a library cell is the generated breaker cell."""
        return placed.cell or (breaker_cell(self.profile.name).name if placed.kind == "breaker" else "")

    def layer_name(self, layer: Layer | tuple[int, int]) -> str:
        """The LEF name of a GDS pin layer, from the profile's ``lef_layers``."""
        for name, gds in self.profile.lef_layers.items():
            if tuple(gds) == tuple(layer):
                return name
        raise UserError(f"technology {self.profile.name}: layer {tuple(layer)} has no LEF name, the exports need one",
                        "add it to lef_layers in the technology's profile.json")

    @property
    def dbu_per_um(self) -> int:
        """LEF/DEF database units per µm: 1000 unless the technology grid needs finer."""
        return next(d for d in (1000, 2000, 10000, 20000) if abs(self.profile.grid_um * d - round(
            self.profile.grid_um * d)) < 1e-9)

    @property
    def site_width_um(self) -> float:
        """Width of the I/O site: the narrowest filler, the step every gap is closed in."""
        return min(self.profile.fillers.values())


def load_ring(folder: str | Path) -> Ring:
    """Read a folder written by ``ioring build``; UserError naming what is missing or broken."""
    path = Path(folder)
    hint = "pass a folder written by `ioring build INTENT.json -o DIR`"
    if not path.is_dir():
        raise UserError(f"{path}: not a folder", hint)
    missing = [name for name in REQUIRED if not (path / name).is_file()]
    if missing:
        raise UserError(f"{path}: not a built ring, {' and '.join(missing)} missing", hint)
    try:
        placement = Placement.model_validate_json((path / "placement.json").read_text())
        intent = parse_intent(json.loads((path / "intent.json").read_text()))
    except (ValidationError, ValueError, UserError) as exc:
        first = str(exc).splitlines()[0]
        raise UserError(f"{path}: placement.json or intent.json cannot be read ({first})",
                        "rebuild the folder with `ioring build`") from None
    profile = load_profile(placement.technology)
    generated = {} if profile.bond_pad.in_cell else {profile.bond_pad.cell: bond_pad_info(profile.name)}
    return Ring(folder=path, placement=placement, intent=intent, profile=profile,
                info=cell_info(profile.name) | generated)


def bond_pads(ring: Ring) -> list[Placed]:
    """The ring's bond pads in ring order: the placed ones, or for a technology whose pad cells carry their bond
    pad (``bond_pad.in_cell``) the opening inside each pad cell, as a placed record (box: the pad metal)."""
    bp = ring.profile.bond_pad
    if not bp.in_cell or bp.centre_um is None:
        return ring.placement.of_kind("bondpad")
    cx, cy = bp.centre_um
    x0, y0, x1, y1 = ring.info[bp.cell].boundary or (-bp.metal_um / 2, -bp.metal_um / 2, bp.metal_um / 2,
                                                      bp.metal_um / 2)
    out = []
    for pad in ring.placement.of_kind("pad"):
        bx, by = transform(cx, cy, pad.rotation, pad.x, pad.y)
        out.append(Placed(kind="bondpad", cell=bp.cell, name=f"PAD_{pad.position}", x=round(bx, 6), y=round(by, 6),
                          rotation=pad.rotation, side=pad.side, position=pad.position, pad=pad.pad, domain=pad.domain,
                          box=place_rect((cx + x0, cy + y0, cx + x1, cy + y1), pad)))
    return out


def place_rect(rect: Rect, placed: Placed) -> Rect:
    """A rectangle in the cell's own coordinates moved onto the die by the instance's placement."""
    (ax, ay), (bx, by) = (transform(rect[0], rect[1], placed.rotation, placed.x, placed.y),
                          transform(rect[2], rect[3], placed.rotation, placed.x, placed.y))
    return (round(min(ax, bx), 6), round(min(ay, by), 6), round(max(ax, bx), 6), round(max(ay, by), 6))


@lru_cache(maxsize=None)
def _polygons(technology: str, cell: str, layer: tuple[int, int]) -> tuple[gdstk.Polygon, ...]:
    lib = cell_library(technology)
    if cell in lib:
        source = lib[cell]
    else:
        source = bond_pad_cell(technology) if cell == load_profile(technology).bond_pad.cell else breaker_cell(technology)
    return tuple(source.get_polygons(layer=layer[0], datatype=layer[1]))


def pin_shapes(ring: Ring, cell: str, port: str) -> list[tuple[str, Rect]]:
    """(LEF layer, rectangle) of every pin shape of ``port``: the pin-layer shape under each of its labels.

    Cell coordinates; a non-rectangular shape is given by its bounding box.
    """
    info = ring.info[ring.profile.breaker.base_filler if cell not in ring.info else cell]
    out: list[tuple[str, Rect]] = []
    layers = {tuple(v): k for k, v in ring.profile.lef_layers.items()}
    for pin in info.pins:
        layer = tuple(pin["layer"])  # type: ignore[arg-type]
        if pin["name"] != port or layer not in layers:
            continue
        point = (float(pin["x"]), float(pin["y"]))  # type: ignore[arg-type]
        for poly in _polygons(ring.profile.name, cell, layer):  # type: ignore[arg-type]
            if poly.contain(point):
                (x0, y0), (x1, y1) = poly.bounding_box()
                shape = (layers[layer], (round(x0, 6), round(y0, 6), round(x1, 6), round(y1, 6)))
                if shape not in out:
                    out.append(shape)
                break
    return out


def cell_ports(ring: Ring, cell: str) -> list[str]:
    """The ports of a cell; the breaker keeps only the ring-wide buses (its domain-local buses are cut)."""
    if cell in ring.info:
        return list(ring.info[cell].ports)
    base = ring.info[ring.profile.breaker.base_filler].ports
    return [p for p in base if p not in ring.profile.domain_local_buses]


class CorePin(BaseModel):
    """A pin of the ring on the core side: the net the core connects to, where and on which layer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    direction: str
    instance: str
    cell: str
    port: str
    pad: str
    side: Side
    layer: str
    rect: Rect

    @property
    def centre(self) -> tuple[float, float]:
        """Centre of the pin rectangle (µm)."""
        x0, y0, x1, y1 = self.rect
        return round((x0 + x1) / 2, 6), round((y0 + y1) / 2, 6)


def core_pins(ring: Ring) -> list[CorePin]:
    """Every core-side pin of the ring, in ring order, on the technology's core pin layer."""
    layer = ring.layer_name(ring.profile.core_pin_layer)
    out: list[CorePin] = []
    for placed in ring.placement.of_kind("pad"):
        for port, net in placed.nets.items():
            if port not in CORE_DIRECTION:
                continue
            shapes = [r for name, r in pin_shapes(ring, placed.cell, port) if name == layer]
            if not shapes:
                raise UserError(f"{ring.profile.name}: cell {placed.cell} has no {port} pin on {layer}",
                                "regenerate the technology's cell data")
            out.append(CorePin(name=net, direction=CORE_DIRECTION[port].upper(), instance=placed.name,
                               cell=placed.cell, port=port, pad=placed.pad or "", side=placed.side or Side.bottom,
                               layer=layer, rect=place_rect(shapes[0], placed)))
    return out


def core_area(ring: Ring) -> Rect:
    """The opening inside the cell row (µm), where the core goes."""
    x0, y0, x1, y1 = ring.placement.ring_box
    d = ring.profile.cell_depth_um
    return (x0 + d, y0 + d, x1 - d, y1 - d)


def bond_net(ring: Ring, bond: Placed) -> str:
    """The net on a bond pad: the label on the pad pin layer at its centre (a supply pad's bus net)."""
    for label in ring.placement.labels:
        if tuple(label.layer) == tuple(ring.profile.pad_pin_layer) and abs(label.x - bond.x) <= ring.profile.grid_um \
                and abs(label.y - bond.y) <= ring.profile.grid_um:
            return label.text
    return bond.pad or ""


def um(value: float) -> str:
    """A length in µm without trailing zeros."""
    return f"{round(value, 6) + 0.0:g}"
