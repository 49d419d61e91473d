"""LVS of a ring on klayout.db: connectivity from the layout, checked against the *intent*.

1. Extraction, hierarchical, over Metal2…TopMetal2 and their vias with the pin and label
   layers; the strips of each bus are joined inside each pad cell by drawn virtual wires (they
   meet on front-end layers that are not extracted; ``join_net_names`` on subcells corrupts
   klayout's heap, see ``_join_bus_strips``). Fillers, corners, breakers and bond pads are
   flattened into the top, pad cells become black boxes.
2. A reference netlist is built from the intent (SPICE text, black-box pad cells) and compared
   with NetlistComparer (``lvs.compare``, unmatched nets from the cross reference).
3. Explicit checks in words a designer reads, because the comparer pairs nets by topology
   and uses names only to break ties:
   - lvs.net_name: every port of every pad is on the net the intent says (swapped labels);
   - lvs.short: a net carrying two different labels;
   - lvs.pad_missing / lvs.pad_unexpected / lvs.pad_cell: pads where the intent has none, or
     the wrong cell;
   - lvs.segment_split / lvs.domain_short: each bus segment between breakers is one net, and
     two segments never share one (a breaker left out shorts two domains);
   - lvs.bus_open: every bus that runs all the way round forms a closed loop around the die
     centre (a single missing filler leaves the net connected the other way round, so
     counting nets would miss it);
   - lvs.label_layer / lvs.label_missing: every label of the intent's ring is there, on its layer;
   - lvs.open: a pad-pin label on a net that reaches no pad cell (a bond pad cut off);
   - lvs.pad_cell also for an intent whose cell override is not a cell of the pad's role: the
     reference comes from the role.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import klayout.db as kdb

from adaptor.findings import Finding, Severity
from adaptor.intent import Direction, IntentGraph, Role
from adaptor.placement import Placement, place
from adaptor.connectivity import pad_cells
from adaptor.technology import Profile, cell_info, load_profile
from verify.layout import RingLayout

BUSES = ("vss", "vdd", "iovss", "iovdd")
MATCH_TOLERANCE_UM = 40.0  # a layout pad cell this close to the expected origin is that pad
MATCH = kdb.NetlistCrossReference.Match


@dataclass(frozen=True)
class Stack:
    """The layers the metal LVS extracts, from the technology profile: the connectivity stack from
    ``connectivity.lvs_from`` up, each ``(name, (layer, datatype))``; metals and vias alternate."""

    layers: list[tuple[str, tuple[int, int]]]
    metals: frozenset[str]
    pin_datatype: int
    loop_layer: str  # the metal that carries every bus (the bus-label layer): a bus running round is a loop here
    pad_cells: frozenset[str]


def stack(profile: Profile) -> Stack:
    """The metal-LVS layer stack of ``profile``."""
    conn = profile.connectivity
    start = conn.stack.index(conn.lvs_from)
    names = conn.stack[start:]
    layers = [(name, tuple(profile.layers[name])) for name in names]
    metals = frozenset(name for k, name in enumerate(conn.stack) if k >= start and k % 2 == 0)
    loop = next(name for name in metals if profile.layers[name][0] == profile.bus_label_layer[0])
    return Stack(layers, metals, conn.pin_datatype, loop, frozenset(pad_cells(profile)))  # type: ignore[arg-type]


@dataclass
class LvsResult:
    """Findings, whether NetlistComparer matched, and the LVS object (for writing the database)."""

    findings: list[Finding]
    compare_match: bool
    lvs: kdb.LayoutVsSchematic


def _finding(rule: str, message: str, hint: str = "", where: str = "ring", x: float | None = None,
             y: float | None = None) -> Finding:
    return Finding(rule=rule, where=where, message=message, hint=hint,
                   x_um=None if x is None else round(x, 3), y_um=None if y is None else round(y, 3))


def extract(ring: RingLayout, must_connect: list[str] = ()) -> tuple[kdb.LayoutVsSchematic, dict[str, kdb.Region]]:
    """Hierarchical extraction with black-box pad cells; ``must_connect`` nets are joined by name in the top."""
    _pad_cells_as_ports(ring)
    lvs = kdb.LayoutVsSchematic(kdb.RecursiveShapeIterator(ring.layout, ring.top, []))
    st = stack(load_profile(ring.technology))
    layers = {name: lvs.make_layer(ring.layer(layer), name) for name, layer in st.layers}
    for (a, _), (b, _) in zip(st.layers, st.layers[1:]):
        lvs.connect(layers[a], layers[b])
    for name, (layer, _) in st.layers:
        if name in st.metals:
            text = lvs.make_text_layer(ring.layer((layer, st.pin_datatype)), f"{name}_text")
            lvs.connect(layers[name])
            lvs.connect(layers[name], text)
    _join_bus_strips(ring, lvs, layers)
    for net in must_connect:
        lvs.join_net_names(ring.top.name, net)
    lvs.extract_netlist()
    netlist = lvs.netlist()
    top = ring.top.name
    pads = [c.name for c in netlist.each_circuit() if c.name in st.pad_cells]
    for circuit in list(netlist.each_circuit()):
        if circuit.name != top and circuit.name not in pads:
            netlist.flatten_circuit(circuit)
    for name in pads:
        netlist.blank_circuit(name)
    return lvs, layers


def _pad_cells_as_ports(ring: RingLayout) -> None:
    """Each pad cell reduced to its connectivity on the LVS layers, in this in-memory copy of the layout.

    A pad cell is a black box here: what matters is which of its metal shapes are joined. So its
    metals (its own and its sub-cells', flat) stay as drawn, its sub-cells (clamps, level shifters)
    go, and each via layer becomes the overlaps of the two metals it joins that hold a via (of the
    cell or a sub-cell): the same connectivity, exactly (an overlap lies inside one shape of each
    metal), without the pad cells' thousands of vias, which were 90 % of the extraction time. The
    drawn cells were compared with the shipped library before (``drc.library_cell``), so a
    modified pad cell is still reported.
    """
    layout, st = ring.layout, stack(load_profile(ring.technology))
    for name in [c.name for c in layout.each_cell() if c.name in st.pad_cells]:
        cell = layout.cell(name)
        indexes = {layer: ring.layer(layer) for _, layer in st.layers}
        metals = {metal: kdb.Region() for metal in st.metals}
        for metal, layer in st.layers:
            if metal in st.metals:  # copied now: the sub-cells are pruned below
                metals[metal].insert(cell.begin_shapes_rec(indexes[layer]))
        blobs: dict[tuple[int, int], kdb.Region] = {}
        for k, (via, layer) in enumerate(st.layers):
            if via in st.metals:
                continue
            blobs[layer] = kdb.Region()
            for overlap in (metals[st.layers[k - 1][0]] & metals[st.layers[k + 1][0]]).each():
                # a box-tree lookup per overlap (Region.interacting would merge thousands of vias: 10× slower)
                if _holds_via(layout, cell, indexes[layer], overlap):
                    blobs[layer].insert(overlap)
        cell.prune_subcells()
        for metal, layer in st.layers:
            shapes = cell.shapes(indexes[layer])
            shapes.clear()
            shapes.insert(metals[metal] if metal in st.metals else blobs[layer])


def _holds_via(layout: kdb.Layout, cell: kdb.Cell, via: int, overlap: kdb.Polygon) -> bool:
    """Whether a shape of layer ``via`` in ``cell`` or its sub-cells touches ``overlap``."""
    found = kdb.RecursiveShapeIterator(layout, cell, via, overlap.bbox(), False)
    while not found.at_end():
        if overlap.touches(found.shape().polygon.transformed(found.trans())):
            return True
        found.next()
    return False


def _join_bus_strips(ring: RingLayout, lvs: kdb.LayoutVsSchematic, layers: dict[str, kdb.Region]) -> None:
    """Join the strips of each bus inside every pad cell with drawn (virtual) wires.

    A pad cell carries a bus in several strips (iovss at y 6-61 and 125-135, …) that meet on
    front-end layers this extraction does not read. ``join_net_names`` on a subcell corrupts
    klayout's heap (0.30.12: joining two pins of a child re-joins the parent's nets and
    appends to a cluster connection list freed by ``rename_connection``; an open double ring
    aborts with ``malloc(): unaligned fastbin chunk``). So the join is geometry instead, in
    this in-memory copy of the layout: a dot under each of the bus's labels on each metal
    (layer ``dot``, connected to that metal only) and a wire over the dots of the bus
    (connected to the dots only), per pad cell. Fillers and corners are not joined: their
    strips of one metal meet the next pad cell's strips, as on silicon.
    """
    layout, dot_um = ring.layout, 0.01
    st = stack(load_profile(ring.technology))
    dots: dict[tuple[str, str], int] = {}
    wires: dict[str, int] = {}
    for cell in layout.each_cell():
        if cell.name not in st.pad_cells:
            continue
        spans: dict[str, kdb.DBox] = {}
        for name, (layer, _) in st.layers:
            if name not in st.metals:
                continue
            for shape in cell.shapes(ring.layer((layer, st.pin_datatype))).each():
                bus = shape.text_string if shape.is_text() else ""
                if bus not in BUSES:
                    continue
                if (bus, name) not in dots:
                    dots[bus, name] = layout.insert_layer(kdb.LayerInfo())
                dot = kdb.DBox(shape.text_dpos, shape.text_dpos).enlarged(dot_um, dot_um)
                cell.shapes(dots[bus, name]).insert(dot)
                spans[bus] = spans.get(bus, kdb.DBox()) + dot
        for bus, span in spans.items():
            if bus not in wires:
                wires[bus] = layout.insert_layer(kdb.LayerInfo())
            cell.shapes(wires[bus]).insert(span)
    wire_regions = {bus: lvs.make_layer(index, f"join_{bus}") for bus, index in wires.items()}
    for (bus, metal), index in dots.items():
        region = lvs.make_layer(index, f"dot_{bus}_{metal}")
        lvs.connect(region, layers[metal])
        lvs.connect(region, wire_regions[bus])


def reference_spice(placement: Placement) -> str:
    """The reference netlist from the intent: black-box pad cells and one instance per pad."""
    info = cell_info(placement.technology)
    lines = ["* reference netlist from the intent, written by ioring"]
    for cell in sorted({c.cell for c in placement.of_kind("pad")}):
        lines += [f".SUBCKT {cell} {' '.join(info[cell].ports)}", ".ENDS"]
    lines.append(f".SUBCKT {placement.design}")
    for c in placement.of_kind("pad"):
        lines.append(f"X{c.name} {' '.join(c.nets[p] for p in info[c.cell].ports)} {c.cell}")
    return "\n".join(lines + [".ENDS", ""])


def _reference(text: str, path: str, profile: Profile) -> kdb.Netlist:
    with open(path, "w") as handle:
        handle.write(text)
    ref = kdb.Netlist()
    ref.read(path, kdb.NetlistSpiceReader())
    pads = {name.upper() for name in stack(profile).pad_cells}
    for circuit in list(ref.each_circuit()):
        if circuit.name.upper() in pads:
            ref.blank_circuit(circuit.name)
    return ref


def _compare(lvs: kdb.LayoutVsSchematic, ref: kdb.Netlist) -> tuple[bool, list[Finding]]:
    lvs.reference = ref
    match = lvs.compare(kdb.NetlistComparer())
    out = []
    if not match:
        xref = lvs.xref()
        for pair in xref.each_circuit_pair():
            if pair.status() == MATCH:
                continue
            a, b = pair.first(), pair.second()
            name = (a or b).name
            for net in list(xref.each_net_pair(pair))[:20]:
                if net.status() != MATCH:
                    layout_net = net.first().expanded_name() if net.first() else "(none)"
                    ref_net = net.second().expanded_name() if net.second() else "(none)"
                    out.append(_finding("lvs.compare", f"in {name}: layout net {layout_net} has no equivalent "
                                        f"in the intent's netlist (closest: {ref_net})",
                                        "see the pad and segment findings for the cause"))
            if not out:
                out.append(_finding("lvs.compare", f"circuit {name} does not match the intent's netlist"))
    return match, out


def _pad_ports(lvs: kdb.LayoutVsSchematic, top: str) -> list[tuple[str, kdb.DPoint, dict[str, kdb.Net]]]:
    """Every pad instance of the extracted top: cell, origin (µm) and port → net."""
    circuit = lvs.netlist().circuit_by_name(top)
    out = []
    for sub in circuit.each_subcircuit():
        ports = {}
        for pin in sub.circuit_ref().each_pin():
            net = sub.net_for_pin(pin.id())
            if net is not None:
                ports[pin.name()] = net
        out.append((sub.circuit_ref().name, sub.trans.disp, ports))
    return out


def _label_sets(lvs: kdb.LayoutVsSchematic, ring: RingLayout, layers: dict[str, kdb.Region]) -> dict[int, set[str]]:
    """Top-level label texts on each extracted net (by net cluster id)."""
    texts: defaultdict[int, set[str]] = defaultdict(set)
    st = stack(load_profile(ring.technology))
    for name, (layer, _) in st.layers:
        if name not in st.metals:
            continue
        for shape in ring.top.shapes(ring.layer((layer, st.pin_datatype))).each():
            if shape.is_text():
                point = kdb.DPoint(shape.text_dpos.x, shape.text_dpos.y)
                net = lvs.probe_net(layers[name], point)
                if net is not None:
                    texts[net.cluster_id].add(shape.text_string)
    return texts


def run_lvs(ring: RingLayout, intent: IntentGraph, profile: Profile, workdir: str) -> LvsResult:
    """Extract, compare with the intent, and run the explicit checks."""
    role_intent, findings = _role_cells(intent, profile)
    expected = place(role_intent)
    shared = _shared_nets(expected)
    lvs, layers = extract(ring, shared)
    match, compared = _compare(lvs, _reference(reference_spice(expected), f"{workdir}/reference.sp", profile))
    findings += compared
    findings += [Finding(rule="lvs.must_connect", where="ring", severity=Severity.warning,
                         message=f"net {net} is on {' and '.join(buses)}, which the ring does not join",
                         hint="connect them outside the ring (in the core or the package)")
                 for net, buses in shared.items()]
    labels = _label_sets(lvs, ring, layers)
    for cluster, names in labels.items():
        if len(names) > 1:
            findings.append(_finding("lvs.short", f"labels {', '.join(sorted(names))} are on one net: a short",
                                     "separate the nets or fix the labels"))
    found = _pad_ports(lvs, ring.top.name)
    from verify.frontend import frontend_findings  # imports this module

    findings += frontend_findings(ring, expected, profile, found)
    findings += _pads(expected, found)
    findings += _segments(expected, found)
    findings += _loops(lvs, ring, layers, expected, found)
    findings += _labels(ring, expected)
    findings += _floating_bond_pads(lvs, ring, layers, profile, found)
    return LvsResult(findings=findings, compare_match=match, lvs=lvs)


def _net_name(net: kdb.Net) -> str:
    return net.name or "(unlabelled)"


def _shared_nets(expected: Placement) -> dict[str, list[str]]:
    """Nets the intent puts in places the ring does not connect: more than one kind of bus (the
    common ground is an analog vss), or the signal ports of more than one pad (a repeated name)."""
    places: defaultdict[str, set[str]] = defaultdict(set)
    for pad in expected.of_kind("pad"):
        for port, net in pad.nets.items():
            places[net].add(f"{port} bus" if port in BUSES else f"pad {pad.position}")
    return {net: sorted(where) for net, where in sorted(places.items()) if len(where) > 1}


def _pads(expected: Placement, found: list[tuple[str, kdb.DPoint, dict[str, kdb.Net]]]) -> list[Finding]:
    """Each expected pad found at its place with the right cell and nets."""
    out: list[Finding] = []
    index, used = _NearIndex(found), set()
    for pad in expected.of_kind("pad"):
        near = [k for k in index.near(pad.x, pad.y) if k not in used]
        where = f"{pad.position}"
        if not near:
            out.append(_finding("lvs.pad_missing", f"pad {pad.pad} at {pad.position}: no pad cell in the layout there",
                                "place the pad cell", where, pad.x, pad.y))
            continue
        k = near[0]
        used.add(k)
        cell, _, ports = found[k]
        if cell != pad.cell:
            out.append(_finding("lvs.pad_cell", f"pad {pad.pad} at {pad.position} is a {cell}, the intent needs a "
                                f"{pad.cell}", "use the cell of the pad's role", where, pad.x, pad.y))
            continue
        for port, net_name in pad.nets.items():
            net = ports.get(port)
            got = _net_name(net) if net is not None else "(unconnected)"
            if got != net_name:
                out.append(_finding("lvs.net_name", f"pad {pad.pad} at {pad.position}: port {port} is on net {got}, "
                                    f"the intent says {net_name}", "check the labels and connections of this pad",
                                    where, pad.x, pad.y))
    for k in (k for k in range(len(found)) if k not in used):
        cell, origin, _ = found[k]
        out.append(_finding("lvs.pad_unexpected", f"a {cell} at ({origin.x:g}, {origin.y:g}) µm is not in the intent",
                            "remove it or add it to the intent", "layout", origin.x, origin.y))
    return out


def _near(origin: kdb.DPoint, x: float, y: float) -> bool:
    return abs(origin.x - x) < MATCH_TOLERANCE_UM and abs(origin.y - y) < MATCH_TOLERANCE_UM


class _NearIndex:
    """The found pad instances bucketed by ``MATCH_TOLERANCE_UM`` squares: matching every expected pad is then
    linear in the ring size, not quadratic (400 pads/side: 0.3 s of Python)."""

    def __init__(self, found: list[tuple[str, kdb.DPoint, dict[str, kdb.Net]]]) -> None:
        self.found = found
        self.buckets: defaultdict[tuple[int, int], list[int]] = defaultdict(list)
        for k, (_, origin, _) in enumerate(found):
            self.buckets[self._key(origin.x, origin.y)].append(k)

    @staticmethod
    def _key(x: float, y: float) -> tuple[int, int]:
        return int(x // MATCH_TOLERANCE_UM), int(y // MATCH_TOLERANCE_UM)

    def near(self, x: float, y: float) -> list[int]:
        """Indices (ascending) of the found instances whose origin is within the tolerance of (x, y)."""
        i, j = self._key(x, y)
        return sorted(k for di in (-1, 0, 1) for dj in (-1, 0, 1) for k in self.buckets.get((i + di, j + dj), ())
                      if _near(self.found[k][1], x, y))

    def ports_at(self, x: float, y: float) -> dict[str, kdb.Net]:
        """The ports of the first found instance near (x, y), else none."""
        near = self.near(x, y)
        return self.found[near[0]][2] if near else {}


def _segments(expected: Placement, found: list[tuple[str, kdb.DPoint, dict[str, kdb.Net]]]) -> list[Finding]:
    """Domain-local buses: one net per segment, no net shared between segments."""
    out: list[Finding] = []
    by_pad = {p.pad: p for p in expected.of_kind("pad")}
    owner: dict[tuple[str, int], int] = {}
    index = _NearIndex(found)
    for n, segment in enumerate(expected.segments):
        for bus in ("iovdd", "iovss"):
            nets = {}
            for pad_name in segment.pads:
                pad = by_pad[pad_name]
                net = index.ports_at(pad.x, pad.y).get(bus)
                if net is not None:
                    nets[net.cluster_id] = net
            if len(nets) > 1:
                out.append(_finding("lvs.segment_split", f"the {bus} bus of domain {segment.domain} "
                                    f"({segment.pads[0]}…{segment.pads[-1]}) is split into {len(nets)} nets",
                                    "a filler or cell is missing inside the segment"))
            for cluster in nets:
                other = owner.setdefault((bus, cluster), n)
                if other != n:
                    a, b = expected.segments[other], segment
                    out.append(_finding("lvs.domain_short", f"the {bus} bus of domain {a.domain} and that of domain "
                                        f"{b.domain} are one net: they are shorted",
                                        "a domain breaker is missing between them"))
    return out


def _loops(lvs: kdb.LayoutVsSchematic, ring: RingLayout, layers: dict[str, kdb.Region], expected: Placement,
           found: list[tuple[str, kdb.DPoint, dict[str, kdb.Net]]]) -> list[Finding]:
    """Buses that run all the way round must enclose the die centre."""
    out: list[Finding] = []
    buses = ["vss", "vdd"] + (["iovss", "iovdd"] if len(expected.segments) == 1 else [])
    w, h = expected.die
    centre = kdb.Point(round(w / 2 / ring.dbu), round(h / 2 / ring.dbu))
    for bus in buses:
        nets = {n.cluster_id: n for _, _, ports in found for p, n in ports.items() if p == bus}
        for net in nets.values():
            shapes = lvs.shapes_of_net(net, layers[stack(load_profile(ring.technology)).loop_layer], True).merged()
            closed = any(poly.holes() and kdb.SimplePolygon(list(poly.each_point_hull())).inside(centre)
                         for poly in shapes.each())
            if not closed:
                out.append(_finding("lvs.bus_open", f"the {bus} bus (net {_net_name(net)}) does not close around "
                                    "the die", "a filler, corner or cell is missing in the ring"))
    return out


def _role_cells(intent: IntentGraph, profile: Profile) -> tuple[IntentGraph, list[Finding]]:
    """The intent with every cell override that is not a cell of its pad's role dropped (the reference
    then uses the role's cell), and an ``lvs.pad_cell`` finding for each such override."""
    out: list[Finding] = []
    pads = []
    for pad in intent.pads:
        if pad.cell:
            role_pad = pad.model_copy(update={"cell": None})
            kind = (set(profile.digital_cells[pad.direction or Direction.input].values())
                    if pad.role is Role.digital_io else {profile.pad_cell(role_pad)})
            if pad.cell not in kind:
                out.append(_finding("lvs.pad_cell", f"pad {pad.name} at {pad.position} ({pad.role.value}) is given "
                                    f"cell {pad.cell}, which is not a {pad.role.value} cell: the reference uses "
                                    f"{profile.pad_cell(role_pad)}", f"use one of {', '.join(sorted(kind))}",
                                    pad.position or "intent"))
                pad = role_pad
        pads.append(pad)
    return intent.model_copy(update={"pads": pads}), out


