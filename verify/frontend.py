"""Front-end LVS: the ring's connectivity over every layer that conducts, checked against the intent.

The metal LVS (verify/lvs.py) extracts Metal2 and up, so a rail of diffusion, well and Metal1
running through a breaker, or a Metal1 shape drawn over the ring, joins nets it cannot see.
Here the whole ring is extracted at device level (adaptor/connectivity.py: diffusion split by
gate poly, gate poly, NWell through its taps, contacts, Metal1 … TopMetal2): fillers, corners,
breakers, bond pads and top-level shapes with all their shapes, pad cells as their net
abstracts (each named net's shapes, so a foreign shape touching a pad's rail or pin joins that
pad net). Each extracted net collects the pad ports it touches; the intent says which net each
port is on. A net touching ports of two different intent nets is a short:

- ``lvs.domain_short``: two supply buses of different domains joined (e.g. AVDD and IOVDD by a
  guard-ring rail left uncut in a breaker), with the place (the breaker, or the drawn shape);
- ``lvs.frontend_short``: any other two intent nets joined (a Metal1 bar across two pins).

Joins the metal LVS already reports (the same ports on one metal net) are not repeated.
The substrate is not a conductor here: the p substrate joins every ground (vss, iovss and the
analog vss) by nature through the substrate ties; that is a resistive path of the silicon, not
a drawn short, so it is stated in lvs.json (``NOTE``) instead of reported as a finding.
"""

from __future__ import annotations

from collections import defaultdict

import klayout.db as kdb

from adaptor.connectivity import Extraction, extract, pad_cells, with_abstracts
from adaptor.findings import Finding
from adaptor.placement import Placed, Placement
from adaptor.technology import Profile
from verify.layout import RingLayout
from verify.lvs import MATCH_TOLERANCE_UM

NOTE = ("front-end LVS extracts diffusion (split by gate poly), gate poly, NWell (through its taps), contacts and "
        "Metal1…TopMetal2 with vias; pad cells are their per-cell net abstracts. The p substrate is not extracted: it "
        "joins every ground (vss, iovss, analog vss) by nature through the substrate ties, so grounds of different "
        "domains always share the substrate resistively; no drawn shape may join them.")
HINTS = {"lvs.domain_short": "cut every layer of the rail in the breaker (diffusion, well, contacts, Metal1 too)",
         "lvs.frontend_short": "remove the shape that joins them"}
MAX_NAMES = 6  # a message lists at most this many joined nets
PLACE_MARGIN_UM = 0.5  # a breaker is a place of a short when the net reaches this far inside its box

Port = tuple[Placed, str]


def frontend_findings(ring: RingLayout, expected: Placement, profile: Profile,
                      metal_ports: list[tuple[str, kdb.DPoint, dict[str, kdb.Net]]]) -> list[Finding]:
    """Shorts between intent nets through any conducting layer that the metal LVS did not report.

    ``metal_ports`` are the metal LVS's pad instances (cell, origin µm, port → net)."""
    layout = with_abstracts(ring.layout, profile)
    ex = extract(layout, layout.cell(ring.top.name), profile)
    netlist = ex.l2n.netlist()
    pads = set(pad_cells(profile))
    for circuit in list(netlist.each_circuit()):
        if circuit.name != ring.top.name and circuit.name not in pads:
            netlist.flatten_circuit(circuit)
    top = netlist.circuit_by_name(ring.top.name)
    placed = {(round(p.x, 3), round(p.y, 3)): p for p in expected.of_kind("pad")}
    pad_of = {sub.id(): pad for sub in top.each_subcircuit() if (pad := _pad_at(sub.trans.disp, placed)) is not None}
    metal = {pad.pad: nets for _, origin, nets in metal_ports if (pad := _pad_at(origin, placed)) is not None}
    pins = {name: [(pin.id(), pin.name()) for pin in netlist.circuit_by_name(name).each_pin()]
            for name in pads if netlist.circuit_by_name(name) is not None}
    on_net: defaultdict[int, list[Port]] = defaultdict(list)  # net cluster → (pad, port); one lookup per pin
    for sub in top.each_subcircuit():
        if (pad := pad_of.get(sub.id())) is None:
            continue
        for pin_id, name in pins.get(sub.circuit_ref().name, ()):
            if name in pad.nets and (net := sub.net_for_pin(pin_id)) is not None:
                on_net[net.cluster_id].append((pad, name))
    found: dict[tuple[str, tuple[str, ...], str], tuple[float, float, set[str]]] = {}
    for net in top.each_net():
        ports = on_net.get(net.cluster_id, [])
        names = tuple(sorted({p.nets[port] for p, port in ports}))
        if len(names) < 2 or _metal_joined(ports, metal):
            continue
        signal = any(port not in profile.buses for _, port in ports)
        rule = "lvs.frontend_short" if signal else "lvs.domain_short"
        layers, where, x, y = _place(ex, net, ring, profile)
        _, _, seen = found.setdefault((rule, names, where), (x, y, set()))
        seen.update(layers)
    out = []
    for (rule, names, where), (x, y, layers) in found.items():
        listed = f"{', '.join(names[:-1])} and {names[-1]}" if len(names) <= MAX_NAMES else \
            f"{', '.join(names[:MAX_NAMES])} and {len(names) - MAX_NAMES} more"
        kind = "the nets" if rule == "lvs.frontend_short" else "the supply buses"
        out.append(Finding(rule=rule, where="ring", x_um=round(x, 3), y_um=round(y, 3),
                           message=f"{kind} {listed} are joined through {', '.join(sorted(layers))} {where}, "
                                   "below the metals the metal LVS sees",
                           hint=HINTS[rule]))
    return out


