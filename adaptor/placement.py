"""Resolution and geometry: an intent graph becomes a placement of library cells (µm).

Die coordinates: the die spans (0, 0)–(die_w, die_h). The bond pads sit in a zone along the
die edge (one row deep for a single ring, two for a double ring); the I/O cell row sits inside
it. Cell orientations: bottom R0, right R90, top R180, left R270 (the die-edge side of every
cell faces outward); corners bottom-left R0, bottom-right R90, top-right R180, top-left R270.

Along each side, cells are walked in placement order from the corner before the side.
Breakers go in the gap between neighbouring pads of different domains, and in the first gap of
a side when the domain changes across the corner before it. Fillers close every gap exactly.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict

from adaptor.errors import UserError
from adaptor.graph import IntentView, side_sequence
from adaptor.intent import AnalogDomain, DigitalDomain, IntentGraph, Order, Pad, RingKind, Side
from adaptor.rules import core_net
from adaptor.technology import CellInfo, Profile, bus_label_y, cell_info, load_profile

Kind = Literal["pad", "corner", "filler", "breaker", "bondpad"]
ROTATION = {Side.bottom: 0, Side.right: 90, Side.top: 180, Side.left: 270}
CORNER_ROTATION = {"bottom_left": 0, "bottom_right": 90, "top_right": 180, "top_left": 270}


class Placed(BaseModel):
    """One placed cell instance. ``x, y`` is its origin and ``rotation`` in degrees (counterclockwise)."""

    model_config = ConfigDict(extra="forbid")

    kind: Kind
    cell: str
    name: str
    x: float
    y: float
    rotation: int
    side: Side | None = None
    position: str | None = None
    box: tuple[float, float, float, float]
    width_um: float = 0.0
    domain: str | None = None
    pad: str | None = None
    role: str | None = None
    nets: dict[str, str] = {}


class Label(BaseModel):
    """A text at die coordinates on a layer."""

    text: str
    layer: tuple[int, int]
    x: float
    y: float


class Strap(BaseModel):
    """A rectangle of top metal joining a bond pad to its cell pin."""

    layer: tuple[int, int]
    box: tuple[float, float, float, float]


class Segment(BaseModel):
    """A stretch of ring between breakers: its domain and the net on each domain-local bus."""

    domain: str
    nets: dict[str, str]
    pads: list[str]


class Placement(BaseModel):
    """The resolved ring: every cell, label and strap, ready for GDS, netlists and pictures."""

    design: str
    technology: str
    die: tuple[float, float]
    ring_box: tuple[float, float, float, float]
    cells: list[Placed]
    labels: list[Label]
    straps: list[Strap]
    segments: list[Segment]
    ring_nets: dict[str, str]

    def of_kind(self, kind: Kind) -> list[Placed]:
        """The placed cells of one kind."""
        return [c for c in self.cells if c.kind == kind]


def snap(value: float, grid: float) -> float:
    """``value`` rounded to the grid (µm)."""
    return round(round(value / grid) * grid, 6)


def transform(x: float, y: float, rotation: int, ox: float, oy: float) -> tuple[float, float]:
    """A cell-local point in die coordinates: rotate by ``rotation`` degrees, then move to (ox, oy)."""
    c, s = {0: (1, 0), 90: (0, 1), 180: (-1, 0), 270: (0, -1)}[rotation]
    return ox + c * x - s * y, oy + s * x + c * y


def _box(x0: float, y0: float, x1: float, y1: float, rotation: int, ox: float, oy: float) -> tuple[float, ...]:
    (ax, ay), (bx, by) = transform(x0, y0, rotation, ox, oy), transform(x1, y1, rotation, ox, oy)
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def fill(width: float, fillers: dict[str, float]) -> list[tuple[str, float]]:
    """Filler cells (name, width) that add up to ``width`` µm exactly, widest first."""
    out, rest = [], round(width, 6)
    for name, w in sorted(fillers.items(), key=lambda kv: -kv[1]):
        n = int(math.floor(rest / w + 1e-9))
        out += [(name, w)] * n
        rest = round(rest - n * w, 6)
    if rest > 1e-6:
        raise UserError(f"a gap of {width} µm cannot be closed with fillers", "die sizes must be whole µm")
    return out


def _gaps(length: float, n: int, needs: list[float], pad_w: float, where: str) -> list[float]:
    """Widths of the n+1 gaps of a side: uniform when that leaves room for every breaker."""
    total = round(length - n * pad_w, 6)
    if total < sum(needs) - 1e-6:
        raise UserError(f"the pads of the {where} side do not fit: {n} pads of {pad_w} µm and "
                        f"{sum(1 for x in needs if x)} breaker(s) need {n * pad_w + sum(needs):g} µm, "
                        f"the side has {length:g} µm", "make the die larger or leave die_um out")
    whole = int(math.floor(total + 1e-9))
    base, extra = divmod(whole, n + 1)
    gaps = [float(base + (1 if k < extra else 0)) for k in range(n + 1)]
    if all(g >= need for g, need in zip(gaps, needs)):
        gaps[-1] += round(total - whole, 6)
        return gaps
    spare = total - sum(needs)
    base, extra = divmod(int(math.floor(spare + 1e-9)), n + 1)
    gaps = [need + base + (1 if k < extra else 0) for k, need in enumerate(needs)]
    gaps[-1] += round(total - sum(gaps), 6)
    return gaps


def _nets(intent: IntentGraph, domain: AnalogDomain | DigitalDomain, core_vdd: str) -> dict[str, str]:
    local = (domain.vdd, domain.vss) if isinstance(domain, AnalogDomain) else (domain.io_vdd, domain.io_vss)
    return {"vss": intent.common_ground, "vdd": core_vdd, "iovdd": local[0], "iovss": local[1]}


def pad_nets(pad: Pad, ports: list[str], buses: dict[str, str]) -> dict[str, str]:
    """Port → net for one pad instance: buses, the pad net, and core-side nets ``<name>_CORE…``."""
    nets = {p: buses[p] for p in ports if p in buses}
    if "pad" in ports:
        nets["pad"] = pad.name
    core = [p for p in ports if p not in nets]
    suffix = {"p2c": "", "c2p": "_O", "c2p_en": "_OE", "padres": ""} if len(core) > 1 else {}
    for port in core:
        nets[port] = core_net(pad.name) + suffix.get(port, "")
    return nets


def place(intent: IntentGraph) -> Placement:
    """Resolve and place a rule-valid intent on its technology; UserError when it cannot fit."""
    profile = load_profile(intent.technology)
    info = cell_info(intent.technology)
    view = IntentView.build(intent)
    pw, depth, corner = profile.pad_width_um, profile.cell_depth_um, profile.corner.size_um
    double = intent.ring.kind is RingKind.double
    if double and profile.bond_pad.in_cell:
        raise UserError(f"{profile.name} pad cells carry their bond pad inside the cell: a double ring (two rows "
                        "of bond pads) cannot be built", "use ring kind 'single' with this technology")
    zone = profile.bond_pad.zone_um(double)
    seq = side_sequence(intent.ring.order)
    digital = next((d for d in intent.domains if isinstance(d, DigitalDomain)), None)
    core_vdd = digital.core_vdd if digital else profile.core_vdd_fallback

    on_side: dict[Side, list[int]] = {s: [] for s in seq}
    for i in view.order:
        on_side[view.positions[i].side].append(i)
    ring = [i for s in seq for i in on_side[s]]
    domain_of = {i: intent.pads[i].domain for i in ring}

    needs: dict[Side, list[float]] = {}
    for n, side in enumerate(seq):
        pads = on_side[side]
        before = on_side[seq[n - 1]][-1]
        need = [profile.breaker_width_um if domain_of[before] != domain_of[pads[0]] else 0.0]
        need += [profile.breaker_width_um if domain_of[a] != domain_of[b] else 0.0 for a, b in zip(pads, pads[1:])]
        needs[side] = need + [0.0]

    def side_need(side: Side) -> float:
        n = len(on_side[side])
        return n * pw + sum(max(x, profile.default_gap_um) for x in needs[side])

    if intent.ring.die_um is not None:
        die_w, die_h = intent.ring.die_um.width, intent.ring.die_um.height
        for value, what in ((die_w, "width"), (die_h, "height")):
            if abs(value - round(value)) > 1e-9:
                raise UserError(f"die {what} {value} µm is not a whole number of µm",
                                "fillers close gaps in steps of 1 µm: use whole µm")
    else:
        die_w = 2 * zone + 2 * corner + max(side_need(Side.top), side_need(Side.bottom))
        die_h = 2 * zone + 2 * corner + max(side_need(Side.left), side_need(Side.right))
    x0, y0, x1, y1 = zone, zone, die_w - zone, die_h - zone
    if x1 - x0 < 2 * corner or y1 - y0 < 2 * corner:
        raise UserError(f"die {die_w:g} × {die_h:g} µm is too small for the corners",
                        "make the die larger or leave die_um out")

    cells: list[Placed] = []
    labels: list[Label] = []
    straps: list[Strap] = []
    for name, rot in CORNER_ROTATION.items():
        ox = {"bottom_left": x0 + corner, "bottom_right": x1, "top_right": x1 - corner, "top_left": x0}[name]
        oy = {"bottom_left": y0, "bottom_right": y0 + corner, "top_right": y1, "top_left": y1 - corner}[name]
        cells.append(Placed(kind="corner", cell=profile.corner.cell, name=f"CORNER_{name}", x=ox, y=oy,
                            rotation=rot, position=name, box=_box(-corner, 0, 0, corner, rot, ox, oy)))

    # walk start and direction of each side (placement order)
    ccw = intent.ring.order is Order.counterclockwise
    start = {Side.left: (y1 - corner, -1) if ccw else (y0 + corner, 1),
             Side.bottom: (x0 + corner, 1) if ccw else (x1 - corner, -1),
             Side.right: (y0 + corner, 1) if ccw else (y1 - corner, -1),
             Side.top: (x1 - corner, -1) if ccw else (x0 + corner, 1)}

    def put(kind: Kind, cell: str, name: str, side: Side, t: float, w: float, **extra: object) -> Placed:
        s0, sign = start[side]
        a = s0 + t if sign > 0 else s0 - t - w
        rot = ROTATION[side]
        ox, oy = {Side.bottom: (a, y0), Side.top: (a + w, y1), Side.left: (x0, a + w), Side.right: (x1, a)}[side]
        placed = Placed(kind=kind, cell=cell, name=name, x=snap(ox, profile.grid_um), y=snap(oy, profile.grid_um),
                        rotation=rot, side=side, box=_box(0, 0, w, depth, rot, ox, oy), width_um=w, **extra)
        cells.append(placed)
        return placed

    band = bus_label_y(profile.name)
    n_filler = n_breaker = 0
    for side in seq:
        pads = on_side[side]
        length = (x1 - x0 if side in (Side.bottom, Side.top) else y1 - y0) - 2 * corner
        gaps = _gaps(length, len(pads), needs[side], pw, side.value)
        t = 0.0
        for k, gap in enumerate(gaps):
            g0 = t
            if needs[side][k]:
                before = pads[k - 1] if k else on_side[seq[seq.index(side) - 1]][-1]
                put("breaker", "", f"BREAKER_{n_breaker}", side, t, profile.breaker_width_um,
                    domain=f"{domain_of[before]}|{domain_of[pads[k]]}")
                n_breaker += 1
                t += profile.breaker_width_um
            for fname, fw in fill(g0 + gap - t, profile.fillers):
                put("filler", fname, f"FILLER_{n_filler}", side, t, fw)
                n_filler += 1
                t += fw
            t = g0 + gap
            if k == len(pads):
                break
            pad = intent.pads[pads[k]]
            cell = profile.pad_cell(pad)
            if cell not in info:
                raise UserError(f"pad {pad.name} at {pad.position}: no cell {cell!r} in {profile.name}",
                                "remove the cell override or name a library cell")
            domain = intent.domain(pad.domain)
            assert domain is not None
            nets = pad_nets(pad, info[cell].ports, _nets(intent, domain, core_vdd))
            placed = put("pad", cell, f"X_{pad.position}", side, t, pw, position=pad.position, domain=pad.domain,
                         pad=pad.name, role=pad.role.value, nets=nets)
            _attach(profile, info[cell], placed, view.positions[pads[k]].is_inner, double, band, cells, labels, straps)
            t += pw
    segments = _segments(intent, cells, core_vdd)
    return Placement(design=intent.design, technology=profile.name, die=(die_w, die_h), ring_box=(x0, y0, x1, y1),
                     cells=cells, labels=labels, straps=straps, segments=segments,
                     ring_nets={"vss": intent.common_ground, "vdd": core_vdd})


def _attach(profile: Profile, info: CellInfo, placed: Placed, inner: bool, double: bool, band: dict[str, float],
            cells: list[Placed], labels: list[Label], straps: list[Strap]) -> None:
    """The bond pad, its strap and the labels of one pad cell (in-cell bond pads: the labels only)."""
    bp, pw = profile.bond_pad, profile.pad_width_um
    if bp.in_cell:
        assert bp.centre_um is not None
        port = _pad_port(info, profile)
        bx, by = transform(*bp.centre_um, placed.rotation, placed.x, placed.y)
        labels.append(Label(text=placed.nets.get(port, port), layer=profile.pad_pin_layer, x=bx, y=by))
        labels.append(Label(text=placed.pad or "", layer=profile.text_layer, x=bx, y=by))
        _port_labels(profile, info, placed, band, labels)
        return
    far = double and not inner
    cy = -bp.row_pitch_um * (1.5 if far else 0.5)
    rot, ox, oy = placed.rotation, placed.x, placed.y
    bx, by = transform(pw / 2, cy, rot, ox, oy)
    cells.append(Placed(kind="bondpad", cell=bp.cell, name=f"PAD_{placed.position}", x=snap(bx, profile.grid_um),
                        y=snap(by, profile.grid_um), rotation=rot, side=placed.side, position=placed.position,
                        box=_box(pw / 2 - bp.metal_um / 2, cy - bp.metal_um / 2, pw / 2 + bp.metal_um / 2,
                                 cy + bp.metal_um / 2, rot, ox, oy), pad=placed.pad, domain=placed.domain))
    half = (bp.strap_width_um if far else bp.opening_um) / 2
    port = _pad_port(info, profile)
    pin = info.pin_xy(port, profile.pad_pin_layer)
    top = 2 * pin[1] if pin else 0.0  # the pin strip is centred on its label
    straps.append(Strap(layer=bp.metal_layer, box=_box(pw / 2 - half, cy + bp.metal_um / 2 - 0.1, pw / 2 + half,
                                                        top, rot, ox, oy)))
    labels.append(Label(text=placed.nets.get(port, port), layer=profile.pad_pin_layer, x=bx, y=by))
    labels.append(Label(text=placed.pad or "", layer=profile.text_layer, x=bx, y=by))
    _port_labels(profile, info, placed, band, labels)


def _port_labels(profile: Profile, info: CellInfo, placed: Placed, band: dict[str, float],
                 labels: list[Label]) -> None:
    """A label of each bus port on its band and of each core-side port on its pin."""
    pw, rot, ox, oy = profile.pad_width_um, placed.rotation, placed.x, placed.y
    for port, net in placed.nets.items():
        if port in band:
            lx, ly = transform(pw / 2, band[port], rot, ox, oy)
            labels.append(Label(text=net, layer=profile.bus_label_layer, x=lx, y=ly))
        elif port != "pad":
            xy = info.pin_xy(port, profile.core_pin_layer)
            if xy is not None:
                lx, ly = transform(*xy, rot, ox, oy)
                labels.append(Label(text=net, layer=profile.core_pin_layer, x=lx, y=ly))


def _pad_port(info: CellInfo, profile: Profile) -> str:
    """The port on the bond pad: ``pad``, or the bus a supply cell connects to (the pad pin at the die edge, or
    the label at the centre of an in-cell bond pad)."""
    bp = profile.bond_pad
    if bp.in_cell and bp.centre_um is not None:
        cx, cy = bp.centre_um
        edge = [p for p in info.pins if tuple(p["layer"]) == tuple(profile.pad_pin_layer)
                and abs(float(p["x"]) - cx) < 1e-3 and abs(float(p["y"]) - cy) < 1e-3]
        return str(edge[0]["name"]) if edge else "pad"
    edge = [p for p in info.pins if tuple(p["layer"]) == tuple(profile.pad_pin_layer) and float(p["y"]) < 5]
    return str(edge[0]["name"]) if edge else "pad"


def _segments(intent: IntentGraph, cells: list[Placed], core_vdd: str) -> list[Segment]:
    """Stretches between breakers, in ring order, with the net of each domain-local bus."""
    walk = [c for c in cells if c.kind in ("pad", "breaker")]
    cut = next((k for k, c in enumerate(walk) if c.kind == "breaker"), 0)
    groups: list[list[Placed]] = [[]]
    for c in walk[cut:] + walk[:cut]:
        if c.kind == "breaker":
            groups.append([])
        else:
            groups[-1].append(c)
    return [_segment(intent, g, core_vdd) for g in groups if g]


def _segment(intent: IntentGraph, pads: list[Placed], core_vdd: str) -> Segment:
    domain = intent.domain(pads[0].domain or "")
    assert domain is not None
    nets = _nets(intent, domain, core_vdd)
    return Segment(domain=domain.name, nets={k: nets[k] for k in ("iovdd", "iovss")},
                   pads=[p.pad or "" for p in pads])