def _labels(ring: RingLayout, expected: Placement) -> list[Finding]:
    """Every label the intent's ring has (pad pins, core pins, bus names) is in the layout, on its layer."""
    dbu = ring.dbu
    have: defaultdict[tuple[str, int, int], set[tuple[int, int]]] = defaultdict(set)
    for index in ring.layout.layer_indexes():
        info = ring.layout.get_info(index)
        for shape in ring.top.shapes(index).each(kdb.Shapes.STexts):
            have[shape.text_string, shape.text.x, shape.text.y].add((info.layer, info.datatype))
    wanted: defaultdict[tuple[str, int, int], set[tuple[int, int]]] = defaultdict(set)
    for label in expected.labels:
        wanted[label.text, round(label.x / dbu), round(label.y / dbu)].add(tuple(label.layer))
    out = []
    for label in expected.labels:
        layer = tuple(label.layer)
        key = (label.text, round(label.x / dbu), round(label.y / dbu))
        layers = have.get(key, set()) - wanted[key]  # the same text there on a layer the ring does not use
        if layer in have.get(key, set()):
            continue
        if layers:
            on = ", ".join(f"{a}/{b}" for a, b in sorted(layers))
            out.append(_finding("lvs.label_layer", f"label {label.text} at ({label.x:g}, {label.y:g}) µm is on layer "
                                f"{on}, the ring needs it on {layer[0]}/{layer[1]}", "move the label back to its "
                                "pin layer: on another layer it names nothing or the wrong shape", "layout",
                                label.x, label.y))
        else:
            out.append(_finding("lvs.label_missing", f"label {label.text} at ({label.x:g}, {label.y:g}) µm on layer "
                                f"{layer[0]}/{layer[1]} is missing", "restore the label (rebuild the ring)", "layout",
                                label.x, label.y))
    return out


def _floating_bond_pads(lvs: kdb.LayoutVsSchematic, ring: RingLayout, layers: dict[str, kdb.Region],
                        profile: Profile, found: list[tuple[str, kdb.DPoint, dict[str, kdb.Net]]]) -> list[Finding]:
    """A pad-pin label on a net that reaches no pad cell is an open (a supply pad's strap deleted: the loose
    bond pad keeps its label, so one name sits on two nets)."""
    layer, _ = profile.pad_pin_layer
    metal = next(name for name, (number, _) in stack(profile).layers if number == layer)
    reached = {net.cluster_id for _, _, ports in found for net in ports.values()}
    out = []
    for shape in ring.top.shapes(ring.layer(profile.pad_pin_layer)).each(kdb.Shapes.STexts):
        point = shape.text_dpos
        net = lvs.probe_net(layers[metal], kdb.DPoint(point.x, point.y))
        if net is None or net.cluster_id not in reached:
            out.append(_finding("lvs.open", f"label {shape.text_string} at ({point.x:g}, {point.y:g}) µm is on a "
                                "net that reaches no pad cell: an open (the bond pad is cut off from its cell)",
                                "restore the strap between the bond pad and its pad cell", "layout", point.x, point.y))
    return out