def _pad_at(origin: kdb.DPoint, placed: dict[tuple[float, float], Placed]) -> Placed | None:
    """The intent's pad whose cell origin is at ``origin`` (µm): exactly there, else within the metal LVS's
    tolerance (a moved pad)."""
    exact = placed.get((round(origin.x, 3), round(origin.y, 3)))
    return exact or next((p for p in placed.values() if abs(origin.x - p.x) < MATCH_TOLERANCE_UM
                          and abs(origin.y - p.y) < MATCH_TOLERANCE_UM), None)


def _metal_joined(ports: list[Port], metal: dict[str, dict[str, kdb.Net]]) -> bool:
    """Whether the metal LVS already has every one of these ports on one net (so it reported the short)."""
    clusters = {net.cluster_id if (net := metal.get(pad.pad, {}).get(port)) is not None else None
                for pad, port in ports}
    return len(clusters) == 1 and None not in clusters


def _place(ex: Extraction, net: kdb.Net, ring: RingLayout, profile: Profile) -> tuple[list[str], str, float, float]:
    """Where a short is (its layers, words, x, y µm): a shape drawn in the top cell on the net, else the breakers
    the net runs through, else the middle of the net."""
    dbu = ring.dbu
    shapes = {name: ex.l2n.shapes_of_net(net, region, True) for name, region in ex.conductors.items()}
    for name, region in shapes.items():
        index = ring.layout.find_layer(*profile.layers[name])
        drawn = kdb.Region() if index is None else kdb.Region(ring.top.shapes(index)).interacting(region)
        if not drawn.is_empty():
            c = drawn.bbox().to_dtype(dbu).center()
            return [name], f"by a shape drawn in the top cell around ({c.x:g}, {c.y:g}) µm", c.x, c.y
    hits: list[kdb.DPoint] = []
    layers: set[str] = set()
    for inst in ring.of_kind("breaker"):
        box = kdb.Region(inst.box.enlarged(-PLACE_MARGIN_UM, -PLACE_MARGIN_UM).to_itype(dbu))
        here = {name for name, region in shapes.items() if not (region & box).is_empty()}
        if here:
            hits.append(inst.box.center())
            layers |= here
    if hits:
        at = ", ".join(f"({c.x:g}, {c.y:g})" for c in hits)
        return sorted(layers), f"in the breaker{'s' if len(hits) > 1 else ''} at {at} µm", hits[0].x, hits[0].y
    box = kdb.Box()
    for region in shapes.values():
        box += region.bbox()
    c = box.to_dtype(dbu).center()
    return [name for name, region in shapes.items() if not region.is_empty()], f"around ({c.x:g}, {c.y:g}) µm", c.x, c.y
